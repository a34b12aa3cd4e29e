// The jury's results and deliberation: the ranking computed from submitted scores (results.ts), and the
// rounds in which the jury records its decisions (shortlist → finalists → winners), with the minutes the
// chair approves. A closed round is frozen: every write is refused until the chair or the secretariat
// reopens it with a reason (audited). Once the results are published nothing here changes any more.
import type { z } from 'zod';
import type { Db, DbOrTrx } from '../db/index.ts';
import { actorLabel, isStaff, type Actor } from '../core/access.ts';
import { recordAudit } from '../core/audit.ts';
import { nowIso } from '../core/clock.ts';
import { conflict, fail, forbidden, notFound, ok, validate, type FieldErrors, type Result } from '../core/result.ts';
import type { Locale } from '../../shared/i18n.ts';
import type { EditionPhase, RoundKind, RoundStatus } from '../../shared/award/constants.ts';
import { editionPhase } from '../../shared/award/timeline.ts';
import type { Candidacy, Criterion, Decision, Edition, EditionTexts, Juror, Review, Round } from '../../shared/award/types.ts';
import {
	awardOutcomesByKind,
	type AwardCandidacyLabel,
	decisionSchema,
	minutesSchema,
	openRoundSchema,
	removeDecisionSchema,
	reopenRoundSchema,
	roundVersionSchema
} from '../../shared/award/deliberation-schemas.ts';
import { canOnAward, type AwardAction } from './award.policy.ts';
import {
	blockedPairs,
	findEditionByYear,
	findJurorOfUser,
	listCandidacies,
	listConflicts,
	listJurors,
	listReviews,
	listRounds
} from './award.repository.ts';
import { computeAwardResults, type AwardResultRow } from './results.ts';
import * as repo from './deliberation.repository.ts';

// ---------------------------------------------------------------------------------------------------
// Who is looking

export interface AwardViewer {
	staff: boolean;
	/** The actor's seat on this edition's jury, if any. */
	jurorId: number | null;
	isChair: boolean;
}

interface AwardContext {
	edition: Edition;
	seat: Juror | null;
	viewer: AwardViewer;
}

/** The edition, if the actor may see its results and deliberation (staff and its jurors); otherwise not found. */
export async function loadAwardJuryContext(db: DbOrTrx, actor: Actor | null, year: number): Promise<Result<AwardContext>> {
	if (!actor) return notFound();
	const edition = await findEditionByYear(db, year);
	if (!edition || edition.status === 'history') return notFound();
	const seat = (await findJurorOfUser(db, edition.id, actor.userId)) ?? null;
	if (!canOnAward(actor, 'results.view', { seat })) return notFound();
	if (edition.status === 'draft' && !isStaff(actor) && !seat) return notFound();
	return ok({ edition, seat, viewer: { staff: isStaff(actor), jurorId: seat?.id ?? null, isChair: !!seat?.isChair } });
}

export type { AwardCandidacyLabel };

/** How a candidacy is named to this viewer: jurors of a blind edition see only its number. */
export function awardCandidacyLabel(candidacy: Candidacy, hidden: boolean): AwardCandidacyLabel {
	const titles: Partial<Record<Locale, string>> = {};
	if (!hidden)
		for (const [locale, texts] of Object.entries(candidacy.texts) as [Locale, { title?: string } | undefined][])
			if (texts?.title) titles[locale] = texts.title;
	return {
		id: candidacy.id,
		hidden,
		originalLanguage: candidacy.originalLanguage,
		titles,
		city: hidden ? null : { name: candidacy.city.name, countryCode: candidacy.city.countryCode },
		status: candidacy.status
	};
}

const hiddenFor = (edition: Edition, viewer: AwardViewer) => edition.blindReview && !viewer.staff;

// ---------------------------------------------------------------------------------------------------
// Results

