// The jury: constitution, conflicts of interest, assignment, scoring and reading candidacies as a juror.
// The jury table (award_juror) is the authority on who judges; the `juror` role grant only shapes menus.
import type { Db, DbOrTrx } from '../db/index.ts';
import { isStaff, type Actor } from '../core/access.ts';
import { recordAudit } from '../core/audit.ts';
import { translatorFor } from '../core/i18n.ts';
import { conflict, fail, forbidden, notFound, ok, validate, type FieldErrors, type Result } from '../core/result.ts';
import { findUserByEmail, setJurorGrant } from '../accounts/index.ts';
import { findCityById, listAllCities } from '../members/index.ts';
import { isLocale, type Locale } from '../../shared/i18n.ts';
import type { CandidacyStatus, ConflictStatus, EditionPhase, ReviewStatus } from '../../shared/award/constants.ts';
import { editionPhase } from '../../shared/award/timeline.ts';
import type {
	Candidacy,
	Conflict,
	Criterion,
	CriterionScore,
	Edition,
	EditionTexts,
	ExperienceFacts,
	FocusArea,
	CallQuestion,
	Juror,
	Review
} from '../../shared/award/types.ts';
import type { LanguageTexts } from '../../shared/experiences/schemas.ts';
import {
	addJurorSchema,
	balancedAssignmentSchema,
	declareConflictSchema,
	decideConflictSchema,
	jurorRefSchema,
	reviewInputSchema,
	setAssignmentSchema
} from '../../shared/award/jury-schemas.ts';
import type { AwardDeps } from './deps.ts';
import { canOnAward } from './award.policy.ts';
import {
	blockedPairs,
	findCandidacy,
	findEditionById,
	findEditionByYear,
	findJurorOfUser,
	listCandidacies,
	listConflicts,
	listJurors,
	listReviews
} from './award.repository.ts';
import { pairKey, planBalancedAssignment } from './assignment.ts';
import * as repo from './jury.repository.ts';

// ---------------------------------------------------------------------------------------------------
// Helpers

const judgedStatuses: readonly CandidacyStatus[] = ['submitted', 'admitted'];

/** The title of a candidacy in its original language (or any language present). */
function titleOf(candidacy: Candidacy): string {
	return candidacy.texts[candidacy.originalLanguage]?.title || Object.values(candidacy.texts).find((texts) => texts?.title)?.title || '';
}

function titlesOf(candidacy: Candidacy): Partial<Record<Locale, string>> {
	const titles: Partial<Record<Locale, string>> = {};
	for (const [language, texts] of Object.entries(candidacy.texts)) if (texts?.title && isLocale(language)) titles[language] = texts.title;
	return titles;
}

function hasScores(review: Review): boolean {
	return review.status === 'submitted' || Object.values(review.scores).some((s) => s.score !== null || !!s.comment);
}

async function editionForYear(db: DbOrTrx, year: number): Promise<Edition | undefined> {
	if (!Number.isSafeInteger(year)) return undefined;
	return findEditionByYear(db, year);
}

/** Editions that are an actual call (not a record of the past) may have a jury. */
const hasJury = (edition: Edition) => edition.status !== 'history';

// ---------------------------------------------------------------------------------------------------
// Conflicts of interest: detection

/**
 * Detects the conflicts of every juror × submitted or admitted candidacy of an edition. Idempotent and
 * insert-only per (juror, candidacy, origin): a decision already taken (a pending flag the chair cleared)
 * is never undone. Own city → excluded; same country or a shared network → pending. A newly blocked pair
 * loses its review unless it was already submitted (the results then leave that submitted review out).
 */
export async function refreshAwardConflicts(db: DbOrTrx, editionId: number): Promise<void> {
	const jurors = await listJurors(db, editionId);
	if (!jurors.length) return;
	const candidacies = await listCandidacies(db, editionId, { statuses: judgedStatuses });
	if (!candidacies.length) return;
	const networks = await repo.networksOfCities(db, [
		...jurors.flatMap((j) => (j.city ? [j.city.id] : [])),
		...candidacies.map((c) => c.city.id)
	]);
	const seeds: repo.ConflictSeed[] = [];
	for (const juror of jurors) {
		if (!juror.city) continue;
		const jurorNetworks = networks.get(juror.city.id);
		for (const candidacy of candidacies) {
			if (candidacy.city.id === juror.city.id) {
				seeds.push({ jurorId: juror.id, candidacyId: candidacy.id, origin: 'own_city', status: 'excluded' });
				continue;
			}
			if (juror.city.countryCode && candidacy.city.countryCode === juror.city.countryCode)
				seeds.push({ jurorId: juror.id, candidacyId: candidacy.id, origin: 'same_country', status: 'pending' });
			const candidacyNetworks = networks.get(candidacy.city.id);
			if (jurorNetworks && candidacyNetworks && [...jurorNetworks].some((n) => candidacyNetworks.has(n)))
				seeds.push({ jurorId: juror.id, candidacyId: candidacy.id, origin: 'shared_network', status: 'pending' });
		}
	}
	const inserted = await repo.insertConflictsIfMissing(db, editionId, seeds);
	if (inserted.length) await repo.deleteUnsubmittedReviewsOfPairs(db, editionId, inserted);
}

