// npm run bench: load the demo data into a scratch database, start the built server and measure
// pages and API requests with autocannon against a bare framework page measured in the same run.
// Usage: node scripts/bench.ts [--duration 10] [--connections 50] [--database postgres://...]
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = path.join(import.meta.dirname, '..');
const { values: args } = parseArgs({
	options: {
		duration: { type: 'string', default: '10' },
		connections: { type: 'string', default: '50' },
		database: { type: 'string' },
		port: { type: 'string', default: '4700' }
	}
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;

if (!fs.existsSync(path.join(root, 'build', 'index.js'))) {
	console.log('Building…');
	execFileSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build'], { cwd: root, stdio: 'inherit' });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-bench-'));
const env = {
	...process.env,
	DATA_DIR: dataDir,
	PORT: String(port),
	HOST: '127.0.0.1',
	LOG_LEVEL: 'warn',
	...(args.database ? { DATABASE_URL: args.database } : {})
};

console.log(`Seeding demo data into ${args.database ? 'PostgreSQL' : dataDir}…`);
execFileSync(process.execPath, [path.join(root, 'scripts', 'demo.ts'), '--seed-only'], { cwd: root, env, stdio: 'inherit' });

let server: ReturnType<typeof spawn> | undefined;
const stop = () => server?.kill('SIGTERM');
process.on('exit', stop);

async function startServer(extraEnv: Record<string, string>) {
	server = spawn(process.execPath, [path.join(root, 'scripts', 'start.ts')], {
		cwd: root,
		env: { ...env, ...extraEnv },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	return waitForServer();
}

async function stopServer() {
	const exited = new Promise((resolve) => server?.once('exit', resolve));
	stop();
	await exited;
}

async function waitForServer() {
	for (let i = 0; i < 100; i++) {
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

async function measure(name: string, urlPath: string): Promise<Measurement> {
	// A short warm-up so that first-request compilation and caches do not count.
	await autocannon({ url: base + urlPath, connections: 10, duration: 2 });
	const result = await autocannon({ url: base + urlPath, connections, duration });
	return {
		name,
		path: urlPath,
		requestsPerSecond: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors,
		non2xx: result.non2xx
	};
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

// As deployed: the public page cache on (a few seconds, emptied by every change).
const health = await startServer({});
const results: Measurement[] = [];
results.push(await measure('baseline (bare framework page)', '/baseline'));
results.push(await measure('city list page', '/en/cities'));
results.push(await measure('city list page, search', '/en/cities?q=san'));
results.push(await measure('cities API, search', '/api/v1/cities?q=san'));
results.push(await measure('cities API, filters', '/api/v1/cities?region=europe&status=active&page=2'));
const jsBytes = await gzippedJavaScriptOf('/en/cities');
await stopServer();

// The same pages rendered for every request (as a signed-in person always gets them).
await startServer({ PUBLIC_PAGE_CACHE_SECONDS: '0' });
const uncached: Measurement[] = [];
uncached.push(await measure('baseline (bare framework page)', '/baseline'));
uncached.push(await measure('city list page, no page cache', '/en/cities'));
uncached.push(await measure('city list page, search, no page cache', '/en/cities?q=san'));
uncached.push(await measure('cities API, search, no page cache', '/api/v1/cities?q=san'));
await stopServer();

const row = (r: Measurement, baseline: number) =>
	`| ${r.name} \`${r.path}\` | ${r.requestsPerSecond} | ${Math.round((r.requestsPerSecond / baseline) * 100)}% | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`;
const lines = [
	`Database: ${health.database}; ${connections} connections, ${duration} s per run, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.`,
	'',
	'| request | req/s | share of baseline | p50 ms | p99 ms | errors | non-2xx |',
	'|---|---:|---:|---:|---:|---:|---:|',
	...results.map((r) => row(r, results[0].requestsPerSecond)),
	...uncached.map((r) => row(r, uncached[0].requestsPerSecond)),
	'',
	`Gzipped JavaScript loaded by /en/cities: ${(jsBytes / 1024).toFixed(1)} KB.`
];
console.log('\n' + lines.join('\n'));
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit([...results, ...uncached].some((r) => r.errors > 0 || r.non2xx > 0) ? 1 : 0);
