// Open data of the Bank of Experiences: CSV and JSON exports of any search (every matching record,
// streamed as it is read) and the Atom feed of recent publications. Only the public listing is read,
// so nothing here can show a draft, a returned or an archived record.
import Papa from 'papaparse';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { guardCsvCell } from '../core/csv.ts';
import { translatorFor } from '../core/i18n.ts';
import { ok, validate, type Result } from '../core/result.ts';
import { locales, type Locale } from '../../shared/i18n.ts';
import { banks, translatableFields } from '../../shared/experiences/constants.ts';
import { experienceQuerySchema, type ExperienceQuery } from '../../shared/experiences/schemas.ts';
import type { PublishedExperience } from '../../shared/experiences/types.ts';
import { listExperienceTopics, listRecentExperiences, streamExperiences } from './experiences.service.ts';
import { toPublicExperience } from './experiences.openapi.ts';

/** A query string as the search schemas take it: a repeated parameter becomes a list. */
export function experienceQueryInput(params: URLSearchParams): Record<string, unknown> {
	const input: Record<string, unknown> = {};
	for (const key of new Set(params.keys())) {
		const values = params.getAll(key);
		input[key] = values.length > 1 ? values : values[0];
	}
	return input;
}

const exportQuerySchema = experienceQuerySchema.omit({ page: true, pageSize: true });

const origin = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

// ---------------------------------------------------------------------------------------------------
// CSV

export const experienceCsvColumns = [
	'id',
	'url',
	'city_id',
	'city',
	'country',
	'region',
	'co_lead_city_ids',
	'co_lead_cities',
	'original_language',
	'languages',
	...translatableFields,
	...locales.flatMap((l) => [`title_${l}`, `summary_${l}`]),
	'start_date',
	'end_date',
	'ongoing',
	'budget_range',
	'territory_scope',
	'principles',
	'topics',
	'target_groups',
	'sdgs',
	'banks',
	'featured',
	'links',
	'video_links',
	'contact_name',
	'contact_email',
	'images',
	'documents',
	'first_published_at',
	'published_at'
];

/** URLs cannot contain a bare space, so lists of them are joined with one (codes and names with ";"). */
const urlList = (urls: string[]) => urls.map((u) => u.replaceAll(' ', '%20')).join(' ');

export function experienceCsvRow(record: PublishedExperience, publicUrl: string): Record<string, unknown> {
	const base = origin(publicUrl);
	const original = record.texts[record.originalLanguage] ?? {};
	const row: Record<string, unknown> = {
		id: record.id,
		url: `${base}/${record.originalLanguage}/experiences/${record.id}`,
		city_id: record.city.id,
		city: record.city.name,
		country: record.city.countryCode,
		region: record.city.region,
		co_lead_city_ids: record.coLeadCities.map((c) => c.id).join(';'),
		co_lead_cities: record.coLeadCities.map((c) => c.name).join(';'),
		original_language: record.originalLanguage,
		languages: locales.filter((l) => !!record.texts[l]?.title).join(';'),
		start_date: record.startDate,
		end_date: record.endDate,
		ongoing: record.ongoing ? 'true' : 'false',
		budget_range: record.budgetRange,
		territory_scope: record.territoryScope,
		principles: record.principles.join(';'),
		topics: record.topics.join(';'),
		target_groups: record.targetGroups.join(';'),
		sdgs: record.sdgs.join(';'),
		banks: record.banks.join(';'),
		featured: record.featured ? 'true' : 'false',
		links: urlList(record.links),
		video_links: urlList(record.videoLinks),
		contact_name: record.contactName,
		contact_email: record.contactEmail,
		images: urlList(record.images.map((i) => `${base}/files/experiences/${i.id}?w=1280`)),
		documents: urlList(record.documents.map((d) => `${base}/files/experiences/${d.id}`)),
		first_published_at: record.firstPublishedAt,
		published_at: record.publishedAt
	};
	for (const field of translatableFields) row[field] = original[field];
	for (const l of locales) {
		row[`title_${l}`] = record.texts[l]?.title;
		row[`summary_${l}`] = record.texts[l]?.summary;
	}
	return row;
}

