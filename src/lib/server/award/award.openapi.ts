// The Educating Cities Award as open data: announced and earlier editions, and the results once the
// secretariat has published them. Drafts, candidacies under way, jurors and scores are never part of it.
import { z } from 'zod';
import type { ApiOperation } from '../http/openapi.ts';
import { locales, type Locale } from '../../shared/i18n.ts';
import { editionPhases } from '../../shared/award/constants.ts';
import { editionListQuerySchema } from '../../shared/award/edition-schemas.ts';
import type { AwardResultEntry, PublicAwardEditionView } from './editions.service.ts';

const localeEnum = z.enum(locales);
const localizedSchema = z.object({
	es: z.string().optional(),
	en: z.string().optional(),
	fr: z.string().optional(),
	pt: z.string().optional()
});

const languageTextsSchema = z.object({ theme: z.string(), description: z.string(), ceremony: z.string() });

const cityRefSchema = z.object({ id: z.number().int(), name: z.string(), countryCode: z.string().describe('ISO 3166-1 alpha-2') });

const resultEntrySchema = z.object({
	city: cityRefSchema,
	title: z.string().describe('The candidacy’s title in its original language'),
	language: localeEnum.describe('The original language of the candidacy'),
	experienceId: z.number().int().describe('The experience of the Bank of Experiences the candidacy was built from'),
	experienceUrl: z.string().nullable().describe('Its public page, when the experience is published')
});

export const awardResultsSchema = z
	.object({
		declaredVoid: z.boolean().describe('The jury declared the award void'),
		winners: z.array(resultEntrySchema),
		specialMentions: z.array(resultEntrySchema),
		finalists: z.array(resultEntrySchema).describe('Finalists that did not win a prize or a special mention')
	})
	.describe('Present only once the secretariat has published the results');

const figuresSchema = z
	.object({
		entries: z.number().int().nullable(),
		cities: z.number().int().nullable(),
		countries: z.number().int().nullable(),
		finalists: z.number().int().nullable(),
		winners: z
			.union([z.array(z.string()), z.number().int()])
			.nullable()
			.describe('Names of the winning cities, or how many there were')
	})
	.describe('Figures of an earlier edition as recorded, or counted once the results are published; null before');

export const publicAwardEditionSummarySchema = z.object({
	year: z.number().int(),
	url: z.string().describe('The edition’s page on the website'),
	apiUrl: z.string(),
	status: z.enum(['announced', 'history']).describe('`history`: an earlier edition kept as a record'),
	phase: z.enum(editionPhases).describe('Where the edition stands now, in its own time zone'),
	themes: localizedSchema,
	opensOn: z.string().nullable().describe('YYYY-MM-DD'),
	deadline: z.string().nullable().describe('Local date and time YYYY-MM-DDTHH:mm in `timeZone`'),
	timeZone: z.string().describe('IANA time zone of the deadline'),
	ceremonyOn: z.string().nullable(),
	resultsPublished: z.boolean(),
	figures: figuresSchema.nullable()
});
export type PublicAwardEditionSummary = z.infer<typeof publicAwardEditionSummarySchema>;

export const publicAwardEditionSchema = publicAwardEditionSummarySchema.extend({
	texts: z.object({
		es: languageTextsSchema.optional(),
		en: languageTextsSchema.optional(),
		fr: languageTextsSchema.optional(),
		pt: languageTextsSchema.optional()
	}),
	focusAreas: z.array(z.object({ code: z.string(), names: localizedSchema })),
	criteria: z.array(
		z.object({ code: z.string(), weight: z.number().describe('Relative weight'), names: localizedSchema, descriptions: localizedSchema })
	),
	questions: z.array(z.object({ code: z.string(), texts: localizedSchema, maxLength: z.number().int() })),
	scale: z.object({ min: z.number().int(), max: z.number().int() }),
	juryStartsOn: z.string().nullable(),
	decisionOn: z.string().nullable(),
	eligibility: z.object({
		initiativeStartedBefore: z.string().nullable().describe('Initiatives must have started before this date'),
		maxCandidaciesPerCity: z.number().int(),
		congressHostCity: cityRefSchema.nullable().describe('Hosts the International Congress: may not apply'),
		previousWinnerCities: z.array(cityRefSchema).describe('Won the previous edition: may not apply')
	}),
	prizes: z.number().int(),
	specialMentions: z.number().int(),
	mayDeclareVoid: z.boolean(),
	rulesDocumentUrl: z.string().nullable(),
	resultsPublishedAt: z.string().nullable(),
	results: awardResultsSchema.nullable()
});
export type PublicAwardEditionJson = z.infer<typeof publicAwardEditionSchema>;

