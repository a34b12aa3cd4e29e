import { expect, it } from 'vitest';
import type { Db } from '../db/index.ts';
import type { Failure, Result } from '../core/result.ts';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, auditEntries, countRows, createTestCity } from '../testing/factories.ts';
import {
	addNetworkMember,
	changeNetworkMemberRole,
	createNetwork,
	exportNetworksCsv,
	getNetwork,
	getNetworkForManagement,
	listManagedNetworks,
	listNetworksByKind,
	removeNetworkMember,
	searchNetworks,
	thematicViolations,
	updateNetwork
} from './networks.service.ts';
import { listNetworkMembers } from './networks.repository.ts';

const tables = ['network', 'network_member', 'audit_entry'] as const;
const secretariat = actors.secretariat();

function expectOk<T>(result: Result<T>): T {
	if (!result.ok) throw new Error(`expected success, got ${result.status} ${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`);
	return result.value;
}

function expectFailure(result: Result<unknown>, status: number, code: string): Failure {
	expect(result.ok).toBe(false);
	const failure = result as Failure;
	expect({ status: failure.status, code: failure.code }).toEqual({ status, code });
	return failure;
}

function texts(name: string, overrides: Record<string, unknown> = {}) {
	return {
		name_es: `${name} (es)`,
		name_en: name,
		name_fr: `${name} (fr)`,
		name_pt: `${name} (pt)`,
		description_es: `Descripción de ${name}`,
		description_en: `About ${name}`,
		description_fr: `À propos de ${name}`,
		description_pt: `Sobre ${name}`,
		...overrides
	};
}

/** Seven active member cities in four countries, plus a candidate (not yet a member). */
async function seedCities(db: Db) {
	const city = (name: string, countryCode: string, status = 'active') => createTestCity(db, { name, countryCode, status });
	return {
		barcelona: await city('Barcelona', 'ES'),
		sevilla: await city('Sevilla', 'ES'),
		bilbao: await city('Bilbao', 'ES'),
		lyon: await city('Lyon', 'FR'),
		nantes: await city('Nantes', 'FR'),
		lisboa: await city('Lisboa', 'PT'),
		rosario: await city('Rosario', 'AR'),
		candidate: await city('Candidata', 'ES', 'candidate')
	};
}
type Cities = Awaited<ReturnType<typeof seedCities>>;

/** A valid thematic network: 5 cities from 3 countries, one coordinator, two co-coordinators. */
function thematicInput(c: Cities, overrides: Record<string, unknown> = {}) {
	return {
		kind: 'thematic',
		...texts('Education and Care'),
		coordinatorCityId: String(c.barcelona),
		coCoordinatorCityIds: [String(c.lyon), String(c.lisboa)],
		memberCityIds: [String(c.sevilla), String(c.nantes)],
		...overrides
	};
}

async function roles(db: Db, networkId: number) {
	const members = await listNetworkMembers(db, networkId);
	return Object.fromEntries(members.map((m) => [m.name, m.role]));
}

