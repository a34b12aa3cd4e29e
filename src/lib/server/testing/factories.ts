// Builders for tests: actors of every role and the rows most specs need (countries, cities, networks,
// the fee grid). Rows of the members module are made through its service, so a builder never writes
// a row the application could not have written.
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import { nowIso } from '../core/clock.ts';
import type { IncomeGroup, RegionCode } from '../../shared/members/constants.ts';
import { createCity, saveFeeGrid, updateCountry, upsertCountry } from '../members/index.ts';

let sequence = 0;
const next = () => ++sequence;

export const actors = {
	anonymous: null as Actor | null,
	admin(overrides: Partial<Actor> = {}): Actor {
		return {
			userId: 'user-admin',
			email: 'admin@example.org',
			name: 'Ada Admin',
			locale: 'en',
			roles: [{ role: 'administrator' }],
			...overrides
		};
	},
	secretariat(overrides: Partial<Actor> = {}): Actor {
		return {
			userId: 'user-secretariat',
			email: 'secretariat@example.org',
			name: 'Sara Secretariat',
			locale: 'es',
			roles: [{ role: 'secretariat' }],
			...overrides
		};
	},
	representative(cityId: number, kind: 'political' | 'technical' = 'technical', overrides: Partial<Actor> = {}): Actor {
		return {
			userId: `user-rep-${cityId}`,
			email: `rep-${cityId}@example.org`,
			name: `Rita Representative ${cityId}`,
			locale: 'pt',
			roles: [{ role: 'city_representative', cityId, kind }],
			...overrides
		};
	},
	coordinator(networkId: number, overrides: Partial<Actor> = {}): Actor {
		return {
			userId: `user-coord-${networkId}`,
			email: `coord-${networkId}@example.org`,
			name: `Nuno Coordinator ${networkId}`,
			locale: 'fr',
			roles: [{ role: 'network_coordinator', networkId }],
			...overrides
		};
	},
	/** Signed in, but holding no role at all. */
	member(overrides: Partial<Actor> = {}): Actor {
		return { userId: 'user-plain', email: 'plain@example.org', name: 'Pat Plain', locale: null, roles: [], ...overrides };
	}
};

export interface CountryValues {
	code: string;
	region?: RegionCode;
	incomeGroup?: IncomeGroup;
}

/** Countries the specs use, with the region and income group of the 2020 grid. */
export const standardCountries: Required<CountryValues>[] = [
	{ code: 'ES', region: 'europe', incomeGroup: 'IV' },
	{ code: 'FR', region: 'europe', incomeGroup: 'IV' },
	{ code: 'CH', region: 'europe', incomeGroup: 'IV' },
	{ code: 'PT', region: 'europe', incomeGroup: 'IV' },
	{ code: 'BR', region: 'latin-america-caribbean', incomeGroup: 'III' },
	{ code: 'AR', region: 'latin-america-caribbean', incomeGroup: 'III' },
	{ code: 'BO', region: 'latin-america-caribbean', incomeGroup: 'II' },
	{ code: 'ML', region: 'africa', incomeGroup: 'I' },
	{ code: 'KR', region: 'asia-pacific', incomeGroup: 'IV' }
];

export async function insertCountry(db: Db, values: CountryValues): Promise<string> {
	const code = values.code.toUpperCase();
	await upsertCountry(db, code, values.region ?? 'europe', values.incomeGroup ?? 'IV');
	return code;
}

export async function insertStandardCountries(db: Db): Promise<void> {
	for (const country of standardCountries) await insertCountry(db, country);
}

/** Changes a country's income group through the service, as the secretariat would. */
export async function setIncomeGroup(db: Db, code: string, incomeGroup: IncomeGroup, region: RegionCode = 'europe') {
	const result = await updateCountry(db, actors.secretariat(), code, { region, incomeGroup });
	if (!result.ok) throw new Error(`setIncomeGroup failed: ${result.code}`);
}

/** Form-like input for createCity: every field valid, a unique name unless given. */
export function cityInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	const n = next();
	return {
		name: `Test City ${n}`,
		countryCode: 'ES',
		subdivision: '',
		population: '120000',
		latitude: '41.39',
		longitude: '2.17',
		website: 'https://example.org',
		languages: 'es,ca',
		joinedOn: '2010-05-01',
		governmentChangedOn: '',
		status: 'active',
		...overrides
	};
}

