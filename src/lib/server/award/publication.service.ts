// Publication of an edition's results, and what each candidate city reads afterwards: its outcome and,
// when the edition shares it, the jury's feedback — the comments and the means per criterion, never who
// wrote them.
import type { Db, DbOrTrx } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import { recordAudit } from '../core/audit.ts';
import { translatorFor } from '../core/i18n.ts';
import { conflict, fail, notFound, ok, validate, type Result } from '../core/result.ts';
import { listCityRepresentatives } from '../accounts/index.ts';
import { isLocale, type Locale } from '../../shared/i18n.ts';
import type { CandidacyStatus } from '../../shared/award/constants.ts';
import type { Candidacy, Edition, EditionTexts, Localized, Round } from '../../shared/award/types.ts';
import {
	awardCertificateOutcomes,
	awardOutcomeMessageKey,
	publishResultsSchema,
	type AwardCandidateOutcome
} from '../../shared/award/deliberation-schemas.ts';
import { canOnAward } from './award.policy.ts';
import {
	blockedPairs,
	findCandidacy,
	findEditionById,
	findEditionByYear,
	findJurorOfUser,
	listCandidacies,
	listConflicts,
	listReviews,
	listRounds,
	standingOutcomes
} from './award.repository.ts';
import { awardPublicationBlocker } from './deliberation.service.ts';
import { nowOf, type AwardDeps } from './deps.ts';
import * as repo from './deliberation.repository.ts';

/** The candidacies told about the results: every one that was submitted, whatever became of it. */
const notifiedStatuses: readonly CandidacyStatus[] = ['submitted', 'admitted', 'rejected'];

/** Where a candidacy ended: the standing decision of the last closed round naming it, or not selected / not admitted. */
export function awardCandidateOutcome(candidacy: Pick<Candidacy, 'id' | 'status'>, rounds: readonly Round[]): AwardCandidateOutcome {
	const decision = standingOutcomes(rounds).get(candidacy.id);
	if (decision && decision.outcome !== 'void') return decision.outcome;
	return candidacy.status === 'admitted' ? 'not_selected' : 'not_admitted';
}

const titleOf = (candidacy: Candidacy, locale: Locale) =>
	candidacy.texts[locale]?.title ?? candidacy.texts[candidacy.originalLanguage]?.title ?? `#${candidacy.id}`;
const themeOf = (edition: Edition, locale: Locale) =>
	edition.texts[locale]?.theme ?? edition.texts.en?.theme ?? Object.values(edition.texts)[0]?.theme ?? '';

async function notifyCandidates(
	deps: AwardDeps,
	trx: DbOrTrx,
	edition: Edition,
	candidacies: Candidacy[],
	rounds: Round[]
): Promise<number> {
	let sent = 0;
	const base = deps.publicUrl.replace(/\/+$/, '');
	for (const candidacy of candidacies) {
		const outcome = awardCandidateOutcome(candidacy, rounds);
		for (const person of await listCityRepresentatives(trx, candidacy.city.id)) {
			const locale: Locale = isLocale(person.locale) ? person.locale : candidacy.originalLanguage;
			const t = translatorFor(locale);
			const values = {
				year: String(edition.year),
				city: candidacy.city.name,
				title: titleOf(candidacy, locale),
				theme: themeOf(edition, locale)
			};
			await deps.mailer.send(trx, {
				to: person.email,
				locale,
				subject: t('award.publication.mail_subject', values),
				text: [
					t('award.publication.mail_greeting', { name: person.name }),
					'',
					t('award.publication.mail_body', values),
					'',
					t('award.publication.mail_outcome', { outcome: t(awardOutcomeMessageKey(outcome)) }),
					...((awardCertificateOutcomes as readonly string[]).includes(outcome) ? ['', t('award.publication.mail_certificate')] : []),
					...(edition.shareFeedback && candidacy.status === 'admitted' ? ['', t('award.publication.mail_feedback')] : []),
					'',
					t('award.publication.mail_link', { url: `${base}/${locale}/my/award/${candidacy.id}/results` })
				].join('\n')
			});
			sent++;
		}
	}
	return sent;
}

/**
 * The secretariat publishes the results once the chair has closed a winners round (with winners, or the
 * award declared void): the public pages show them from then on, and every candidate city's
 * representatives get an e-mail in their own language.
 */
