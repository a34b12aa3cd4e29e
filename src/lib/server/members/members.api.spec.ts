// The cities endpoints called as SvelteKit calls them, on a real database: the answers to bad input
// (400 naming the field, 403, 404, 409, 413) and that nothing is written when they are given.
import { expect, it } from 'vitest';
import type { Db } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, countRows, createTestCity } from '../testing/factories.ts';
import * as listRoute from '../../../routes/api/v1/cities/+server.ts';
import * as detailRoute from '../../../routes/api/v1/cities/[id]/+server.ts';
import * as csvRoute from '../../../routes/api/v1/cities.csv/+server.ts';

type Handler = (event: never) => Promise<Response>;

function call(
	handler: Handler,
	db: Db,
	path: string,
	init: { params?: Record<string, string>; actor?: Actor | null; body?: string; method?: string } = {}
) {
	const url = new URL(`http://localhost${path}`);
	const request = new Request(url, {
		method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
		headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
		body: init.body
	});
	const event = { url, request, params: init.params ?? {}, locals: { app: { database: { db } }, locale: 'fr', actor: init.actor ?? null } };
	return handler(event as never);
}

const tables = ['city', 'city_status_change', 'audit_entry'] as const;

describeEachDatabase('cities API', (getDb) => {
	it('lists cities with total and paging, and names the bad query field in a problem document', async () => {
		const db = getDb();
		await createTestCity(db, { name: 'São Paulo', countryCode: 'BR' });
		await createTestCity(db, { name: 'Santos', countryCode: 'BR' });
		const ok = await call(listRoute.GET as Handler, db, '/api/v1/cities?q=sao&pageSize=1');
		expect(ok.status).toBe(200);
		expect(await ok.json()).toMatchObject({ total: 1, page: 1, pageSize: 1, items: [{ name: 'São Paulo', country: 'BR' }] });

		const bad = await call(listRoute.GET as Handler, db, '/api/v1/cities?pageSize=101');
		expect(bad.status).toBe(400);
		expect(bad.headers.get('content-type')).toContain('application/problem+json');
		const problem = await bad.json();
		expect(problem).toMatchObject({ status: 400, code: 'common.errors.validation', errors: [{ field: 'pageSize' }] });
		expect(problem.detail).toMatch(/champs/i);
	});

	it('answers 404 for an unknown or malformed id', async () => {
		const db = getDb();
		for (const id of ['999999', 'abc', '0']) {
			const response = await call(detailRoute.GET as Handler, db, `/api/v1/cities/${id}`, { params: { id } });
			expect(response.status).toBe(404);
			expect((await response.json()).code).toBe('common.errors.not_found');
		}
	});

	it('refuses writes without the right role (403) and bad bodies (400, 413), writing nothing', async () => {
		const db = getDb();
		const barcelona = await createTestCity(db, { name: 'Barcelona' });
		const lisboa = await createTestCity(db, { name: 'Lisboa', countryCode: 'PT' });
		const before = await countRows(db, tables);

		const anonymous = await call(listRoute.POST as Handler, db, '/api/v1/cities', { body: JSON.stringify({ name: 'X' }) });
		expect(anonymous.status).toBe(403);
		const representative = actors.representative(barcelona);
		const otherCity = await call(detailRoute.PATCH as Handler, db, `/api/v1/cities/${lisboa}`, {
			method: 'PATCH',
			params: { id: String(lisboa) },
			actor: representative,
			body: JSON.stringify({ population: 1, version: 1 })
		});
		expect(otherCity.status).toBe(403);
		const invalid = await call(listRoute.POST as Handler, db, '/api/v1/cities', {
			actor: actors.secretariat(),
			body: JSON.stringify({ name: '', countryCode: 'ES', population: -5 })
		});
		expect(invalid.status).toBe(400);
		const fields = (await invalid.json()).errors.map((e: { field: string }) => e.field).sort();
		expect(fields).toEqual(['name', 'population']);
		const notJson = await call(listRoute.POST as Handler, db, '/api/v1/cities', { actor: actors.secretariat(), body: '{"name":' });
		expect(notJson.status).toBe(400);
		const tooLarge = await call(listRoute.POST as Handler, db, '/api/v1/cities', {
			actor: actors.secretariat(),
			body: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) })
		});
		expect(tooLarge.status).toBe(413);

		expect(await countRows(db, tables)).toEqual(before);
	});

	it('creates and updates with the version read, and answers 409 to a stale version', async () => {
		const db = getDb();
		await createTestCity(db, { name: 'Sevilla' });
		const created = await call(listRoute.POST as Handler, db, '/api/v1/cities', {
			actor: actors.secretariat(),
			body: JSON.stringify({ name: 'Granollers', countryCode: 'ES', population: 62000, languages: ['ca', 'es'] })
		});
		expect(created.status).toBe(201);
		const city = await created.json();
		expect(created.headers.get('location')).toBe(`/api/v1/cities/${city.id}`);

		const read = await (
			await call(detailRoute.GET as Handler, db, `/api/v1/cities/${city.id}`, { params: { id: String(city.id) } })
		).json();
		const patch = (body: unknown) =>
			call(detailRoute.PATCH as Handler, db, `/api/v1/cities/${city.id}`, {
				method: 'PATCH',
				params: { id: String(city.id) },
				actor: actors.representative(city.id),
				body: JSON.stringify(body)
			});
		const updated = await patch({ population: 63000, version: read.version });
		expect(updated.status).toBe(200);
		expect(await updated.json()).toMatchObject({
			population: 63000,
			name: 'Granollers',
			languages: ['ca', 'es'],
			version: read.version + 1
		});
		const stale = await patch({ population: 64000, version: read.version });
		expect(stale.status).toBe(409);
		expect((await stale.json()).code).toBe('common.errors.stale');
	});

	it('exports CSV with formula-looking cells made inert', async () => {
		const db = getDb();
		await createTestCity(db, { name: '=HYPERLINK("http://evil")', countryCode: 'ES' });
		const response = await call(csvRoute.GET as Handler, db, '/api/v1/cities.csv');
		expect(response.headers.get('content-type')).toContain('text/csv');
		const text = await response.text();
		expect(text.split('\r\n')[0]).toBe(
			'id,name,country,subdivision,population,latitude,longitude,website,languages,joined_on,government_changed_on,status,region'
		);
		expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
	});
});
