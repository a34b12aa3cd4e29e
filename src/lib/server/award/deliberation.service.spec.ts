import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, auditEntries, countRows, createTestCity } from '../testing/factories.ts';
import { prepareExperiences } from '../testing/experience-factories.ts';
import {
	assignTestReview,
	createTestCandidacy,
	createTestEdition,
	createTestJuror,
	testCriteria,
	type TestEditionValues
} from '../testing/award-factories.ts';
import type { Db } from '../db/index.ts';
import { nowIso } from '../core/clock.ts';
import type { Result } from '../core/result.ts';
import {
	approveAwardMinutes,
	awardOutcomesByKind,
	cancelAwardRound,
	closeAwardRound,
	getAwardDeliberation,
	getAwardResults,
	openAwardRound,
	recordAwardDecision,
	removeAwardDecision,
	reopenAwardRound,
	saveAwardMinutes
} from './deliberation.service.ts';
import { listRounds } from './award.repository.ts';
import { decisionOutcomes, roundKinds } from '../../shared/award/constants.ts';

/** Six scores (one per test criterion) with a comment each, stored as the jury service stores them. */
function scoresJson(values: number[], comment = 'Well argued.') {
	return JSON.stringify(Object.fromEntries(testCriteria.map((c, i) => [c.code, { score: values[i], comment: `${comment} (${c.code})` }])));
}

async function submitTestReview(db: Db, editionId: number, jurorId: number, candidacyId: number, values: number[], comment?: string) {
	const id = await assignTestReview(db, editionId, jurorId, candidacyId);
	const now = nowIso();
	await db
		.updateTable('award_review')
		.set({ status: 'submitted', scores: scoresJson(values, comment), submitted_at: now, updated_at: now })
		.where('id', '=', id)
		.execute();
	return id;
}

function expectOk<T>(result: Result<T>): T {
	if (!result.ok) throw new Error(`expected ok, got ${result.status} ${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`);
	return result.value;
}

/**
 * An edition in its judging phase (deadline passed) with four admitted candidacies, a rejected one, a chair
 * and two jurors, every juror having submitted every review: candidacy `a` scores best, then b, c, d.
 */
const setupsOf = new WeakMap<Db, number>();

async function judgingEdition(db: Db, values: TestEditionValues = {}) {
	const setup = (setupsOf.get(db) ?? 0) + 1;
	setupsOf.set(db, setup);
	if (setup === 1) await prepareExperiences(db);
	const edition = await createTestEdition(db, { deadline: '2020-06-30T23:59', ...values });
	const cities = [];
	for (const [name, countryCode] of [
		['Rosario', 'AR'],
		['Lyon', 'FR'],
		['Porto', 'PT'],
		['Bilbao', 'ES'],
		['Sucre', 'BO']
	])
		cities.push(await createTestCity(db, { name: setup === 1 ? name : `${name} ${setup}`, countryCode }));
	const [a, b, c, d] = [
		await createTestCandidacy(db, edition.id, cities[0], {
			status: 'admitted',
			title: 'Schools open to the neighbourhood',
			language: 'es'
		}),
		await createTestCandidacy(db, edition.id, cities[1], { status: 'admitted', title: 'La ville qui apprend', language: 'fr' }),
		await createTestCandidacy(db, edition.id, cities[2], { status: 'admitted', title: 'Cidade que educa', language: 'pt' }),
		await createTestCandidacy(db, edition.id, cities[3], { status: 'admitted', title: 'Barrios que aprenden', language: 'es' })
	];
	const rejected = await createTestCandidacy(db, edition.id, cities[4], { status: 'rejected', title: 'Late letter' });
	const chair = await createTestJuror(db, edition.id, { isChair: true, name: 'Clara Chair' });
	const juror = await createTestJuror(db, edition.id, { name: 'Jon Juror' });
	const other = await createTestJuror(db, edition.id, { name: 'Olga Other' });
	const scores: Record<number, number[]> = {
		[a]: [9, 9, 9, 9, 9, 9],
		[b]: [7, 7, 7, 7, 7, 7],
		[c]: [5, 5, 5, 5, 5, 5],
		[d]: [3, 3, 3, 3, 3, 3]
	};
	for (const j of [chair, juror, other]) for (const id of [a, b, c, d]) await submitTestReview(db, edition.id, j.jurorId, id, scores[id]);
	return { edition, year: edition.year, cities, a, b, c, d, rejected, chair, juror, other, staff: actors.secretariat() };
}

