import { expect, it } from 'vitest';
import type { Db } from '../db/index.ts';
import { nowIso } from '../core/clock.ts';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, addCityToNetwork, auditEntries, countRows, createTestCity, createTestNetwork } from '../testing/factories.ts';
import { prepareExperiences } from '../testing/experience-factories.ts';
import { assignTestReview, awardDepsFor, createTestCandidacy, createTestEdition, createTestJuror } from '../testing/award-factories.ts';
import { listConflicts, listReviews } from './award.repository.ts';
import {
	addAwardJuror,
	assignAllAwardJurors,
	assignAwardJurorsBalanced,
	decideAwardConflict,
	declareAwardConflict,
	getAwardCandidacyForJuror,
	getAwardJurorWorkload,
	getAwardJuryForStaff,
	listAwardConflictsForChair,
	listAwardJurorEditions,
	refreshAwardConflicts,
	removeAwardJuror,
	saveAwardReview,
	setAwardAssignment,
	setAwardChair,
	submitAwardReview
} from './jury.service.ts';
import { findSupportLetterForDownload } from './candidacies.service.ts';

/** An edition past its deadline (phase `judging`). */
const judging = { opensOn: '2019-01-01', deadline: '2020-01-01T00:00' };
const staff = actors.secretariat();

async function createUser(db: Db, email: string, locale = 'fr'): Promise<string> {
	const id = `user-${email}`;
	const now = nowIso();
	await db
		.insertInto('auth_user')
		.values({ id, name: `Person ${email}`, email, emailVerified: 1, image: null, locale, createdAt: now, updatedAt: now })
		.execute();
	return id;
}

const fullSheet = (score = 7, comment = 'Well argued.') =>
	Object.fromEntries(
		['relevance', 'impact', 'scope', 'government', 'participation', 'innovation'].map((code) => [code, { score, comment }])
	);