interface GatheredResults {
	candidacies: Candidacy[];
	jurors: Juror[];
	/** The reviews that count: of admitted candidacies, away from blocked pairs. */
	reviews: Review[];
	computed: ReturnType<typeof computeAwardResults>;
}

/** Submitted scores of admitted candidacies, minus every pair a conflict keeps apart, through computeAwardResults. */
async function gatherResults(db: DbOrTrx, edition: Edition): Promise<GatheredResults> {
	const [candidacies, jurors, allReviews, conflicts] = await Promise.all([
		listCandidacies(db, edition.id, { statuses: ['admitted'] }),
		listJurors(db, edition.id),
		listReviews(db, edition.id),
		listConflicts(db, edition.id)
	]);
	const blocked = blockedPairs(conflicts);
	const admitted = new Set(candidacies.map((c) => c.id));
	const seated = new Set(jurors.map((j) => j.id));
	const reviews = allReviews.filter(
		(r) => admitted.has(r.candidacyId) && seated.has(r.jurorId) && !blocked.has(`${r.jurorId}:${r.candidacyId}`)
	);
	const computed = computeAwardResults({
		criteria: edition.criteria,
		scaleMin: edition.scaleMin,
		scaleMax: edition.scaleMax,
		candidacyIds: candidacies.map((c) => c.id),
		reviews: reviews
			.filter((r) => r.status === 'submitted')
			.map((r) => {
				const scores: Record<string, number> = {};
				for (const [code, value] of Object.entries(r.scores)) if (typeof value?.score === 'number') scores[code] = value.score;
				return { jurorId: r.jurorId, candidacyId: r.candidacyId, scores };
			})
	});
	return { candidacies, jurors, reviews, computed };
}

export interface AwardProgress {
	submitted: number;
	assigned: number;
}

export interface AwardResultsRow extends AwardResultRow {
	candidacy: AwardCandidacyLabel;
	progress: AwardProgress;
}

export interface AwardResultsView {
	edition: {
		id: number;
		year: number;
		texts: Partial<Record<Locale, EditionTexts>>;
		criteria: Criterion[];
		scaleMin: number;
		scaleMax: number;
		blindReview: boolean;
		phase: EditionPhase;
		resultsPublishedAt: string | null;
	};
	viewer: AwardViewer;
	/** Set when a juror must finish their own reviews first: the message key and their own progress. */
	locked: { code: string; progress: AwardProgress } | null;
	rows: AwardResultsRow[];
	mid: number | null;
	pooledStandardDeviation: number | null;
	progress: {
		total: AwardProgress;
		jurors: { jurorId: number; name: string; isChair: boolean; progress: AwardProgress }[];
	};
}

const progressOf = (reviews: readonly Review[]): AwardProgress => ({
	submitted: reviews.filter((r) => r.status === 'submitted').length,
	assigned: reviews.length
});

function editionSummary(edition: Edition, now: Date): AwardResultsView['edition'] {
	return {
		id: edition.id,
		year: edition.year,
		texts: edition.texts,
		criteria: edition.criteria,
		scaleMin: edition.scaleMin,
		scaleMax: edition.scaleMax,
		blindReview: edition.blindReview,
		phase: editionPhase(edition, now),
		resultsPublishedAt: edition.resultsPublishedAt
	};
}

/**
 * The ranking for the secretariat and the edition's jurors. A juror sees it only once they have submitted
 * every review assigned to them (so that nobody scores with the ranking in mind); the secretariat always.
 */