/** CSV text of some rows, every cell guarded against spreadsheet formulas; the header only when asked. */
function csvChunk(rows: Record<string, unknown>[], header: boolean): string {
	return Papa.unparse(
		{ fields: experienceCsvColumns, data: rows.map((row) => experienceCsvColumns.map((c) => guardCsvCell(row[c]))) },
		{ header, newline: '\r\n' }
	);
}

async function* csvChunks(records: AsyncIterable<PublishedExperience>, publicUrl: string): AsyncGenerator<string> {
	// Papa ends a header without rows with a line break; the rows below bring their own.
	yield csvChunk([], true).trimEnd();
	let batch: Record<string, unknown>[] = [];
	for await (const record of records) {
		batch.push(experienceCsvRow(record, publicUrl));
		if (batch.length === 100) {
			yield `\r\n${csvChunk(batch, false)}`;
			batch = [];
		}
	}
	if (batch.length) yield `\r\n${csvChunk(batch, false)}`;
	yield '\r\n';
}

// ---------------------------------------------------------------------------------------------------
// JSON

async function* jsonChunks(records: AsyncIterable<PublishedExperience>, publicUrl: string): AsyncGenerator<string> {
	yield '{"items":[';
	let total = 0;
	let chunk = '';
	for await (const record of records) {
		chunk += `${total === 0 ? '\n' : ',\n'}${JSON.stringify(toPublicExperience(record, publicUrl))}`;
		total++;
		if (chunk.length > 64 * 1024) {
			yield chunk;
			chunk = '';
		}
	}
	yield `${chunk}\n],"total":${total}}\n`;
}

/** Pulls text from a generator only as fast as the client reads it. */
function byteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await chunks.next();
			if (next.done) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		},
		async cancel() {
			await chunks.return(undefined);
		}
	});
}

export interface ExperienceExport {
	filename: string;
	contentType: string;
	body: ReadableStream<Uint8Array>;
}

/**
 * Every published record a search matches (the search page's parameters; paging is ignored) as a
 * CSV or JSON download. Bad parameters fail before anything is sent.
 */
export function exportExperiences(
	db: Db,
	input: unknown,
	format: 'csv' | 'json',
	options: { publicUrl: string; now?: Date }
): Result<ExperienceExport> {
	const input_ = typeof input === 'object' && input !== null ? { ...(input as Record<string, unknown>) } : {};
	delete input_.page;
	delete input_.pageSize;
	const parsed = validate(exportQuerySchema, input_);
	if (!parsed.ok) return parsed;
	const query: ExperienceQuery = { ...parsed.value, page: 1, pageSize: 100 };
	const day = (options.now ?? new Date()).toISOString().slice(0, 10);
	const records = streamExperiences(db, query);
	return ok(
		format === 'csv'
			? {
					filename: `experiences-${day}.csv`,
					contentType: 'text/csv; charset=utf-8',
					body: byteStream(csvChunks(records, options.publicUrl))
				}
			: {
					filename: `experiences-${day}.json`,
					contentType: 'application/json; charset=utf-8',
					body: byteStream(jsonChunks(records, options.publicUrl))
				}
	);
}

// ---------------------------------------------------------------------------------------------------
// Atom feed

// Characters XML 1.0 does not allow at all (C0 controls, lone surrogates, U+FFFE/U+FFFF): dropped.
const invalidXmlCharacters = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text or attribute content made inert: markup in a record's text is shown as text, never parsed. */
export function escapeXml(text: string): string {
	return text
		.replace(invalidXmlCharacters, '')
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&apos;');
}

const feedSize = 30;
const feedQuerySchema = z.object({
	bank: z.preprocess(
		(v) => (Array.isArray(v) ? v[0] : v === '' ? undefined : v),
		z.enum(banks, { error: 'common.validation.invalid_choice' }).optional()
	)
});