// ---------------------------------------------------------------------------------------------------
// Constitution (the secretariat)

export async function addAwardJuror(
	deps: AwardDeps,
	actor: Actor | null,
	year: number,
	input: unknown
): Promise<Result<{ jurorId: number }>> {
	const { db } = deps;
	if (!canOnAward(actor, 'jury.manage')) return forbidden();
	const edition = await editionForYear(db, year);
	if (!edition || !hasJury(edition)) return notFound();
	const parsed = validate(addJurorSchema, input);
	if (!parsed.ok) return parsed;
	const { email, cityId, isChair } = parsed.value;
	const user = await findUserByEmail(db, email);
	const errors: FieldErrors = {};
	if (!user) errors.email = ['award.jury.unknown_account'];
	else if (await findJurorOfUser(db, edition.id, user.id)) errors.email = ['award.jury.already_juror'];
	if (cityId !== null && !(await findCityById(db, cityId))) errors.cityId = ['award.jury.unknown_city'];
	if (!user || Object.keys(errors).length) return fail(400, 'common.errors.validation', errors);

	const jurorId = await db.transaction().execute(async (trx) => {
		const jurorId = await repo.insertJuror(trx, { editionId: edition.id, userId: user.id, cityId, isChair: false });
		if (isChair) await repo.setChair(trx, edition.id, jurorId);
		await setJurorGrant(trx, user.id, edition.id, true);
		await refreshAwardConflicts(trx, edition.id);
		await recordAudit(trx, actor, {
			action: 'award.juror_add',
			entityType: 'award_jury',
			entityId: jurorId,
			summary: { year: edition.year, userId: user.id, email: user.email, cityId, isChair }
		});
		const locale: Locale = isLocale(user.locale) ? user.locale : 'es';
		const t = translatorFor(locale);
		const theme = (edition.texts[locale] ?? edition.texts.es ?? Object.values(edition.texts)[0])?.theme ?? '';
		const url = `${deps.publicUrl}/${locale}/jury/${edition.year}`;
		await deps.mailer.send(trx, {
			to: user.email,
			locale,
			subject: t('award.jury.mail_added_subject', { year: edition.year }),
			text: [
				t('award.jury.mail_added_body', { name: user.name, year: edition.year, theme }),
				isChair ? t('award.jury.mail_added_chair') : '',
				t('award.jury.mail_added_link', { url })
			]
				.filter(Boolean)
				.join('\n\n')
		});
		return jurorId;
	});
	return ok({ jurorId });
}

async function jurorOfEdition(db: DbOrTrx, editionId: number, jurorId: number): Promise<Juror | undefined> {
	return (await listJurors(db, editionId)).find((j) => j.id === jurorId);
}

export async function removeAwardJuror(db: Db, actor: Actor | null, year: number, input: unknown): Promise<Result<null>> {
	if (!canOnAward(actor, 'jury.manage')) return forbidden();
	const edition = await editionForYear(db, year);
	if (!edition || !hasJury(edition)) return notFound();
	const parsed = validate(jurorRefSchema, input);
	if (!parsed.ok) return parsed;
	const juror = await jurorOfEdition(db, edition.id, parsed.value.jurorId);
	if (!juror) return notFound();
	return db.transaction().execute(async (trx) => {
		if ((await repo.countSubmittedReviewsOfJuror(trx, juror.id)) > 0) return conflict('award.jury.has_reviews');
		await repo.deleteJuror(trx, juror.id);
		await setJurorGrant(trx, juror.userId, edition.id, false);
		await recordAudit(trx, actor, {
			action: 'award.juror_remove',
			entityType: 'award_jury',
			entityId: juror.id,
			summary: { year: edition.year, userId: juror.userId, email: juror.email, cityId: juror.city?.id ?? null, wasChair: juror.isChair }
		});
		return ok(null);
	});
}

export async function setAwardChair(db: Db, actor: Actor | null, year: number, input: unknown): Promise<Result<null>> {
	if (!canOnAward(actor, 'jury.manage')) return forbidden();
	const edition = await editionForYear(db, year);
	if (!edition || !hasJury(edition)) return notFound();
	const parsed = validate(jurorRefSchema, input);
	if (!parsed.ok) return parsed;
	const jurors = await listJurors(db, edition.id);
	const juror = jurors.find((j) => j.id === parsed.value.jurorId);
	if (!juror) return notFound();
	const previous = jurors.find((j) => j.isChair);
	return db.transaction().execute(async (trx) => {
		await repo.setChair(trx, edition.id, juror.id);
		await recordAudit(trx, actor, {
			action: 'award.chair_set',
			entityType: 'award_jury',
			entityId: juror.id,
			summary: { year: edition.year, chair: { from: previous?.email ?? null, to: juror.email } }
		});
		return ok(null);
	});
}

// ---------------------------------------------------------------------------------------------------
// Conflicts: declared by a juror, decided by the chair or the secretariat

