import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/index.ts';
import { checkHealth } from './health.ts';
import { describeEachDatabase } from '../testing/database.ts';

describeEachDatabase('health check', (getDb, kind) => {
	it('reports ok with the kind of database while it answers', async () => {
		const handle = { db: getDb(), kind, close: async () => {} };
		const { httpStatus, report } = await checkHealth(handle);
		expect(httpStatus).toBe(200);
		expect(report).toMatchObject({ status: 'ok', database: kind });
	});
});

describe('health check without a database', () => {
	it('answers 503 when the database cannot be reached', async () => {
		const handle = openDatabase({ databaseUrl: 'postgres://nobody:nothing@127.0.0.1:1/none' });
		const { httpStatus, report } = await checkHealth(handle);
		expect(httpStatus).toBe(503);
		expect(report).toMatchObject({ status: 'unavailable', database: 'postgres' });
		await handle.close();
	});
});
