import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../db/index.ts';
import type { Locale } from '../../shared/i18n.ts';
import type { ExperienceFields, ExperienceQuery, WorkingListQuery } from '../../shared/experiences/schemas.ts';
import type { ExperienceStatus, FacetName } from '../../shared/experiences/constants.ts';
import { facetNames } from '../../shared/experiences/constants.ts';
import type { ExperienceEvent, ExperienceSummary, FacetCounts, PublishedExperience } from '../../shared/experiences/types.ts';
import { postgresTsQuery, searchTerms, sqliteMatchQuery } from './search-text.ts';

function isPostgres(db: DbOrTrx): boolean {
	return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

const json = (value: unknown) => JSON.stringify(value);

// ---------------------------------------------------------------------------------------------------
// Working copies

export interface ExperienceDerived {
	titleKey: string;
	completeness: number;
	missingFields: string[];
}

function fieldColumns(fields: ExperienceFields, derived: ExperienceDerived) {
	return {
		city_id: fields.cityId,
		original_language: fields.originalLanguage,
		texts: json(fields.texts),
		title_key: derived.titleKey,
		co_lead_city_ids: json(fields.coLeadCityIds),
		start_date: fields.startDate ?? null,
		end_date: fields.endDate ?? null,
		ongoing: fields.ongoing ? 1 : 0,
		budget_range: fields.budgetRange ?? null,
		territory_scope: fields.territoryScope ?? null,
		contact_name: fields.contactName ?? null,
		contact_email: fields.contactEmail ?? null,
		contact_phone: fields.contactPhone ?? null,
		links: json(fields.links),
		video_links: json(fields.videoLinks),
		principles: json(fields.principles),
		topics: json(fields.topics),
		target_groups: json(fields.targetGroups),
		sdgs: json(fields.sdgs),
		banks: json(fields.banks),
		completeness: derived.completeness,
		missing_fields: json(derived.missingFields)
	};
}

export async function insertExperience(
	db: DbOrTrx,
	input: {
		fields: ExperienceFields;
		derived: ExperienceDerived;
		status: ExperienceStatus;
		externalId: string | null;
		createdBy: string | null;
		charterVersion: string;
		now: string;
	}
): Promise<number> {
	const row = await db
		.insertInto('experience')
		.values({
			...fieldColumns(input.fields, input.derived),
			external_id: input.externalId,
			status: input.status,
			featured: 0,
			charter_version: input.charterVersion,
			created_by: input.createdBy,
			created_at: input.now,
			updated_at: input.now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

/** Saves the fields if the record is still at `version`; false when someone saved in between. */
export async function updateExperienceFields(
	db: DbOrTrx,
	id: number,
	version: number,
	fields: ExperienceFields,
	derived: ExperienceDerived,
	now: string
): Promise<boolean> {
	const result = await db
		.updateTable('experience')
		.set({ ...fieldColumns(fields, derived), updated_at: now, version: sql`version + 1` })
		.where('id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function updateExperienceState(
	db: DbOrTrx,
	id: number,
	version: number,
	patch: { status?: ExperienceStatus; featured?: boolean; submittedAt?: string; firstPublishedAt?: string },
	now: string
): Promise<boolean> {
	const result = await db
		.updateTable('experience')
		.set({
			...(patch.status ? { status: patch.status } : {}),
			...(patch.featured !== undefined ? { featured: patch.featured ? 1 : 0 } : {}),
			...(patch.submittedAt ? { submitted_at: patch.submittedAt } : {}),
			...(patch.firstPublishedAt ? { first_published_at: patch.firstPublishedAt } : {}),
			updated_at: now,
			version: sql`version + 1`
		})
		.where('id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function findExperienceRow(db: DbOrTrx, id: number) {
	return db.selectFrom('experience').selectAll().where('id', '=', id).executeTakeFirst();
}
export type ExperienceRow = NonNullable<Awaited<ReturnType<typeof findExperienceRow>>>;

export async function findExperienceIdByExternalId(db: DbOrTrx, externalId: string) {
	const row = await db
		.selectFrom('experience')
		.select(['id', 'version', 'status'])
		.where('external_id', '=', externalId)
		.executeTakeFirst();
	return row ? { id: Number(row.id), version: Number(row.version), status: row.status as ExperienceStatus } : undefined;
}

export async function insertEvent(
	db: DbOrTrx,
	event: {
		experienceId: number;
		action: string;
		fromStatus: ExperienceStatus | null;
		toStatus: ExperienceStatus;
		comment: string | null;
		actorUserId: string | null;
		actorLabel: string;
		now: string;
	}
): Promise<void> {
	await db
		.insertInto('experience_event')
		.values({
			experience_id: event.experienceId,
			action: event.action,
			from_status: event.fromStatus,
			to_status: event.toStatus,
			comment: event.comment,
			actor_user_id: event.actorUserId,
			actor_label: event.actorLabel,
			created_at: event.now
		})
		.execute();
}

export async function listEvents(db: DbOrTrx, experienceId: number): Promise<ExperienceEvent[]> {
	const rows = await db
		.selectFrom('experience_event')
		.selectAll()
		.where('experience_id', '=', experienceId)
		.orderBy('id', 'desc')
		.execute();
	return rows.map((r) => ({
		id: Number(r.id),
		action: r.action,
		fromStatus: r.from_status as ExperienceStatus | null,
		toStatus: r.to_status as ExperienceStatus,
		comment: r.comment,
		actorLabel: r.actor_label,
		createdAt: r.created_at
	}));
}

export async function listWorkingCopies(db: DbOrTrx, query: WorkingListQuery, onlyCityIds?: readonly number[]) {
	let base = db.selectFrom('experience as e').innerJoin('city as c', 'c.id', 'e.city_id');
	if (onlyCityIds) base = base.where('e.city_id', 'in', onlyCityIds.length ? [...onlyCityIds] : [-1]);
	if (query.status) base = base.where('e.status', '=', query.status);
	if (query.city) base = base.where('e.city_id', '=', query.city);
	if (query.maxCompleteness !== undefined) base = base.where('e.completeness', '<=', query.maxCompleteness);
	if (query.missing) base = base.where('e.missing_fields', 'like', `%"${query.missing.replace(/[%_"\\]/g, '')}"%`);
	if (query.q) {
		const key = query.q
			.normalize('NFD')
			.replace(/\p{Diacritic}/gu, '')
			.toLowerCase()
			.replace(/[\\%_]/g, (ch) => `\\${ch}`);
		base = base.where(sql<boolean>`e.title_key like ${`%${key}%`} escape '\\'`);
	}
	const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
	const rows = await base
		.select([
			'e.id',
			'e.city_id',
			'c.name as city_name',
			'c.country_code',
			'e.status',
			'e.texts',
			'e.original_language',
			'e.completeness',
			'e.missing_fields',
			'e.featured',
			'e.updated_at',
			'e.submitted_at',
			'e.first_published_at'
		])
		.orderBy('e.updated_at', 'desc')
		.orderBy('e.id', 'desc')
		.limit(query.pageSize)
		.offset((query.page - 1) * query.pageSize)
		.execute();
	return {
		total: Number(total),
		rows: rows.map((r) => {
			const texts = JSON.parse(r.texts) as Record<string, { title?: string }>;
			return {
				id: Number(r.id),
				cityId: Number(r.city_id),
				cityName: r.city_name,
				countryCode: r.country_code,
				status: r.status as ExperienceStatus,
				title: texts[r.original_language]?.title ?? '',
				originalLanguage: r.original_language as Locale,
				completeness: Number(r.completeness),
				missingFields: JSON.parse(r.missing_fields) as string[],
				featured: Number(r.featured) === 1,
				updatedAt: r.updated_at,
				submittedAt: r.submitted_at,
				isListed: !!r.first_published_at
			};
		})
	};
}

export async function countWorkingCopiesByStatus(db: DbOrTrx, onlyCityIds?: readonly number[]) {
	let base = db.selectFrom('experience').select(['status', (eb) => eb.fn.countAll<number>().as('count')]);
	if (onlyCityIds) base = base.where('city_id', 'in', onlyCityIds.length ? [...onlyCityIds] : [-1]);
	const rows = await base.groupBy('status').execute();
	return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)])) as Partial<Record<ExperienceStatus, number>>;
}

// ---------------------------------------------------------------------------------------------------
// Files

export async function insertFile(
	db: DbOrTrx,
	file: {
		experienceId: number;
		kind: 'image' | 'document';
		storageKey: string;
		originalName: string;
		mediaType: string;
		byteSize: number;
		width: number | null;
		height: number | null;
		altText: string | null;
		caption: string | null;
		title: string | null;
		now: string;
	}
): Promise<number> {
	const [{ position }] = await db
		.selectFrom('experience_file')
		.select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('position'))
		.where('experience_id', '=', file.experienceId)
		.execute();
	const row = await db
		.insertInto('experience_file')
		.values({
			experience_id: file.experienceId,
			kind: file.kind,
			storage_key: file.storageKey,
			original_name: file.originalName,
			media_type: file.mediaType,
			byte_size: file.byteSize,
			width: file.width,
			height: file.height,
			alt_text: file.altText,
			caption: file.caption,
			title: file.title,
			position: Number(position) + 1,
			created_at: file.now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

export async function listFiles(db: DbOrTrx, experienceId: number) {
	return db
		.selectFrom('experience_file')
		.selectAll()
		.where('experience_id', '=', experienceId)
		.where('deleted_at', 'is', null)
		.orderBy('position')
		.orderBy('id')
		.execute();
}

export async function findFile(db: DbOrTrx, fileId: number) {
	return db.selectFrom('experience_file').selectAll().where('id', '=', fileId).executeTakeFirst();
}

export async function markFileDeleted(db: DbOrTrx, fileId: number, now: string): Promise<void> {
	await db.updateTable('experience_file').set({ deleted_at: now }).where('id', '=', fileId).execute();
}

export async function countFiles(db: DbOrTrx, experienceId: number, kind: 'image' | 'document'): Promise<number> {
	const [{ count }] = await db
		.selectFrom('experience_file')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('experience_id', '=', experienceId)
		.where('kind', '=', kind)
		.where('deleted_at', 'is', null)
		.execute();
	return Number(count);
}

// ---------------------------------------------------------------------------------------------------
// Topics (the bank's own list; the secretariat may add to it)

export async function listTopics(db: DbOrTrx) {
	return db.selectFrom('experience_topic').selectAll().orderBy('position').orderBy('code').execute();
}

export async function insertTopic(
	db: DbOrTrx,
	topic: { code: string; titles: Record<Locale, string>; position?: number; now: string }
): Promise<boolean> {
	const existing = await db.selectFrom('experience_topic').select('code').where('code', '=', topic.code).executeTakeFirst();
	if (existing) return false;
	let position = topic.position;
	if (position === undefined) {
		const [{ max }] = await db
			.selectFrom('experience_topic')
			.select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('max'))
			.execute();
		position = Number(max) + 1;
	}
	await db
		.insertInto('experience_topic')
		.values({
			code: topic.code,
			title_es: topic.titles.es,
			title_en: topic.titles.en,
			title_fr: topic.titles.fr,
			title_pt: topic.titles.pt,
			position,
			created_at: topic.now
		})
		.execute();
	return true;
}

// ---------------------------------------------------------------------------------------------------
// The public listing

export interface ListingInput {
	record: PublishedExperience;
	countryCode: string;
	region: string;
	titleKey: string;
	/** Every word of every language, from `searchBody`. */
	searchBody: string;
}

function listingTags(record: PublishedExperience): { kind: string; code: string }[] {
	const languages = Object.entries(record.texts)
		.filter(([, texts]) => !!texts?.title)
		.map(([language]) => language);
	return [
		...record.principles.map((p) => ({ kind: 'principle', code: String(p) })),
		...record.topics.map((t) => ({ kind: 'topic', code: t })),
		...record.targetGroups.map((t) => ({ kind: 'target', code: t })),
		...record.sdgs.map((s) => ({ kind: 'sdg', code: String(s) })),
		...languages.map((l) => ({ kind: 'lang', code: l })),
		...record.banks.map((b) => ({ kind: 'bank', code: b }))
	];
}

/** Replaces the public version of a record (its row, facet values and full-text entry). */
export async function replaceListing(db: DbOrTrx, input: ListingInput): Promise<void> {
	const id = input.record.id;
	await deleteListing(db, id);
	const startYear = input.record.startDate ? Number(input.record.startDate.slice(0, 4)) : null;
	const tags = listingTags(input.record);
	await db
		.insertInto('experience_listing')
		.values({
			experience_id: id,
			city_id: input.record.city.id,
			country_code: input.countryCode,
			region: input.region,
			original_language: input.record.originalLanguage,
			start_year: startYear,
			featured: input.record.featured ? 1 : 0,
			published_at: input.record.publishedAt,
			title_key: input.titleKey,
			facet_codes: tags.map((t) => `${t.kind}:${t.code}`).join(' '),
			snapshot: json(input.record)
		})
		.execute();
	if (tags.length)
		await db
			.insertInto('experience_listing_tag')
			.values(tags.map((t) => ({ ...t, experience_id: id })))
			.execute();
	if (isPostgres(db)) {
		await sql`update experience_listing set search_vector = to_tsvector('simple', ${input.searchBody}) where experience_id = ${id}`.execute(
			db
		);
	} else {
		await sql`insert into experience_fts (rowid, body) values (${id}, ${input.searchBody})`.execute(db);
	}
}

export async function deleteListing(db: DbOrTrx, id: number): Promise<void> {
	await db.deleteFrom('experience_listing_tag').where('experience_id', '=', id).execute();
	await db.deleteFrom('experience_listing').where('experience_id', '=', id).execute();
	if (!isPostgres(db)) await sql`delete from experience_fts where rowid = ${id}`.execute(db);
}

export async function setListingFeatured(db: DbOrTrx, id: number, featured: boolean): Promise<void> {
	const row = await db.selectFrom('experience_listing').select('snapshot').where('experience_id', '=', id).executeTakeFirst();
	if (!row) return;
	const snapshot = { ...(JSON.parse(row.snapshot) as PublishedExperience), featured };
	await db
		.updateTable('experience_listing')
		.set({ featured: featured ? 1 : 0, snapshot: json(snapshot) })
		.where('experience_id', '=', id)
		.execute();
}

export async function findListing(db: DbOrTrx, id: number): Promise<PublishedExperience | undefined> {
	const row = await db.selectFrom('experience_listing').select('snapshot').where('experience_id', '=', id).executeTakeFirst();
	return row ? (JSON.parse(row.snapshot) as PublishedExperience) : undefined;
}

/** Is this record's public version (if any) showing this file? */
export async function isFileListed(db: DbOrTrx, experienceId: number, fileId: number): Promise<boolean> {
	const record = await findListing(db, experienceId);
	if (!record) return false;
	return record.images.some((i) => i.id === fileId) || record.documents.some((d) => d.id === fileId);
}

// ---------------------------------------------------------------------------------------------------
// Search

type Filter = RawBuilder<unknown>;

/**
 * How a search's rows are found. `lookup` starts from the records each filter value lists (best when
 * few records match); `walk` reads the publication-date index in order and tests each record, which
 * fills a page of newest results at once when many records match. On SQLite the unary `+` keeps the
 * planner from starting at a column's index instead; PostgreSQL's planner makes this choice itself.
 */
type Access = 'lookup' | 'walk';

function tagFilter(kind: string, code: string | number, access: Access): Filter {
	return access === 'walk'
		? sql`exists (select 1 from experience_listing_tag t where t.experience_id = l.experience_id and t.kind = ${kind} and t.code = ${String(code)})`
		: sql`l.experience_id in (select experience_id from experience_listing_tag where kind = ${kind} and code = ${String(code)})`;
}

/** The where-clause of a search (without the full-text part) as SQL fragments joined by `and`. */
function filtersOf(query: ExperienceQuery, access: Access = 'lookup', postgres = false): Filter[] {
	const filters: Filter[] = [];
	const column = (name: string) => sql.raw(access === 'walk' && !postgres ? `+l.${name}` : `l.${name}`);
	for (const p of query.principle) filters.push(tagFilter('principle', p, access));
	for (const t of query.topic) filters.push(tagFilter('topic', t, access));
	for (const t of query.target) filters.push(tagFilter('target', t, access));
	for (const s of query.sdg) filters.push(tagFilter('sdg', s, access));
	if (query.lang) filters.push(tagFilter('lang', query.lang, access));
	if (query.bank) filters.push(tagFilter('bank', query.bank, access));
	if (query.country) filters.push(sql`${column('country_code')} = ${query.country}`);
	if (query.region) filters.push(sql`${column('region')} = ${query.region}`);
	if (query.city) filters.push(sql`${column('city_id')} = ${query.city}`);
	if (query.year) filters.push(sql`${column('start_year')} = ${query.year}`);
	if (query.featured) filters.push(sql`${column('featured')} = 1`);
	if (query.network) filters.push(sql`${column('city_id')} in (select city_id from network_member where network_id = ${query.network})`);
	return filters;
}

interface FullText {
	/**
	 * SQLite: joined to the listing as `fts(id, rank)`; lower rank is better. Costly: FTS5 scores every
	 * match of the words, before any other filter.
	 */
	ranked?: Filter;
	/** PostgreSQL: the score of the listing row `l` (lower is better), so only rows passing every filter are scored. */
	rowScore?: Filter;
	/** A condition on the listing row `l`: the record matches, unscored. */
	matches: Filter;
	/** Counts the terms found in the record's title: a cheap relevance for large result sets. */
	titleHits: Filter;
}

function fullTextOf(db: DbOrTrx, q: string | undefined): FullText | null | 'nothing' {
	if (!q) return null;
	const terms = searchTerms(q);
	if (!terms.length) return 'nothing';
	const postgres = isPostgres(db);
	const titleHits = sql.join(
		terms.map((t) =>
			postgres ? sql`(strpos(' ' || l.title_key, ${` ${t}`}) > 0)::int` : sql`(instr(' ' || l.title_key, ${` ${t}`}) > 0)`
		),
		sql` + `
	);
	if (postgres) {
		const tsquery = postgresTsQuery(terms);
		return {
			rowScore: sql`-ts_rank(l.search_vector, to_tsquery('simple', ${tsquery}))`,
			matches: sql`l.search_vector @@ to_tsquery('simple', ${tsquery})`,
			titleHits
		};
	}
	const match = sqliteMatchQuery(terms);
	return {
		ranked: sql`(select rowid as id, bm25(experience_fts) as rank from experience_fts where experience_fts match ${match})`,
		matches: sql`l.experience_id in (select rowid from experience_fts where experience_fts match ${match})`,
		titleHits
	};
}

function whereOf(filters: Filter[]): Filter {
	return filters.length ? sql`where ${sql.join(filters, sql` and `)}` : sql``;
}

/**
 * Above this many matches, relevance is "search words found in the title, then newest" instead of a
 * full-text score: scoring every one of tens of thousands of matches costs more than the rest of the
 * page, and a broad query's best results are those named after it.
 */
const maxScoredMatches = 5_000;

type Ranking = 'score' | 'title' | 'none';

/**
 * On PostgreSQL a very broad search is ordered newest first: with a third of the bank matching, the
 * planner reads every row's text vector to order by title words (0.7 s at 100,000 records), while
 * walking the publication index finds the newest twenty matches in a few milliseconds.
 */
function rankingOf(query: ExperienceQuery, fullText: FullText | null, total?: number, postgres = false): Ranking {
	if (!fullText || (query.sort ?? 'relevance') !== 'relevance') return 'none';
	if (total === undefined || total <= maxScoredMatches) return 'score';
	return postgres ? 'none' : 'title';
}

/** `from … where …` of a search: joined to the scored matches only when the order needs the score. */
function fromWhereOf(
	query: ExperienceQuery,
	fullText: FullText | null,
	ranking: Ranking,
	access: Access = 'lookup',
	postgres = false
): Filter {
	const filters = filtersOf(query, access, postgres);
	const joinRanked = fullText?.ranked && ranking === 'score';
	if (fullText && !joinRanked) filters.unshift(fullText.matches);
	const from = joinRanked
		? sql`from experience_listing l join ${fullText.ranked} fts on fts.id = l.experience_id`
		: sql`from experience_listing l`;
	return sql`${from} ${whereOf(filters)}`;
}

function orderOf(query: ExperienceQuery, fullText: FullText | null, ranking: Ranking): Filter {
	if (ranking === 'score')
		return fullText?.rowScore
			? sql`order by ${fullText.rowScore}, l.published_at desc, l.experience_id desc`
			: sql`order by fts.rank, l.published_at desc, l.experience_id desc`;
	if (ranking === 'title' && fullText) return sql`order by ${fullText.titleHits} desc, l.published_at desc, l.experience_id desc`;
	switch (query.sort) {
		case 'title':
			return sql`order by l.title_key, l.experience_id`;
		case 'oldest':
			return sql`order by l.published_at, l.experience_id`;
		default:
			// Newest in the bank: the publication index answers this without sorting every match.
			return sql`order by l.published_at desc, l.experience_id desc`;
	}
}

export function toSummary(record: PublishedExperience): ExperienceSummary {
	const titles: ExperienceSummary['titles'] = {};
	const summaries: ExperienceSummary['summaries'] = {};
	for (const [language, texts] of Object.entries(record.texts) as [Locale, { title?: string; summary?: string }][]) {
		if (texts?.title) titles[language] = texts.title;
		if (texts?.summary) summaries[language] = texts.summary;
	}
	return {
		id: record.id,
		city: { id: record.city.id, name: record.city.name, countryCode: record.city.countryCode },
		originalLanguage: record.originalLanguage,
		languages: Object.keys(titles) as Locale[],
		titles,
		summaries,
		startYear: record.startDate ? Number(record.startDate.slice(0, 4)) : null,
		principles: record.principles,
		topics: record.topics,
		featured: record.featured,
		publishedAt: record.publishedAt,
		image: record.images[0] ?? null
	};
}

export async function searchListings(db: DbOrTrx, query: ExperienceQuery): Promise<{ total: number; items: PublishedExperience[] }> {
	const fullText = fullTextOf(db, query.q);
	if (fullText === 'nothing') return { total: 0, items: [] };
	const countRows = await sql<{ total: number | string }>`select count(*) as total ${fromWhereOf(query, fullText, 'none')}`.execute(db);
	const total = Number(countRows.rows[0]?.total ?? 0);
	if (total === 0) return { total, items: [] };
	return { total, items: await listListingPage(db, query, total) };
}

/**
 * One page of the records a search matches, in the search's order. `total` (from `tallyMatches`)
 * lets a broad query skip scoring every match. The page's ids are found first and their snapshots
 * read after, so sorting never carries the large snapshot column.
 */
export async function listListingPage(
	db: DbOrTrx,
	query: ExperienceQuery,
	total?: number,
	bankSize?: number
): Promise<PublishedExperience[]> {
	const fullText = fullTextOf(db, query.q);
	if (fullText === 'nothing' || total === 0) return [];
	const postgres = isPostgres(db);
	const ranking = rankingOf(query, fullText, total, postgres);
	// Walk the date index when the page is in date order and at least one record in fifty matches:
	// a page of twenty is then found within the first thousand or so records read.
	const dateOrder = ranking === 'none' && query.sort !== 'title';
	const access: Access = dateOrder && total !== undefined && bankSize && total * 50 >= bankSize ? 'walk' : 'lookup';
	const offset = (query.page - 1) * query.pageSize;
	const page = await sql<{ id: number | string }>`
		select l.experience_id as id ${fromWhereOf(query, fullText, ranking, access, postgres)} ${orderOf(query, fullText, ranking)} limit ${query.pageSize} offset ${offset}
	`.execute(db);
	return readSnapshots(
		db,
		page.rows.map((r) => Number(r.id))
	);
}

/** The public versions of these records, in the order given. */
async function readSnapshots(db: DbOrTrx, ids: number[]): Promise<PublishedExperience[]> {
	if (!ids.length) return [];
	const rows = await db.selectFrom('experience_listing').select(['experience_id', 'snapshot']).where('experience_id', 'in', ids).execute();
	const byId = new Map(rows.map((r) => [Number(r.experience_id), JSON.parse(r.snapshot) as PublishedExperience]));
	return ids.map((id) => byId.get(id)).filter((r): r is PublishedExperience => !!r);
}

/** Every matching record, in the search's order, a page at a time (for exports). */
export async function* streamListings(db: DbOrTrx, query: ExperienceQuery, batchSize = 500): AsyncGenerator<PublishedExperience> {
	const fullText = fullTextOf(db, query.q);
	if (fullText === 'nothing') return;
	const ranking = rankingOf(query, fullText);
	const fromWhere = fromWhereOf(query, fullText, ranking);
	const order = orderOf(query, fullText, ranking);
	for (let offset = 0; ; offset += batchSize) {
		const rows = await sql<{ snapshot: string }>`select l.snapshot ${fromWhere} ${order} limit ${batchSize} offset ${offset}`.execute(db);
		for (const row of rows.rows) yield JSON.parse(row.snapshot) as PublishedExperience;
		if (rows.rows.length < batchSize) return;
	}
}

export function emptyFacets(): FacetCounts {
	return Object.fromEntries(facetNames.map((f) => [f, []])) as unknown as FacetCounts;
}

export interface Tally {
	facets: FacetCounts;
	/** How many matching records share each (principle, topic) pair. */
	pairs: { principle: number; topic: string; count: number }[];
	total: number;
}

/**
 * Live counts of every facet value within the records a search matches, and of principle × topic
 * pairs. One read of the matching rows' facet columns, counted here: the same arithmetic on both
 * databases, and several times faster than grouping the tag table in SQL for large result sets.
 */
export async function tallyMatches(db: DbOrTrx, query: ExperienceQuery, options: { pairs?: boolean } = {}): Promise<Tally> {
	const facets = emptyFacets();
	const fullText = fullTextOf(db, query.q);
	if (fullText === 'nothing') return { facets, pairs: [], total: 0 };
	const [rows, memberships] = await Promise.all([
		sql<{ facet_codes: string; city_id: number; country_code: string; region: string; start_year: number | null }>`
			select l.facet_codes, l.city_id, l.country_code, l.region, l.start_year ${fromWhereOf(query, fullText, 'none')}
		`.execute(db),
		db.selectFrom('network_member').select(['network_id', 'city_id']).execute()
	]);
	const networksOfCity = new Map<number, number[]>();
	for (const m of memberships) {
		const list = networksOfCity.get(Number(m.city_id)) ?? [];
		list.push(Number(m.network_id));
		networksOfCity.set(Number(m.city_id), list);
	}
	const counts = new Map<string, number>();
	const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
	const pairCounts = new Map<string, number>();
	for (const row of rows.rows) {
		const codes = row.facet_codes ? row.facet_codes.split(' ') : [];
		for (const code of codes) bump(code);
		bump(`country:${row.country_code}`);
		bump(`region:${row.region}`);
		bump(`city:${row.city_id}`);
		if (row.start_year !== null && row.start_year !== undefined) bump(`year:${row.start_year}`);
		for (const network of networksOfCity.get(Number(row.city_id)) ?? []) bump(`network:${network}`);
		if (options.pairs) {
			const principles = codes.filter((c) => c.startsWith('principle:'));
			const topics = codes.filter((c) => c.startsWith('topic:'));
			for (const p of principles)
				for (const t of topics) {
					const key = `${p.slice(10)}|${t.slice(6)}`;
					pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
				}
		}
	}
	for (const [key, count] of counts) {
		const colon = key.indexOf(':');
		const list = facets[key.slice(0, colon) as FacetName];
		if (list) list.push({ code: key.slice(colon + 1), count });
	}
	for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
	const pairs = [...pairCounts].map(([key, count]) => {
		const [principle, topic] = key.split('|');
		return { principle: Number(principle), topic, count };
	});
	return { facets, pairs, total: rows.rows.length };
}

export async function countFacets(db: DbOrTrx, query: ExperienceQuery): Promise<FacetCounts> {
	return (await tallyMatches(db, query)).facets;
}

export async function countPrincipleTopicPairs(
	db: DbOrTrx,
	query: ExperienceQuery
): Promise<{ principle: number; topic: string; count: number }[]> {
	return (await tallyMatches(db, query, { pairs: true })).pairs;
}

/** Records that share the most principles and topics with this one; title words break ties. */
export async function listRelatedListings(db: DbOrTrx, record: PublishedExperience, limit: number): Promise<PublishedExperience[]> {
	const tags = [
		...record.principles.map((p) => ({ kind: 'principle', code: String(p) })),
		...record.topics.map((t) => ({ kind: 'topic', code: t }))
	];
	if (!tags.length) return [];
	const tagMatch = sql.join(
		tags.map((t) => sql`(t.kind = ${t.kind} and t.code = ${t.code})`),
		sql` or `
	);
	const candidates = await sql<{ id: number | string; shared: number | string }>`
		select t.experience_id as id, count(*) as shared from experience_listing_tag t
		where (${tagMatch}) and t.experience_id <> ${record.id}
		group by t.experience_id order by count(*) desc, t.experience_id desc limit 60
	`.execute(db);
	if (!candidates.rows.length) return [];
	const ids = candidates.rows.map((r) => Number(r.id));
	const score = new Map(candidates.rows.map((r) => [Number(r.id), Number(r.shared)]));
	const titleText = record.texts[record.originalLanguage]?.title ?? '';
	const titleTerms = searchTerms(titleText).filter((t) => t.length > 3);
	if (titleTerms.length) {
		// `+rowid`: SQLite's FTS5 answers `rowid in (?)` with a bound list wrongly (it returned rows
		// outside the list); the unary plus keeps that condition out of the virtual table's index.
		const textMatches = isPostgres(db)
			? await sql<{
					id: number;
				}>`select experience_id as id from experience_listing where experience_id in (${sql.join(ids)}) and search_vector @@ to_tsquery('simple', ${titleTerms.map((t) => `'${t}':*`).join(' | ')})`.execute(
					db
				)
			: await sql<{
					id: number;
				}>`select rowid as id from experience_fts where experience_fts match ${titleTerms.map((t) => `"${t}"*`).join(' OR ')} and +rowid in (${sql.join(ids)})`.execute(
					db
				);
		for (const row of textMatches.rows) score.set(Number(row.id), (score.get(Number(row.id)) ?? 0) + 2);
	}
	const chosen = [...score.entries()]
		.sort((a, b) => b[1] - a[1] || b[0] - a[0])
		.slice(0, limit)
		.map(([id]) => id);
	return readSnapshots(db, chosen);
}

/** The most recently published records, for the feed. */
export async function listRecentlyPublished(db: DbOrTrx, limit: number, bank?: string): Promise<PublishedExperience[]> {
	let base = db.selectFrom('experience_listing as l').select('l.snapshot');
	if (bank)
		base = base.where(
			sql<boolean>`l.experience_id in (select experience_id from experience_listing_tag where kind = 'bank' and code = ${bank})`
		);
	const rows = await base.orderBy('l.published_at', 'desc').orderBy('l.experience_id', 'desc').limit(limit).execute();
	return rows.map((r) => JSON.parse(r.snapshot) as PublishedExperience);
}

export async function countListings(db: DbOrTrx): Promise<number> {
	const [{ count }] = await db
		.selectFrom('experience_listing')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.execute();
	return Number(count);
}

// ---------------------------------------------------------------------------------------------------
// Bulk loading (experiences.bulk.ts: the demo and the benchmark). Added by the demo/bench work: the
// rows insertExperience + updateExperienceState, insertEvent and replaceListing write, for many
// records per statement (one statement per row took 4 minutes for 100,000 records on PostgreSQL).

/** Rows per statement, keeping every statement under SQLite's 32,766 bound parameters. */
const experienceChunk = 300;
const eventChunk = 1000;
const listingChunk = 400;
const tagChunk = 2000;

/** insertExperience for records already published (state, featured and dates set at once); ids in input order. */
export async function insertPublishedExperiences(
	db: DbOrTrx,
	inputs: readonly {
		fields: ExperienceFields;
		derived: ExperienceDerived;
		externalId: string | null;
		createdBy: string | null;
		charterVersion: string;
		featured: boolean;
		createdAt: string;
		submittedAt: string;
		firstPublishedAt: string;
		publishedAt: string;
	}[]
): Promise<number[]> {
	const ids: number[] = [];
	for (let start = 0; start < inputs.length; start += experienceChunk) {
		const rows = await db
			.insertInto('experience')
			.values(
				inputs.slice(start, start + experienceChunk).map((input) => ({
					...fieldColumns(input.fields, input.derived),
					external_id: input.externalId,
					status: 'published',
					featured: input.featured ? 1 : 0,
					charter_version: input.charterVersion,
					created_by: input.createdBy,
					created_at: input.createdAt,
					updated_at: input.publishedAt,
					submitted_at: input.submittedAt,
					first_published_at: input.firstPublishedAt,
					// As after insertExperience and one updateExperienceState.
					version: 2
				}))
			)
			.returning('id')
			.execute();
		// One statement numbers its rows in the order given; RETURNING's own order is not promised.
		ids.push(...rows.map((r) => Number(r.id)).sort((a, b) => a - b));
	}
	return ids;
}

/** insertEvent for many events. */
export async function insertEvents(db: DbOrTrx, events: readonly Parameters<typeof insertEvent>[1][]): Promise<void> {
	for (let start = 0; start < events.length; start += eventChunk)
		await db
			.insertInto('experience_event')
			.values(
				events.slice(start, start + eventChunk).map((event) => ({
					experience_id: event.experienceId,
					action: event.action,
					from_status: event.fromStatus,
					to_status: event.toStatus,
					comment: event.comment,
					actor_user_id: event.actorUserId,
					actor_label: event.actorLabel,
					created_at: event.now
				}))
			)
			.execute();
}

/** Replaces the public versions of many records at once (rows, facet values, full-text entries). */
export async function replaceListings(db: DbOrTrx, inputs: readonly ListingInput[]): Promise<void> {
	if (!inputs.length) return;
	const postgres = isPostgres(db);
	const ids = inputs.map((i) => i.record.id);
	const listed = await db.selectFrom('experience_listing').select('experience_id').where('experience_id', 'in', ids).execute();
	// Rarely any: deleted one by one, since FTS5 mishandles `rowid in (…)` (see listRelatedListings).
	for (const row of listed) await deleteListing(db, Number(row.experience_id));
	for (let start = 0; start < inputs.length; start += listingChunk) {
		const chunk = inputs.slice(start, start + listingChunk);
		const rows = chunk.map((input) => {
			const record = input.record;
			const facetCodes = listingTags(record)
				.map((t) => `${t.kind}:${t.code}`)
				.join(' ');
			const startYear = record.startDate ? Number(record.startDate.slice(0, 4)) : null;
			const values = [
				record.id,
				record.city.id,
				input.countryCode,
				input.region,
				record.originalLanguage,
				startYear,
				record.featured ? 1 : 0,
				record.publishedAt,
				input.titleKey,
				facetCodes,
				json(record)
			];
			return postgres ? sql`(${sql.join(values)}, to_tsvector('simple', ${input.searchBody}))` : sql`(${sql.join(values)})`;
		});
		await sql`insert into experience_listing (experience_id, city_id, country_code, region, original_language, start_year, featured, published_at, title_key, facet_codes, snapshot${postgres ? sql`, search_vector` : sql``}) values ${sql.join(rows)}`.execute(
			db
		);
		if (!postgres)
			await sql`insert into experience_fts (rowid, body) values ${sql.join(chunk.map((input) => sql`(${input.record.id}, ${input.searchBody})`))}`.execute(
				db
			);
	}
	const tags = inputs.flatMap((input) => listingTags(input.record).map((t) => ({ ...t, experience_id: input.record.id })));
	for (let start = 0; start < tags.length; start += tagChunk)
		await db
			.insertInto('experience_listing_tag')
			.values(tags.slice(start, start + tagChunk))
			.execute();
}

/**
 * Planner statistics after a large load, so the first searches do not guess; on PostgreSQL also the
 * visibility map, without which index-only scans of the tag table still read every heap row.
 */
export async function refreshListingStatistics(db: DbOrTrx): Promise<void> {
	if (isPostgres(db)) await sql`vacuum (analyze) experience, experience_event, experience_listing, experience_listing_tag`.execute(db);
	else {
		await sql`pragma analysis_limit = 1000`.execute(db);
		await sql`analyze`.execute(db);
	}
}