export async function declareAwardConflict(
	db: Db,
	actor: Actor | null,
	year: number,
	candidacyId: number,
	input: unknown
): Promise<Result<{ conflictId: number }>> {
	if (!actor) return notFound();
	const edition = await editionForYear(db, year);
	if (!edition || !hasJury(edition)) return notFound();
	const seat = await findJurorOfUser(db, edition.id, actor.userId);
	if (!seat || !canOnAward(actor, 'conflict.declare', { seat })) return notFound();
	const candidacy = await findCandidacy(db, candidacyId);
	if (!candidacy || candidacy.editionId !== edition.id || !judgedStatuses.includes(candidacy.status)) return notFound();
	const parsed = validate(declareConflictSchema, input);
	if (!parsed.ok) return parsed;
	const existing = await listConflicts(db, edition.id, { jurorId: seat.id, candidacyId: candidacy.id });
	if (existing.some((c) => c.origin === 'declared')) return conflict('award.conflict.already_declared');
	return db.transaction().execute(async (trx) => {
		const inserted = await repo.insertConflictsIfMissing(trx, edition.id, [
			{ jurorId: seat.id, candidacyId: candidacy.id, origin: 'declared', status: 'pending', reason: parsed.value.reason }
		]);
		if (!inserted.length) return conflict('award.conflict.already_declared');
		await repo.deleteUnsubmittedReviewsOfPairs(trx, edition.id, inserted);
		const row = (await listConflicts(trx, edition.id, { jurorId: seat.id, candidacyId: candidacy.id })).find(
			(c) => c.origin === 'declared'
		)!;
		await recordAudit(trx, actor, {
			action: 'award.conflict_declare',
			entityType: 'award_jury',
			entityId: seat.id,
			summary: { year: edition.year, conflictId: row.id, candidacyId: candidacy.id, reason: parsed.value.reason }
		});
		return ok({ conflictId: row.id });
	});
}

export async function decideAwardConflict(
	db: Db,
	actor: Actor | null,
	year: number,
	conflictId: number,
	input: unknown
): Promise<Result<{ status: ConflictStatus }>> {
	if (!actor) return notFound();
	const edition = await editionForYear(db, year);
	if (!edition || !hasJury(edition)) return notFound();
	const seat = (await findJurorOfUser(db, edition.id, actor.userId)) ?? null;
	if (!canOnAward(actor, 'conflict.decide', { seat })) return notFound();
	const row = await repo.findConflictRow(db, conflictId);
	if (!row || Number(row.edition_id) !== edition.id) return notFound();
	if (seat && Number(row.juror_id) === seat.id) return forbidden();
	const parsed = validate(decideConflictSchema, input);
	if (!parsed.ok) return parsed;
	const { decision, note } = parsed.value;
	if (decision === 'clear' && row.origin === 'own_city') return conflict('award.conflict.cannot_clear_own_city');
	const status: ConflictStatus = decision === 'clear' ? 'cleared' : 'excluded';
	return db.transaction().execute(async (trx) => {
		await repo.decideConflict(trx, conflictId, { status, note, decidedByLabel: actor.name });
		if (status === 'excluded')
			await repo.deleteUnsubmittedReviewsOfPairs(trx, edition.id, [
				{ jurorId: Number(row.juror_id), candidacyId: Number(row.candidacy_id) }
			]);
		await recordAudit(trx, actor, {
			action: 'award.conflict_decide',
			entityType: 'award_jury',
			entityId: Number(row.juror_id),
			summary: {
				year: edition.year,
				conflictId,
				candidacyId: Number(row.candidacy_id),
				origin: row.origin,
				status: { from: row.status, to: status },
				note
			}
		});
		return ok({ status });
	});
}

export interface AwardConflictView extends Conflict {
	jurorName: string;
	jurorCity: { name: string; countryCode: string } | null;
	/** null in blind mode for jurors: the page calls it "Candidacy #id". */
	candidacyTitle: string | null;
	candidacyCity: { name: string; countryCode: string } | null;
	/** Whether this actor may decide it now (the chair never decides their own). */
	mayDecide: boolean;
}

function conflictViews(
	conflicts: readonly Conflict[],
	jurors: readonly Juror[],
	candidacies: ReadonlyMap<number, Candidacy>,
	options: { reveal: boolean; deciderJurorId: number | null; mayDecide: boolean }
): AwardConflictView[] {
	const jurorById = new Map(jurors.map((j) => [j.id, j]));
	return conflicts.map((c) => {
		const juror = jurorById.get(c.jurorId);
		const candidacy = candidacies.get(c.candidacyId);
		return {
			...c,
			jurorName: juror?.name ?? '',
			jurorCity: juror?.city ? { name: juror.city.name, countryCode: juror.city.countryCode } : null,
			candidacyTitle: options.reveal && candidacy ? titleOf(candidacy) : null,
			candidacyCity: options.reveal && candidacy ? { name: candidacy.city.name, countryCode: candidacy.city.countryCode } : null,
			mayDecide: options.mayDecide && c.jurorId !== options.deciderJurorId
		};
	});
}

