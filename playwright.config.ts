import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The config is loaded by the runner and again by every worker; workers inherit the runner's
// environment, so the data directory is chosen once here and shared through E2E_DATA_DIR.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'ec-e2e-'));
const dataDir = process.env.E2E_DATA_DIR;
const port = Number(process.env.E2E_PORT || 4173);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	outputDir: 'test-results',
	fullyParallel: false,
	workers: process.env.CI ? 1 : 2,
	retries: 0,
	forbidOnly: !!process.env.CI,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	globalTeardown: './tests/e2e/support/global-teardown.ts',
	use: {
		baseURL,
		browserName: 'chromium',
		headless: true,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			// Debian's Chromium; `playwright install` downloads browsers and is never used here.
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-dev-shm-usage'
			]
		}
	},
	// Publishing the 2026 award closes its scoring, so the journey that publishes runs only after every
	// other journey (the juror's scoring among them) has finished.
	projects: [
		{ name: 'journeys', testIgnore: '**/award-results.e2e.ts' },
		{ name: 'award-publication', testMatch: '**/award-results.e2e.ts', dependencies: ['journeys'] }
	],
	webServer: {
		// Playwright starts the webServer before any globalSetup, so the data is prepared (migrated and
		// seeded) by the first half of this command, and only then the built app starts on it.
		command: 'node tests/e2e/global-setup.ts && node scripts/start.ts',
		url: `${baseURL}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe',
		env: {
			DATA_DIR: dataDir,
			PORT: String(port),
			HOST: '127.0.0.1',
			PUBLIC_URL: baseURL,
			DATABASE_URL: '',
			AUTH_SECRET: 'e2e-secret-0123456789abcdef0123456789abcdef',
			LOG_LEVEL: 'warn',
			NODE_ENV: 'production'
		}
	}
});
