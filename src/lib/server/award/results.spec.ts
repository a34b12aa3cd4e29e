import { describe, expect, it } from 'vitest';
import { computeAwardResults, type AwardResultsInput } from './results.ts';

// Two criteria, `a` weighing twice `b`: a review's total is (2a + b) / 3.
const criteria = [
	{ code: 'a', weight: 2 },
	{ code: 'b', weight: 1 }
];
const review = (jurorId: number, candidacyId: number, a: number, b: number) => ({ jurorId, candidacyId, scores: { a, b } });

describe('computeAwardResults, a small case worked by hand', () => {
	// Totals (2a + b) / 3:
	//   juror 1: c1 (9,6) → 24/3 = 8      c2 (3,6) → 12/3 = 4          mean 6, sd √((4+4)/2) = 2, z = +1, −1
	//   juror 2: c1 (7,4) → 18/3 = 6      c3 (1,4) →  6/3 = 2          mean 4, sd 2,              z = +1, −1
	//   juror 3: c2 (9,9) → 9                                           one review                 z = 0
	//   juror 4: c1 (5,5) → 5             c3 (4,7) → 15/3 = 5          no spread (sd 0)            z = 0, 0
	// mid = (8+4+6+2+9+5+5) / 7 = 39/7 = 5.571428…
	// s   = √((2²+2² + 2²+2² + 0 + 0+0) / 7) = √(16/7) = 1.511857…
	// c1: raw 8, 6, 5 → mean 19/3 = 6.3333, min 5, max 8, sd √((1.6667² + 0.3333² + 1.3333²)/3) = √(14/9) = 1.247219
	//     normalised (mid+s) + (mid+s) + mid, /3 = mid + 2s/3 = 6.579333…
	//     criterion means a (9+7+5)/3 = 7, b (6+4+5)/3 = 5
	// c2: raw 4, 9 → mean 6.5, min 4, max 9, sd 2.5; normalised (mid−s) + mid, /2 = mid − s/2 = 4.815499…
	//     criterion means a (3+9)/2 = 6, b (6+9)/2 = 7.5
	// c3: raw 2, 5 → mean 3.5, min 2, max 5, sd 1.5; normalised (mid−s) + mid, /2 = 4.815499… — tied with c2,
	//     listed after it because its raw mean is lower; both read "=2".
	// c4: no review: unranked, last.
	const input: AwardResultsInput = {
		criteria,
		scaleMin: 1,
		scaleMax: 10,
		candidacyIds: [1, 2, 3, 4],
		reviews: [
			review(1, 1, 9, 6),
			review(1, 2, 3, 6),
			review(2, 1, 7, 4),
			review(2, 3, 1, 4),
			review(3, 2, 9, 9),
			review(4, 1, 5, 5),
			review(4, 3, 4, 7)
		]
	};
	const results = computeAwardResults(input);
	const row = (id: number) => results.rows.find((r) => r.candidacyId === id)!;

	it('computes the mid-point and the pooled within-juror standard deviation', () => {
		expect(results.mid).toBeCloseTo(5.571428571, 9);
		expect(results.pooledStandardDeviation).toBeCloseTo(1.511857892, 9);
	});

	it('reports each juror’s mean and spread, single-review and zero-spread jurors included', () => {
		expect(results.jurors).toEqual([
			{ jurorId: 1, reviewCount: 2, mean: 6, standardDeviation: 2 },
			{ jurorId: 2, reviewCount: 2, mean: 4, standardDeviation: 2 },
			{ jurorId: 3, reviewCount: 1, mean: 9, standardDeviation: 0 },
			{ jurorId: 4, reviewCount: 2, mean: 5, standardDeviation: 0 }
		]);
	});

	it('weights the criteria and gives raw and normalised means side by side', () => {
		expect(row(1).rawMean).toBeCloseTo(19 / 3, 9);
		expect(row(1).normalisedMean).toBeCloseTo(6.579333833, 9);
		expect(row(2).rawMean).toBeCloseTo(6.5, 9);
		expect(row(2).normalisedMean).toBeCloseTo(4.815499625, 9);
		expect(row(3).rawMean).toBeCloseTo(3.5, 9);
		expect(row(3).normalisedMean).toBeCloseTo(4.815499625, 9);
	});

	it('shows the spread of the raw totals', () => {
		expect(row(1)).toMatchObject({ reviewCount: 3, min: 5, max: 8 });
		expect(row(1).standardDeviation).toBeCloseTo(1.247219129, 9);
		expect(row(2)).toMatchObject({ reviewCount: 2, min: 4, max: 9, standardDeviation: 2.5 });
		expect(row(3)).toMatchObject({ reviewCount: 2, min: 2, max: 5, standardDeviation: 1.5 });
	});

	it('gives the mean of each criterion', () => {
		expect(row(1).criterionMeans).toEqual({ a: 7, b: 5 });
		expect(row(2).criterionMeans).toEqual({ a: 6, b: 7.5 });
		expect(row(3).criterionMeans).toEqual({ a: 2.5, b: 5.5 });
		expect(row(4).criterionMeans).toEqual({ a: null, b: null });
	});

	it('ranks by normalised mean, detects the tie and orders it by raw mean, and lists unreviewed candidacies last', () => {
		expect(results.rows.map((r) => [r.candidacyId, r.rank, r.rankLabel, r.tied])).toEqual([
			[1, 1, '1', false],
			[2, 2, '=2', true],
			[3, 2, '=2', true],
			[4, null, '', false]
		]);
		expect(row(4)).toMatchObject({ reviewCount: 0, rawMean: null, normalisedMean: null, min: null, max: null, standardDeviation: null });
	});
});

