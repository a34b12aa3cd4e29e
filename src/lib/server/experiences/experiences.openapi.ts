// The Bank of Experiences as open data: the public JSON shape of a record and of a search result, and
// the API operations that serve them (collected into /api/v1/openapi.json).
import { z } from 'zod';
import type { ApiOperation } from '../http/openapi.ts';
import { locales, type Locale } from '../../shared/i18n.ts';
import { regionCodes } from '../../shared/members/constants.ts';
import { banks, budgetRanges, facetNames, territoryScopes, translatableFields } from '../../shared/experiences/constants.ts';
import { experienceQuerySchema } from '../../shared/experiences/schemas.ts';
import type { ExperienceImage, ExperienceSummary, PublishedExperience } from '../../shared/experiences/types.ts';

const localeEnum = z.enum(locales);

const languageTextsSchema = z.object(
	Object.fromEntries(translatableFields.map((f) => [f, z.string().optional()])) as Record<
		(typeof translatableFields)[number],
		z.ZodOptional<z.ZodString>
	>
);

const cityRefSchema = z.object({
	id: z.number().int(),
	name: z.string(),
	country: z.string().describe('ISO 3166-1 alpha-2')
});

const imageSchema = z.object({
	id: z.number().int(),
	url: z.string().describe('The image 1280 pixels wide at most'),
	smallUrl: z.string().describe('The image 480 pixels wide at most'),
	altText: z.string(),
	caption: z.string().nullable(),
	width: z.number().int().nullable(),
	height: z.number().int().nullable()
});

const documentSchema = z.object({
	id: z.number().int(),
	title: z.string(),
	byteSize: z.number().int(),
	url: z.string()
});

export const publicExperienceSchema = z.object({
	id: z.number().int(),
	url: z.string().describe('The record on the website, in its original language'),
	city: cityRefSchema.extend({
		region: z.enum(regionCodes),
		latitude: z.number().nullable(),
		longitude: z.number().nullable()
	}),
	coLeadCities: z.array(cityRefSchema),
	originalLanguage: localeEnum,
	languages: z.array(localeEnum).describe('Languages the record has a title in'),
	texts: z
		.object({
			es: languageTextsSchema.optional(),
			en: languageTextsSchema.optional(),
			fr: languageTextsSchema.optional(),
			pt: languageTextsSchema.optional()
		})
		.describe('The texts by language, as plain text; the original language is always present'),
	startDate: z.string().nullable().describe('YYYY-MM-DD'),
	endDate: z.string().nullable().describe('YYYY-MM-DD'),
	ongoing: z.boolean(),
	budgetRange: z.enum(budgetRanges).nullable(),
	territoryScope: z.enum(territoryScopes).nullable(),
	contact: z
		.object({ name: z.string().nullable(), email: z.string().nullable() })
		.describe('The contact the city published for this experience (the telephone number is shown on the website only)'),
	links: z.array(z.string()),
	videoLinks: z.array(z.string()),
	principles: z.array(z.number().int()).describe('Numbers of the principles of the Charter of Educating Cities'),
	topics: z.array(z.string()).describe('Topic codes'),
	targetGroups: z.array(z.string()).describe('Target group codes'),
	sdgs: z.array(z.number().int()).describe('Numbers of the UN Sustainable Development Goals'),
	banks: z.array(z.enum(banks)),
	featured: z.boolean(),
	charterVersion: z.string(),
	images: z.array(imageSchema),
	documents: z.array(documentSchema),
	firstPublishedAt: z.string(),
	publishedAt: z.string().describe('When the current version was published')
});
export type PublicExperience = z.infer<typeof publicExperienceSchema>;

export const publicExperienceSummarySchema = z.object({
	id: z.number().int(),
	url: z.string(),
	apiUrl: z.string(),
	city: cityRefSchema,
	originalLanguage: localeEnum,
	languages: z.array(localeEnum),
	titles: z.object({ es: z.string().optional(), en: z.string().optional(), fr: z.string().optional(), pt: z.string().optional() }),
	summaries: z.object({ es: z.string().optional(), en: z.string().optional(), fr: z.string().optional(), pt: z.string().optional() }),
	startYear: z.number().int().nullable(),
	principles: z.array(z.number().int()),
	topics: z.array(z.string()),
	featured: z.boolean(),
	publishedAt: z.string(),
	image: imageSchema.nullable()
});
export type PublicExperienceSummary = z.infer<typeof publicExperienceSummarySchema>;

export const experienceFacetsSchema = z
	.object(
		Object.fromEntries(facetNames.map((f) => [f, z.array(z.object({ code: z.string(), count: z.number().int() }))])) as Record<
			(typeof facetNames)[number],
			z.ZodArray<z.ZodObject<{ code: z.ZodString; count: z.ZodNumber }>>
		>
	)
	.describe('For every facet, how many of the matching records have each value');

export const experienceListResponseSchema = z.object({
	items: z.array(publicExperienceSummarySchema),
	total: z.number().int(),
	page: z.number().int(),
	pageSize: z.number().int(),
	facets: experienceFacetsSchema
});

export const experienceExportResponseSchema = z.object({
	items: z.array(publicExperienceSchema),
	total: z.number().int()
});

const origin = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

function publicImage(image: ExperienceImage, base: string): z.infer<typeof imageSchema> {
	return {
		id: image.id,
		url: `${base}/files/experiences/${image.id}?w=1280`,
		smallUrl: `${base}/files/experiences/${image.id}?w=480`,
		altText: image.altText,
		caption: image.caption,
		width: image.width,
		height: image.height
	};
}

