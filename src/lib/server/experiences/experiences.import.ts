// Importing the existing bank of experiences from a CSV or JSON file (columns and formats:
// docs/import-experiences.md). Every record is checked before anything is written; nothing is written
// unless the whole file is valid, and a dry run writes nothing at all. Records are keyed by their
// external id: importing the same file again updates them instead of adding copies.
import type { Db } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import { recordAudit } from '../core/audit.ts';
import { parseCsv } from '../core/csv.ts';
import { fieldErrorsFromZod, forbidden, ok, type Failure, type Result } from '../core/result.ts';
import { listAllCities } from '../members/index.ts';
import { searchKey } from '../../shared/core/forms.ts';
import { locales, type Locale } from '../../shared/i18n.ts';
import { translatableFields, type TranslatableField } from '../../shared/experiences/constants.ts';
import { experienceFieldsSchema } from '../../shared/experiences/schemas.ts';
import { isTargetGroup } from '../../shared/experiences/classifications.ts';
import { experienceImportColumns, importLimits, importTextColumns } from '../../shared/experiences/import-columns.ts';
import { canOnExperiences } from './experiences.policy.ts';
import { importExperienceRecord, listExperienceTopics, type ImportedExperience } from './experiences.service.ts';
import { findExperienceIdByExternalId } from './experiences.repository.ts';

export type ExperienceImportFormat = 'csv' | 'json';

export interface ExperienceImportProblem {
	/** Line of the file where the record starts (a CSV file's header is line 1), or where the file stops being readable. */
	line: number;
	/** The column (CSV header, or JSON key) at fault; `_file` for the whole file, `_row` for the whole record. */
	column: string;
	/** Message key. */
	code: string;
	values?: Record<string, string | number>;
}

export interface ExperienceImportReport {
	fileName: string;
	format: ExperienceImportFormat;
	dryRun: boolean;
	/** True once the records are written. */
	committed: boolean;
	/** Records in the file. */
	rows: number;
	/** Records whose external id is new (created by the import), and already known (overwritten by it). */
	toCreate: number;
	toUpdate: number;
	errorCount: number;
	/** The first `importLimits.maxReportedProblems` problems, by line. */
	errors: ExperienceImportProblem[];
	/** Columns (or JSON keys) that mean nothing to the import and are left aside. */
	ignoredColumns: string[];
}