type Setup = Awaited<ReturnType<typeof judgingEdition>>;

async function roundOf(db: Db, setup: Setup, roundId: number) {
	return (await listRounds(db, setup.edition.id)).find((r) => r.id === roundId)!;
}

/** Opens a round as the chair, records decisions, writes and approves minutes and closes it. */
async function closedRound(
	db: Db,
	setup: Setup,
	kind: 'shortlist' | 'finalists' | 'winners',
	decisions: { candidacyId?: number; outcome: string }[]
) {
	const chair = setup.chair.actor;
	const { roundId } = expectOk(await openAwardRound(db, chair, setup.year, { kind }));
	for (const decision of decisions) {
		const round = await roundOf(db, setup, roundId);
		expectOk(
			await recordAwardDecision(db, chair, setup.year, roundId, {
				version: round.version,
				candidacyId: decision.candidacyId ? String(decision.candidacyId) : '',
				outcome: decision.outcome,
				basis: 'consensus'
			})
		);
	}
	let round = await roundOf(db, setup, roundId);
	expectOk(await saveAwardMinutes(db, chair, setup.year, roundId, { version: round.version, minutes: `Minutes of the ${kind} round.` }));
	round = await roundOf(db, setup, roundId);
	expectOk(await approveAwardMinutes(db, chair, setup.year, roundId, { version: round.version }));
	round = await roundOf(db, setup, roundId);
	expectOk(await closeAwardRound(db, chair, setup.year, roundId, { version: round.version }));
	return roundId;
}

describe('outcomes by round kind', () => {
	it('gives every outcome to exactly one kind of round', () => {
		for (const outcome of decisionOutcomes) expect(roundKinds.filter((k) => awardOutcomesByKind[k].includes(outcome))).toHaveLength(1);
	});
});

