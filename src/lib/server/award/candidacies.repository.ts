// Writes (and the few reads only this sub-domain needs) of candidacies and their history. Candidacies are
// read through award.repository.ts so that every page sees them the same way.
import type { DbOrTrx } from '../db/index.ts';
import type { CandidacyStatus } from '../../shared/award/constants.ts';
import type { EligibilityCheck, ExperienceFacts } from '../../shared/award/types.ts';
import type { LanguageTexts } from '../../shared/experiences/schemas.ts';
import type { Locale } from '../../shared/i18n.ts';

export interface CandidacyEvent {
	id: number;
	action: string;
	fromStatus: CandidacyStatus | null;
	toStatus: CandidacyStatus;
	comment: string | null;
	actorLabel: string;
	createdAt: string;
}

/** How many of a city's candidacies to an edition count against its limit: all but rejected ones. */
export async function countActiveCityCandidacies(db: DbOrTrx, editionId: number, cityId: number, excludeId?: number): Promise<number> {
	let query = db
		.selectFrom('award_candidacy')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('edition_id', '=', editionId)
		.where('city_id', '=', cityId)
		.where('status', '!=', 'rejected');
	if (excludeId !== undefined) query = query.where('id', '!=', excludeId);
	const row = await query.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Whether the city sits on the edition's jury (an Executive Committee city's juror). */
export async function isCityOnJury(db: DbOrTrx, editionId: number, cityId: number): Promise<boolean> {
	const row = await db
		.selectFrom('award_juror')
		.select('id')
		.where('edition_id', '=', editionId)
		.where('city_id', '=', cityId)
		.executeTakeFirst();
	return !!row;
}

export interface NewCandidacy {
	editionId: number;
	cityId: number;
	experienceId: number;
	originalLanguage: Locale;
	texts: Partial<Record<Locale, LanguageTexts>>;
	facts: ExperienceFacts;
	titleKey: string;
	eligibility: EligibilityCheck[];
	createdBy: string;
	now: string;
}

export async function insertCandidacy(trx: DbOrTrx, values: NewCandidacy): Promise<number> {
	const row = await trx
		.insertInto('award_candidacy')
		.values({
			edition_id: values.editionId,
			city_id: values.cityId,
			experience_id: values.experienceId,
			status: 'draft',
			original_language: values.originalLanguage,
			focus_area: null,
			texts: JSON.stringify(values.texts),
			answers: '{}',
			experience_facts: JSON.stringify(values.facts),
			title_key: values.titleKey,
			support_letter_key: null,
			support_letter_name: null,
			support_letter_size: null,
			eligibility: JSON.stringify(values.eligibility),
			eligibility_checked_at: values.now,
			status_reason: null,
			created_by: values.createdBy,
			created_at: values.now,
			updated_at: values.now,
			submitted_at: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

/** Saves a draft's contents if it is still a draft at this version; false when stale or no longer a draft. */
export async function updateCandidacyDraft(
	trx: DbOrTrx,
	id: number,
	version: number,
	values: {
		originalLanguage: Locale;
		texts: Partial<Record<Locale, LanguageTexts>>;
		answers: Record<string, string>;
		focusArea: string | null;
		titleKey: string;
	},
	now: string
): Promise<boolean> {
	const result = await trx
		.updateTable('award_candidacy')
		.set({
			original_language: values.originalLanguage,
			texts: JSON.stringify(values.texts),
			answers: JSON.stringify(values.answers),
			focus_area: values.focusArea,
			title_key: values.titleKey,
			version: version + 1,
			updated_at: now
		})
		.where('id', '=', id)
		.where('version', '=', version)
		.where('status', '=', 'draft')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Replaces a draft's support letter; false when it is no longer a draft. */
export async function updateCandidacyLetter(
	trx: DbOrTrx,
	id: number,
	letter: { key: string; name: string; size: number },
	now: string
): Promise<boolean> {
	const result = await trx
		.updateTable('award_candidacy')
		.set((eb) => ({
			support_letter_key: letter.key,
			support_letter_name: letter.name,
			support_letter_size: letter.size,
			version: eb('version', '+', 1),
			updated_at: now
		}))
		.where('id', '=', id)
		.where('status', '=', 'draft')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export interface CandidacyStateChange {
	status: CandidacyStatus;
	statusReason?: string | null;
	submittedAt?: string;
	eligibility?: EligibilityCheck[];
}

/** Moves a candidacy to another state if it is still at this version and state; false otherwise. */
export async function updateCandidacyState(
	trx: DbOrTrx,
	id: number,
	expected: { version: number; status: CandidacyStatus },
	change: CandidacyStateChange,
	now: string
): Promise<boolean> {
	const result = await trx
		.updateTable('award_candidacy')
		.set({
			status: change.status,
			...(change.statusReason !== undefined ? { status_reason: change.statusReason } : {}),
			...(change.submittedAt ? { submitted_at: change.submittedAt } : {}),
			...(change.eligibility ? { eligibility: JSON.stringify(change.eligibility), eligibility_checked_at: now } : {}),
			version: expected.version + 1,
			updated_at: now
		})
		.where('id', '=', id)
		.where('version', '=', expected.version)
		.where('status', '=', expected.status)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * Stores a new eligibility check without touching the version: a check run by the secretariat must not
 * make a form the city has open stale.
 */
export async function updateCandidacyEligibility(trx: DbOrTrx, id: number, eligibility: EligibilityCheck[], now: string): Promise<void> {
	await trx
		.updateTable('award_candidacy')
		.set({ eligibility: JSON.stringify(eligibility), eligibility_checked_at: now })
		.where('id', '=', id)
		.execute();
}

export async function insertCandidacyEvent(
	trx: DbOrTrx,
	event: {
		candidacyId: number;
		action: string;
		fromStatus: CandidacyStatus | null;
		toStatus: CandidacyStatus;
		comment: string | null;
		actorUserId: string | null;
		actorLabel: string;
		now: string;
	}
): Promise<void> {
	await trx
		.insertInto('award_candidacy_event')
		.values({
			candidacy_id: event.candidacyId,
			action: event.action,
			from_status: event.fromStatus,
			to_status: event.toStatus,
			comment: event.comment,
			actor_user_id: event.actorUserId,
			actor_label: event.actorLabel,
			created_at: event.now
		})
		.execute();
}

/** A candidacy's history, newest first. */
export async function listCandidacyEvents(db: DbOrTrx, candidacyId: number): Promise<CandidacyEvent[]> {
	const rows = await db
		.selectFrom('award_candidacy_event')
		.selectAll()
		.where('candidacy_id', '=', candidacyId)
		.orderBy('id', 'desc')
		.execute();
	return rows.map((row) => ({
		id: Number(row.id),
		action: row.action,
		fromStatus: row.from_status as CandidacyStatus | null,
		toStatus: row.to_status as CandidacyStatus,
		comment: row.comment,
		actorLabel: row.actor_label,
		createdAt: row.created_at
	}));
}
