import { describe, expect, it } from 'vitest';
import { describeEachContext, type TestContext } from '../testing/database.ts';
import { countRows } from '../testing/factories.ts';
import { systemActor } from '../core/access.ts';
import { signIn } from '../accounts/accounts.service.ts';
import * as members from '../members/index.ts';
import { listNetworkMembers, listNetworks } from '../networks/networks.repository.ts';
import { thematicNetworkRules } from '../../shared/networks/constants.ts';
import { contactSchema, createCitySchema } from '../../shared/members/schemas.ts';
import { cityKey, demoPassword, generateDemoData, mulberry32, networkDefinitions, type DemoData } from './demo-data.ts';
import { loadSourceCities, referenceCountries, seedDemo } from './seed.ts';
import path from 'node:path';
import { createFileStore } from '../core/files.ts';
import {
	blockedPairs,
	findEditionByYear,
	listCandidacies,
	listConflicts,
	listEditions,
	listJurors,
	listReviews,
	listRounds
} from '../award/award.repository.ts';
import { checkAwardEligibility } from '../award/eligibility.ts';
import { editionPhase } from '../../shared/award/timeline.ts';
import { demoChairEmail, demoJurorEmail } from './award-data.ts';

const today = '2025-06-15';
const sourceCities = loadSourceCities();

const regionOf = new Map(referenceCountries.map((c) => [c.code, c.region]));

function share<T>(items: readonly T[], predicate: (item: T) => boolean): number {
	return items.filter(predicate).length / items.length;
}

const everyTable = [
	'country',
	'city',
	'city_status_change',
	'city_contact',
	'fee_grid',
	'fee_grid_band',
	'membership_fee',
	'fee_payment',
	'network',
	'network_member',
	'audit_entry',
	'auth_user',
	'auth_account',
	'role_assignment',
	'outbox_message',
	'award_edition',
	'award_candidacy',
	'award_candidacy_event',
	'award_juror',
	'award_conflict',
	'award_review',
	'award_round',
	'award_decision'
] as const;

describe('reference countries', () => {
	it('cover every country of the demo with a valid region and income group, once each', () => {
		const codes = referenceCountries.map((c) => c.code);
		expect(new Set(codes).size).toBe(codes.length);
		expect(codes.length).toBeGreaterThanOrEqual(60);
		for (const country of referenceCountries) {
			expect(country.code).toMatch(/^[A-Z]{2}$/);
			expect(['europe', 'latin-america-caribbean', 'north-america', 'africa', 'asia-pacific', 'middle-east']).toContain(country.region);
			expect(['I', 'II', 'III', 'IV']).toContain(country.incomeGroup);
		}
		for (const code of ['ES', 'PT', 'FR', 'IT', 'IL', 'BR', 'PR', 'CU', 'KR', 'CV', 'PS', 'BF', 'AD']) expect(codes).toContain(code);
	});
});

