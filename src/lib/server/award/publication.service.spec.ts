import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, auditEntries, createTestCity } from '../testing/factories.ts';
import { prepareExperiences } from '../testing/experience-factories.ts';
import {
	assignTestReview,
	awardDepsFor,
	createTestCandidacy,
	createTestEdition,
	createTestJuror,
	testCriteria,
	type TestEditionValues
} from '../testing/award-factories.ts';
import { insertRoleGrant } from '../accounts/accounts.repository.ts';
import type { Db } from '../db/index.ts';
import { nowIso } from '../core/clock.ts';
import type { Result } from '../core/result.ts';
import { getAwardFeedback, publishAwardResults } from './publication.service.ts';
import { findEditionById } from './award.repository.ts';

function expectOk<T>(result: Result<T>): T {
	if (!result.ok) throw new Error(`expected ok, got ${result.status} ${result.code}`);
	return result.value;
}

async function addRepresentative(db: Db, cityId: number, values: { id: string; name: string; email: string; locale: string | null }) {
	const now = nowIso();
	await db
		.insertInto('auth_user')
		.values({
			id: values.id,
			name: values.name,
			email: values.email,
			emailVerified: 1,
			image: null,
			locale: values.locale,
			createdAt: now,
			updatedAt: now
		})
		.execute();
	await insertRoleGrant(db, values.id, { role: 'city_representative', cityId, kind: 'technical' });
	return actors.representative(cityId, 'technical', { userId: values.id, name: values.name, email: values.email });
}

