// The jury's figures, computed from submitted scores only: pure, no database, so that it can be checked by
// hand and timed on its own (`npm run bench -- --scenario award`).
//
// 1. Weighted total of one review, on the edition's scale:
//        t = Σ_c (w_c · score_c) / Σ_c w_c            over the criteria the review scored
// 2. Each juror's totals become z-scores against that juror's own habits (some jurors are severe, some
//    generous), with the juror's mean m_j and POPULATION standard deviation sd_j over their n_j reviews:
//        z = (t − m_j) / sd_j                          z = 0 when n_j = 1 or sd_j = 0
// 3. The z-scores are mapped back onto the scale so the jury reads them like the raw figures:
//        normalised = clamp(mid + z · s, scaleMin, scaleMax)
//    mid = the mean of every review's weighted total (all jurors together);
//    s   = the pooled within-juror standard deviation, sqrt( Σ_j Σ_{i∈j} (t_ji − m_j)² / N ), N = all
//          reviews: the typical distance of a total from its own juror's mean. (The plain standard
//          deviation of all totals would also count the differences in severity between jurors, which is
//          exactly what the normalisation removes, and would stretch the normalised figures.)
// 4. Per candidacy: the mean of its raw totals, the mean of its normalised totals, how many reviews, the
//    lowest and highest raw total and their population standard deviation (how much the jurors disagree),
//    and the mean score of each criterion.
// 5. Ranking by normalised mean, then raw mean; candidacies whose normalised means are equal to within
//    1e-9 share a rank ("=3", competition style: 1, =2, =2, 4). Candidacies without any review are listed
//    last, unranked.

export interface AwardResultsInput {
	criteria: readonly { code: string; weight: number }[];
	scaleMin: number;
	scaleMax: number;
	candidacyIds: readonly number[];
	/** Submitted reviews the juror may judge (blocked pairs already left out). */
	reviews: readonly { jurorId: number; candidacyId: number; scores: Readonly<Record<string, number>> }[];
}

export interface AwardResultRow {
	candidacyId: number;
	/** 1-based competition rank; null when the candidacy has no review. */
	rank: number | null;
	/** "3", or "=3" when tied; "" when unranked. */
	rankLabel: string;
	tied: boolean;
	reviewCount: number;
	rawMean: number | null;
	normalisedMean: number | null;
	min: number | null;
	max: number | null;
	/** Population standard deviation of the raw totals: the jury's disagreement. */
	standardDeviation: number | null;
	/** Mean raw score per criterion code (null when nobody scored it). */
	criterionMeans: Record<string, number | null>;
}

export interface AwardJurorStats {
	jurorId: number;
	reviewCount: number;
	mean: number;
	standardDeviation: number;
}

export interface AwardResults {
	/** In ranking order, unranked candidacies last. */
	rows: AwardResultRow[];
	/** Mean of all weighted totals (null without reviews). */
	mid: number | null;
	/** Pooled within-juror standard deviation (null without reviews). */
	pooledStandardDeviation: number | null;
	jurors: AwardJurorStats[];
}

/** Two normalised means closer than this are a tie. */
export const awardTieTolerance = 1e-9;