export async function getAwardResults(db: Db, actor: Actor | null, year: number): Promise<Result<AwardResultsView>> {
	const context = await loadAwardJuryContext(db, actor, year);
	if (!context.ok) return context;
	const { edition, viewer } = context.value;
	const gathered = await gatherResults(db, edition);
	const byJuror = new Map<number, Review[]>();
	const byCandidacy = new Map<number, Review[]>();
	for (const review of gathered.reviews) {
		(byJuror.get(review.jurorId) ?? byJuror.set(review.jurorId, []).get(review.jurorId)!).push(review);
		(byCandidacy.get(review.candidacyId) ?? byCandidacy.set(review.candidacyId, []).get(review.candidacyId)!).push(review);
	}
	const base = {
		edition: editionSummary(edition, new Date()),
		viewer,
		mid: null,
		pooledStandardDeviation: null
	};
	if (!viewer.staff && viewer.jurorId !== null) {
		const own = progressOf(byJuror.get(viewer.jurorId) ?? []);
		if (own.submitted < own.assigned)
			return ok({
				...base,
				locked: { code: 'award.results.finish_your_reviews_first', progress: own },
				rows: [],
				progress: { total: own, jurors: [] }
			});
	}
	const hidden = hiddenFor(edition, viewer);
	const candidacies = new Map(gathered.candidacies.map((c) => [c.id, c]));
	return ok({
		...base,
		locked: null,
		rows: gathered.computed.rows.map((row) => ({
			...row,
			candidacy: awardCandidacyLabel(candidacies.get(row.candidacyId)!, hidden),
			progress: progressOf(byCandidacy.get(row.candidacyId) ?? [])
		})),
		mid: gathered.computed.mid,
		pooledStandardDeviation: gathered.computed.pooledStandardDeviation,
		progress: {
			total: progressOf(gathered.reviews),
			jurors: gathered.jurors.map((j) => ({
				jurorId: j.id,
				name: j.name,
				isChair: j.isChair,
				progress: progressOf(byJuror.get(j.id) ?? [])
			}))
		}
	});
}

// ---------------------------------------------------------------------------------------------------
// Deliberation: reading

export { awardOutcomesByKind };

/** The latest closed round before this one: a later round picks only among the candidacies it retained. */
function previousClosedRound(rounds: readonly Round[], round: Pick<Round, 'number'>): Round | undefined {
	return rounds.filter((r) => r.number < round.number && r.status === 'closed').at(-1);
}

function retainedBy(round: Round | undefined): Set<number> | null {
	if (!round) return null;
	return new Set(round.decisions.flatMap((d) => (d.candidacyId === null ? [] : [d.candidacyId])));
}

/** Why the results cannot be published yet (an i18n key), or null when they can. */
export function awardPublicationBlocker(edition: Edition, rounds: readonly Round[], now: Date): string | null {
	if (edition.resultsPublishedAt) return 'award.publication.already_published';
	if (editionPhase(edition, now) !== 'judging') return 'award.publication.not_judging';
	if (rounds.some((r) => r.status === 'open')) return 'award.publication.round_open';
	const last = rounds.at(-1);
	if (!last || last.kind !== 'winners' || !last.decisions.some((d) => d.outcome === 'winner' || d.outcome === 'void'))
		return 'award.publication.no_winners_round';
	return null;
}

export interface AwardDeliberationView {
	edition: {
		id: number;
		year: number;
		version: number;
		prizes: number;
		specialMentions: number;
		mayDeclareVoid: boolean;
		blindReview: boolean;
		phase: EditionPhase;
		resultsPublishedAt: string | null;
	};
	viewer: AwardViewer & { mayManage: boolean; mayClose: boolean; mayReopen: boolean; mayPublish: boolean };
	rounds: (Round & { reopenable: boolean })[];
	/** Labels of every candidacy named in a decision or offered in the open round. */
	candidacies: Record<number, AwardCandidacyLabel & { rankLabel: string }>;
	/** For the open round: the candidacies it may still pick, in the ranking's order when the viewer may see it. */
	choices: number[];
	/** May a new round be opened now, and which kinds. */
	mayOpenRound: boolean;
	/** For the secretariat: why publication is not possible yet (null = it is), and how many candidacies will be told. */
	publication: { blocker: string | null; candidacies: number } | null;
}

