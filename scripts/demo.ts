// npm run demo: builds the app, migrates the configured database (SQLite in DATA_DIR by default,
// DATABASE_URL for PostgreSQL), loads the demo data (safe to run again: nothing is duplicated), prints
// the address and the demo sign-ins, and serves the app until stopped with Ctrl-C.
//
// Usage: node scripts/demo.ts [--skip-build] [--seed-only] [--today YYYY-MM-DD]
//   --skip-build  reuse the existing build/ (faster when only the data changed)
//   --seed-only   migrate and load the data, then exit (used by `npm run bench`)
//   --today       the day the fees and arrears are computed for (default: today)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/server/config.ts';
import { createAppContext } from '../src/lib/server/context.ts';
import { isPostgresUrl, migrateToLatest } from '../src/lib/server/db/index.ts';
import { seedDemo, type SeedReport } from '../src/lib/server/demo/seed.ts';

const root = path.resolve(import.meta.dirname, '..');

function fail(message: string): never {
	console.error(`\n${message}`);
	process.exit(1);
}

let args: { 'skip-build'?: boolean; 'seed-only'?: boolean; today?: string };
try {
	args = parseArgs({
		options: { 'skip-build': { type: 'boolean' }, 'seed-only': { type: 'boolean' }, today: { type: 'string' } }
	}).values;
} catch (error) {
	fail(
		`${error instanceof Error ? error.message : String(error)}\nUsage: node scripts/demo.ts [--skip-build] [--seed-only] [--today YYYY-MM-DD]`
	);
}
if (args.today !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(args.today) && !Number.isNaN(Date.parse(`${args.today}T00:00:00Z`))))
	fail('--today must be a date like 2025-06-15');

// Resolve DATA_DIR once, so that the server started below uses exactly the same directory.
process.env.DATA_DIR = path.resolve(process.env.DATA_DIR || path.join(root, 'data'));
const config = loadConfig();

function build(): void {
	const shim = path.join(root, 'node_modules', '.bin', 'vite');
	if (!fs.existsSync(shim)) fail('Vite is not installed: run `npm ci` first.');
	console.log('Building the app (vite build)…');
	// Run Vite's script with this very Node rather than whatever `node` the shim would find on PATH.
	const result = spawnSync(process.execPath, [fs.realpathSync(shim), 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) fail(`The build failed (exit ${result.status ?? result.signal}).`);
}

function describeDatabase(): string {
	if (isPostgresUrl(config.databaseUrl)) {
		const url = new URL(config.databaseUrl);
		return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
	}
	return `SQLite ${path.join(config.dataDir, 'educating-cities.sqlite')}`;
}

async function migrateAndSeed(): Promise<SeedReport> {
	const context = createAppContext(config);
	try {
		console.log(`Database: ${describeDatabase()}`);
		const applied = await migrateToLatest(context.database.db);
		console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Migrations: up to date.');
		console.log('Loading the demo data…');
		return await seedDemo(context, { today: args.today, log: (line) => console.log(line) });
	} finally {
		await context.database.close();
	}
}

function signInBlock(report: SeedReport, serving: boolean): string {
	const width = Math.max(...report.signIns.map((s) => s.email.length));
	const created = report.created.cities > 0 ? `${report.created.cities} cities loaded` : 'demo data already loaded';
	return [
		'',
		'─'.repeat(78),
		`  Educating Cities demo: ${config.publicUrl}`,
		`  ${report.totals.cities} cities in ${report.totals.countries} countries, ${report.totals.networks} networks (${created}; ${describeDatabase()})`,
		'',
		'  Demo sign-ins (same password for all):',
		...report.signIns.map((s) => `    ${s.email.padEnd(width)}  ${s.password}  ${s.role}`),
		'',
		serving
			? `  Stop with Ctrl-C. Mail sent by the app stays in the outbox: ${config.publicUrl}/en/admin/outbox`
			: '  Serve it with `npm start` (after `npm run build`), with the same DATA_DIR / DATABASE_URL.',
		'─'.repeat(78),
		''
	].join('\n');
}

async function waitUntilServing(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
	for (let attempt = 0; attempt < 150 && child.exitCode === null; attempt++) {
		try {
			if ((await fetch(`${url}/healthz`)).ok) return true;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return false;
}

if (!args['seed-only'] && !args['skip-build']) build();
if (!args['seed-only'] && !fs.existsSync(path.join(root, 'build', 'index.js'))) fail('No build found: run without --skip-build.');

let report: SeedReport;
try {
	report = await migrateAndSeed();
} catch (error) {
	fail(`Loading the demo data failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

if (args['seed-only']) {
	console.log(signInBlock(report, false));
	process.exit(0);
}

console.log('Starting the server…');
const server = spawn(process.execPath, [path.join(root, 'scripts', 'start.ts')], { cwd: root, env: process.env, stdio: 'inherit' });
const forward = (signal: NodeJS.Signals) => {
	if (server.exitCode === null && server.signalCode === null) server.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => forward(signal));
server.on('exit', (code, signal) => {
	process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
});
server.on('error', (error) => fail(`Could not start the server: ${error.message}`));

const localUrl = `http://127.0.0.1:${config.port}`;
if (await waitUntilServing(localUrl, server)) console.log(signInBlock(report, true));
else if (server.exitCode === null) console.log(`${signInBlock(report, true)}\n(The server has not answered ${localUrl}/healthz yet.)`);
