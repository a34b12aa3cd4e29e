// npm run bench: load the demo data into a scratch database, start the built server and measure
// pages and API requests with autocannon against a bare framework page measured in the same run.
// The experiences scenario then adds 100,000 published experiences (the demo's generator, through
// the bulk loader), reports how long that takes, and measures the bank's search, API and
// visualisation on them. The award scenario times the jury's results (normalisation and ranking) for
// 1,000 candidacies × 15 jurors × 6 criteria, on its own and end to end through the service on SQLite
// (and on the PostgreSQL server given with --database); it needs neither the build nor the server.
//
// Usage: node scripts/bench.ts [--scenario all|cities|experiences|award] [--records 100000] [--duration 10]
//   [--connections 50] [--database postgres://user:pass@host:5432/any] [--port 4700]
// With --database, a scratch database is created on that server and dropped at the end.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { databaseConfigFromEnv, migrateToLatest, openDatabase, type Db } from '../src/lib/server/db/index.ts';
import { listAllCities } from '../src/lib/server/members/index.ts';
import { loadPublishedExperiences, searchExperiences } from '../src/lib/server/experiences/index.ts';
import { generateExperiences } from '../src/lib/server/demo/experiences-data.ts';
import { systemActor } from '../src/lib/server/core/access.ts';
import { nowIso } from '../src/lib/server/core/clock.ts';
import { computeAwardResults, getAwardResults, type AwardResultsInput } from '../src/lib/server/award/index.ts';
import { createTestCity } from '../src/lib/server/testing/factories.ts';
import { createPublishedExperience, prepareExperiences } from '../src/lib/server/testing/experience-factories.ts';
import { createTestCandidacy, createTestEdition, createTestJuror, testCriteria } from '../src/lib/server/testing/award-factories.ts';

const root = path.join(import.meta.dirname, '..');
const { values: args } = parseArgs({
	options: {
		scenario: { type: 'string', default: 'all' },
		records: { type: 'string', default: '100000' },
		duration: { type: 'string', default: '10' },
		connections: { type: 'string', default: '50' },
		database: { type: 'string' },
		port: { type: 'string', default: '4700' }
	}
});
if (!['all', 'cities', 'experiences', 'award'].includes(args.scenario))
	throw new Error('--scenario must be all, cities, experiences or award');
const runCities = args.scenario === 'all' || args.scenario === 'cities';
const runExperiences = args.scenario === 'all' || args.scenario === 'experiences';
const runAward = args.scenario === 'all' || args.scenario === 'award';
const needsServer = runCities || runExperiences;
const records = Number(args.records);
const duration = Number(args.duration);
const connections = Number(args.connections);
const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;

if (needsServer && !fs.existsSync(path.join(root, 'build', 'index.js'))) {
	console.log('Building…');
	execFileSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build'], { cwd: root, stdio: 'inherit' });
}

// A scratch database on the PostgreSQL server given, dropped at the end; SQLite lives in the temporary DATA_DIR.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-bench-'));
let scratchDatabase: { serverUrl: string; name: string; url: string } | undefined;
if (args.database) {
	const name = `ec_bench_${Date.now().toString(36)}_${process.pid}`;
	const url = new URL(args.database);
	url.pathname = `/${name}`;
	scratchDatabase = { serverUrl: args.database, name, url: url.toString() };
	await withServer(args.database, (client) => client.query(`create database "${name}"`));
}
const env = {
	...process.env,
	DATA_DIR: dataDir,
	PORT: String(port),
	HOST: '127.0.0.1',
	LOG_LEVEL: 'warn',
	...(scratchDatabase ? { DATABASE_URL: scratchDatabase.url } : {})
};

async function withServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

let server: ReturnType<typeof spawn> | undefined;
const stop = () => server?.kill('SIGTERM');
process.on('exit', stop);

async function cleanUp() {
	fs.rmSync(dataDir, { recursive: true, force: true });
	if (scratchDatabase) {
		const { serverUrl, name } = scratchDatabase;
		await withServer(serverUrl, (client) => client.query(`drop database if exists "${name}"`));
	}
}

