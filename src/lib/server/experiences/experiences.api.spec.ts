// The experiences API and the record's page called as SvelteKit calls them, on a real database: only
// published records are ever served, texts come back as data, and bad parameters get a 400 naming the
// field (never a 500).
import { expect, it } from 'vitest';
import type { Db } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import type { WorkflowAction } from '../../shared/experiences/constants.ts';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, addCityToNetwork, createTestCity, createTestNetwork } from '../testing/factories.ts';
import { createPublishedExperience, createTestExperience, depsFor, prepareExperiences } from '../testing/experience-factories.ts';
import { findExperienceRow } from './experiences.repository.ts';
import { transitionExperience } from './index.ts';
import * as listRoute from '../../../routes/api/v1/experiences/+server.ts';
import * as detailRoute from '../../../routes/api/v1/experiences/[id]/+server.ts';
import * as openApiRoute from '../../../routes/api/v1/openapi.json/+server.ts';
import * as pageServer from '../../../routes/[lang=locale]/experiences/[id=id]/+page.server.ts';

type Handler = (event: never) => Promise<Response> | Response;
const publicUrl = 'http://localhost:3000';

function eventFor(db: Db, path: string, init: { params?: Record<string, string>; actor?: Actor | null; locale?: string } = {}) {
	const url = new URL(`http://localhost${path}`);
	return {
		url,
		request: new Request(url),
		params: init.params ?? {},
		locals: { app: { database: { db }, config: { publicUrl } }, locale: init.locale ?? 'en', actor: init.actor ?? null }
	};
}

const call = (handler: Handler, db: Db, path: string, init: Parameters<typeof eventFor>[2] = {}) =>
	Promise.resolve(handler(eventFor(db, path, init) as never));

async function transition(db: Db, id: number, action: WorkflowAction, comment?: string) {
	const row = await findExperienceRow(db, id);
	const result = await transitionExperience(depsFor(db), actors.secretariat(), id, action, { version: row!.version, comment });
	if (!result.ok) throw new Error(`${action} failed: ${result.code}`);
}

/** A city with one record in each state the public must not see, and one published. */
async function recordsInEveryState(db: Db) {
	await prepareExperiences(db);
	const cityId = await createTestCity(db, { name: 'Rosario', countryCode: 'AR' });
	const draft = await createTestExperience(db, cityId, { texts: { es: { title: 'Borrador secreto', summary: 'Aún no.' } } });
	const returned = await createTestExperience(db, cityId, {
		texts: { es: { title: 'Devuelta secreta', summary: 'Con cambios.', description: 'Texto.' } }
	});
	await transition(db, returned, 'submit');
	await transition(db, returned, 'return', 'Falta la metodología.');
	const archived = await createPublishedExperience(db, cityId, {
		texts: { es: { title: 'Archivada secreta', summary: 'Ya no.', description: 'Texto.' } }
	});
	await transition(db, archived, 'archive');
	const published = await createPublishedExperience(db, cityId, {
		texts: {
			es: { title: 'Huertos escolares', summary: 'Huertos en las escuelas.', description: 'Las escuelas cultivan.' },
			pt: { title: 'Hortas escolares', summary: 'Hortas nas escolas.' }
		},
		contactName: 'Ana Pérez',
		contactEmail: 'ana@example.org',
		contactPhone: '+54 341 000 0000',
		topics: ['environment'],
		principles: [1, 3]
	});
	return { cityId, draft, returned, archived, published };
}