async function insertRound(
	db: Db,
	editionId: number,
	number: number,
	kind: string,
	status: string,
	decisions: { candidacyId: number | null; outcome: string }[]
) {
	const now = nowIso();
	const round = await db
		.insertInto('award_round')
		.values({
			edition_id: editionId,
			number,
			kind,
			status,
			minutes: 'Minutes.',
			minutes_approved_at: now,
			closed_at: status === 'closed' ? now : null,
			closed_by_label: status === 'closed' ? 'Clara Chair <chair@example.org>' : null,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const d of decisions)
		await db
			.insertInto('award_decision')
			.values({ round_id: round.id, candidacy_id: d.candidacyId, outcome: d.outcome, basis: 'consensus', created_at: now })
			.execute();
	return Number(round.id);
}

const scores = (values: number[], comments: string[]) =>
	JSON.stringify(Object.fromEntries(testCriteria.map((c, i) => [c.code, { score: values[i], comment: comments[i] ?? '' }])));

/**
 * A judged edition: Rosario (es) wins, Lyon (fr) is a finalist, Porto (pt) was shortlisted only, Bilbao was
 * admitted but not selected, Sucre was not admitted, Quito only drafted. Two jurors scored Rosario.
 */
async function judgedEdition(db: Db, values: TestEditionValues = {}) {
	await prepareExperiences(db);
	const edition = await createTestEdition(db, { deadline: '2020-06-30T23:59', ...values });
	const city = async (name: string, countryCode: string) => createTestCity(db, { name, countryCode });
	const [rosario, lyon, porto, bilbao, sucre, quito] = [
		await city('Rosario', 'AR'),
		await city('Lyon', 'FR'),
		await city('Porto', 'PT'),
		await city('Bilbao', 'ES'),
		await city('Sucre', 'BO'),
		await city('Quito', 'AR')
	];
	const winner = await createTestCandidacy(db, edition.id, rosario, {
		status: 'admitted',
		language: 'es',
		title: 'Escuelas abiertas al barrio'
	});
	const finalist = await createTestCandidacy(db, edition.id, lyon, { status: 'admitted', language: 'fr', title: 'La ville qui apprend' });
	const shortlisted = await createTestCandidacy(db, edition.id, porto, { status: 'admitted', language: 'pt', title: 'Cidade que educa' });
	const notSelected = await createTestCandidacy(db, edition.id, bilbao, { status: 'admitted', language: 'es', title: 'Barrios' });
	const rejected = await createTestCandidacy(db, edition.id, sucre, { status: 'rejected', language: 'es', title: 'Carta tardía' });
	const draft = await createTestCandidacy(db, edition.id, quito, { status: 'draft', language: 'es', title: 'Borrador' });

	const reps = {
		rosario: await addRepresentative(db, rosario, { id: 'rep-rosario', name: 'Rosa Rosario', email: 'rosa@rosario.example', locale: 'es' }),
		rosarioEnglish: await addRepresentative(db, rosario, {
			id: 'rep-rosario-2',
			name: 'Ron Rosario',
			email: 'ron@rosario.example',
			locale: 'en'
		}),
		lyon: await addRepresentative(db, lyon, { id: 'rep-lyon', name: 'Léa Lyon', email: 'lea@lyon.example', locale: null }),
		porto: await addRepresentative(db, porto, { id: 'rep-porto', name: 'Paulo Porto', email: 'paulo@porto.example', locale: 'pt' }),
		sucre: await addRepresentative(db, sucre, { id: 'rep-sucre', name: 'Sara Sucre', email: 'sara@sucre.example', locale: 'es' }),
		quito: await addRepresentative(db, quito, { id: 'rep-quito', name: 'Quim Quito', email: 'quim@quito.example', locale: 'es' })
	};

	const chair = await createTestJuror(db, edition.id, { isChair: true, name: 'Clara Chair' });
	const juror = await createTestJuror(db, edition.id, { name: 'Jon Juror' });
	const excluded = await createTestJuror(db, edition.id, { name: 'Xavi Excluded' });
	const review = async (jurorId: number, candidacyId: number, body: string, status = 'submitted') => {
		const id = await assignTestReview(db, edition.id, jurorId, candidacyId);
		await db.updateTable('award_review').set({ status, scores: body, submitted_at: nowIso() }).where('id', '=', id).execute();
	};
	await review(chair.jurorId, winner, scores([9, 8, 8, 7, 9, 10], ['Clara: strong and inclusive.', 'Measured impact.']));
	await review(juror.jurorId, winner, scores([7, 6, 8, 9, 7, 8], ['Jon: a model for others.', '']));
	// A draft and a review a conflict blocks never reach the city.
	await review(excluded.jurorId, winner, scores([1, 1, 1, 1, 1, 1], ['Xavi: secret remark.']), 'draft');
	await db
		.insertInto('award_conflict')
		.values({
			edition_id: edition.id,
			juror_id: juror.jurorId,
			candidacy_id: finalist,
			origin: 'same_country',
			status: 'pending',
			created_at: nowIso()
		})
		.execute();
	await review(juror.jurorId, finalist, scores([2, 2, 2, 2, 2, 2], ['Jon: blocked remark.']));

	return {
		edition,
		year: edition.year,
		ids: { winner, finalist, shortlisted, notSelected, rejected, draft },
		reps,
		jurors: { chair, juror, excluded },
		staff: actors.secretariat(),
		async closeRounds(final: { candidacyId: number | null; outcome: string }[] = [{ candidacyId: winner, outcome: 'winner' }]) {
			await insertRound(db, edition.id, 1, 'shortlist', 'closed', [
				{ candidacyId: winner, outcome: 'shortlisted' },
				{ candidacyId: finalist, outcome: 'shortlisted' },
				{ candidacyId: shortlisted, outcome: 'shortlisted' }
			]);
			await insertRound(db, edition.id, 2, 'finalists', 'closed', [
				{ candidacyId: winner, outcome: 'finalist' },
				{ candidacyId: finalist, outcome: 'finalist' }
			]);
			await insertRound(db, edition.id, 3, 'winners', 'closed', final);
		}
	};
}

async function outbox(db: Db) {
	return db.selectFrom('outbox_message').selectAll().orderBy('id').execute();
}

describeEachDatabase('award publication service', (getDb) => {
	it('publishes once a winners round is closed, telling every candidate city in its representatives’ languages', async () => {
		const db = getDb();
		const s = await judgedEdition(db);
		await s.closeRounds();
		const deps = awardDepsFor(db, new Date('2026-11-12T10:00:00Z'));
		const before = await findEditionById(db, s.edition.id);
		const published = expectOk(await publishAwardResults(deps, s.staff, s.year, { version: String(before!.version) }));
		expect(published).toEqual({ publishedAt: '2026-11-12T10:00:00.000Z', notified: 5 });
		expect((await findEditionById(db, s.edition.id))?.resultsPublishedAt).toBe('2026-11-12T10:00:00.000Z');

		const mails = await outbox(db);
		expect(mails.map((m) => [m.to_address, m.locale]).sort()).toEqual(
			[
				['lea@lyon.example', 'fr'],
				['paulo@porto.example', 'pt'],
				['ron@rosario.example', 'en'],
				['rosa@rosario.example', 'es'],
				['sara@sucre.example', 'es']
			].sort()
		);
		const to = (address: string) => mails.find((m) => m.to_address === address)!;
		expect(to('ron@rosario.example').text_body).toContain('Winner');
		expect(to('ron@rosario.example').text_body).toContain(`http://localhost:3000/en/my/award/${s.ids.winner}/results`);
		expect(to('rosa@rosario.example').text_body).toContain('Ganadora');
		expect(to('lea@lyon.example').text_body).toContain(`/fr/my/award/${s.ids.finalist}/results`);
		expect(to('lea@lyon.example').text_body).toContain('Finaliste');
		expect(to('sara@sucre.example').text_body).toContain(`/es/my/award/${s.ids.rejected}/results`);
		expect(mails.some((m) => m.to_address === 'quim@quito.example')).toBe(false);
		for (const mail of mails) for (const name of ['Clara Chair', 'Jon Juror', 'Xavi']) expect(mail.text_body).not.toContain(name);

		const [entry] = await auditEntries(db, { action: 'award.results_publish' });
		expect(entry).toMatchObject({ entity_type: 'award_edition', entity_id: String(s.edition.id) });
		expect(entry.summary).toMatchObject({ winners: [s.ids.winner], notified: 5, candidacies: 5 });
		expect(await publishAwardResults(deps, s.staff, s.year)).toMatchObject({ status: 409, code: 'award.publication.already_published' });
	});

	it('requires the judging phase, no open round and a closed winners round with a winner or void', async () => {
		const db = getDb();
		const s = await judgedEdition(db);
		const deps = awardDepsFor(db);
		expect(await publishAwardResults(deps, s.staff, s.year)).toMatchObject({ code: 'award.publication.no_winners_round' });
		await insertRound(db, s.edition.id, 1, 'shortlist', 'closed', [{ candidacyId: s.ids.winner, outcome: 'shortlisted' }]);
		expect(await publishAwardResults(deps, s.staff, s.year)).toMatchObject({ code: 'award.publication.no_winners_round' });
		const open = await insertRound(db, s.edition.id, 2, 'winners', 'open', [{ candidacyId: s.ids.winner, outcome: 'winner' }]);
		expect(await publishAwardResults(deps, s.staff, s.year)).toMatchObject({ code: 'award.publication.round_open' });
		await db.updateTable('award_round').set({ status: 'closed' }).where('id', '=', open).execute();
		// Before the deadline the edition is still open for candidacies.
		expect(await publishAwardResults(awardDepsFor(db, new Date('2020-03-01T10:00:00Z')), s.staff, s.year)).toMatchObject({
			code: 'award.publication.not_judging'
		});
		expect(await publishAwardResults(deps, s.staff, s.year, { version: '99' })).toMatchObject({ code: 'common.errors.stale' });
		expect(await outbox(db)).toEqual([]);
		expect(await auditEntries(db, { action: 'award.results_publish' })).toEqual([]);
		// A void award can be published too.
		await db.deleteFrom('award_decision').where('round_id', '=', open).execute();
		await db
			.insertInto('award_decision')
			.values({
				round_id: open,
				candidacy_id: null,
				outcome: 'void',
				basis: 'vote',
				votes_for: 3,
				votes_against: 2,
				abstentions: 0,
				created_at: nowIso()
			})
			.execute();
		expect(expectOk(await publishAwardResults(deps, s.staff, s.year)).notified).toBe(5);
		expect((await auditEntries(db, { action: 'award.results_publish' }))[0].summary).toMatchObject({ winners: [], declaredVoid: true });
	});

	it('is the secretariat’s alone', async () => {
		const db = getDb();
		const s = await judgedEdition(db);
		await s.closeRounds();
		const deps = awardDepsFor(db);
		expect(await publishAwardResults(deps, s.jurors.chair.actor, s.year)).toMatchObject({ status: 403 });
		expect(await publishAwardResults(deps, s.reps.rosario, s.year)).toMatchObject({ status: 404 });
		expect(await publishAwardResults(deps, null, s.year)).toMatchObject({ status: 404 });
		expect((await findEditionById(db, s.edition.id))?.resultsPublishedAt).toBeNull();
	});
});

describeEachDatabase('award feedback', (getDb) => {
	async function published(db: Db, values: TestEditionValues = {}) {
		const s = await judgedEdition(db, values);
		await s.closeRounds();
		expectOk(await publishAwardResults(awardDepsFor(db), s.staff, s.year));
		return s;
	}

	it('waits for publication', async () => {
		const db = getDb();
		const s = await judgedEdition(db);
		expect(await getAwardFeedback(db, s.reps.rosario, s.ids.winner)).toMatchObject({ status: 409, code: 'award.feedback.not_published' });
	});

	it('gives the city its outcome and the jury’s comments and means, never a juror’s name, e-mail or id', async () => {
		const db = getDb();
		const s = await published(db);
		const view = expectOk(await getAwardFeedback(db, s.reps.rosario, s.ids.winner));
		expect(view).toMatchObject({ outcome: 'winner', certificateAvailable: true, candidacy: { city: { name: 'Rosario' } } });
		expect(view.feedback?.reviewCount).toBe(2);
		const relevance = view.feedback!.criteria.find((c) => c.code === 'relevance')!;
		expect(relevance).toMatchObject({ mean: 8, comments: ['Clara: strong and inclusive.', 'Jon: a model for others.'] });
		expect(view.feedback!.criteria.find((c) => c.code === 'impact')).toMatchObject({ mean: 7, comments: ['Measured impact.'] });
		const text = JSON.stringify(view);
		expect(text).not.toMatch(/juror/i);
		expect(text).not.toContain('Xavi');
		for (const juror of Object.values(s.jurors)) {
			expect(text).not.toContain(juror.actor.name);
			expect(text).not.toContain(juror.actor.email);
			expect(text).not.toContain(juror.userId);
		}
	});

	it('leaves out reviews a conflict blocks, and tells each candidacy where it ended', async () => {
		const db = getDb();
		const s = await published(db);
		const finalist = expectOk(await getAwardFeedback(db, s.reps.lyon, s.ids.finalist));
		expect(finalist).toMatchObject({ outcome: 'finalist', certificateAvailable: true, feedback: { reviewCount: 0 } });
		expect(JSON.stringify(finalist)).not.toContain('blocked remark');
		expect(expectOk(await getAwardFeedback(db, s.reps.porto, s.ids.shortlisted))).toMatchObject({
			outcome: 'shortlisted',
			certificateAvailable: false
		});
		expect(expectOk(await getAwardFeedback(db, s.staff, s.ids.notSelected))).toMatchObject({ outcome: 'not_selected' });
		expect(expectOk(await getAwardFeedback(db, s.reps.sucre, s.ids.rejected))).toMatchObject({ outcome: 'not_admitted', feedback: null });
	});

	it('is only for the city’s representatives and the secretariat, and only for submitted candidacies', async () => {
		const db = getDb();
		const s = await published(db);
		for (const actor of [null, actors.member(), s.reps.lyon, s.jurors.chair.actor])
			expect(await getAwardFeedback(db, actor, s.ids.winner)).toMatchObject({ status: 404 });
		expect(await getAwardFeedback(db, s.reps.quito, s.ids.draft)).toMatchObject({ status: 404 });
		expect(await getAwardFeedback(db, s.staff, 999999)).toMatchObject({ status: 404 });
	});

	it('shares no comments when the edition keeps the feedback to itself', async () => {
		const db = getDb();
		const s = await published(db, { shareFeedback: false });
		const view = expectOk(await getAwardFeedback(db, s.reps.rosario, s.ids.winner));
		expect(view).toMatchObject({ outcome: 'winner', feedback: null });
		expect(JSON.stringify(view)).not.toContain('inclusive');
	});
});
