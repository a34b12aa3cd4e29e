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
import { systemActor } from '../../src/lib/server/core/access.ts';
import { todayIso } from '../../src/lib/server/core/clock.ts';
import * as members from '../../src/lib/server/members/index.ts';
import { e2eFixtures, fixturesFile, type E2eFixtures } from './support/fixtures.ts';

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
