import { sql } from 'kysely';
import type { DbOrTrx } from '../db/index.ts';
import { nowIso } from '../core/clock.ts';
import type { Locale } from '../../shared/i18n.ts';
import type { NetworkRole } from '../../shared/networks/constants.ts';

export interface NetworkTexts {
	name: Record<Locale, string>;
	description: Record<Locale, string>;
}

function localizedColumns(texts: NetworkTexts) {
	return {
		name_es: texts.name.es,
		name_en: texts.name.en,
		name_fr: texts.name.fr,
		name_pt: texts.name.pt,
		description_es: texts.description.es,
		description_en: texts.description.en,
		description_fr: texts.description.fr,
		description_pt: texts.description.pt
	};
}

/** The columns every list of networks shows: identity, kind and the texts in the four languages. */
const networkColumns = [
	'network.id',
	'network.slug',
	'network.kind',
	'network.name_es',
	'network.name_en',
	'network.name_fr',
	'network.name_pt',
	'network.description_es',
	'network.description_en',
	'network.description_fr',
	'network.description_pt'
] as const;

export async function listNetworks(db: DbOrTrx) {
	return (
		db
			.selectFrom('network')
			.leftJoin('network_member', 'network_member.network_id', 'network.id')
			.select([...networkColumns, (eb) => eb.fn.count<number>('network_member.city_id').as('member_count')])
			// Grouping by the primary key is enough: PostgreSQL knows the other columns depend on it.
			.groupBy('network.id')
			.orderBy('network.kind')
			.orderBy('network.name_en')
			.execute()
	);
}

