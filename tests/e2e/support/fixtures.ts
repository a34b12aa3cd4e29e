// Records the e2e journeys rely on; tests/e2e/global-setup.ts makes sure they exist and writes their
// ids to <DATA_DIR>/e2e-fixtures.json.
import fs from 'node:fs';
import path from 'node:path';

export interface E2eFixtures {
	accentedCity: { name: string; query: string; countryCode: string; id?: number };
}

export const e2eFixtures: E2eFixtures = {
	accentedCity: { name: 'São Paulo', query: 'sao paulo', countryCode: 'BR' }
};

export function fixturesFile(dataDir: string): string {
	return path.join(dataDir, 'e2e-fixtures.json');
}

/** The fixtures as prepared for this run (E2E_DATA_DIR is set by playwright.config.ts). */
export function readFixtures(): Required<E2eFixtures> {
	const dataDir = process.env.E2E_DATA_DIR;
	if (!dataDir) throw new Error('E2E_DATA_DIR is not set: run the journeys through playwright.config.ts');
	return JSON.parse(fs.readFileSync(fixturesFile(dataDir), 'utf8'));
}
