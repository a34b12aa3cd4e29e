import fs from 'node:fs';

/** Removes the e2e data directory chosen by playwright.config.ts, unless asked to keep it. */
export default async function globalTeardown(): Promise<void> {
	const dataDir = process.env.E2E_DATA_DIR;
	if (!dataDir || process.env.E2E_KEEP_DATA) return;
	fs.rmSync(dataDir, { recursive: true, force: true });
}