/** Rounds with their decisions, and what the viewer may do; the candidacies offered follow the ranking. */
export async function getAwardDeliberation(db: Db, actor: Actor | null, year: number): Promise<Result<AwardDeliberationView>> {
	const context = await loadAwardJuryContext(db, actor, year);
	if (!context.ok) return context;
	const { edition, seat, viewer } = context.value;
	const now = new Date();
	const rounds = await listRounds(db, edition.id);
	const gathered = await gatherResults(db, edition);
	// The ranking orders the choices only for someone who may read it (a juror who has finished scoring).
	const ownReviews = viewer.jurorId === null ? [] : gathered.reviews.filter((r) => r.jurorId === viewer.jurorId);
	const seesRanking = viewer.staff || ownReviews.every((r) => r.status === 'submitted');
	const rankOf = new Map(gathered.computed.rows.map((r, index) => [r.candidacyId, { index, label: r.rankLabel }]));
	const hidden = hiddenFor(edition, viewer);
	const published = !!edition.resultsPublishedAt;

	const named = new Set(rounds.flatMap((r) => r.decisions.flatMap((d) => (d.candidacyId === null ? [] : [d.candidacyId]))));
	const extra = [...named].filter((id) => !gathered.candidacies.some((c) => c.id === id));
	const all = [...gathered.candidacies, ...(extra.length ? await listCandidacies(db, edition.id, { ids: extra }) : [])];
	const candidacies: AwardDeliberationView['candidacies'] = {};
	for (const c of all)
		candidacies[c.id] = { ...awardCandidacyLabel(c, hidden), rankLabel: seesRanking ? (rankOf.get(c.id)?.label ?? '') : '' };

	const open = rounds.find((r) => r.status === 'open');
	let choices: number[] = [];
	if (open) {
		const retained = retainedBy(previousClosedRound(rounds, open));
		const decided = new Set(open.decisions.map((d) => d.candidacyId));
		choices = gathered.candidacies.filter((c) => !decided.has(c.id) && (!retained || retained.has(c.id))).map((c) => c.id);
		if (seesRanking) choices.sort((a, b) => (rankOf.get(a)?.index ?? 1e9) - (rankOf.get(b)?.index ?? 1e9));
	}

	const mayManage = canOnAward(actor, 'round.manage', { seat }) && !published;
	const mayPublish = canOnAward(actor, 'results.publish', { seat });
	const last = rounds.at(-1);
	return ok({
		edition: {
			id: edition.id,
			year: edition.year,
			version: edition.version,
			prizes: edition.prizes,
			specialMentions: edition.specialMentions,
			mayDeclareVoid: edition.mayDeclareVoid,
			blindReview: edition.blindReview,
			phase: editionPhase(edition, now),
			resultsPublishedAt: edition.resultsPublishedAt
		},
		viewer: {
			...viewer,
			mayManage,
			mayClose: canOnAward(actor, 'round.close', { seat }) && !published,
			mayReopen: canOnAward(actor, 'round.reopen', { seat }) && !published,
			mayPublish
		},
		rounds: rounds.map((r) => ({ ...r, reopenable: r.status === 'closed' && r.id === last?.id && !published })),
		candidacies,
		choices,
		mayOpenRound: mayManage && !open && editionPhase(edition, now) === 'judging',
		publication: mayPublish
			? {
					blocker: awardPublicationBlocker(edition, rounds, now),
					candidacies: (await listCandidacies(db, edition.id, { statuses: ['submitted', 'admitted', 'rejected'] })).length
				}
			: null
	});
}

// ---------------------------------------------------------------------------------------------------
// Deliberation: writing

interface RoundContext extends AwardContext {
	rounds: Round[];
	round: Round;
}

interface RoundWrite<S extends z.ZodType> {
	/** What the actor must be allowed to do. */
	may: AwardAction;
	/** The state the round must be in: open (the default) for every change but reopening. */
	whileStatus?: RoundStatus;
	/** The form; its version is compared by the caller, after any check that comes first. */
	schema: S;
}