describeEachDatabase('award results service', (getDb) => {
	it('ranks the admitted candidacies for the secretariat, with names and progress', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const view = expectOk(await getAwardResults(db, s.staff, s.year));
		expect(view.locked).toBeNull();
		expect(view.rows.map((r) => [r.candidacyId, r.rankLabel])).toEqual([
			[s.a, '1'],
			[s.b, '2'],
			[s.c, '3'],
			[s.d, '4']
		]);
		expect(view.rows[0]).toMatchObject({ rawMean: 9, reviewCount: 3, progress: { submitted: 3, assigned: 3 } });
		expect(view.rows[0].candidacy).toMatchObject({
			hidden: false,
			city: { name: 'Rosario' },
			titles: { es: 'Schools open to the neighbourhood' }
		});
		expect(view.rows.some((r) => r.candidacyId === s.rejected)).toBe(false);
		expect(view.progress.total).toEqual({ submitted: 12, assigned: 12 });
		expect(view.progress.jurors.map((j) => [j.name, j.isChair, j.progress.submitted])).toEqual([
			['Clara Chair', true, 4],
			['Jon Juror', false, 4],
			['Olga Other', false, 4]
		]);
	});

	it('shows a juror the results only once every review assigned to them is submitted', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const extra = await createTestCandidacy(db, s.edition.id, s.cities[4], { status: 'admitted' });
		const pending = await assignTestReview(db, s.edition.id, s.juror.jurorId, extra);
		const locked = expectOk(await getAwardResults(db, s.juror.actor, s.year));
		expect(locked.locked).toEqual({ code: 'award.results.finish_your_reviews_first', progress: { submitted: 4, assigned: 5 } });
		expect(locked.rows).toEqual([]);
		expect(JSON.stringify(locked)).not.toContain('Rosario');
		// Another juror who has finished sees them, unscored candidacy last; the secretariat always does.
		const other = expectOk(await getAwardResults(db, s.other.actor, s.year));
		expect(other.locked).toBeNull();
		expect(other.rows.at(-1)).toMatchObject({ candidacyId: extra, rank: null, progress: { submitted: 0, assigned: 1 } });
		await db
			.updateTable('award_review')
			.set({ status: 'submitted', scores: scoresJson([1, 1, 1, 1, 1, 1]) })
			.where('id', '=', pending)
			.execute();
		expect(expectOk(await getAwardResults(db, s.juror.actor, s.year)).locked).toBeNull();
	});

	it('leaves out reviews a conflict blocks and reviews still in draft', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		await db
			.insertInto('award_conflict')
			.values({
				edition_id: s.edition.id,
				juror_id: s.other.jurorId,
				candidacy_id: s.a,
				origin: 'declared',
				reason: 'I advised this city.',
				status: 'excluded',
				created_at: nowIso()
			})
			.execute();
		await db
			.updateTable('award_review')
			.set({ status: 'draft' })
			.where('juror_id', '=', s.juror.jurorId)
			.where('candidacy_id', '=', s.b)
			.execute();
		const view = expectOk(await getAwardResults(db, s.staff, s.year));
		const row = (id: number) => view.rows.find((r) => r.candidacyId === id)!;
		expect(row(s.a)).toMatchObject({ reviewCount: 2, progress: { submitted: 2, assigned: 2 } });
		expect(row(s.b)).toMatchObject({ reviewCount: 2, progress: { submitted: 2, assigned: 3 } });
		expect(row(s.c)).toMatchObject({ reviewCount: 3 });
	});

	it('hides the cities and titles from jurors of a blind edition, not from the secretariat', async () => {
		const db = getDb();
		const s = await judgingEdition(db, { blindReview: true });
		const juror = expectOk(await getAwardResults(db, s.juror.actor, s.year));
		expect(juror.rows[0].candidacy).toMatchObject({ id: s.a, hidden: true, city: null, titles: {} });
		const text = JSON.stringify(juror);
		for (const secret of ['Rosario', 'Lyon', 'Schools open', 'La ville qui apprend']) expect(text).not.toContain(secret);
		expect(expectOk(await getAwardResults(db, s.staff, s.year)).rows[0].candidacy.city?.name).toBe('Rosario');
	});

	it('is not found for anyone outside the secretariat and the edition’s jury', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const elsewhere = await createTestEdition(db, { deadline: '2020-06-30T23:59' });
		const foreignJuror = await createTestJuror(db, elsewhere.id);
		for (const actor of [null, actors.member(), actors.representative(s.cities[0]), actors.coordinator(1), foreignJuror.actor]) {
			const result = await getAwardResults(db, actor, s.year);
			expect(result).toMatchObject({ ok: false, status: 404 });
			expect(await getAwardDeliberation(db, actor, s.year)).toMatchObject({ ok: false, status: 404 });
		}
		expect(await getAwardResults(db, s.staff, 1999)).toMatchObject({ ok: false, status: 404 });
	});
});

