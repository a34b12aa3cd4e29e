// An award edition as the secretariat sets it up: the zod schemas the editions service validates with
// (messages are i18n keys), and the settings form as HTML posts it (flat names such as
// `criteria.2.weight`, a few blank rows for adding) converted to the nested input and back.
import { z } from 'zod';
import { locales, type Locale } from '../i18n.ts';
import { optionalDate, optionalText, pageField, pageSizeField, requiredNumber } from '../core/forms.ts';
import { awardLimits } from './constants.ts';
import { isValidTimeZone } from './timeline.ts';
import type { Edition } from './types.ts';

/** Languages whose theme and names an edition must have (the call is published at least in these). */
export const editionRequiredLanguages = ['es', 'en'] as const satisfies readonly Locale[];

export const editionTextLimits = { theme: 200, description: 5000, ceremony: 300, name: 200, criterionDescription: 1000, question: 1000 };

/** Bounds of the numbers an edition holds. */
export const editionBounds = {
	yearMin: 2000,
	yearMax: 2999,
	scaleMax: 100,
	weightMax: 100,
	questionMaxLengthMin: 100,
	maxCandidaciesPerCity: 10,
	prizes: 20,
	specialMentions: 20,
	previousWinners: 30
} as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
	return isoDate.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

/** A local date and time 'YYYY-MM-DDTHH:mm' (what `<input type="datetime-local">` sends; seconds are dropped). */
export const localDateTimeField = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().replace(' ', 'T').slice(0, 16)) : v),
	z
		.string()
		.refine((v) => /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(v) && isRealDate(v.slice(0, 10)), {
			error: 'award.edition.deadline_format'
		})
		.optional()
);

const integerField = (min: number, max: number, messages: { small?: string; big?: string } = {}) =>
	requiredNumber(
		z
			.number({ error: 'common.validation.integer' })
			.int({ error: 'common.validation.integer' })
			.min(min, { error: messages.small ?? 'common.validation.too_small' })
			.max(max, { error: messages.big ?? 'common.validation.too_big' })
	);

const booleanField = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1' || v === 1, z.boolean());

const idField = z.coerce
	.number({ error: 'common.validation.invalid' })
	.int({ error: 'common.validation.invalid' })
	.positive({ error: 'common.validation.invalid' })
	// Ids are 32-bit integer columns: a larger number names no record (and PostgreSQL would refuse to compare it).
	.max(2_147_483_647, { error: 'common.validation.invalid' });

const optionalId = z.preprocess(blankToUndefined, idField.optional());

/** A short code that names a focus area, criterion or question in data and exports. */
export const editionCode = z
	.string({ error: 'award.edition.code_format' })
	.trim()
	.toLowerCase()
	.regex(/^[a-z][a-z0-9_-]{0,39}$/, { error: 'award.edition.code_format' });

/** A text per language; blanks are left out. */
const localized = (max: number) =>
	z
		.object({ es: optionalText(max), en: optionalText(max), fr: optionalText(max), pt: optionalText(max) })
		.default({ es: undefined, en: undefined, fr: undefined, pt: undefined });

/** Adds an issue for each required language that has no text. */
function requireLanguages(
	value: Partial<Record<Locale, string | undefined>>,
	ctx: z.RefinementCtx,
	path: (string | number)[],
	message: string
) {
	for (const language of editionRequiredLanguages)
		if (!value[language]) ctx.addIssue({ code: 'custom', path: [...path, language], message });
}

const editionLanguageTexts = z.object({
	theme: optionalText(editionTextLimits.theme),
	description: optionalText(editionTextLimits.description),
	ceremony: optionalText(editionTextLimits.ceremony)
});

export const editionTextsSchema = z
	.object({
		es: editionLanguageTexts.optional(),
		en: editionLanguageTexts.optional(),
		fr: editionLanguageTexts.optional(),
		pt: editionLanguageTexts.optional()
	})
	.superRefine((texts, ctx) => {
		for (const language of editionRequiredLanguages)
			if (!texts[language]?.theme) ctx.addIssue({ code: 'custom', path: [language, 'theme'], message: 'award.edition.theme_required' });
	});

export const focusAreaSchema = z
	.object({ code: editionCode, names: localized(editionTextLimits.name) })
	.superRefine((row, ctx) => requireLanguages(row.names, ctx, ['names'], 'award.edition.name_required'));