/**
 * Loads the edition and one of its rounds for a write the actor must be allowed, refusing after publication
 * and when the round is not in the state the write needs; then validates the input.
 */
async function loadRoundForWrite<S extends z.ZodType>(
	db: Db,
	actor: Actor | null,
	year: number,
	roundId: number,
	input: unknown,
	write: RoundWrite<S>
): Promise<Result<RoundContext & { input: z.infer<S> }>> {
	const context = await loadAwardJuryContext(db, actor, year);
	if (!context.ok) return context;
	const { edition, seat } = context.value;
	const rounds = await listRounds(db, edition.id);
	const round = rounds.find((r) => r.id === roundId);
	if (!round) return notFound();
	if (!canOnAward(actor, write.may, { seat })) return forbidden();
	if (edition.resultsPublishedAt) return conflict('award.round.published');
	if (round.status !== (write.whileStatus ?? 'open'))
		return conflict(round.status === 'closed' ? 'award.round.closed' : 'award.round.not_closed');
	const parsed = validate(write.schema, input);
	if (!parsed.ok) return parsed;
	return ok({ ...context.value, rounds, round, input: parsed.value });
}

interface RoundChange<T> {
	/** The audit action; its summary starts with the year and the round's number. */
	action: string;
	changes: (now: string) => repo.RoundChanges;
	/** What else is written once the round has moved on, and the answer. */
	answer: (trx: DbOrTrx, now: string) => Promise<T>;
	summary: (answer: T) => Record<string, unknown>;
}

/**
 * In one transaction: moves the round on from the version read (refused if another change came first or
 * it was closed meanwhile), writes what else the change writes, and audits it.
 */
function changeRound<T>(db: Db, actor: Actor | null, year: number, round: Round, change: RoundChange<T>): Promise<Result<T>> {
	return db.transaction().execute(async (trx) => {
		const now = nowIso();
		if (!(await repo.updateRound(trx, round.id, round.version, round.status, change.changes(now), now)))
			return round.status === 'open' ? staleOrClosed(trx, round.id) : conflict('common.errors.stale');
		const answer = await change.answer(trx, now);
		await recordAudit(trx, actor, {
			action: change.action,
			entityType: 'award_round',
			entityId: round.id,
			summary: { year, round: round.number, ...change.summary(answer) }
		});
		return ok(answer);
	});
}

const nextVersion = (round: Round) => async () => ({ version: round.version + 1 });

/** After an update refused by its WHERE clause: was the round closed meanwhile, or only changed? */
async function staleOrClosed(db: DbOrTrx, roundId: number): Promise<Result<never>> {
	const row = await db.selectFrom('award_round').select('status').where('id', '=', roundId).executeTakeFirst();
	return row?.status === 'closed' ? conflict('award.round.closed') : conflict('common.errors.stale');
}

const invalid = (fieldErrors: FieldErrors) => fail(400, 'common.errors.validation', fieldErrors);

export async function openAwardRound(
	db: Db,
	actor: Actor | null,
	year: number,
	input: unknown
): Promise<Result<{ roundId: number; number: number }>> {
	const context = await loadAwardJuryContext(db, actor, year);
	if (!context.ok) return context;
	const { edition, seat } = context.value;
	if (!canOnAward(actor, 'round.manage', { seat })) return forbidden();
	if (edition.resultsPublishedAt) return conflict('award.round.published');
	const parsed = validate(openRoundSchema, input);
	if (!parsed.ok) return parsed;
	if (editionPhase(edition) !== 'judging') return conflict('award.round.not_judging');
	// Two people opening a round at the same moment: the unique (edition, number) key refuses the second.
	const before = await repo.nextRoundNumber(db, edition.id);
	try {
		return await openRoundInTransaction(db, actor, year, edition.id, parsed.value.kind);
	} catch (error) {
		if ((await repo.nextRoundNumber(db, edition.id)) > before) return conflict('award.round.another_open');
		throw error;
	}
}

