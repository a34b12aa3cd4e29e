// What the chair, the jury and the secretariat send during the deliberation and at publication. Error
// messages are i18n keys. Whether an outcome fits the round, the edition's limits and the earlier rounds
// depend on the database, so the service checks them.
import { z } from 'zod';
import { versionField } from '../experiences/schemas.ts';
import {
	awardLimits,
	decisionBases,
	decisionOutcomes,
	roundKinds,
	type CandidacyStatus,
	type DecisionOutcome,
	type RoundKind
} from './constants.ts';
import type { Locale } from '../i18n.ts';

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => v === '' || v === null || v === undefined;
const idField = z.coerce.number({ error: 'common.validation.invalid' }).int().positive({ error: 'common.validation.invalid' });

/** A count of votes: a whole number from 0; blank means "not given". */
const voteCount = z.preprocess(
	(v) => {
		const value = single(v);
		return blank(value) ? undefined : typeof value === 'string' ? Number(value.trim()) : value;
	},
	z
		.number({ error: 'award.decision.votes_invalid' })
		.int({ error: 'award.decision.votes_invalid' })
		.min(0, { error: 'award.decision.votes_invalid' })
		.max(1000, { error: 'award.decision.votes_invalid' })
		.optional()
);

export const openRoundSchema = z.object({
	kind: z.preprocess(single, z.enum(roundKinds, { error: 'award.round.kind_required' }))
});
export type OpenRoundInput = z.infer<typeof openRoundSchema>;

/**
 * One decision of a round: a candidacy and its outcome (no candidacy when the award is declared void),
 * on consensus or by a vote whose counts are then required.
 */
export const decisionSchema = z
	.object({
		version: z.preprocess(single, versionField),
		candidacyId: z.preprocess((v) => (blank(single(v)) ? undefined : single(v)), idField.optional()),
		outcome: z.preprocess(single, z.enum(decisionOutcomes, { error: 'award.decision.outcome_required' })),
		basis: z.preprocess(single, z.enum(decisionBases, { error: 'award.decision.basis_required' })),
		votesFor: voteCount,
		votesAgainst: voteCount,
		abstentions: voteCount,
		note: z.preprocess(
			(v) => {
				const value = single(v);
				return typeof value === 'string' ? (value.trim() === '' ? undefined : value.trim()) : value;
			},
			z.string().max(awardLimits.reasonMaxLength, { error: 'common.validation.too_long' }).optional()
		)
	})
	.superRefine((value, ctx) => {
		if (value.outcome !== 'void' && value.candidacyId === undefined)
			ctx.addIssue({ code: 'custom', path: ['candidacyId'], message: 'award.decision.candidacy_required' });
		if (value.basis === 'vote')
			for (const field of ['votesFor', 'votesAgainst', 'abstentions'] as const)
				if (value[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'award.decision.votes_required' });
	});
export type DecisionInput = z.infer<typeof decisionSchema>;

export const removeDecisionSchema = z.object({
	version: z.preprocess(single, versionField),
	decisionId: z.preprocess(single, idField)
});

export const roundVersionSchema = z.object({ version: z.preprocess(single, versionField) });

export const minutesSchema = z.object({
	version: z.preprocess(single, versionField),
	minutes: z.preprocess(
		(v) => (blank(single(v)) ? '' : typeof single(v) === 'string' ? String(single(v)).replace(/\r\n/g, '\n').trim() : single(v)),
		z.string({ error: 'common.validation.invalid' }).max(awardLimits.minutesMaxLength, { error: 'common.validation.too_long' })
	)
});

export const reopenRoundSchema = z.object({
	version: z.preprocess(single, versionField),
	reason: z.preprocess(
		single,
		z
			.string({ error: 'award.round.reason_required' })
			.trim()
			.min(1, { error: 'award.round.reason_required' })
			.max(awardLimits.reasonMaxLength, { error: 'common.validation.too_long' })
	)
});

/** The edition's version, when the page sends it, so that a publication based on a stale page is refused. */
export const publishResultsSchema = z.object({
	version: z.preprocess((v) => (blank(single(v)) ? undefined : single(v)), z.coerce.number().int().min(1).optional())
});

export const awardExportKinds = ['candidacies', 'scores', 'decisions'] as const;
export type AwardExportKind = (typeof awardExportKinds)[number];

/** Where a candidacy ended, as its city reads it: a decision's outcome, or not selected / not admitted. */
export type AwardCandidateOutcome = Exclude<(typeof decisionOutcomes)[number], 'void'> | 'not_selected' | 'not_admitted';

/** The distinctions that come with a certificate. */
export const awardCertificateOutcomes = ['winner', 'special_mention', 'finalist'] as const;

export function awardOutcomeMessageKey(outcome: AwardCandidateOutcome): string {
	return outcome === 'not_selected' || outcome === 'not_admitted' ? `award.feedback.outcome_${outcome}` : `award.outcome.${outcome}`;
}

/** How a candidacy is named to a viewer: jurors of a blind edition see only its number (`hidden`). */
export interface AwardCandidacyLabel {
	id: number;
	hidden: boolean;
	originalLanguage: Locale;
	titles: Partial<Record<Locale, string>>;
	city: { name: string; countryCode: string } | null;
	status: CandidacyStatus;
}

/** Which outcomes each kind of round may record. */
export const awardOutcomesByKind: Record<RoundKind, readonly DecisionOutcome[]> = {
	shortlist: ['shortlisted'],
	finalists: ['finalist'],
	winners: ['winner', 'special_mention', 'void']
};