/** The chair's list of the edition's conflicts (flagged ones first). Others get not-found. */
export async function listAwardConflictsForChair(
	db: Db,
	actor: Actor | null,
	year: number
): Promise<Result<{ edition: JurorEditionSummary; conflicts: AwardConflictView[] }>> {
	if (!actor) return notFound();
	const edition = await editionForYear(db, year);
	if (!edition || !hasJury(edition)) return notFound();
	const seat = await findJurorOfUser(db, edition.id, actor.userId);
	if (!seat?.isChair || !canOnAward(actor, 'conflict.decide', { seat })) return notFound();
	const [jurors, conflicts, candidacies] = await Promise.all([
		listJurors(db, edition.id),
		listConflicts(db, edition.id),
		listCandidacies(db, edition.id)
	]);
	const views = conflictViews(conflicts, jurors, new Map(candidacies.map((c) => [c.id, c])), {
		reveal: !edition.blindReview,
		deciderJurorId: seat.id,
		mayDecide: true
	});
	const rank = (s: ConflictStatus) => (s === 'pending' ? 0 : s === 'excluded' ? 1 : 2);
	views.sort((a, b) => rank(a.status) - rank(b.status) || a.id - b.id);
	return ok({ edition: editionSummary(edition), conflicts: views });
}

// ---------------------------------------------------------------------------------------------------
// Assignment (the secretariat)

/** What an assignment works from, conflicts refreshed first: the jury, the admitted candidacies, the reviews and the blocked pairs. */
async function assignmentState(trx: DbOrTrx, editionId: number) {
	await refreshAwardConflicts(trx, editionId);
	const [jurors, candidacies, conflicts, reviews] = await Promise.all([
		listJurors(trx, editionId),
		listCandidacies(trx, editionId, { statuses: ['admitted'] }),
		listConflicts(trx, editionId),
		listReviews(trx, editionId)
	]);
	return { jurors, candidacies, reviews, blocked: blockedPairs(conflicts) };
}

export async function assignAllAwardJurors(db: Db, actor: Actor | null, year: number): Promise<Result<{ added: number }>> {
	if (!canOnAward(actor, 'jury.manage')) return forbidden();
	const edition = await editionForYear(db, year);
	if (!edition || !hasJury(edition)) return notFound();
	if (edition.resultsPublishedAt) return conflict('award.jury.results_published');
	return db.transaction().execute(async (trx) => {
		const { jurors, candidacies, reviews, blocked } = await assignmentState(trx, edition.id);
		const existing = new Set(reviews.map((r) => pairKey(r.jurorId, r.candidacyId)));
		let added = 0;
		for (const candidacy of candidacies)
			for (const juror of jurors) {
				const key = pairKey(juror.id, candidacy.id);
				if (blocked.has(key) || existing.has(key)) continue;
				await repo.insertAssignment(trx, edition.id, juror.id, candidacy.id);
				added++;
			}
		await recordAudit(trx, actor, {
			action: 'award.assignment_all',
			entityType: 'award_edition',
			entityId: edition.id,
			summary: { year: edition.year, jurors: jurors.length, candidacies: candidacies.length, added }
		});
		return ok({ added });
	});
}

export interface BalancedAssignmentOutcome {
	seed: number;
	perCandidacy: number;
	added: number;
	removed: number;
	shortfalls: { candidacyId: number; assigned: number }[];
	loads: Record<number, number>;
}

/**
 * N jurors per admitted candidacy, chosen at random (reproducibly, from the seed) among those free of
 * conflicts, with balanced loads. Reviews that already hold scores stay and count; other assignments are
 * replaced by the new plan.
 */
export async function assignAwardJurorsBalanced(
	db: Db,
	actor: Actor | null,
	year: number,
	input: unknown
): Promise<Result<BalancedAssignmentOutcome>> {
	if (!canOnAward(actor, 'jury.manage')) return forbidden();
	const edition = await editionForYear(db, year);
	if (!edition || !hasJury(edition)) return notFound();
	const parsed = validate(balancedAssignmentSchema, input);
	if (!parsed.ok) return parsed;
	if (edition.resultsPublishedAt) return conflict('award.jury.results_published');
	const perCandidacy = parsed.value.perCandidacy;
	const seed = parsed.value.seed ?? Math.floor(Math.random() * 2 ** 31);
	return db.transaction().execute(async (trx) => {
		const { jurors, candidacies, reviews, blocked } = await assignmentState(trx, edition.id);
		const admitted = new Set(candidacies.map((c) => c.id));
		const keep = reviews
			.filter((r) => hasScores(r) && admitted.has(r.candidacyId) && !blocked.has(pairKey(r.jurorId, r.candidacyId)))
			.map((r) => ({ jurorId: r.jurorId, candidacyId: r.candidacyId }));
		const plan = planBalancedAssignment({
			candidacyIds: candidacies.map((c) => c.id),
			jurorIds: jurors.map((j) => j.id),
			blocked,
			perCandidacy,
			seed,
			keep
		});
		const planned = new Set(plan.pairs.map((p) => pairKey(p.jurorId, p.candidacyId)));
		const existing = new Set(reviews.map((r) => pairKey(r.jurorId, r.candidacyId)));
		let removed = 0;
		for (const review of reviews) {
			if (hasScores(review) || planned.has(pairKey(review.jurorId, review.candidacyId))) continue;
			await repo.deleteReview(trx, review.id);
			removed++;
		}
		let added = 0;
		for (const pair of plan.pairs) {
			if (existing.has(pairKey(pair.jurorId, pair.candidacyId))) continue;
			await repo.insertAssignment(trx, edition.id, pair.jurorId, pair.candidacyId);
			added++;
		}
		await recordAudit(trx, actor, {
			action: 'award.assignment_balanced',
			entityType: 'award_edition',
			entityId: edition.id,
			summary: { year: edition.year, perCandidacy, seed, added, removed, shortfalls: plan.shortfalls.length }
		});
		return ok({ seed, perCandidacy, added, removed, shortfalls: plan.shortfalls, loads: plan.loads });
	});
}

