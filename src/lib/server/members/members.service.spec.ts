import { describe, expect, it } from 'vitest';
import en from '../../../../messages/en.json' with { type: 'json' };
import { describeEachDatabase } from '../testing/database.ts';
import {
	actors,
	addCityToNetwork,
	auditEntries,
	breakAuditLog,
	cityInput,
	countRows,
	createTestCity,
	createTestNetwork,
	insertStandardCountries,
	readReferenceFeeGrid,
	referenceFeeGridInput,
	saveReferenceFeeGrid
} from '../testing/factories.ts';
import type { Db } from '../db/index.ts';
import type { Failure, Result } from '../core/result.ts';
import {
	addContact,
	changeCityStatus,
	createCity,
	createFee,
	expectedAnnualFee,
	getCity,
	hadRecentGovernmentChange,
	isUpToDateWithFees,
	listCities,
	listFeeGrids,
	recordPayment,
	refreshArrears,
	removeContact,
	saveFeeGrid,
	updateCity,
	updateContact,
	computeAnnualFeeCents
} from './index.ts';

const messageKeys = new Set(Object.keys(en));
const cityTables = ['city', 'city_status_change', 'city_contact', 'audit_entry'] as const;
const feeTables = ['membership_fee', 'fee_payment', 'city_status_change', 'audit_entry'] as const;

