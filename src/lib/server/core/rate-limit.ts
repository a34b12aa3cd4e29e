import type { DbOrTrx } from '../db/index.ts';

export interface RateLimitRule {
	limit: number;
	windowSeconds: number;
}

/**
 * A fixed-window counter kept in the database, so that several app servers behind a load balancer
 * share it. Returns whether this hit is still within the limit.
 */
export async function hitRateLimit(db: DbOrTrx, key: string, rule: RateLimitRule, now = new Date()): Promise<boolean> {
	const windowStart = new Date(now.getTime() - rule.windowSeconds * 1000).toISOString();
	const nowText = now.toISOString();
	const row = await db
		.insertInto('rate_limit_counter')
		.values({ key, count: 1, window_started_at: nowText })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet((eb) => ({
				count: eb
					.case()
					.when('rate_limit_counter.window_started_at', '<', windowStart)
					.then(1)
					.else(eb('rate_limit_counter.count', '+', 1))
					.end(),
				window_started_at: eb
					.case()
					.when('rate_limit_counter.window_started_at', '<', windowStart)
					.then(nowText)
					.else(eb.ref('rate_limit_counter.window_started_at'))
					.end()
			}))
		)
		.returning('count')
		.executeTakeFirstOrThrow();
	return Number(row.count) <= rule.limit;
}

export async function resetRateLimit(db: DbOrTrx, key: string): Promise<void> {
	await db.deleteFrom('rate_limit_counter').where('key', '=', key).execute();
}