export const awardEditionListResponseSchema = z.object({
	items: z.array(publicAwardEditionSummarySchema),
	total: z.number().int(),
	page: z.number().int(),
	pageSize: z.number().int()
});

const origin = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

function themesOf(view: PublicAwardEditionView) {
	return Object.fromEntries(locales.flatMap((l) => (view.edition.texts[l]?.theme ? [[l, view.edition.texts[l]!.theme]] : [])));
}

/** The language an edition's page link uses: Spanish, the association's first language, when present. */
function pageLanguage(view: PublicAwardEditionView): Locale {
	return locales.find((l) => view.edition.texts[l]?.theme) ?? 'es';
}

export function toPublicAwardEditionSummary(view: PublicAwardEditionView, publicUrl: string): PublicAwardEditionSummary {
	const base = origin(publicUrl);
	const { edition } = view;
	return {
		year: edition.year,
		url: `${base}/${pageLanguage(view)}/award/${edition.year}`,
		apiUrl: `${base}/api/v1/award/editions/${edition.year}`,
		status: edition.status,
		phase: view.phase,
		themes: themesOf(view),
		opensOn: edition.opensOn,
		deadline: edition.deadline,
		timeZone: edition.timeZone,
		ceremonyOn: edition.ceremonyOn,
		resultsPublished: !!view.results,
		figures: view.figures
	};
}

function resultEntry(entry: AwardResultEntry, base: string): z.infer<typeof resultEntrySchema> {
	return {
		city: { id: entry.city.id, name: entry.city.name, countryCode: entry.city.countryCode },
		title: entry.titles[entry.originalLanguage] ?? Object.values(entry.titles)[0] ?? '',
		language: entry.originalLanguage,
		experienceId: entry.experienceId,
		experienceUrl: entry.experiencePublished ? `${base}/${entry.originalLanguage}/experiences/${entry.experienceId}` : null
	};
}

export function toPublicAwardEdition(view: PublicAwardEditionView, publicUrl: string): PublicAwardEditionJson {
	const base = origin(publicUrl);
	const { edition, results } = view;
	return {
		...toPublicAwardEditionSummary(view, publicUrl),
		texts: edition.texts,
		focusAreas: edition.focusAreas,
		criteria: edition.criteria,
		questions: edition.questions,
		scale: { min: edition.scaleMin, max: edition.scaleMax },
		juryStartsOn: edition.juryStartsOn,
		decisionOn: edition.decisionOn,
		eligibility: {
			initiativeStartedBefore: edition.initiativeStartedBefore,
			maxCandidaciesPerCity: edition.maxCandidaciesPerCity,
			congressHostCity: edition.congressHostCity,
			previousWinnerCities: edition.previousWinnerCities
		},
		prizes: edition.prizes,
		specialMentions: edition.specialMentions,
		mayDeclareVoid: edition.mayDeclareVoid,
		rulesDocumentUrl: edition.rulesDocument ? `${base}/files/award/rules/${edition.year}` : null,
		resultsPublishedAt: results ? edition.resultsPublishedAt : null,
		results: results
			? {
					declaredVoid: results.declaredVoid,
					winners: results.winners.map((e) => resultEntry(e, base)),
					specialMentions: results.specialMentions.map((e) => resultEntry(e, base)),
					finalists: results.finalists.map((e) => resultEntry(e, base))
				}
			: null
	};
}

export const awardOperations: ApiOperation[] = [
	{
		method: 'get',
		path: '/api/v1/award/editions',
		operationId: 'listAwardEditions',
		summary:
			'Editions of the Educating Cities Award, newest first: the announced calls and the earlier editions kept as history. Editions in preparation are never listed.',
		tags: ['award'],
		query: editionListQuerySchema,
		responses: { 200: { description: 'A page of editions', schema: awardEditionListResponseSchema } }
	},
	{
		method: 'get',
		path: '/api/v1/award/editions/{year}',
		operationId: 'getAwardEdition',
		summary:
			'One edition: theme and description in every language present, focus areas, criteria and weights, scale, timeline, eligibility and, once published, the winners, special mentions and finalists with their experiences. Candidacies, jurors and scores are never served.',
		tags: ['award'],
		pathParams: z.object({ year: z.coerce.number().int().min(1000).max(9999) }),
		responses: { 200: { description: 'The edition', schema: publicAwardEditionSchema } }
	}
];
