// The experience form as HTML posts it (flat names such as `texts.es.title`, repeated checkboxes, links
// one per line) and the nested input the service's schema expects; and back, to fill the form from a
// record or again from what the person sent when the service refused it.
import { isLocale, locales, type Locale } from '../i18n.ts';
import { translatableFields, type CompletenessField, type TranslatableField } from './constants.ts';
import type { ExperienceRecord } from './types.ts';

/** What the form shows: every value as the inputs hold it (strings), never parsed. */
export interface ExperienceFormValues {
	cityId: string;
	coLeadCityIds: string[];
	originalLanguage: string;
	texts: Record<Locale, Record<TranslatableField, string>>;
	startDate: string;
	endDate: string;
	ongoing: boolean;
	budgetRange: string;
	territoryScope: string;
	contactName: string;
	contactEmail: string;
	contactPhone: string;
	/** One web address per line, as typed into the textarea. */
	links: string;
	videoLinks: string;
	principles: string[];
	topics: string[];
	targetGroups: string[];
	sdgs: string[];
	banks: string[];
	version: string;
}

/** A posted form (FormData) or the flat object `formToObject` made of it (repeated names as arrays). */
export type FormSource = FormData | Record<string, unknown>;

const listNames = ['coLeadCityIds', 'principles', 'topics', 'targetGroups', 'sdgs', 'banks'] as const;
const singleNames = [
	'cityId',
	'originalLanguage',
	'startDate',
	'endDate',
	'budgetRange',
	'territoryScope',
	'contactName',
	'contactEmail',
	'contactPhone'
] as const;

export function textFieldName(language: Locale, field: TranslatableField): string {
	return `texts.${language}.${field}`;
}

/** The id of the input posted under `name` (ids without dots, so that they work in CSS and fragments alike). */
export function inputId(name: string): string {
	return `exp-${name.replaceAll('.', '-')}`;
}

function allOf(source: FormSource, name: string): string[] {
	const raw = source instanceof FormData ? source.getAll(name) : source[name];
	const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
	return list.filter((v): v is string => typeof v === 'string');
}

function oneOf(source: FormSource, name: string): string | undefined {
	return allOf(source, name)[0];
}

function lines(text: string | undefined): string[] {
	return (text ?? '')
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
}

function isBlank(value: string | undefined): boolean {
	return value === undefined || value.trim() === '';
}

/**
 * The nested input `updateExperienceSchema` parses. Values stay as sent (the schema trims, converts and
 * reports), lists come from repeated fields, links from the lines of their textarea, and a language
 * whose texts are all blank is left out. An unticked group of checkboxes is an empty list.
 */
export function experienceInputFromForm(source: FormSource): Record<string, unknown> {
	const input: Record<string, unknown> = {};
	for (const name of singleNames) {
		const value = oneOf(source, name);
		if (value !== undefined) input[name] = value;
	}
	for (const name of listNames) input[name] = allOf(source, name);
	const texts: Partial<Record<Locale, Partial<Record<TranslatableField, string>>>> = {};
	for (const language of locales) {
		const entries = translatableFields.flatMap((field) => {
			const value = oneOf(source, textFieldName(language, field));
			return isBlank(value) ? [] : [[field, value as string] as const];
		});
		if (entries.length) texts[language] = Object.fromEntries(entries);
	}
	input.texts = texts;
	input.ongoing = oneOf(source, 'ongoing') ?? false;
	input.links = lines(oneOf(source, 'links'));
	input.videoLinks = lines(oneOf(source, 'videoLinks'));
	const version = oneOf(source, 'version');
	if (version !== undefined) input.version = version;
	return input;
}

function emptyTexts(): Record<Locale, Record<TranslatableField, string>> {
	return Object.fromEntries(
		locales.map((language) => [language, Object.fromEntries(translatableFields.map((field) => [field, '']))])
	) as Record<Locale, Record<TranslatableField, string>>;
}

export function emptyFormValues(originalLanguage: Locale, cityId?: number): ExperienceFormValues {
	return {
		cityId: cityId ? String(cityId) : '',
		coLeadCityIds: [],
		originalLanguage,
		texts: emptyTexts(),
		startDate: '',
		endDate: '',
		ongoing: false,
		budgetRange: '',
		territoryScope: '',
		contactName: '',
		contactEmail: '',
		contactPhone: '',
		links: '',
		videoLinks: '',
		principles: [],
		topics: [],
		targetGroups: [],
		sdgs: [],
		banks: ['international'],
		version: ''
	};
}

