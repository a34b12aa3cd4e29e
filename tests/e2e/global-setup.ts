// Prepares the data directory the e2e server runs on: a fresh SQLite database, migrated, with the
// demo data loaded, and the few records the journeys rely on.
//
// Playwright starts its webServer *before* the config's globalSetup, so this file is run as the first
// step of the webServer command (`node tests/e2e/global-setup.ts && node scripts/start.ts`), which
// guarantees the server never sees a half-seeded database. It runs under plain Node 24.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../src/lib/server/config.ts';
import { createAppContext, type AppContext } from '../../src/lib/server/context.ts';
import { migrateToLatest } from '../../src/lib/server/db/index.ts';
import { todayIso } from '../../src/lib/server/core/clock.ts';
import * as members from '../../src/lib/server/members/index.ts';
import * as award from '../../src/lib/server/award/index.ts';
import * as experiences from '../../src/lib/server/experiences/index.ts';
import { representedCityIds, systemActor, type Actor } from '../../src/lib/server/core/access.ts';
import { demoAccounts } from './support/accounts.ts';
import { e2eFixtures, fixturesFile, type AwardE2eFixtures, type E2eFixtures } from './support/fixtures.ts';

type SeedDemo = (context: AppContext, options: { today: string }) => Promise<unknown>;

const seedModule = path.join(import.meta.dirname, '..', '..', 'src', 'lib', 'server', 'demo', 'seed.ts');

async function loadSeedDemo(): Promise<SeedDemo | undefined> {
	if (!fs.existsSync(seedModule)) return undefined;
	const module = (await import(pathToFileURL(seedModule).href)) as { seedDemo?: SeedDemo };
	if (typeof module.seedDemo !== 'function') throw new Error(`${seedModule} does not export seedDemo(context, { today })`);
	return module.seedDemo;
}

/** Without the demo seeder, just enough members data for the visitor journeys. */
async function seedMinimal(context: AppContext): Promise<void> {
	const db = context.database.db;
	for (const [code, region, group] of [
		['ES', 'europe', 'IV'],
		['CH', 'europe', 'IV'],
		['FR', 'europe', 'IV'],
		['AR', 'latin-america-caribbean', 'III']
	] as const) {
		await members.upsertCountry(db, code, region, group);
	}
	for (const [name, countryCode, population, latitude, longitude] of [
		['Barcelona', 'ES', 1_620_000, 41.39, 2.17],
		['Zürich', 'CH', 421_000, 47.37, 8.54],
		['Besançon', 'FR', 116_000, 47.24, 6.02],
		['Rosario', 'AR', 1_280_000, -32.95, -60.65]
	] as const) {
		const result = await members.createCity(db, systemActor, {
			name,
			countryCode,
			population,
			latitude,
			longitude,
			languages: 'es',
			joinedOn: '2004-11-30',
			status: 'active'
		});
		if (!result.ok) throw new Error(`minimal seed: ${name}: ${result.code}`);
	}
}

/** The journeys search for São Paulo by typing "sao paulo": make sure it is there, whatever the seed. */
async function ensureFixtures(context: AppContext): Promise<E2eFixtures> {
	const db = context.database.db;
	const found = await members.listCities(db, { q: e2eFixtures.accentedCity.query, country: e2eFixtures.accentedCity.countryCode });
	if (!found.ok) throw new Error(`listing cities failed: ${found.code}`);
	let city = found.value.items.find((c) => c.name === e2eFixtures.accentedCity.name);
	if (!city) {
		const countries = await members.listCountries(db);
		if (!countries.some((c) => c.code === e2eFixtures.accentedCity.countryCode)) {
			await members.upsertCountry(db, e2eFixtures.accentedCity.countryCode, 'latin-america-caribbean', 'III');
		}
		const created = await members.createCity(db, systemActor, {
			name: e2eFixtures.accentedCity.name,
			countryCode: e2eFixtures.accentedCity.countryCode,
			population: 11_451_999,
			latitude: -23.55,
			longitude: -46.63,
			languages: 'pt',
			joinedOn: '1994-11-30',
			status: 'active'
		});
		if (!created.ok) throw new Error(`creating ${e2eFixtures.accentedCity.name} failed: ${created.code}`);
		city = (await members.findCityById(db, created.value.id))!;
	}
	return { ...e2eFixtures, accentedCity: { ...e2eFixtures.accentedCity, id: city.id } };
}

// ---------------------------------------------------------------------------------------------------
// The award (award-city.e2e.ts, award-juror.e2e.ts)

/** The open call of the journeys: far from the demo's 2026 edition, open from 2020 to the end of 2099. */
const awardCallYear = 2028;
const awardCallThemes = {
	es: 'Aprender juntos en la ciudad (convocatoria de las pruebas)',
	en: 'Learning Together in the City (test call)',
	fr: 'Apprendre ensemble dans la ville (appel des tests)',
	pt: 'Aprender juntos na cidade (concurso dos testes)'
} as const;

