// Records the e2e journeys rely on; tests/e2e/global-setup.ts makes sure they exist and writes their
// ids to <DATA_DIR>/e2e-fixtures.json.
import fs from 'node:fs';
import path from 'node:path';

/** The award records of the journeys (award-city.e2e.ts, award-juror.e2e.ts), made after the demo seed. */
export interface AwardE2eFixtures {
	/** An open call (announced, deadline far ahead) the cities apply to. */
	call: {
		year: number;
		/** The theme in each language, as the call's heading shows it. */
		themes: Record<'es' | 'en' | 'fr' | 'pt', string>;
	};
	/** Barcelona, represented by representative@: eligible for the call, with experiences to choose from. */
	barcelonaId: number;
	/** A published experience of Barcelona, complete in its original language, that it may apply with. */
	barcelonaExperience: { id: number; title: string; originalLanguage: 'es' | 'en' | 'fr' | 'pt' };
	/** Lisbon, represented by technical@: a previous winner of the call, so not eligible. */
	lisbonId: number;
	/** The demo edition being judged, and what the demo juror (juror@) has on it. */
	jury: {
		year: number;
		/**
		 * Three candidacies assigned to the juror and not started, each already scored by other jurors
		 * (their names, as the page heads their score sheets).
		 */
		toScore: { id: number; others: string[] }[];
		/** An admitted candidacy of the edition that is not assigned to the juror. */
		notAssigned: number;
	};
}

export interface E2eFixtures {
	accentedCity: { name: string; query: string; countryCode: string; id?: number };
	/** Only with the demo seed. */
	award?: AwardE2eFixtures;
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

/** The award fixtures, which exist only when the demo seed ran. */
export function readAwardFixtures(): AwardE2eFixtures {
	const { award } = readFixtures();
	if (!award) throw new Error('no award fixtures: the e2e data was prepared without the demo seed');
	return award;
}
