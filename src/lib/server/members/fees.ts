import type { IncomeGroup } from '../../shared/members/constants.ts';

export interface FeeBand {
	band: string;
	min_population: number;
	max_population: number | null;
	fee_group_i_cents: number;
	fee_group_ii_cents: number;
	fee_group_iii_cents: number;
	fee_group_iv_cents: number;
}

/** The annual fee in cents read from the grid by the country's income group and the city's population band. */
export function computeAnnualFeeCents(bands: FeeBand[], incomeGroup: IncomeGroup, population: number): number | undefined {
	const band = bands.find((b) => population >= b.min_population && (b.max_population === null || population <= b.max_population));
	if (!band) return undefined;
	switch (incomeGroup) {
		case 'I':
			return band.fee_group_i_cents;
		case 'II':
			return band.fee_group_ii_cents;
		case 'III':
			return band.fee_group_iii_cents;
		case 'IV':
			return band.fee_group_iv_cents;
	}
}

/** The reference grid of 2020 (shared/data/membership-fees-2020.json) as rows ready for the database. */
export function gridBandsFromReference(reference: {
	population_bands: { band: string; min: number; max: number | null; fee: Record<IncomeGroup, number> }[];
}) {
	return reference.population_bands.map((b) => ({
		band: b.band,
		minPopulation: b.min,
		maxPopulation: b.max,
		feeI: Math.round(b.fee.I * 100),
		feeII: Math.round(b.fee.II * 100),
		feeIII: Math.round(b.fee.III * 100),
		feeIV: Math.round(b.fee.IV * 100)
	}));
}
