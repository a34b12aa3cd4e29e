import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/index.ts';

export interface HealthReport {
	status: 'ok' | 'unavailable';
	database: DatabaseHandle['kind'];
	latencyMs?: number;
	uptimeSeconds: number;
}

/** What load balancers and monitoring read at /healthz: 200 when the database answers, else 503. */
export async function checkHealth(database: DatabaseHandle): Promise<{ httpStatus: 200 | 503; report: HealthReport }> {
	const started = performance.now();
	const uptimeSeconds = Math.round(process.uptime());
	try {
		await Promise.race([
			sql`select 1`.execute(database.db),
			new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 3000).unref())
		]);
		const latencyMs = Math.round((performance.now() - started) * 10) / 10;
		return { httpStatus: 200, report: { status: 'ok', database: database.kind, latencyMs, uptimeSeconds } };
	} catch {
		return { httpStatus: 503, report: { status: 'unavailable', database: database.kind, uptimeSeconds } };
	}
}
