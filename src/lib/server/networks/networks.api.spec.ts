// The JSON and CSV endpoints, called as SvelteKit calls them, on a real database.
import { expect, it } from 'vitest';
import type { Db } from '../db/index.ts';
import type { Locale } from '../../shared/i18n.ts';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, createTestCity } from '../testing/factories.ts';
import { createNetwork } from './networks.service.ts';
import * as listRoute from '../../../routes/api/v1/networks/+server.ts';
import * as detailRoute from '../../../routes/api/v1/networks/[id]/+server.ts';
import * as csvRoute from '../../../routes/api/v1/networks.csv/+server.ts';
import { networkOperations } from './networks.openapi.ts';
import { buildOpenApiDocument } from '../http/openapi.ts';

type Handler = (event: never) => Promise<Response>;

function call(handler: Handler, db: Db, path: string, params: Record<string, string> = {}, locale: Locale = 'en') {
	const event = { url: new URL(`http://localhost${path}`), params, locals: { app: { database: { db } }, locale, actor: null } };
	return handler(event as never);
}

async function seed(db: Db) {
	const ids: number[] = [];
	for (const [name, countryCode] of [
		['Barcelona', 'ES'],
		['Lyon', 'FR'],
		['Lisboa', 'PT'],
		['Sevilla', 'ES'],
		['Nantes', 'FR']
	])
		ids.push(await createTestCity(db, { name, countryCode }));
	const texts = (name: string) => ({
		name_es: `${name} ES`,
		name_en: name,
		name_fr: `${name} FR`,
		name_pt: `${name} PT`,
		description_es: 'es',
		description_en: 'en',
		description_fr: 'fr',
		description_pt: 'pt'
	});
	const thematic = await createNetwork(db, actors.secretariat(), {
		kind: 'thematic',
		...texts('Care'),
		coordinatorCityId: ids[0],
		coCoordinatorCityIds: [ids[1], ids[2]],
		memberCityIds: [ids[3], ids[4]]
	});
	const territorial = await createNetwork(db, actors.secretariat(), { kind: 'territorial', ...texts('-Minus Network') });
	if (!thematic.ok || !territorial.ok) throw new Error('seed failed');
	return { thematic: thematic.value.id, territorial: territorial.value.id };
}

describeEachDatabase('networks API', (getDb) => {
	it('GET /api/v1/networks lists networks with member counts, paginated, in the language asked for', async () => {
		const db = getDb();
		const { thematic } = await seed(db);
		const response = await call(listRoute.GET as Handler, db, '/api/v1/networks?lang=fr&pageSize=1');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		const body = await response.json();
		expect(body).toMatchObject({ total: 2, page: 1, pageSize: 1, lang: 'fr' });
		expect(body.items).toHaveLength(1);
		const second = await (await call(listRoute.GET as Handler, db, '/api/v1/networks?lang=fr&pageSize=1&page=2')).json();
		const care = [...body.items, ...second.items].find((n: { id: number }) => n.id === thematic);
		expect(care).toMatchObject({
			name: 'Care FR',
			memberCount: 5,
			countryCount: 3,
			kind: 'thematic',
			coordinator: { name: 'Barcelona', country: 'ES' }
		});
	});

	it('a bad query is a 400 problem naming the field', async () => {
		const db = getDb();
		const response = await call(listRoute.GET as Handler, db, '/api/v1/networks?pageSize=101&lang=de');
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toContain('application/problem+json');
		const problem = await response.json();
		expect(problem.code).toBe('common.errors.validation');
		expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['lang', 'pageSize']);
	});

	it('GET /api/v1/networks/{id} gives the network with its members; unknown ids are 404 problems', async () => {
		const db = getDb();
		const { thematic } = await seed(db);
		const response = await call(detailRoute.GET as Handler, db, `/api/v1/networks/${thematic}?lang=pt`, { id: String(thematic) });
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body).toMatchObject({ id: thematic, name: 'Care PT', lang: 'pt', memberCount: 5, countryCount: 3 });
		expect(body.texts.es).toEqual({ name: 'Care ES', description: 'es' });
		expect(body.members[0]).toMatchObject({ name: 'Barcelona', country: 'ES', role: 'coordinator' });
		for (const id of ['999999', 'abc', '0']) {
			const missing = await call(detailRoute.GET as Handler, db, `/api/v1/networks/${id}`, { id });
			expect(missing.status).toBe(404);
			expect(missing.headers.get('content-type')).toContain('application/problem+json');
		}
		const bad = await call(detailRoute.GET as Handler, db, `/api/v1/networks/${thematic}?lang=xx`, { id: String(thematic) });
		expect(bad.status).toBe(400);
		expect((await bad.json()).errors[0].field).toBe('lang');
	});

	it('GET /api/v1/networks.csv is CSV with formula-looking cells neutralised', async () => {
		const db = getDb();
		await seed(db);
		const response = await call(csvRoute.GET as Handler, db, '/api/v1/networks.csv?lang=en');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const text = await response.text();
		expect(text.split('\r\n')).toHaveLength(3);
		expect(text).toContain(",'-Minus Network,");
		expect((await call(csvRoute.GET as Handler, db, '/api/v1/networks.csv?kind=nope')).status).toBe(400);
	});
});

it('describes its three operations for the OpenAPI document', () => {
	expect(networkOperations.map((op) => `${op.method} ${op.path}`)).toEqual([
		'get /api/v1/networks',
		'get /api/v1/networks.csv',
		'get /api/v1/networks/{id}'
	]);
	const document = buildOpenApiDocument(networkOperations, { title: 't', version: '1', description: 'd' });
	const list = document.paths['/api/v1/networks'].get as {
		parameters: { name: string; schema: Record<string, unknown> }[];
		responses: Record<string, unknown>;
	};
	expect(list.parameters.map((p) => p.name)).toEqual(['lang', 'kind', 'page', 'pageSize']);
	expect(list.parameters.find((p) => p.name === 'pageSize')?.schema).toMatchObject({ maximum: 100 });
	expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '400']));
	const detail = document.paths['/api/v1/networks/{id}'].get as { parameters: { name: string; in: string }[] };
	expect(detail.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path' }));
	expect(JSON.stringify(document)).toContain('coCoordinators');
});