describeEachDatabase('networks service: creating networks', (getDb) => {
	it('creates a thematic network that meets the founding rules, with its cities, roles and an audit entry', async () => {
		const db = getDb();
		const c = await seedCities(db);
		const { id, slug } = expectOk(await createNetwork(db, secretariat, thematicInput(c)));
		expect(slug).toBe('education-and-care');
		expect(await roles(db, id)).toEqual({
			Barcelona: 'coordinator',
			Lyon: 'co_coordinator',
			Lisboa: 'co_coordinator',
			Sevilla: 'member',
			Nantes: 'member'
		});
		const network = expectOk(await getNetwork(db, null, id)).network;
		expect(network).toMatchObject({
			kind: 'thematic',
			name_en: 'Education and Care',
			name_pt: 'Education and Care (pt)',
			description_fr: 'À propos de Education and Care'
		});
		const [entry] = await auditEntries(db, { entityType: 'network', entityId: id });
		expect(entry.action).toBe('network.create');
		expect(entry.actor_user_id).toBe(secretariat.userId);
		expect(entry.summary).toMatchObject({ kind: 'thematic', slug: 'education-and-care', name_en: 'Education and Care' });
		expect(entry.summary.members).toHaveLength(5);
		expect(entry.summary.members).toContainEqual({ cityId: c.barcelona, role: 'coordinator' });
	});

	const violations: { rule: string; change: (c: Cities) => Record<string, unknown>; field: string; code: string }[] = [
		{
			rule: 'no coordinating city',
			change: () => ({ coordinatorCityId: '' }),
			field: 'coordinatorCityId',
			code: 'networks.validation.coordinator_required'
		},
		{
			rule: 'only one co-coordinator',
			change: (c) => ({ coCoordinatorCityIds: [String(c.lyon)], memberCityIds: [String(c.sevilla), String(c.nantes), String(c.lisboa)] }),
			field: 'coCoordinatorCityIds',
			code: 'networks.validation.min_co_coordinators'
		},
		{
			rule: 'only four cities',
			change: (c) => ({ memberCityIds: [String(c.sevilla)] }),
			field: 'memberCityIds',
			code: 'networks.validation.min_cities'
		},
		{
			rule: 'five cities from two countries',
			change: (c) => ({ coCoordinatorCityIds: [String(c.lyon), String(c.nantes)], memberCityIds: [String(c.sevilla), String(c.bilbao)] }),
			field: 'memberCityIds',
			code: 'networks.validation.min_countries'
		},
		{
			rule: 'coordinator also chosen as co-coordinator',
			change: (c) => ({ coCoordinatorCityIds: [String(c.barcelona), String(c.lyon), String(c.lisboa)] }),
			field: 'coCoordinatorCityIds',
			code: 'networks.validation.city_in_two_roles'
		},
		{
			rule: 'a candidate city that is not a member yet',
			change: (c) => ({ memberCityIds: [String(c.sevilla), String(c.nantes), String(c.candidate)] }),
			field: 'memberCityIds',
			code: 'networks.validation.city_not_member'
		},
		{
			rule: 'a city that does not exist',
			change: () => ({ coordinatorCityId: '999999' }),
			field: 'coordinatorCityId',
			code: 'networks.validation.city_unknown'
		}
	];

	for (const { rule, change, field, code } of violations) {
		it(`refuses a thematic network with ${rule}: a field error on ${field}, nothing saved`, async () => {
			const db = getDb();
			const c = await seedCities(db);
			const before = await countRows(db, tables);
			const failure = expectFailure(await createNetwork(db, secretariat, thematicInput(c, change(c))), 400, failure400Code(code));
			expect(failure.fieldErrors?.[field]).toContain(code);
			expect(await countRows(db, tables)).toEqual(before);
		});
	}

	it('reports every broken founding rule at once, each next to its field', async () => {
		const db = getDb();
		const c = await seedCities(db);
		const failure = expectFailure(
			await createNetwork(
				db,
				secretariat,
				thematicInput(c, { coordinatorCityId: '', coCoordinatorCityIds: String(c.sevilla), memberCityIds: [] })
			),
			400,
			'networks.validation.thematic_rules'
		);
		expect(failure.fieldErrors).toEqual({
			coordinatorCityId: ['networks.validation.coordinator_required'],
			coCoordinatorCityIds: ['networks.validation.min_co_coordinators'],
			memberCityIds: ['networks.validation.min_cities', 'networks.validation.min_countries']
		});
	});

	it('reports missing texts and broken founding rules together, so the form shows everything at once', async () => {
		const db = getDb();
		const c = await seedCities(db);
		const before = await countRows(db, tables);
		const failure = expectFailure(
			await createNetwork(
				db,
				secretariat,
				thematicInput(c, {
					name_fr: '',
					coCoordinatorCityIds: [String(c.lyon)],
					memberCityIds: [String(c.sevilla), String(c.nantes), String(c.lisboa)]
				})
			),
			400,
			'common.errors.validation'
		);
		expect(failure.fieldErrors).toEqual({
			name_fr: ['common.validation.required'],
			coCoordinatorCityIds: ['networks.validation.min_co_coordinators']
		});
		expect(await countRows(db, tables)).toEqual(before);
	});

	it('creates territorial networks and delegations without founding minimums', async () => {
		const db = getDb();
		const c = await seedCities(db);
		const empty = expectOk(await createNetwork(db, secretariat, { kind: 'territorial', ...texts('Spanish State Network') }));
		expect(await listNetworkMembers(db, empty.id)).toEqual([]);
		const delegation = expectOk(
			await createNetwork(db, secretariat, {
				kind: 'delegation',
				slug: 'latin-america',
				...texts('Latin America Delegation'),
				coordinatorCityId: String(c.rosario)
			})
		);
		expect(delegation.slug).toBe('latin-america');
		expect(await roles(db, delegation.id)).toEqual({ Rosario: 'coordinator' });
		const two = expectOk(
			await createNetwork(db, secretariat, {
				kind: 'territorial',
				...texts('French Network'),
				memberCityIds: [String(c.lyon), String(c.nantes), String(c.lyon)]
			})
		);
		expect(await roles(db, two.id)).toEqual({ Lyon: 'member', Nantes: 'member' });
		expect((await auditEntries(db, { action: 'network.create' })).map((e) => e.entity_id)).toEqual(
			[empty.id, delegation.id, two.id].map(String)
		);
	});

	it('makes a free short name from the English name, and refuses one already taken', async () => {
		const db = getDb();
		const first = expectOk(await createNetwork(db, secretariat, { kind: 'territorial', ...texts('Réseau Français!') }));
		const second = expectOk(await createNetwork(db, secretariat, { kind: 'territorial', ...texts('Reseau francais') }));
		expect([first.slug, second.slug]).toEqual(['reseau-francais', 'reseau-francais-2']);
		const before = await countRows(db, tables);
		const taken = expectFailure(
			await createNetwork(db, secretariat, { kind: 'territorial', slug: 'reseau-francais', ...texts('Other') }),
			409,
			'networks.validation.slug_taken'
		);
		expect(taken.fieldErrors).toEqual({ slug: ['networks.validation.slug_taken'] });
		const bad = expectFailure(
			await createNetwork(db, secretariat, { kind: 'territorial', slug: 'Not a slug', ...texts('Other') }),
			400,
			'common.errors.validation'
		);
		expect(bad.fieldErrors).toEqual({ slug: ['networks.validation.slug'] });
		expect(await countRows(db, tables)).toEqual(before);
	});

	it('needs the name and the description in all four languages', async () => {
		const db = getDb();
		const { name_pt: _missing, ...withoutPortugueseName } = texts('Northern European Group');
		const failure = expectFailure(
			await createNetwork(db, secretariat, {
				kind: 'territorial',
				...withoutPortugueseName,
				description_fr: '   ',
				name_es: 'x'.repeat(201)
			}),
			400,
			'common.errors.validation'
		);
		expect(failure.fieldErrors).toEqual({
			name_pt: ['common.validation.required'],
			description_fr: ['common.validation.required'],
			name_es: ['common.validation.too_long']
		});
		const badKind = expectFailure(
			await createNetwork(db, secretariat, { kind: 'regional', ...texts('X') }),
			400,
			'common.errors.validation'
		);
		expect(badKind.fieldErrors).toEqual({ kind: ['common.validation.invalid_choice'] });
		expect(await countRows(db, tables)).toEqual({ network: 0, network_member: 0, audit_entry: 0 });
	});

	it('lets only the Secretariat create networks', async () => {
		const db = getDb();
		const c = await seedCities(db);
		const before = await countRows(db, tables);
		for (const actor of [null, actors.member(), actors.representative(c.barcelona), actors.coordinator(1)]) {
			expectFailure(await createNetwork(db, actor, thematicInput(c)), 403, 'common.errors.forbidden');
		}
		expect(await countRows(db, tables)).toEqual(before);
		expectOk(await createNetwork(db, actors.admin(), thematicInput(c)));
	});
});