/** Adds or removes one assignment by hand. A blocked pair cannot be assigned; a submitted review cannot be removed. */
export async function setAwardAssignment(
	db: Db,
	actor: Actor | null,
	year: number,
	input: unknown
): Promise<Result<{ assigned: boolean }>> {
	if (!canOnAward(actor, 'jury.manage')) return forbidden();
	const edition = await editionForYear(db, year);
	if (!edition || !hasJury(edition)) return notFound();
	const parsed = validate(setAssignmentSchema, input);
	if (!parsed.ok) return parsed;
	const { jurorId, candidacyId, assigned } = parsed.value;
	const juror = await jurorOfEdition(db, edition.id, jurorId);
	const candidacy = await findCandidacy(db, candidacyId);
	if (!juror || !candidacy || candidacy.editionId !== edition.id) return notFound();
	if (edition.resultsPublishedAt) return conflict('award.jury.results_published');
	return db.transaction().execute(async (trx) => {
		const [review] = await listReviews(trx, edition.id, { jurorId, candidacyId });
		if (assigned) {
			if (candidacy.status !== 'admitted') return conflict('award.jury.not_admitted');
			if (blockedPairs(await listConflicts(trx, edition.id, { jurorId, candidacyId })).size) return conflict('award.conflict.blocked');
			if (review) return ok({ assigned: true });
			await repo.insertAssignment(trx, edition.id, jurorId, candidacyId);
		} else {
			if (!review) return ok({ assigned: false });
			if (review.status === 'submitted') return conflict('award.jury.review_submitted');
			await repo.deleteReview(trx, review.id);
		}
		await recordAudit(trx, actor, {
			action: 'award.assignment_set',
			entityType: 'award_jury',
			entityId: jurorId,
			summary: { year: edition.year, candidacyId, assigned, ...(review && !assigned ? { discarded: review.status } : {}) }
		});
		return ok({ assigned });
	});
}

// ---------------------------------------------------------------------------------------------------
// The secretariat's view of the jury

export type AssignmentCell = 'none' | 'blocked' | ReviewStatus | 'blocked_submitted';

export interface AwardJuryForStaff {
	edition: JurorEditionSummary;
	jurors: (Juror & { assigned: number; submitted: number })[];
	cities: { id: number; name: string; countryCode: string }[];
	candidacies: { id: number; title: string; city: { id: number; name: string; countryCode: string }; focusArea: string | null }[];
	/** Submitted candidacies not yet admitted: they get conflicts detected but no assignment. */
	awaitingAdmission: number;
	conflicts: AwardConflictView[];
	/** cells[candidacyId][jurorId] */
	cells: Record<number, Record<number, AssignmentCell>>;
}

export async function getAwardJuryForStaff(db: Db, actor: Actor | null, year: number): Promise<Result<AwardJuryForStaff>> {
	if (!canOnAward(actor, 'jury.manage')) return forbidden();
	const edition = await editionForYear(db, year);
	if (!edition || !hasJury(edition)) return notFound();
	const [jurors, candidacies, conflicts, reviews, cities] = await Promise.all([
		listJurors(db, edition.id),
		listCandidacies(db, edition.id, { statuses: judgedStatuses }),
		listConflicts(db, edition.id),
		listReviews(db, edition.id),
		listAllCities(db, {})
	]);
	const admitted = candidacies.filter((c) => c.status === 'admitted');
	const blocked = blockedPairs(conflicts);
	const reviewByPair = new Map(reviews.map((r) => [pairKey(r.jurorId, r.candidacyId), r]));
	const cells: AwardJuryForStaff['cells'] = {};
	for (const candidacy of admitted) {
		const row: Record<number, AssignmentCell> = (cells[candidacy.id] = {});
		for (const juror of jurors) {
			const key = pairKey(juror.id, candidacy.id);
			const review = reviewByPair.get(key);
			row[juror.id] = blocked.has(key) ? (review?.status === 'submitted' ? 'blocked_submitted' : 'blocked') : (review?.status ?? 'none');
		}
	}
	const admittedIds = new Set(admitted.map((c) => c.id));
	const views = conflictViews(conflicts, jurors, new Map(candidacies.map((c) => [c.id, c])), {
		reveal: true,
		deciderJurorId: null,
		mayDecide: true
	});
	return ok({
		edition: editionSummary(edition),
		jurors: jurors.map((j) => ({
			...j,
			assigned: reviews.filter((r) => r.jurorId === j.id && admittedIds.has(r.candidacyId) && !blocked.has(pairKey(j.id, r.candidacyId)))
				.length,
			submitted: reviews.filter((r) => r.jurorId === j.id && r.status === 'submitted').length
		})),
		cities: cities.map((c) => ({ id: Number(c.id), name: c.name, countryCode: c.country_code })),
		candidacies: admitted.map((c) => ({ id: c.id, title: titleOf(c), city: c.city, focusArea: c.focusArea })),
		awaitingAdmission: candidacies.length - admitted.length,
		conflicts: views,
		cells
	});
}