export const criterionSchema = z
	.object({
		code: editionCode,
		weight: requiredNumber(
			z
				.number({ error: 'award.edition.weight_positive' })
				.gt(0, { error: 'award.edition.weight_positive' })
				.max(editionBounds.weightMax, { error: 'common.validation.too_big' })
		),
		names: localized(editionTextLimits.name),
		descriptions: localized(editionTextLimits.criterionDescription)
	})
	.superRefine((row, ctx) => requireLanguages(row.names, ctx, ['names'], 'award.edition.name_required'));

export const questionSchema = z
	.object({
		code: editionCode,
		texts: localized(editionTextLimits.question),
		maxLength: integerField(editionBounds.questionMaxLengthMin, awardLimits.answerMaxLength, { big: 'award.edition.answer_limit' })
	})
	.superRefine((row, ctx) => requireLanguages(row.texts, ctx, ['texts'], 'award.edition.question_required'));

/** A list of rows whose codes must differ; a repeated code is reported on the later row. */
const rowList = <T extends z.ZodType<{ code: string }>>(row: T, min: number, max: number, minMessage: string) =>
	z
		.array(row)
		.min(min, { error: minMessage })
		.max(max, { error: 'common.validation.too_many' })
		.superRefine((rows, ctx) => {
			const seen = new Set<string>();
			rows.forEach((r, index) => {
				if (seen.has(r.code)) ctx.addIssue({ code: 'custom', path: [index, 'code'], message: 'award.edition.code_duplicate' });
				seen.add(r.code);
			});
		});

const idList = z.preprocess(
	(v) =>
		(v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])
			.map((x) => (typeof x === 'string' ? x.trim() : x))
			.filter((x) => x !== '' && x !== undefined && x !== null),
	z
		.array(idField)
		.max(editionBounds.previousWinners, { error: 'common.validation.too_many' })
		.transform((ids) => [...new Set(ids)])
);

const editionFields = z.object({
	status: z.enum(['draft', 'announced'], { error: 'common.validation.invalid_choice' }),
	texts: editionTextsSchema,
	focusAreas: rowList(focusAreaSchema, 0, awardLimits.maxFocusAreas, 'common.validation.too_small').default([]),
	criteria: rowList(criterionSchema, 1, awardLimits.maxCriteria, 'award.edition.criteria_required'),
	questions: rowList(questionSchema, 0, awardLimits.maxQuestions, 'common.validation.too_small').default([]),
	scaleMin: integerField(0, editionBounds.scaleMax - 1),
	scaleMax: integerField(1, editionBounds.scaleMax, { big: 'award.edition.scale_max_limit' }),
	opensOn: optionalDate,
	deadline: localDateTimeField,
	timeZone: z
		.string({ error: 'award.edition.time_zone' })
		.trim()
		.min(1, { error: 'award.edition.time_zone' })
		.max(64, { error: 'award.edition.time_zone' })
		.refine((v) => isValidTimeZone(v), { error: 'award.edition.time_zone' }),
	juryStartsOn: optionalDate,
	decisionOn: optionalDate,
	ceremonyOn: optionalDate,
	initiativeStartedBefore: optionalDate,
	maxCandidaciesPerCity: integerField(1, editionBounds.maxCandidaciesPerCity),
	prizes: integerField(1, editionBounds.prizes),
	specialMentions: integerField(0, editionBounds.specialMentions),
	mayDeclareVoid: booleanField.default(false),
	blindReview: booleanField.default(false),
	jurorsSeeOtherScores: booleanField.default(false),
	shareFeedback: booleanField.default(false),
	congressHostCityId: optionalId,
	previousWinnerCityIds: idList.default([])
});

type EditionFieldsShape = z.infer<typeof editionFields>;