async function startServer(extraEnv: Record<string, string>) {
	server = spawn(process.execPath, [path.join(root, 'scripts', 'start.ts')], {
		cwd: root,
		env: { ...env, ...extraEnv },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	return waitForServer();
}

async function stopServer() {
	const running = server;
	if (!running || running.exitCode !== null || running.signalCode !== null) return;
	const exited = new Promise((resolve) => running.once('exit', resolve));
	running.kill('SIGTERM');
	await exited;
	server = undefined;
}

async function waitForServer() {
	for (let i = 0; i < 300; i++) {
		try {
			const response = await fetch(`${base}/healthz`);
			if (response.ok) return (await response.json()) as { database: string };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('server did not start');
}

interface Measurement {
	name: string;
	path: string;
	requestsPerSecond: number;
	p50: number;
	p99: number;
	errors: number;
	non2xx: number;
}

/** Measures one URL, or a list of URLs taken in turn (so that no two requests in a row are the same). */
async function measure(name: string, urlPath: string | string[]): Promise<Measurement> {
	const paths = Array.isArray(urlPath) ? urlPath : [urlPath];
	let turn = 0;
	const requests: autocannon.Request[] | undefined =
		paths.length > 1 ? [{ setupRequest: (request) => ({ ...request, path: paths[turn++ % paths.length] }) }] : undefined;
	// A short warm-up so that first-request compilation and caches do not count.
	await autocannon({ url: base + paths[0], connections: 10, duration: 2, requests });
	const result = await autocannon({ url: base + paths[0], connections, duration, requests });
	await drain();
	return {
		name,
		path: paths.length > 1 ? `${paths[0]} … (${paths.length} different)` : paths[0],
		requestsPerSecond: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors,
		non2xx: result.non2xx
	};
}

/**
 * Waits until the server answers promptly again: requests that autocannon gave up on are still being
 * served, and would otherwise slow down the next measurement.
 */
async function drain() {
	let prompt = 0;
	for (let i = 0; i < 600 && prompt < 3; i++) {
		const started = performance.now();
		await fetch(`${base}/healthz`);
		prompt = performance.now() - started < 50 ? prompt + 1 : 0;
		await new Promise((r) => setTimeout(r, 100));
	}
}

async function gzippedJavaScriptOf(urlPath: string): Promise<number> {
	const html = await (await fetch(base + urlPath)).text();
	const scripts = new Set<string>();
	for (const match of html.matchAll(/(?:src|href)="([^"]+\.js)"/g)) scripts.add(match[1]);
	for (const match of html.matchAll(/import\("([^"]+\.js)"\)/g)) scripts.add(match[1]);
	let total = 0;
	for (const src of scripts) {
		const body = Buffer.from(await (await fetch(new URL(src, base + urlPath))).arrayBuffer());
		total += zlib.gzipSync(body, { level: 9 }).length;
	}
	return total;
}

const row = (r: Measurement, baseline: number) =>
	`| ${r.name} \`${r.path}\` | ${r.requestsPerSecond} | ${Math.round((r.requestsPerSecond / baseline) * 100)}% | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`;
const tableHead = ['| request | req/s | share of baseline | p50 ms | p99 ms | errors | non-2xx |', '|---|---:|---:|---:|---:|---:|---:|'];
const machine = () =>
	`${connections} connections, ${duration} s per run, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; load average ${os
		.loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')} at the end`;
const everything: Measurement[] = [];
const report: string[] = [];

/** Runs the same list as deployed (page cache on) and rendered for every request (cache off). */
async function measureBoth(
	cached: [string, string | string[]][],
	uncached: [string, string | string[]][]
): Promise<{ database: string; cached: Measurement[]; uncached: Measurement[] }> {
	// As deployed: the public page cache on (a few seconds, emptied by every change).
	const health = await startServer({});
	const withCache: Measurement[] = [await measure('baseline (bare framework page)', '/baseline')];
	for (const [name, urlPath] of cached) withCache.push(await measure(name, urlPath));
	await stopServer();
	// The same pages rendered for every request (as a signed-in person always gets them).
	await startServer({ PUBLIC_PAGE_CACHE_SECONDS: '0' });
	const withoutCache: Measurement[] = [await measure('baseline (bare framework page)', '/baseline')];
	for (const [name, urlPath] of uncached) withoutCache.push(await measure(`${name}, no page cache`, urlPath));
	await stopServer();
	everything.push(...withCache, ...withoutCache);
	return { database: health.database, cached: withCache, uncached: withoutCache };
}

// ---------------------------------------------------------------------------------------------------
// Award: the jury's results

/** A small, fast, seeded generator (mulberry32), so that every run scores the same way. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const awardSize = { candidacies: 1000, jurors: 15 };

/**
 * Every juror scores every candidacy on the six criteria of the 2026 call (1–10): a candidacy has a
 * quality, each juror a severity, each score some noise, so that normalisation has work to do.
 */
function awardScores(): { jurorIndex: number; candidacyIndex: number; scores: Record<string, number> }[] {
	const random = seededRandom(2026);
	const quality = Array.from({ length: awardSize.candidacies }, () => 3 + random() * 6);
	const severity = Array.from({ length: awardSize.jurors }, () => (random() - 0.5) * 3);
	const out = [];
	for (let c = 0; c < awardSize.candidacies; c++)
		for (let j = 0; j < awardSize.jurors; j++) {
			const scores: Record<string, number> = {};
			for (const criterion of testCriteria)
				scores[criterion.code] = Math.min(10, Math.max(1, Math.round(quality[c] + severity[j] + (random() - 0.5) * 3)));
			out.push({ jurorIndex: j, candidacyIndex: c, scores });
		}
	return out;
}

function timings(samples: number[]): { median: number; p95: number } {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
	return { median: at(0.5), p95: at(0.95) };
}

async function timeRuns(runs: number, warmUp: number, work: () => unknown | Promise<unknown>): Promise<{ median: number; p95: number }> {
	for (let i = 0; i < warmUp; i++) await work();
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await work();
		samples.push(performance.now() - started);
	}
	return timings(samples);
}

/** Loads one edition with the generated scores (all submitted) into a migrated database; returns its year. */
async function loadAwardBenchEdition(db: Db, generated: ReturnType<typeof awardScores>): Promise<number> {
	await prepareExperiences(db);
	const edition = await createTestEdition(db, { deadline: '2020-06-30T23:59' });
	const cityId = await createTestCity(db, { name: `Award bench city ${edition.year}`, countryCode: 'ES' });
	const experienceId = await createPublishedExperience(db, cityId);
	const jurorIds: number[] = [];
	for (let j = 0; j < awardSize.jurors; j++)
		jurorIds.push((await createTestJuror(db, edition.id, { name: `Bench juror ${j + 1}` })).jurorId);
	const candidacyIds: number[] = [];
	for (let c = 0; c < awardSize.candidacies; c++)
		candidacyIds.push(
			await createTestCandidacy(db, edition.id, cityId, { status: 'admitted', experienceId, title: `Bench candidacy ${c + 1}` })
		);
	const now = nowIso();
	const rows = generated.map((r) => ({
		edition_id: edition.id,
		juror_id: jurorIds[r.jurorIndex],
		candidacy_id: candidacyIds[r.candidacyIndex],
		status: 'submitted',
		scores: JSON.stringify(
			Object.fromEntries(Object.entries(r.scores).map(([code, score]) => [code, { score, comment: 'Scored for the benchmark.' }]))
		),
		created_at: now,
		updated_at: now,
		submitted_at: now
	}));
	await db.transaction().execute(async (trx) => {
		for (let i = 0; i < rows.length; i += 500)
			await trx
				.insertInto('award_review')
				.values(rows.slice(i, i + 500))
				.execute();
	});
	return edition.year;
}

async function benchAward(): Promise<string[]> {
	const generated = awardScores();
	const input: AwardResultsInput = {
		criteria: testCriteria,
		scaleMin: 1,
		scaleMax: 10,
		candidacyIds: Array.from({ length: awardSize.candidacies }, (_, i) => i + 1),
		reviews: generated.map((r) => ({ jurorId: r.jurorIndex + 1, candidacyId: r.candidacyIndex + 1, scores: r.scores }))
	};
	const runs = 20;
	const pure = await timeRuns(runs, 3, () => computeAwardResults(input));
	const lines = [
		`## Award results (${awardSize.candidacies.toLocaleString('en')} candidacies × ${awardSize.jurors} jurors × ${testCriteria.length} criteria)`,
		'',
		`${input.reviews.length.toLocaleString('en')} submitted reviews with seeded random scores (every juror scores every candidacy); ${runs} timed runs after 3 warm-up runs. Target: under 200 ms. ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.`,
		'',
		'| what | median ms | p95 ms |',
		'|---|---:|---:|',
		`| \`computeAwardResults\` (weighted totals, per-juror z-scores, ranking with ties) | ${pure.median.toFixed(1)} | ${pure.p95.toFixed(1)} |`
	];
	console.log(`computeAwardResults: median ${pure.median.toFixed(1)} ms, p95 ${pure.p95.toFixed(1)} ms`);
	const targets: { label: string; open: () => Promise<{ db: Db; close: () => Promise<void> }> }[] = [
		{
			label: 'SQLite',
			open: async () => {
				const handle = openDatabase({ sqliteFile: path.join(dataDir, 'award-bench.sqlite') });
				await migrateToLatest(handle.db);
				return handle;
			}
		}
	];
	if (scratchDatabase) {
		const url = scratchDatabase.url;
		targets.push({
			label: 'PostgreSQL',
			open: async () => {
				const handle = openDatabase({ databaseUrl: url });
				await migrateToLatest(handle.db);
				return handle;
			}
		});
	}
	for (const target of targets) {
		const handle = await target.open();
		try {
			const started = performance.now();
			const year = await loadAwardBenchEdition(handle.db, generated);
			const loadSeconds = (performance.now() - started) / 1000;
			const check = await getAwardResults(handle.db, systemActor, year);
			if (!check.ok || check.value.rows.length !== awardSize.candidacies) throw new Error('getAwardResults did not rank the bench edition');
			const endToEnd = await timeRuns(runs, 3, () => getAwardResults(handle.db, systemActor, year));
			console.log(`getAwardResults on ${target.label}: median ${endToEnd.median.toFixed(1)} ms, p95 ${endToEnd.p95.toFixed(1)} ms`);
			lines.push(
				`| \`getAwardResults\` end to end on ${target.label} (edition, jurors, conflicts, ${input.reviews.length.toLocaleString('en')} reviews read and parsed, then computed; loaded in ${loadSeconds.toFixed(1)} s) | ${endToEnd.median.toFixed(1)} | ${endToEnd.p95.toFixed(1)} |`
			);
		} finally {
			await handle.close();
		}
	}
	lines.push('');
	return lines;
}

try {
	if (needsServer) {
		console.log(`Seeding demo data into ${scratchDatabase ? `PostgreSQL ${scratchDatabase.name}` : dataDir}…`);
		execFileSync(process.execPath, [path.join(root, 'scripts', 'demo.ts'), '--seed-only'], { cwd: root, env, stdio: 'inherit' });
	}

	if (runCities) {
		const cities: [string, string][] = [
			['city list page', '/en/cities'],
			['city list page, search', '/en/cities?q=san'],
			['cities API, search', '/api/v1/cities?q=san'],
			['cities API, filters', '/api/v1/cities?region=europe&status=active&page=2']
		];
		const run = await measureBoth(cities, cities.slice(0, 3));
		await startServer({});
		const jsBytes = await gzippedJavaScriptOf('/en/cities');
		await stopServer();
		report.push(
			'## Cities',
			'',
			`Database: ${run.database}; ${machine()}.`,
			'',
			...tableHead,
			...run.cached.map((r) => row(r, run.cached[0].requestsPerSecond)),
			...run.uncached.map((r) => row(r, run.uncached[0].requestsPerSecond)),
			'',
			`Gzipped JavaScript loaded by /en/cities: ${(jsBytes / 1024).toFixed(1)} KB.`,
			''
		);
	}

	if (runExperiences) {
		// The demo's member cities and generator, through the bulk loader, as in `npm run demo`.
		console.log(`Loading ${records.toLocaleString('en')} published experiences…`);
		const handle = openDatabase(databaseConfigFromEnv(env));
		const cities = (await listAllCities(handle.db, {}))
			.filter((c) => c.status === 'active' || c.status === 'in_arrears')
			.map((c) => ({
				id: Number(c.id),
				name: c.name,
				countryCode: c.country_code,
				region: c.region,
				languages: (c.languages ?? '').split(','),
				population: c.population
			}));
		const generated = generateExperiences({
			cities,
			count: records,
			today: new Date().toISOString().slice(0, 10),
			featured: 40,
			externalIdPrefix: 'bench-'
		});
		const published = (function* () {
			for (const record of generated) yield { ...record, publishedAt: record.publishedAt! };
		})();
		const load = await loadPublishedExperiences(handle.db, published, {
			skipExisting: false,
			onProgress: (n) => {
				if (n % 20_000 === 0) console.log(`  ${n.toLocaleString('en')}…`);
			}
		});
		const loadSeconds = load.durationMs / 1000;
		console.log(`Loaded ${load.loaded.toLocaleString('en')} in ${loadSeconds.toFixed(1)} s.`);

		const queries: [string, string][] = [
			['search, one term', '?q=school'],
			['search, term and two facets', '?q=school&topic=environment&principle=13'],
			['search, two facets', '?topic=youth&region=europe']
		];
		const matches: string[] = [];
		for (const [name, query] of queries) {
			const result = await searchExperiences(handle.db, Object.fromEntries(new URLSearchParams(query)));
			matches.push(`${name} \`${query}\`: ${result.ok ? result.value.total.toLocaleString('en') : result.code} matches`);
		}
		await handle.close();

		// Different searches one after the other: what a crowd of visitors asks, where no memo helps.
		const words = [
			'school',
			'garden',
			'youth',
			'music',
			'library',
			'families',
			'climate',
			'mediation',
			'sport',
			'budget',
			'girls',
			'memory'
		];
		const topics = ['environment', 'youth', 'culture', 'sport', 'gender', 'childhood', 'elderly', 'social-inclusion'];
		const varied: string[] = [];
		for (const region of ['', '&region=europe', '&region=latin-america-caribbean'])
			for (const word of words)
				for (const topic of topics)
					for (const principle of [1, 3, 8, 11, 13, 17])
						varied.push(`/en/experiences?q=${word}&topic=${topic}&principle=${principle}${region}`);

		const pages: [string, string | string[]][] = [
			...queries.map(([name, query]) => [`experiences page, ${name}`, `/en/experiences${query}`] as [string, string]),
			['experiences API, term and two facets', `/api/v1/experiences${queries[1][1]}`],
			['visualisation page', '/en/experiences/explore?topic=environment']
		];
		const run = await measureBoth(pages, [...pages, [`experiences page, ${varied.length} different searches in turn`, varied]]);
		report.push(
			`## Experiences (${load.loaded.toLocaleString('en')} published records)`,
			'',
			`Loaded with the bulk loader in ${loadSeconds.toFixed(1)} s (${Math.round(load.loaded / loadSeconds).toLocaleString('en')} records/s), on top of the demo.`,
			...matches.map((m) => `- ${m}`),
			'',
			`Database: ${run.database}; ${machine()}.`,
			'',
			...tableHead,
			...run.cached.map((r) => row(r, run.cached[0].requestsPerSecond)),
			...run.uncached.map((r) => row(r, run.uncached[0].requestsPerSecond)),
			''
		);
	}

	if (runAward) report.push(...(await benchAward()));
} finally {
	await stopServer();
	await cleanUp();
}

console.log('\n' + report.join('\n'));
process.exit(everything.some((r) => r.errors > 0 || r.non2xx > 0) ? 1 : 0);