// ---------------------------------------------------------------------------------------------------
// Jurors: their editions, their workload

export interface JurorEditionSummary {
	id: number;
	year: number;
	phase: EditionPhase;
	texts: Edition['texts'];
	blindReview: boolean;
	jurorsSeeOtherScores: boolean;
}

function editionSummary(edition: Edition, now: Date = new Date()): JurorEditionSummary {
	return {
		id: edition.id,
		year: edition.year,
		phase: editionPhase(edition, now),
		texts: edition.texts,
		blindReview: edition.blindReview,
		jurorsSeeOtherScores: edition.jurorsSeeOtherScores
	};
}

/** The editions whose jury the actor sits on, newest first, with their progress. Non-jurors get not-found. */
export async function listAwardJurorEditions(
	db: Db,
	actor: Actor | null
): Promise<Result<{ edition: JurorEditionSummary; isChair: boolean; assigned: number; submitted: number }[]>> {
	if (!actor) return notFound();
	const seats = await repo.listSeatsOfUser(db, actor.userId);
	if (!seats.length) return notFound();
	const items = [];
	for (const seat of seats) {
		const workload = await getAwardJurorWorkload(db, actor, seat.year);
		if (!workload.ok) continue;
		const { edition, juror, progress } = workload.value;
		items.push({ edition, isChair: juror.isChair, assigned: progress.total, submitted: progress.submitted });
	}
	if (!items.length) return notFound();
	return ok(items);
}

export interface JurorWorkItem {
	candidacyId: number;
	/** The titles per language present; empty in blind mode (the page says "Candidacy #id"). */
	titles: Partial<Record<Locale, string>>;
	originalLanguage: Locale;
	focusArea: string | null;
	status: ReviewStatus;
	/** Criteria with a score so far. */
	scored: number;
}

export interface JurorWorkload {
	edition: JurorEditionSummary;
	focusAreas: FocusArea[];
	criteriaCount: number;
	juror: { id: number; isChair: boolean };
	items: JurorWorkItem[];
	progress: { submitted: number; total: number };
	conflicts: AwardConflictView[];
	/** Conflicts awaiting a decision, for the chair's attention (0 for other jurors). */
	pendingToDecide: number;
}

/** A juror's candidacies (assigned, admitted, not blocked) with their review status, and their conflicts. */
export async function getAwardJurorWorkload(db: Db, actor: Actor | null, year: number): Promise<Result<JurorWorkload>> {
	if (!actor) return notFound();
	const edition = await editionForYear(db, year);
	if (!edition || !hasJury(edition)) return notFound();
	const seat = await findJurorOfUser(db, edition.id, actor.userId);
	if (!seat) return notFound();
	const [reviews, allConflicts, candidacies, jurors] = await Promise.all([
		listReviews(db, edition.id, { jurorId: seat.id }),
		listConflicts(db, edition.id),
		listCandidacies(db, edition.id, { statuses: judgedStatuses }),
		listJurors(db, edition.id)
	]);
	const blocked = blockedPairs(allConflicts);
	const byId = new Map(candidacies.map((c) => [c.id, c]));
	const items: JurorWorkItem[] = [];
	for (const review of reviews) {
		const candidacy = byId.get(review.candidacyId);
		if (!candidacy || candidacy.status !== 'admitted' || blocked.has(pairKey(seat.id, candidacy.id))) continue;
		items.push({
			candidacyId: candidacy.id,
			titles: edition.blindReview ? {} : titlesOf(candidacy),
			originalLanguage: candidacy.originalLanguage,
			focusArea: candidacy.focusArea,
			status: review.status,
			scored: edition.criteria.filter((c) => typeof review.scores[c.code]?.score === 'number').length
		});
	}
	const own = conflictViews(
		allConflicts.filter((c) => c.jurorId === seat.id),
		jurors,
		byId,
		{ reveal: !edition.blindReview, deciderJurorId: seat.id, mayDecide: false }
	);
	return ok({
		edition: editionSummary(edition),
		focusAreas: edition.focusAreas,
		criteriaCount: edition.criteria.length,
		juror: { id: seat.id, isChair: seat.isChair },
		items,
		progress: { submitted: items.filter((i) => i.status === 'submitted').length, total: items.length },
		conflicts: own,
		pendingToDecide: seat.isChair ? allConflicts.filter((c) => c.status === 'pending' && c.jurorId !== seat.id).length : 0
	});
}

/** Back-compatible name used in the module overview. */
export const getJurorWorkload = getAwardJurorWorkload;

/** The actor's seat on an edition's jury, for the jury area's navigation; null when they have none. */
export async function findAwardJurySeat(
	db: Db,
	actor: Actor | null,
	year: number
): Promise<{ edition: JurorEditionSummary; seat: { jurorId: number; isChair: boolean } | null } | null> {
	if (!actor) return null;
	const edition = await editionForYear(db, year);
	if (!edition || !hasJury(edition)) return null;
	const seat = await findJurorOfUser(db, edition.id, actor.userId);
	if (!seat && !isStaff(actor)) return null;
	return { edition: editionSummary(edition), seat: seat ? { jurorId: seat.id, isChair: seat.isChair } : null };
}