describeEachDatabase('award jury service', (getDb) => {
	/** Four admitted candidacies: Barcelona (ES) and Lyon (FR), both in one network; Madrid (ES); Porto (PT). */
	async function scene(
		options: { blindReview?: boolean; jurorsSeeOtherScores?: boolean; phase?: 'judging' | 'open'; suffix?: string } = {}
	) {
		const s = options.suffix ?? '';
		const db = getDb();
		if (!s) await prepareExperiences(db);
		const edition = await createTestEdition(db, {
			...(options.phase === 'open' ? {} : judging),
			blindReview: options.blindReview,
			jurorsSeeOtherScores: options.jurorsSeeOtherScores
		});
		const network = await createTestNetwork(db);
		const barcelona = await createTestCity(db, { name: `Barcelona${s}`, countryCode: 'ES' });
		const madrid = await createTestCity(db, { name: `Madrid${s}`, countryCode: 'ES' });
		const lyon = await createTestCity(db, { name: `Lyon${s}`, countryCode: 'FR' });
		const porto = await createTestCity(db, { name: `Porto${s}`, countryCode: 'PT' });
		await addCityToNetwork(db, network, barcelona);
		await addCityToNetwork(db, network, lyon);
		const cBarcelona = await createTestCandidacy(db, edition.id, barcelona, { status: 'admitted', title: 'Barcelona learns' });
		const cMadrid = await createTestCandidacy(db, edition.id, madrid, { status: 'admitted', title: 'Madrid includes' });
		const cLyon = await createTestCandidacy(db, edition.id, lyon, { status: 'admitted', title: 'Lyon cares', language: 'fr' });
		const cPorto = await createTestCandidacy(db, edition.id, porto, { status: 'admitted', title: 'Porto welcomes', language: 'pt' });
		return { db, edition, cities: { barcelona, madrid, lyon, porto }, candidacies: { cBarcelona, cMadrid, cLyon, cPorto } };
	}

	it('detects conflicts: own city excluded, same country and shared network pending, none for specialists; refresh is idempotent', async () => {
		const { db, edition, cities, candidacies } = await scene();
		const ec = await createTestJuror(db, edition.id, { cityId: cities.barcelona });
		const specialist = await createTestJuror(db, edition.id);
		await refreshAwardConflicts(db, edition.id);
		const found = (await listConflicts(db, edition.id)).map((c) => [c.jurorId, c.candidacyId, c.origin, c.status]);
		expect(found).toEqual(
			expect.arrayContaining([
				[ec.jurorId, candidacies.cBarcelona, 'own_city', 'excluded'],
				[ec.jurorId, candidacies.cMadrid, 'same_country', 'pending'],
				[ec.jurorId, candidacies.cLyon, 'shared_network', 'pending']
			])
		);
		expect(found).toHaveLength(3);
		expect(found.some(([j]) => j === specialist.jurorId)).toBe(false);

		// The secretariat clears the same-country flag; a second refresh neither duplicates nor undoes it.
		const madridFlag = (await listConflicts(db, edition.id)).find((c) => c.origin === 'same_country')!;
		const cleared = await decideAwardConflict(db, staff, edition.year, madridFlag.id, { decision: 'clear', note: 'Different region.' });
		expect(cleared.ok).toBe(true);
		await refreshAwardConflicts(db, edition.id);
		const after = await listConflicts(db, edition.id);
		expect(after).toHaveLength(3);
		expect(after.find((c) => c.id === madridFlag.id)).toMatchObject({ status: 'cleared', decisionNote: 'Different region.' });
	});

	it('a newly detected conflict removes an unsubmitted assignment but keeps a submitted review', async () => {
		const { db, edition, cities, candidacies } = await scene();
		const juror = await createTestJuror(db, edition.id, { cityId: cities.barcelona });
		await assignTestReview(db, edition.id, juror.jurorId, candidacies.cMadrid);
		const submittedId = await assignTestReview(db, edition.id, juror.jurorId, candidacies.cLyon);
		await db.updateTable('award_review').set({ status: 'submitted' }).where('id', '=', submittedId).execute();
		await refreshAwardConflicts(db, edition.id);
		const reviews = await listReviews(db, edition.id, { jurorId: juror.jurorId });
		expect(reviews.map((r) => r.candidacyId)).toEqual([candidacies.cLyon]);
	});

	it('constitutes the jury: adds by e-mail with the grant, one chair, conflicts, a mail in the juror’s language; audited', async () => {
		const { db, edition, cities, candidacies } = await scene();
		const deps = awardDepsFor(db);
		await createUser(db, 'ana@example.org', 'fr');
		await createUser(db, 'ben@example.org', 'pt');

		const unknown = await addAwardJuror(deps, staff, edition.year, { email: 'nobody@example.org', cityId: '', isChair: 'on' });
		expect(unknown).toMatchObject({ ok: false, status: 400, fieldErrors: { email: ['award.jury.unknown_account'] } });
		const badCity = await addAwardJuror(deps, staff, edition.year, { email: 'ana@example.org', cityId: '99999' });
		expect(badCity).toMatchObject({ ok: false, fieldErrors: { cityId: ['award.jury.unknown_city'] } });
		expect(await countRows(db, ['award_juror', 'role_assignment'])).toEqual({ award_juror: 0, role_assignment: 0 });

		const refused = await addAwardJuror(deps, actors.representative(cities.porto), edition.year, { email: 'ana@example.org' });
		expect(refused).toMatchObject({ ok: false, status: 403 });

		const ana = await addAwardJuror(deps, staff, edition.year, {
			email: 'ANA@example.org',
			cityId: String(cities.barcelona),
			isChair: 'on'
		});
		expect(ana.ok).toBe(true);
		const anaId = ana.ok ? ana.value.jurorId : 0;
		const again = await addAwardJuror(deps, staff, edition.year, { email: 'ana@example.org' });
		expect(again).toMatchObject({ ok: false, fieldErrors: { email: ['award.jury.already_juror'] } });

		const grants = await db.selectFrom('role_assignment').selectAll().where('user_id', '=', 'user-ana@example.org').execute();
		expect(grants.map((g) => [g.role, Number(g.award_edition_id)])).toEqual([['juror', edition.id]]);
		const conflicts = await listConflicts(db, edition.id, { jurorId: anaId });
		expect(conflicts.find((c) => c.candidacyId === candidacies.cBarcelona)?.status).toBe('excluded');

		const mail = await db.selectFrom('outbox_message').selectAll().where('to_address', '=', 'ana@example.org').execute();
		expect(mail).toHaveLength(1);
		expect(mail[0].locale).toBe('fr');
		expect(mail[0].text_body).toContain(`/fr/jury/${edition.year}`);

		const ben = await addAwardJuror(deps, staff, edition.year, { email: 'ben@example.org', isChair: 'true' });
		expect(ben.ok).toBe(true);
		const benId = ben.ok ? ben.value.jurorId : 0;
		let chairs = await db.selectFrom('award_juror').select(['id']).where('is_chair', '=', 1).execute();
		expect(chairs.map((c) => Number(c.id))).toEqual([benId]);
		expect(await setAwardChair(db, staff, edition.year, { jurorId: anaId })).toMatchObject({ ok: true });
		chairs = await db.selectFrom('award_juror').select(['id']).where('is_chair', '=', 1).execute();
		expect(chairs.map((c) => Number(c.id))).toEqual([anaId]);

		const actions = (await auditEntries(db, { entityType: 'award_jury' })).map((e) => e.action);
		expect(actions).toEqual(['award.juror_add', 'award.juror_add', 'award.chair_set']);
	});

	it('refuses to remove a juror with submitted reviews; otherwise removes the seat and the grant', async () => {
		const { db, edition, candidacies } = await scene();
		const busy = await createTestJuror(db, edition.id);
		const idle = await createTestJuror(db, edition.id);
		const reviewId = await assignTestReview(db, edition.id, busy.jurorId, candidacies.cPorto);
		await db.updateTable('award_review').set({ status: 'submitted' }).where('id', '=', reviewId).execute();
		await assignTestReview(db, edition.id, idle.jurorId, candidacies.cPorto);

		expect(await removeAwardJuror(db, staff, edition.year, { jurorId: busy.jurorId })).toMatchObject({
			ok: false,
			status: 409,
			code: 'award.jury.has_reviews'
		});
		expect(await removeAwardJuror(db, staff, edition.year, { jurorId: idle.jurorId })).toEqual({ ok: true, value: null });
		expect(await db.selectFrom('award_juror').select('id').where('id', '=', idle.jurorId).executeTakeFirst()).toBeUndefined();
		expect(await db.selectFrom('role_assignment').select('id').where('user_id', '=', idle.userId).execute()).toEqual([]);
		expect((await auditEntries(db, { action: 'award.juror_remove' })).map((e) => Number(e.entity_id))).toEqual([idle.jurorId]);
	});

	it('a juror declares a conflict (pending, keeps them away at once); the chair decides, never on their own; own city stays excluded', async () => {
		const { db, edition, cities, candidacies } = await scene();
		const chair = await createTestJuror(db, edition.id, { cityId: cities.barcelona, isChair: true });
		const juror = await createTestJuror(db, edition.id);
		await refreshAwardConflicts(db, edition.id);
		await assignTestReview(db, edition.id, juror.jurorId, candidacies.cPorto);

		const noReason = await declareAwardConflict(db, juror.actor, edition.year, candidacies.cPorto, { reason: '  ' });
		expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: ['award.conflict.reason_required'] } });
		const declared = await declareAwardConflict(db, juror.actor, edition.year, candidacies.cPorto, { reason: 'I advised this project.' });
		expect(declared.ok).toBe(true);
		const declaredId = declared.ok ? declared.value.conflictId : 0;
		expect((await listConflicts(db, edition.id, { jurorId: juror.jurorId }))[0]).toMatchObject({ origin: 'declared', status: 'pending' });
		expect(await listReviews(db, edition.id, { jurorId: juror.jurorId })).toEqual([]);
		expect(await getAwardCandidacyForJuror(db, juror.actor, edition.year, candidacies.cPorto)).toMatchObject({ status: 404 });
		expect(await declareAwardConflict(db, juror.actor, edition.year, candidacies.cPorto, { reason: 'Again.' })).toMatchObject({
			status: 409,
			code: 'award.conflict.already_declared'
		});

		// Another juror may not decide; the chair may, with a note to clear.
		expect(await decideAwardConflict(db, juror.actor, edition.year, declaredId, { decision: 'clear', note: 'x' })).toMatchObject({
			status: 404
		});
		expect(await decideAwardConflict(db, chair.actor, edition.year, declaredId, { decision: 'clear', note: '' })).toMatchObject({
			fieldErrors: { note: ['award.conflict.note_required'] }
		});
		expect(await decideAwardConflict(db, chair.actor, edition.year, declaredId, { decision: 'exclude', note: '' })).toEqual({
			ok: true,
			value: { status: 'excluded' }
		});

		// The chair's own conflicts are for the secretariat.
		const own = await listConflicts(db, edition.id, { jurorId: chair.jurorId });
		const ownCity = own.find((c) => c.origin === 'own_city')!;
		const sameCountry = own.find((c) => c.origin === 'same_country')!;
		expect(await decideAwardConflict(db, chair.actor, edition.year, sameCountry.id, { decision: 'clear', note: 'Fine' })).toMatchObject({
			status: 403
		});
		expect(await decideAwardConflict(db, staff, edition.year, ownCity.id, { decision: 'clear', note: 'Please' })).toMatchObject({
			status: 409,
			code: 'award.conflict.cannot_clear_own_city'
		});
		expect(await decideAwardConflict(db, staff, edition.year, sameCountry.id, { decision: 'clear', note: 'Other region' })).toMatchObject({
			ok: true
		});

		const list = await listAwardConflictsForChair(db, chair.actor, edition.year);
		expect(list.ok && list.value.conflicts.find((c) => c.id === sameCountry.id)?.mayDecide).toBe(false);
		expect(list.ok && list.value.conflicts.find((c) => c.id === declaredId)?.mayDecide).toBe(true);
		expect(await listAwardConflictsForChair(db, juror.actor, edition.year)).toMatchObject({ status: 404 });

		const audit = await auditEntries(db, { entityType: 'award_jury' });
		expect(audit.map((e) => e.action)).toEqual(['award.conflict_declare', 'award.conflict_decide', 'award.conflict_decide']);
		expect(audit[1].summary).toMatchObject({ status: { from: 'pending', to: 'excluded' } });
	});

	it('assigns every juror to every admitted candidacy except blocked pairs', async () => {
		const { db, edition, cities, candidacies } = await scene();
		const ec = await createTestJuror(db, edition.id, { cityId: cities.barcelona });
		const specialist = await createTestJuror(db, edition.id);
		await createTestCandidacy(db, edition.id, cities.porto, { status: 'submitted' });
		const result = await assignAllAwardJurors(db, staff, edition.year);
		expect(result).toEqual({ ok: true, value: { added: 5 } });
		const pairs = (await listReviews(db, edition.id)).map((r) => `${r.jurorId}:${r.candidacyId}`).sort();
		expect(pairs).toEqual(
			[`${ec.jurorId}:${candidacies.cPorto}`, ...Object.values(candidacies).map((c) => `${specialist.jurorId}:${c}`)].sort()
		);
		expect((await auditEntries(db, { action: 'award.assignment_all' }))[0].summary).toMatchObject({ added: 5 });
	});

	it('balanced assignment: N jurors per candidacy, none conflicted, balanced loads, deterministic, scored reviews kept', async () => {
		const db = getDb();
		await prepareExperiences(db);
		const edition = await createTestEdition(db, judging);
		const es = await createTestCity(db, { countryCode: 'ES' });
		const fr = await createTestCity(db, { countryCode: 'FR' });
		const jurors = [
			await createTestJuror(db, edition.id, { cityId: es }),
			await createTestJuror(db, edition.id, { cityId: fr }),
			await createTestJuror(db, edition.id),
			await createTestJuror(db, edition.id),
			await createTestJuror(db, edition.id)
		];
		const ids: number[] = [];
		for (let i = 0; i < 20; i++) {
			const city = await createTestCity(db, { countryCode: i % 4 === 0 ? 'ES' : i % 4 === 1 ? 'FR' : 'PT' });
			ids.push(await createTestCandidacy(db, edition.id, city, { status: 'admitted' }));
		}
		// One review already holds scores: it must stay.
		const kept = await assignTestReview(db, edition.id, jurors[2].jurorId, ids[0]);
		await db
			.updateTable('award_review')
			.set({ status: 'draft', scores: JSON.stringify({ relevance: { score: 5, comment: '' } }) })
			.where('id', '=', kept)
			.execute();

		expect(await assignAwardJurorsBalanced(db, staff, edition.year, { perCandidacy: '0' })).toMatchObject({
			fieldErrors: { perCandidacy: ['award.jury.per_candidacy_invalid'] }
		});
		const first = await assignAwardJurorsBalanced(db, staff, edition.year, { perCandidacy: '3', seed: '11' });
		expect(first.ok).toBe(true);
		if (!first.ok) return;
		expect(first.value.shortfalls).toEqual([]);
		const blocked = new Set(
			(await listConflicts(db, edition.id)).filter((c) => c.status !== 'cleared').map((c) => `${c.jurorId}:${c.candidacyId}`)
		);
		expect(blocked.size).toBe(10);
		const reviews = await listReviews(db, edition.id);
		for (const id of ids) expect(reviews.filter((r) => r.candidacyId === id)).toHaveLength(3);
		for (const r of reviews) expect(blocked.has(`${r.jurorId}:${r.candidacyId}`)).toBe(false);
		expect(reviews.find((r) => r.id === kept)?.status).toBe('draft');
		const loads = jurors.map((j) => reviews.filter((r) => r.jurorId === j.jurorId).length);
		expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

		// Same seed, same pairs.
		const snapshot = reviews.map((r) => `${r.jurorId}:${r.candidacyId}`).sort();
		const again = await assignAwardJurorsBalanced(db, staff, edition.year, { perCandidacy: '3', seed: '11' });
		expect(again).toMatchObject({ ok: true, value: { added: 0, removed: 0 } });
		expect((await listReviews(db, edition.id)).map((r) => `${r.jurorId}:${r.candidacyId}`).sort()).toEqual(snapshot);
		expect((await auditEntries(db, { action: 'award.assignment_balanced' })).map((e) => e.summary.seed)).toEqual([11, 11]);

		const staffView = await getAwardJuryForStaff(db, staff, edition.year);
		expect(staffView.ok && staffView.value.candidacies).toHaveLength(20);
		expect(staffView.ok && staffView.value.cells[ids[0]][jurors[2].jurorId]).toBe('draft');
	});

	it('hand adjustment: cannot assign a blocked pair nor remove a submitted review', async () => {
		const { db, edition, cities, candidacies } = await scene();
		const ec = await createTestJuror(db, edition.id, { cityId: cities.barcelona });
		const other = await createTestJuror(db, edition.id);
		await refreshAwardConflicts(db, edition.id);
		expect(
			await setAwardAssignment(db, staff, edition.year, { jurorId: ec.jurorId, candidacyId: candidacies.cMadrid, assigned: 'true' })
		).toMatchObject({
			status: 409,
			code: 'award.conflict.blocked'
		});
		expect(
			await setAwardAssignment(db, staff, edition.year, { jurorId: ec.jurorId, candidacyId: candidacies.cPorto, assigned: 'true' })
		).toEqual({
			ok: true,
			value: { assigned: true }
		});
		const reviewId = await assignTestReview(db, edition.id, other.jurorId, candidacies.cMadrid);
		await db.updateTable('award_review').set({ status: 'submitted' }).where('id', '=', reviewId).execute();
		expect(
			await setAwardAssignment(db, staff, edition.year, { jurorId: other.jurorId, candidacyId: candidacies.cMadrid, assigned: 'false' })
		).toMatchObject({
			code: 'award.jury.review_submitted'
		});
		expect(
			await setAwardAssignment(db, staff, edition.year, { jurorId: ec.jurorId, candidacyId: candidacies.cPorto, assigned: 'false' })
		).toEqual({
			ok: true,
			value: { assigned: false }
		});
		expect((await auditEntries(db, { action: 'award.assignment_set' })).map((e) => e.summary.assigned)).toEqual([true, false]);
	});

	it('a juror reads only assigned, unblocked, admitted candidacies; translations; blind mode hides the city', async () => {
		const { db, edition, cities, candidacies } = await scene();
		const juror = await createTestJuror(db, edition.id, { cityId: cities.barcelona });
		const stranger = actors.representative(cities.porto);
		await refreshAwardConflicts(db, edition.id);
		await assignTestReview(db, edition.id, juror.jurorId, candidacies.cPorto);
		await db
			.updateTable('award_candidacy')
			.set({
				texts: JSON.stringify({ pt: { title: 'Porto acolhe', summary: 'Resumo.' }, en: { title: 'Porto welcomes', summary: 'Summary.' } })
			})
			.where('id', '=', candidacies.cPorto)
			.execute();

		const read = await getAwardCandidacyForJuror(db, juror.actor, edition.year, candidacies.cPorto);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.value.candidacy.languages).toEqual(['pt', 'en']);
		expect(read.value.candidacy.city).toEqual({ name: 'Porto', countryCode: 'PT' });
		expect(read.value.candidacy.supportLetter?.href).toBe(`/files/award/letters/${candidacies.cPorto}`);
		expect(read.value.mayScore).toBe(true);
		// The letter link works for this juror, and for no juror who isn't assigned to the candidacy.
		expect(await findSupportLetterForDownload(db, juror.actor, candidacies.cPorto)).toMatchObject({ ok: true });
		expect(await findSupportLetterForDownload(db, juror.actor, candidacies.cLyon)).toMatchObject({ status: 404 });

		// Unassigned, own city (blocked), a stranger, an unknown id: all not found.
		expect(await getAwardCandidacyForJuror(db, juror.actor, edition.year, candidacies.cLyon)).toMatchObject({ status: 404 });
		await assignTestReview(db, edition.id, juror.jurorId, candidacies.cBarcelona);
		expect(await getAwardCandidacyForJuror(db, juror.actor, edition.year, candidacies.cBarcelona)).toMatchObject({ status: 404 });
		expect(await saveAwardReview(db, juror.actor, edition.year, candidacies.cBarcelona, { version: 1, scores: {} })).toMatchObject({
			status: 404
		});
		expect(await getAwardCandidacyForJuror(db, stranger, edition.year, candidacies.cPorto)).toMatchObject({ status: 404 });
		expect(await getAwardCandidacyForJuror(db, staff, edition.year, candidacies.cPorto)).toMatchObject({ status: 404 });
		expect(await getAwardCandidacyForJuror(db, juror.actor, edition.year, 999999)).toMatchObject({ status: 404 });

		// A candidacy no longer admitted disappears from the juror's view.
		await db.updateTable('award_candidacy').set({ status: 'rejected' }).where('id', '=', candidacies.cPorto).execute();
		expect(await getAwardCandidacyForJuror(db, juror.actor, edition.year, candidacies.cPorto)).toMatchObject({ status: 404 });

		const workload = await getAwardJurorWorkload(db, juror.actor, edition.year);
		expect(workload.ok && workload.value.items).toEqual([]);
		expect(workload.ok && workload.value.conflicts.map((c) => c.origin).sort()).toEqual(['own_city', 'same_country', 'shared_network']);
		expect(await listAwardJurorEditions(db, stranger)).toMatchObject({ status: 404 });
		expect(await listAwardJurorEditions(db, juror.actor)).toMatchObject({ ok: true, value: [{ edition: { year: edition.year } }] });
	});

	it('blind mode: the city, country, letter and title are hidden from the juror', async () => {
		const { db, edition, candidacies } = await scene({ blindReview: true });
		const juror = await createTestJuror(db, edition.id);
		await assignTestReview(db, edition.id, juror.jurorId, candidacies.cLyon);
		const read = await getAwardCandidacyForJuror(db, juror.actor, edition.year, candidacies.cLyon);
		expect(read.ok && read.value.candidacy).toMatchObject({ city: null, supportLetter: null, titles: {} });
		expect(JSON.stringify(read.ok && read.value)).not.toContain('Lyon"');
		const workload = await getAwardJurorWorkload(db, juror.actor, edition.year);
		expect(workload.ok && workload.value.items[0]).toMatchObject({ candidacyId: candidacies.cLyon, titles: {} });
	});

	it('scores: out of scale refused writing nothing, unknown criteria refused, submit needs all, then read-only; not before the deadline', async () => {
		const { db, edition, candidacies } = await scene();
		const juror = await createTestJuror(db, edition.id);
		const reviewId = await assignTestReview(db, edition.id, juror.jurorId, candidacies.cPorto);

		const outOfScale = await saveAwardReview(db, juror.actor, edition.year, candidacies.cPorto, {
			version: 1,
			scores: { relevance: { score: '11', comment: 'Too good' }, impact: { score: '7.5', comment: '' } }
		});
		expect(outOfScale).toMatchObject({
			ok: false,
			status: 400,
			code: 'award.review.out_of_scale',
			values: { min: 1, max: 10 },
			fieldErrors: { 'scores.relevance.score': ['award.review.out_of_scale'], 'scores.impact.score': ['award.review.out_of_scale'] }
		});
		const unknown = await saveAwardReview(db, juror.actor, edition.year, candidacies.cPorto, {
			version: 1,
			scores: { beauty: { score: '5', comment: '' } }
		});
		expect(unknown).toMatchObject({ fieldErrors: { scores: ['award.review.unknown_criterion'] } });
		const untouched = await db.selectFrom('award_review').selectAll().where('id', '=', reviewId).executeTakeFirstOrThrow();
		expect([untouched.status, untouched.scores, Number(untouched.version)]).toEqual(['assigned', '{}', 1]);
		expect(await auditEntries(db, { entityType: 'award_review' })).toEqual([]);

		const draft = await saveAwardReview(db, juror.actor, edition.year, candidacies.cPorto, {
			version: '1',
			scores: { relevance: { score: '8', comment: 'Strong link to the theme.' } }
		});
		expect(draft).toEqual({ ok: true, value: { version: 2, status: 'draft' } });

		const incomplete = await submitAwardReview(db, juror.actor, edition.year, candidacies.cPorto, {
			version: 2,
			scores: { ...fullSheet(), impact: { score: '', comment: '' } }
		});
		expect(incomplete).toMatchObject({
			code: 'award.review.incomplete',
			fieldErrors: { 'scores.impact.score': ['award.review.score_required'], 'scores.impact.comment': ['award.review.comment_required'] }
		});
		const submitted = await submitAwardReview(db, juror.actor, edition.year, candidacies.cPorto, { version: 2, scores: fullSheet(9) });
		expect(submitted).toEqual({ ok: true, value: { version: 3, status: 'submitted' } });
		expect(await saveAwardReview(db, juror.actor, edition.year, candidacies.cPorto, { version: 3, scores: fullSheet(2) })).toMatchObject({
			status: 409,
			code: 'award.review.closed_submitted'
		});
		const read = await getAwardCandidacyForJuror(db, juror.actor, edition.year, candidacies.cPorto);
		expect(read.ok && read.value.review.scores.relevance).toEqual({ score: 9, comment: 'Well argued.' });
		expect(read.ok && read.value.mayScore).toBe(false);
		const audit = await auditEntries(db, { entityType: 'award_review' });
		expect(audit.map((e) => e.action)).toEqual(['award.review_save', 'award.review_submit']);
		expect(JSON.stringify(audit[1].summary)).not.toContain('Well argued');

		// Before the deadline the call is still open: no scoring.
		const open = await scene({ phase: 'open', suffix: ' (2)' });
		const early = await createTestJuror(open.db, open.edition.id);
		await assignTestReview(open.db, open.edition.id, early.jurorId, open.candidacies.cPorto);
		expect(
			await saveAwardReview(open.db, early.actor, open.edition.year, open.candidacies.cPorto, { version: 1, scores: {} })
		).toMatchObject({
			code: 'award.review.closed_not_yet'
		});
	});

	it('two jurors saving at the same time both keep their scores; the same juror’s stale tab is refused', async () => {
		const { db, edition, candidacies } = await scene();
		const a = await createTestJuror(db, edition.id);
		const b = await createTestJuror(db, edition.id);
		await assignTestReview(db, edition.id, a.jurorId, candidacies.cPorto);
		await assignTestReview(db, edition.id, b.jurorId, candidacies.cPorto);
		const [ra, rb] = await Promise.all([
			saveAwardReview(db, a.actor, edition.year, candidacies.cPorto, { version: 1, scores: { relevance: { score: 3, comment: 'A' } } }),
			saveAwardReview(db, b.actor, edition.year, candidacies.cPorto, { version: 1, scores: { relevance: { score: 8, comment: 'B' } } })
		]);
		expect([ra.ok, rb.ok]).toEqual([true, true]);
		const reviews = await listReviews(db, edition.id, { candidacyId: candidacies.cPorto });
		expect(reviews.map((r) => [r.jurorId, r.scores.relevance])).toEqual([
			[a.jurorId, { score: 3, comment: 'A' }],
			[b.jurorId, { score: 8, comment: 'B' }]
		]);

		// Tab 1 saved version 1 → 2; tab 2 still holds version 1.
		const stale = await saveAwardReview(db, a.actor, edition.year, candidacies.cPorto, {
			version: 1,
			scores: { relevance: { score: 1, comment: 'Z' } }
		});
		expect(stale).toMatchObject({ ok: false, status: 409, code: 'common.errors.stale' });
		expect((await listReviews(db, edition.id, { jurorId: a.jurorId }))[0].scores.relevance).toEqual({ score: 3, comment: 'A' });
	});

	it('other jurors’ scores: never before submitting, never drafts, only when the edition allows it', async () => {
		const { db, edition, candidacies } = await scene({ jurorsSeeOtherScores: true });
		const a = await createTestJuror(db, edition.id, { name: 'Alice' });
		const b = await createTestJuror(db, edition.id, { name: 'Bruno' });
		const c = await createTestJuror(db, edition.id, { name: 'Chen' });
		for (const j of [a, b, c]) await assignTestReview(db, edition.id, j.jurorId, candidacies.cPorto);
		expect(
			await submitAwardReview(db, b.actor, edition.year, candidacies.cPorto, { version: 1, scores: fullSheet(6, 'Bruno says') })
		).toMatchObject({ ok: true });
		expect(
			await saveAwardReview(db, c.actor, edition.year, candidacies.cPorto, {
				version: 1,
				scores: { relevance: { score: 2, comment: 'Chen draft' } }
			})
		).toMatchObject({ ok: true });

		const before = await getAwardCandidacyForJuror(db, a.actor, edition.year, candidacies.cPorto);
		expect(before.ok && before.value.others).toBeNull();
		expect(before.ok && before.value.othersHiddenReason).toBe('award.review.others_after_submit');
		expect(JSON.stringify(before)).not.toContain('Bruno says');

		await submitAwardReview(db, a.actor, edition.year, candidacies.cPorto, { version: 1, scores: fullSheet(8) });
		const after = await getAwardCandidacyForJuror(db, a.actor, edition.year, candidacies.cPorto);
		expect(after.ok && after.value.others?.map((o) => [o.jurorName, o.scores.relevance.comment])).toEqual([['Bruno', 'Bruno says']]);
		expect(JSON.stringify(after)).not.toContain('Chen draft');

		// When the edition does not share them, never.
		await db.updateTable('award_edition').set({ jurors_see_other_scores: 0 }).where('id', '=', edition.id).execute();
		const closed = await getAwardCandidacyForJuror(db, a.actor, edition.year, candidacies.cPorto);
		expect(closed.ok && closed.value.others).toBeNull();
		expect(closed.ok && closed.value.othersHiddenReason).toBe('award.review.others_not_shared');
	});
});
