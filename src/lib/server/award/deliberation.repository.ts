// Writes of the deliberation and the publication: rounds, their decisions and minutes, and the edition's
// publication date. Every update of a round checks its version (and that it is still open) in the WHERE
// clause, so two people acting at the same time cannot both succeed on the same version.
import type { DbOrTrx } from '../db/index.ts';
import type { DecisionBasis, DecisionOutcome, RoundKind } from '../../shared/award/constants.ts';

export async function nextRoundNumber(db: DbOrTrx, editionId: number): Promise<number> {
	const row = await db
		.selectFrom('award_round')
		.select((eb) => eb.fn.max<number>('number').as('n'))
		.where('edition_id', '=', editionId)
		.executeTakeFirst();
	return Number(row?.n ?? 0) + 1;
}

export async function insertRound(
	db: DbOrTrx,
	values: { editionId: number; number: number; kind: RoundKind; now: string }
): Promise<number> {
	const row = await db
		.insertInto('award_round')
		.values({
			edition_id: values.editionId,
			number: values.number,
			kind: values.kind,
			status: 'open',
			minutes: '',
			minutes_approved_at: null,
			closed_at: null,
			closed_by_label: null,
			created_at: values.now,
			updated_at: values.now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

export interface RoundChanges {
	status?: 'open' | 'closed';
	minutes?: string;
	minutesApprovedAt?: string | null;
	closedAt?: string | null;
	closedByLabel?: string | null;
}

/**
 * Bumps the round's version and applies the changes, only if it is still at `version` and in `whileStatus`.
 * Returns false when another change came first (or the round was closed or reopened meanwhile).
 */
export async function updateRound(
	db: DbOrTrx,
	roundId: number,
	version: number,
	whileStatus: 'open' | 'closed',
	changes: RoundChanges,
	now: string
): Promise<boolean> {
	const result = await db
		.updateTable('award_round')
		.set((eb) => ({
			version: eb('version', '+', 1),
			updated_at: now,
			...(changes.status !== undefined ? { status: changes.status } : {}),
			...(changes.minutes !== undefined ? { minutes: changes.minutes } : {}),
			...(changes.minutesApprovedAt !== undefined ? { minutes_approved_at: changes.minutesApprovedAt } : {}),
			...(changes.closedAt !== undefined ? { closed_at: changes.closedAt } : {}),
			...(changes.closedByLabel !== undefined ? { closed_by_label: changes.closedByLabel } : {})
		}))
		.where('id', '=', roundId)
		.where('version', '=', version)
		.where('status', '=', whileStatus)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function deleteEmptyOpenRound(db: DbOrTrx, roundId: number, version: number): Promise<boolean> {
	const result = await db
		.deleteFrom('award_round')
		.where('id', '=', roundId)
		.where('version', '=', version)
		.where('status', '=', 'open')
		.where((eb) =>
			eb.not(eb.exists(eb.selectFrom('award_decision').select('id').whereRef('award_decision.round_id', '=', 'award_round.id')))
		)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

export interface DecisionValues {
	roundId: number;
	candidacyId: number | null;
	outcome: DecisionOutcome;
	basis: DecisionBasis;
	votesFor: number | null;
	votesAgainst: number | null;
	abstentions: number | null;
	note: string | null;
	now: string;
}

export async function insertDecision(db: DbOrTrx, values: DecisionValues): Promise<number> {
	const row = await db
		.insertInto('award_decision')
		.values({
			round_id: values.roundId,
			candidacy_id: values.candidacyId,
			outcome: values.outcome,
			basis: values.basis,
			votes_for: values.votesFor,
			votes_against: values.votesAgainst,
			abstentions: values.abstentions,
			note: values.note,
			created_at: values.now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

export async function deleteDecision(db: DbOrTrx, roundId: number, decisionId: number): Promise<boolean> {
	const result = await db.deleteFrom('award_decision').where('id', '=', decisionId).where('round_id', '=', roundId).executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

/** Marks the edition's results as published, once (the WHERE clause refuses a second publication). */
export async function setResultsPublished(db: DbOrTrx, editionId: number, version: number | undefined, now: string): Promise<boolean> {
	let query = db
		.updateTable('award_edition')
		.set((eb) => ({ results_published_at: now, updated_at: now, version: eb('version', '+', 1) }))
		.where('id', '=', editionId)
		.where('results_published_at', 'is', null);
	if (version !== undefined) query = query.where('version', '=', version);
	const result = await query.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