export interface FeedOptions {
	locale: Locale;
	publicUrl: string;
	bank?: (typeof banks)[number];
	/** Topic titles in the feed's language, for the entries' categories. */
	topicTitles?: Map<string, string>;
	/** When the feed is built; its `updated` when it has no entries. */
	now?: Date;
}

/** A text in the feed's language where the record has it, else in the original, with the language it is in. */
function textIn(record: PublishedExperience, field: 'title' | 'summary', locale: Locale): { text: string; lang: Locale } | null {
	const own = record.texts[locale]?.[field];
	if (own) return { text: own, lang: locale };
	const original = record.texts[record.originalLanguage]?.[field];
	return original ? { text: original, lang: record.originalLanguage } : null;
}

function countryName(code: string, locale: Locale): string {
	try {
		return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
	} catch {
		return code;
	}
}

/** The Atom 1.0 document of these records (newest first). Every text goes through `escapeXml`, as type="text". */
export function buildExperiencesFeed(records: PublishedExperience[], options: FeedOptions): string {
	const { locale, bank } = options;
	const t = translatorFor(locale);
	const base = origin(options.publicUrl);
	const host = new URL(base).hostname;
	const selfUrl = `${base}/${locale}/experiences/feed.xml${bank ? `?bank=${bank}` : ''}`;
	const pageUrl = `${base}/${locale}/experiences${bank ? `?bank=${bank}` : ''}`;
	const updated =
		records.reduce((latest, r) => (r.publishedAt > latest ? r.publishedAt : latest), '') || (options.now ?? new Date()).toISOString();
	const text = (element: string, value: string, lang?: Locale) =>
		`<${element} type="text"${lang && lang !== locale ? ` xml:lang="${lang}"` : ''}>${escapeXml(value)}</${element}>`;
	const lines = [
		'<?xml version="1.0" encoding="utf-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
		`<id>${escapeXml(selfUrl)}</id>`,
		text('title', bank ? t('experiences.feed.title_bank', { bank: t(`experiences.bank.${bank}`) }) : t('experiences.feed.title')),
		text('subtitle', t('experiences.feed.subtitle')),
		`<link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>`,
		`<link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>`,
		`<updated>${escapeXml(updated)}</updated>`,
		`<author><name>${escapeXml(t('experiences.feed.author'))}</name><uri>${escapeXml(base)}</uri></author>`
	];
	for (const record of records) {
		const title = textIn(record, 'title', locale);
		const summary = textIn(record, 'summary', locale);
		const url = `${base}/${locale}/experiences/${record.id}`;
		lines.push(
			'<entry>',
			`<id>tag:${escapeXml(host)},${escapeXml(record.firstPublishedAt.slice(0, 10))}:experiences/${record.id}</id>`,
			text('title', title?.text ?? `#${record.id}`, title?.lang),
			`<link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
			`<published>${escapeXml(record.firstPublishedAt)}</published>`,
			`<updated>${escapeXml(record.publishedAt)}</updated>`,
			`<author><name>${escapeXml(`${record.city.name} (${countryName(record.city.countryCode, locale)})`)}</name><uri>${escapeXml(`${base}/${locale}/cities/${record.city.id}`)}</uri></author>`,
			...(summary ? [text('summary', summary.text, summary.lang)] : []),
			...record.topics.map((code) => `<category term="${escapeXml(code)}" label="${escapeXml(options.topicTitles?.get(code) ?? code)}"/>`),
			'</entry>'
		);
	}
	lines.push('</feed>', '');
	return lines.join('\n');
}

/** The feed of the most recently published records in a language, optionally of one bank. */
export async function experiencesFeed(db: Db, input: unknown, options: { locale: Locale; publicUrl: string }): Promise<Result<string>> {
	const parsed = validate(feedQuerySchema, input ?? {});
	if (!parsed.ok) return parsed;
	const { bank } = parsed.value;
	const [records, topics] = await Promise.all([listRecentExperiences(db, feedSize, bank), listExperienceTopics(db)]);
	const topicTitles = new Map(topics.map((topic) => [topic.code, topic.title[options.locale]]));
	return ok(buildExperiencesFeed(records, { ...options, bank, topicTitles }));
}
