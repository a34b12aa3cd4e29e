import { z } from 'zod';
import { locales } from '../i18n.ts';
import { optionalDate, optionalText, pageField, pageSizeField, requiredNumber } from '../core/forms.ts';
import { regionCodes } from '../members/constants.ts';
import {
	banks,
	budgetRanges,
	experienceSortKeys,
	territoryScopes,
	textLimits,
	translatableFields,
	type TranslatableField
} from './constants.ts';

/** One value or many (a repeated form field or query parameter) as a list without blanks. */
const listOf = <T extends z.ZodType>(item: T, max: number) =>
	z.preprocess(
		(v) =>
			(v === undefined || v === null ? [] : Array.isArray(v) ? v : String(v).split(','))
				.map((x) => (typeof x === 'string' ? x.trim() : x))
				.filter((x) => x !== '' && x !== undefined && x !== null),
		z.array(item).max(max, { error: 'common.validation.too_many' })
	);

const uniqueList = <T extends z.ZodType>(item: T, max: number) => listOf(item, max).transform((list) => [...new Set(list)] as z.infer<T>[]);

export const localeSchema = z.enum(locales, { error: 'experiences.validation.language' });
export const principleNumber = z.coerce
	.number({ error: 'experiences.validation.principle' })
	.int({ error: 'experiences.validation.principle' })
	.min(1, { error: 'experiences.validation.principle' })
	.max(20, { error: 'experiences.validation.principle' });
export const sdgNumber = z.coerce
	.number({ error: 'experiences.validation.sdg' })
	.int({ error: 'experiences.validation.sdg' })
	.min(1, { error: 'experiences.validation.sdg' })
	.max(17, { error: 'experiences.validation.sdg' });
/** Topic and target-group codes: lower-case words joined by hyphens. Whether the code exists is checked by the service. */
export const classificationCode = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'experiences.validation.code' })
	.max(60, { error: 'experiences.validation.code' });

const httpUrl = z.url({ protocol: /^https?$/, error: 'experiences.validation.url' }).max(500, { error: 'common.validation.too_long' });

/** Texts of one language; every field optional (completeness says what is still missing). */
export const languageTextsSchema = z.object(
	Object.fromEntries(translatableFields.map((f) => [f, optionalText(textLimits[f])])) as Record<
		TranslatableField,
		ReturnType<typeof optionalText>
	>
);
export type LanguageTexts = Partial<Record<TranslatableField, string>>;

const textsSchema = z.object({
	es: languageTextsSchema.optional(),
	en: languageTextsSchema.optional(),
	fr: languageTextsSchema.optional(),
	pt: languageTextsSchema.optional()
});

const booleanField = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1' || v === 1, z.boolean());

const idField = z.coerce.number({ error: 'common.validation.invalid' }).int().positive({ error: 'common.validation.invalid' });

export const experienceFieldsSchema = z
	.object({
		cityId: idField,
		coLeadCityIds: uniqueList(idField, 10).default([]),
		originalLanguage: localeSchema,
		texts: textsSchema,
		startDate: optionalDate,
		endDate: optionalDate,
		ongoing: booleanField.default(false),
		budgetRange: z.preprocess(
			(v) => (v === '' ? undefined : v),
			z.enum(budgetRanges, { error: 'common.validation.invalid_choice' }).optional()
		),
		territoryScope: z.preprocess(
			(v) => (v === '' ? undefined : v),
			z.enum(territoryScopes, { error: 'common.validation.invalid_choice' }).optional()
		),
		contactName: optionalText(200),
		contactEmail: z.preprocess(
			(v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
			z.email({ error: 'common.validation.email' }).max(254).optional()
		),
		contactPhone: optionalText(60),
		links: uniqueList(httpUrl, 10).default([]),
		videoLinks: uniqueList(httpUrl, 5).default([]),
		principles: uniqueList(principleNumber, 20).default([]),
		topics: uniqueList(classificationCode, 20).default([]),
		targetGroups: uniqueList(classificationCode, 20).default([]),
		sdgs: uniqueList(sdgNumber, 17).default([]),
		banks: uniqueList(z.enum(banks, { error: 'common.validation.invalid_choice' }), 2).default(['international'])
	})
	.superRefine((value, ctx) => {
		if (!value.texts[value.originalLanguage]?.title)
			ctx.addIssue({ code: 'custom', path: ['texts', value.originalLanguage, 'title'], message: 'experiences.validation.title_original' });
		if (value.startDate && value.endDate && value.endDate < value.startDate)
			ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'experiences.validation.end_before_start' });
		if (value.ongoing && value.endDate)
			ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'experiences.validation.ongoing_with_end' });
		if (value.banks.length === 0) ctx.addIssue({ code: 'custom', path: ['banks'], message: 'experiences.validation.bank_required' });
		if (value.coLeadCityIds.includes(value.cityId))
			ctx.addIssue({ code: 'custom', path: ['coLeadCityIds'], message: 'experiences.validation.co_lead_self' });
	});
