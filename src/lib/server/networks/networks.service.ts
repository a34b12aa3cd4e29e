import type { z } from 'zod';
import type { Db, DbOrTrx } from '../db/index.ts';
import { coordinatedNetworkIds, isStaff, type Actor } from '../core/access.ts';
import { diffFields, recordAudit } from '../core/audit.ts';
import { todayIso } from '../core/clock.ts';
import { toCsv } from '../core/csv.ts';
import { fail, forbidden, notFound, ok, validate, type FieldErrors, type Result } from '../core/result.ts';
import { searchKey } from '../../shared/core/forms.ts';
import type { Locale } from '../../shared/i18n.ts';
import { networkKinds, thematicNetworkRules, type NetworkKind, type NetworkRole } from '../../shared/networks/constants.ts';
import { networkDescription, networkName } from '../../shared/networks/names.ts';
import {
	addMemberSchema,
	changeRoleSchema,
	createNetworkSchema,
	networkFoundingSchema,
	networkExportQuerySchema,
	networkListQuerySchema,
	removeMemberSchema,
	updateNetworkSchema,
	type NetworkTextsInput
} from '../../shared/networks/schemas.ts';
import * as members from '../members/index.ts';
import { canOnNetworks } from './networks.policy.ts';
import * as repo from './networks.repository.ts';

/** Cities that count as members of the association and may therefore join a network. */
const memberCityStatuses: readonly string[] = ['active', 'in_arrears'];

export interface CompositionEntry {
	cityId: number;
	countryCode: string;
	role: NetworkRole;
}

export type CompositionViolation =
	| 'networks.validation.coordinator_required'
	| 'networks.validation.single_coordinator'
	| 'networks.validation.min_co_coordinators'
	| 'networks.validation.min_cities'
	| 'networks.validation.min_countries';

/**
 * The founding rules of a thematic network: at least 5 cities from at least 3 countries, exactly one
 * coordinating city and at least 2 co-coordinating cities (association-history.json). Returns the
 * rules the given composition breaks, none when it is valid.
 */
export function thematicViolations(composition: readonly CompositionEntry[]): CompositionViolation[] {
	const violations: CompositionViolation[] = [];
	const coordinators = composition.filter((m) => m.role === 'coordinator').length;
	const coCoordinators = composition.filter((m) => m.role === 'co_coordinator').length;
	if (coordinators === 0) violations.push('networks.validation.coordinator_required');
	if (coordinators > 1) violations.push('networks.validation.single_coordinator');
	if (coCoordinators < thematicNetworkRules.minCoCoordinators) violations.push('networks.validation.min_co_coordinators');
	if (new Set(composition.map((m) => m.cityId)).size < thematicNetworkRules.minCities) violations.push('networks.validation.min_cities');
	if (new Set(composition.map((m) => m.countryCode)).size < thematicNetworkRules.minCountries)
		violations.push('networks.validation.min_countries');
	return violations;
}

/** Where each founding-rule violation is shown on the creation form. */
const violationField: Record<CompositionViolation, string> = {
	'networks.validation.coordinator_required': 'coordinatorCityId',
	'networks.validation.single_coordinator': 'coordinatorCityId',
	'networks.validation.min_co_coordinators': 'coCoordinatorCityIds',
	'networks.validation.min_cities': 'memberCityIds',
	'networks.validation.min_countries': 'memberCityIds'
};

function addFieldError(errors: FieldErrors, field: string, code: string) {
	const list = (errors[field] ??= []);
	if (!list.includes(code)) list.push(code);
}

function textsOf(input: NetworkTextsInput): repo.NetworkTexts {
	return {
		name: { es: input.name_es, en: input.name_en, fr: input.name_fr, pt: input.name_pt },
		description: { es: input.description_es, en: input.description_en, fr: input.description_fr, pt: input.description_pt }
	};
}

function textColumnsOf(row: repo.NetworkRow): NetworkTextsInput {
	return {
		name_es: row.name_es,
		name_en: row.name_en,
		name_fr: row.name_fr,
		name_pt: row.name_pt,
		description_es: row.description_es,
		description_en: row.description_en,
		description_fr: row.description_fr,
		description_pt: row.description_pt
	};
}

function slugFrom(text: string): string {
	const slug = searchKey(text)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'network';
}

