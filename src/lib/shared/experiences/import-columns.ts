// The documented columns of the experiences import (CSV header names, also the keys of a JSON
// record), described on the import page and in docs/import-experiences.md.
import { locales } from '../i18n.ts';
import { translatableFields } from './constants.ts';

/** One text column per translatable field and language: `title_es`, `summary_en`, … */
export const importTextColumns: readonly string[] = translatableFields.flatMap((field) => locales.map((locale) => `${field}_${locale}`));

/** Every recognised column, in the order of the example file. */
export const experienceImportColumns: readonly string[] = [
	'external_id',
	'city_id',
	'city_name',
	'country_code',
	'co_lead_city_ids',
	'original_language',
	...importTextColumns,
	'start_date',
	'end_date',
	'ongoing',
	'budget_range',
	'territory_scope',
	'contact_name',
	'contact_email',
	'contact_phone',
	'links',
	'video_links',
	'principles',
	'topics',
	'target_groups',
	'sdgs',
	'banks',
	'status',
	'featured'
];

/**
 * The column summary shown on the import page: each group of columns with the message key that
 * explains it (`experiences.import.col.<key>`).
 */
export const importColumnGuide: readonly { key: string; columns: readonly string[]; required?: boolean }[] = [
	{ key: 'external_id', columns: ['external_id'], required: true },
	{ key: 'city', columns: ['city_id', 'city_name', 'country_code'], required: true },
	{ key: 'co_lead_city_ids', columns: ['co_lead_city_ids'] },
	{ key: 'original_language', columns: ['original_language'] },
	// `*` is es, en, fr or pt.
	{ key: 'texts', columns: translatableFields.map((field) => `${field}_*`), required: true },
	{ key: 'dates', columns: ['start_date', 'end_date'] },
	{ key: 'ongoing', columns: ['ongoing'] },
	{ key: 'budget_range', columns: ['budget_range'] },
	{ key: 'territory_scope', columns: ['territory_scope'] },
	{ key: 'contact', columns: ['contact_name', 'contact_email', 'contact_phone'] },
	{ key: 'links', columns: ['links', 'video_links'] },
	{ key: 'principles', columns: ['principles', 'sdgs'] },
	{ key: 'topics', columns: ['topics', 'target_groups'] },
	{ key: 'banks', columns: ['banks'] },
	{ key: 'status', columns: ['status'] },
	{ key: 'featured', columns: ['featured'] }
];

/** The example offered for download on the import page (the same records as in the documentation). */
export const exampleImportRecords: readonly Record<string, string>[] = [
	{
		external_id: 'bank-2012-0457',
		city_name: 'Rosario',
		country_code: 'AR',
		original_language: 'es',
		title_es: 'Huertos escolares en los barrios',
		title_en: 'School gardens in the neighbourhoods',
		summary_es: 'Las escuelas cultivan huertos con las familias del barrio.',
		summary_en: 'Schools grow gardens with the families of the neighbourhood.',
		description_es: 'Cada escuela cuida un huerto con el apoyo de los vecinos y del servicio municipal de parques.',
		start_date: '2012',
		ongoing: 'sí',
		budget_range: '10k_50k',
		territory_scope: 'city',
		contact_name: 'Secretaría de Educación',
		contact_email: 'educacion@example.org',
		links: 'https://example.org/huertos',
		principles: '1;8;12',
		topics: 'environment',
		target_groups: 'children',
		sdgs: '4;11',
		banks: 'international;latin_american',
		status: 'published',
		featured: 'no'
	},
	{
		external_id: 'bank-2016-0912',
		city_name: 'Lisboa',
		country_code: 'PT',
		original_language: 'pt',
		title_pt: 'Conselho municipal de crianças',
		summary_pt: 'As crianças propõem e votam projetos para a sua cidade.',
		start_date: '2016-09-15',
		end_date: '2019-06-30',
		ongoing: 'não',
		principles: '2|20',
		topics: 'citizen-participation',
		target_groups: 'children;adolescents',
		banks: 'international',
		status: 'draft'
	}
];

export const importLimits = {
	maxBytes: 10 * 1024 * 1024,
	maxRows: 5000,
	/** Problems listed in a report (all are counted). */
	maxReportedProblems: 500
};