/** The form filled from a saved record. */
export function formValuesFromRecord(record: ExperienceRecord): ExperienceFormValues {
	const texts = emptyTexts();
	for (const language of locales) for (const field of translatableFields) texts[language][field] = record.texts[language]?.[field] ?? '';
	return {
		cityId: String(record.city.id),
		coLeadCityIds: record.coLeadCities.map((c) => String(c.id)),
		originalLanguage: record.originalLanguage,
		texts,
		startDate: record.startDate ?? '',
		endDate: record.endDate ?? '',
		ongoing: record.ongoing,
		budgetRange: record.budgetRange ?? '',
		territoryScope: record.territoryScope ?? '',
		contactName: record.contactName ?? '',
		contactEmail: record.contactEmail ?? '',
		contactPhone: record.contactPhone ?? '',
		links: record.links.join('\n'),
		videoLinks: record.videoLinks.join('\n'),
		principles: record.principles.map(String),
		topics: [...record.topics],
		targetGroups: [...record.targetGroups],
		sdgs: record.sdgs.map(String),
		banks: [...record.banks],
		version: String(record.version)
	};
}

/** The form filled again with exactly what was sent, bad values included, so that nothing typed is lost. */
export function formValuesFromSubmission(source: FormSource): ExperienceFormValues {
	const texts = emptyTexts();
	for (const language of locales)
		for (const field of translatableFields) texts[language][field] = oneOf(source, textFieldName(language, field)) ?? '';
	const ongoing = oneOf(source, 'ongoing');
	return {
		cityId: oneOf(source, 'cityId') ?? '',
		coLeadCityIds: allOf(source, 'coLeadCityIds'),
		originalLanguage: oneOf(source, 'originalLanguage') ?? '',
		texts,
		startDate: oneOf(source, 'startDate') ?? '',
		endDate: oneOf(source, 'endDate') ?? '',
		ongoing: ongoing === 'on' || ongoing === 'true' || ongoing === '1',
		budgetRange: oneOf(source, 'budgetRange') ?? '',
		territoryScope: oneOf(source, 'territoryScope') ?? '',
		contactName: oneOf(source, 'contactName') ?? '',
		contactEmail: oneOf(source, 'contactEmail') ?? '',
		contactPhone: oneOf(source, 'contactPhone') ?? '',
		links: oneOf(source, 'links') ?? '',
		videoLinks: oneOf(source, 'videoLinks') ?? '',
		principles: allOf(source, 'principles'),
		topics: allOf(source, 'topics'),
		targetGroups: allOf(source, 'targetGroups'),
		sdgs: allOf(source, 'sdgs'),
		banks: allOf(source, 'banks'),
		version: oneOf(source, 'version') ?? ''
	};
}

/** The languages in the order the form shows them: the original first, then the others in the usual order. */
export function languagesInFormOrder(originalLanguage: string): Locale[] {
	return isLocale(originalLanguage) ? [originalLanguage, ...locales.filter((l) => l !== originalLanguage)] : [...locales];
}

/** The input a completeness field is filled in with (the texts of the original language). */
export function completenessInputName(field: CompletenessField, originalLanguage: string): string {
	if ((translatableFields as readonly string[]).includes(field))
		return textFieldName(isLocale(originalLanguage) ? originalLanguage : 'es', field as TranslatableField);
	if (field === 'contact') return 'contactName';
	if (field === 'images') return 'image';
	return field;
}

/**
 * Errors keyed by completeness field (a refused submission lists what is still missing) as errors keyed
 * by the names of the inputs, to show them next to those inputs.
 */
export function errorsByInputName(fieldErrors: Record<string, string[]>, originalLanguage: string): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const [key, codes] of Object.entries(fieldErrors)) {
		const name = completenessInputName(key as CompletenessField, originalLanguage);
		out[name] = [...(out[name] ?? []), ...codes];
	}
	return out;
}

/** The short creation form: a city, the original language and a title in it. */
export function newExperienceInputFromForm(source: FormSource): Record<string, unknown> {
	const originalLanguage = oneOf(source, 'originalLanguage') ?? '';
	const title = oneOf(source, 'title') ?? '';
	return {
		cityId: oneOf(source, 'cityId') ?? '',
		originalLanguage,
		texts: isLocale(originalLanguage) && !isBlank(title) ? { [originalLanguage]: { title } } : {}
	};
}

/** Errors of the nested input (`texts.pt.title`) under the short form's own names (`title`). */
export function newExperienceErrors(fieldErrors: Record<string, string[]>): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const [key, codes] of Object.entries(fieldErrors)) {
		const name = /^texts\.[a-z]{2}\.title$/.test(key) ? 'title' : key;
		out[name] = [...(out[name] ?? []), ...codes];
	}
	return out;
}