async function freeSlug(db: DbOrTrx, base: string): Promise<string> {
	const taken = new Set(await repo.listSlugsLike(db, base));
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function isUniqueViolation(error: unknown): boolean {
	const code = (error as { code?: unknown })?.code;
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

// ---------------------------------------------------------------------------------------------------
// Reading (public)

export interface NetworkLead {
	cityId: number;
	name: string;
	countryCode: string;
	role: NetworkRole;
}

export interface NetworkSummary {
	id: number;
	slug: string;
	kind: NetworkKind;
	name: string;
	description: string;
	memberCount: number;
	countryCount: number;
	coordinator: NetworkLead | null;
	coCoordinators: NetworkLead[];
}

async function summaries(db: Db, query: repo.NetworkSummaryQuery) {
	const { total, items } = await repo.listNetworkSummaries(db, query);
	const leads = await repo.listNetworkLeads(
		db,
		items.map((n) => n.id)
	);
	const summariesList = items.map((row): NetworkSummary => {
		const own = leads
			.filter((l) => l.network_id === row.id)
			.map((l): NetworkLead => ({ cityId: l.city_id, name: l.name, countryCode: l.country_code, role: l.role as NetworkRole }));
		return {
			id: row.id,
			slug: row.slug,
			kind: row.kind as NetworkKind,
			name: networkName(row, query.locale),
			description: networkDescription(row, query.locale),
			memberCount: row.member_count,
			countryCount: row.country_count,
			coordinator: own.find((l) => l.role === 'coordinator') ?? null,
			coCoordinators: own.filter((l) => l.role === 'co_coordinator')
		};
	});
	return { total, items: summariesList };
}

/** A page of networks for the API; `lang` (else the request's language) picks the texts. */
export async function searchNetworks(db: Db, input: unknown, fallbackLocale: Locale) {
	const parsed = validate(networkListQuerySchema, input);
	if (!parsed.ok) return parsed;
	const query = parsed.value;
	const locale = query.lang ?? fallbackLocale;
	const page = await summaries(db, { kind: query.kind, locale, page: query.page, pageSize: query.pageSize });
	return ok({ query: { ...query, lang: locale }, ...page });
}

/** Every network grouped by kind (territorial, delegations, thematic), for the public list page. */
export async function listNetworksByKind(db: Db, locale: Locale) {
	const { items } = await summaries(db, { locale });
	return networkKinds.map((kind) => ({ kind, networks: items.filter((n) => n.kind === kind) }));
}

export const networkCsvColumns = [
	'id',
	'slug',
	'kind',
	'name',
	'description',
	'member_count',
	'country_count',
	'coordinating_city',
	'coordinating_country',
	'co_coordinating_cities'
] as const;

/** The network list as CSV; cells a spreadsheet would run as formulas are neutralised. */
export async function exportNetworksCsv(db: Db, input: unknown, fallbackLocale: Locale): Promise<Result<string>> {
	const parsed = validate(networkExportQuerySchema, input);
	if (!parsed.ok) return parsed;
	const locale = parsed.value.lang ?? fallbackLocale;
	const { items } = await summaries(db, { kind: parsed.value.kind, locale });
	return ok(
		toCsv(
			[...networkCsvColumns],
			items.map((n) => ({
				id: n.id,
				slug: n.slug,
				kind: n.kind,
				name: n.name,
				description: n.description,
				member_count: n.memberCount,
				country_count: n.countryCount,
				coordinating_city: n.coordinator?.name ?? '',
				coordinating_country: n.coordinator?.countryCode ?? '',
				co_coordinating_cities: n.coCoordinators.map((c) => c.name).join('; ')
			}))
		)
	);
}

const roleOrder: Record<string, number> = { coordinator: 0, co_coordinator: 1, member: 2 };

/** A network with its members (coordinating city first, then co-coordinators, then by name). */
export async function getNetwork(db: Db, actor: Actor | null, id: number) {
	const network = await repo.findNetworkById(db, id);
	if (!network) return notFound();
	const memberRows = await repo.listNetworkMembers(db, id);
	const sorted = [...memberRows].sort((a, b) => (roleOrder[a.role] ?? 9) - (roleOrder[b.role] ?? 9));
	return ok({
		network,
		members: sorted,
		countryCount: new Set(memberRows.map((m) => m.country_code)).size,
		mayEdit: canOnNetworks(actor, 'network.update', id),
		mayManage: canOnNetworks(actor, 'network.manage_view', id)
	});
}

// ---------------------------------------------------------------------------------------------------
// Managing (Secretariat and coordinators)

/** The networks an actor may manage: all for the Secretariat, else those they coordinate. */
export async function listManagedNetworks(db: Db, actor: Actor | null) {
	if (!actor) return forbidden();
	const rows = isStaff(actor) ? await repo.listAllNetworks(db) : await repo.listNetworksByIds(db, coordinatedNetworkIds(actor));
	return ok(rows.filter((row) => canOnNetworks(actor, 'network.manage_view', row.id)));
}

async function memberCities(db: Db) {
	const lists = await Promise.all(memberCityStatuses.map((status) => members.listAllCities(db, { status: status as 'active' })));
	return lists
		.flat()
		.map((c) => ({ id: c.id, name: c.name, countryCode: c.country_code }))
		.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

/** The cities the creation form offers: every member city. */
export async function newNetworkOptions(db: Db, actor: Actor | null) {
	if (!canOnNetworks(actor, 'network.create')) return forbidden();
	return ok({ cities: await memberCities(db) });
}

/** A network's management page: its members, and the member cities that could join it. */
export async function getNetworkForManagement(db: Db, actor: Actor | null, id: number) {
	if (!canOnNetworks(actor, 'network.manage_view', id)) return forbidden();
	const result = await getNetwork(db, actor, id);
	if (!result.ok) return result;
	const inNetwork = new Set(result.value.members.map((m) => m.id));
	const candidates = (await memberCities(db)).filter((c) => !inNetwork.has(c.id));
	return ok({ ...result.value, candidates });
}

type CityCheck = { ok: true; city: { id: number; countryCode: string; name: string } } | { ok: false; code: string };

async function checkMemberCity(db: Db, cityId: number): Promise<CityCheck> {
	const city = await members.findCityById(db, cityId);
	if (!city) return { ok: false, code: 'networks.validation.city_unknown' };
	if (!memberCityStatuses.includes(city.status)) return { ok: false, code: 'networks.validation.city_not_member' };
	return { ok: true, city: { id: city.id, countryCode: city.country_code, name: city.name } };
}

type FoundingInput = z.infer<typeof networkFoundingSchema>;

/**
 * Checks the founding cities of a new network: each city once in its highest role, each a member
 * city of the association, and for a thematic network the founding rules. Errors are keyed by field.
 */
async function checkFounding(db: Db, founding: FoundingInput): Promise<{ composition: CompositionEntry[]; errors: FieldErrors }> {
	const { kind, coordinatorCityId, coCoordinatorCityIds, memberCityIds } = founding;
	// Choosing the coordinating city as a co-coordinator too is a mistake worth saying; a member listed again is not.
	const errors: FieldErrors = {};
	const roles = new Map<number, NetworkRole>();
	if (coordinatorCityId !== undefined) roles.set(coordinatorCityId, 'coordinator');
	for (const id of coCoordinatorCityIds) {
		if (roles.get(id) === 'coordinator') addFieldError(errors, 'coCoordinatorCityIds', 'networks.validation.city_in_two_roles');
		else roles.set(id, 'co_coordinator');
	}
	for (const id of memberCityIds) if (!roles.has(id)) roles.set(id, 'member');

	const fieldOfRole: Record<NetworkRole, string> = {
		coordinator: 'coordinatorCityId',
		co_coordinator: 'coCoordinatorCityIds',
		member: 'memberCityIds'
	};
	const composition: CompositionEntry[] = [];
	for (const [cityId, role] of roles) {
		const check = await checkMemberCity(db, cityId);
		if (!check.ok) addFieldError(errors, fieldOfRole[role], check.code);
		else composition.push({ cityId, countryCode: check.city.countryCode, role });
	}
	// The founding rules are only worth reporting once every chosen city is a valid one.
	if (kind === 'thematic' && Object.keys(errors).length === 0) {
		for (const violation of thematicViolations(composition)) addFieldError(errors, violationField[violation], violation);
	}
	return { composition, errors };
}

const foundingRuleCodes = new Set<string>(Object.keys(violationField));

export async function createNetwork(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: number; slug: string }>> {
	if (!canOnNetworks(actor, 'network.create')) return forbidden();
	const parsed = validate(createNetworkSchema, input);
	if (!parsed.ok) {
		// Report the founding cities' problems together with those of the texts, so the form shows them all at once.
		const founding = networkFoundingSchema.safeParse(input);
		if (!founding.success) return parsed;
		const { errors } = await checkFounding(db, founding.data);
		const fieldErrors = { ...(parsed.fieldErrors ?? {}) };
		for (const [field, codes] of Object.entries(errors)) for (const code of codes) addFieldError(fieldErrors, field, code);
		return fail(400, 'common.errors.validation', fieldErrors);
	}
	const { kind, coordinatorCityId, coCoordinatorCityIds, memberCityIds, slug: requestedSlug, ...texts } = parsed.value;
	const { composition, errors } = await checkFounding(db, { kind, coordinatorCityId, coCoordinatorCityIds, memberCityIds });
	if (Object.keys(errors).length) {
		const onlyFoundingRules = Object.values(errors)
			.flat()
			.every((code) => foundingRuleCodes.has(code));
		return onlyFoundingRules
			? fail(400, 'networks.validation.thematic_rules', errors, { ...thematicNetworkRules })
			: fail(400, 'common.errors.validation', errors);
	}
	if (requestedSlug && (await repo.findNetworkIdBySlug(db, requestedSlug)))
		return fail(409, 'networks.validation.slug_taken', { slug: ['networks.validation.slug_taken'] });

	try {
		return await db.transaction().execute(async (trx) => {
			const slug = requestedSlug ?? (await freeSlug(trx, slugFrom(texts.name_en)));
			const id = await repo.insertNetwork(trx, slug, kind, textsOf(texts));
			const joinedOn = todayIso();
			for (const entry of composition) await repo.insertMembership(trx, id, entry.cityId, entry.role, joinedOn);
			await recordAudit(trx, actor, {
				action: 'network.create',
				entityType: 'network',
				entityId: id,
				summary: { slug, kind, ...texts, members: composition.map(({ cityId, role }) => ({ cityId, role })) }
			});
			return ok({ id, slug });
		});
	} catch (error) {
		if (isUniqueViolation(error)) return fail(409, 'networks.validation.slug_taken', { slug: ['networks.validation.slug_taken'] });
		throw error;
	}
}

/** The Secretariat edits a network's names and descriptions in the four languages. */
export async function updateNetwork(
	db: Db,
	actor: Actor | null,
	id: number,
	input: unknown
): Promise<Result<{ id: number; changed: boolean }>> {
	if (!canOnNetworks(actor, 'network.update', id)) return forbidden();
	const parsed = validate(updateNetworkSchema, input);
	if (!parsed.ok) return parsed;
	return db.transaction().execute(async (trx) => {
		const before = await repo.lockNetwork(trx, id);
		if (!before) return notFound();
		const changes = diffFields(textColumnsOf(before) as unknown as Record<string, unknown>, parsed.value);
		if (Object.keys(changes).length === 0) return ok({ id, changed: false });
		await repo.updateNetworkTexts(trx, id, textsOf(parsed.value));
		await recordAudit(trx, actor, { action: 'network.update', entityType: 'network', entityId: id, summary: changes });
		return ok({ id, changed: true });
	});
}

function compositionOf(rows: repo.NetworkMemberRow[]): CompositionEntry[] {
	return rows.map((m) => ({ cityId: m.id, countryCode: m.country_code, role: m.role as NetworkRole }));
}

/** A membership change that would take a thematic network below its founding rules. */
function belowMinimums(network: repo.NetworkRow, after: CompositionEntry[], field: string): Result<never> | null {
	if (network.kind !== 'thematic') return null;
	const violations = thematicViolations(after);
	if (violations.length === 0) return null;
	return fail(409, 'networks.members.below_minimums', { [field]: violations }, { ...thematicNetworkRules });
}

/**
 * Applies a role to a city of the network. Making a city the coordinator hands coordination over:
 * the previous coordinating city becomes a co-coordinator, so a network never has two.
 */
function withRole(current: CompositionEntry[], cityId: number, countryCode: string, role: NetworkRole): CompositionEntry[] {
	const others = current
		.filter((m) => m.cityId !== cityId)
		.map((m) => (role === 'coordinator' && m.role === 'coordinator' ? { ...m, role: 'co_coordinator' as const } : m));
	return [...others, { cityId, countryCode, role }];
}

export async function addNetworkMember(
	db: Db,
	actor: Actor | null,
	networkId: number,
	input: unknown
): Promise<Result<{ cityId: number }>> {
	if (!canOnNetworks(actor, 'member.add', networkId)) return forbidden();
	const parsed = validate(addMemberSchema, input);
	if (!parsed.ok) return parsed;
	const { cityId, role } = parsed.value;
	const check = await checkMemberCity(db, cityId);
	if (!check.ok) return fail(400, 'common.errors.validation', { cityId: [check.code] });
	return db.transaction().execute(async (trx) => {
		const network = await repo.lockNetwork(trx, networkId);
		if (!network) return notFound();
		if (await repo.findMembership(trx, networkId, cityId))
			return fail(409, 'networks.members.already_member', { cityId: ['networks.members.already_member'] });
		const current = compositionOf(await repo.listNetworkMembers(trx, networkId));
		const previousCoordinator = role === 'coordinator' ? current.find((m) => m.role === 'coordinator') : undefined;
		if (previousCoordinator) await repo.updateMembershipRole(trx, networkId, previousCoordinator.cityId, 'co_coordinator');
		await repo.insertMembership(trx, networkId, cityId, role, todayIso());
		await recordAudit(trx, actor, {
			action: 'network.add_member',
			entityType: 'network',
			entityId: networkId,
			summary: {
				cityId,
				city: check.city.name,
				role,
				...(previousCoordinator
					? { previousCoordinator: { cityId: previousCoordinator.cityId, role: { from: 'coordinator', to: 'co_coordinator' } } }
					: {})
			}
		});
		return ok({ cityId });
	});
}

export async function changeNetworkMemberRole(
	db: Db,
	actor: Actor | null,
	networkId: number,
	input: unknown
): Promise<Result<{ cityId: number; changed: boolean }>> {
	if (!canOnNetworks(actor, 'member.change_role', networkId)) return forbidden();
	const parsed = validate(changeRoleSchema, input);
	if (!parsed.ok) return parsed;
	const { cityId, role } = parsed.value;
	return db.transaction().execute(async (trx) => {
		const network = await repo.lockNetwork(trx, networkId);
		if (!network) return notFound();
		const rows = await repo.listNetworkMembers(trx, networkId);
		const member = rows.find((m) => m.id === cityId);
		if (!member) return notFound();
		if (member.role === role) return ok({ cityId, changed: false });
		const current = compositionOf(rows);
		const refused = belowMinimums(network, withRole(current, cityId, member.country_code, role), 'role');
		if (refused) return refused;
		const previousCoordinator = role === 'coordinator' ? current.find((m) => m.role === 'coordinator') : undefined;
		if (previousCoordinator) await repo.updateMembershipRole(trx, networkId, previousCoordinator.cityId, 'co_coordinator');
		await repo.updateMembershipRole(trx, networkId, cityId, role);
		await recordAudit(trx, actor, {
			action: 'network.change_member_role',
			entityType: 'network',
			entityId: networkId,
			summary: {
				cityId,
				city: member.name,
				role: { from: member.role, to: role },
				...(previousCoordinator
					? { previousCoordinator: { cityId: previousCoordinator.cityId, role: { from: 'coordinator', to: 'co_coordinator' } } }
					: {})
			}
		});
		return ok({ cityId, changed: true });
	});
}

export async function removeNetworkMember(
	db: Db,
	actor: Actor | null,
	networkId: number,
	input: unknown
): Promise<Result<{ cityId: number }>> {
	if (!canOnNetworks(actor, 'member.remove', networkId)) return forbidden();
	const parsed = validate(removeMemberSchema, input);
	if (!parsed.ok) return parsed;
	const { cityId } = parsed.value;
	return db.transaction().execute(async (trx) => {
		const network = await repo.lockNetwork(trx, networkId);
		if (!network) return notFound();
		const rows = await repo.listNetworkMembers(trx, networkId);
		const member = rows.find((m) => m.id === cityId);
		if (!member) return notFound();
		if (network.kind === 'thematic' && member.role === 'coordinator')
			return fail(409, 'networks.members.coordinator_cannot_leave', { cityId: ['networks.members.coordinator_cannot_leave'] });
		const refused = belowMinimums(
			network,
			compositionOf(rows).filter((m) => m.cityId !== cityId),
			'cityId'
		);
		if (refused) return refused;
		await repo.deleteMembership(trx, networkId, cityId);
		await recordAudit(trx, actor, {
			action: 'network.remove_member',
			entityType: 'network',
			entityId: networkId,
			summary: { cityId, city: member.name, role: member.role, joinedOn: member.joined_on }
		});
		return ok({ cityId });
	});
}
