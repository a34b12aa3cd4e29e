// The award's API and public pages called as SvelteKit calls them, on a real database: drafts are never
// served, results appear only once published, and nothing about jurors, scores, comments, minutes or
// candidacies under way ever leaves — whoever asks.
import { expect, it } from 'vitest';
import type { Db } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import { nowIso } from '../core/clock.ts';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, createTestCity, insertStandardCountries } from '../testing/factories.ts';
import { createTestExperience, prepareExperiences } from '../testing/experience-factories.ts';
import { assignTestReview, createTestCandidacy, createTestEdition, createTestJuror } from '../testing/award-factories.ts';
import * as listRoute from '../../../routes/api/v1/award/editions/+server.ts';
import * as detailRoute from '../../../routes/api/v1/award/editions/[year]/+server.ts';
import * as openApiRoute from '../../../routes/api/v1/openapi.json/+server.ts';
import * as awardPage from '../../../routes/[lang=locale]/award/+page.server.ts';
import * as editionPage from '../../../routes/[lang=locale]/award/[year=id]/+page.server.ts';

type Handler = (event: never) => Promise<unknown> | unknown;
const publicUrl = 'http://localhost:3000';
/** Written into everything the public must never see: juror names, comments, minutes, notes, titles of candidacies under way. */
const SECRET = 'SECRET';

function eventFor(db: Db, path: string, init: { params?: Record<string, string>; actor?: Actor | null } = {}) {
	const url = new URL(`http://localhost${path}`);
	return {
		url,
		request: new Request(url),
		params: init.params ?? {},
		locals: { app: { database: { db }, config: { publicUrl } }, locale: 'en', actor: init.actor ?? null }
	};
}

const call = (handler: Handler, db: Db, path: string, init: Parameters<typeof eventFor>[2] = {}) =>
	Promise.resolve(handler(eventFor(db, path, init) as never)) as Promise<Response>;