// ---------------------------------------------------------------------------------------------------
// Reading and scoring a candidacy as a juror

interface JurorAccess {
	edition: Edition;
	seat: Juror;
	candidacy: Candidacy;
	review: Review;
}

/** The juror's own assignment on an admitted, unblocked candidacy of the edition; anything else is not-found. */
async function jurorAccess(db: DbOrTrx, actor: Actor | null, year: number, candidacyId: number): Promise<Result<JurorAccess>> {
	if (!actor) return notFound();
	const edition = await editionForYear(db, year);
	if (!edition || !hasJury(edition)) return notFound();
	const seat = await findJurorOfUser(db, edition.id, actor.userId);
	if (!seat || !canOnAward(actor, 'review.score', { seat })) return notFound();
	if (!Number.isSafeInteger(candidacyId)) return notFound();
	const candidacy = await findCandidacy(db, candidacyId);
	if (!candidacy || candidacy.editionId !== edition.id || candidacy.status !== 'admitted') return notFound();
	const [review] = await listReviews(db, edition.id, { jurorId: seat.id, candidacyId });
	if (!review) return notFound();
	if (blockedPairs(await listConflicts(db, edition.id, { jurorId: seat.id, candidacyId })).size) return notFound();
	return ok({ edition, seat, candidacy, review });
}

/**
 * Whether the actor may read this candidacy as a juror, identity included (not in blind mode): for the
 * support letter download, which otherwise is for the city and the secretariat only.
 */
export async function awardJurorMayReadLetter(db: Db, actor: Actor | null, candidacyId: number): Promise<boolean> {
	const candidacy = await findCandidacy(db, candidacyId);
	if (!candidacy || !actor) return false;
	const edition = await findEditionById(db, candidacy.editionId);
	if (!edition) return false;
	const access = await jurorAccess(db, actor, edition.year, candidacyId);
	return access.ok && !access.value.edition.blindReview;
}

export interface OtherJurorReview {
	jurorName: string;
	scores: Record<string, CriterionScore>;
	submittedAt: string | null;
}

export interface AwardCandidacyForJuror {
	edition: JurorEditionSummary & {
		criteria: Criterion[];
		scaleMin: number;
		scaleMax: number;
		focusAreas: FocusArea[];
		questions: CallQuestion[];
		theme: Partial<Record<Locale, EditionTexts>>;
	};
	candidacy: {
		id: number;
		/** Titles per language present; empty in blind mode. */
		titles: Partial<Record<Locale, string>>;
		originalLanguage: Locale;
		/** Languages present, the original first. */
		languages: Locale[];
		texts: Partial<Record<Locale, LanguageTexts>>;
		answers: Record<string, string>;
		focusArea: string | null;
		facts: ExperienceFacts;
		/** Hidden (null) in blind mode. */
		city: { name: string; countryCode: string } | null;
		/** The download path of the support letter; null in blind mode or when there is none. */
		supportLetter: { name: string; href: string } | null;
	};
	review: Review;
	/** Scoring is possible now: after the deadline, before publication, and until the juror submits. */
	mayScore: boolean;
	/** Why not, as a message key, when mayScore is false. */
	scoringClosedReason: string | null;
	/** Other jurors' submitted reviews, or null when the juror may not see them (yet). */
	others: OtherJurorReview[] | null;
	/** Why the others' scores are not shown, as a message key. */
	othersHiddenReason: string | null;
}

function scoringState(edition: Edition, review: Review, now: Date): string | null {
	const phase = editionPhase(edition, now);
	if (review.status === 'submitted') return 'award.review.closed_submitted';
	if (phase === 'published') return 'award.review.closed_published';
	if (phase !== 'judging') return 'award.review.closed_not_yet';
	return null;
}

export async function getAwardCandidacyForJuror(
	db: Db,
	actor: Actor | null,
	year: number,
	candidacyId: number
): Promise<Result<AwardCandidacyForJuror>> {
	const access = await jurorAccess(db, actor, year, candidacyId);
	if (!access.ok) return access;
	const { edition, seat, candidacy, review } = access.value;
	const blind = edition.blindReview;
	const languages = [
		candidacy.originalLanguage,
		...(Object.keys(candidacy.texts) as Locale[]).filter((l) => isLocale(l) && l !== candidacy.originalLanguage && candidacy.texts[l])
	].filter((l) => candidacy.texts[l]);

	let others: OtherJurorReview[] | null = null;
	let othersHiddenReason: string | null = null;
	if (!edition.jurorsSeeOtherScores) othersHiddenReason = 'award.review.others_not_shared';
	else if (review.status !== 'submitted') othersHiddenReason = 'award.review.others_after_submit';
	else {
		const [reviews, jurors, conflicts] = await Promise.all([
			listReviews(db, edition.id, { candidacyId }),
			listJurors(db, edition.id),
			listConflicts(db, edition.id, { candidacyId })
		]);
		const blocked = blockedPairs(conflicts);
		const names = new Map(jurors.map((j) => [j.id, j.name]));
		others = reviews
			.filter((r) => r.jurorId !== seat.id && r.status === 'submitted' && !blocked.has(pairKey(r.jurorId, candidacyId)))
			.map((r) => ({ jurorName: names.get(r.jurorId) ?? '', scores: r.scores, submittedAt: r.submittedAt }));
	}
	const closed = scoringState(edition, review, new Date());
	return ok({
		edition: {
			...editionSummary(edition),
			criteria: edition.criteria,
			scaleMin: edition.scaleMin,
			scaleMax: edition.scaleMax,
			focusAreas: edition.focusAreas,
			questions: edition.questions,
			theme: edition.texts
		},
		candidacy: {
			id: candidacy.id,
			titles: blind ? {} : titlesOf(candidacy),
			originalLanguage: candidacy.originalLanguage,
			languages,
			texts: candidacy.texts,
			answers: candidacy.answers,
			focusArea: candidacy.focusArea,
			facts: candidacy.facts,
			city: blind ? null : { name: candidacy.city.name, countryCode: candidacy.city.countryCode },
			supportLetter:
				blind || !candidacy.supportLetter ? null : { name: candidacy.supportLetter.name, href: `/files/award/letters/${candidacy.id}` }
		},
		review,
		mayScore: closed === null,
		scoringClosedReason: closed,
		others,
		othersHiddenReason
	});
}