async function openRoundInTransaction(
	db: Db,
	actor: Actor | null,
	year: number,
	editionId: number,
	kind: RoundKind
): Promise<Result<{ roundId: number; number: number }>> {
	return db.transaction().execute(async (trx) => {
		const rounds = await listRounds(trx, editionId);
		if (rounds.some((r) => r.status === 'open')) return conflict('award.round.another_open');
		const number = await repo.nextRoundNumber(trx, editionId);
		const roundId = await repo.insertRound(trx, { editionId, number, kind, now: nowIso() });
		await recordAudit(trx, actor, {
			action: 'award.round_open',
			entityType: 'award_round',
			entityId: roundId,
			summary: { year, number, kind }
		});
		return ok({ roundId, number });
	});
}

/** Deletes an open round that has no decision yet (opened by mistake, or of the wrong kind). */
export async function cancelAwardRound(
	db: Db,
	actor: Actor | null,
	year: number,
	roundId: number,
	input: unknown
): Promise<Result<{ roundId: number }>> {
	const loaded = await loadRoundForWrite(db, actor, year, roundId, input, { may: 'round.manage', schema: roundVersionSchema });
	if (!loaded.ok) return loaded;
	const { round, input: value } = loaded.value;
	if (value.version !== round.version) return conflict('common.errors.stale');
	if (round.decisions.length) return conflict('award.round.not_empty');
	return db.transaction().execute(async (trx) => {
		if (!(await repo.deleteEmptyOpenRound(trx, roundId, round.version))) return staleOrClosed(trx, roundId);
		await recordAudit(trx, actor, {
			action: 'award.round_cancel',
			entityType: 'award_round',
			entityId: roundId,
			summary: { year, number: round.number, kind: round.kind }
		});
		return ok({ roundId });
	});
}

/** What a round's decisions may not break: the kind's outcomes, the edition's prizes and mentions, void alone, the previous round. */
function decisionProblems(
	edition: Edition,
	rounds: readonly Round[],
	round: Round,
	decisions: readonly Pick<Decision, 'candidacyId' | 'outcome'>[]
): { field: 'outcome' | 'candidacyId'; code: string } | null {
	for (const d of decisions)
		if (!awardOutcomesByKind[round.kind].includes(d.outcome)) return { field: 'outcome', code: 'award.decision.outcome_not_for_kind' };
	if (decisions.some((d) => d.outcome === 'void') && !edition.mayDeclareVoid)
		return { field: 'outcome', code: 'award.decision.void_not_allowed' };
	if (decisions.some((d) => d.outcome === 'void') && decisions.some((d) => d.outcome === 'winner'))
		return { field: 'outcome', code: 'award.decision.void_with_winners' };
	if (decisions.filter((d) => d.outcome === 'winner').length > edition.prizes)
		return { field: 'outcome', code: 'award.decision.too_many_winners' };
	if (decisions.filter((d) => d.outcome === 'special_mention').length > edition.specialMentions)
		return { field: 'outcome', code: 'award.decision.too_many_mentions' };
	const seen = new Set<number>();
	for (const d of decisions) {
		const key = d.candidacyId ?? 0;
		if (seen.has(key)) return { field: 'candidacyId', code: 'award.decision.already_decided' };
		seen.add(key);
	}
	const retained = retainedBy(previousClosedRound(rounds, round));
	if (retained && decisions.some((d) => d.candidacyId !== null && !retained.has(d.candidacyId)))
		return { field: 'candidacyId', code: 'award.decision.not_retained' };
	return null;
}

/**
 * Records one decision in an open round. Any change to the decisions withdraws the approval of the minutes,
 * which must describe the decisions as they stand when the chair closes the round.
 */