/** Checks across fields: the scale, the order of the timeline, and what an announced call must say. */
function checkEdition(value: EditionFieldsShape, ctx: z.RefinementCtx) {
	if (value.scaleMin >= value.scaleMax) ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: 'award.edition.scale_order' });
	// Each step of the timeline may not come before the previous one that is set.
	const steps: [keyof EditionFieldsShape, string | undefined][] = [
		['opensOn', value.opensOn],
		['deadline', value.deadline?.slice(0, 10)],
		['juryStartsOn', value.juryStartsOn],
		['decisionOn', value.decisionOn],
		['ceremonyOn', value.ceremonyOn]
	];
	let previous: string | undefined;
	for (const [field, date] of steps) {
		if (!date) continue;
		if (previous && date < previous) ctx.addIssue({ code: 'custom', path: [field], message: 'award.edition.date_order' });
		previous = previous && previous > date ? previous : date;
	}
	if (value.status === 'announced') {
		if (!value.opensOn) ctx.addIssue({ code: 'custom', path: ['opensOn'], message: 'award.edition.required_to_announce' });
		if (!value.deadline) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'award.edition.required_to_announce' });
	}
	if (value.congressHostCityId !== undefined && value.previousWinnerCityIds.includes(value.congressHostCityId)) {
		// Not wrong as such, but almost always a slip of the list: say so rather than guess.
		ctx.addIssue({ code: 'custom', path: ['previousWinnerCityIds'], message: 'award.edition.host_is_winner' });
	}
}

export const editionYearField = integerField(editionBounds.yearMin, editionBounds.yearMax, {
	small: 'award.edition.year_range',
	big: 'award.edition.year_range'
});

export const createEditionSchema = editionFields.extend({ year: editionYearField }).superRefine(checkEdition);
export type CreateEditionInput = z.infer<typeof createEditionSchema>;

export const updateEditionSchema = editionFields
	.extend({ year: editionYearField, version: integerField(1, Number.MAX_SAFE_INTEGER, { small: 'common.validation.invalid' }) })
	.superRefine(checkEdition);
export type UpdateEditionInput = z.infer<typeof updateEditionSchema>;

export type EditionSettings = Omit<CreateEditionInput, 'year'>;

/** Paging of the public list of editions in the API. */
export const editionListQuerySchema = z.object({ page: pageField, pageSize: pageSizeField(20) });

// ---------------------------------------------------------------------------------------------------
// The settings form

type Texts4 = Record<Locale, string>;

/** What the form shows: every value as the inputs hold it (strings), never parsed. */
export interface EditionFormValues {
	year: string;
	status: string;
	texts: Record<Locale, { theme: string; description: string; ceremony: string }>;
	focusAreas: { code: string; names: Texts4 }[];
	criteria: { code: string; weight: string; names: Texts4; descriptions: Texts4 }[];
	questions: { code: string; maxLength: string; texts: Texts4 }[];
	scaleMin: string;
	scaleMax: string;
	opensOn: string;
	deadline: string;
	timeZone: string;
	juryStartsOn: string;
	decisionOn: string;
	ceremonyOn: string;
	initiativeStartedBefore: string;
	maxCandidaciesPerCity: string;
	prizes: string;
	specialMentions: string;
	mayDeclareVoid: boolean;
	blindReview: boolean;
	jurorsSeeOtherScores: boolean;
	shareFeedback: boolean;
	congressHostCityId: string;
	previousWinnerCityIds: string[];
	version: string;
}

/** A posted form (FormData) or the flat object `formToObject` made of it (repeated names as arrays). */
export type EditionFormSource = FormData | Record<string, unknown>;

const singleNames = [
	'year',
	'status',
	'scaleMin',
	'scaleMax',
	'opensOn',
	'deadline',
	'timeZone',
	'juryStartsOn',
	'decisionOn',
	'ceremonyOn',
	'initiativeStartedBefore',
	'maxCandidaciesPerCity',
	'prizes',
	'specialMentions',
	'congressHostCityId',
	'version'
] as const;
const flagNames = ['mayDeclareVoid', 'blindReview', 'jurorsSeeOtherScores', 'shareFeedback'] as const;
/** More rows than this in one list are ignored (the lists allow at most 12). */
const maxRowIndex = 40;

/** The id of the input posted under `name` (no dots, so that it works in fragments and CSS). */
export function editionInputId(name: string): string {
	return `ed-${name.replaceAll('.', '-')}`;
}