/** Checks the typed scores against the edition's criteria and scale; returns the complete score sheet. */
function checkScores(
	edition: Edition,
	stored: Record<string, CriterionScore>,
	typed: Record<string, { score: number | string | null; comment: string }> | undefined,
	requireComplete: boolean
): Result<Record<string, CriterionScore>> {
	const codes = new Set(edition.criteria.map((c) => c.code));
	const errors: FieldErrors = {};
	let outOfScale = false;
	for (const code of Object.keys(typed ?? {})) if (!codes.has(code)) (errors.scores ??= []).push('award.review.unknown_criterion');
	const sheet: Record<string, CriterionScore> = {};
	for (const criterion of edition.criteria) {
		// A criterion left out of the input keeps what was saved; one sent blank is cleared.
		const source = typed?.[criterion.code] ?? stored[criterion.code];
		const raw = source?.score ?? null;
		let score: number | null = null;
		if (raw !== null && raw !== '') {
			const value = typeof raw === 'number' ? raw : /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
			if (!Number.isInteger(value) || value < edition.scaleMin || value > edition.scaleMax) {
				errors[`scores.${criterion.code}.score`] = ['award.review.out_of_scale'];
				outOfScale = true;
			} else score = value;
		}
		const comment = (source?.comment ?? '').trim();
		sheet[criterion.code] = { score, comment };
		if (requireComplete && score === null && !errors[`scores.${criterion.code}.score`])
			errors[`scores.${criterion.code}.score`] = ['award.review.score_required'];
		if (requireComplete && !comment) errors[`scores.${criterion.code}.comment`] = ['award.review.comment_required'];
	}
	if (errors.scores) errors.scores = [...new Set(errors.scores)];
	if (Object.keys(errors).length)
		return fail(
			400,
			outOfScale ? 'award.review.out_of_scale' : requireComplete ? 'award.review.incomplete' : 'common.errors.validation',
			errors,
			{ min: edition.scaleMin, max: edition.scaleMax }
		);
	return ok(sheet);
}

async function writeReview(
	db: Db,
	actor: Actor | null,
	year: number,
	candidacyId: number,
	input: unknown,
	submit: boolean
): Promise<Result<{ version: number; status: 'draft' | 'submitted' }>> {
	const access = await jurorAccess(db, actor, year, candidacyId);
	if (!access.ok) return access;
	const { edition, review } = access.value;
	const parsed = validate(reviewInputSchema, input);
	if (!parsed.ok) return parsed;
	const closed = scoringState(edition, review, new Date());
	if (closed) return conflict(closed);
	if (parsed.value.version !== review.version) return conflict('common.errors.stale');
	const checked = checkScores(edition, review.scores, parsed.value.scores, submit);
	if (!checked.ok) return checked;
	const status = submit ? 'submitted' : 'draft';
	return db.transaction().execute(async (trx) => {
		const saved = await repo.updateReviewScores(trx, review.id, parsed.value.version, { scores: checked.value, status });
		if (!saved) return conflict('common.errors.stale');
		await recordAudit(trx, actor, {
			action: submit ? 'award.review_submit' : 'award.review_save',
			entityType: 'award_review',
			entityId: review.id,
			summary: {
				year: edition.year,
				candidacyId,
				status,
				scores: Object.fromEntries(Object.entries(checked.value).map(([code, s]) => [code, s.score]))
			}
		});
		return ok({ version: parsed.value.version + 1, status });
	});
}

/** Saves the juror's scores and comments as a draft (scores within the scale, blanks allowed). */
export async function saveAwardReview(db: Db, actor: Actor | null, year: number, candidacyId: number, input: unknown) {
	return writeReview(db, actor, year, candidacyId, input, false);
}

/** Submits the review: every criterion scored with a comment. After that the review is read-only. */
export async function submitAwardReview(db: Db, actor: Actor | null, year: number, candidacyId: number, input: unknown) {
	return writeReview(db, actor, year, candidacyId, input, true);
}