function isoDay(offsetDays: number): string {
	return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function expectOk<T>(result: Result<T>): T {
	if (!result.ok) throw new Error(`expected success, got ${result.status} ${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`);
	return result.value;
}

function expectFailure(result: Result<unknown>, status: number, code: string): Failure {
	expect(result.ok).toBe(false);
	const failure = result as Failure;
	expect({ status: failure.status, code: failure.code }).toEqual({ status, code });
	expect(messageKeys.has(failure.code), `${failure.code} is a message key`).toBe(true);
	for (const keys of Object.values(failure.fieldErrors ?? {})) {
		for (const key of keys) expect(messageKeys.has(key), `${key} is a message key`).toBe(true);
	}
	return failure;
}

async function cityRow(db: Db, id: number) {
	const result = await getCity(db, actors.secretariat(), id);
	return expectOk(result).city;
}

/** The edit form's values for a city as it is now, with some fields changed. */
async function editInput(db: Db, id: number, overrides: Record<string, unknown> = {}) {
	const city = await cityRow(db, id);
	return {
		name: city.name,
		countryCode: city.country_code,
		subdivision: city.subdivision ?? '',
		population: String(city.population),
		latitude: city.latitude == null ? '' : String(city.latitude),
		longitude: city.longitude == null ? '' : String(city.longitude),
		website: city.website ?? '',
		languages: city.languages,
		joinedOn: city.joined_on ?? '',
		governmentChangedOn: city.government_changed_on ?? '',
		version: String(city.version),
		...overrides
	};
}

async function auditActions(db: Db, afterId = 0) {
	return (await auditEntries(db)).filter((e) => e.id > afterId).map((e) => `${e.action} ${e.entity_type}:${e.entity_id}`);
}

async function lastAuditId(db: Db) {
	const entries = await auditEntries(db);
	return entries.length ? entries[entries.length - 1].id : 0;
}

async function statusChanges(db: Db, cityId: number) {
	return db.selectFrom('city_status_change').selectAll().where('city_id', '=', cityId).orderBy('id').execute();
}

const contactInput = (overrides: Record<string, unknown> = {}) => ({
	kind: 'technical',
	name: 'Marta Gil',
	position: 'Head of education',
	email: 'Marta.Gil@Example.org',
	phone: '+34 93 000 00 00',
	language: 'es',
	...overrides
});

describe('hadRecentGovernmentChange', () => {
	it('flags a change of government team within the last year only', () => {
		expect(hadRecentGovernmentChange(null, '2026-06-01')).toBe(false);
		expect(hadRecentGovernmentChange('2025-06-02', '2026-06-01')).toBe(true);
		expect(hadRecentGovernmentChange('2025-05-01', '2026-06-01')).toBe(false);
		expect(hadRecentGovernmentChange('2026-07-01', '2026-06-01')).toBe(false);
	});
});

describeEachDatabase('members service: cities', (getDb, kind) => {
	it('creates a valid city with its first status change and one audit entry', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const result = await createCity(
			db,
			actors.secretariat(),
			cityInput({ name: '  São Paulo ', countryCode: 'br', population: '11451999', languages: 'PT, es', status: 'candidate' })
		);
		const { id } = expectOk(result);
		const city = await cityRow(db, id);
		expect(city).toMatchObject({
			name: 'São Paulo',
			country_code: 'BR',
			population: 11451999,
			languages: 'pt,es',
			status: 'candidate',
			version: 1,
			region: 'latin-america-caribbean',
			income_group: 'III'
		});
		const history = await statusChanges(db, id);
		expect(history).toHaveLength(1);
		expect(history[0]).toMatchObject({ from_status: null, to_status: 'candidate', reason: 'created', actor_user_id: 'user-secretariat' });
		const audit = await auditEntries(db);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			action: 'city.create',
			entity_type: 'city',
			entity_id: String(id),
			actor_user_id: 'user-secretariat'
		});
		expect(audit[0].actor_label).toContain('secretariat@example.org');
		expect(audit[0].summary).toMatchObject({ name: 'São Paulo', countryCode: 'BR', population: 11451999 });
	});

	it('refuses invalid input with field errors that are message keys, writing nothing', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const result = await createCity(
			db,
			actors.secretariat(),
			cityInput({
				name: '   ',
				countryCode: 'Spain',
				population: 'many',
				latitude: '95',
				website: 'ftp://example.org',
				languages: 'español'
			})
		);
		const failure = expectFailure(result, 400, 'common.errors.validation');
		expect(failure.fieldErrors).toMatchObject({
			name: ['common.validation.required'],
			countryCode: ['members.validation.country'],
			population: ['common.validation.number'],
			latitude: ['members.validation.latitude'],
			website: ['members.validation.website'],
			languages: ['members.validation.languages']
		});
		expect(await countRows(db, cityTables)).toEqual({ city: 0, city_status_change: 0, city_contact: 0, audit_entry: 0 });
	});

	it('asks for both coordinates or none', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const failure = expectFailure(
			await createCity(db, actors.secretariat(), cityInput({ longitude: '' })),
			400,
			'common.errors.validation'
		);
		expect(failure.fieldErrors).toEqual({ longitude: ['members.validation.coordinates_pair'] });
		expectOk(await createCity(db, actors.secretariat(), cityInput({ latitude: '', longitude: '' })));
	});

	it('refuses an unknown country', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const failure = expectFailure(
			await createCity(db, actors.secretariat(), cityInput({ countryCode: 'ZZ' })),
			400,
			'common.errors.validation'
		);
		expect(failure.fieldErrors).toEqual({ countryCode: ['members.validation.country_unknown'] });
		expect(await countRows(db, cityTables)).toEqual({ city: 0, city_status_change: 0, city_contact: 0, audit_entry: 0 });
	});

	it('refuses a second city of the same name (ignoring case and accents) in the same country', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		expectOk(await createCity(db, actors.secretariat(), cityInput({ name: 'São Paulo', countryCode: 'BR' })));
		const failure = expectFailure(
			await createCity(db, actors.secretariat(), cityInput({ name: 'sao  PAULO', countryCode: 'BR' })),
			409,
			'members.city.duplicate'
		);
		expect(failure.fieldErrors).toEqual({ name: ['members.city.duplicate'] });
		// The same name in another country is another city.
		expectOk(await createCity(db, actors.secretariat(), cityInput({ name: 'São Paulo', countryCode: 'PT' })));
		expect((await countRows(db, ['city'])).city).toBe(2);
		expect(await auditActions(db)).toHaveLength(2);
	});

	it('lets only staff create cities', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const existing = await createTestCity(db);
		const before = await countRows(db, cityTables);
		for (const actor of [actors.anonymous, actors.member(), actors.representative(existing), actors.coordinator(1)]) {
			expectFailure(await createCity(db, actor, cityInput()), 403, 'common.errors.forbidden');
		}
		expect(await countRows(db, cityTables)).toEqual(before);
		expectOk(await createCity(db, actors.admin(), cityInput()));
	});

	it('updates a city with the version the editor saw and refuses a stale version', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const id = await createTestCity(db, { population: '120000' });
		const first = await editInput(db, id, { population: '130000' });
		const stale = await editInput(db, id, { population: '999999', name: 'Overwritten' });
		expectOk(await updateCity(db, actors.secretariat(), id, first));
		const afterFirst = await cityRow(db, id);
		expect(afterFirst).toMatchObject({ population: 130000, version: 2 });
		const auditCount = (await auditEntries(db)).length;

		expectFailure(await updateCity(db, actors.secretariat(), id, stale), 409, 'common.errors.stale');
		const afterStale = await cityRow(db, id);
		expect(afterStale).toEqual(afterFirst);
		expect(await auditEntries(db)).toHaveLength(auditCount);

		const updates = await auditEntries(db, { action: 'city.update' });
		expect(updates).toHaveLength(1);
		expect(updates[0].summary).toEqual({ population: { from: 120000, to: 130000 } });
	});

	it('returns not found for an unknown city and a duplicate name on rename', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const a = await createTestCity(db, { name: 'Lyon', countryCode: 'FR' });
		await createTestCity(db, { name: 'Lille', countryCode: 'FR' });
		expectFailure(await updateCity(db, actors.secretariat(), 9999, await editInput(db, a)), 404, 'common.errors.not_found');
		expectFailure(await updateCity(db, actors.secretariat(), a, await editInput(db, a, { name: 'LILLE' })), 409, 'members.city.duplicate');
		expect((await cityRow(db, a)).name).toBe('Lyon');
	});

	it('lets a representative update their own city and refuses another one, writing nothing', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const own = await createTestCity(db, { name: 'Rosario', countryCode: 'AR' });
		const other = await createTestCity(db, { name: 'Córdoba', countryCode: 'AR' });
		const rep = actors.representative(own);

		expectOk(await updateCity(db, rep, own, await editInput(db, own, { website: 'https://rosario.example' })));
		expect((await cityRow(db, own)).website).toBe('https://rosario.example');
		const audit = await auditEntries(db, { action: 'city.update' });
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ entity_id: String(own), actor_user_id: rep.userId });

		const otherBefore = await cityRow(db, other);
		const before = await countRows(db, cityTables);
		expectFailure(await updateCity(db, rep, other, await editInput(db, other, { population: '1' })), 403, 'common.errors.forbidden');
		expectFailure(
			await changeCityStatus(db, rep, own, { status: 'withdrawn', reason: 'We leave', changedOn: '2026-01-01' }),
			403,
			'common.errors.forbidden'
		);
		expect(await cityRow(db, other)).toEqual(otherBefore);
		expect(await countRows(db, cityTables)).toEqual(before);
	});

	it('changes the status with a reason, keeping the history and an audit entry', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const id = await createTestCity(db, { status: 'active' });
		const mark = await lastAuditId(db);
		const result = await changeCityStatus(db, actors.secretariat(), id, {
			status: 'suspended',
			reason: 'Decision of the Executive Committee',
			changedOn: '2026-03-15'
		});
		expect(expectOk(result)).toEqual({ status: 'suspended' });
		const city = await cityRow(db, id);
		expect(city).toMatchObject({ status: 'suspended', status_changed_on: '2026-03-15', version: 2 });
		const history = await statusChanges(db, id);
		expect(history.map((h) => [h.from_status, h.to_status, h.reason])).toEqual([
			[null, 'active', 'created'],
			['active', 'suspended', 'Decision of the Executive Committee']
		]);
		expect(history[1]).toMatchObject({ changed_on: '2026-03-15', actor_user_id: 'user-secretariat' });
		expect(await auditActions(db, mark)).toEqual([`city.change_status city:${id}`]);
		const [entry] = await auditEntries(db, { action: 'city.change_status' });
		expect(entry.summary).toEqual({ status: { from: 'active', to: 'suspended' }, reason: 'Decision of the Executive Committee' });

		expectFailure(
			await changeCityStatus(db, actors.secretariat(), id, { status: 'suspended', reason: 'again', changedOn: '2026-03-16' }),
			400,
			'common.errors.validation'
		);
		const missing = expectFailure(
			await changeCityStatus(db, actors.secretariat(), id, { status: 'active', reason: ' ', changedOn: '2026-13-01' }),
			400,
			'common.errors.validation'
		);
		expect(missing.fieldErrors).toEqual({ reason: ['common.validation.required'], changedOn: ['common.validation.date'] });
		expect(await statusChanges(db, id)).toHaveLength(2);
		expect(await auditActions(db, mark)).toHaveLength(1);
	});

	it('shows contacts, history and fees only to staff and the city itself', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const id = await createTestCity(db);
		expectOk(await addContact(db, actors.secretariat(), id, contactInput()));
		const visitor = expectOk(await getCity(db, actors.anonymous, id));
		expect(visitor).toMatchObject({
			contacts: [],
			statusHistory: [],
			fees: [],
			mayEdit: false,
			mayManageStatus: false,
			mayManageFees: false
		});
		const other = expectOk(await getCity(db, actors.representative(id + 1), id));
		expect(other.contacts).toEqual([]);
		const rep = expectOk(await getCity(db, actors.representative(id), id));
		expect(rep).toMatchObject({ mayEdit: true, mayManageStatus: false, mayManageFees: false });
		expect(rep.contacts).toHaveLength(1);
		expect(rep.statusHistory).toHaveLength(1);
		const staff = expectOk(await getCity(db, actors.secretariat(), id));
		expect(staff).toMatchObject({ mayEdit: true, mayManageStatus: true, mayManageFees: true });
		expectFailure(await getCity(db, actors.anonymous, 424242), 404, 'common.errors.not_found');
	});

	it('adds, updates and removes contacts with authorization and audit entries', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const own = await createTestCity(db);
		const other = await createTestCity(db);
		const rep = actors.representative(own, 'political');

		const { id: contactId } = expectOk(await addContact(db, rep, own, contactInput()));
		const [stored] = await db.selectFrom('city_contact').selectAll().execute();
		expect(stored).toMatchObject({ city_id: own, name: 'Marta Gil', email: 'marta.gil@example.org', kind: 'technical', language: 'es' });

		const invalid = expectFailure(
			await addContact(db, rep, own, contactInput({ email: 'not-an-address', kind: 'boss' })),
			400,
			'common.errors.validation'
		);
		expect(invalid.fieldErrors).toEqual({ email: ['common.validation.email'], kind: ['common.validation.invalid_choice'] });

		expectOk(await updateContact(db, rep, contactId, contactInput({ name: 'Marta Gil Puig', phone: '' })));
		const [updated] = await db.selectFrom('city_contact').selectAll().execute();
		expect(updated).toMatchObject({ name: 'Marta Gil Puig', phone: null });

		// Someone else's representative, a network coordinator and a visitor may not touch it.
		const before = await countRows(db, cityTables);
		for (const actor of [actors.representative(other), actors.coordinator(1), actors.anonymous]) {
			expectFailure(await addContact(db, actor, own, contactInput()), 403, 'common.errors.forbidden');
			expectFailure(await updateContact(db, actor, contactId, contactInput({ name: 'Hijacked' })), 403, 'common.errors.forbidden');
			expectFailure(await removeContact(db, actor, contactId), 403, 'common.errors.forbidden');
		}
		expect(await countRows(db, cityTables)).toEqual(before);
		expect((await db.selectFrom('city_contact').select('name').executeTakeFirstOrThrow()).name).toBe('Marta Gil Puig');

		expectFailure(await addContact(db, actors.secretariat(), 98765, contactInput()), 404, 'common.errors.not_found');
		expectFailure(await updateContact(db, actors.secretariat(), 98765, contactInput()), 404, 'common.errors.not_found');

		expect(expectOk(await removeContact(db, actors.secretariat(), contactId))).toEqual({ cityId: own });
		expect(await countRows(db, ['city_contact'])).toEqual({ city_contact: 0 });

		const contactAudit = await auditEntries(db, { entityType: 'city_contact' });
		expect(contactAudit.map((e) => [e.action, e.entity_id, e.actor_user_id])).toEqual([
			['contact.create', String(contactId), rep.userId],
			['contact.update', String(contactId), rep.userId],
			['contact.delete', String(contactId), 'user-secretariat']
		]);
		expect(contactAudit[1].summary).toEqual({
			name: { from: 'Marta Gil', to: 'Marta Gil Puig' },
			phone: { from: '+34 93 000 00 00', to: null }
		});
	});

	it('rolls a change back when its audit entry cannot be written', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const id = await createTestCity(db, { population: '5000' });
		const before = await cityRow(db, id);
		const counts = await countRows(db, cityTables);
		await breakAuditLog(db, kind);
		await expect(createCity(db, actors.secretariat(), cityInput())).rejects.toThrow();
		await expect(updateCity(db, actors.secretariat(), id, await editInput(db, id, { population: '6000' }))).rejects.toThrow();
		await expect(
			changeCityStatus(db, actors.secretariat(), id, { status: 'withdrawn', reason: 'Left', changedOn: '2026-01-01' })
		).rejects.toThrow();
		await expect(addContact(db, actors.secretariat(), id, contactInput())).rejects.toThrow();
		expect(await cityRow(db, id)).toEqual(before);
		expect(await countRows(db, cityTables)).toEqual(counts);
	});
});