export interface ExperienceImportInput {
	text: string;
	fileName?: string;
	/** Guessed from the file name, then from the first character, when not given. */
	format?: ExperienceImportFormat;
	/** Only check (the default); false writes the records if the whole file is valid. */
	dryRun?: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Reading the file into records of cells, each with the line it starts on

/** A cell: text, or a list when a JSON record gives one. */
type Cell = string | string[];

interface RawRecord {
	line: number;
	/** Cells by CSV column name (`title_es`, `city_name`, …), whichever shape the record came in. */
	cells: Map<string, Cell>;
	/** How the file names its fields, so problems are reported in the file's own terms. */
	naming: 'columns' | 'fields';
}

interface ReadFile {
	records: RawRecord[];
	/** Records in the file, readable or not. */
	rowCount: number;
	problems: ExperienceImportProblem[];
	ignored: Set<string>;
}

const knownColumns = new Set(experienceImportColumns);
const textColumns = new Set(importTextColumns);

export function detectImportFormat(fileName: string, text: string): ExperienceImportFormat {
	const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
	if (extension === 'json') return 'json';
	if (extension === 'csv' || extension === 'txt') return 'csv';
	return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

/** Maps an offset of the text to its 1-based line. */
function lineFinder(text: string): (offset: number) => number {
	const breaks: number[] = [];
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
	return (offset) => {
		let low = 0;
		let high = breaks.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if (breaks[middle] < offset) low = middle + 1;
			else high = middle;
		}
		return low + 1;
	};
}

function readCsv(text: string): ReadFile {
	const parsed = parseCsv(text);
	const problems: ExperienceImportProblem[] = [];
	const malformed = new Set<number>();
	for (const error of parsed.errors) {
		if (malformed.has(error.line)) continue;
		malformed.add(error.line);
		problems.push({ line: error.line, column: '_row', code: error.code });
	}
	// A header with no rows under it: the caller reports an empty file.
	if (parsed.rows.length === 0) return { records: [], rowCount: 0, problems, ignored: new Set() };
	const columns = parsed.columns.filter((c) => c !== '');
	const ignored = new Set(columns.filter((c) => !knownColumns.has(c)));
	const missing: string[] = [];
	if (!columns.includes('external_id')) missing.push('external_id');
	if (!columns.includes('city_id') && !columns.includes('city_name')) missing.push('city_id');
	if (!columns.includes('city_id') && columns.includes('city_name') && !columns.includes('country_code')) missing.push('country_code');
	if (!columns.some((c) => c.startsWith('title_') && textColumns.has(c))) missing.push('title_es');
	if (missing.length)
		return {
			records: [],
			rowCount: parsed.rows.length,
			ignored,
			problems: missing.map((column) => ({ line: 1, column, code: 'experiences.import.missing_column' }))
		};
	const records = parsed.rows
		.filter((row) => !malformed.has(row.line))
		.map((row) => ({
			line: row.line,
			naming: 'columns' as const,
			cells: new Map(columns.filter((c) => !ignored.has(c)).map((c) => [c, row.values[c] ?? '']))
		}));
	return { records, rowCount: parsed.rows.length, problems, ignored };
}

class JsonStop {
	offset: number;
	constructor(offset: number) {
		this.offset = offset;
	}
}

/**
 * Checks the JSON syntax and finds where each element of a top-level array starts, so that problems
 * are reported by line. Returns the offset where the text stops being JSON otherwise.
 */
export function scanJson(text: string): { ok: true; elementStarts: number[] } | { ok: false; offset: number } {
	// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
	const stringToken = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
	const numberToken = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
	const elementStarts: number[] = [];
	let i = 0;
	const skipSpace = () => {
		while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
	};
	const token = (pattern: RegExp) => {
		pattern.lastIndex = i;
		if (!pattern.test(text)) throw new JsonStop(i);
		i = pattern.lastIndex;
	};
	const value = (depth: number): void => {
		if (depth > 64) throw new JsonStop(i);
		skipSpace();
		const c = text[i];
		if (c === '{' || c === '[') {
			const close = c === '{' ? '}' : ']';
			i++;
			skipSpace();
			if (text[i] === close) {
				i++;
				return;
			}
			for (;;) {
				skipSpace();
				if (c === '{') {
					token(stringToken);
					skipSpace();
					if (text[i] !== ':') throw new JsonStop(i);
					i++;
				} else if (depth === 0) elementStarts.push(i);
				value(depth + 1);
				skipSpace();
				if (text[i] === ',') i++;
				else if (text[i] === close) {
					i++;
					return;
				} else throw new JsonStop(i);
			}
		}
		if (c === '"') return token(stringToken);
		for (const word of ['true', 'false', 'null'])
			if (text.startsWith(word, i)) {
				i += word.length;
				return;
			}
		token(numberToken);
	};
	try {
		value(0);
		skipSpace();
		if (i < text.length) throw new JsonStop(i);
	} catch (stop) {
		if (stop instanceof JsonStop) return { ok: false, offset: Math.min(stop.offset, text.length) };
		throw stop;
	}
	return { ok: true, elementStarts };
}

const hasControlCharacter = (text: string) => [...text].some((c) => c.charCodeAt(0) < 32);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const snakeOf = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camelOf = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The name a problem is reported under: the CSV column, or the JSON field path of a record in the fields shape. */
function columnName(column: string, naming: RawRecord['naming']): string {
	if (naming === 'columns' || column.startsWith('_')) return column;
	if (textColumns.has(column)) {
		const cut = column.lastIndexOf('_');
		return `texts.${column.slice(cut + 1)}.${column.slice(0, cut)}`;
	}
	return camelOf(column);
}

function cellOf(value: unknown): Cell | undefined {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.map(String);
	return undefined;
}

function readJson(text: string, lineAt: (offset: number) => number): ReadFile {
	const problems: ExperienceImportProblem[] = [];
	const ignored = new Set<string>();
	const scan = scanJson(text);
	if (!scan.ok)
		return {
			records: [],
			ignored,
			rowCount: 0,
			problems: [{ line: lineAt(scan.offset), column: '_file', code: 'experiences.import.json_malformed' }]
		};
	const data: unknown = JSON.parse(text);
	if (!Array.isArray(data))
		return { records: [], ignored, rowCount: 0, problems: [{ line: 1, column: '_file', code: 'experiences.import.json_not_array' }] };
	const records: RawRecord[] = [];
	data.forEach((item, index) => {
		const line = lineAt(scan.elementStarts[index] ?? 0);
		if (!isPlainObject(item)) {
			problems.push({ line, column: '_row', code: 'experiences.import.json_not_object' });
			return;
		}
		const naming: RawRecord['naming'] = 'externalId' in item || 'texts' in item ? 'fields' : 'columns';
		const cells = new Map<string, Cell>();
		const put = (column: string, value: unknown) => {
			const cell = cellOf(value);
			if (cell === undefined) problems.push({ line, column: columnName(column, naming), code: 'experiences.import.bad_value' });
			else cells.set(column, cell);
		};
		for (const [key, value] of Object.entries(item)) {
			if (naming === 'fields' && key === 'texts') {
				if (!isPlainObject(value)) {
					problems.push({ line, column: 'texts', code: 'experiences.import.bad_value' });
					continue;
				}
				for (const [language, byField] of Object.entries(value)) {
					if (!(locales as readonly string[]).includes(language)) ignored.add(`texts.${language}`);
					else if (!isPlainObject(byField)) problems.push({ line, column: `texts.${language}`, code: 'experiences.import.bad_value' });
					else
						for (const [field, text] of Object.entries(byField)) {
							if ((translatableFields as readonly string[]).includes(field)) put(`${field}_${language}`, text);
							else ignored.add(`texts.${language}.${field}`);
						}
				}
				continue;
			}
			const column = naming === 'fields' ? snakeOf(key) : key.trim().toLowerCase();
			if (!knownColumns.has(column) || (naming === 'fields' && textColumns.has(column))) ignored.add(key);
			else put(column, value);
		}
		records.push({ line, naming, cells });
	});
	return { records, problems, ignored, rowCount: data.length };
}

// ---------------------------------------------------------------------------------------------------
// Turning a record into the fields of an experience

interface References {
	cityIds: Set<number>;
	cityByName: Map<string, number>;
	topics: Set<string>;
}

const yes = new Set(['yes', 'y', 'true', '1', 'sí', 'si', 'sim', 'oui', 'vrai', 'verdadero', 'verdadeiro']);
const no = new Set(['no', 'n', 'false', '0', 'não', 'nao', 'non', 'faux', 'falso']);

/** `2012` is the first (or, for an end, the last) day of 2012; `2012-05` likewise of May 2012. */
function dateOf(value: string, end: boolean): string | undefined {
	if (!value) return undefined;
	if (/^\d{4}$/.test(value)) return end ? `${value}-12-31` : `${value}-01-01`;
	const month = /^(\d{4})-(\d{2})$/.exec(value);
	if (month) {
		const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
		return `${value}-${end && last > 0 ? String(last).padStart(2, '0') : '01'}`;
	}
	return value;
}

/** Which zod field paths (`texts.es.title`, `startDate`) are which columns (`title_es`, `start_date`). */
function columnOfPath(path: string, cityColumn: string): string {
	if (path === '_form') return '_row';
	if (path === 'cityId') return cityColumn;
	const text = /^texts\.([a-z]{2})\.([a-z]+)$/.exec(path);
	if (text) return `${text[2]}_${text[1]}`;
	return snakeOf(path);
}

function recordOf(
	raw: RawRecord,
	refs: References
): { externalId: string; problems: ExperienceImportProblem[]; record?: ImportedExperience } {
	const problems: ExperienceImportProblem[] = [];
	const reported = new Set<string>();
	const problem = (column: string, code: string, values?: Record<string, string | number>) => {
		reported.add(column);
		problems.push({ line: raw.line, column: columnName(column, raw.naming), code, ...(values ? { values } : {}) });
	};
	const cell = (column: string): string => {
		const value = raw.cells.get(column) ?? '';
		return (Array.isArray(value) ? value.join(' ') : value).trim();
	};
	const list = (column: string, separators: RegExp): string[] => {
		const value = raw.cells.get(column) ?? '';
		return (Array.isArray(value) ? value : value.split(separators)).map((v) => v.trim()).filter(Boolean);
	};
	const yesNo = (column: string): boolean => {
		const value = cell(column).toLowerCase();
		if (value === '' || no.has(value)) return false;
		if (yes.has(value)) return true;
		problem(column, 'experiences.import.yes_no', { value: cell(column) });
		return false;
	};

	const externalId = cell('external_id');
	if (!externalId) problem('external_id', 'experiences.import.external_id_required');
	else if (externalId.length > 100 || hasControlCharacter(externalId)) problem('external_id', 'experiences.import.external_id_invalid');

	let cityId: number | undefined;
	let cityColumn = 'city_id';
	const cityIdCell = cell('city_id');
	if (cityIdCell) {
		const id = Number(cityIdCell);
		if (Number.isSafeInteger(id) && refs.cityIds.has(id)) cityId = id;
		else problem('city_id', 'experiences.import.city_id_unknown', { id: cityIdCell });
	} else {
		cityColumn = 'city_name';
		const name = cell('city_name');
		const country = cell('country_code').toUpperCase();
		if (!name) problem('city_id', 'experiences.import.city_required');
		else if (!country) problem('country_code', 'experiences.import.country_required');
		else {
			cityId = refs.cityByName.get(`${searchKey(name)}|${country}`);
			if (cityId === undefined) problem('city_name', 'experiences.import.city_unknown', { name, country });
		}
	}
	if (cityId === undefined) reported.add(cityColumn);

	const coLeadCityIds: number[] = [];
	for (const value of list('co_lead_city_ids', /[\s;|,]+/)) {
		const id = Number(value);
		if (Number.isSafeInteger(id) && refs.cityIds.has(id)) coLeadCityIds.push(id);
		else problem('co_lead_city_ids', 'experiences.import.city_id_unknown', { id: value });
	}

	const texts: Partial<Record<Locale, Partial<Record<TranslatableField, string>>>> = {};
	for (const locale of locales) {
		const entry: Partial<Record<TranslatableField, string>> = {};
		for (const field of translatableFields) {
			const value = cell(`${field}_${locale}`);
			if (value) entry[field] = value;
		}
		if (Object.keys(entry).length) texts[locale] = entry;
	}
	let originalLanguage = cell('original_language').toLowerCase();
	if (!originalLanguage) {
		const titled = locales.filter((l) => texts[l]?.title);
		if (titled.length === 1) originalLanguage = titled[0];
		else problem('original_language', 'experiences.import.original_language_required');
	}

	const status = cell('status').toLowerCase() || 'published';
	if (status !== 'draft' && status !== 'published') problem('status', 'experiences.import.status', { value: cell('status') });
	const featured = yesNo('featured');
	const ongoing = yesNo('ongoing');
	const codes = /[\s;|,]+/;
	const banks = list('banks', codes).map((b) => b.toLowerCase());

	const parsed = experienceFieldsSchema.safeParse({
		cityId,
		coLeadCityIds,
		originalLanguage: originalLanguage || undefined,
		texts,
		startDate: dateOf(cell('start_date'), false),
		endDate: dateOf(cell('end_date'), true),
		ongoing,
		budgetRange: cell('budget_range').toLowerCase(),
		territoryScope: cell('territory_scope').toLowerCase(),
		contactName: cell('contact_name'),
		contactEmail: cell('contact_email'),
		contactPhone: cell('contact_phone'),
		links: list('links', /[\s|]+/),
		videoLinks: list('video_links', /[\s|]+/),
		principles: list('principles', codes),
		topics: list('topics', codes),
		targetGroups: list('target_groups', codes),
		sdgs: list('sdgs', codes),
		banks: banks.length ? banks : undefined
	});
	if (!parsed.success) {
		for (const [path, keys] of Object.entries(fieldErrorsFromZod(parsed.error))) {
			const column = columnOfPath(path, cityColumn);
			if (reported.has(column)) continue;
			for (const key of keys) {
				// An end "before" a start date that is not a date is no second problem.
				if (key === 'experiences.validation.end_before_start' && reported.has('start_date')) continue;
				problem(column, key === 'common.validation.date' ? 'experiences.import.date' : key);
			}
		}
		return { externalId, problems };
	}
	const fields = parsed.data;
	const unknownTopics = fields.topics.filter((t) => !refs.topics.has(t));
	if (unknownTopics.length) problem('topics', 'experiences.import.topic_unknown', { codes: unknownTopics.join(', ') });
	const unknownTargets = fields.targetGroups.filter((t) => !isTargetGroup(t));
	if (unknownTargets.length) problem('target_groups', 'experiences.import.target_unknown', { codes: unknownTargets.join(', ') });
	if (problems.length) return { externalId, problems };
	return { externalId, problems, record: { externalId, fields, status: status as 'draft' | 'published', featured } };
}

// ---------------------------------------------------------------------------------------------------
// The use case

class ImportStopped {
	failure: Failure;
	constructor(failure: Failure) {
		this.failure = failure;
	}
}

async function loadReferences(db: Db): Promise<References> {
	const cities = await listAllCities(db, { status: 'any' });
	return {
		cityIds: new Set(cities.map((c) => Number(c.id))),
		cityByName: new Map(cities.map((c) => [`${searchKey(c.name)}|${c.country_code}`, Number(c.id)])),
		topics: new Set((await listExperienceTopics(db)).map((t) => t.code))
	};
}

/**
 * Checks a file of experiences and, unless it is a dry run, writes all of its records in one
 * transaction if every one of them is valid. The report lists each problem with its line and column.
 * Only the secretariat imports.
 */
export async function importExperiences(
	db: Db,
	actor: Actor | null,
	input: ExperienceImportInput
): Promise<Result<ExperienceImportReport>> {
	if (!canOnExperiences(actor, 'experience.import')) return forbidden();
	const text = input.text.replace(/^\uFEFF/, '');
	const fileName = [...((input.fileName ?? '').split(/[\\/]/).pop() ?? '')]
		.filter((c) => !hasControlCharacter(c))
		.join('')
		.slice(0, 200);
	const format = input.format ?? detectImportFormat(fileName, text);
	const report: ExperienceImportReport = {
		fileName,
		format,
		dryRun: input.dryRun !== false,
		committed: false,
		rows: 0,
		toCreate: 0,
		toUpdate: 0,
		errorCount: 0,
		errors: [],
		ignoredColumns: []
	};
	const finish = (problems: ExperienceImportProblem[]) => {
		problems.sort((a, b) => a.line - b.line);
		report.errorCount = problems.length;
		report.errors = problems.slice(0, importLimits.maxReportedProblems);
		return ok(report);
	};
	if (Buffer.byteLength(input.text, 'utf8') > importLimits.maxBytes)
		return finish([
			{ line: 1, column: '_file', code: 'experiences.import.too_large', values: { megabytes: importLimits.maxBytes / 1024 / 1024 } }
		]);

	const lineAt = lineFinder(text);
	const read = format === 'json' ? readJson(text, lineAt) : readCsv(text);
	const problems = [...read.problems];
	report.rows = read.rowCount;
	report.ignoredColumns = [...read.ignored].sort();
	const badCharacter = text.indexOf('\uFFFD');
	if (badCharacter >= 0) problems.push({ line: lineAt(badCharacter), column: '_file', code: 'experiences.import.not_utf8' });
	if (report.rows > importLimits.maxRows)
		return finish([{ line: 1, column: '_file', code: 'experiences.import.too_many_rows', values: { max: importLimits.maxRows } }]);
	if (report.rows === 0 && !problems.length) problems.push({ line: 1, column: '_file', code: 'experiences.import.empty' });

	const refs = await loadReferences(db);
	const firstLineOf = new Map<string, number>();
	const valid: { line: number; record: ImportedExperience }[] = [];
	for (const raw of read.records) {
		const checked = recordOf(raw, refs);
		problems.push(...checked.problems);
		if (checked.externalId) {
			const first = firstLineOf.get(checked.externalId);
			if (first !== undefined) {
				problems.push({
					line: raw.line,
					column: columnName('external_id', raw.naming),
					code: 'experiences.import.duplicate_external_id',
					values: { line: first }
				});
				continue;
			}
			firstLineOf.set(checked.externalId, raw.line);
		}
		if (checked.record) valid.push({ line: raw.line, record: checked.record });
	}
	for (const { record } of valid) {
		if (await findExperienceIdByExternalId(db, record.externalId)) report.toUpdate++;
		else report.toCreate++;
	}
	if (report.dryRun || problems.length) return finish(problems);

	try {
		const counts = await db.transaction().execute(async (trx) => {
			let created = 0;
			for (const { record } of valid) {
				const result = await importExperienceRecord(trx, actor, record);
				if (!result.ok) throw new ImportStopped(result);
				if (result.value.created) created++;
			}
			const summary = { fileName, format, rows: report.rows, created, updated: valid.length - created };
			await recordAudit(trx, actor, {
				action: 'experience.import',
				entityType: 'experience_import',
				entityId: fileName || format,
				summary
			});
			return summary;
		});
		report.toCreate = counts.created;
		report.toUpdate = counts.updated;
	} catch (error) {
		if (error instanceof ImportStopped) return error.failure;
		throw error;
	}
	report.committed = true;
	return finish([]);
}
