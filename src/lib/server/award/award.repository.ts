// The award module's shared readers: every sub-domain (editions, candidacies, jury, deliberation) maps rows
// to the domain types here, so a candidacy or a review looks the same whichever page asks for it.
// Writes live in each sub-domain's own repository file.
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../db/index.ts';
import type {
	AwardCandidacyTable,
	AwardConflictTable,
	AwardDecisionTable,
	AwardEditionTable,
	AwardReviewTable,
	AwardRoundTable
} from '../db/schema.ts';
import { isLocale, type Locale } from '../../shared/i18n.ts';
import type {
	CandidacyStatus,
	ConflictOrigin,
	ConflictStatus,
	DecisionBasis,
	DecisionOutcome,
	EditionStatus,
	ReviewStatus,
	RoundKind,
	RoundStatus
} from '../../shared/award/constants.ts';
import type { Candidacy, Conflict, Decision, Edition, Juror, Review, Round } from '../../shared/award/types.ts';

export type EditionRow = Selectable<AwardEditionTable>;
export type CandidacyRow = Selectable<AwardCandidacyTable>;

const parse = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);
const flag = (value: number | boolean) => !!Number(value);

// ---------------------------------------------------------------------------------------------------
// Editions

export function toEdition(row: EditionRow): Edition {
	return {
		id: Number(row.id),
		year: Number(row.year),
		status: row.status as EditionStatus,
		texts: parse(row.texts, {}),
		focusAreas: parse(row.focus_areas, []),
		criteria: parse(row.criteria, []),
		questions: parse(row.questions, []),
		scaleMin: Number(row.scale_min),
		scaleMax: Number(row.scale_max),
		opensOn: row.opens_on,
		deadline: row.deadline,
		timeZone: row.time_zone,
		juryStartsOn: row.jury_starts_on,
		decisionOn: row.decision_on,
		ceremonyOn: row.ceremony_on,
		initiativeStartedBefore: row.initiative_started_before,
		maxCandidaciesPerCity: Number(row.max_candidacies_per_city),
		prizes: Number(row.prizes),
		specialMentions: Number(row.special_mentions),
		mayDeclareVoid: flag(row.may_declare_void),
		blindReview: flag(row.blind_review),
		jurorsSeeOtherScores: flag(row.jurors_see_other_scores),
		shareFeedback: flag(row.share_feedback),
		congressHostCityId: row.congress_host_city_id === null ? null : Number(row.congress_host_city_id),
		previousWinnerCityIds: parse<number[]>(row.previous_winner_city_ids, []),
		rulesDocument: row.rules_document_key ? { name: row.rules_document_name ?? 'rules.pdf' } : null,
		history: parse(row.history, null),
		resultsPublishedAt: row.results_published_at,
		version: Number(row.version),
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

export async function findEditionRowByYear(db: DbOrTrx, year: number): Promise<EditionRow | undefined> {
	return db.selectFrom('award_edition').selectAll().where('year', '=', year).executeTakeFirst();
}

export async function findEditionRowById(db: DbOrTrx, id: number): Promise<EditionRow | undefined> {
	return db.selectFrom('award_edition').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEditionByYear(db: DbOrTrx, year: number): Promise<Edition | undefined> {
	const row = await findEditionRowByYear(db, year);
	return row && toEdition(row);
}

export async function findEditionById(db: DbOrTrx, id: number): Promise<Edition | undefined> {
	const row = await findEditionRowById(db, id);
	return row && toEdition(row);
}

/** Newest first. */
export async function listEditions(db: DbOrTrx, statuses?: readonly EditionStatus[]): Promise<Edition[]> {
	let query = db.selectFrom('award_edition').selectAll().orderBy('year', 'desc');
	if (statuses) query = query.where('status', 'in', [...statuses]);
	return (await query.execute()).map(toEdition);
}

// ---------------------------------------------------------------------------------------------------
// Candidacies

const candidacyColumns = [
	'a.id',
	'a.edition_id',
	'a.city_id',
	'a.experience_id',
	'a.status',
	'a.original_language',
	'a.focus_area',
	'a.texts',
	'a.answers',
	'a.experience_facts',
	'a.title_key',
	'a.support_letter_key',
	'a.support_letter_name',
	'a.support_letter_size',
	'a.eligibility',
	'a.eligibility_checked_at',
	'a.status_reason',
	'a.version',
	'a.created_by',
	'a.created_at',
	'a.updated_at',
	'a.submitted_at',
	'c.name as city_name',
	'c.country_code as city_country_code'
] as const;

type CandidacyJoinedRow = CandidacyRow & { city_name: string; city_country_code: string };

export function toCandidacy(row: CandidacyJoinedRow): Candidacy {
	const language = row.original_language;
	return {
		id: Number(row.id),
		editionId: Number(row.edition_id),
		city: { id: Number(row.city_id), name: row.city_name, countryCode: row.city_country_code },
		experienceId: Number(row.experience_id),
		status: row.status as CandidacyStatus,
		originalLanguage: (isLocale(language) ? language : 'es') as Locale,
		focusArea: row.focus_area,
		texts: parse(row.texts, {}),
		answers: parse(row.answers, {}),
		facts: parse(row.experience_facts, {
			startDate: null,
			endDate: null,
			ongoing: false,
			principles: [],
			topics: [],
			targetGroups: [],
			sdgs: [],
			links: []
		}),
		supportLetter: row.support_letter_key
			? { name: row.support_letter_name ?? 'letter.pdf', byteSize: Number(row.support_letter_size ?? 0) }
			: null,
		eligibility: parse(row.eligibility, null),
		eligibilityCheckedAt: row.eligibility_checked_at,
		statusReason: row.status_reason,
		version: Number(row.version),
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		submittedAt: row.submitted_at
	};
}

function candidacies(db: DbOrTrx) {
	return db.selectFrom('award_candidacy as a').innerJoin('city as c', 'c.id', 'a.city_id').select(candidacyColumns);
}

export async function findCandidacyRow(db: DbOrTrx, id: number): Promise<CandidacyJoinedRow | undefined> {
	return (await candidacies(db).where('a.id', '=', id).executeTakeFirst()) as CandidacyJoinedRow | undefined;
}

export async function findCandidacy(db: DbOrTrx, id: number): Promise<Candidacy | undefined> {
	const row = await findCandidacyRow(db, id);
	return row && toCandidacy(row);
}

/** An edition's candidacies, optionally of some statuses or cities, by title. */
export async function listCandidacies(
	db: DbOrTrx,
	editionId: number,
	filter: { statuses?: readonly CandidacyStatus[]; cityIds?: readonly number[]; ids?: readonly number[] } = {}
): Promise<Candidacy[]> {
	let query = candidacies(db).where('a.edition_id', '=', editionId);
	if (filter.statuses) query = query.where('a.status', 'in', filter.statuses.length ? [...filter.statuses] : ['-']);
	if (filter.cityIds) query = query.where('a.city_id', 'in', filter.cityIds.length ? [...filter.cityIds] : [-1]);
	if (filter.ids) query = query.where('a.id', 'in', filter.ids.length ? [...filter.ids] : [-1]);
	const rows = await query.orderBy('a.title_key').orderBy('a.id').execute();
	return (rows as CandidacyJoinedRow[]).map(toCandidacy);
}

/** A city's candidacies across editions, newest edition first. */
export async function listCandidaciesOfCities(db: DbOrTrx, cityIds: readonly number[]): Promise<Candidacy[]> {
	if (!cityIds.length) return [];
	const rows = await candidacies(db)
		.innerJoin('award_edition as ed', 'ed.id', 'a.edition_id')
		.where('a.city_id', 'in', [...cityIds])
		.orderBy('ed.year', 'desc')
		.orderBy('a.id')
		.execute();
	return (rows as CandidacyJoinedRow[]).map(toCandidacy);
}

// ---------------------------------------------------------------------------------------------------
// Jury

export async function listJurors(db: DbOrTrx, editionId: number): Promise<Juror[]> {
	const rows = await db
		.selectFrom('award_juror as j')
		.innerJoin('auth_user as u', 'u.id', 'j.user_id')
		.leftJoin('city as c', 'c.id', 'j.city_id')
		.select([
			'j.id',
			'j.edition_id',
			'j.user_id',
			'j.city_id',
			'j.is_chair',
			'u.name',
			'u.email',
			'u.locale',
			'c.name as city_name',
			'c.country_code'
		])
		.where('j.edition_id', '=', editionId)
		.orderBy('j.is_chair', 'desc')
		.orderBy('u.name')
		.execute();
	return rows.map((row) => ({
		id: Number(row.id),
		editionId: Number(row.edition_id),
		userId: row.user_id,
		name: row.name,
		email: row.email,
		locale: row.locale && isLocale(row.locale) ? row.locale : null,
		city:
			row.city_id !== null && row.city_name ? { id: Number(row.city_id), name: row.city_name, countryCode: row.country_code ?? '' } : null,
		isChair: flag(row.is_chair)
	}));
}

/** The actor's seat on an edition's jury, if any. The jury table, not the role grant, is the authority. */
export async function findJurorOfUser(db: DbOrTrx, editionId: number, userId: string): Promise<Juror | undefined> {
	return (await listJurors(db, editionId)).find((j) => j.userId === userId);
}

export function toConflict(row: Selectable<AwardConflictTable>): Conflict {
	return {
		id: Number(row.id),
		jurorId: Number(row.juror_id),
		candidacyId: Number(row.candidacy_id),
		origin: row.origin as ConflictOrigin,
		reason: row.reason,
		status: row.status as ConflictStatus,
		decisionNote: row.decision_note,
		decidedByLabel: row.decided_by_label,
		decidedAt: row.decided_at,
		createdAt: row.created_at
	};
}

export async function listConflicts(
	db: DbOrTrx,
	editionId: number,
	filter: { jurorId?: number; candidacyId?: number } = {}
): Promise<Conflict[]> {
	let query = db.selectFrom('award_conflict').selectAll().where('edition_id', '=', editionId);
	if (filter.jurorId !== undefined) query = query.where('juror_id', '=', filter.jurorId);
	if (filter.candidacyId !== undefined) query = query.where('candidacy_id', '=', filter.candidacyId);
	return (await query.orderBy('id').execute()).map(toConflict);
}

/**
 * Pairs `${jurorId}:${candidacyId}` a juror must keep away from: any conflict still excluded or pending.
 * Own-city conflicts are created `excluded` and can never be cleared (the jury service refuses it).
 */
export function blockedPairs(conflicts: readonly Conflict[]): Set<string> {
	return new Set(conflicts.filter((c) => c.status !== 'cleared').map((c) => `${c.jurorId}:${c.candidacyId}`));
}

export function toReview(row: Selectable<AwardReviewTable>): Review {
	return {
		id: Number(row.id),
		jurorId: Number(row.juror_id),
		candidacyId: Number(row.candidacy_id),
		status: row.status as ReviewStatus,
		scores: parse(row.scores, {}),
		version: Number(row.version),
		updatedAt: row.updated_at,
		submittedAt: row.submitted_at
	};
}

export async function listReviews(
	db: DbOrTrx,
	editionId: number,
	filter: { jurorId?: number; candidacyId?: number } = {}
): Promise<Review[]> {
	let query = db.selectFrom('award_review').selectAll().where('edition_id', '=', editionId);
	if (filter.jurorId !== undefined) query = query.where('juror_id', '=', filter.jurorId);
	if (filter.candidacyId !== undefined) query = query.where('candidacy_id', '=', filter.candidacyId);
	return (await query.orderBy('candidacy_id').orderBy('juror_id').execute()).map(toReview);
}

// ---------------------------------------------------------------------------------------------------
// Deliberation

function toDecision(row: Selectable<AwardDecisionTable>): Decision {
	return {
		id: Number(row.id),
		roundId: Number(row.round_id),
		candidacyId: row.candidacy_id === null ? null : Number(row.candidacy_id),
		outcome: row.outcome as DecisionOutcome,
		basis: row.basis as DecisionBasis,
		votesFor: row.votes_for === null ? null : Number(row.votes_for),
		votesAgainst: row.votes_against === null ? null : Number(row.votes_against),
		abstentions: row.abstentions === null ? null : Number(row.abstentions),
		note: row.note
	};
}

function toRound(row: Selectable<AwardRoundTable>, decisions: Decision[]): Round {
	return {
		id: Number(row.id),
		editionId: Number(row.edition_id),
		number: Number(row.number),
		kind: row.kind as RoundKind,
		status: row.status as RoundStatus,
		minutes: row.minutes,
		minutesApprovedAt: row.minutes_approved_at,
		closedAt: row.closed_at,
		closedByLabel: row.closed_by_label,
		version: Number(row.version),
		decisions: decisions.filter((d) => d.roundId === Number(row.id))
	};
}

/** An edition's rounds in order, each with its decisions. */
export async function listRounds(db: DbOrTrx, editionId: number): Promise<Round[]> {
	const rounds = await db.selectFrom('award_round').selectAll().where('edition_id', '=', editionId).orderBy('number').execute();
	if (!rounds.length) return [];
	const decisions = (
		await db
			.selectFrom('award_decision')
			.selectAll()
			.where(
				'round_id',
				'in',
				rounds.map((r) => Number(r.id))
			)
			.orderBy('id')
			.execute()
	).map(toDecision);
	return rounds.map((r) => toRound(r, decisions));
}

/**
 * The standing outcome of each candidacy: the decision of the latest closed round that names it (a later
 * round supersedes an earlier one: a shortlisted city may become a finalist, then a winner). `void` is
 * reported under the key 0.
 */
export function standingOutcomes(rounds: readonly Round[]): Map<number, Decision> {
	const standing = new Map<number, Decision>();
	for (const round of rounds) {
		if (round.status !== 'closed') continue;
		for (const decision of round.decisions) standing.set(decision.candidacyId ?? 0, decision);
	}
	return standing;
}

export type { Locale };