export async function recordAwardDecision(
	db: Db,
	actor: Actor | null,
	year: number,
	roundId: number,
	input: unknown
): Promise<Result<{ decisionId: number }>> {
	const loaded = await loadRoundForWrite(db, actor, year, roundId, input, { may: 'round.manage', schema: decisionSchema });
	if (!loaded.ok) return loaded;
	const { edition, rounds, round, input: value } = loaded.value;
	const candidacyId = value.outcome === 'void' ? null : value.candidacyId!;
	if (candidacyId !== null) {
		const [candidacy] = await listCandidacies(db, edition.id, { ids: [candidacyId], statuses: ['admitted'] });
		if (!candidacy) return invalid({ candidacyId: ['award.decision.candidacy_not_admitted'] });
	}
	const problem = decisionProblems(edition, rounds, round, [...round.decisions, { candidacyId, outcome: value.outcome }]);
	if (problem) return invalid({ [problem.field]: [problem.code] });
	if (value.version !== round.version) return conflict('common.errors.stale');
	const vote = value.basis === 'vote';
	return changeRound(db, actor, year, round, {
		action: 'award.decision_record',
		changes: () => ({ minutesApprovedAt: null }),
		answer: async (trx, now) => ({
			decisionId: await repo.insertDecision(trx, {
				roundId,
				candidacyId,
				outcome: value.outcome,
				basis: value.basis,
				votesFor: vote ? value.votesFor! : null,
				votesAgainst: vote ? value.votesAgainst! : null,
				abstentions: vote ? value.abstentions! : null,
				note: value.note ?? null,
				now
			})
		}),
		summary: ({ decisionId }) => ({
			decisionId,
			candidacyId,
			outcome: value.outcome,
			basis: value.basis,
			...(vote ? { votesFor: value.votesFor, votesAgainst: value.votesAgainst, abstentions: value.abstentions } : {}),
			...(round.minutesApprovedAt ? { minutesApprovalWithdrawn: true } : {})
		})
	});
}

export async function removeAwardDecision(
	db: Db,
	actor: Actor | null,
	year: number,
	roundId: number,
	input: unknown
): Promise<Result<{ decisionId: number }>> {
	const loaded = await loadRoundForWrite(db, actor, year, roundId, input, { may: 'round.manage', schema: removeDecisionSchema });
	if (!loaded.ok) return loaded;
	const { round, input: value } = loaded.value;
	const decision = round.decisions.find((d) => d.id === value.decisionId);
	if (!decision) return notFound();
	if (value.version !== round.version) return conflict('common.errors.stale');
	return changeRound(db, actor, year, round, {
		action: 'award.decision_remove',
		changes: () => ({ minutesApprovedAt: null }),
		answer: async (trx) => {
			await repo.deleteDecision(trx, roundId, decision.id);
			return { decisionId: decision.id };
		},
		summary: () => ({
			decisionId: decision.id,
			candidacyId: decision.candidacyId,
			outcome: decision.outcome,
			...(round.minutesApprovedAt ? { minutesApprovalWithdrawn: true } : {})
		})
	});
}

/** Saves the minutes of an open round; changed minutes need the chair's approval again. */
export async function saveAwardMinutes(
	db: Db,
	actor: Actor | null,
	year: number,
	roundId: number,
	input: unknown
): Promise<Result<{ version: number }>> {
	const loaded = await loadRoundForWrite(db, actor, year, roundId, input, { may: 'round.manage', schema: minutesSchema });
	if (!loaded.ok) return loaded;
	const { round, input: value } = loaded.value;
	if (value.version !== round.version) return conflict('common.errors.stale');
	const minutes = value.minutes;
	const changed = minutes !== round.minutes;
	return changeRound(db, actor, year, round, {
		action: 'award.minutes_save',
		changes: () => (changed ? { minutes, minutesApprovedAt: null } : { minutes }),
		answer: nextVersion(round),
		summary: () => ({
			length: minutes.length,
			changed,
			...(changed && round.minutesApprovedAt ? { minutesApprovalWithdrawn: true } : {})
		})
	});
}