describeEachDatabase('members service: listing and search', (getDb) => {
	async function names(db: Db, query: Record<string, unknown>) {
		const value = expectOk(await listCities(db, query));
		return value.items.map((c) => c.name);
	}

	it('finds names ignoring accents and case', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		await createTestCity(db, { name: 'São Paulo', countryCode: 'BR' });
		await createTestCity(db, { name: 'Zürich', countryCode: 'CH' });
		await createTestCity(db, { name: 'Sevilla', countryCode: 'ES' });
		await createTestCity(db, { name: 'Besançon', countryCode: 'FR' });
		expect(await names(db, { q: 'sao paulo' })).toEqual(['São Paulo']);
		expect(await names(db, { q: 'SÃO PAULO' })).toEqual(['São Paulo']);
		expect(await names(db, { q: 'ZÜRICH' })).toEqual(['Zürich']);
		expect(await names(db, { q: 'zurich' })).toEqual(['Zürich']);
		expect(await names(db, { q: 'besancon' })).toEqual(['Besançon']);
		expect(await names(db, { q: 'pau' })).toEqual(['São Paulo']);
		// LIKE wildcards typed by a visitor are literal characters.
		expect(await names(db, { q: '%' })).toEqual([]);
		expect(await names(db, { q: '_' })).toEqual([]);
		expect(await names(db, { q: '' })).toEqual(['Besançon', 'São Paulo', 'Sevilla', 'Zürich']);
	});

	it('filters by country, region, status and network', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const rosario = await createTestCity(db, { name: 'Rosario', countryCode: 'AR', status: 'active' });
		const santos = await createTestCity(db, { name: 'Santos', countryCode: 'BR', status: 'in_arrears' });
		await createTestCity(db, { name: 'Lyon', countryCode: 'FR', status: 'active' });
		await createTestCity(db, { name: 'Bamako', countryCode: 'ML', status: 'candidate' });
		const network = await createTestNetwork(db, { name: 'Red Argentina' });
		await addCityToNetwork(db, network, rosario);
		await addCityToNetwork(db, network, santos);

		expect(await names(db, { country: 'br' })).toEqual(['Santos']);
		expect(await names(db, { region: 'latin-america-caribbean' })).toEqual(['Rosario', 'Santos']);
		expect(await names(db, { region: 'europe', status: 'active' })).toEqual(['Lyon']);
		expect(await names(db, { status: 'candidate' })).toEqual(['Bamako']);
		expect(await names(db, { status: 'current' })).toEqual(['Lyon', 'Rosario', 'Santos']);
		expect(await names(db, { status: 'any' })).toEqual(['Bamako', 'Lyon', 'Rosario', 'Santos']);
		expect(await names(db, { network: String(network) })).toEqual(['Rosario', 'Santos']);
		expect(await names(db, { network: String(network), status: 'active' })).toEqual(['Rosario']);
		expect(await names(db, { country: 'KR' })).toEqual([]);

		const bad = expectFailure(await listCities(db, { region: 'atlantis', pageSize: '1000' }), 400, 'common.errors.validation');
		expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['pageSize', 'region']);
	});

	it('lists the cities flagged for onboarding training: a government change within the last year', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
		await createTestCity(db, { name: 'Recent', governmentChangedOn: daysAgo(30) });
		await createTestCity(db, { name: 'Old', governmentChangedOn: daysAgo(400) });
		await createTestCity(db, { name: 'Never', governmentChangedOn: '' });
		expect(await names(db, { onboarding: '1' })).toEqual(['Recent']);
		expect(await names(db, { onboarding: '' })).toEqual(['Never', 'Old', 'Recent']);
		expectFailure(await listCities(db, { onboarding: 'yes' }), 400, 'common.errors.validation');
	});

	it('pages through the results with the total of all matches', async () => {
		const db = getDb();
		await insertStandardCountries(db);
		const populations = [12, 3, 7, 1, 9, 11, 5, 2, 10, 4, 8, 6];
		for (const [i, p] of populations.entries()) {
			await createTestCity(db, { name: `Pager ${String(i + 1).padStart(2, '0')}`, population: String(p * 1000) });
		}
		await createTestCity(db, { name: 'Elsewhere', countryCode: 'FR' });

		const pages = [];
		for (const page of [1, 2, 3]) {
			const value = expectOk(await listCities(db, { country: 'ES', page: String(page), pageSize: '5' }));
			expect(value.total).toBe(12);
			expect(value.query).toMatchObject({ page, pageSize: 5 });
			pages.push(value.items.map((c) => c.name));
		}
		expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
		expect(pages.flat()).toEqual(populations.map((_, i) => `Pager ${String(i + 1).padStart(2, '0')}`));
		const beyond = expectOk(await listCities(db, { country: 'ES', page: '4', pageSize: '5' }));
		expect(beyond).toMatchObject({ total: 12, items: [] });

		const byPopulation = expectOk(await listCities(db, { country: 'ES', sort: '-population', pageSize: '3' }));
		expect(byPopulation.items.map((c) => c.population)).toEqual([12000, 11000, 10000]);
		expect(expectOk(await listCities(db, {})).total).toBe(13);
	});
});

