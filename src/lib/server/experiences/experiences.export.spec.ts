// Open data of the bank on a real database: CSV and JSON exports of a search and the Atom feed serve
// published records only, keep markup inert and spreadsheet formulas harmless.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import type { WorkflowAction } from '../../shared/experiences/constants.ts';
import type { PublishedExperience } from '../../shared/experiences/types.ts';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, createTestCity } from '../testing/factories.ts';
import { createPublishedExperience, createTestExperience, depsFor, prepareExperiences } from '../testing/experience-factories.ts';
import { findExperienceRow } from './experiences.repository.ts';
import { transitionExperience } from './index.ts';
import { buildExperiencesFeed, escapeXml, experienceCsvColumns } from './experiences.export.ts';
import * as csvRoute from '../../../routes/api/v1/experiences.csv/+server.ts';
import * as jsonRoute from '../../../routes/api/v1/experiences.json/+server.ts';
import * as feedRoute from '../../../routes/[lang=locale]/experiences/feed.xml/+server.ts';

type Handler = (event: never) => Promise<Response>;
const publicUrl = 'http://localhost:3000';

function call(handler: Handler, db: Db, path: string, init: { actor?: Actor | null; locale?: string } = {}) {
	const url = new URL(`http://localhost${path}`);
	const locale = init.locale ?? /^\/(es|en|fr|pt)\//.exec(path)?.[1] ?? 'en';
	return handler({
		url,
		request: new Request(url),
		params: {},
		locals: { app: { database: { db }, config: { publicUrl } }, locale, actor: init.actor ?? null }
	} as never);
}

async function transition(db: Db, id: number, action: WorkflowAction, comment?: string) {
	const row = await findExperienceRow(db, id);
	const result = await transitionExperience(depsFor(db), actors.secretariat(), id, action, { version: row!.version, comment });
	if (!result.ok) throw new Error(`${action} failed: ${result.code}`);
}

function parseCsv(text: string) {
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	return parsed;
}

const markup = '<script>alert("x")</script> & <b>bold</b> ]]> "quoted" \'single\'';

async function recordsInEveryState(db: Db) {
	await prepareExperiences(db);
	const cityId = await createTestCity(db, { name: 'Rosario', countryCode: 'AR' });
	const draft = await createTestExperience(db, cityId, { texts: { es: { title: 'Borrador secreto' } } });
	const returned = await createTestExperience(db, cityId, {
		texts: { es: { title: 'Devuelta secreta', summary: 'S.', description: 'D.' } }
	});
	await transition(db, returned, 'submit');
	await transition(db, returned, 'return', 'Cambios.');
	const archived = await createPublishedExperience(db, cityId, {
		texts: { es: { title: 'Archivada secreta', summary: 'S.', description: 'D.' } }
	});
	await transition(db, archived, 'archive');
	const published = await createPublishedExperience(db, cityId, {
		texts: {
			es: { title: 'Huertos escolares', summary: 'Huertos en las escuelas.', description: 'Línea 1\nLínea 2, con "comillas"' },
			en: { title: 'School gardens', summary: 'Gardens in schools.' }
		},
		principles: [1, 3],
		topics: ['environment', 'equal-opportunities'],
		sdgs: [4, 11],
		links: ['https://example.org/a;b', 'https://example.org/c'],
		contactName: 'Ana Pérez',
		contactEmail: 'ana@example.org',
		contactPhone: '+54 341 000 0000'
	});
	const injected = await createPublishedExperience(db, cityId, {
		texts: {
			es: { title: '=HYPERLINK("http://evil","clic")', summary: '+SUM(A1:A9)', description: '-2+3', objectives: '@cmd' },
			fr: { title: markup, summary: '\u0001control\u0008chars\uFFFF' }
		},
		contactName: '=1+1'
	});
	return { cityId, draft, returned, archived, published, injected };
}

