import { sql } from 'kysely';
import type { DbOrTrx } from '../db/index.ts';
import { nowIso } from '../core/clock.ts';
import { searchKey } from '../../shared/core/forms.ts';
import type { CityListQuery, CityFields, ContactInput } from '../../shared/members/schemas.ts';
import { recentGovernmentChangeDays, type CityStatus } from '../../shared/members/constants.ts';

export type CityRow = Awaited<ReturnType<typeof findCityById>>;

const citySelection = [
	'city.id',
	'city.name',
	'city.country_code',
	'city.subdivision',
	'city.population',
	'city.latitude',
	'city.longitude',
	'city.website',
	'city.languages',
	'city.joined_on',
	'city.status',
	'city.status_changed_on',
	'city.government_changed_on',
	'city.version',
	'city.created_at',
	'city.updated_at',
	'country.region',
	'country.income_group'
] as const;

export async function findCityById(db: DbOrTrx, id: number) {
	return db
		.selectFrom('city')
		.innerJoin('country', 'country.code', 'city.country_code')
		.select(citySelection)
		.where('city.id', '=', id)
		.executeTakeFirst();
}

export async function findCityByNameAndCountry(db: DbOrTrx, name: string, countryCode: string) {
	return db
		.selectFrom('city')
		.select(['id', 'name'])
		.where('search_name', '=', searchKey(name))
		.where('country_code', '=', countryCode)
		.executeTakeFirst();
}

function filteredCities(db: DbOrTrx, query: Omit<CityListQuery, 'page' | 'pageSize' | 'sort'>) {
	let base = db.selectFrom('city').innerJoin('country', 'country.code', 'city.country_code');
	if (query.q) {
		const key = searchKey(query.q).replace(/[\\%_]/g, (c) => `\\${c}`);
		base = base.where(sql<boolean>`city.search_name like ${`%${key}%`} escape '\\'`);
	}
	if (query.country) base = base.where('city.country_code', '=', query.country);
	if (query.region) base = base.where('country.region', '=', query.region);
	if (query.status === 'current') base = base.where('city.status', 'in', ['active', 'in_arrears']);
	else if (query.status && query.status !== 'any') base = base.where('city.status', '=', query.status);
	if (query.onboarding) {
		const since = new Date(Date.now() - recentGovernmentChangeDays * 86_400_000).toISOString().slice(0, 10);
		base = base.where('city.government_changed_on', '>=', since);
	}
	if (query.network) {
		const networkId = query.network;
		base = base.where('city.id', 'in', (eb) =>
			eb.selectFrom('network_member').select('network_member.city_id').where('network_member.network_id', '=', networkId)
		);
	}
	return base;
}

export async function listCities(db: DbOrTrx, query: CityListQuery) {
	const base = filteredCities(db, query);
	const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
	let rows = base.select(citySelection);
	switch (query.sort ?? 'name') {
		case 'name':
			rows = rows.orderBy('city.search_name', 'asc');
			break;
		case '-name':
			rows = rows.orderBy('city.search_name', 'desc');
			break;
		case 'population':
			rows = rows.orderBy('city.population', 'asc');
			break;
		case '-population':
			rows = rows.orderBy('city.population', 'desc');
			break;
		case 'country':
			rows = rows.orderBy('city.country_code', 'asc').orderBy('city.search_name', 'asc');
			break;
		case 'joined':
			rows = rows.orderBy('city.joined_on', 'asc');
			break;
		case '-joined':
			rows = rows.orderBy('city.joined_on', 'desc');
			break;
	}
	const items = await rows
		.orderBy('city.id')
		.limit(query.pageSize)
		.offset((query.page - 1) * query.pageSize)
		.execute();
	return { total: Number(total), items };
}

/** Every city matching the filters, for exports and the map (no paging). */
export async function listAllCities(db: DbOrTrx, query: Omit<CityListQuery, 'page' | 'pageSize' | 'sort'>) {
	return filteredCities(db, query).select(citySelection).orderBy('city.search_name').execute();
}

export async function listCityPoints(db: DbOrTrx) {
	return db
		.selectFrom('city')
		.select(['id', 'name', 'latitude', 'longitude', 'country_code', 'status'])
		.where('status', 'in', ['active', 'in_arrears'])
		.where('latitude', 'is not', null)
		.orderBy('search_name')
		.execute();
}