describe('computeAwardResults, normalisation edge cases', () => {
	it('leaves a single juror’s totals unchanged (mid = their mean, s = their spread)', () => {
		// Totals 8, 4, 6: mean 6, sd √(8/3); z·sd + mean gives back each total.
		const results = computeAwardResults({
			criteria,
			scaleMin: 1,
			scaleMax: 10,
			candidacyIds: [1, 2, 3],
			reviews: [review(1, 1, 9, 6), review(1, 2, 3, 6), review(1, 3, 6, 6)]
		});
		for (const r of results.rows) expect(r.normalisedMean).toBeCloseTo(r.rawMean!, 9);
		expect(results.rows.map((r) => r.candidacyId)).toEqual([1, 3, 2]);
		expect(results.rows.map((r) => r.rankLabel)).toEqual(['1', '2', '3']);
	});

	it('puts every review of a juror with one review or no spread at the mid-point', () => {
		// Juror 1 scores everything 7, juror 2 scores one candidacy 3: both have z = 0, so every normalised
		// total is mid = (7 + 7 + 3) / 3 = 17/3 and all three candidacies tie at "=1", ordered by raw mean.
		const results = computeAwardResults({
			criteria,
			scaleMin: 1,
			scaleMax: 10,
			candidacyIds: [1, 2, 3],
			reviews: [review(1, 1, 7, 7), review(1, 2, 7, 7), review(2, 3, 3, 3)]
		});
		expect(results.mid).toBeCloseTo(17 / 3, 9);
		expect(results.pooledStandardDeviation).toBe(0);
		for (const r of results.rows) expect(r.normalisedMean).toBeCloseTo(17 / 3, 9);
		expect(results.rows.map((r) => [r.candidacyId, r.rankLabel])).toEqual([
			[1, '=1'],
			[2, '=1'],
			[3, '=1']
		]);
	});

	it('clamps normalised totals to the scale', () => {
		// One criterion. Juror A: 10, 1 → mean 5.5, sd 4.5, z = ±1.
		// Juror B: 10, 10, 10, 1 → mean 7.75, sd √(60.75/4) = 3.897114, z = +0.577350 (×3), −1.732051.
		// mid = 42/6 = 7; s = √((40.5 + 60.75)/6) = √16.875 = 4.107919.
		// A's 10 → 7 + 4.107919 = 11.107919 → clamped to 10; A's 1 → 7 − 4.107919 = 2.892081.
		// B's 10 → 7 + 0.577350 · 4.107919 = 9.371708; B's 1 → 7 − 1.732051 · 4.107919 = −0.115125 → clamped to 1.
		const one = [{ code: 'a', weight: 1 }];
		const r = (jurorId: number, candidacyId: number, a: number) => ({ jurorId, candidacyId, scores: { a } });
		const results = computeAwardResults({
			criteria: one,
			scaleMin: 1,
			scaleMax: 10,
			candidacyIds: [1, 2, 3, 4, 5, 6],
			reviews: [r(1, 1, 10), r(1, 2, 1), r(2, 3, 10), r(2, 4, 10), r(2, 5, 10), r(2, 6, 1)]
		});
		const norm = (id: number) => results.rows.find((x) => x.candidacyId === id)!.normalisedMean;
		expect(results.mid).toBe(7);
		expect(results.pooledStandardDeviation).toBeCloseTo(4.107919181, 9);
		expect(norm(1)).toBe(10);
		expect(norm(2)).toBeCloseTo(2.892080819, 9);
		expect(norm(3)).toBeCloseTo(9.371708245, 9);
		expect(norm(6)).toBe(1);
		// The candidacy A scored 10 comes first even though three of B's also scored 10 raw; B's three tie.
		expect(results.rows.map((x) => [x.candidacyId, x.rankLabel])).toEqual([
			[1, '1'],
			[3, '=2'],
			[4, '=2'],
			[5, '=2'],
			[2, '5'],
			[6, '6']
		]);
	});

	it('treats totals equal to within 1e-9 as tied, and further apart as not', () => {
		// Weights 1 and 2 with scores that reach the same total by different sums: (1·2 + 2·5)/3 = 4 and
		// (1·6 + 2·3)/3 = 4 (floating point may differ in the last bits). A third candidacy at 4 + 1e-6 is not tied.
		const weights = [
			{ code: 'a', weight: 0.1 },
			{ code: 'b', weight: 0.2 }
		];
		const results = computeAwardResults({
			criteria: weights,
			scaleMin: 0,
			scaleMax: 10,
			candidacyIds: [1, 2, 3],
			reviews: [
				{ jurorId: 1, candidacyId: 1, scores: { a: 2, b: 5 } },
				{ jurorId: 1, candidacyId: 2, scores: { a: 6, b: 3 } },
				{ jurorId: 1, candidacyId: 3, scores: { a: 2.000003, b: 5 } }
			]
		});
		expect(results.rows.map((x) => [x.candidacyId, x.rankLabel, x.tied])).toEqual([
			[3, '1', false],
			[1, '=2', true],
			[2, '=2', true]
		]);
	});

	it('weights matter: the same scores rank differently under other weights', () => {
		const scores = [review(1, 1, 9, 2), review(1, 2, 4, 8)];
		const heavyA = computeAwardResults({ criteria, scaleMin: 1, scaleMax: 10, candidacyIds: [1, 2], reviews: scores });
		const heavyB = computeAwardResults({
			criteria: [
				{ code: 'a', weight: 1 },
				{ code: 'b', weight: 3 }
			],
			scaleMin: 1,
			scaleMax: 10,
			candidacyIds: [1, 2],
			reviews: scores
		});
		// a×2: c1 (18+2)/3 = 6.667, c2 (8+8)/3 = 5.333.   b×3: c1 (9+6)/4 = 3.75, c2 (4+24)/4 = 7.
		expect(heavyA.rows.map((r) => [r.candidacyId, r.rawMean])).toEqual([
			[1, 20 / 3],
			[2, 16 / 3]
		]);
		expect(heavyB.rows.map((r) => [r.candidacyId, r.rawMean])).toEqual([
			[2, 7],
			[1, 3.75]
		]);
	});

	it('returns empty figures without any review', () => {
		const results = computeAwardResults({ criteria, scaleMin: 1, scaleMax: 10, candidacyIds: [5], reviews: [] });
		expect(results.mid).toBeNull();
		expect(results.pooledStandardDeviation).toBeNull();
		expect(results.rows).toEqual([
			{
				candidacyId: 5,
				rank: null,
				rankLabel: '',
				tied: false,
				reviewCount: 0,
				rawMean: null,
				normalisedMean: null,
				min: null,
				max: null,
				standardDeviation: null,
				criterionMeans: { a: null, b: null }
			}
		]);
	});

	it('handles 1,000 candidacies × 15 jurors × 6 criteria', () => {
		const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((code, i) => ({ code, weight: i === 0 ? 2 : 1 }));
		let seed = 42;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 9 + 1;
		const reviews = [];
		for (let c = 1; c <= 1000; c++)
			for (let j = 1; j <= 15; j++)
				reviews.push({ jurorId: j, candidacyId: c, scores: Object.fromEntries(six.map((x) => [x.code, Math.round(random())])) });
		const results = computeAwardResults({
			criteria: six,
			scaleMin: 1,
			scaleMax: 10,
			candidacyIds: Array.from({ length: 1000 }, (_, i) => i + 1),
			reviews
		});
		expect(results.rows).toHaveLength(1000);
		expect(results.rows.every((r) => r.reviewCount === 15 && r.rank !== null)).toBe(true);
		for (let i = 1; i < results.rows.length; i++)
			expect(results.rows[i].normalisedMean!).toBeLessThanOrEqual(results.rows[i - 1].normalisedMean! + 1e-9);
	});
});
