// npm run bench: load the demo data into a scratch database, start the built server and measure
// pages and API requests with autocannon against a bare framework page measured in the same run.
// The experiences scenario then adds 100,000 published experiences (the demo's generator, through
// the bulk loader), reports how long that takes, and measures the bank's search, API and
// visualisation on them.
//
// Usage: node scripts/bench.ts [--scenario all|cities|experiences] [--records 100000] [--duration 10]
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
import { databaseConfigFromEnv, openDatabase } from '../src/lib/server/db/index.ts';
import { listAllCities } from '../src/lib/server/members/index.ts';
import { loadPublishedExperiences, searchExperiences } from '../src/lib/server/experiences/index.ts';
import { generateExperiences } from '../src/lib/server/demo/experiences-data.ts';

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
if (!['all', 'cities', 'experiences'].includes(args.scenario)) throw new Error('--scenario must be all, cities or experiences');
const runCities = args.scenario !== 'experiences';
const runExperiences = args.scenario !== 'cities';
const records = Number(args.records);
const duration = Number(args.duration);
const connections = Number(args.connections);
const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;

if (!fs.existsSync(path.join(root, 'build', 'index.js'))) {
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

try {
	console.log(`Seeding demo data into ${scratchDatabase ? `PostgreSQL ${scratchDatabase.name}` : dataDir}…`);
	execFileSync(process.execPath, [path.join(root, 'scripts', 'demo.ts'), '--seed-only'], { cwd: root, env, stdio: 'inherit' });

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
} finally {
	await stopServer();
	await cleanUp();
}

console.log('\n' + report.join('\n'));
process.exit(everything.some((r) => r.errors > 0 || r.non2xx > 0) ? 1 : 0);