describe('demo data generator', () => {
	const data: DemoData = generateDemoData({ today, sourceCities });

	it('is deterministic for the same inputs', () => {
		expect(generateDemoData({ today, sourceCities })).toEqual(data);
		const random = mulberry32(42);
		const again = mulberry32(42);
		const first = Array.from({ length: 5 }, random);
		expect(Array.from({ length: 5 }, again)).toEqual(first);
		expect(new Set(first).size).toBe(5);
	});

	it('keeps the same cities, people and statuses whatever the day it is loaded', () => {
		const later = generateDemoData({ today: '2027-02-01', sourceCities });
		const shape = (d: DemoData) => d.cities.map((c) => [c.key, c.status, c.contacts.map((p) => p.name)]);
		expect(shape(later)).toEqual(shape(data));
	});

	it('has about 500 real cities in the proportions of the association', () => {
		expect(data.cities.length).toBeGreaterThanOrEqual(480);
		expect(new Set(data.cities.map((c) => c.key)).size).toBe(data.cities.length);
		expect(new Set(data.cities.map((c) => c.website)).size).toBe(data.cities.length);
		expect(new Set(data.cities.map((c) => c.countryCode)).size).toBeGreaterThanOrEqual(36);
		const region = (r: string) => (c: { countryCode: string }) => regionOf.get(c.countryCode) === r;
		expect(share(data.cities, region('europe'))).toBeGreaterThan(0.75);
		expect(share(data.cities, region('europe'))).toBeLessThan(0.85);
		expect(share(data.cities, region('latin-america-caribbean'))).toBeGreaterThan(0.09);
		expect(share(data.cities, region('latin-america-caribbean'))).toBeLessThan(0.15);
		expect(share(data.cities, region('asia-pacific'))).toBeGreaterThan(0.04);
		expect(share(data.cities, region('asia-pacific'))).toBeLessThan(0.08);
		expect(share(data.cities, region('africa'))).toBeGreaterThan(0.01);
		expect(share(data.cities, region('africa'))).toBeLessThan(0.04);
		const count = (code: string) => data.cities.filter((c) => c.countryCode === code).length;
		const largest = ['ES', 'PT', 'FR', 'IT'].map(count);
		for (const code of new Set(data.cities.map((c) => c.countryCode))) {
			if (!['ES', 'PT', 'FR', 'IT'].includes(code)) expect(count(code)).toBeLessThan(Math.min(...largest));
		}
		for (const name of ['Barcelona', 'Rosario', 'Lisbon', 'São Paulo', 'Changwon'])
			expect(data.cities.some((c) => c.name === name)).toBe(true);
	});

	it('gives every city valid fields and every member city a political and a technical contact', () => {
		for (const city of data.cities) {
			const parsed = createCitySchema.safeParse({ ...city, status: city.status });
			expect(parsed.success, `${city.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
			expect(city.languages.length).toBeGreaterThan(0);
			if (city.joinedOn) {
				expect(city.joinedOn >= '1990-11-30' && city.joinedOn <= '2025-12-31' && city.joinedOn <= today).toBe(true);
			}
			if (city.status === 'active') expect(city.contacts.map((c) => c.kind).sort()).toEqual(['political', 'technical']);
			for (const contact of city.contacts) {
				expect(contactSchema.safeParse(contact).success, `${contact.email}`).toBe(true);
				expect(contact.email.endsWith('.example.org')).toBe(true);
			}
		}
		const recent = data.cities.filter(
			(c) => c.governmentChangedOn && c.governmentChangedOn > '2024-06-15' && c.governmentChangedOn < today
		);
		expect(recent.length).toBeGreaterThan(20);
		const statuses = new Set(data.cities.map((c) => c.status));
		for (const status of ['active', 'candidate', 'suspended', 'withdrawn']) expect(statuses).toContain(status);
	});

	it('leaves only the cities chosen to be in arrears with a fee past due and unpaid, on any day of the year', () => {
		for (const day of [today, '2026-01-05', '2026-03-31', '2026-04-01', '2026-12-31']) {
			const plan = generateDemoData({ today: day, sourceCities });
			const year = Number(day.slice(0, 4));
			const payers = plan.cities.filter((c) => c.status === 'active');
			for (const city of payers) {
				const overdue = city.fees.filter((f) => f.dueOn < day && !f.paidInFull);
				expect(overdue.length > 0, `${city.name} on ${day}`).toBe(city.inArrears);
				for (const fee of city.fees) {
					expect(fee.year).toBeGreaterThanOrEqual(year - 2);
					expect(fee.dueOn).toBe(`${fee.year}-03-31`);
					for (const payment of fee.payments) expect(payment.paidOn <= day).toBe(true);
				}
			}
			const arrears = share(payers, (c) => c.inArrears);
			expect(arrears).toBeGreaterThanOrEqual(0.05);
			expect(arrears).toBeLessThanOrEqual(0.08);
		}
	});

	it('builds every network from its countries, with the thematic networks following their rules', () => {
		const byKey = new Map(data.cities.map((c) => [c.key, c]));
		expect(data.networks.map((n) => n.slug)).toEqual(networkDefinitions.map((n) => n.slug));
		for (const network of data.networks) {
			const definition = networkDefinitions.find((d) => d.slug === network.slug)!;
			const cities = network.members.map((m) => byKey.get(m.cityKey)!);
			expect(cities.every((c) => definition.countries.includes(c.countryCode) && c.status === 'active')).toBe(true);
			expect(network.members.filter((m) => m.role === 'coordinator')).toHaveLength(1);
			expect(network.members.filter((m) => m.role === 'co_coordinator').length).toBeGreaterThanOrEqual(1);
			for (const locale of ['es', 'en', 'fr', 'pt'] as const) {
				expect(network.name[locale].length).toBeGreaterThan(5);
				expect(network.description[locale].length).toBeGreaterThan(80);
			}
			if (network.kind === 'thematic') {
				expect(cities.length).toBeGreaterThanOrEqual(thematicNetworkRules.minCities);
				expect(new Set(cities.map((c) => c.countryCode)).size).toBeGreaterThanOrEqual(thematicNetworkRules.minCountries);
				expect(network.members.filter((m) => m.role === 'co_coordinator').length).toBeGreaterThanOrEqual(
					thematicNetworkRules.minCoCoordinators
				);
			}
		}
		const delegation = data.networks.find((n) => n.slug === 'latin-america-delegation')!;
		expect(delegation.kind).toBe('delegation');
		expect(delegation.members.find((m) => m.role === 'coordinator')!.cityKey).toBe(cityKey('AR', 'Rosario'));
		expect(data.networks.filter((n) => n.kind === 'territorial')).toHaveLength(9);
		expect(data.networks.filter((n) => n.kind === 'thematic')).toHaveLength(3);
	});
});

describeEachContext('demo seed', (getContext) => {
	it('loads the demo through the services, and a second run adds nothing', async () => {
		const context = getContext();
		const db = context.database.db;
		const first = await seedDemo(context, { today, sourceCities });

		// Cities and countries.
		const cities = await members.listAllCities(db, {});
		expect(cities.length).toBeGreaterThanOrEqual(480);
		expect(first.totals.cities).toBe(cities.length);
		expect(new Set(cities.map((c) => c.country_code)).size).toBeGreaterThanOrEqual(36);
		expect((await members.listCountries(db)).length).toBe(referenceCountries.length);
		const region = (r: string) => (c: { region: string }) => c.region === r;
		expect(share(cities, region('europe'))).toBeGreaterThan(0.75);
		expect(share(cities, region('europe'))).toBeLessThan(0.85);
		expect(share(cities, region('latin-america-caribbean'))).toBeGreaterThan(0.09);
		expect(share(cities, region('asia-pacific'))).toBeGreaterThan(0.04);
		expect(share(cities, region('africa'))).toBeGreaterThan(0.01);
		const barcelona = cities.find((c) => c.name === 'Barcelona' && c.country_code === 'ES')!;
		expect(barcelona).toMatchObject({ status: 'active', joined_on: '1990-11-30', languages: 'es,ca', subdivision: 'Cataluña' });

		// Every city was created, and every member admitted, through the audited service.
		const audit = await db.selectFrom('audit_entry').select(['action']).execute();
		expect(audit.filter((a) => a.action === 'city.create')).toHaveLength(cities.length);
		expect(audit.filter((a) => a.action === 'network.create')).toHaveLength(networkDefinitions.length);

		// Fees: the grid of 2020, three years for members, some in two instalments or through an intermediary.
		const grids = await members.listFeeGrids(db);
		expect(grids.map((g) => g.year)).toEqual([2020]);
		const payments = await db.selectFrom('fee_payment').select(['fee_id', 'method', 'intermediary']).execute();
		const intermediated = payments.filter((p) => p.method === 'local_intermediary');
		expect(intermediated.length).toBeGreaterThan(5);
		expect(intermediated.every((p) => !!p.intermediary)).toBe(true);
		const perFee = new Map<number, number>();
		for (const p of payments) perFee.set(p.fee_id, (perFee.get(p.fee_id) ?? 0) + 1);
		expect([...perFee.values()].filter((n) => n === 2).length).toBeGreaterThan(20);
		const lisbon = cities.find((c) => c.name === 'Lisbon')!;
		const lisbonRecord = await members.getCity(db, systemActor, lisbon.id);
		if (!lisbonRecord.ok) throw new Error('Lisbon not found');
		const lisbonFees = lisbonRecord.value.fees;
		expect(lisbonRecord.value.contacts.map((c) => c.kind)).toEqual(['political', 'technical']);
		expect(lisbonFees.map((f) => f.year).sort()).toEqual([2023, 2024, 2025].filter((y) => y >= Number(lisbon.joined_on!.slice(0, 4))));
		for (const fee of lisbonFees) {
			expect(fee.amount_cents).toBe((await members.expectedAnnualFee(db, lisbon.id, fee.year))!.cents);
			expect(fee.balance_cents).toBe(0);
		}

		// Arrears: some cities, each with a fee really past due and unpaid; no member up to date is flagged.
		const inArrears = cities.filter((c) => c.status === 'in_arrears');
		const memberCities = cities.filter((c) => c.status === 'active' || c.status === 'in_arrears');
		expect(inArrears.length / memberCities.length).toBeGreaterThanOrEqual(0.05);
		expect(inArrears.length / memberCities.length).toBeLessThanOrEqual(0.08);
		for (const city of memberCities) {
			expect(await members.isUpToDateWithFees(db, city.id, today), `${city.name} (${city.status})`).toBe(city.status === 'active');
		}
		expect(first.arrearsChanges).toBe(inArrears.length);

		// Networks.
		const networks = await listNetworks(db);
		expect(networks.map((n) => n.slug).sort()).toEqual(networkDefinitions.map((n) => n.slug).sort());
		const byId = new Map(cities.map((c) => [c.id, c]));
		for (const network of networks) {
			const definition = networkDefinitions.find((d) => d.slug === network.slug)!;
			expect(network.kind).toBe(definition.kind);
			const networkMembers = await listNetworkMembers(db, network.id);
			expect(networkMembers.every((m) => definition.countries.includes(m.country_code))).toBe(true);
			expect(networkMembers.filter((m) => m.role === 'coordinator')).toHaveLength(1);
			if (network.kind === 'thematic') {
				expect(networkMembers.length).toBeGreaterThanOrEqual(thematicNetworkRules.minCities);
				expect(new Set(networkMembers.map((m) => byId.get(m.id)!.country_code)).size).toBeGreaterThanOrEqual(
					thematicNetworkRules.minCountries
				);
				expect(networkMembers.filter((m) => m.role === 'co_coordinator').length).toBeGreaterThanOrEqual(
					thematicNetworkRules.minCoCoordinators
				);
			}
		}
		const delegation = networks.find((n) => n.slug === 'latin-america-delegation')!;
		expect((await listNetworkMembers(db, delegation.id)).find((m) => m.role === 'coordinator')!.name).toBe('Rosario');

		// One account per role, and the demo password signs in.
		expect(first.signIns.map((s) => s.email)).toEqual([
			'admin@demo.educatingcities.org',
			'secretariat@demo.educatingcities.org',
			'representative@demo.educatingcities.org',
			'technical@demo.educatingcities.org',
			'coordinator@demo.educatingcities.org',
			'coordinator2@demo.educatingcities.org',
			'juror@demo.educatingcities.org',
			'chair@demo.educatingcities.org'
		]);
		const roles = await db
			.selectFrom('role_assignment')
			.select(['role', 'city_id', 'network_id', 'representative_kind'])
			.orderBy('id')
			.execute();
		expect(roles.map((r) => r.role)).toEqual([
			'administrator',
			'secretariat',
			'city_representative',
			'city_representative',
			'network_coordinator',
			'network_coordinator',
			// The award's jury: five seats on the 2026 edition.
			'juror',
			'juror',
			'juror',
			'juror',
			'juror'
		]);
		expect(roles[2]).toMatchObject({ city_id: barcelona.id, representative_kind: 'political' });
		expect(roles[3]).toMatchObject({ city_id: lisbon.id, representative_kind: 'technical' });
		expect(networks.find((n) => n.id === roles[4].network_id)!.slug).toBe('portuguese-network');
		const signedIn = await signIn(
			context,
			{ email: 'representative@demo.educatingcities.org', password: demoPassword },
			{ ip: '127.0.0.1' }
		);
		expect(signedIn.ok).toBe(true);

		await checkAward(context, today);

		// Idempotent.
		const before = await countRows(db, everyTable);
		const second = await seedDemo(context, { today, sourceCities });
		expect(second.created).toEqual({
			countries: 0,
			feeGrids: 0,
			cities: 0,
			contacts: 0,
			fees: 0,
			payments: 0,
			networks: 0,
			memberships: 0
		});
		expect(second.arrearsChanges).toBe(0);
		expect(second.award).toEqual({ history: 0, candidacies: 0, jurors: 0, conflicts: 0, reviews: 0, submittedReviews: 0, shortlisted: 0 });
		expect(await countRows(db, everyTable)).toEqual(before);
	}, 300_000);
});

/** The award in the demo: the 2026 edition being judged, with the earlier editions as history. */
async function checkAward(context: TestContext, today: string) {
	const db = context.database.db;
	const editions = await listEditions(db);
	expect(editions.map((e) => [e.year, e.status])).toEqual([
		[2026, 'announced'],
		[2024, 'history'],
		[2022, 'history'],
		[2020, 'history'],
		[2018, 'history'],
		[2016, 'history']
	]);
	const edition = (await findEditionByYear(db, 2026))!;
	expect(edition.criteria).toHaveLength(6);
	expect(edition.texts.en?.theme).toBe('Education as a Source of Inclusion and Social Cohesion');
	expect(edition.rulesDocument).not.toBeNull();
	expect(edition.resultsPublishedAt).toBeNull();
	// Loaded in late 2026: the deadline has passed and nothing is published, so the jury is at work.
	expect(editionPhase(edition, new Date('2026-11-24T12:00:00Z'))).toBe('judging');
	const cities = await members.listAllCities(db, {});
	const cityId = (name: string) => cities.find((c) => c.name === name)!.id;
	expect(edition.congressHostCityId).toBe(cityId('Granollers'));
	expect(edition.previousWinnerCityIds).toEqual([cityId('Mexico City'), cityId('Odivelas'), cityId('Santo André')]);

	// About 60 candidacies, in several languages, each from a city that passes every rule.
	const candidacies = await listCandidacies(db, edition.id);
	expect(candidacies.length).toBeGreaterThanOrEqual(55);
	expect(candidacies.length).toBeLessThanOrEqual(65);
	expect(new Set(candidacies.map((c) => c.originalLanguage)).size).toBeGreaterThanOrEqual(3);
	const byStatus = (status: string) => candidacies.filter((c) => c.status === status);
	expect(byStatus('admitted').length).toBeGreaterThanOrEqual(50);
	expect(byStatus('rejected').every((c) => !!c.statusReason)).toBe(true);
	expect(byStatus('rejected').length).toBeGreaterThan(0);
	expect(byStatus('submitted').length).toBeGreaterThan(0);
	for (const candidacy of candidacies) {
		const checks = await checkAwardEligibility(db, edition, candidacy.city.id, {
			experienceStartDate: candidacy.facts.startDate,
			excludeCandidacyId: candidacy.id,
			today
		});
		expect(
			checks.filter((c) => !c.ok),
			candidacy.city.name
		).toEqual([]);
		expect(candidacy.texts[candidacy.originalLanguage]?.title).toBeTruthy();
		expect(Object.keys(candidacy.answers).sort()).toEqual(edition.questions.map((q) => q.code).sort());
		expect(candidacy.submittedAt! < '2025-10-15T22:00:00.000Z').toBe(true);
	}
	const letters = createFileStore(path.join(context.config.dataDir, 'uploads'));
	const rows = await db.selectFrom('award_candidacy').select(['support_letter_key']).execute();
	for (const row of rows) expect(letters.resolve(row.support_letter_key!)).not.toBeNull();
	const events = await db.selectFrom('award_candidacy_event').select(['candidacy_id', 'action']).execute();
	for (const candidacy of candidacies) {
		const trail = events.filter((e) => e.candidacy_id === candidacy.id).map((e) => e.action);
		expect(trail.slice(0, 1).concat(trail.slice(-1)), candidacy.city.name).toEqual([
			'create',
			{ admitted: 'admit', rejected: 'reject', submitted: 'submit' }[candidacy.status as string]
		]);
	}

	// Five jurors, one chair, two of them for Executive Committee cities, each with the juror grant.
	const jurors = await listJurors(db, edition.id);
	expect(jurors).toHaveLength(5);
	expect(jurors.filter((j) => j.isChair).map((j) => j.email)).toEqual([demoChairEmail]);
	expect(jurors.filter((j) => j.city)).toHaveLength(2);
	const grants = await db
		.selectFrom('role_assignment')
		.select(['user_id'])
		.where('role', '=', 'juror')
		.where('award_edition_id', '=', edition.id)
		.execute();
	expect(grants.map((g) => g.user_id).sort()).toEqual(jurors.map((j) => j.userId).sort());
	const juryCities = new Set(jurors.flatMap((j) => (j.city ? [j.city.id] : [])));
	expect(candidacies.some((c) => juryCities.has(c.city.id))).toBe(false);

	// Reviews: none on a pair kept apart by a conflict; most submitted; the chair done; the demo juror not.
	const conflicts = await listConflicts(db, edition.id);
	expect(conflicts.some((c) => c.origin === 'same_country' || c.origin === 'shared_network')).toBe(true);
	expect(
		conflicts
			.filter((c) => c.decidedAt)
			.map((c) => c.status)
			.sort()
	).toEqual(['cleared', 'excluded']);
	const blocked = blockedPairs(conflicts);
	const reviews = await listReviews(db, edition.id);
	const admitted = new Set(byStatus('admitted').map((c) => c.id));
	for (const review of reviews) {
		expect(blocked.has(`${review.jurorId}:${review.candidacyId}`)).toBe(false);
		expect(admitted.has(review.candidacyId)).toBe(true);
	}
	for (const juror of jurors)
		for (const id of admitted)
			expect(reviews.some((r) => r.jurorId === juror.id && r.candidacyId === id)).toBe(!blocked.has(`${juror.id}:${id}`));
	const submitted = reviews.filter((r) => r.status === 'submitted');
	expect(submitted.length / reviews.length).toBeGreaterThan(0.8);
	for (const review of submitted)
		for (const criterion of edition.criteria) {
			const score = review.scores[criterion.code];
			expect(score.score! >= edition.scaleMin && score.score! <= edition.scaleMax && score.comment.length > 10).toBe(true);
		}
	const chair = jurors.find((j) => j.isChair)!;
	expect(reviews.filter((r) => r.jurorId === chair.id).every((r) => r.status === 'submitted')).toBe(true);
	const demoJuror = jurors.find((j) => j.email === demoJurorEmail)!;
	expect(demoJuror.locale).toBe('fr');
	expect(reviews.filter((r) => r.jurorId === demoJuror.id && r.status === 'assigned').length).toBeGreaterThanOrEqual(5);

	// One closed round: the shortlist, with the minutes the chair approved.
	const rounds = await listRounds(db, edition.id);
	expect(rounds).toHaveLength(1);
	expect(rounds[0]).toMatchObject({ number: 1, kind: 'shortlist', status: 'closed' });
	expect(rounds[0].minutesApprovedAt).not.toBeNull();
	expect(rounds[0].minutes).toContain(chair.name);
	expect(rounds[0].closedByLabel).toContain(chair.name);
	expect(rounds[0].decisions.length).toBeGreaterThanOrEqual(10);
	expect(rounds[0].decisions.every((d) => d.outcome === 'shortlisted' && admitted.has(d.candidacyId!))).toBe(true);

	// The chair signs in with the demo password.
	expect((await signIn(context, { email: demoChairEmail, password: demoPassword }, { ip: '127.0.0.1' })).ok).toBe(true);
}
