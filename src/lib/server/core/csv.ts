import Papa from 'papaparse';

/** Cells that a spreadsheet would run as a formula get a leading apostrophe. */
export function guardCsvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
	return Papa.unparse({ fields: columns, data: rows.map((row) => columns.map((c) => guardCsvCell(row[c]))) }, { newline: '\r\n' });
}

export interface ParsedCsv {
	columns: string[];
	/** Each row with the 1-based line number it started on in the file. */
	rows: { line: number; values: Record<string, string> }[];
	errors: { line: number; code: string }[];
}

export function parseCsv(text: string): ParsedCsv {
	const clean = text.replace(/^\uFEFF/, '');
	const rows: ParsedCsv['rows'] = [];
	const errors: ParsedCsv['errors'] = [];
	let columns: string[] = [];
	// Line numbers follow the file (the header is line 1), counting newlines up to where each row starts.
	const firstBreak = clean.search(/\r\n|\n|\r/);
	let rowStart = firstBreak < 0 ? clean.length : firstBreak + (clean.startsWith('\r\n', firstBreak) ? 2 : 1);
	let counted = 0;
	let line = 1;
	Papa.parse<Record<string, string>>(clean, {
		header: true,
		skipEmptyLines: 'greedy',
		transformHeader: (h) => h.trim().toLowerCase(),
		step(result) {
			let i = rowStart;
			while (i < clean.length && (clean[i] === '\n' || clean[i] === '\r')) i++;
			for (; counted < i; counted++) {
				const c = clean[counted];
				if (c === '\n' || (c === '\r' && clean[counted + 1] !== '\n')) line++;
			}
			columns = result.meta.fields ?? columns;
			rows.push({ line, values: result.data });
			for (const _ of result.errors) errors.push({ line, code: 'common.csv.malformed' });
			rowStart = result.meta.cursor;
		}
	});
	return { columns, rows, errors };
}