export async function countCitiesByRegionAndCountry(db: DbOrTrx) {
	return db
		.selectFrom('city')
		.innerJoin('country', 'country.code', 'city.country_code')
		.select(['country.region', 'city.country_code', (eb) => eb.fn.countAll<number>().as('cities')])
		.where('city.status', 'in', ['active', 'in_arrears'])
		.groupBy(['country.region', 'city.country_code'])
		.orderBy('country.region')
		.orderBy('city.country_code')
		.execute();
}

export async function listCountriesInUse(db: DbOrTrx) {
	return db.selectFrom('city').select('country_code').distinct().orderBy('country_code').execute();
}

function cityColumns(fields: CityFields) {
	return {
		name: fields.name,
		search_name: searchKey(fields.name),
		country_code: fields.countryCode,
		subdivision: fields.subdivision ?? null,
		population: fields.population,
		latitude: fields.latitude ?? null,
		longitude: fields.longitude ?? null,
		website: fields.website ?? null,
		languages: fields.languages.join(','),
		joined_on: fields.joinedOn ?? null,
		government_changed_on: fields.governmentChangedOn ?? null
	};
}

export async function insertCity(db: DbOrTrx, fields: CityFields, status: CityStatus, statusChangedOn: string) {
	const now = nowIso();
	const row = await db
		.insertInto('city')
		.values({ ...cityColumns(fields), status, status_changed_on: statusChangedOn, created_at: now, updated_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Updates only when the row still has the version the editor saw; returns false otherwise. */
export async function updateCity(db: DbOrTrx, id: number, expectedVersion: number, fields: CityFields): Promise<boolean> {
	const result = await db
		.updateTable('city')
		.set((eb) => ({ ...cityColumns(fields), version: eb('version', '+', 1), updated_at: nowIso() }))
		.where('id', '=', id)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function updateCityStatus(db: DbOrTrx, id: number, status: CityStatus, changedOn: string) {
	await db
		.updateTable('city')
		.set((eb) => ({ status, status_changed_on: changedOn, version: eb('version', '+', 1), updated_at: nowIso() }))
		.where('id', '=', id)
		.execute();
}

export async function insertStatusChange(
	db: DbOrTrx,
	change: { cityId: number; from: string | null; to: string; reason: string; changedOn: string; actorUserId: string | null }
) {
	await db
		.insertInto('city_status_change')
		.values({
			city_id: change.cityId,
			from_status: change.from,
			to_status: change.to,
			reason: change.reason,
			changed_on: change.changedOn,
			actor_user_id: change.actorUserId,
			created_at: nowIso()
		})
		.execute();
}

export async function listStatusChanges(db: DbOrTrx, cityId: number) {
	return db.selectFrom('city_status_change').selectAll().where('city_id', '=', cityId).orderBy('id', 'desc').execute();
}

export async function listContacts(db: DbOrTrx, cityId: number) {
	return db.selectFrom('city_contact').selectAll().where('city_id', '=', cityId).orderBy('kind').orderBy('id').execute();
}

export async function findContact(db: DbOrTrx, id: number) {
	return db.selectFrom('city_contact').selectAll().where('id', '=', id).executeTakeFirst();
}

function contactColumns(input: ContactInput) {
	return {
		kind: input.kind,
		name: input.name,
		position: input.position ?? null,
		email: input.email ?? null,
		phone: input.phone ?? null,
		language: input.language
	};
}

export async function insertContact(db: DbOrTrx, cityId: number, input: ContactInput) {
	const now = nowIso();
	const row = await db
		.insertInto('city_contact')
		.values({ city_id: cityId, ...contactColumns(input), created_at: now, updated_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function updateContact(db: DbOrTrx, id: number, input: ContactInput) {
	await db
		.updateTable('city_contact')
		.set({ ...contactColumns(input), updated_at: nowIso() })
		.where('id', '=', id)
		.execute();
}

export async function deleteContact(db: DbOrTrx, id: number) {
	await db.deleteFrom('city_contact').where('id', '=', id).execute();
}

export async function listCountries(db: DbOrTrx) {
	return db.selectFrom('country').selectAll().orderBy('code').execute();
}

export async function findCountry(db: DbOrTrx, code: string) {
	return db.selectFrom('country').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function upsertCountry(db: DbOrTrx, code: string, region: string, incomeGroup: string) {
	await db
		.insertInto('country')
		.values({ code, region, income_group: incomeGroup, updated_at: nowIso() })
		.onConflict((oc) => oc.column('code').doUpdateSet({ region, income_group: incomeGroup, updated_at: nowIso() }))
		.execute();
}
