import { exampleImportRecords } from '#lib/shared/experiences/import-columns.ts';

export function GET() {
	return new Response(JSON.stringify(exampleImportRecords, null, 2) + '\n', {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="experiences-example.json"'
		}
	});
}