/** A demo account as the services see it, with its city representative grants (what the session would load). */
async function representativeActor(db: AppContext['database']['db'], email: string): Promise<Actor> {
	const rows = await db
		.selectFrom('auth_user as u')
		.innerJoin('role_assignment as r', 'r.user_id', 'u.id')
		.select(['u.id', 'u.email', 'u.name', 'r.city_id', 'r.representative_kind'])
		.where('u.email', '=', email)
		.where('r.role', '=', 'city_representative')
		.execute();
	if (!rows.length) throw new Error(`award fixtures: ${email} represents no city`);
	return {
		userId: rows[0].id,
		email: rows[0].email,
		name: rows[0].name,
		locale: null,
		roles: rows.map((r) => ({
			role: 'city_representative' as const,
			cityId: Number(r.city_id),
			kind: r.representative_kind === 'political' ? ('political' as const) : ('technical' as const)
		}))
	};
}

/**
 * An open award call for the city journeys (Barcelona eligible, Lisbon a previous winner), and what the
 * demo juror has to score on the demo's 2026 edition. Fails loudly when the demo data no longer allows it.
 */
async function ensureAwardFixtures(context: AppContext, today: string): Promise<AwardE2eFixtures> {
	const db = context.database.db;
	const representative = await representativeActor(db, demoAccounts.representative);
	const technical = await representativeActor(db, demoAccounts.technical);
	const cityNamed = async (actor: Actor, name: string) => {
		for (const id of representedCityIds(actor)) if ((await members.findCityById(db, id))?.name === name) return id;
		throw new Error(`award fixtures: ${actor.email} does not represent ${name}`);
	};
	const barcelonaId = await cityNamed(representative, 'Barcelona');
	const lisbonId = await cityNamed(technical, 'Lisbon');
	const judged = await award.findEditionByYear(db, 2026);
	if (!judged) throw new Error('award fixtures: the demo has no 2026 edition');

	if (!(await award.findEditionByYear(db, awardCallYear))) {
		const created = await award.createAwardEdition(db, systemActor, {
			year: awardCallYear,
			status: 'announced',
			texts: Object.fromEntries(
				(['es', 'en', 'fr', 'pt'] as const).map((l) => [
					l,
					{ theme: awardCallThemes[l], description: judged.texts[l]?.description ?? '', ceremony: '' }
				])
			),
			focusAreas: judged.focusAreas,
			criteria: judged.criteria,
			questions: judged.questions,
			scaleMin: judged.scaleMin,
			scaleMax: judged.scaleMax,
			opensOn: '2020-01-01',
			deadline: '2099-12-31T23:59',
			timeZone: 'Europe/Madrid',
			initiativeStartedBefore: '2027-01-01',
			maxCandidaciesPerCity: 2,
			prizes: 3,
			specialMentions: 2,
			mayDeclareVoid: true,
			blindReview: false,
			jurorsSeeOtherScores: true,
			shareFeedback: true,
			previousWinnerCityIds: [lisbonId]
		});
		if (!created.ok) throw new Error(`award fixtures: creating the ${awardCallYear} call failed: ${JSON.stringify(created)}`);
	}
	const call = (await award.findEditionByYear(db, awardCallYear))!;

	// Barcelona must be able to apply today with one of its experiences; Lisbon must not, for the known reason.
	const choices = await award.listAwardCandidacyChoices({ db }, representative, awardCallYear, barcelonaId);
	if (!choices.ok) throw new Error(`award fixtures: Barcelona's choices: ${choices.code}`);
	if (choices.value.phase !== 'open') throw new Error(`award fixtures: the ${awardCallYear} call is ${choices.value.phase}, not open`);
	if (!choices.value.eligible)
		throw new Error(`award fixtures: Barcelona is not eligible: ${JSON.stringify(choices.value.checks.filter((c) => !c.ok))}`);
	// A published experience with the texts a candidacy needs in its original language, so that the journey
	// only has to add what the call itself asks for.
	let experience: AwardE2eFixtures['barcelonaExperience'] | undefined;
	for (const choice of choices.value.experiences) {
		if (choice.problem || choice.status !== 'published' || !choice.title) continue;
		const record = await experiences.getPublishedExperience(db, choice.id);
		const texts = record.ok ? record.value.record.texts[record.value.record.originalLanguage] : undefined;
		if (!texts?.title || !texts.summary || !texts.description) continue;
		if (choices.value.experiences.filter((e) => e.title === choice.title).length > 1) continue;
		experience = { id: choice.id, title: choice.title, originalLanguage: choice.originalLanguage };
		break;
	}
	if (!experience) throw new Error('award fixtures: Barcelona has no complete published experience to apply with');
	const lisbon = await award.checkAwardEligibility(db, call, lisbonId, { today });
	const lisbonFailed = lisbon.filter((c) => !c.ok).map((c) => c.rule);
	if (lisbonFailed.join() !== 'not_previous_winner')
		throw new Error(`award fixtures: Lisbon should fail only not_previous_winner, fails ${lisbonFailed.join() || 'nothing'}`);

	// The demo juror's work on the 2026 edition: untouched assignments another juror has already scored.
	const user = await db.selectFrom('auth_user').select('id').where('email', '=', demoAccounts.juror).executeTakeFirst();
	const seat = user && (await award.findJurorOfUser(db, judged.id, user.id));
	if (!seat) throw new Error(`award fixtures: ${demoAccounts.juror} has no seat on the 2026 jury`);
	const [reviews, conflicts, admitted] = await Promise.all([
		award.listReviews(db, judged.id),
		award.listConflicts(db, judged.id),
		award.listCandidacies(db, judged.id, { statuses: ['admitted'] })
	]);
	const blocked = award.blockedPairs(conflicts);
	const admittedIds = new Set(admitted.map((c) => c.id));
	const mine = reviews.filter((r) => r.jurorId === seat.id);
	const names = new Map((await award.listJurors(db, judged.id)).map((j) => [j.id, j.name]));
	const scoredByOthers = (candidacyId: number) =>
		reviews
			.filter(
				(r) =>
					r.candidacyId === candidacyId && r.jurorId !== seat.id && r.status === 'submitted' && !blocked.has(`${r.jurorId}:${candidacyId}`)
			)
			.map((r) => names.get(r.jurorId) ?? '');
	const toScore = mine
		.filter((r) => r.status === 'assigned' && admittedIds.has(r.candidacyId) && !blocked.has(`${seat.id}:${r.candidacyId}`))
		.map((r) => ({ id: r.candidacyId, others: scoredByOthers(r.candidacyId) }))
		.filter((c) => c.others.length > 0)
		.slice(0, 3);
	if (toScore.length < 3)
		throw new Error(`award fixtures: the demo juror has only ${toScore.length} untouched candidacies scored by others`);
	// A candidacy of the edition that is not on the juror's list: kept from them by a conflict of interest
	// if there is one, or else one that was not admitted (jurors only ever see admitted ones).
	const onList = new Set(
		mine.filter((r) => admittedIds.has(r.candidacyId) && !blocked.has(`${seat.id}:${r.candidacyId}`)).map((r) => r.candidacyId)
	);
	const everyone = await award.listCandidacies(db, judged.id);
	const offList = everyone.filter((c) => !onList.has(c.id));
	const notAssigned = (offList.find((c) => admittedIds.has(c.id)) ?? offList[0])?.id;
	if (!notAssigned) throw new Error('award fixtures: every 2026 candidacy is on the demo juror’s list');

	return {
		call: { year: awardCallYear, themes: { ...awardCallThemes } },
		barcelonaId,
		barcelonaExperience: experience,
		lisbonId,
		jury: { year: judged.year, toScore, notAssigned }
	};
}