/** Founding-rule violations carry their own form-level code; other validation failures the generic one. */
function failure400Code(fieldCode: string): string {
	return fieldCode === 'networks.validation.city_unknown' ||
		fieldCode === 'networks.validation.city_not_member' ||
		fieldCode === 'networks.validation.city_in_two_roles'
		? 'common.errors.validation'
		: 'networks.validation.thematic_rules';
}

describeEachDatabase('networks service: editing texts', (getDb) => {
	it('the Secretariat edits the texts; the change is audited as before/after', async () => {
		const db = getDb();
		const { id } = expectOk(await createNetwork(db, secretariat, { kind: 'territorial', ...texts('Italian Network') }));
		const result = expectOk(
			await updateNetwork(
				db,
				secretariat,
				id,
				texts('Italian Network', { name_es: 'Red Italiana', description_pt: 'Rede das cidades italianas' })
			)
		);
		expect(result.changed).toBe(true);
		const network = expectOk(await getNetwork(db, null, id)).network;
		expect(network.name_es).toBe('Red Italiana');
		const entries = await auditEntries(db, { entityType: 'network', entityId: id, action: 'network.update' });
		expect(entries).toHaveLength(1);
		expect(entries[0].summary).toEqual({
			name_es: { from: 'Italian Network (es)', to: 'Red Italiana' },
			description_pt: { from: 'Sobre Italian Network', to: 'Rede das cidades italianas' }
		});
	});

	it('saving the same texts writes nothing', async () => {
		const db = getDb();
		const { id } = expectOk(await createNetwork(db, secretariat, { kind: 'territorial', ...texts('Mexican Network') }));
		const before = await countRows(db, tables);
		expect(expectOk(await updateNetwork(db, secretariat, id, texts('Mexican Network'))).changed).toBe(false);
		expect(await countRows(db, tables)).toEqual(before);
	});

	it('refuses coordinators (texts are the Secretariat’s), bad texts and unknown networks', async () => {
		const db = getDb();
		const { id } = expectOk(await createNetwork(db, secretariat, { kind: 'territorial', ...texts('Argentine Network') }));
		const before = await countRows(db, tables);
		expectFailure(await updateNetwork(db, actors.coordinator(id), id, texts('Hijacked')), 403, 'common.errors.forbidden');
		const invalid = expectFailure(
			await updateNetwork(db, secretariat, id, texts('Argentine Network', { description_en: '' })),
			400,
			'common.errors.validation'
		);
		expect(invalid.fieldErrors).toEqual({ description_en: ['common.validation.required'] });
		expectFailure(await updateNetwork(db, secretariat, id + 100, texts('Nowhere')), 404, 'common.errors.not_found');
		expect(await countRows(db, tables)).toEqual(before);
		expect(expectOk(await getNetwork(db, null, id)).network.name_en).toBe('Argentine Network');
	});
});