export async function findNetworkById(db: DbOrTrx, id: number) {
	return db.selectFrom('network').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findNetworkBySlug(db: DbOrTrx, slug: string) {
	return db.selectFrom('network').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listNetworkMembers(db: DbOrTrx, networkId: number) {
	return db
		.selectFrom('network_member')
		.innerJoin('city', 'city.id', 'network_member.city_id')
		.select([
			'city.id',
			'city.name',
			'city.country_code',
			'city.population',
			'city.latitude',
			'city.longitude',
			'city.status',
			'network_member.role',
			'network_member.joined_on'
		])
		.where('network_member.network_id', '=', networkId)
		.orderBy('city.search_name')
		.execute();
}

export async function listNetworksOfCity(db: DbOrTrx, cityId: number) {
	return db
		.selectFrom('network_member')
		.innerJoin('network', 'network.id', 'network_member.network_id')
		.select([
			'network.id',
			'network.slug',
			'network.kind',
			'network.name_es',
			'network.name_en',
			'network.name_fr',
			'network.name_pt',
			'network_member.role'
		])
		.where('network_member.city_id', '=', cityId)
		.orderBy('network.name_en')
		.execute();
}

export async function insertNetwork(db: DbOrTrx, slug: string, kind: string, texts: NetworkTexts) {
	const now = nowIso();
	const row = await db
		.insertInto('network')
		.values({ slug, kind, ...localizedColumns(texts), created_at: now, updated_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function updateNetworkTexts(db: DbOrTrx, id: number, texts: NetworkTexts) {
	await db
		.updateTable('network')
		.set({ ...localizedColumns(texts), updated_at: nowIso() })
		.where('id', '=', id)
		.execute();
}

export async function findMembership(db: DbOrTrx, networkId: number, cityId: number) {
	return db.selectFrom('network_member').selectAll().where('network_id', '=', networkId).where('city_id', '=', cityId).executeTakeFirst();
}

export async function insertMembership(db: DbOrTrx, networkId: number, cityId: number, role: NetworkRole, joinedOn: string) {
	await db.insertInto('network_member').values({ network_id: networkId, city_id: cityId, role, joined_on: joinedOn }).execute();
}

export async function updateMembershipRole(db: DbOrTrx, networkId: number, cityId: number, role: NetworkRole) {
	await db.updateTable('network_member').set({ role }).where('network_id', '=', networkId).where('city_id', '=', cityId).execute();
}

export async function deleteMembership(db: DbOrTrx, networkId: number, cityId: number) {
	await db.deleteFrom('network_member').where('network_id', '=', networkId).where('city_id', '=', cityId).execute();
}

export type NetworkRow = NonNullable<Awaited<ReturnType<typeof findNetworkById>>>;
export type NetworkMemberRow = Awaited<ReturnType<typeof listNetworkMembers>>[number];

export interface NetworkSummaryQuery {
	kind?: string;
	locale: Locale;
	/** Omit both for every network (the public page and the CSV export). */
	page?: number;
	pageSize?: number;
}

function networkSummaries(db: DbOrTrx, kind: string | undefined) {
	let base = db
		.selectFrom('network')
		.leftJoin('network_member', 'network_member.network_id', 'network.id')
		.leftJoin('city', 'city.id', 'network_member.city_id');
	if (kind) base = base.where('network.kind', '=', kind);
	return base
		.select([
			...networkColumns,
			'network.created_at',
			'network.updated_at',
			(eb) => eb.fn.count<number>('network_member.city_id').as('member_count'),
			(eb) => eb.fn.count<number>('city.country_code').distinct().as('country_count')
		])
		.groupBy('network.id');
}

/** Networks with their member and country counts, ordered by kind then name in the given language. */
export async function listNetworkSummaries(db: DbOrTrx, query: NetworkSummaryQuery) {
	let totalQuery = db.selectFrom('network').select((eb) => eb.fn.countAll<number>().as('total'));
	if (query.kind) totalQuery = totalQuery.where('kind', '=', query.kind);
	const { total } = await totalQuery.executeTakeFirstOrThrow();
	let rows = networkSummaries(db, query.kind).orderBy('network.kind').orderBy(`network.name_${query.locale}`).orderBy('network.id');
	if (query.pageSize !== undefined) rows = rows.limit(query.pageSize).offset(((query.page ?? 1) - 1) * query.pageSize);
	const items = await rows.execute();
	return {
		total: Number(total),
		items: items.map((row) => ({ ...row, member_count: Number(row.member_count), country_count: Number(row.country_count) }))
	};
}

/** The coordinating and co-coordinating cities of the given networks. */
export async function listNetworkLeads(db: DbOrTrx, networkIds: number[]) {
	if (networkIds.length === 0) return [];
	return db
		.selectFrom('network_member')
		.innerJoin('city', 'city.id', 'network_member.city_id')
		.select(['network_member.network_id', 'network_member.role', 'city.id as city_id', 'city.name', 'city.country_code'])
		.where('network_member.network_id', 'in', networkIds)
		.where('network_member.role', 'in', ['coordinator', 'co_coordinator'])
		.orderBy('network_member.network_id')
		.orderBy('city.search_name')
		.execute();
}

export async function listNetworksByIds(db: DbOrTrx, ids: number[]) {
	if (ids.length === 0) return [];
	return db.selectFrom('network').selectAll().where('id', 'in', ids).orderBy('name_en').execute();
}

export async function listAllNetworks(db: DbOrTrx) {
	return db.selectFrom('network').selectAll().orderBy('kind').orderBy('name_en').execute();
}

function isPostgres(db: DbOrTrx): boolean {
	return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

/**
 * Reads a network and, on PostgreSQL, locks its row until the transaction ends, so that two
 * concurrent membership changes cannot both pass the founding-minimum check. SQLite runs one write
 * transaction at a time, which gives the same guarantee.
 */
export async function lockNetwork(trx: DbOrTrx, id: number) {
	const query = trx.selectFrom('network').selectAll().where('id', '=', id);
	return (isPostgres(trx) ? query.forUpdate() : query).executeTakeFirst();
}

export async function findNetworkIdBySlug(db: DbOrTrx, slug: string) {
	return db.selectFrom('network').select('id').where('slug', '=', slug).executeTakeFirst();
}

/** Slugs starting with this prefix, to pick a free one for a new network. */
export async function listSlugsLike(db: DbOrTrx, prefix: string) {
	const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
	const rows = await db
		.selectFrom('network')
		.select('slug')
		.where(sql<boolean>`slug like ${`${escaped}%`} escape '\\'`)
		.execute();
	return rows.map((r) => r.slug);
}