export async function prepareE2eData(dataDir: string): Promise<E2eFixtures> {
	fs.rmSync(dataDir, { recursive: true, force: true });
	fs.mkdirSync(dataDir, { recursive: true });
	const started = Date.now();
	// DATABASE_URL is ignored on purpose: the e2e server always runs on its own SQLite file.
	const context = createAppContext({ ...loadConfig({ ...process.env, DATA_DIR: dataDir }), databaseUrl: undefined });
	try {
		await migrateToLatest(context.database.db);
		const seedDemo = await loadSeedDemo();
		if (seedDemo) await seedDemo(context, { today: todayIso() });
		else {
			console.warn(`[e2e] ${path.relative(process.cwd(), seedModule)} not found: loading the minimal members seed instead`);
			await seedMinimal(context);
		}
		const fixtures = await ensureFixtures(context);
		if (seedDemo) fixtures.award = await ensureAwardFixtures(context, todayIso());
		fs.writeFileSync(fixturesFile(dataDir), JSON.stringify(fixtures, null, 2));
		console.log(`[e2e] data ready in ${dataDir} (${seedDemo ? 'demo seed' : 'minimal seed'}, ${Date.now() - started} ms)`);
		return fixtures;
	} finally {
		await context.database.close();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const dataDir = process.env.DATA_DIR;
	if (!dataDir) {
		console.error('DATA_DIR must name the directory to prepare');
		process.exit(2);
	}
	await prepareE2eData(path.resolve(dataDir));
}