describeEachDatabase('networks service: managing members', (getDb) => {
	async function setUp(db: Db) {
		const c = await seedCities(db);
		const thematic = expectOk(await createNetwork(db, secretariat, thematicInput(c))).id;
		const territorial = expectOk(
			await createNetwork(db, secretariat, { kind: 'territorial', ...texts('Spanish State Network'), memberCityIds: [String(c.barcelona)] })
		).id;
		return { c, thematic, territorial };
	}

	it('the network’s own coordinator adds a member city, changes its role and removes it, each audited', async () => {
		const db = getDb();
		const { c, territorial } = await setUp(db);
		const coordinator = actors.coordinator(territorial);
		expectOk(await addNetworkMember(db, coordinator, territorial, { cityId: String(c.sevilla), role: 'member' }));
		expect(await roles(db, territorial)).toEqual({ Barcelona: 'member', Sevilla: 'member' });
		expect(
			expectOk(await changeNetworkMemberRole(db, coordinator, territorial, { cityId: String(c.sevilla), role: 'co_coordinator' })).changed
		).toBe(true);
		expect(await roles(db, territorial)).toEqual({ Barcelona: 'member', Sevilla: 'co_coordinator' });
		expectOk(await removeNetworkMember(db, coordinator, territorial, { cityId: String(c.sevilla) }));
		expect(await roles(db, territorial)).toEqual({ Barcelona: 'member' });

		const entries = await auditEntries(db, { entityType: 'network', entityId: territorial });
		expect(entries.map((e) => e.action)).toEqual([
			'network.create',
			'network.add_member',
			'network.change_member_role',
			'network.remove_member'
		]);
		expect(entries.slice(1).every((e) => e.actor_user_id === coordinator.userId)).toBe(true);
		expect(entries[1].summary).toMatchObject({ cityId: c.sevilla, role: 'member' });
		expect(entries[2].summary).toMatchObject({ cityId: c.sevilla, role: { from: 'member', to: 'co_coordinator' } });
		expect(entries[3].summary).toMatchObject({ cityId: c.sevilla, role: 'co_coordinator' });
	});

	it('a coordinator of another network is refused with 403 and nothing is written', async () => {
		const db = getDb();
		const { c, thematic, territorial } = await setUp(db);
		const other = actors.coordinator(thematic);
		const before = await countRows(db, tables);
		const rolesBefore = await roles(db, territorial);
		expectFailure(await addNetworkMember(db, other, territorial, { cityId: String(c.sevilla) }), 403, 'common.errors.forbidden');
		expectFailure(
			await changeNetworkMemberRole(db, other, territorial, { cityId: String(c.barcelona), role: 'coordinator' }),
			403,
			'common.errors.forbidden'
		);
		expectFailure(await removeNetworkMember(db, other, territorial, { cityId: String(c.barcelona) }), 403, 'common.errors.forbidden');
		expectFailure(await getNetworkForManagement(db, other, territorial), 403, 'common.errors.forbidden');
		for (const actor of [null, actors.member(), actors.representative(c.barcelona)]) {
			expectFailure(await addNetworkMember(db, actor, territorial, { cityId: String(c.sevilla) }), 403, 'common.errors.forbidden');
		}
		expect(await countRows(db, tables)).toEqual(before);
		expect(await roles(db, territorial)).toEqual(rolesBefore);
	});

	it('the Secretariat manages any network', async () => {
		const db = getDb();
		const { c, thematic, territorial } = await setUp(db);
		expectOk(await addNetworkMember(db, secretariat, territorial, { cityId: String(c.rosario), role: 'coordinator' }));
		expectOk(await addNetworkMember(db, actors.admin(), thematic, { cityId: String(c.bilbao) }));
		expect((await roles(db, territorial)).Rosario).toBe('coordinator');
		expect((await roles(db, thematic)).Bilbao).toBe('member');
		expect(
			expectOk(await listManagedNetworks(db, secretariat))
				.map((n) => n.id)
				.sort()
		).toEqual([thematic, territorial].sort());
		expect(expectOk(await listManagedNetworks(db, actors.coordinator(thematic))).map((n) => n.id)).toEqual([thematic]);
	});

	it('offers only member cities that are not in the network yet', async () => {
		const db = getDb();
		const { c, thematic } = await setUp(db);
		const view = expectOk(await getNetworkForManagement(db, actors.coordinator(thematic), thematic));
		expect(view.candidates.map((city) => city.id).sort()).toEqual([c.bilbao, c.rosario].sort());
	});

	it('refuses cities that are already members, not members of the association, or unknown; and unknown networks', async () => {
		const db = getDb();
		const { c, thematic } = await setUp(db);
		const coordinator = actors.coordinator(thematic);
		const before = await countRows(db, tables);
		expect(
			expectFailure(await addNetworkMember(db, coordinator, thematic, { cityId: String(c.lyon) }), 409, 'networks.members.already_member')
				.fieldErrors
		).toEqual({
			cityId: ['networks.members.already_member']
		});
		expect(
			expectFailure(await addNetworkMember(db, coordinator, thematic, { cityId: String(c.candidate) }), 400, 'common.errors.validation')
				.fieldErrors
		).toEqual({
			cityId: ['networks.validation.city_not_member']
		});
		expect(
			expectFailure(await addNetworkMember(db, coordinator, thematic, { cityId: '424242' }), 400, 'common.errors.validation').fieldErrors
		).toEqual({
			cityId: ['networks.validation.city_unknown']
		});
		expect(
			expectFailure(await addNetworkMember(db, coordinator, thematic, { cityId: '' }), 400, 'common.errors.validation').fieldErrors
		).toEqual({
			cityId: ['common.validation.required']
		});
		expect(
			expectFailure(
				await addNetworkMember(db, coordinator, thematic, { cityId: String(c.bilbao), role: 'chair' }),
				400,
				'common.errors.validation'
			).fieldErrors
		).toEqual({
			role: ['common.validation.invalid_choice']
		});
		expectFailure(await addNetworkMember(db, secretariat, thematic + 100, { cityId: String(c.bilbao) }), 404, 'common.errors.not_found');
		expectFailure(await removeNetworkMember(db, coordinator, thematic, { cityId: String(c.bilbao) }), 404, 'common.errors.not_found');
		expect(await countRows(db, tables)).toEqual(before);
	});

	it('keeps a thematic network at its founding minimums: removals and demotions below them are refused, nothing written', async () => {
		const db = getDb();
		const { c, thematic } = await setUp(db);
		const coordinator = actors.coordinator(thematic);
		const before = await countRows(db, tables);
		const rolesBefore = await roles(db, thematic);

		const leaving = expectFailure(
			await removeNetworkMember(db, coordinator, thematic, { cityId: String(c.barcelona) }),
			409,
			'networks.members.coordinator_cannot_leave'
		);
		expect(leaving.fieldErrors).toEqual({ cityId: ['networks.members.coordinator_cannot_leave'] });
		const fewer = expectFailure(
			await removeNetworkMember(db, coordinator, thematic, { cityId: String(c.sevilla) }),
			409,
			'networks.members.below_minimums'
		);
		expect(fewer.fieldErrors).toEqual({ cityId: ['networks.validation.min_cities'] });
		const country = expectFailure(
			await removeNetworkMember(db, secretariat, thematic, { cityId: String(c.lisboa) }),
			409,
			'networks.members.below_minimums'
		);
		expect(country.fieldErrors?.cityId).toEqual([
			'networks.validation.min_co_coordinators',
			'networks.validation.min_cities',
			'networks.validation.min_countries'
		]);
		const demoted = expectFailure(
			await changeNetworkMemberRole(db, coordinator, thematic, { cityId: String(c.lyon), role: 'member' }),
			409,
			'networks.members.below_minimums'
		);
		expect(demoted.fieldErrors).toEqual({ role: ['networks.validation.min_co_coordinators'] });
		const noCoordinator = expectFailure(
			await changeNetworkMemberRole(db, coordinator, thematic, { cityId: String(c.barcelona), role: 'member' }),
			409,
			'networks.members.below_minimums'
		);
		expect(noCoordinator.fieldErrors).toEqual({ role: ['networks.validation.coordinator_required'] });

		expect(await countRows(db, tables)).toEqual(before);
		expect(await roles(db, thematic)).toEqual(rolesBefore);

		// Above the minimums, the same removal is fine.
		expectOk(await addNetworkMember(db, coordinator, thematic, { cityId: String(c.rosario) }));
		expectOk(await removeNetworkMember(db, coordinator, thematic, { cityId: String(c.sevilla) }));
		expect(Object.keys(await roles(db, thematic))).toHaveLength(5);
	});

	it('making a city the coordinator hands coordination over: the previous coordinator becomes a co-coordinator', async () => {
		const db = getDb();
		const { c, thematic } = await setUp(db);
		expectOk(await changeNetworkMemberRole(db, actors.coordinator(thematic), thematic, { cityId: String(c.sevilla), role: 'coordinator' }));
		expect(await roles(db, thematic)).toEqual({
			Barcelona: 'co_coordinator',
			Sevilla: 'coordinator',
			Lyon: 'co_coordinator',
			Lisboa: 'co_coordinator',
			Nantes: 'member'
		});
		const [entry] = await auditEntries(db, { entityType: 'network', entityId: thematic, action: 'network.change_member_role' });
		expect(entry.summary).toMatchObject({
			cityId: c.sevilla,
			role: { from: 'member', to: 'coordinator' },
			previousCoordinator: { cityId: c.barcelona, role: { from: 'coordinator', to: 'co_coordinator' } }
		});
		// The former coordinating city may now leave, once a sixth city keeps the network at five.
		expectOk(await addNetworkMember(db, secretariat, thematic, { cityId: String(c.rosario) }));
		expectOk(await removeNetworkMember(db, secretariat, thematic, { cityId: String(c.barcelona) }));
		// Setting the role a city already has changes nothing and writes nothing.
		const before = await countRows(db, tables);
		expect(
			expectOk(await changeNetworkMemberRole(db, secretariat, thematic, { cityId: String(c.lyon), role: 'co_coordinator' })).changed
		).toBe(false);
		expect(await countRows(db, tables)).toEqual(before);
	});

	it('adding a city as coordinator of a territorial network also hands coordination over', async () => {
		const db = getDb();
		const { c, territorial } = await setUp(db);
		expectOk(await changeNetworkMemberRole(db, secretariat, territorial, { cityId: String(c.barcelona), role: 'coordinator' }));
		expectOk(await addNetworkMember(db, secretariat, territorial, { cityId: String(c.sevilla), role: 'coordinator' }));
		expect(await roles(db, territorial)).toEqual({ Barcelona: 'co_coordinator', Sevilla: 'coordinator' });
		// Territorial networks have no founding minimums: the coordinating city may leave.
		expectOk(await removeNetworkMember(db, secretariat, territorial, { cityId: String(c.sevilla) }));
	});
});

