// What the secretariat sends to constitute the jury and assign candidacies, and what jurors send to score
// and declare conflicts. Error messages are i18n keys. The score scale and the criteria depend on the
// edition, so the service checks them.
import { z } from 'zod';
import { versionField } from '../experiences/schemas.ts';
import { awardLimits } from './constants.ts';

const idField = z.coerce.number({ error: 'common.validation.invalid' }).int().positive({ error: 'common.validation.invalid' });
const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const booleanField = z.preprocess((v) => {
	const value = single(v);
	return value === true || value === 'true' || value === 'on' || value === '1' || value === 1;
}, z.boolean());

const reasonText = (requiredKey: string) =>
	z.preprocess(
		single,
		z
			.string({ error: requiredKey })
			.trim()
			.min(1, { error: requiredKey })
			.max(awardLimits.reasonMaxLength, { error: 'common.validation.too_long' })
	);

/** A juror added by the e-mail of an existing account; a city for an Executive Committee seat, none for a specialist. */
export const addJurorSchema = z.object({
	email: z.preprocess(
		(v) => (typeof single(v) === 'string' ? String(single(v)).trim().toLowerCase() : single(v)),
		z.email({ error: 'common.validation.email' }).max(254, { error: 'common.validation.email' })
	),
	cityId: z.preprocess((v) => {
		const value = single(v);
		return value === '' || value === null || value === undefined ? null : value;
	}, idField.nullable()),
	isChair: booleanField.default(false)
});
export type AddJurorInput = z.infer<typeof addJurorSchema>;

export const jurorRefSchema = z.object({ jurorId: z.preprocess(single, idField) });

export const declareConflictSchema = z.object({ reason: reasonText('award.conflict.reason_required') });

export const conflictDecisions = ['exclude', 'clear'] as const;
export type ConflictDecision = (typeof conflictDecisions)[number];

/** The chair or the secretariat decides a flagged conflict; clearing one needs a note saying why. */
export const decideConflictSchema = z
	.object({
		decision: z.preprocess(single, z.enum(conflictDecisions, { error: 'award.conflict.decision_required' })),
		note: z.preprocess(
			(v) => (typeof single(v) === 'string' ? String(single(v)).trim() : (single(v) ?? '')),
			z.string().max(awardLimits.reasonMaxLength, { error: 'common.validation.too_long' })
		)
	})
	.superRefine((value, ctx) => {
		if (value.decision === 'clear' && !value.note)
			ctx.addIssue({ code: 'custom', path: ['note'], message: 'award.conflict.note_required' });
	});

export const balancedAssignmentSchema = z.object({
	perCandidacy: z.preprocess(
		(v) => (single(v) === '' ? undefined : single(v)),
		z.coerce
			.number({ error: 'award.jury.per_candidacy_invalid' })
			.int({ error: 'award.jury.per_candidacy_invalid' })
			.min(1, { error: 'award.jury.per_candidacy_invalid' })
			.max(50, { error: 'award.jury.per_candidacy_invalid' })
	),
	seed: z.preprocess(
		(v) => (single(v) === '' || single(v) === null ? undefined : single(v)),
		z.coerce
			.number({ error: 'award.jury.seed_invalid' })
			.int({ error: 'award.jury.seed_invalid' })
			.min(0, { error: 'award.jury.seed_invalid' })
			.max(2 ** 31 - 1, { error: 'award.jury.seed_invalid' })
			.optional()
	)
});

export const setAssignmentSchema = z.object({
	jurorId: z.preprocess(single, idField),
	candidacyId: z.preprocess(single, idField),
	assigned: booleanField
});

/** One criterion as typed: the score is checked against the edition's scale by the service. */
const criterionInputSchema = z.object({
	score: z.preprocess(
		(v) => {
			const value = single(v);
			return value === '' || value === undefined ? null : value;
		},
		z.union([z.number(), z.string().max(20), z.null()])
	),
	comment: z.preprocess(
		(v) => (typeof single(v) === 'string' ? String(single(v)).trim() : (single(v) ?? '')),
		z.string().max(awardLimits.commentMaxLength, { error: 'common.validation.too_long' })
	)
});

export const reviewInputSchema = z.object({
	scores: z.record(z.string().max(60), criterionInputSchema).optional(),
	version: versionField
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/**
 * A score form's flat fields (`scores.<code>.score`, `scores.<code>.comment`, `version`) as the nested input
 * the review services take. Works on `formToObject` output.
 */
export function reviewInputFromForm(values: Record<string, unknown>): Record<string, unknown> {
	const scores: Record<string, { score?: unknown; comment?: unknown }> = {};
	for (const [name, value] of Object.entries(values)) {
		const match = /^scores\.([^.]{1,60})\.(score|comment)$/.exec(name);
		if (!match) continue;
		(scores[match[1]] ??= {})[match[2] as 'score' | 'comment'] = value;
	}
	return { scores, version: values.version };
}