/** Creates a city through the members service (as the secretariat) and returns its id. */
export async function createTestCity(db: Db, overrides: Record<string, unknown> = {}): Promise<number> {
	const input = cityInput(overrides);
	const code = String(input.countryCode).toUpperCase();
	const known = standardCountries.find((c) => c.code === code);
	await insertCountry(db, known ?? { code });
	const result = await createCity(db, actors.secretariat(), input);
	if (!result.ok) throw new Error(`createTestCity failed: ${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`);
	return result.value.id;
}

export interface NetworkValues {
	slug?: string;
	kind?: 'territorial' | 'thematic';
	name?: string;
}

/** A network row; the networks module has no write service yet, so this writes the row itself. */
export async function createTestNetwork(db: Db, values: NetworkValues = {}): Promise<number> {
	const n = next();
	const name = values.name ?? `Network ${n}`;
	const now = nowIso();
	const row = await db
		.insertInto('network')
		.values({
			slug: values.slug ?? `network-${n}`,
			kind: values.kind ?? 'territorial',
			name_es: name,
			name_en: name,
			name_fr: name,
			name_pt: name,
			description_es: '',
			description_en: '',
			description_fr: '',
			description_pt: '',
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function addCityToNetwork(db: Db, networkId: number, cityId: number, role = 'member'): Promise<void> {
	await db.insertInto('network_member').values({ network_id: networkId, city_id: cityId, role, joined_on: '2015-01-01' }).execute();
}

export interface ReferenceFeeGrid {
	currency: string;
	population_bands: { band: string; min: number; max: number | null; fee: Record<IncomeGroup, number> }[];
}

export function readReferenceFeeGrid(): ReferenceFeeGrid {
	const file = new URL('../../../../reference/membership-fees-2020.json', import.meta.url);
	return JSON.parse(fs.readFileSync(file, 'utf8')) as ReferenceFeeGrid;
}

/** The fee grid of 2020 as the form of the fee-grid page sends it (amounts in euros). */
export function referenceFeeGridInput(year = 2020): Record<string, unknown> {
	const reference = readReferenceFeeGrid();
	return {
		year,
		currency: reference.currency,
		bands: reference.population_bands.map((b) => ({
			band: b.band,
			minPopulation: b.min,
			maxPopulation: b.max ?? undefined,
			feeI: b.fee.I,
			feeII: b.fee.II,
			feeIII: b.fee.III,
			feeIV: b.fee.IV
		}))
	};
}

/** Saves the 2020 reference grid through the members service. */
export async function saveReferenceFeeGrid(db: Db, year = 2020): Promise<number> {
	const result = await saveFeeGrid(db, actors.secretariat(), referenceFeeGridInput(year));
	if (!result.ok) throw new Error(`saveReferenceFeeGrid failed: ${result.code}`);
	return result.value.id;
}

/** Audit entries, oldest first, optionally of one entity. */
export async function auditEntries(db: Db, filter: { entityType?: string; entityId?: string | number; action?: string } = {}) {
	let query = db.selectFrom('audit_entry').selectAll().orderBy('id');
	if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
	if (filter.entityId !== undefined) query = query.where('entity_id', '=', String(filter.entityId));
	if (filter.action) query = query.where('action', '=', filter.action);
	const rows = await query.execute();
	return rows.map((row) => ({ ...row, summary: JSON.parse(row.summary) as Record<string, unknown> }));
}

/** Row counts of the given tables, to prove a refused action wrote nothing. */
export async function countRows(db: Db, tables: readonly string[]): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of tables) {
		const row = await (db as unknown as Db)
			.selectFrom(table as 'city')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}

/**
 * Makes every audit insert fail from now on, to prove that a change and its audit entry commit or
 * roll back together.
 */
export async function breakAuditLog(db: Db, kind: 'sqlite' | 'postgres'): Promise<void> {
	if (kind === 'sqlite') {
		await sql`create trigger audit_unavailable before insert on audit_entry begin select raise(abort, 'audit log unavailable'); end`.execute(
			db
		);
		return;
	}
	await sql`create function audit_unavailable() returns trigger language plpgsql as $$ begin raise exception 'audit log unavailable'; end $$`.execute(
		db
	);
	await sql`create trigger audit_unavailable before insert on audit_entry for each row execute function audit_unavailable()`.execute(db);
}