describeEachDatabase('networks service: listing', (getDb) => {
	async function setUp(db: Db) {
		const c = await seedCities(db);
		const thematic = expectOk(await createNetwork(db, secretariat, thematicInput(c))).id;
		const spain = expectOk(
			await createNetwork(db, secretariat, {
				kind: 'territorial',
				...texts('Spanish State Network', { name_es: 'Red Estatal' }),
				memberCityIds: [String(c.barcelona), String(c.sevilla), String(c.bilbao)]
			})
		).id;
		const empty = expectOk(await createNetwork(db, secretariat, { kind: 'territorial', ...texts('Asia-Pacific Network') })).id;
		const delegation = expectOk(
			await createNetwork(db, secretariat, {
				kind: 'delegation',
				...texts('Latin America Delegation'),
				coordinatorCityId: String(c.rosario)
			})
		).id;
		return { c, thematic, spain, empty, delegation };
	}

	it('lists networks with member and country counts, paginated, in the language asked for', async () => {
		const db = getDb();
		const { c, thematic, spain, empty, delegation } = await setUp(db);
		const all = expectOk(await searchNetworks(db, {}, 'en'));
		expect(all.total).toBe(4);
		expect(all.query).toMatchObject({ page: 1, pageSize: 50, lang: 'en' });
		const byId = new Map(all.items.map((n) => [n.id, n]));
		expect(byId.get(thematic)).toMatchObject({
			kind: 'thematic',
			memberCount: 5,
			countryCount: 3,
			coordinator: { cityId: c.barcelona, name: 'Barcelona', countryCode: 'ES' }
		});
		expect(byId.get(thematic)?.coCoordinators.map((l) => l.name)).toEqual(['Lisboa', 'Lyon']);
		expect(byId.get(spain)).toMatchObject({ memberCount: 3, countryCount: 1, coordinator: null, name: 'Spanish State Network' });
		expect(byId.get(empty)).toMatchObject({ memberCount: 0, countryCount: 0 });
		expect(byId.get(delegation)).toMatchObject({ kind: 'delegation', memberCount: 1 });
		// Ordered by kind, then by name in the language asked for.
		expect(all.items.map((n) => n.kind)).toEqual(['delegation', 'territorial', 'territorial', 'thematic']);

		const spanish = expectOk(await searchNetworks(db, { lang: 'es', kind: 'territorial' }, 'en'));
		expect(spanish.items.map((n) => n.name)).toEqual(['Asia-Pacific Network (es)', 'Red Estatal']);
		expect(spanish.items[1].description).toBe('Descripción de Spanish State Network');

		const page2 = expectOk(await searchNetworks(db, { page: '2', pageSize: '3' }, 'fr'));
		expect(page2.total).toBe(4);
		expect(page2.items).toHaveLength(1);
		expect(page2.items[0].name).toBe('Education and Care (fr)');
	});

	it('names the field of a bad query', async () => {
		const db = getDb();
		const failure = expectFailure(
			await searchNetworks(db, { pageSize: '500', lang: 'de', kind: 'club', page: '0' }, 'en'),
			400,
			'common.errors.validation'
		);
		expect(Object.keys(failure.fieldErrors ?? {}).sort()).toEqual(['kind', 'lang', 'page', 'pageSize']);
		expect(failure.fieldErrors?.pageSize).toEqual(['common.validation.too_big']);
	});

	it('groups every network by kind for the public page', async () => {
		const db = getDb();
		await setUp(db);
		const groups = await listNetworksByKind(db, 'pt');
		expect(groups.map((g) => [g.kind, g.networks.length])).toEqual([
			['territorial', 2],
			['delegation', 1],
			['thematic', 1]
		]);
		expect(groups[1].networks[0].name).toBe('Latin America Delegation (pt)');
	});

	it('exports CSV with formula-looking cells neutralised', async () => {
		const db = getDb();
		const { c } = await setUp(db);
		expectOk(
			await createNetwork(db, secretariat, {
				kind: 'territorial',
				...texts('=HYPERLINK("http://evil.example")', { description_en: '+SUM(A1:A9)', name_es: '@cmd' }),
				slug: 'formula',
				memberCityIds: [String(c.lyon)]
			})
		);
		const csv = expectOk(await exportNetworksCsv(db, { lang: 'en', kind: 'territorial', page: '3' }, 'es'));
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(
			'id,slug,kind,name,description,member_count,country_count,coordinating_city,coordinating_country,co_coordinating_cities'
		);
		expect(lines).toHaveLength(4);
		const formula = lines.find((l) => l.includes(',formula,'));
		expect(formula).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
		expect(formula).toContain("'+SUM(A1:A9)");
		expect(formula).not.toMatch(/,[=+@-]/);
		const spanishCsv = expectOk(await exportNetworksCsv(db, { kind: 'territorial' }, 'es'));
		expect(spanishCsv).toContain("'@cmd");
		expect(spanishCsv).toContain('Red Estatal');
		expectFailure(await exportNetworksCsv(db, { lang: 'xx' }, 'es'), 400, 'common.errors.validation');
	});

	it('shows a network with its coordinating city first, and says who may edit or manage it', async () => {
		const db = getDb();
		const { thematic } = await setUp(db);
		const publicView = expectOk(await getNetwork(db, null, thematic));
		expect(publicView.members.map((m) => m.role)).toEqual(['coordinator', 'co_coordinator', 'co_coordinator', 'member', 'member']);
		expect(publicView.countryCount).toBe(3);
		expect([publicView.mayEdit, publicView.mayManage]).toEqual([false, false]);
		const coordinatorView = expectOk(await getNetwork(db, actors.coordinator(thematic), thematic));
		expect([coordinatorView.mayEdit, coordinatorView.mayManage]).toEqual([false, true]);
		const staffView = expectOk(await getNetwork(db, secretariat, thematic));
		expect([staffView.mayEdit, staffView.mayManage]).toEqual([true, true]);
		expectFailure(await getNetwork(db, null, thematic + 100), 404, 'common.errors.not_found');
	});
});

it('thematicViolations checks each founding rule on its own', () => {
	const entry = (cityId: number, countryCode: string, role: 'member' | 'coordinator' | 'co_coordinator' = 'member') => ({
		cityId,
		countryCode,
		role
	});
	const valid = [
		entry(1, 'ES', 'coordinator'),
		entry(2, 'FR', 'co_coordinator'),
		entry(3, 'PT', 'co_coordinator'),
		entry(4, 'ES'),
		entry(5, 'ES')
	];
	expect(thematicViolations(valid)).toEqual([]);
	expect(thematicViolations([...valid, entry(6, 'IT', 'coordinator')])).toEqual(['networks.validation.single_coordinator']);
	expect(thematicViolations([])).toEqual([
		'networks.validation.coordinator_required',
		'networks.validation.min_co_coordinators',
		'networks.validation.min_cities',
		'networks.validation.min_countries'
	]);
});