export function computeAwardResults(input: AwardResultsInput): AwardResults {
	const { criteria, scaleMin, scaleMax } = input;
	const reviewCount = input.reviews.length;
	const totals = new Float64Array(reviewCount);
	const scored = new Uint8Array(reviewCount);

	// 1. Weighted totals.
	for (let i = 0; i < reviewCount; i++) {
		const scores = input.reviews[i].scores;
		let sum = 0;
		let weights = 0;
		for (let c = 0; c < criteria.length; c++) {
			const score = scores[criteria[c].code];
			if (typeof score !== 'number' || !Number.isFinite(score)) continue;
			sum += criteria[c].weight * score;
			weights += criteria[c].weight;
		}
		if (weights > 0) {
			totals[i] = sum / weights;
			scored[i] = 1;
		}
	}

	// 2. Per-juror mean and population standard deviation.
	const jurorSums = new Map<number, { n: number; sum: number; squares: number }>();
	let allSum = 0;
	let allCount = 0;
	for (let i = 0; i < reviewCount; i++) {
		if (!scored[i]) continue;
		const jurorId = input.reviews[i].jurorId;
		let acc = jurorSums.get(jurorId);
		if (!acc) jurorSums.set(jurorId, (acc = { n: 0, sum: 0, squares: 0 }));
		acc.n++;
		acc.sum += totals[i];
		allSum += totals[i];
		allCount++;
	}
	const jurorMean = new Map<number, number>();
	for (const [jurorId, acc] of jurorSums) jurorMean.set(jurorId, acc.sum / acc.n);
	// Second pass for the squared deviations (more exact than Σx² − n·m²).
	let pooledSquares = 0;
	for (let i = 0; i < reviewCount; i++) {
		if (!scored[i]) continue;
		const jurorId = input.reviews[i].jurorId;
		const d = totals[i] - jurorMean.get(jurorId)!;
		jurorSums.get(jurorId)!.squares += d * d;
		pooledSquares += d * d;
	}
	const jurorSd = new Map<number, number>();
	const jurors: AwardJurorStats[] = [];
	for (const [jurorId, acc] of jurorSums) {
		const sd = Math.sqrt(acc.squares / acc.n);
		jurorSd.set(jurorId, sd);
		jurors.push({ jurorId, reviewCount: acc.n, mean: jurorMean.get(jurorId)!, standardDeviation: sd });
	}
	jurors.sort((a, b) => a.jurorId - b.jurorId);
	const mid = allCount ? allSum / allCount : null;
	const pooled = allCount ? Math.sqrt(pooledSquares / allCount) : null;

	// 3. Normalised totals, gathered per candidacy together with the raw ones.
	interface Acc {
		n: number;
		rawSum: number;
		normSum: number;
		min: number;
		max: number;
		raws: number[];
		criterionSums: Float64Array;
		criterionCounts: Uint32Array;
	}
	const byCandidacy = new Map<number, Acc>();
	const accOf = (candidacyId: number): Acc => {
		let acc = byCandidacy.get(candidacyId);
		if (!acc)
			byCandidacy.set(
				candidacyId,
				(acc = {
					n: 0,
					rawSum: 0,
					normSum: 0,
					min: Infinity,
					max: -Infinity,
					raws: [],
					criterionSums: new Float64Array(criteria.length),
					criterionCounts: new Uint32Array(criteria.length)
				})
			);
		return acc;
	};
	for (const id of input.candidacyIds) accOf(id);
	for (let i = 0; i < reviewCount; i++) {
		if (!scored[i]) continue;
		const review = input.reviews[i];
		const t = totals[i];
		const n = jurorSums.get(review.jurorId)!.n;
		const sd = jurorSd.get(review.jurorId)!;
		const z = n < 2 || sd === 0 ? 0 : (t - jurorMean.get(review.jurorId)!) / sd;
		const normalised = Math.min(scaleMax, Math.max(scaleMin, mid! + z * pooled!));
		const acc = accOf(review.candidacyId);
		acc.n++;
		acc.rawSum += t;
		acc.normSum += normalised;
		if (t < acc.min) acc.min = t;
		if (t > acc.max) acc.max = t;
		acc.raws.push(t);
		for (let c = 0; c < criteria.length; c++) {
			const score = review.scores[criteria[c].code];
			if (typeof score !== 'number' || !Number.isFinite(score)) continue;
			acc.criterionSums[c] += score;
			acc.criterionCounts[c]++;
		}
	}

	// 4. Rows.
	const rows: AwardResultRow[] = [];
	for (const [candidacyId, acc] of byCandidacy) {
		const criterionMeans: Record<string, number | null> = {};
		for (let c = 0; c < criteria.length; c++)
			criterionMeans[criteria[c].code] = acc.criterionCounts[c] ? acc.criterionSums[c] / acc.criterionCounts[c] : null;
		if (!acc.n) {
			rows.push({
				candidacyId,
				rank: null,
				rankLabel: '',
				tied: false,
				reviewCount: 0,
				rawMean: null,
				normalisedMean: null,
				min: null,
				max: null,
				standardDeviation: null,
				criterionMeans
			});
			continue;
		}
		const rawMean = acc.rawSum / acc.n;
		let squares = 0;
		for (const raw of acc.raws) squares += (raw - rawMean) * (raw - rawMean);
		rows.push({
			candidacyId,
			rank: null,
			rankLabel: '',
			tied: false,
			reviewCount: acc.n,
			rawMean,
			normalisedMean: acc.normSum / acc.n,
			min: acc.min,
			max: acc.max,
			standardDeviation: Math.sqrt(squares / acc.n),
			criterionMeans
		});
	}

	// 5. Ranking.
	rows.sort((a, b) => {
		if (a.normalisedMean === null || b.normalisedMean === null) {
			if (a.normalisedMean !== b.normalisedMean) return a.normalisedMean === null ? 1 : -1;
			return a.candidacyId - b.candidacyId;
		}
		if (Math.abs(a.normalisedMean - b.normalisedMean) > awardTieTolerance) return b.normalisedMean - a.normalisedMean;
		if (Math.abs(a.rawMean! - b.rawMean!) > awardTieTolerance) return b.rawMean! - a.rawMean!;
		return a.candidacyId - b.candidacyId;
	});
	let groupStart = 0;
	for (let i = 0; i <= rows.length; i++) {
		const row = rows[i];
		const sameGroup =
			row !== undefined &&
			row.normalisedMean !== null &&
			i > groupStart &&
			Math.abs(row.normalisedMean - rows[groupStart].normalisedMean!) <= awardTieTolerance;
		if (sameGroup) continue;
		// Close the group [groupStart, i).
		const size = i - groupStart;
		if (size > 0 && rows[groupStart].normalisedMean !== null) {
			for (let k = groupStart; k < i; k++) {
				rows[k].rank = groupStart + 1;
				rows[k].tied = size > 1;
				rows[k].rankLabel = size > 1 ? `=${groupStart + 1}` : String(groupStart + 1);
			}
		}
		groupStart = i;
	}

	return { rows, mid, pooledStandardDeviation: pooled, jurors };
}
