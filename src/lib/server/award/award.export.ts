// CSV exports of an edition for the secretariat: candidacies, every score with its comment and juror, and
// the deliberation's decisions. Cells a spreadsheet would run as formulas are guarded (core/csv.ts).
import type { Db } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import { toCsv } from '../core/csv.ts';
import { notFound, ok, type Result } from '../core/result.ts';
import { awardExportKinds, type AwardExportKind } from '../../shared/award/deliberation-schemas.ts';
import type { Candidacy, Edition } from '../../shared/award/types.ts';
import { canOnAward } from './award.policy.ts';
import { findEditionByYear, listCandidacies, listJurors, listReviews, listRounds } from './award.repository.ts';

export const awardCsvColumns: Record<AwardExportKind, string[]> = {
	candidacies: [
		'id',
		'city_id',
		'city',
		'country',
		'status',
		'language',
		'focus_area',
		'title',
		'experience_id',
		'created_at',
		'submitted_at',
		'eligibility',
		'eligibility_checked_at',
		'status_reason'
	],
	scores: ['candidacy_id', 'candidacy_title', 'city', 'juror', 'criterion', 'weight', 'score', 'comment', 'status', 'submitted_at'],
	decisions: [
		'round',
		'kind',
		'round_status',
		'closed_at',
		'candidacy_id',
		'candidacy_title',
		'city',
		'outcome',
		'basis',
		'votes_for',
		'votes_against',
		'abstentions',
		'note'
	]
};

const titleOf = (c: Candidacy | undefined) => (c ? (c.texts[c.originalLanguage]?.title ?? '') : '');

/** "ok" when every rule passed, otherwise the failed rules separated by ";", empty when never checked. */
function eligibilityCell(c: Candidacy): string {
	if (!c.eligibility) return '';
	const failed = c.eligibility.filter((e) => !e.ok).map((e) => e.rule);
	return failed.length ? failed.join(';') : 'ok';
}

async function candidacyRows(db: Db, edition: Edition) {
	return (await listCandidacies(db, edition.id)).map((c) => ({
		id: c.id,
		city_id: c.city.id,
		city: c.city.name,
		country: c.city.countryCode,
		status: c.status,
		language: c.originalLanguage,
		focus_area: c.focusArea ?? '',
		title: titleOf(c),
		experience_id: c.experienceId,
		created_at: c.createdAt,
		submitted_at: c.submittedAt ?? '',
		eligibility: eligibilityCell(c),
		eligibility_checked_at: c.eligibilityCheckedAt ?? '',
		status_reason: c.statusReason ?? ''
	}));
}

async function scoreRows(db: Db, edition: Edition) {
	const [candidacies, jurors, reviews] = await Promise.all([
		listCandidacies(db, edition.id),
		listJurors(db, edition.id),
		listReviews(db, edition.id)
	]);
	const candidacyById = new Map(candidacies.map((c) => [c.id, c]));
	const jurorById = new Map(jurors.map((j) => [j.id, j]));
	return reviews.flatMap((review) => {
		const candidacy = candidacyById.get(review.candidacyId);
		return edition.criteria.map((criterion) => ({
			candidacy_id: review.candidacyId,
			candidacy_title: titleOf(candidacy),
			city: candidacy?.city.name ?? '',
			juror: jurorById.get(review.jurorId)?.name ?? `#${review.jurorId}`,
			criterion: criterion.code,
			weight: criterion.weight,
			score: review.scores[criterion.code]?.score ?? '',
			comment: review.scores[criterion.code]?.comment ?? '',
			status: review.status,
			submitted_at: review.submittedAt ?? ''
		}));
	});
}

async function decisionRows(db: Db, edition: Edition) {
	const [candidacies, rounds] = await Promise.all([listCandidacies(db, edition.id), listRounds(db, edition.id)]);
	const candidacyById = new Map(candidacies.map((c) => [c.id, c]));
	return rounds.flatMap((round) =>
		round.decisions.map((d) => {
			const candidacy = d.candidacyId === null ? undefined : candidacyById.get(d.candidacyId);
			return {
				round: round.number,
				kind: round.kind,
				round_status: round.status,
				closed_at: round.closedAt ?? '',
				candidacy_id: d.candidacyId ?? '',
				candidacy_title: titleOf(candidacy),
				city: candidacy?.city.name ?? '',
				outcome: d.outcome,
				basis: d.basis,
				votes_for: d.votesFor ?? '',
				votes_against: d.votesAgainst ?? '',
				abstentions: d.abstentions ?? '',
				note: d.note ?? ''
			};
		})
	);
}

/** One of the edition's CSV exports, for the secretariat only (anyone else: not found). */
export async function exportAwardCsv(
	db: Db,
	actor: Actor | null,
	year: number,
	kind: string
): Promise<Result<{ filename: string; contentType: string; body: string }>> {
	if (!canOnAward(actor, 'award.export')) return notFound();
	if (!(awardExportKinds as readonly string[]).includes(kind)) return notFound();
	const edition = await findEditionByYear(db, year);
	if (!edition) return notFound();
	const exportKind = kind as AwardExportKind;
	const rows =
		exportKind === 'candidacies'
			? await candidacyRows(db, edition)
			: exportKind === 'scores'
				? await scoreRows(db, edition)
				: await decisionRows(db, edition);
	// A byte-order mark so that spreadsheets read the accents as UTF-8.
	return ok({
		filename: `award-${edition.year}-${exportKind}.csv`,
		contentType: 'text/csv; charset=utf-8',
		body: `\uFEFF${toCsv(awardCsvColumns[exportKind], rows)}\r\n`
	});
}
