// Reference data every installation starts with: the countries (region and income group for fees)
// and the fee grid adopted in 2020. Loaded when the server starts; insert-only, so whatever the
// secretariat has edited since is never overwritten.
import countriesReference from '../../../../reference/countries.json' with { type: 'json' };
import feesReference from '../../../../reference/membership-fees-2020.json' with { type: 'json' };
import type { Db } from '../db/index.ts';
import { systemActor } from '../core/access.ts';
import type { IncomeGroup } from '../../shared/members/constants.ts';
import { gridBandsFromReference } from './fees.ts';
import { listFeeGrids } from './fees.repository.ts';
import { listCountries, upsertCountry } from './members.repository.ts';
import { saveFeeGrid } from './members.service.ts';

export interface ReferenceCountry {
	code: string;
	name: string;
	region: string;
	incomeGroup: IncomeGroup;
}

export const referenceCountries: ReferenceCountry[] = (countriesReference as { countries: ReferenceCountry[] }).countries;

/** Adds the reference countries that are missing; returns how many were added. */
export async function seedReferenceCountries(db: Db): Promise<number> {
	const existing = new Set((await listCountries(db)).map((c) => c.code));
	let created = 0;
	for (const country of referenceCountries) {
		if (existing.has(country.code)) continue;
		await upsertCountry(db, country.code, country.region, country.incomeGroup);
		created++;
	}
	return created;
}

/** The 2020 grid of reference/membership-fees-2020.json, unless a grid for 2020 exists. */
export async function seedReferenceFeeGrid(db: Db): Promise<number> {
	if ((await listFeeGrids(db)).some((g) => g.year === 2020)) return 0;
	// gridBandsFromReference gives cents, as stored; the service's form schema takes euros.
	const bands = gridBandsFromReference(feesReference as Parameters<typeof gridBandsFromReference>[0]).map((b) => ({
		band: b.band,
		minPopulation: b.minPopulation,
		maxPopulation: b.maxPopulation ?? undefined,
		feeI: b.feeI / 100,
		feeII: b.feeII / 100,
		feeIII: b.feeIII / 100,
		feeIV: b.feeIV / 100
	}));
	const result = await saveFeeGrid(db, systemActor, { year: 2020, currency: feesReference.currency, bands });
	if (!result.ok) throw new Error(`reference fee grid rejected: ${result.code}`);
	return 1;
}

export async function loadReferenceData(db: Db): Promise<void> {
	await seedReferenceCountries(db);
	await seedReferenceFeeGrid(db);
}