async function round(
	db: Db,
	editionId: number,
	number: number,
	kind: 'shortlist' | 'finalists' | 'winners',
	decisions: { candidacyId: number | null; outcome: string }[],
	status: 'open' | 'closed' = 'closed'
) {
	const now = nowIso();
	const row = await db
		.insertInto('award_round')
		.values({
			edition_id: editionId,
			number,
			kind,
			status,
			minutes: `${SECRET} minutes of the deliberation`,
			minutes_approved_at: status === 'closed' ? now : null,
			closed_at: status === 'closed' ? now : null,
			closed_by_label: status === 'closed' ? `${SECRET} Chair <chair@example.org>` : null,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const decision of decisions)
		await db
			.insertInto('award_decision')
			.values({
				round_id: Number(row.id),
				candidacy_id: decision.candidacyId,
				outcome: decision.outcome,
				basis: 'vote',
				votes_for: 4,
				votes_against: 1,
				abstentions: 0,
				note: `${SECRET} note`,
				created_at: now
			})
			.execute();
}

/** A juror who has scored and commented a candidacy. */
async function scoredBy(db: Db, editionId: number, candidacyId: number) {
	const { jurorId } = await createTestJuror(db, editionId, { name: `Julia ${SECRET} Juror` });
	const reviewId = await assignTestReview(db, editionId, jurorId, candidacyId);
	await db
		.updateTable('award_review')
		.set({ status: 'submitted', scores: JSON.stringify({ relevance: { score: 9, comment: `${SECRET} comment` } }), submitted_at: nowIso() })
		.where('id', '=', reviewId)
		.execute();
}

/** A draft, an announced edition with decisions in a closed round but nothing published, a published one, and a published void one. */
async function editionsInEveryState(db: Db) {
	await insertStandardCountries(db);
	await prepareExperiences(db);
	const lyon = await createTestCity(db, { name: 'Lyon', countryCode: 'FR' });
	const porto = await createTestCity(db, { name: 'Porto', countryCode: 'PT' });
	const rosario = await createTestCity(db, { name: 'Rosario', countryCode: 'AR' });

	const draft = await createTestEdition(db, { year: 2090, status: 'draft' });
	await createTestCandidacy(db, draft.id, lyon, { title: `${SECRET} draft-edition candidacy` });

	const unpublished = await createTestEdition(db, { year: 2091, deadline: '2020-06-01T12:00' });
	const hiddenWinner = await createTestCandidacy(db, unpublished.id, lyon, {
		title: `${SECRET} winner before publication`,
		status: 'admitted'
	});
	await scoredBy(db, unpublished.id, hiddenWinner);
	await round(db, unpublished.id, 1, 'winners', [{ candidacyId: hiddenWinner, outcome: 'winner' }]);

	const published = await createTestEdition(db, {
		year: 2092,
		deadline: '2020-06-01T12:00',
		resultsPublishedAt: '2021-02-01T10:00:00.000Z'
	});
	const winner = await createTestCandidacy(db, published.id, porto, { title: 'Hortas na escola', language: 'pt', status: 'admitted' });
	await db
		.updateTable('award_candidacy')
		.set({ texts: JSON.stringify({ pt: { title: 'Hortas na escola' }, en: { title: 'School gardens' } }) })
		.where('id', '=', winner)
		.execute();
	const unlistedExperience = await createTestExperience(db, rosario);
	const mention = await createTestCandidacy(db, published.id, rosario, {
		title: 'Barrios que enseñan',
		status: 'admitted',
		experienceId: unlistedExperience
	});
	const finalist = await createTestCandidacy(db, published.id, lyon, { title: 'La ville apprenante', language: 'fr', status: 'admitted' });
	const onlyShortlisted = await createTestCandidacy(db, published.id, lyon, { title: `${SECRET} only shortlisted`, status: 'admitted' });
	await createTestCandidacy(db, published.id, rosario, { title: `${SECRET} never submitted`, status: 'draft' });
	await scoredBy(db, published.id, winner);
	await round(
		db,
		published.id,
		1,
		'shortlist',
		[winner, mention, finalist, onlyShortlisted].map((id) => ({ candidacyId: id, outcome: 'shortlisted' }))
	);
	await round(db, published.id, 2, 'winners', [
		{ candidacyId: winner, outcome: 'winner' },
		{ candidacyId: mention, outcome: 'special_mention' },
		{ candidacyId: finalist, outcome: 'finalist' }
	]);
	// A round still open decides nothing yet.
	await round(db, published.id, 3, 'winners', [{ candidacyId: finalist, outcome: 'winner' }], 'open');

	const declaredVoid = await createTestEdition(db, {
		year: 2093,
		deadline: '2020-06-01T12:00',
		resultsPublishedAt: '2021-03-01T10:00:00.000Z'
	});
	const lone = await createTestCandidacy(db, declaredVoid.id, porto, { title: `${SECRET} not retained`, status: 'admitted' });
	await round(db, declaredVoid.id, 1, 'winners', [
		{ candidacyId: null, outcome: 'void' },
		{ candidacyId: lone, outcome: 'shortlisted' }
	]);
	return { lyon, porto, rosario, winner, mention, finalist, unlistedExperience };
}

const hasNoSecrets = (body: unknown) => {
	const text = JSON.stringify(body);
	expect(text).not.toContain(SECRET);
	expect(text.toLowerCase()).not.toContain('juror');
	expect(text).not.toContain('"scores"');
	expect(text).not.toContain('comment');
};

describeEachDatabase('award API and public pages', (getDb) => {
	it('lists announced and earlier editions only, newest first, with results only once published', async () => {
		const db = getDb();
		await editionsInEveryState(db);
		for (const actor of [null, actors.secretariat()]) {
			const response = await call(listRoute.GET as Handler, db, '/api/v1/award/editions', { actor });
			expect(response.status).toBe(200);
			const body = await response.json();
			expect(body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
			expect(body.items.map((i: { year: number }) => i.year)).toEqual([2093, 2092, 2091]);
			expect(body.items.map((i: { resultsPublished: boolean }) => i.resultsPublished)).toEqual([true, true, false]);
			expect(body.items[2]).toMatchObject({
				status: 'announced',
				phase: 'judging',
				figures: null,
				url: `${publicUrl}/es/award/2091`,
				apiUrl: `${publicUrl}/api/v1/award/editions/2091`,
				themes: { en: 'Education and inclusion 2091' }
			});
			expect(body.items[1].figures).toEqual({ entries: 4, cities: 3, countries: 3, finalists: 3, winners: ['Porto'] });
			hasNoSecrets(body);
		}
		const second = await (await call(listRoute.GET as Handler, db, '/api/v1/award/editions?page=2&pageSize=1')).json();
		expect(second).toMatchObject({ total: 3, page: 2, pageSize: 1 });
		expect(second.items.map((i: { year: number }) => i.year)).toEqual([2092]);
		for (const bad of ['pageSize=0', 'pageSize=500', 'page=abc']) {
			const response = await call(listRoute.GET as Handler, db, `/api/v1/award/editions?${bad}`);
			expect(response.status).toBe(400);
			expect(response.headers.get('content-type')).toContain('application/problem+json');
		}
	});

	it('serves one edition, never a draft, and its results only once published', async () => {
		const db = getDb();
		const s = await editionsInEveryState(db);
		for (const year of ['2090', '2089', 'abc', '0', '99999999999', '2091.5']) {
			const response = await call(detailRoute.GET as Handler, db, `/api/v1/award/editions/${year}`, {
				params: { year },
				actor: actors.secretariat()
			});
			expect(response.status).toBe(404);
			expect(response.headers.get('content-type')).toContain('application/problem+json');
			expect((await response.json()).code).toBe('common.errors.not_found');
		}

		const before = await (await call(detailRoute.GET as Handler, db, '/api/v1/award/editions/2091', { params: { year: '2091' } })).json();
		expect(before).toMatchObject({ year: 2091, resultsPublished: false, resultsPublishedAt: null, results: null, figures: null });
		expect(before.criteria.map((c: { code: string; weight: number }) => [c.code, c.weight])[0]).toEqual(['relevance', 2]);
		expect(before.scale).toEqual({ min: 1, max: 10 });
		hasNoSecrets(before);

		const after = await (await call(detailRoute.GET as Handler, db, '/api/v1/award/editions/2092', { params: { year: '2092' } })).json();
		expect(after.resultsPublishedAt).toBe('2021-02-01T10:00:00.000Z');
		expect(after.results).toEqual({
			declaredVoid: false,
			winners: [
				{
					city: { id: s.porto, name: 'Porto', countryCode: 'PT' },
					title: 'Hortas na escola',
					language: 'pt',
					experienceId: expect.any(Number),
					experienceUrl: expect.stringMatching(new RegExp(`^${publicUrl}/pt/experiences/\\d+$`))
				}
			],
			specialMentions: [
				{
					city: { id: s.rosario, name: 'Rosario', countryCode: 'AR' },
					title: 'Barrios que enseñan',
					language: 'es',
					experienceId: s.unlistedExperience,
					experienceUrl: null
				}
			],
			finalists: [
				{
					city: { id: s.lyon, name: 'Lyon', countryCode: 'FR' },
					title: 'La ville apprenante',
					language: 'fr',
					experienceId: expect.any(Number),
					experienceUrl: expect.any(String)
				}
			]
		});
		hasNoSecrets(after);

		const voided = await (await call(detailRoute.GET as Handler, db, '/api/v1/award/editions/2093', { params: { year: '2093' } })).json();
		expect(voided.results).toEqual({ declaredVoid: true, winners: [], specialMentions: [], finalists: [] });
		hasNoSecrets(voided);
	});

	it('describes both operations in the OpenAPI document', async () => {
		const document = await (await Promise.resolve((openApiRoute.GET as () => Response)())).json();
		expect(document.paths['/api/v1/award/editions'].get.operationId).toBe('listAwardEditions');
		expect(document.paths['/api/v1/award/editions/{year}'].get.operationId).toBe('getAwardEdition');
		const detail = document.paths['/api/v1/award/editions/{year}'].get.responses['200'].content['application/json'].schema;
		expect(Object.keys(detail.properties)).toEqual(expect.arrayContaining(['results', 'criteria', 'eligibility', 'rulesDocumentUrl']));
		expect(JSON.stringify(detail).toLowerCase()).not.toContain('"juror');
	});

	it('gives the public pages the same: drafts are not found and results wait for publication', async () => {
		const db = getDb();
		await editionsInEveryState(db);
		const pageLoad = editionPage.load as unknown as (event: unknown) => Promise<{ view: { results: unknown } }>;
		for (const actor of [null, actors.member()])
			await expect(pageLoad(eventFor(db, '/en/award/2090', { params: { year: '2090' }, actor }))).rejects.toMatchObject({ status: 404 });
		const unpublished = await pageLoad(eventFor(db, '/en/award/2091', { params: { year: '2091' } }));
		expect(unpublished.view.results).toBeNull();
		hasNoSecrets(unpublished);
		const published = await pageLoad(eventFor(db, '/en/award/2092', { params: { year: '2092' } }));
		expect(published.view.results).toMatchObject({ winners: [{ titles: { pt: 'Hortas na escola', en: 'School gardens' } }] });
		hasNoSecrets(published);

		const listLoad = awardPage.load as unknown as (event: unknown) => Promise<{ editions: { edition: { year: number } }[] }>;
		const list = await listLoad(eventFor(db, '/en/award'));
		expect(list.editions.map((v) => v.edition.year)).toEqual([2093, 2092, 2091]);
		hasNoSecrets(list);
	});
});