describeEachDatabase('members service: fees and payments', (getDb, kind) => {
	const reference = readReferenceFeeGrid();

	async function cityWithFeeGrid(db: Db, overrides: Record<string, unknown> = {}) {
		await insertStandardCountries(db);
		await saveReferenceFeeGrid(db);
		return createTestCity(db, { countryCode: 'BR', population: '150000', status: 'active', ...overrides });
	}

	async function feeRow(db: Db, id: number) {
		return db.selectFrom('membership_fee').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	}

	it('stores the 2020 grid exactly as the reference file gives it', async () => {
		const db = getDb();
		await saveReferenceFeeGrid(db);
		const [grid] = await listFeeGrids(db);
		expect(grid).toMatchObject({ year: 2020, currency: 'EUR' });
		expect(grid.bands).toHaveLength(reference.population_bands.length);
		for (const [i, band] of reference.population_bands.entries()) {
			expect(grid.bands[i]).toMatchObject({
				band: band.band,
				min_population: band.min,
				max_population: band.max,
				fee_group_i_cents: Math.round(band.fee.I * 100),
				fee_group_ii_cents: Math.round(band.fee.II * 100),
				fee_group_iii_cents: Math.round(band.fee.III * 100),
				fee_group_iv_cents: Math.round(band.fee.IV * 100)
			});
		}
		expect(await auditActions(db)).toEqual(['fee_grid.save fee_grid:2020']);
	});

	it('reads the fee from the income group and population band (cells checked by hand)', async () => {
		const db = getDb();
		await saveReferenceFeeGrid(db);
		const [grid] = await listFeeGrids(db);
		const cases: [group: 'I' | 'II' | 'III' | 'IV', population: number, cents: number][] = [
			['III', 100_000, 48150], // 100k–250k, group III: 481.50 EUR
			['III', 249_999, 48150],
			['III', 250_000, 74900],
			['IV', 49_999, 22000],
			['IV', 50_000, 33000],
			['I', 0, 7000],
			['II', 3_000_000, 130000],
			['III', 2_500_000, 187250],
			['I', 12_000_000, 100000],
			['IV', 5_000_000, 330000],
			['II', 999_999, 78000],
			['IV', 1_000_000, 220000]
		];
		for (const [group, population, cents] of cases) {
			expect(computeAnnualFeeCents(grid.bands, group, population), `${group} ${population}`).toBe(cents);
		}
		expect(computeAnnualFeeCents([], 'I', 10)).toBeUndefined();
	});

	it('refuses a grid whose bands leave gaps, and lets only staff save one', async () => {
		const db = getDb();
		const input = referenceFeeGridInput(2024) as { bands: Record<string, unknown>[] };
		const gap = { ...input, bands: input.bands.map((b, i) => (i === 2 ? { ...b, minPopulation: 100001 } : b)) };
		expectFailure(await saveFeeGrid(db, actors.secretariat(), gap), 400, 'members.fee_grid.bands_not_contiguous');
		const noZero = { ...input, bands: input.bands.slice(1) };
		expectFailure(await saveFeeGrid(db, actors.secretariat(), noZero), 400, 'members.fee_grid.bands_not_contiguous');
		expectFailure(await saveFeeGrid(db, actors.representative(1), input), 403, 'common.errors.forbidden');
		expect(await countRows(db, ['fee_grid', 'fee_grid_band', 'audit_entry'])).toEqual({ fee_grid: 0, fee_grid_band: 0, audit_entry: 0 });
	});

	it('creates a fee computed from the grid in force, once per city and year', async () => {
		const db = getDb();
		const cityId = await cityWithFeeGrid(db);
		const mark = await lastAuditId(db);
		const { id } = expectOk(await createFee(db, actors.secretariat(), cityId, { year: '2025', dueOn: isoDay(30) }));
		expect(await feeRow(db, id)).toMatchObject({
			city_id: cityId,
			year: 2025,
			amount_cents: 48150,
			currency: 'EUR',
			invoice_number: `2025-${String(cityId).padStart(5, '0')}`
		});
		expect(await expectedAnnualFee(db, cityId, 2025)).toEqual({ cents: 48150, currency: 'EUR' });
		expect(await auditActions(db, mark)).toEqual([`fee.create membership_fee:${id}`]);

		expectFailure(
			await createFee(db, actors.secretariat(), cityId, { year: '2025', dueOn: isoDay(30) }),
			409,
			'members.fees.duplicate_year'
		);
		// Before the first grid there is nothing to compute from; a typed amount still works.
		expectFailure(await createFee(db, actors.secretariat(), cityId, { year: '2019', dueOn: isoDay(30) }), 400, 'members.fees.no_grid');
		const typed = expectOk(
			await createFee(db, actors.secretariat(), cityId, { year: '2019', dueOn: isoDay(30), amount: '1.070,50', currency: 'USD' })
		);
		expect(await feeRow(db, typed.id)).toMatchObject({ amount_cents: 107050, currency: 'USD' });
		expectFailure(
			await createFee(db, actors.secretariat(), cityId, {
				year: '2018',
				dueOn: isoDay(30),
				amount: '10',
				invoiceNumber: `2025-${String(cityId).padStart(5, '0')}`
			}),
			409,
			'members.fees.duplicate_invoice'
		);

		// A representative sees the fees of their city but may not create them.
		expectFailure(
			await createFee(db, actors.representative(cityId), cityId, { year: '2026', dueOn: isoDay(30) }),
			403,
			'common.errors.forbidden'
		);
		expect(expectOk(await getCity(db, actors.representative(cityId), cityId)).fees.map((f) => f.year)).toEqual([2025, 2019]);
		expect(await countRows(db, ['membership_fee'])).toEqual({ membership_fee: 2 });
	});

	it('records a partial then a full payment with the balance, and refuses overpayment', async () => {
		const db = getDb();
		const cityId = await cityWithFeeGrid(db);
		const { id: feeId } = expectOk(await createFee(db, actors.secretariat(), cityId, { year: '2025', dueOn: isoDay(30) }));
		const payment = (amount: string, extra: Record<string, unknown> = {}) => ({
			amount,
			currency: 'EUR',
			paidOn: isoDay(0),
			method: 'bank_transfer',
			reference: 'TR-1',
			...extra
		});

		const tooMuch = expectFailure(await recordPayment(db, actors.secretariat(), feeId, payment('481,51')), 400, 'common.errors.validation');
		expect(tooMuch).toMatchObject({ fieldErrors: { amount: ['members.payments.over_balance'] }, values: { balance: 48150 } });
		expectFailure(
			await recordPayment(db, actors.secretariat(), feeId, payment('100', { currency: 'USD' })),
			400,
			'common.errors.validation'
		);
		const noIntermediary = expectFailure(
			await recordPayment(db, actors.secretariat(), feeId, payment('100', { method: 'local_intermediary' })),
			400,
			'common.errors.validation'
		);
		expect(noIntermediary.fieldErrors).toEqual({ intermediary: ['members.validation.intermediary_required'] });
		expectFailure(await recordPayment(db, actors.representative(cityId), feeId, payment('100')), 403, 'common.errors.forbidden');
		expectFailure(await recordPayment(db, actors.secretariat(), 777777, payment('100')), 404, 'common.errors.not_found');
		expect(await countRows(db, ['fee_payment'])).toEqual({ fee_payment: 0 });

		const mark = await lastAuditId(db);
		const partial = expectOk(await recordPayment(db, actors.secretariat(), feeId, payment('200.00')));
		expect(partial.balanceCents).toBe(28150);
		const full = expectOk(
			await recordPayment(db, actors.secretariat(), feeId, payment('281,50', { method: 'local_intermediary', intermediary: 'Banco Local' }))
		);
		expect(full.balanceCents).toBe(0);
		const afterFull = expectFailure(await recordPayment(db, actors.secretariat(), feeId, payment('0.01')), 400, 'common.errors.validation');
		expect(afterFull.values).toEqual({ balance: 0 });

		const [fee] = expectOk(await getCity(db, actors.secretariat(), cityId)).fees;
		expect(fee).toMatchObject({ paid_cents: 48150, balance_cents: 0 });
		expect(fee.payments.map((p) => [p.amount_cents, p.method, p.intermediary])).toEqual([
			[20000, 'bank_transfer', null],
			[28150, 'local_intermediary', 'Banco Local']
		]);
		expect(await auditActions(db, mark)).toEqual([`payment.record fee_payment:${partial.id}`, `payment.record fee_payment:${full.id}`]);
		const [first] = await auditEntries(db, { action: 'payment.record' });
		expect(first.summary).toMatchObject({ feeId, cityId, amount: 20000, balanceAfter: 28150 });
		// Paid before the due date: the city stayed active throughout.
		expect((await cityRow(db, cityId)).status).toBe('active');
	});

	it('puts a city in arrears when a fee is past due and back to active once paid', async () => {
		const db = getDb();
		const cityId = await cityWithFeeGrid(db);
		expect(await isUpToDateWithFees(db, cityId)).toBe(true);

		let mark = await lastAuditId(db);
		const { id: feeId } = expectOk(await createFee(db, actors.secretariat(), cityId, { year: '2024', dueOn: '2024-03-31' }));
		expect((await cityRow(db, cityId)).status).toBe('in_arrears');
		expect(await isUpToDateWithFees(db, cityId)).toBe(false);
		expect(await isUpToDateWithFees(db, cityId, '2024-03-31')).toBe(true);
		expect(await auditActions(db, mark)).toEqual([`fee.create membership_fee:${feeId}`, `city.change_status city:${cityId}`]);

		mark = await lastAuditId(db);
		const pay = (amount: string) =>
			recordPayment(db, actors.secretariat(), feeId, { amount, currency: 'EUR', paidOn: isoDay(0), method: 'card' });
		const partial = expectOk(await pay('400'));
		expect((await cityRow(db, cityId)).status).toBe('in_arrears');
		const full = expectOk(await pay('81.50'));
		expect((await cityRow(db, cityId)).status).toBe('active');
		expect(await isUpToDateWithFees(db, cityId)).toBe(true);
		expect(await auditActions(db, mark)).toEqual([
			`payment.record fee_payment:${partial.id}`,
			`payment.record fee_payment:${full.id}`,
			`city.change_status city:${cityId}`
		]);

		const history = (await statusChanges(db, cityId)).map((h) => [h.from_status, h.to_status, h.reason]);
		expect(history).toEqual([
			[null, 'active', 'created'],
			['active', 'in_arrears', 'members.status.reason_fee_overdue'],
			['in_arrears', 'active', 'members.status.reason_fees_paid']
		]);
		const changes = await auditEntries(db, { action: 'city.change_status' });
		expect(changes.map((c) => c.summary)).toEqual([
			{ status: { from: 'active', to: 'in_arrears' }, reason: 'members.status.reason_fee_overdue' },
			{ status: { from: 'in_arrears', to: 'active' }, reason: 'members.status.reason_fees_paid' }
		]);
	});

	it('refreshes arrears on a given day, idempotently, leaving other statuses alone', async () => {
		const db = getDb();
		const late = await cityWithFeeGrid(db, { name: 'Late' });
		const suspended = await createTestCity(db, { name: 'Suspended', countryCode: 'BR', status: 'suspended' });
		const punctual = await createTestCity(db, { name: 'Punctual', countryCode: 'BR', status: 'active' });
		const dueOn = isoDay(10);
		for (const id of [late, suspended, punctual]) expectOk(await createFee(db, actors.secretariat(), id, { year: '2026', dueOn }));
		const punctualFee = await db.selectFrom('membership_fee').select('id').where('city_id', '=', punctual).executeTakeFirstOrThrow();
		expectOk(
			await recordPayment(db, actors.secretariat(), punctualFee.id, {
				amount: '481.50',
				currency: 'EUR',
				paidOn: isoDay(0),
				method: 'cash'
			})
		);

		expect(await refreshArrears(db, null, isoDay(0))).toBe(0);
		const mark = await lastAuditId(db);
		expect(await refreshArrears(db, null, isoDay(11))).toBe(1);
		expect(await refreshArrears(db, null, isoDay(11))).toBe(0);
		expect((await cityRow(db, late)).status).toBe('in_arrears');
		expect((await cityRow(db, suspended)).status).toBe('suspended');
		expect((await cityRow(db, punctual)).status).toBe('active');
		const entries = (await auditEntries(db)).filter((e) => e.id > mark);
		expect(entries.map((e) => [e.action, e.entity_id, e.actor_label])).toEqual([['city.change_status', String(late), 'anonymous']]);
		expect(await isUpToDateWithFees(db, suspended, isoDay(11))).toBe(false);
		expect(await isUpToDateWithFees(db, punctual, isoDay(11))).toBe(true);
	});

	it('rolls back a payment and its status change when the audit entry cannot be written', async () => {
		const db = getDb();
		const cityId = await cityWithFeeGrid(db);
		const { id: feeId } = expectOk(await createFee(db, actors.secretariat(), cityId, { year: '2024', dueOn: '2024-03-31' }));
		const counts = await countRows(db, feeTables);
		await breakAuditLog(db, kind);
		await expect(
			recordPayment(db, actors.secretariat(), feeId, { amount: '481.50', currency: 'EUR', paidOn: isoDay(0), method: 'card' })
		).rejects.toThrow();
		await expect(createFee(db, actors.secretariat(), cityId, { year: '2025', dueOn: '2025-03-31' })).rejects.toThrow();
		expect(await countRows(db, feeTables)).toEqual(counts);
		expect((await cityRow(db, cityId)).status).toBe('in_arrears');
	});
});
