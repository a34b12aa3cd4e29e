// `npm test`: a type check of the whole project, unit and integration specs (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), a
// production build, then the Playwright journeys against that build. Stops at the first failure.
// Usage: node scripts/test.ts [check] [lint] [unit] [build] [e2e]   (no argument: all, in that order)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const nodeBin = path.dirname(process.execPath);

/** The JavaScript entry of a package's command, run with this very Node (not whatever `node` is on PATH). */
function binEntry(pkg: string, name: string): string {
	const dir = path.join(root, 'node_modules', pkg);
	const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
	const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[name];
	if (!bin) throw new Error(`${pkg} has no "${name}" command`);
	return path.join(dir, bin);
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
		const forward = (signal: NodeJS.Signals) => child.kill(signal);
		process.once('SIGINT', forward);
		process.once('SIGTERM', forward);
		child.on('exit', (code, signal) => {
			process.off('SIGINT', forward);
			process.off('SIGTERM', forward);
			resolve(code ?? (signal ? 130 : 1));
		});
		child.on('error', () => resolve(1));
	});
}

function isFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function freePort(from: number): Promise<number> {
	for (let port = from; port < from + 200; port++) if (await isFree(port)) return port;
	throw new Error(`no free port in ${from}–${from + 199}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

const env: NodeJS.ProcessEnv = {
	...process.env,
	// Children (the e2e web server among them) find this same Node first on PATH.
	PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ''}`,
	FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0')
};

const databases = process.env.TEST_DATABASE_URL ? 'SQLite and PostgreSQL' : 'SQLite only (set TEST_DATABASE_URL to add PostgreSQL)';

interface Step {
	name: string;
	args: () => Promise<string[]>;
	/** A second command of the same step, run when the first succeeds. */
	after?: () => Promise<string[]>;
	env?: () => Promise<NodeJS.ProcessEnv>;
}

const steps: Record<string, Step> = {
	check: {
		name: 'svelte-check (types of the whole project)',
		args: async () => [
			binEntry('svelte-check', 'svelte-check'),
			'--tsconfig',
			'./tsconfig.json',
			'--threshold',
			'error',
			'--fail-on-warnings'
		]
	},
	lint: {
		name: 'eslint and prettier',
		args: async () => [binEntry('eslint', 'eslint'), '.'],
		after: async () => [binEntry('prettier', 'prettier'), '--check', '.']
	},
	unit: {
		name: `vitest (${databases})`,
		args: async () => [binEntry('vitest', 'vitest'), 'run']
	},
	build: {
		name: 'vite build',
		args: async () => [binEntry('vite', 'vite'), 'build']
	},
	e2e: {
		name: 'playwright',
		args: async () => [binEntry('@playwright/test', 'playwright'), 'test'],
		env: async () => ({ E2E_PORT: process.env.E2E_PORT || String(await freePort(4173)) })
	}
};

const requested = process.argv.slice(2);
for (const name of requested) {
	if (!(name in steps)) {
		console.error(`unknown step "${name}"; use any of: ${Object.keys(steps).join(', ')}`);
		process.exit(2);
	}
}
const order = requested.length ? Object.keys(steps).filter((s) => requested.includes(s)) : Object.keys(steps);

const started = Date.now();
const done: string[] = [];
for (const key of order) {
	const step = steps[key];
	const stepEnv = { ...env, ...(step.env ? await step.env() : {}) };
	console.log(`\n▶ ${step.name}`);
	const t0 = Date.now();
	let code = await run(await step.args(), stepEnv);
	if (code === 0 && step.after) code = await run(await step.after(), stepEnv);
	const took = seconds(Date.now() - t0);
	if (code !== 0) {
		console.error(
			`\n✗ npm test FAILED at ${step.name} (exit ${code}, ${took}) after ${done.join(', ') || 'nothing'} — total ${seconds(Date.now() - started)}`
		);
		process.exit(code);
	}
	done.push(`${key} ✓ ${took}`);
	console.log(`✓ ${step.name} passed in ${took}`);
}
console.log(`\n✓ npm test passed: ${done.join(' · ')} — total ${seconds(Date.now() - started)}`);