describeEachDatabase('experiences API', (getDb) => {
	it('lists and serves only published records, to anyone who asks', async () => {
		const db = getDb();
		const { draft, returned, archived, published } = await recordsInEveryState(db);

		for (const actor of [null, actors.secretariat()]) {
			const list = await call(listRoute.GET as Handler, db, '/api/v1/experiences', { actor });
			expect(list.status).toBe(200);
			const body = await list.json();
			expect(body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
			expect(body.items.map((i: { id: number }) => i.id)).toEqual([published]);
			expect(body.items[0]).toMatchObject({
				titles: { es: 'Huertos escolares', pt: 'Hortas escolares' },
				languages: ['es', 'pt'],
				url: `${publicUrl}/es/experiences/${published}`,
				apiUrl: `${publicUrl}/api/v1/experiences/${published}`
			});
			expect(body.facets.topic).toEqual([{ code: 'environment', count: 1 }]);
			expect(body.facets.lang.map((f: { code: string }) => f.code).sort()).toEqual(['es', 'pt']);

			for (const hidden of [draft, returned, archived]) {
				const response = await call(detailRoute.GET as Handler, db, `/api/v1/experiences/${hidden}`, {
					params: { id: String(hidden) },
					actor
				});
				expect(response.status).toBe(404);
				expect(response.headers.get('content-type')).toContain('application/problem+json');
				expect((await response.json()).code).toBe('common.errors.not_found');
			}
		}
		const searchHidden = await (await call(listRoute.GET as Handler, db, '/api/v1/experiences?q=secreta')).json();
		expect(searchHidden.total).toBe(0);

		const detail = await call(detailRoute.GET as Handler, db, `/api/v1/experiences/${published}`, { params: { id: String(published) } });
		expect(detail.status).toBe(200);
		const record = await detail.json();
		expect(record).toMatchObject({
			id: published,
			originalLanguage: 'es',
			languages: ['es', 'pt'],
			texts: { es: { title: 'Huertos escolares', description: 'Las escuelas cultivan.' }, pt: { title: 'Hortas escolares' } },
			city: { name: 'Rosario', country: 'AR' },
			contact: { name: 'Ana Pérez', email: 'ana@example.org' },
			principles: [1, 3],
			topics: ['environment']
		});
		// The telephone number stays on the website; internal fields never leave.
		expect(JSON.stringify(record)).not.toContain('341 000');
		for (const internal of ['status', 'version', 'externalId', 'completeness', 'missingFields', 'contactPhone'])
			expect(record).not.toHaveProperty(internal);
	});

	it('answers 404 problems for unknown and malformed ids', async () => {
		const db = getDb();
		for (const id of ['999999', 'abc', '0', '-1', '1e3', '99999999999']) {
			const response = await call(detailRoute.GET as Handler, db, `/api/v1/experiences/${id}`, { params: { id } });
			expect(response.status).toBe(404);
			expect((await response.json()).code).toBe('common.errors.not_found');
		}
	});

	it('returns markup in texts as plain JSON strings', async () => {
		const db = getDb();
		await prepareExperiences(db);
		const cityId = await createTestCity(db);
		const title = '<script>alert("x")</script> & <b>bold</b>';
		const id = await createPublishedExperience(db, cityId, {
			texts: { es: { title, summary: '<img src=x onerror=alert(1)>', description: '<iframe src="//evil"></iframe>' } }
		});
		const response = await call(detailRoute.GET as Handler, db, `/api/v1/experiences/${id}`, { params: { id: String(id) } });
		expect(response.headers.get('content-type')).toContain('application/json');
		const record = await response.json();
		expect(record.texts.es.title).toBe(title);
		expect(record.texts.es.summary).toBe('<img src=x onerror=alert(1)>');
		const list = await (await call(listRoute.GET as Handler, db, '/api/v1/experiences')).json();
		expect(list.items[0].titles.es).toBe(title);
	});

	it('filters with the search page’s parameters, repeated or comma-separated', async () => {
		const db = getDb();
		await prepareExperiences(db);
		const rosario = await createTestCity(db, { name: 'Rosario', countryCode: 'AR' });
		const lisboa = await createTestCity(db, { name: 'Lisboa', countryCode: 'PT' });
		const network = await createTestNetwork(db);
		await addCityToNetwork(db, network, lisboa);
		const a = await createPublishedExperience(db, rosario, { principles: [1, 2], topics: ['environment'], startDate: '2018-01-01' });
		const b = await createPublishedExperience(db, lisboa, {
			principles: [2],
			topics: ['environment'],
			banks: ['international', 'latin_american']
		});
		const ids = async (query: string) =>
			(await (await call(listRoute.GET as Handler, db, `/api/v1/experiences?${query}`)).json()).items
				.map((i: { id: number }) => i.id)
				.sort();
		expect(await ids('principle=1&principle=2')).toEqual([a]);
		expect(await ids('principle=1,2')).toEqual([a]);
		expect(await ids('principle=2')).toEqual([a, b].sort());
		expect(await ids('country=pt')).toEqual([b]);
		expect(await ids(`network=${network}`)).toEqual([b]);
		expect(await ids(`city=${rosario}`)).toEqual([a]);
		expect(await ids('year=2018')).toEqual([a]);
		expect(await ids('bank=latin_american')).toEqual([b]);
		expect(await ids('region=latin-america-caribbean')).toEqual([a]);
		const paged = await (await call(listRoute.GET as Handler, db, '/api/v1/experiences?pageSize=1&page=2&sort=oldest')).json();
		expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
		expect(paged.items.map((i: { id: number }) => i.id)).toEqual([b]);
	});

	it('answers bad parameters with a 400 naming each field, and odd searches without failing', async () => {
		const db = getDb();
		await prepareExperiences(db);
		const cityId = await createTestCity(db);
		await createPublishedExperience(db, cityId);
		const cases: [string, string][] = [
			['principle=abc', 'principle'],
			['principle=21', 'principle'],
			['sdg=0', 'sdg'],
			['topic=Not a code!', 'topic'],
			['country=Spain', 'country'],
			['region=atlantis', 'region'],
			['year=1800', 'year'],
			['year=abc', 'year'],
			['lang=de', 'lang'],
			['bank=national', 'bank'],
			['sort=random', 'sort'],
			['page=0', 'page'],
			['pageSize=101', 'pageSize'],
			['network=-3', 'network'],
			['city=x', 'city']
		];
		for (const [query, field] of cases) {
			const response = await call(listRoute.GET as Handler, db, `/api/v1/experiences?${query}`);
			expect(response.status, query).toBe(400);
			expect(response.headers.get('content-type')).toContain('application/problem+json');
			const problem = await response.json();
			expect(problem.code).toBe('common.errors.validation');
			expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
			expect(problem.errors[0].messages[0]).not.toMatch(/^[a-z]+\.[a-z_.]+$/);
		}
		const several = await (await call(listRoute.GET as Handler, db, '/api/v1/experiences?principle=x&sort=y')).json();
		expect(several.errors.map((e: { field: string }) => e.field).sort()).toEqual(['principle', 'sort']);

		const odd = [
			'a'.repeat(10_000),
			'palabra '.repeat(1_500),
			'"',
			'*',
			'" OR 1=1 --',
			'NEAR(a b)',
			'(((',
			'a:b',
			"l'école",
			'\u0000\u0007',
			'🌱 huertos'
		];
		for (const q of odd) {
			const response = await call(listRoute.GET as Handler, db, `/api/v1/experiences?q=${encodeURIComponent(q)}`);
			expect(response.status, q.slice(0, 20)).toBe(200);
		}
	});

	it('describes every experiences operation in the OpenAPI document', async () => {
		const response = await openApiRoute.GET();
		const document = await response.json();
		expect(Object.keys(document.paths)).toEqual(
			expect.arrayContaining(['/api/v1/experiences', '/api/v1/experiences/{id}', '/api/v1/experiences.csv', '/api/v1/experiences.json'])
		);
		const list = document.paths['/api/v1/experiences'].get;
		expect(list.operationId).toBe('listExperiences');
		expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
			expect.arrayContaining([
				'q',
				'principle',
				'topic',
				'target',
				'sdg',
				'country',
				'region',
				'network',
				'city',
				'year',
				'lang',
				'bank',
				'featured',
				'sort',
				'page',
				'pageSize'
			])
		);
		const schema = list.responses['200'].content['application/json'].schema;
		expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['items', 'total', 'page', 'pageSize', 'facets']));
		expect(document.paths['/api/v1/experiences.csv'].get.responses['200'].content).toHaveProperty('text/csv');
		const detail = document.paths['/api/v1/experiences/{id}'].get.responses['200'].content['application/json'].schema;
		expect(detail.properties).toHaveProperty('texts');
		expect(detail.properties).not.toHaveProperty('contactPhone');
	});
});