function valuesOf(source: EditionFormSource): Map<string, string[]> {
	const map = new Map<string, string[]>();
	const entries: [string, unknown][] = source instanceof FormData ? [...source.entries()] : Object.entries(source);
	for (const [key, raw] of entries) {
		const list = Array.isArray(raw) ? raw : [raw];
		for (const value of list) if (typeof value === 'string') map.set(key, [...(map.get(key) ?? []), value]);
	}
	return map;
}

/** Four blank texts, for the spare rows of the form. */
export const emptyTexts4 = (): Texts4 => ({ es: '', en: '', fr: '', pt: '' });

/** The row indexes posted for a list, in order. */
function rowIndexes(values: Map<string, string[]>, list: string): number[] {
	const indexes = new Set<number>();
	const pattern = new RegExp(`^${list}\\.(\\d{1,3})\\.`);
	for (const key of values.keys()) {
		const match = pattern.exec(key);
		if (match && Number(match[1]) <= maxRowIndex) indexes.add(Number(match[1]));
	}
	return [...indexes].sort((a, b) => a - b);
}

/**
 * The form as posted, every value a string: rows whose inputs are all blank (the spare rows for adding)
 * are dropped and the others renumbered, so that row N of the input is row N of the re-shown form.
 */
export function editionFormValuesFromSubmission(source: EditionFormSource): EditionFormValues {
	const values = valuesOf(source);
	const one = (name: string) => values.get(name)?.[0] ?? '';
	const texts4 = (prefix: string): Texts4 => Object.fromEntries(locales.map((l) => [l, one(`${prefix}.${l}`)])) as Texts4;
	const allBlank = (row: unknown): boolean =>
		typeof row === 'string' ? row.trim() === '' : Object.values(row as Record<string, unknown>).every(allBlank);
	const rows = <T>(list: string, make: (prefix: string) => T): T[] =>
		rowIndexes(values, list)
			.map((index) => make(`${list}.${index}`))
			.filter((row) => !allBlank(row));
	const result = {
		texts: Object.fromEntries(
			locales.map((l) => [
				l,
				{ theme: one(`texts.${l}.theme`), description: one(`texts.${l}.description`), ceremony: one(`texts.${l}.ceremony`) }
			])
		) as EditionFormValues['texts'],
		focusAreas: rows('focusAreas', (p) => ({ code: one(`${p}.code`), names: texts4(`${p}.names`) })),
		criteria: rows('criteria', (p) => ({
			code: one(`${p}.code`),
			weight: one(`${p}.weight`),
			names: texts4(`${p}.names`),
			descriptions: texts4(`${p}.descriptions`)
		})),
		questions: rows('questions', (p) => ({ code: one(`${p}.code`), maxLength: one(`${p}.maxLength`), texts: texts4(`${p}.texts`) })),
		previousWinnerCityIds: (values.get('previousWinnerCityIds') ?? []).filter((v) => v.trim() !== '')
	} as Partial<EditionFormValues>;
	for (const name of singleNames) (result as Record<string, unknown>)[name] = one(name);
	for (const name of flagNames) (result as Record<string, unknown>)[name] = ['on', 'true', '1'].includes(one(name));
	return result as EditionFormValues;
}

/** The nested input `createEditionSchema` / `updateEditionSchema` parse. Values stay as sent: the schema trims, converts and reports. */
export function editionInputFromForm(source: EditionFormSource): Record<string, unknown> {
	const form = editionFormValuesFromSubmission(source);
	const texts: Record<string, unknown> = {};
	for (const language of locales) {
		const entry = form.texts[language];
		if (entry.theme.trim() || entry.description.trim() || entry.ceremony.trim()) texts[language] = entry;
	}
	const input: Record<string, unknown> = {
		...Object.fromEntries(singleNames.map((name) => [name, form[name]])),
		...Object.fromEntries(flagNames.map((name) => [name, form[name]])),
		texts,
		focusAreas: form.focusAreas,
		criteria: form.criteria,
		questions: form.questions,
		previousWinnerCityIds: form.previousWinnerCityIds
	};
	if (form.version === '') delete input.version;
	return input;
}

const texts4Of = (value: Partial<Record<Locale, string>> | undefined): Texts4 =>
	Object.fromEntries(locales.map((l) => [l, value?.[l] ?? ''])) as Texts4;

