import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/database.ts';
import { hitRateLimit, resetRateLimit } from './rate-limit.ts';

describeEachDatabase('rate-limit counters', (getDb) => {
	const rule = { limit: 3, windowSeconds: 60 };
	const start = new Date('2026-05-01T10:00:00.000Z');
	const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

	it('allows the limit within a window, refuses beyond it, and starts again in the next window', async () => {
		const db = getDb();
		const hits = [];
		for (const s of [0, 10, 20, 30, 59]) hits.push(await hitRateLimit(db, 'k', rule, at(s)));
		expect(hits).toEqual([true, true, true, false, false]);
		// The window runs from the first hit; the next one opens a fresh window and counts from one.
		expect(await hitRateLimit(db, 'k', rule, at(61))).toBe(true);
		expect(await hitRateLimit(db, 'k', rule, at(62))).toBe(true);
		expect(await hitRateLimit(db, 'k', rule, at(63))).toBe(true);
		expect(await hitRateLimit(db, 'k', rule, at(64))).toBe(false);
		const row = await db.selectFrom('rate_limit_counter').selectAll().where('key', '=', 'k').executeTakeFirstOrThrow();
		expect(row).toMatchObject({ count: 4, window_started_at: at(61).toISOString() });
	});

	it('keeps one counter per key', async () => {
		const db = getDb();
		for (let i = 0; i < 3; i++) await hitRateLimit(db, 'a', rule, at(i));
		expect(await hitRateLimit(db, 'a', rule, at(5))).toBe(false);
		expect(await hitRateLimit(db, 'b', rule, at(5))).toBe(true);
		expect(await db.selectFrom('rate_limit_counter').select('key').orderBy('key').execute()).toEqual([{ key: 'a' }, { key: 'b' }]);
	});

	it('forgets a key when reset', async () => {
		const db = getDb();
		for (let i = 0; i < 4; i++) await hitRateLimit(db, 'a', rule, at(i));
		expect(await hitRateLimit(db, 'a', rule, at(5))).toBe(false);
		await resetRateLimit(db, 'a');
		expect(await hitRateLimit(db, 'a', rule, at(6))).toBe(true);
	});

	it('counts concurrent hits without losing any', async () => {
		const db = getDb();
		const results = await Promise.all(Array.from({ length: 10 }, () => hitRateLimit(db, 'burst', { limit: 4, windowSeconds: 60 }, at(0))));
		expect(results.filter(Boolean)).toHaveLength(4);
		const row = await db.selectFrom('rate_limit_counter').select('count').where('key', '=', 'burst').executeTakeFirstOrThrow();
		expect(Number(row.count)).toBe(10);
	});
});