describeEachDatabase('experience page', (getDb) => {
	const load = (db: Db, id: number, actor: Actor | null = null, search = '') =>
		pageServer.load(eventFor(db, `/en/experiences/${id}${search}`, { params: { id: String(id) }, actor, locale: 'en' }) as never);
	const status = async (promise: Promise<unknown>) => {
		try {
			await promise;
			return 200;
		} catch (e) {
			return (e as { status?: number }).status ?? 500;
		}
	};

	it('is a 404 for the public unless published, and a preview for the city and the secretariat', async () => {
		const db = getDb();
		const { cityId, draft, returned, archived, published } = await recordsInEveryState(db);
		for (const hidden of [draft, returned, archived]) {
			expect(await status(load(db, hidden))).toBe(404);
			expect(await status(load(db, hidden, actors.member()))).toBe(404);
			expect(await status(load(db, hidden, actors.representative(cityId + 1000)))).toBe(404);
		}
		const preview = await load(db, returned, actors.representative(cityId));
		expect(preview.preview).toEqual({ status: 'returned' });
		expect(preview.record.texts.es?.title).toBe('Devuelta secreta');
		const archivedPreview = await load(db, archived, actors.secretariat());
		expect(archivedPreview.preview).toEqual({ status: 'archived' });

		const publicView = await load(db, published);
		expect(publicView.preview).toBeNull();
		expect(publicView.revision).toBeNull();
		expect(publicView.record.texts.es?.title).toBe('Huertos escolares');
		expect(publicView.textLanguage).toBe('es');
		expect(publicView.textLanguages).toEqual(['es', 'pt']);
		expect(publicView.canonicalUrl).toBe(`${publicUrl}/en/experiences/${published}`);
		expect((await load(db, published, null, '?text=pt')).textLanguage).toBe('pt');
		expect((await load(db, published, null, '?text=fr')).textLanguage).toBe('es');

		// A revision in progress: the public still sees the published version; the city is told.
		await transition(db, published, 'revise');
		expect((await load(db, published)).revision).toBeNull();
		const ownView = await load(db, published, actors.representative(cityId));
		expect(ownView.preview).toBeNull();
		expect(ownView.revision).toEqual({ status: 'draft' });
	});
});
