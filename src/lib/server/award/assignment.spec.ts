import { describe, expect, it } from 'vitest';
import { pairKey, planBalancedAssignment, seededRandom } from './assignment.ts';

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

function countsPerCandidacy(pairs: { candidacyId: number }[]) {
	const counts = new Map<number, number>();
	for (const p of pairs) counts.set(p.candidacyId, (counts.get(p.candidacyId) ?? 0) + 1);
	return counts;
}

describe('balanced assignment (pure)', () => {
	it('gives every candidacy exactly N jurors with loads within one, 60 × 5 with N = 3', () => {
		const candidacyIds = range(100, 60);
		const jurorIds = range(1, 5);
		const plan = planBalancedAssignment({ candidacyIds, jurorIds, blocked: new Set(), perCandidacy: 3, seed: 42 });
		expect(plan.pairs).toHaveLength(180);
		const counts = countsPerCandidacy(plan.pairs);
		for (const id of candidacyIds) expect(counts.get(id)).toBe(3);
		expect(Object.values(plan.loads)).toEqual([36, 36, 36, 36, 36]);
		expect(plan.shortfalls).toEqual([]);
		// No pair twice.
		expect(new Set(plan.pairs.map((p) => pairKey(p.jurorId, p.candidacyId))).size).toBe(180);
	});

	it('never assigns a blocked pair and still balances loads when conflicts allow', () => {
		const candidacyIds = range(1, 61);
		const jurorIds = [10, 20, 30, 40, 50];
		// Juror 10 is blocked from the first 20 candidacies, juror 20 from every third one.
		const blocked = new Set<string>();
		for (const c of candidacyIds.slice(0, 20)) blocked.add(pairKey(10, c));
		for (const c of candidacyIds.filter((c) => c % 3 === 0)) blocked.add(pairKey(20, c));
		const plan = planBalancedAssignment({ candidacyIds, jurorIds, blocked, perCandidacy: 2, seed: 7 });
		for (const pair of plan.pairs) expect(blocked.has(pairKey(pair.jurorId, pair.candidacyId))).toBe(false);
		const counts = countsPerCandidacy(plan.pairs);
		for (const id of candidacyIds) expect(counts.get(id)).toBe(2);
		const loads = Object.values(plan.loads);
		expect(loads.reduce((a, b) => a + b, 0)).toBe(122);
		expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
	});

	it('reports candidacies that cannot reach N and gives them every free juror', () => {
		const blocked = new Set([pairKey(1, 7), pairKey(2, 7)]);
		const plan = planBalancedAssignment({ candidacyIds: [7, 8], jurorIds: [1, 2, 3], blocked, perCandidacy: 2, seed: 1 });
		expect(plan.shortfalls).toEqual([{ candidacyId: 7, assigned: 1 }]);
		expect(plan.pairs.filter((p) => p.candidacyId === 7)).toEqual([{ jurorId: 3, candidacyId: 7 }]);
		expect(plan.pairs.filter((p) => p.candidacyId === 8)).toHaveLength(2);
	});

	it('is deterministic for a seed, whatever the input order, and varies with the seed', () => {
		const input = { candidacyIds: range(1, 30), jurorIds: range(1, 7), blocked: new Set([pairKey(3, 4)]), perCandidacy: 3 };
		const a = planBalancedAssignment({ ...input, seed: 2026 });
		const b = planBalancedAssignment({
			...input,
			candidacyIds: [...input.candidacyIds].reverse(),
			jurorIds: [...input.jurorIds].reverse(),
			seed: 2026
		});
		expect(b).toEqual(a);
		const others = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(planBalancedAssignment({ ...input, seed }).pairs));
		expect(new Set(others).size).toBeGreaterThan(1);
	});

	it('keeps the pairs it is told to keep and counts them towards N and the loads', () => {
		const keep = [
			{ jurorId: 1, candidacyId: 1 },
			{ jurorId: 1, candidacyId: 2 },
			{ jurorId: 1, candidacyId: 3 }
		];
		const plan = planBalancedAssignment({
			candidacyIds: [1, 2, 3, 4, 5, 6],
			jurorIds: [1, 2, 3],
			blocked: new Set(),
			perCandidacy: 1,
			seed: 9,
			keep
		});
		for (const pair of keep) expect(plan.pairs).toContainEqual(pair);
		expect(plan.pairs).toHaveLength(6);
		// Juror 1 already holds three, so the other three go to jurors 2 and 3 (loads 3, 2 or 1 — kept pairs are never moved).
		expect(plan.loads[1]).toBe(3);
		expect(plan.loads[2] + plan.loads[3]).toBe(3);
	});

	it('the generator is reproducible and spread over [0, 1)', () => {
		const a = seededRandom(5);
		const b = seededRandom(5);
		const values = Array.from({ length: 1000 }, () => a());
		expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
		expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...values)).toBeLessThan(1);
		expect(values.filter((v) => v < 0.5).length).toBeGreaterThan(400);
		expect(values.filter((v) => v < 0.5).length).toBeLessThan(600);
	});
});