export async function publishAwardResults(
	deps: AwardDeps,
	actor: Actor | null,
	year: number,
	input: unknown = {}
): Promise<Result<{ publishedAt: string; notified: number }>> {
	const { db } = deps;
	if (!actor) return notFound();
	const edition = await findEditionByYear(db, year);
	if (!edition || edition.status === 'history') return notFound();
	if (!canOnAward(actor, 'results.publish')) {
		const seat = await findJurorOfUser(db, edition.id, actor.userId);
		return seat ? fail(403, 'common.errors.forbidden') : notFound();
	}
	const parsed = validate(publishResultsSchema, input);
	if (!parsed.ok) return parsed;
	const now = nowOf(deps);
	const rounds = await listRounds(db, edition.id);
	const blocker = awardPublicationBlocker(edition, rounds, now);
	if (blocker) return conflict(blocker);
	if (parsed.value.version !== undefined && parsed.value.version !== edition.version) return conflict('common.errors.stale');
	return db.transaction().execute(async (trx) => {
		const publishedAt = now.toISOString();
		if (!(await repo.setResultsPublished(trx, edition.id, parsed.value.version, publishedAt))) return conflict('common.errors.stale');
		const candidacies = await listCandidacies(trx, edition.id, { statuses: notifiedStatuses });
		const notified = await notifyCandidates(deps, trx, edition, candidacies, rounds);
		const standing = standingOutcomes(rounds);
		await recordAudit(trx, actor, {
			action: 'award.results_publish',
			entityType: 'award_edition',
			entityId: edition.id,
			summary: {
				year,
				publishedAt,
				winners: [...standing.values()].filter((d) => d.outcome === 'winner').map((d) => d.candidacyId),
				declaredVoid: standing.has(0),
				candidacies: candidacies.length,
				notified
			}
		});
		return ok({ publishedAt, notified });
	});
}

// ---------------------------------------------------------------------------------------------------
// What a candidate reads

export interface AwardCandidateContext {
	candidacy: Candidacy;
	edition: Edition;
	rounds: Round[];
	outcome: AwardCandidateOutcome;
}

/**
 * A candidacy of one of the actor's cities (or any, for the secretariat) whose edition has published its
 * results. Before publication the code says so; a candidacy never submitted has no results.
 */
export async function loadAwardCandidateOutcome(
	db: DbOrTrx,
	actor: Actor | null,
	candidacyId: number
): Promise<Result<AwardCandidateContext>> {
	const candidacy = await findCandidacy(db, candidacyId);
	if (!candidacy || candidacy.status === 'draft') return notFound();
	if (!canOnAward(actor, 'candidacy.view', { cityId: candidacy.city.id })) return notFound();
	const edition = await findEditionById(db, candidacy.editionId);
	if (!edition) return notFound();
	if (!edition.resultsPublishedAt) return fail(409, 'award.feedback.not_published');
	const rounds = await listRounds(db, edition.id);
	return ok({ candidacy, edition, rounds, outcome: awardCandidateOutcome(candidacy, rounds) });
}

export interface AwardFeedbackView {
	candidacy: {
		id: number;
		status: CandidacyStatus;
		originalLanguage: Locale;
		titles: Partial<Record<Locale, string>>;
		city: { id: number; name: string; countryCode: string };
	};
	edition: {
		year: number;
		texts: Partial<Record<Locale, EditionTexts>>;
		scaleMin: number;
		scaleMax: number;
		resultsPublishedAt: string;
		shareFeedback: boolean;
	};
	outcome: AwardCandidateOutcome;
	certificateAvailable: boolean;
	/** Null when the edition does not share the jury's feedback (or the candidacy was not judged). */
	feedback: {
		reviewCount: number;
		criteria: { code: string; names: Localized; weight: number; mean: number | null; comments: string[] }[];
	} | null;
}

/**
 * The outcome and, if the edition shares it, the jury's feedback for the city: per criterion the mean score
 * and the comments, in an order that does not follow the jurors (each list is sorted), and nothing that
 * names or numbers a juror.
 */
export async function getAwardFeedback(db: Db, actor: Actor | null, candidacyId: number): Promise<Result<AwardFeedbackView>> {
	const loaded = await loadAwardCandidateOutcome(db, actor, candidacyId);
	if (!loaded.ok) return loaded;
	const { candidacy, edition, outcome } = loaded.value;
	let feedback: AwardFeedbackView['feedback'] = null;
	if (edition.shareFeedback && candidacy.status === 'admitted') {
		const blocked = blockedPairs(await listConflicts(db, edition.id, { candidacyId }));
		const reviews = (await listReviews(db, edition.id, { candidacyId })).filter(
			(r) => r.status === 'submitted' && !blocked.has(`${r.jurorId}:${r.candidacyId}`)
		);
		const collator = new Intl.Collator(candidacy.originalLanguage);
		feedback = {
			reviewCount: reviews.length,
			criteria: edition.criteria.map((criterion) => {
				const scores = reviews.map((r) => r.scores[criterion.code]?.score).filter((s): s is number => typeof s === 'number');
				const comments = reviews
					.map((r) => (r.scores[criterion.code]?.comment ?? '').trim())
					.filter(Boolean)
					.sort(collator.compare);
				return {
					code: criterion.code,
					names: criterion.names,
					weight: criterion.weight,
					mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
					comments
				};
			})
		};
	}
	const titles: Partial<Record<Locale, string>> = {};
	for (const [locale, texts] of Object.entries(candidacy.texts) as [Locale, { title?: string } | undefined][])
		if (texts?.title) titles[locale] = texts.title;
	return ok({
		candidacy: { id: candidacy.id, status: candidacy.status, originalLanguage: candidacy.originalLanguage, titles, city: candidacy.city },
		edition: {
			year: edition.year,
			texts: edition.texts,
			scaleMin: edition.scaleMin,
			scaleMax: edition.scaleMax,
			resultsPublishedAt: edition.resultsPublishedAt!,
			shareFeedback: edition.shareFeedback
		},
		outcome,
		certificateAvailable: (awardCertificateOutcomes as readonly string[]).includes(outcome),
		feedback
	});
}
