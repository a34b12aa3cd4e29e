import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/database.ts';
import { actors } from '../testing/factories.ts';
import { diffFields, listAuditEntries, listAuditEntityTypes, recordAudit } from './audit.ts';

describe('diffFields', () => {
	it('keeps only the fields whose values change, treating undefined as untouched', () => {
		expect(
			diffFields({ name: 'Lyon', population: 1, website: null, tags: ['a'] } as Record<string, unknown>, {
				name: 'Lyon',
				population: 2,
				website: 'https://lyon.fr',
				tags: ['a'],
				subdivision: undefined
			})
		).toEqual({ population: { from: 1, to: 2 }, website: { from: null, to: 'https://lyon.fr' } });
	});
});

describeEachDatabase('audit log', (getDb) => {
	it('records who did what to which record, and lists it newest first with filters', async () => {
		const db = getDb();
		await recordAudit(db, actors.secretariat(), { action: 'city.create', entityType: 'city', entityId: 4, summary: { name: 'Lyon' } });
		await recordAudit(db, null, { action: 'account.password_reset', entityType: 'account', entityId: 'u1', summary: {} });
		await recordAudit(db, actors.admin(), {
			action: 'city.update',
			entityType: 'city',
			entityId: 4,
			summary: { population: { from: 1, to: 2 } }
		});

		const all = await listAuditEntries(db, { page: 1, pageSize: 10 });
		expect(all.total).toBe(3);
		expect(all.rows.map((r) => r.action)).toEqual(['city.update', 'account.password_reset', 'city.create']);
		expect(all.rows[2]).toMatchObject({
			actor_user_id: 'user-secretariat',
			actor_label: 'Sara Secretariat <secretariat@example.org>',
			entity_id: '4'
		});
		expect(JSON.parse(all.rows[2].summary)).toEqual({ name: 'Lyon' });
		expect(all.rows[1]).toMatchObject({ actor_user_id: null, actor_label: 'anonymous' });

		const cities = await listAuditEntries(db, { entityType: 'city', actor: 'ada', page: 1, pageSize: 10 });
		expect(cities.rows.map((r) => r.action)).toEqual(['city.update']);
		const paged = await listAuditEntries(db, { page: 2, pageSize: 2 });
		expect(paged).toMatchObject({ total: 3 });
		expect(paged.rows.map((r) => r.action)).toEqual(['city.create']);
		expect(await listAuditEntityTypes(db)).toEqual(['account', 'city']);
	});
});
