// Balanced random assignment of jurors to candidacies, as a pure function: the same input and seed always
// give the same pairs. Every candidacy gets N jurors when enough of them are free of conflicts; the jurors'
// loads differ by at most one whenever the conflicts allow it.

export interface AssignmentInput {
	candidacyIds: readonly number[];
	jurorIds: readonly number[];
	/** `${jurorId}:${candidacyId}` pairs that must not be assigned (conflicts still excluded or pending). */
	blocked: ReadonlySet<string>;
	/** How many jurors each candidacy should get. */
	perCandidacy: number;
	seed: number;
	/** Pairs that stay whatever happens (reviews that already hold scores); they count towards N and loads. */
	keep?: readonly AssignmentPair[];
}

export interface AssignmentPair {
	jurorId: number;
	candidacyId: number;
}

export interface AssignmentPlan {
	/** All pairs of the plan, the kept ones included, sorted by candidacy then juror. */
	pairs: AssignmentPair[];
	/** Candidacies that could not reach N jurors (too few jurors free of conflicts). */
	shortfalls: { candidacyId: number; assigned: number }[];
	/** Assignments per juror in the plan. */
	loads: Record<number, number>;
}

export const pairKey = (jurorId: number, candidacyId: number) => `${jurorId}:${candidacyId}`;

/** mulberry32: a tiny, well-distributed 32-bit generator; enough to shuffle fairly and reproducibly. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}

export function planBalancedAssignment(input: AssignmentInput): AssignmentPlan {
	const random = seededRandom(input.seed);
	const n = Math.max(0, Math.floor(input.perCandidacy));
	// Sorted first, so the order the caller lists them in does not change the result.
	const jurorIds = [...new Set(input.jurorIds)].sort((a, b) => a - b);
	const candidacyIds = [...new Set(input.candidacyIds)].sort((a, b) => a - b);
	const jurorSet = new Set(jurorIds);
	const candidacySet = new Set(candidacyIds);

	const assigned = new Map<number, Set<number>>(candidacyIds.map((c) => [c, new Set<number>()]));
	const kept = new Set<string>();
	const load = new Map<number, number>(jurorIds.map((j) => [j, 0]));
	for (const pair of input.keep ?? []) {
		if (!jurorSet.has(pair.jurorId) || !candidacySet.has(pair.candidacyId)) continue;
		const key = pairKey(pair.jurorId, pair.candidacyId);
		if (kept.has(key)) continue;
		kept.add(key);
		assigned.get(pair.candidacyId)!.add(pair.jurorId);
		load.set(pair.jurorId, load.get(pair.jurorId)! + 1);
	}

	const eligible = new Map<number, number[]>(candidacyIds.map((c) => [c, jurorIds.filter((j) => !input.blocked.has(pairKey(j, c)))]));
	// A random tie-break per juror, fixed for the whole run, so equal loads are not always won by the lowest id.
	const tieBreak = new Map<number, number>(shuffled(jurorIds, random).map((j, index) => [j, index]));

	// The most constrained candidacies first (fewest free jurors), ties in a seeded random order.
	const order = shuffled(candidacyIds, random).sort((a, b) => eligible.get(a)!.length - eligible.get(b)!.length);
	for (const candidacyId of order) {
		const chosen = assigned.get(candidacyId)!;
		while (chosen.size < n) {
			const options = eligible.get(candidacyId)!.filter((j) => !chosen.has(j));
			if (!options.length) break;
			options.sort((a, b) => load.get(a)! - load.get(b)! || tieBreak.get(a)! - tieBreak.get(b)!);
			const jurorId = options[0];
			chosen.add(jurorId);
			load.set(jurorId, load.get(jurorId)! + 1);
		}
	}

	// Even out what the greedy pass left uneven: move a pair from a most-loaded juror to a least-loaded one
	// where the conflicts allow it. Each move narrows the gap, so this ends.
	for (let guard = 0; guard < candidacyIds.length * jurorIds.length + 1; guard++) {
		const byLoad = [...jurorIds].sort((a, b) => load.get(b)! - load.get(a)! || tieBreak.get(a)! - tieBreak.get(b)!);
		let moved = false;
		outer: for (const heavy of byLoad) {
			for (const light of [...byLoad].reverse()) {
				if (load.get(heavy)! - load.get(light)! <= 1) break;
				for (const candidacyId of order) {
					const chosen = assigned.get(candidacyId)!;
					if (!chosen.has(heavy) || chosen.has(light)) continue;
					if (kept.has(pairKey(heavy, candidacyId)) || input.blocked.has(pairKey(light, candidacyId))) continue;
					chosen.delete(heavy);
					chosen.add(light);
					load.set(heavy, load.get(heavy)! - 1);
					load.set(light, load.get(light)! + 1);
					moved = true;
					break outer;
				}
			}
		}
		if (!moved) break;
	}

	const pairs: AssignmentPair[] = [];
	const shortfalls: AssignmentPlan['shortfalls'] = [];
	for (const candidacyId of candidacyIds) {
		const chosen = [...assigned.get(candidacyId)!].sort((a, b) => a - b);
		for (const jurorId of chosen) pairs.push({ jurorId, candidacyId });
		if (chosen.length < n) shortfalls.push({ candidacyId, assigned: chosen.length });
	}
	return { pairs, shortfalls, loads: Object.fromEntries(jurorIds.map((j) => [j, load.get(j)!])) };
}