export type ExperienceFields = z.infer<typeof experienceFieldsSchema>;

export const versionField = requiredNumber(z.number({ error: 'common.validation.invalid' }).int().min(1));

export const updateExperienceSchema = z.intersection(experienceFieldsSchema, z.object({ version: versionField }));
export type UpdateExperienceInput = z.infer<typeof updateExperienceSchema>;

export const transitionSchema = z
	.object({
		comment: optionalText(5_000),
		version: versionField
	})
	.strip();

export const returnSchema = z.object({
	comment: z
		.string({ error: 'experiences.validation.comment_required' })
		.trim()
		.min(1, { error: 'experiences.validation.comment_required' })
		.max(5_000, { error: 'common.validation.too_long' }),
	version: versionField
});

export const featureSchema = z.object({ featured: booleanField });

/** Long search strings are cut rather than refused: a pasted paragraph still searches its first words. */
const searchText = z.preprocess(
	(v) =>
		typeof v === 'string'
			? v.slice(0, 200).trim() || undefined
			: Array.isArray(v)
				? String(v[0] ?? '')
						.slice(0, 200)
						.trim() || undefined
				: undefined,
	z.string().optional()
);
const optionalSingle = <T extends z.ZodType>(schema: T) =>
	z.preprocess((v) => (Array.isArray(v) ? v[0] : v === '' || v === null ? undefined : v), schema.optional());

export const experienceQuerySchema = z.object({
	q: searchText,
	principle: uniqueList(principleNumber, 20).default([]),
	topic: uniqueList(classificationCode, 20).default([]),
	target: uniqueList(classificationCode, 20).default([]),
	sdg: uniqueList(sdgNumber, 17).default([]),
	country: optionalSingle(
		z
			.string()
			.trim()
			.toUpperCase()
			.regex(/^[A-Z]{2}$/, { error: 'members.validation.country' })
	),
	region: optionalSingle(z.enum(regionCodes, { error: 'common.validation.invalid_choice' })),
	network: optionalSingle(idField),
	city: optionalSingle(idField),
	year: optionalSingle(
		z.coerce
			.number({ error: 'experiences.validation.year' })
			.int()
			.min(1900, { error: 'experiences.validation.year' })
			.max(2100, { error: 'experiences.validation.year' })
	),
	lang: optionalSingle(localeSchema),
	bank: optionalSingle(z.enum(banks, { error: 'common.validation.invalid_choice' })),
	featured: optionalSingle(booleanField),
	sort: optionalSingle(z.enum(experienceSortKeys, { error: 'common.validation.invalid_choice' })),
	page: pageField,
	pageSize: pageSizeField(20)
});
export type ExperienceQuery = z.infer<typeof experienceQuerySchema>;

/** Secretariat's list of working copies (any state). */
export const workingListQuerySchema = z.object({
	q: searchText,
	status: optionalSingle(
		z.enum(['draft', 'submitted', 'in_review', 'returned', 'published', 'archived'] as const, { error: 'common.validation.invalid_choice' })
	),
	city: optionalSingle(idField),
	missing: optionalSingle(z.string().regex(/^[a-zA-Z]+$/)),
	maxCompleteness: optionalSingle(z.coerce.number().int().min(0).max(100)),
	page: pageField,
	pageSize: pageSizeField(25)
});
export type WorkingListQuery = z.infer<typeof workingListQuerySchema>;

export const imageUploadSchema = z.object({
	altText: z
		.string({ error: 'experiences.validation.alt_required' })
		.trim()
		.min(3, { error: 'experiences.validation.alt_required' })
		.max(300, { error: 'common.validation.too_long' }),
	caption: optionalText(300)
});

export const documentUploadSchema = z.object({
	title: z
		.string({ error: 'common.validation.required' })
		.trim()
		.min(1, { error: 'common.validation.required' })
		.max(200, { error: 'common.validation.too_long' })
});

export const topicSchema = z.object({
	code: classificationCode,
	titleEs: z.string().trim().min(1, { error: 'common.validation.required' }).max(120),
	titleEn: z.string().trim().min(1, { error: 'common.validation.required' }).max(120),
	titleFr: z.string().trim().min(1, { error: 'common.validation.required' }).max(120),
	titlePt: z.string().trim().min(1, { error: 'common.validation.required' }).max(120)
});
