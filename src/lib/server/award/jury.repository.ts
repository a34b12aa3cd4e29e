// The jury's writes: jurors, conflicts of interest and reviews (one row per juror × candidacy, which is
// both the assignment and the scores). Readers shared with the other sub-domains are in award.repository.ts.
import type { DbOrTrx } from '../db/index.ts';
import { nowIso } from '../core/clock.ts';
import type { ConflictOrigin, ConflictStatus } from '../../shared/award/constants.ts';
import type { CriterionScore } from '../../shared/award/types.ts';

export type ReviewScores = Record<string, CriterionScore>;

// ---------------------------------------------------------------------------------------------------
// Jurors

export async function insertJuror(
	db: DbOrTrx,
	input: { editionId: number; userId: string; cityId: number | null; isChair: boolean }
): Promise<number> {
	const row = await db
		.insertInto('award_juror')
		.values({
			edition_id: input.editionId,
			user_id: input.userId,
			city_id: input.cityId,
			is_chair: input.isChair ? 1 : 0,
			created_at: nowIso()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

/** The editions (years) whose jury a person sits on, newest first. */
export async function listSeatsOfUser(db: DbOrTrx, userId: string): Promise<{ jurorId: number; year: number }[]> {
	const rows = await db
		.selectFrom('award_juror as j')
		.innerJoin('award_edition as e', 'e.id', 'j.edition_id')
		.select(['j.id', 'e.year'])
		.where('j.user_id', '=', userId)
		.orderBy('e.year', 'desc')
		.execute();
	return rows.map((r) => ({ jurorId: Number(r.id), year: Number(r.year) }));
}

export async function deleteJuror(db: DbOrTrx, jurorId: number): Promise<void> {
	await db.deleteFrom('award_review').where('juror_id', '=', jurorId).execute();
	await db.deleteFrom('award_conflict').where('juror_id', '=', jurorId).execute();
	await db.deleteFrom('award_juror').where('id', '=', jurorId).execute();
}

/** Makes `jurorId` the only chair of the edition (or nobody when null). */
export async function setChair(db: DbOrTrx, editionId: number, jurorId: number | null): Promise<void> {
	await db.updateTable('award_juror').set({ is_chair: 0 }).where('edition_id', '=', editionId).where('is_chair', '=', 1).execute();
	if (jurorId !== null)
		await db.updateTable('award_juror').set({ is_chair: 1 }).where('edition_id', '=', editionId).where('id', '=', jurorId).execute();
}

export async function countSubmittedReviewsOfJuror(db: DbOrTrx, jurorId: number): Promise<number> {
	const row = await db
		.selectFrom('award_review')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('juror_id', '=', jurorId)
		.where('status', '=', 'submitted')
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------------
// Conflicts

export interface ConflictSeed {
	jurorId: number;
	candidacyId: number;
	origin: ConflictOrigin;
	status: ConflictStatus;
	reason?: string | null;
}

/**
 * Inserts the conflicts not yet recorded for their (juror, candidacy, origin); existing rows are never
 * touched, so a decision already taken stays. Returns the seeds actually inserted.
 */
export async function insertConflictsIfMissing(db: DbOrTrx, editionId: number, seeds: readonly ConflictSeed[]): Promise<ConflictSeed[]> {
	if (!seeds.length) return [];
	const existing = await db
		.selectFrom('award_conflict')
		.select(['juror_id', 'candidacy_id', 'origin'])
		.where('edition_id', '=', editionId)
		.execute();
	const known = new Set(existing.map((r) => `${r.juror_id}:${r.candidacy_id}:${r.origin}`));
	const inserted: ConflictSeed[] = [];
	const now = nowIso();
	for (const seed of seeds) {
		const key = `${seed.jurorId}:${seed.candidacyId}:${seed.origin}`;
		if (known.has(key)) continue;
		known.add(key);
		const result = await db
			.insertInto('award_conflict')
			.values({
				edition_id: editionId,
				juror_id: seed.jurorId,
				candidacy_id: seed.candidacyId,
				origin: seed.origin,
				reason: seed.reason ?? null,
				status: seed.status,
				created_at: now
			})
			.onConflict((oc) => oc.columns(['juror_id', 'candidacy_id', 'origin']).doNothing())
			.executeTakeFirst();
		if (Number(result.numInsertedOrUpdatedRows ?? 1) > 0) inserted.push(seed);
	}
	return inserted;
}

export async function findConflictRow(db: DbOrTrx, conflictId: number) {
	return db.selectFrom('award_conflict').selectAll().where('id', '=', conflictId).executeTakeFirst();
}

export async function decideConflict(
	db: DbOrTrx,
	conflictId: number,
	input: { status: ConflictStatus; note: string; decidedByLabel: string }
): Promise<void> {
	await db
		.updateTable('award_conflict')
		.set({ status: input.status, decision_note: input.note, decided_by_label: input.decidedByLabel, decided_at: nowIso() })
		.where('id', '=', conflictId)
		.execute();
}

/** Network ids of each city among `cityIds`. */
export async function networksOfCities(db: DbOrTrx, cityIds: readonly number[]): Promise<Map<number, Set<number>>> {
	const map = new Map<number, Set<number>>();
	if (!cityIds.length) return map;
	const rows = await db
		.selectFrom('network_member')
		.select(['city_id', 'network_id'])
		.where('city_id', 'in', [...new Set(cityIds)])
		.execute();
	for (const row of rows) {
		const cityId = Number(row.city_id);
		if (!map.has(cityId)) map.set(cityId, new Set());
		map.get(cityId)!.add(Number(row.network_id));
	}
	return map;
}

// ---------------------------------------------------------------------------------------------------
// Reviews (assignments)

export async function insertAssignment(db: DbOrTrx, editionId: number, jurorId: number, candidacyId: number): Promise<void> {
	const now = nowIso();
	await db
		.insertInto('award_review')
		.values({
			edition_id: editionId,
			juror_id: jurorId,
			candidacy_id: candidacyId,
			status: 'assigned',
			scores: '{}',
			created_at: now,
			updated_at: now,
			submitted_at: null
		})
		.onConflict((oc) => oc.columns(['juror_id', 'candidacy_id']).doNothing())
		.execute();
}

export async function deleteReview(db: DbOrTrx, reviewId: number): Promise<void> {
	await db.deleteFrom('award_review').where('id', '=', reviewId).execute();
}

/** Removes the not-yet-submitted reviews of these pairs; a submitted review stays (results skip it). */
export async function deleteUnsubmittedReviewsOfPairs(
	db: DbOrTrx,
	editionId: number,
	pairs: readonly { jurorId: number; candidacyId: number }[]
): Promise<number> {
	let removed = 0;
	for (const pair of pairs) {
		const result = await db
			.deleteFrom('award_review')
			.where('edition_id', '=', editionId)
			.where('juror_id', '=', pair.jurorId)
			.where('candidacy_id', '=', pair.candidacyId)
			.where('status', '!=', 'submitted')
			.executeTakeFirst();
		removed += Number(result.numDeletedRows ?? 0);
	}
	return removed;
}

/** Optimistic update of a review's scores; false when the version moved on (or the row is gone / submitted). */
export async function updateReviewScores(
	db: DbOrTrx,
	reviewId: number,
	version: number,
	input: { scores: ReviewScores; status: 'draft' | 'submitted' }
): Promise<boolean> {
	const now = nowIso();
	const result = await db
		.updateTable('award_review')
		.set((eb) => ({
			scores: JSON.stringify(input.scores),
			status: input.status,
			version: eb('version', '+', 1),
			updated_at: now,
			submitted_at: input.status === 'submitted' ? now : null
		}))
		.where('id', '=', reviewId)
		.where('version', '=', version)
		.where('status', '!=', 'submitted')
		.executeTakeFirst();
	return Number(result.numUpdatedRows ?? 0) > 0;
}