describeEachDatabase('award deliberation service', (getDb) => {
	it('lets the chair open a round, numbered in turn and audited; one open round at a time', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const opened = expectOk(await openAwardRound(db, s.chair.actor, s.year, { kind: 'shortlist' }));
		expect(opened.number).toBe(1);
		expect(await openAwardRound(db, s.staff, s.year, { kind: 'finalists' })).toMatchObject({
			status: 409,
			code: 'award.round.another_open'
		});
		const [entry] = await auditEntries(db, { action: 'award.round_open' });
		expect(entry).toMatchObject({ entity_type: 'award_round', entity_id: String(opened.roundId) });
		expect(entry.summary).toMatchObject({ number: 1, kind: 'shortlist' });
		expect(await openAwardRound(db, s.chair.actor, s.year, { kind: 'podium' })).toMatchObject({
			status: 400,
			fieldErrors: { kind: ['award.round.kind_required'] }
		});
	});

	it('lets only one of two people opening a round at the same moment succeed', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const results = await Promise.all([
			openAwardRound(db, s.chair.actor, s.year, { kind: 'shortlist' }),
			openAwardRound(db, s.staff, s.year, { kind: 'shortlist' })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toMatchObject([{ status: 409, code: 'award.round.another_open' }]);
		expect(await listRounds(db, s.edition.id)).toHaveLength(1);
	});

	it('refuses rounds before the deadline, to jurors who do not chair, and hides them from outsiders', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		expect(await openAwardRound(db, s.juror.actor, s.year, { kind: 'shortlist' })).toMatchObject({ status: 403 });
		expect(await openAwardRound(db, actors.representative(s.cities[0]), s.year, { kind: 'shortlist' })).toMatchObject({ status: 404 });
		const open = await createTestEdition(db);
		const openChair = await createTestJuror(db, open.id, { isChair: true });
		expect(await openAwardRound(db, openChair.actor, open.year, { kind: 'shortlist' })).toMatchObject({
			status: 409,
			code: 'award.round.not_judging'
		});
		expect(await countRows(db, ['award_round', 'audit_entry'])).toMatchObject({ award_round: 0 });
	});

	it('accepts only the outcomes of the round’s kind, admitted candidacies of this edition, and vote counts for a vote', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const elsewhere = await createTestEdition(db, { deadline: '2020-06-30T23:59' });
		const foreign = await createTestCandidacy(db, elsewhere.id, s.cities[0], { status: 'admitted' });
		const { roundId } = expectOk(await openAwardRound(db, s.chair.actor, s.year, { kind: 'shortlist' }));
		const record = async (input: Record<string, unknown>) =>
			recordAwardDecision(db, s.chair.actor, s.year, roundId, {
				version: (await roundOf(db, s, roundId)).version,
				basis: 'consensus',
				...input
			});
		for (const outcome of ['finalist', 'winner', 'special_mention', 'void'])
			expect(await record({ candidacyId: s.a, outcome })).toMatchObject({
				status: 400,
				fieldErrors: { outcome: ['award.decision.outcome_not_for_kind'] }
			});
		expect(await record({ candidacyId: s.rejected, outcome: 'shortlisted' })).toMatchObject({
			fieldErrors: { candidacyId: ['award.decision.candidacy_not_admitted'] }
		});
		expect(await record({ candidacyId: foreign, outcome: 'shortlisted' })).toMatchObject({
			fieldErrors: { candidacyId: ['award.decision.candidacy_not_admitted'] }
		});
		expect(await record({ outcome: 'shortlisted' })).toMatchObject({ fieldErrors: { candidacyId: ['award.decision.candidacy_required'] } });
		expect(await record({ candidacyId: s.a, outcome: 'shortlisted', basis: 'vote', votesFor: '4', votesAgainst: '' })).toMatchObject({
			fieldErrors: { votesAgainst: ['award.decision.votes_required'], abstentions: ['award.decision.votes_required'] }
		});
		expect(
			await record({ candidacyId: s.a, outcome: 'shortlisted', basis: 'vote', votesFor: '-1', votesAgainst: '1.5', abstentions: 'x' })
		).toMatchObject({
			fieldErrors: {
				votesFor: ['award.decision.votes_invalid'],
				votesAgainst: ['award.decision.votes_invalid'],
				abstentions: ['award.decision.votes_invalid']
			}
		});
		expect((await roundOf(db, s, roundId)).decisions).toEqual([]);
		expectOk(
			await record({
				candidacyId: s.a,
				outcome: 'shortlisted',
				basis: 'vote',
				votesFor: '3',
				votesAgainst: '0',
				abstentions: '0',
				note: ' Clear. '
			})
		);
		expect(await record({ candidacyId: s.a, outcome: 'shortlisted' })).toMatchObject({
			fieldErrors: { candidacyId: ['award.decision.already_decided'] }
		});
		expect((await roundOf(db, s, roundId)).decisions).toMatchObject([
			{ candidacyId: s.a, outcome: 'shortlisted', basis: 'vote', votesFor: 3, votesAgainst: 0, abstentions: 0, note: 'Clear.' }
		]);
		const [entry] = await auditEntries(db, { action: 'award.decision_record' });
		expect(entry.summary).toMatchObject({ candidacyId: s.a, outcome: 'shortlisted', votesFor: 3 });
	});

	it('keeps a winners round within the prizes and mentions, and void alone and only where allowed', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		await db.updateTable('award_edition').set({ prizes: 1, special_mentions: 1 }).where('id', '=', s.edition.id).execute();
		const { roundId } = expectOk(await openAwardRound(db, s.chair.actor, s.year, { kind: 'winners' }));
		const record = async (candidacyId: number | undefined, outcome: string) =>
			recordAwardDecision(db, s.chair.actor, s.year, roundId, {
				version: (await roundOf(db, s, roundId)).version,
				candidacyId,
				outcome,
				basis: 'consensus'
			});
		expect(await record(s.a, 'shortlisted')).toMatchObject({ fieldErrors: { outcome: ['award.decision.outcome_not_for_kind'] } });
		expectOk(await record(s.a, 'winner'));
		expect(await record(s.b, 'winner')).toMatchObject({ fieldErrors: { outcome: ['award.decision.too_many_winners'] } });
		expect(await record(undefined, 'void')).toMatchObject({ fieldErrors: { outcome: ['award.decision.void_with_winners'] } });
		expectOk(await record(s.b, 'special_mention'));
		expect(await record(s.c, 'special_mention')).toMatchObject({ fieldErrors: { outcome: ['award.decision.too_many_mentions'] } });
		expect((await roundOf(db, s, roundId)).decisions.map((d) => d.outcome)).toEqual(['winner', 'special_mention']);
	});

	it('records a void decision without a candidacy, unless the edition forbids declaring the award void', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const { roundId } = expectOk(await openAwardRound(db, s.chair.actor, s.year, { kind: 'winners' }));
		const round = await roundOf(db, s, roundId);
		expectOk(
			await recordAwardDecision(db, s.chair.actor, s.year, roundId, {
				version: round.version,
				candidacyId: String(s.a),
				outcome: 'void',
				basis: 'consensus'
			})
		);
		expect((await roundOf(db, s, roundId)).decisions).toMatchObject([{ candidacyId: null, outcome: 'void' }]);

		const strict = await judgingEdition(db, { mayDeclareVoid: false });
		const opened = expectOk(await openAwardRound(db, strict.chair.actor, strict.year, { kind: 'winners' }));
		const strictRound = await roundOf(db, strict, opened.roundId);
		expect(
			await recordAwardDecision(db, strict.chair.actor, strict.year, opened.roundId, {
				version: strictRound.version,
				outcome: 'void',
				basis: 'consensus'
			})
		).toMatchObject({ fieldErrors: { outcome: ['award.decision.void_not_allowed'] } });
	});

	it('refuses a stale version', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const { roundId } = expectOk(await openAwardRound(db, s.chair.actor, s.year, { kind: 'shortlist' }));
		const version = (await roundOf(db, s, roundId)).version;
		expectOk(
			await recordAwardDecision(db, s.chair.actor, s.year, roundId, {
				version,
				candidacyId: s.a,
				outcome: 'shortlisted',
				basis: 'consensus'
			})
		);
		expect(
			await recordAwardDecision(db, s.staff, s.year, roundId, { version, candidacyId: s.b, outcome: 'shortlisted', basis: 'consensus' })
		).toMatchObject({ status: 409, code: 'common.errors.stale' });
		expect(await saveAwardMinutes(db, s.staff, s.year, roundId, { version, minutes: 'Old page.' })).toMatchObject({
			code: 'common.errors.stale'
		});
	});

	it('closes a round only with approved minutes and a decision, by the chair only', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const { roundId } = expectOk(await openAwardRound(db, s.staff, s.year, { kind: 'shortlist' }));
		const version = async () => ({ version: (await roundOf(db, s, roundId)).version });
		expect(await closeAwardRound(db, s.chair.actor, s.year, roundId, await version())).toMatchObject({ code: 'award.round.no_decisions' });
		expectOk(
			await recordAwardDecision(db, s.staff, s.year, roundId, {
				...(await version()),
				candidacyId: s.a,
				outcome: 'shortlisted',
				basis: 'consensus'
			})
		);
		expect(await closeAwardRound(db, s.chair.actor, s.year, roundId, await version())).toMatchObject({
			code: 'award.round.minutes_not_approved'
		});
		expect(await approveAwardMinutes(db, s.chair.actor, s.year, roundId, await version())).toMatchObject({
			code: 'award.round.minutes_empty'
		});
		expectOk(
			await saveAwardMinutes(db, s.staff, s.year, roundId, { ...(await version()), minutes: 'The jury met on 3 May.\r\nAll present.' })
		);
		expect((await roundOf(db, s, roundId)).minutes).toBe('The jury met on 3 May.\nAll present.');
		// Only the chair approves and closes: not another juror, not the secretariat.
		expect(await approveAwardMinutes(db, s.staff, s.year, roundId, await version())).toMatchObject({ status: 403 });
		expect(await approveAwardMinutes(db, s.juror.actor, s.year, roundId, await version())).toMatchObject({ status: 403 });
		expectOk(await approveAwardMinutes(db, s.chair.actor, s.year, roundId, await version()));
		expect(await closeAwardRound(db, s.staff, s.year, roundId, await version())).toMatchObject({ status: 403 });
		expect(await closeAwardRound(db, s.juror.actor, s.year, roundId, await version())).toMatchObject({ status: 403 });
		expectOk(await closeAwardRound(db, s.chair.actor, s.year, roundId, await version()));
		const round = await roundOf(db, s, roundId);
		expect(round).toMatchObject({ status: 'closed', closedByLabel: expect.stringContaining('Clara Chair') });
		expect(round.closedAt).not.toBeNull();
		expect((await auditEntries(db, { action: 'award.round_close' }))[0].summary).toMatchObject({
			decisions: [{ candidacyId: s.a, outcome: 'shortlisted', basis: 'consensus' }]
		});
	});

	it('withdraws the approval of the minutes when they or the decisions change', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const { roundId } = expectOk(await openAwardRound(db, s.chair.actor, s.year, { kind: 'shortlist' }));
		const version = async () => ({ version: (await roundOf(db, s, roundId)).version });
		expectOk(
			await recordAwardDecision(db, s.chair.actor, s.year, roundId, {
				...(await version()),
				candidacyId: s.a,
				outcome: 'shortlisted',
				basis: 'consensus'
			})
		);
		expectOk(await saveAwardMinutes(db, s.chair.actor, s.year, roundId, { ...(await version()), minutes: 'First draft.' }));
		expectOk(await approveAwardMinutes(db, s.chair.actor, s.year, roundId, await version()));
		expect(await approveAwardMinutes(db, s.chair.actor, s.year, roundId, await version())).toMatchObject({
			code: 'award.round.minutes_already_approved'
		});
		// Saving the same text keeps the approval; a change withdraws it.
		expectOk(await saveAwardMinutes(db, s.chair.actor, s.year, roundId, { ...(await version()), minutes: 'First draft.' }));
		expect((await roundOf(db, s, roundId)).minutesApprovedAt).not.toBeNull();
		expectOk(await saveAwardMinutes(db, s.chair.actor, s.year, roundId, { ...(await version()), minutes: 'Second draft.' }));
		expect((await roundOf(db, s, roundId)).minutesApprovedAt).toBeNull();
		expectOk(await approveAwardMinutes(db, s.chair.actor, s.year, roundId, await version()));
		expectOk(
			await recordAwardDecision(db, s.chair.actor, s.year, roundId, {
				...(await version()),
				candidacyId: s.b,
				outcome: 'shortlisted',
				basis: 'consensus'
			})
		);
		expect((await roundOf(db, s, roundId)).minutesApprovedAt).toBeNull();
		expect((await auditEntries(db, { action: 'award.decision_record' }))[1].summary).toMatchObject({ minutesApprovalWithdrawn: true });
	});

	it('freezes a closed round against every write until it is reopened with a reason, audited', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const roundId = await closedRound(db, s, 'shortlist', [
			{ candidacyId: s.a, outcome: 'shortlisted' },
			{ candidacyId: s.b, outcome: 'shortlisted' }
		]);
		const closed = await roundOf(db, s, roundId);
		const v = { version: closed.version };
		const writes = {
			record: () =>
				recordAwardDecision(db, s.chair.actor, s.year, roundId, { ...v, candidacyId: s.c, outcome: 'shortlisted', basis: 'consensus' }),
			remove: () => removeAwardDecision(db, s.chair.actor, s.year, roundId, { ...v, decisionId: closed.decisions[0].id }),
			minutes: () => saveAwardMinutes(db, s.chair.actor, s.year, roundId, { ...v, minutes: 'Rewritten.' }),
			approve: () => approveAwardMinutes(db, s.chair.actor, s.year, roundId, v),
			close: () => closeAwardRound(db, s.chair.actor, s.year, roundId, v),
			cancel: () => cancelAwardRound(db, s.chair.actor, s.year, roundId, v)
		};
		for (const [name, write] of Object.entries(writes))
			expect([name, await write()]).toMatchObject([name, { status: 409, code: 'award.round.closed' }]);
		// The secretariat cannot get round it either.
		expect(
			await recordAwardDecision(db, s.staff, s.year, roundId, { ...v, candidacyId: s.c, outcome: 'shortlisted', basis: 'consensus' })
		).toMatchObject({
			code: 'award.round.closed'
		});
		expect(await roundOf(db, s, roundId)).toEqual(closed);

		// Reopening: a juror who does not chair may not; a reason is required.
		expect(await reopenAwardRound(db, s.juror.actor, s.year, roundId, { ...v, reason: 'Please.' })).toMatchObject({ status: 403 });
		expect(await reopenAwardRound(db, s.chair.actor, s.year, roundId, { ...v, reason: '  ' })).toMatchObject({
			status: 400,
			fieldErrors: { reason: ['award.round.reason_required'] }
		});
		expect(await roundOf(db, s, roundId)).toEqual(closed);
		expectOk(await reopenAwardRound(db, s.staff, s.year, roundId, { ...v, reason: 'Porto’s candidacy was scored twice.' }));
		const [entry] = await auditEntries(db, { action: 'award.round_reopen' });
		expect(entry).toMatchObject({
			entity_type: 'award_round',
			entity_id: String(roundId),
			actor_label: expect.stringContaining('Sara Secretariat')
		});
		expect(entry.summary).toMatchObject({ reason: 'Porto’s candidacy was scored twice.', round: 1 });
		const reopened = await roundOf(db, s, roundId);
		expect(reopened).toMatchObject({ status: 'open', closedAt: null, minutesApprovedAt: null });
		expect(await reopenAwardRound(db, s.chair.actor, s.year, roundId, { version: reopened.version, reason: 'Again.' })).toMatchObject({
			code: 'award.round.not_closed'
		});
		// Writable again.
		expectOk(
			await recordAwardDecision(db, s.chair.actor, s.year, roundId, {
				version: reopened.version,
				candidacyId: s.c,
				outcome: 'shortlisted',
				basis: 'consensus'
			})
		);
		const after = await roundOf(db, s, roundId);
		expectOk(await removeAwardDecision(db, s.chair.actor, s.year, roundId, { version: after.version, decisionId: after.decisions[0].id }));
		expect((await roundOf(db, s, roundId)).decisions.map((d) => d.candidacyId)).toEqual([s.b, s.c]);
		expect((await auditEntries(db, { action: 'award.decision_remove' }))[0].summary).toMatchObject({ candidacyId: s.a });
	});

	it('lets a later round pick only what the previous closed round retained, and reopen only the latest round', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const first = await closedRound(db, s, 'shortlist', [
			{ candidacyId: s.a, outcome: 'shortlisted' },
			{ candidacyId: s.b, outcome: 'shortlisted' },
			{ candidacyId: s.c, outcome: 'shortlisted' }
		]);
		const { roundId } = expectOk(await openAwardRound(db, s.chair.actor, s.year, { kind: 'finalists' }));
		const version = async () => (await roundOf(db, s, roundId)).version;
		expect(
			await recordAwardDecision(db, s.chair.actor, s.year, roundId, {
				version: await version(),
				candidacyId: s.d,
				outcome: 'finalist',
				basis: 'consensus'
			})
		).toMatchObject({
			fieldErrors: { candidacyId: ['award.decision.not_retained'] }
		});
		const view = expectOk(await getAwardDeliberation(db, s.chair.actor, s.year));
		expect(view.choices).toEqual([s.a, s.b, s.c]);
		expectOk(
			await recordAwardDecision(db, s.chair.actor, s.year, roundId, {
				version: await version(),
				candidacyId: s.a,
				outcome: 'finalist',
				basis: 'consensus'
			})
		);
		const firstRound = await roundOf(db, s, first);
		expect(await reopenAwardRound(db, s.chair.actor, s.year, first, { version: firstRound.version, reason: 'A mistake.' })).toMatchObject({
			code: 'award.round.later_round_exists'
		});
	});

	it('cancels an empty open round, audited, and keeps one with decisions', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const { roundId } = expectOk(await openAwardRound(db, s.chair.actor, s.year, { kind: 'winners' }));
		expect(await cancelAwardRound(db, s.juror.actor, s.year, roundId, { version: 1 })).toMatchObject({ status: 403 });
		expectOk(await cancelAwardRound(db, s.chair.actor, s.year, roundId, { version: 1 }));
		expect(await listRounds(db, s.edition.id)).toEqual([]);
		expect(await auditEntries(db, { action: 'award.round_cancel' })).toHaveLength(1);
		const next = expectOk(await openAwardRound(db, s.chair.actor, s.year, { kind: 'shortlist' }));
		expect(next.number).toBe(1);
		expectOk(
			await recordAwardDecision(db, s.chair.actor, s.year, next.roundId, {
				version: 1,
				candidacyId: s.a,
				outcome: 'shortlisted',
				basis: 'consensus'
			})
		);
		expect(await cancelAwardRound(db, s.chair.actor, s.year, next.roundId, { version: 2 })).toMatchObject({
			code: 'award.round.not_empty'
		});
	});

	it('changes nothing and reopens nothing once the results are published', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		const roundId = await closedRound(db, s, 'winners', [{ candidacyId: s.a, outcome: 'winner' }]);
		await db.updateTable('award_edition').set({ results_published_at: nowIso() }).where('id', '=', s.edition.id).execute();
		const round = await roundOf(db, s, roundId);
		const v = { version: round.version };
		for (const actor of [s.chair.actor, s.staff]) {
			expect(await reopenAwardRound(db, actor, s.year, roundId, { ...v, reason: 'Too late.' })).toMatchObject({
				code: 'award.round.published'
			});
			expect(await openAwardRound(db, actor, s.year, { kind: 'winners' })).toMatchObject({ code: 'award.round.published' });
		}
		expect(await saveAwardMinutes(db, s.staff, s.year, roundId, { ...v, minutes: 'x' })).toMatchObject({ code: 'award.round.published' });
		const view = expectOk(await getAwardDeliberation(db, s.chair.actor, s.year));
		expect(view.viewer).toMatchObject({ mayManage: false, mayClose: false, mayReopen: false });
		expect(view.rounds[0].reopenable).toBe(false);
		expect(await roundOf(db, s, roundId)).toEqual(round);
	});

	it('describes the deliberation to the chair with the choices in ranking order', async () => {
		const db = getDb();
		const s = await judgingEdition(db);
		expectOk(await openAwardRound(db, s.chair.actor, s.year, { kind: 'shortlist' }));
		const chair = expectOk(await getAwardDeliberation(db, s.chair.actor, s.year));
		expect(chair.viewer).toMatchObject({ isChair: true, mayManage: true, mayClose: true, mayReopen: true, mayPublish: false });
		expect(chair.choices).toEqual([s.a, s.b, s.c, s.d]);
		expect(chair.candidacies[s.a]).toMatchObject({ rankLabel: '1', city: { name: 'Rosario' } });
		expect(chair.publication).toBeNull();
		const juror = expectOk(await getAwardDeliberation(db, s.juror.actor, s.year));
		expect(juror.viewer).toMatchObject({ mayManage: false, mayClose: false, mayReopen: false });
		const staff = expectOk(await getAwardDeliberation(db, s.staff, s.year));
		expect(staff.viewer).toMatchObject({ mayManage: true, mayClose: false, mayReopen: true, mayPublish: true });
		expect(staff.publication).toEqual({ blocker: 'award.publication.round_open', candidacies: 5 });
	});
});
