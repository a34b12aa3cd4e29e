// What a city sends to apply to the award and what the secretariat sends to decide on admissibility.
// Error messages are i18n keys. What depends on the edition (its questions' lengths, its focus areas) is
// checked by the service, which knows the edition.
import { z } from 'zod';
import { locales } from '../i18n.ts';
import { optionalText } from '../core/forms.ts';
import { languageTextsSchema, localeSchema, versionField } from '../experiences/schemas.ts';
import { translatableFields, type TranslatableField } from '../experiences/constants.ts';
import type { Locale } from '../i18n.ts';
import { awardLimits, candidacyStatuses } from './constants.ts';
import type { Candidacy } from './types.ts';

const idField = z.coerce.number({ error: 'common.validation.invalid' }).int().positive({ error: 'common.validation.invalid' });

const optionalSingle = <T extends z.ZodType>(schema: T) =>
	z.preprocess((v) => (Array.isArray(v) ? v[0] : v === '' || v === null ? undefined : v), schema.optional());

/** The experience a candidacy is built from, and the city applying. */
export const createCandidacySchema = z.object({
	cityId: idField,
	experienceId: z.coerce
		.number({ error: 'award.candidacy.experience_required' })
		.int({ error: 'award.candidacy.experience_required' })
		.positive({ error: 'award.candidacy.experience_required' })
});
export type CreateCandidacyInput = z.infer<typeof createCandidacySchema>;

const textsSchema = z.object(
	Object.fromEntries(locales.map((l) => [l, languageTextsSchema.optional()])) as Record<
		(typeof locales)[number],
		z.ZodOptional<typeof languageTextsSchema>
	>
);

/** A draft saved: texts per language, answers to the call's questions, the focus area. Blank means not yet written. */
export const updateCandidacySchema = z.object({
	originalLanguage: localeSchema,
	texts: textsSchema,
	answers: z.record(z.string().regex(/^[a-z0-9_-]{1,40}$/), optionalText(awardLimits.answerMaxLength)).default({}),
	focusArea: optionalSingle(z.string().trim().max(60, { error: 'award.candidacy.focus_area_unknown' })),
	version: versionField
});
export type UpdateCandidacyInput = z.infer<typeof updateCandidacySchema>;

export const candidacyVersionSchema = z.object({ version: versionField });

export const rejectCandidacySchema = z.object({
	reason: z
		.string({ error: 'award.candidacy.reason_required' })
		.trim()
		.min(1, { error: 'award.candidacy.reason_required' })
		.max(awardLimits.reasonMaxLength, { error: 'common.validation.too_long' }),
	version: versionField
});

export const reopenCandidacySchema = z.object({
	message: z
		.string({ error: 'award.candidacy.message_required' })
		.trim()
		.min(1, { error: 'award.candidacy.message_required' })
		.max(awardLimits.reasonMaxLength, { error: 'common.validation.too_long' }),
	version: versionField
});

/** The secretariat's list of an edition's candidacies. `q` matches the city's name or country code. */
export const staffCandidacyQuerySchema = z.object({
	status: optionalSingle(z.enum(candidacyStatuses, { error: 'common.validation.invalid_choice' })),
	q: z.preprocess(
		(v) =>
			typeof v === 'string'
				? v.slice(0, 100).trim() || undefined
				: Array.isArray(v)
					? String(v[0] ?? '')
							.slice(0, 100)
							.trim() || undefined
					: undefined,
		z.string().optional()
	),
	focusArea: optionalSingle(z.string().trim().max(60)),
	language: optionalSingle(localeSchema)
});
export type StaffCandidacyQuery = z.infer<typeof staffCandidacyQuerySchema>;

// ---------------------------------------------------------------------------------------------------
// The candidacy form as HTML posts it: `texts.fr.title` (the experience form's names), `answers.<code>`,
// `focusArea`, `originalLanguage`, `version`.

type FormSource = FormData | Record<string, unknown>;

function firstOf(source: FormSource, name: string): string | undefined {
	const raw = source instanceof FormData ? source.get(name) : source[name];
	const value = Array.isArray(raw) ? raw[0] : raw;
	return typeof value === 'string' ? value : undefined;
}

function namesOf(source: FormSource): string[] {
	return source instanceof FormData ? [...new Set(source.keys())] : Object.keys(source);
}

/** The nested input `updateCandidacySchema` parses, from the posted form. */
export function candidacyInputFromForm(source: FormSource): Record<string, unknown> {
	const texts: Record<string, Record<string, string>> = {};
	const answers: Record<string, string> = {};
	for (const name of namesOf(source)) {
		const text = /^texts\.([a-z]{2})\.([a-zA-Z]+)$/.exec(name);
		const value = firstOf(source, name) ?? '';
		if (text) (texts[text[1]] ??= {})[text[2]] = value;
		const answer = /^answers\.([a-z0-9_-]{1,40})$/.exec(name);
		if (answer) answers[answer[1]] = value;
	}
	return {
		originalLanguage: firstOf(source, 'originalLanguage') ?? '',
		texts,
		answers,
		focusArea: firstOf(source, 'focusArea') ?? '',
		version: firstOf(source, 'version') ?? ''
	};
}

/** The id of the input a field of the candidacy form is typed into (texts use the experience form's ids). */
export function candidacyInputId(field: string): string {
	return field.startsWith('texts.') ? `exp-${field.replaceAll('.', '-')}` : `cand-${field.replaceAll('.', '-')}`;
}

/** What the candidacy form shows: every value as the inputs hold it. */
export interface CandidacyFormValues {
	originalLanguage: string;
	texts: Record<Locale, Record<TranslatableField, string>>;
	answers: Record<string, string>;
	focusArea: string;
	version: string;
}

function emptyTexts(): Record<Locale, Record<TranslatableField, string>> {
	return Object.fromEntries(locales.map((l) => [l, Object.fromEntries(translatableFields.map((f) => [f, '']))])) as Record<
		Locale,
		Record<TranslatableField, string>
	>;
}

/** The form filled from a saved candidacy. */
export function candidacyFormValues(candidacy: Pick<Candidacy, 'originalLanguage' | 'texts' | 'answers' | 'focusArea' | 'version'>) {
	const texts = emptyTexts();
	for (const l of locales) for (const f of translatableFields) texts[l][f] = candidacy.texts[l]?.[f] ?? '';
	return {
		originalLanguage: candidacy.originalLanguage,
		texts,
		answers: { ...candidacy.answers },
		focusArea: candidacy.focusArea ?? '',
		version: String(candidacy.version)
	} satisfies CandidacyFormValues;
}

/** The form filled again with exactly what was sent, so that nothing typed is lost when the service refuses it. */
export function candidacyFormValuesFromSubmission(source: FormSource): CandidacyFormValues {
	const input = candidacyInputFromForm(source) as {
		originalLanguage: string;
		texts: Record<string, Record<string, string>>;
		answers: Record<string, string>;
		focusArea: string;
		version: string;
	};
	const texts = emptyTexts();
	for (const l of locales) for (const f of translatableFields) texts[l][f] = input.texts[l]?.[f] ?? '';
	return { originalLanguage: input.originalLanguage, texts, answers: input.answers, focusArea: input.focusArea, version: input.version };
}