/** The chair approves the minutes as they stand. */
export async function approveAwardMinutes(
	db: Db,
	actor: Actor | null,
	year: number,
	roundId: number,
	input: unknown
): Promise<Result<{ version: number }>> {
	const loaded = await loadRoundForWrite(db, actor, year, roundId, input, { may: 'round.close', schema: roundVersionSchema });
	if (!loaded.ok) return loaded;
	const { round, input: value } = loaded.value;
	if (value.version !== round.version) return conflict('common.errors.stale');
	if (!round.minutes.trim()) return conflict('award.round.minutes_empty');
	if (round.minutesApprovedAt) return conflict('award.round.minutes_already_approved');
	return changeRound(db, actor, year, round, {
		action: 'award.minutes_approve',
		changes: (now) => ({ minutesApprovedAt: now }),
		answer: nextVersion(round),
		summary: () => ({ length: round.minutes.length })
	});
}

/**
 * The chair closes a round: approved minutes, at least one decision, within the edition's prizes and
 * mentions, and only candidacies the previous closed round retained. From then on the round is frozen.
 */
export async function closeAwardRound(
	db: Db,
	actor: Actor | null,
	year: number,
	roundId: number,
	input: unknown
): Promise<Result<{ version: number }>> {
	const loaded = await loadRoundForWrite(db, actor, year, roundId, input, { may: 'round.close', schema: roundVersionSchema });
	if (!loaded.ok) return loaded;
	const { edition, rounds, round, input: value } = loaded.value;
	if (value.version !== round.version) return conflict('common.errors.stale');
	if (!round.decisions.length) return conflict('award.round.no_decisions');
	if (!round.minutesApprovedAt) return conflict('award.round.minutes_not_approved');
	const problem = decisionProblems(edition, rounds, round, round.decisions);
	if (problem) return conflict(problem.code);
	const named = round.decisions.flatMap((d) => (d.candidacyId === null ? [] : [d.candidacyId]));
	const admitted = await listCandidacies(db, edition.id, { ids: named, statuses: ['admitted'] });
	if (admitted.length !== named.length) return conflict('award.decision.candidacy_not_admitted');
	return changeRound(db, actor, year, round, {
		action: 'award.round_close',
		changes: (now) => ({ status: 'closed', closedAt: now, closedByLabel: actorLabel(actor) }),
		answer: nextVersion(round),
		summary: () => ({
			kind: round.kind,
			decisions: round.decisions.map((d) => ({ candidacyId: d.candidacyId, outcome: d.outcome, basis: d.basis }))
		})
	});
}

/**
 * Reopens the latest round, with a reason that the audit log keeps. Its minutes must be approved again
 * before it closes. Earlier rounds stay frozen: a later round was built on them.
 */
export async function reopenAwardRound(
	db: Db,
	actor: Actor | null,
	year: number,
	roundId: number,
	input: unknown
): Promise<Result<{ version: number }>> {
	const loaded = await loadRoundForWrite(db, actor, year, roundId, input, {
		may: 'round.reopen',
		whileStatus: 'closed',
		schema: reopenRoundSchema
	});
	if (!loaded.ok) return loaded;
	const { rounds, round, input: value } = loaded.value;
	if (value.version !== round.version) return conflict('common.errors.stale');
	if (rounds.some((r) => r.number > round.number)) return conflict('award.round.later_round_exists');
	return changeRound(db, actor, year, round, {
		action: 'award.round_reopen',
		changes: () => ({ status: 'open', closedAt: null, closedByLabel: null, minutesApprovedAt: null }),
		answer: nextVersion(round),
		summary: () => ({ kind: round.kind, reason: value.reason, closedAt: round.closedAt, closedBy: round.closedByLabel })
	});
}