/** The form filled from a saved edition. */
export function editionFormValuesFromEdition(edition: Edition): EditionFormValues {
	const text = (value: string | null | undefined) => value ?? '';
	return {
		year: String(edition.year),
		status: edition.status,
		texts: Object.fromEntries(
			locales.map((l) => [
				l,
				{
					theme: text(edition.texts[l]?.theme),
					description: text(edition.texts[l]?.description),
					ceremony: text(edition.texts[l]?.ceremony)
				}
			])
		) as EditionFormValues['texts'],
		focusAreas: edition.focusAreas.map((f) => ({ code: f.code, names: texts4Of(f.names) })),
		criteria: edition.criteria.map((c) => ({
			code: c.code,
			weight: String(c.weight),
			names: texts4Of(c.names),
			descriptions: texts4Of(c.descriptions)
		})),
		questions: edition.questions.map((q) => ({ code: q.code, maxLength: String(q.maxLength), texts: texts4Of(q.texts) })),
		scaleMin: String(edition.scaleMin),
		scaleMax: String(edition.scaleMax),
		opensOn: text(edition.opensOn),
		deadline: text(edition.deadline),
		timeZone: edition.timeZone,
		juryStartsOn: text(edition.juryStartsOn),
		decisionOn: text(edition.decisionOn),
		ceremonyOn: text(edition.ceremonyOn),
		initiativeStartedBefore: text(edition.initiativeStartedBefore),
		maxCandidaciesPerCity: String(edition.maxCandidaciesPerCity),
		prizes: String(edition.prizes),
		specialMentions: String(edition.specialMentions),
		mayDeclareVoid: edition.mayDeclareVoid,
		blindReview: edition.blindReview,
		jurorsSeeOtherScores: edition.jurorsSeeOtherScores,
		shareFeedback: edition.shareFeedback,
		congressHostCityId: edition.congressHostCityId === null ? '' : String(edition.congressHostCityId),
		previousWinnerCityIds: edition.previousWinnerCityIds.map(String),
		version: String(edition.version)
	};
}

/** A new edition's form: from a template edition (its criteria, questions and rules) when there is one, else sensible defaults. */
export function newEditionFormValues(year: number, template?: Edition): EditionFormValues {
	const base = template
		? editionFormValuesFromEdition(template)
		: ({
				texts: Object.fromEntries(locales.map((l) => [l, { theme: '', description: '', ceremony: '' }])) as EditionFormValues['texts'],
				focusAreas: [],
				criteria: [],
				questions: [],
				scaleMin: '1',
				scaleMax: '10',
				timeZone: 'Europe/Madrid',
				maxCandidaciesPerCity: '2',
				prizes: '3',
				specialMentions: '2',
				mayDeclareVoid: true,
				blindReview: false,
				jurorsSeeOtherScores: false,
				shareFeedback: true,
				previousWinnerCityIds: []
			} as Partial<EditionFormValues> as EditionFormValues);
	return {
		...base,
		// What belongs to one edition only starts blank: the theme, the dates, the host and the winners to exclude.
		texts: Object.fromEntries(locales.map((l) => [l, { theme: '', description: '', ceremony: '' }])) as EditionFormValues['texts'],
		year: String(year),
		status: 'draft',
		opensOn: '',
		deadline: '',
		juryStartsOn: '',
		decisionOn: '',
		ceremonyOn: '',
		initiativeStartedBefore: '',
		congressHostCityId: '',
		previousWinnerCityIds: [],
		version: ''
	};
}

// ---------------------------------------------------------------------------------------------------
// Reading texts in the visitor's language

/** A text in the wanted language, else in Spanish, English, French or Portuguese, with the language it is in. */
export function pickLocalized(
	texts: Partial<Record<Locale, string | null | undefined>>,
	wanted: Locale
): { text: string; lang: Locale } | null {
	for (const language of [wanted, ...locales.filter((l) => l !== wanted)]) {
		const text = texts[language];
		if (text) return { text, lang: language };
	}
	return null;
}

/** One of an edition's texts (theme, description, ceremony) in the wanted language or the first one present. */
export function editionText(
	texts: Edition['texts'],
	field: 'theme' | 'description' | 'ceremony',
	wanted: Locale
): { text: string; lang: Locale } | null {
	return pickLocalized(Object.fromEntries(locales.map((l) => [l, texts[l]?.[field]])), wanted);
}