describeEachDatabase('experiences exports', (getDb) => {
	it('exports every matching published record as CSV, one row each, formulas guarded', async () => {
		const db = getDb();
		const { published, injected } = await recordsInEveryState(db);
		const response = await call(csvRoute.GET as Handler, db, '/api/v1/experiences.csv?pageSize=1&page=3', { actor: actors.secretariat() });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="experiences-\d{4}-\d{2}-\d{2}\.csv"$/);
		const text = await response.text();
		expect(text).not.toMatch(/secret[oa]/);
		expect(text).not.toContain('\r\n\r\n');
		expect(text.endsWith('\r\n')).toBe(true);
		const { data, meta } = parseCsv(text);
		expect(meta.fields).toEqual(experienceCsvColumns);
		expect(data.map((r) => Number(r.id)).sort()).toEqual([published, injected].sort());

		const row = data.find((r) => Number(r.id) === published)!;
		expect(row).toMatchObject({
			url: `${publicUrl}/es/experiences/${published}`,
			city: 'Rosario',
			country: 'AR',
			original_language: 'es',
			languages: 'es;en',
			title: 'Huertos escolares',
			description: 'Línea 1\nLínea 2, con "comillas"',
			title_es: 'Huertos escolares',
			title_en: 'School gardens',
			summary_en: 'Gardens in schools.',
			title_fr: '',
			principles: '1;3',
			topics: 'environment;equal-opportunities',
			sdgs: '4;11',
			links: 'https://example.org/a;b https://example.org/c',
			contact_name: 'Ana Pérez',
			contact_email: 'ana@example.org'
		});
		expect(text).not.toContain('341 000');

		const guarded = data.find((r) => Number(r.id) === injected)!;
		expect(guarded.title).toBe(`'=HYPERLINK("http://evil","clic")`);
		expect(guarded.summary).toBe(`'+SUM(A1:A9)`);
		expect(guarded.description).toBe(`'-2+3`);
		expect(guarded.objectives).toBe(`'@cmd`);
		expect(guarded.contact_name).toBe(`'=1+1`);
		expect(guarded.title_es).toBe(`'=HYPERLINK("http://evil","clic")`);
		for (const r of data) for (const value of Object.values(r)) expect(value).not.toMatch(/^[=+\-@]/);
	});

	it('exports the same search as JSON, markup kept as text', async () => {
		const db = getDb();
		const { published, injected } = await recordsInEveryState(db);
		const response = await call(jsonRoute.GET as Handler, db, '/api/v1/experiences.json', { actor: actors.secretariat() });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/json');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="experiences-\d{4}-\d{2}-\d{2}\.json"$/);
		const body = await response.json();
		expect(body.total).toBe(2);
		expect(body.items.map((i: { id: number }) => i.id).sort()).toEqual([published, injected].sort());
		const record = body.items.find((i: { id: number }) => i.id === injected);
		expect(record.texts.fr.title).toBe(markup);
		expect(JSON.stringify(body)).not.toMatch(/secret[oa]/);

		const filtered = await (await call(jsonRoute.GET as Handler, db, '/api/v1/experiences.json?topic=equal-opportunities&lang=en')).json();
		expect(filtered.items.map((i: { id: number }) => i.id)).toEqual([published]);
		const none = await call(jsonRoute.GET as Handler, db, '/api/v1/experiences.json?q=nada-coincide-con-esto');
		expect(await none.json()).toEqual({ items: [], total: 0 });
	});

	it('streams large exports completely', async () => {
		const db = getDb();
		await prepareExperiences(db);
		const cityId = await createTestCity(db);
		const ids: number[] = [];
		for (let i = 0; i < 12; i++) ids.push(await createPublishedExperience(db, cityId));
		const response = await call(csvRoute.GET as Handler, db, '/api/v1/experiences.csv');
		expect(response.body).toBeInstanceOf(ReadableStream);
		const { data } = parseCsv(await response.text());
		expect(data.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual(ids.sort((a, b) => a - b));
		const json = await (await call(jsonRoute.GET as Handler, db, '/api/v1/experiences.json')).json();
		expect(json.total).toBe(12);
	});

	it('refuses bad parameters with a 400 problem before sending anything', async () => {
		const db = getDb();
		for (const handler of [csvRoute.GET, jsonRoute.GET] as Handler[]) {
			for (const [query, field] of [
				['principle=abc', 'principle'],
				['sort=random', 'sort'],
				['country=Spain', 'country'],
				['year=99999', 'year']
			]) {
				const response = await call(handler, db, `/api/v1/experiences.x?${query}`);
				expect(response.status).toBe(400);
				expect(response.headers.get('content-type')).toContain('application/problem+json');
				expect((await response.json()).errors.map((e: { field: string }) => e.field)).toContain(field);
			}
			const long = await call(handler, db, `/api/v1/experiences.x?q=${'x'.repeat(10_000)}`);
			expect(long.status).toBe(200);
			await long.text();
		}
	});

	it('publishes an Atom feed of published records only, text escaped, in the feed’s language', async () => {
		const db = getDb();
		const { published, injected } = await recordsInEveryState(db);
		const response = await call(feedRoute.GET as Handler, db, '/en/experiences/feed.xml');
		expect(injected).toBeGreaterThan(published);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		const xml = await response.text();
		expect(xml).not.toMatch(/secret[oa]/);
		expect(xml.match(/<entry>/g)).toHaveLength(2);
		expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${publicUrl}/en/experiences/feed.xml"/>`);
		expect(xml).toMatch(new RegExp(`<id>tag:localhost,\\d{4}-\\d{2}-\\d{2}:experiences/${published}</id>`));
		// The English title where there is one; the original, marked with its language, where not.
		expect(xml).toContain('<title type="text">School gardens</title>');
		expect(xml).toContain('<title type="text" xml:lang="es">=HYPERLINK(&quot;http://evil&quot;,&quot;clic&quot;)</title>');
		expect(xml).toContain(`<link rel="alternate" type="text/html" href="${publicUrl}/en/experiences/${published}"/>`);
		expect(xml).toContain('<category term="environment" label="Environment"/>');

		const french = await (await call(feedRoute.GET as Handler, db, '/fr/experiences/feed.xml')).text();
		expect(french).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">');
		expect(french).not.toContain('<script');
		expect(french).not.toContain('<b>');
		expect(french).toContain(
			'<title type="text">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; ]]&gt; &quot;quoted&quot; &apos;single&apos;</title>'
		);
		expect(french).toContain('<summary type="text">controlchars</summary>');
		expect([...french].some((c) => c.charCodeAt(0) < 9 || c === '\uFFFF')).toBe(false);
		expect(french.match(/<entry>/g)).toHaveLength(2);
		expect([...french.matchAll(/<(title|summary)(?! type="text")[ >]/g)]).toEqual([]);
	});

	it('narrows the feed to one bank, refuses an unknown bank, and keeps the 30 most recent', async () => {
		const db = getDb();
		await prepareExperiences(db);
		const cityId = await createTestCity(db);
		const latin = await createPublishedExperience(db, cityId, { banks: ['latin_american'] });
		const ids = [latin];
		for (let i = 0; i < 30; i++) ids.push(await createPublishedExperience(db, cityId));
		const onlyLatin = await (await call(feedRoute.GET as Handler, db, '/es/experiences/feed.xml?bank=latin_american')).text();
		expect(onlyLatin.match(/<entry>/g)).toHaveLength(1);
		expect(onlyLatin).toContain(`:experiences/${latin}</id>`);
		expect(onlyLatin).toContain(`href="${publicUrl}/es/experiences/feed.xml?bank=latin_american"`);

		const all = await (await call(feedRoute.GET as Handler, db, '/es/experiences/feed.xml')).text();
		expect(all.match(/<entry>/g)).toHaveLength(30);
		expect(all).not.toContain(`:experiences/${latin}</id>`);
		// Newest first.
		const entryIds = [...all.matchAll(/:experiences\/(\d+)<\/id>/g)].map((m) => Number(m[1]));
		expect(entryIds[0]).toBe(ids[ids.length - 1]);

		const bad = await call(feedRoute.GET as Handler, db, '/es/experiences/feed.xml?bank=<x>');
		expect(bad.status).toBe(400);
		expect((await bad.json()).errors[0].field).toBe('bank');
	});
});

describe('feed building', () => {
	it('escapes the five XML characters and drops characters XML cannot carry', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
		expect(escapeXml('a\u0000b\u001Fc\uD800d\uFFFEe\tf\ng 🌱')).toBe('abcde\tf\ng 🌱');
	});

	it('gives an empty feed a valid updated date and no entries', () => {
		const xml = buildExperiencesFeed([] as PublishedExperience[], { locale: 'pt', publicUrl, now: new Date('2024-03-12T10:00:00Z') });
		expect(xml).toContain('<updated>2024-03-12T10:00:00.000Z</updated>');
		expect(xml).toContain('<title type="text">Banco de Experiências · Associação Internacional das Cidades Educadoras</title>');
		expect(xml).not.toContain('<entry>');
	});
});