function languagesOf(texts: PublishedExperience['texts']): Locale[] {
	return locales.filter((l) => !!texts[l]?.title);
}

/**
 * A published record as open data. The contact's name and e-mail are public (the city gives them so
 * that others can ask about the experience, and the page shows them); the telephone number is left
 * out of machine-readable data, where bulk harvesting costs nothing.
 */
export function toPublicExperience(record: PublishedExperience, publicUrl: string): PublicExperience {
	const base = origin(publicUrl);
	const texts: PublicExperience['texts'] = {};
	for (const language of locales) {
		const source = record.texts[language];
		if (!source) continue;
		const kept = Object.fromEntries(translatableFields.filter((f) => source[f]).map((f) => [f, source[f]]));
		if (Object.keys(kept).length) texts[language] = kept;
	}
	return {
		id: record.id,
		url: `${base}/${record.originalLanguage}/experiences/${record.id}`,
		city: {
			id: record.city.id,
			name: record.city.name,
			country: record.city.countryCode,
			region: record.city.region as PublicExperience['city']['region'],
			latitude: record.city.latitude,
			longitude: record.city.longitude
		},
		coLeadCities: record.coLeadCities.map((c) => ({ id: c.id, name: c.name, country: c.countryCode })),
		originalLanguage: record.originalLanguage,
		languages: languagesOf(record.texts),
		texts,
		startDate: record.startDate,
		endDate: record.endDate,
		ongoing: record.ongoing,
		budgetRange: record.budgetRange,
		territoryScope: record.territoryScope,
		contact: { name: record.contactName, email: record.contactEmail },
		links: record.links,
		videoLinks: record.videoLinks,
		principles: record.principles,
		topics: record.topics,
		targetGroups: record.targetGroups,
		sdgs: record.sdgs,
		banks: record.banks,
		featured: record.featured,
		charterVersion: record.charterVersion,
		images: record.images.map((i) => publicImage(i, base)),
		documents: record.documents.map((d) => ({ id: d.id, title: d.title, byteSize: d.byteSize, url: `${base}/files/experiences/${d.id}` })),
		firstPublishedAt: record.firstPublishedAt,
		publishedAt: record.publishedAt
	};
}

export function toPublicExperienceSummary(summary: ExperienceSummary, publicUrl: string): PublicExperienceSummary {
	const base = origin(publicUrl);
	return {
		id: summary.id,
		url: `${base}/${summary.originalLanguage}/experiences/${summary.id}`,
		apiUrl: `${base}/api/v1/experiences/${summary.id}`,
		city: { id: summary.city.id, name: summary.city.name, country: summary.city.countryCode },
		originalLanguage: summary.originalLanguage,
		languages: summary.languages,
		titles: summary.titles,
		summaries: summary.summaries,
		startYear: summary.startYear,
		principles: summary.principles,
		topics: summary.topics,
		featured: summary.featured,
		publishedAt: summary.publishedAt,
		image: summary.image ? publicImage(summary.image, base) : null
	};
}

const exportQuerySchema = experienceQuerySchema.omit({ page: true, pageSize: true });
const idParams = z.object({ id: z.coerce.number().int().positive() });

export const experienceOperations: ApiOperation[] = [
	{
		method: 'get',
		path: '/api/v1/experiences',
		operationId: 'listExperiences',
		summary:
			'Published experiences of the Bank of Experiences: full-text search (every language, accent-insensitive) and filters, paginated, with facet counts. Repeat a list parameter or separate values with commas.',
		tags: ['experiences'],
		query: experienceQuerySchema,
		responses: {
			200: { description: 'A page of experiences and the facet counts of the whole search', schema: experienceListResponseSchema }
		}
	},
	{
		method: 'get',
		path: '/api/v1/experiences/{id}',
		operationId: 'getExperience',
		summary: 'One published experience with its texts in every language it has; drafts and archived records are never shown',
		tags: ['experiences'],
		pathParams: idParams,
		responses: { 200: { description: 'The experience', schema: publicExperienceSchema } }
	},
	{
		method: 'get',
		path: '/api/v1/experiences.csv',
		operationId: 'exportExperiencesCsv',
		summary:
			'Every published experience matching the search as CSV (not paginated): one row per record, texts in the original language plus title and summary per language, lists joined with ";" (URLs with spaces)',
		tags: ['experiences'],
		query: exportQuerySchema,
		responses: { 200: { description: 'CSV file (UTF-8)', contentType: 'text/csv' } }
	},
	{
		method: 'get',
		path: '/api/v1/experiences.json',
		operationId: 'exportExperiencesJson',
		summary: 'Every published experience matching the search as one JSON document (not paginated)',
		tags: ['experiences'],
		query: exportQuerySchema,
		responses: { 200: { description: 'The matching records', schema: experienceExportResponseSchema } }
	},
	{
		method: 'get',
		path: '/{lang}/experiences/feed.xml',
		operationId: 'experiencesFeed',
		summary: 'Atom feed of the 30 most recently published experiences, titled in the feed’s language where a translation exists',
		tags: ['experiences'],
		pathParams: z.object({ lang: localeEnum }),
		query: z.object({ bank: z.enum(banks).optional() }),
		responses: { 200: { description: 'Atom 1.0 feed', contentType: 'application/atom+xml' } }
	}
];
