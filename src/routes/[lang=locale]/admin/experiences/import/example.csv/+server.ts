import { toCsv } from '#lib/server/core/csv.ts';
import { experienceImportColumns, exampleImportRecords } from '#lib/shared/experiences/import-columns.ts';

/** The example file of the import page: the columns it uses, UTF-8 with a byte order mark for spreadsheets. */
export function GET() {
	const columns = experienceImportColumns.filter((c) => exampleImportRecords.some((r) => r[c] !== undefined));
	return new Response('\uFEFF' + toCsv(columns, [...exampleImportRecords]) + '\r\n', {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="experiences-example.csv"'
		}
	});
}
