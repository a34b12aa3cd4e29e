// Fixed vocabularies of the award module, shared by the server and the pages.

export const editionStatuses = ['draft', 'announced', 'history'] as const;
export type EditionStatus = (typeof editionStatuses)[number];

/**
 * Where an edition stands, derived from its status, its timeline (in its own time zone) and whether the
 * results are out: draft → upcoming → open → judging → published. `history` is an earlier edition kept as
 * a record only.
 */
export const editionPhases = ['draft', 'upcoming', 'open', 'judging', 'published', 'history'] as const;
export type EditionPhase = (typeof editionPhases)[number];

export const candidacyStatuses = ['draft', 'submitted', 'admitted', 'rejected'] as const;
export type CandidacyStatus = (typeof candidacyStatuses)[number];

/** The eligibility rules, in the order a city reads them. */
export const eligibilityRules = [
	'active_member',
	'fees_up_to_date',
	'not_on_jury',
	'not_congress_host',
	'not_previous_winner',
	'initiative_started_in_time',
	'within_city_limit'
] as const;
export type EligibilityRule = (typeof eligibilityRules)[number];

export const conflictOrigins = ['own_city', 'same_country', 'shared_network', 'declared'] as const;
export type ConflictOrigin = (typeof conflictOrigins)[number];

/** `excluded` and `pending` both keep the juror away from the candidacy; `cleared` lets them judge it. */
export const conflictStatuses = ['excluded', 'pending', 'cleared'] as const;
export type ConflictStatus = (typeof conflictStatuses)[number];

export const reviewStatuses = ['assigned', 'draft', 'submitted'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const roundKinds = ['shortlist', 'finalists', 'winners'] as const;
export type RoundKind = (typeof roundKinds)[number];

export const roundStatuses = ['open', 'closed'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

export const decisionOutcomes = ['shortlisted', 'finalist', 'winner', 'special_mention', 'void'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

export const decisionBases = ['consensus', 'vote'] as const;
export type DecisionBasis = (typeof decisionBases)[number];

export const awardLimits = {
	supportLetterMaxBytes: 5 * 1024 * 1024,
	rulesDocumentMaxBytes: 10 * 1024 * 1024,
	answerMaxLength: 4000,
	commentMaxLength: 4000,
	minutesMaxLength: 20000,
	reasonMaxLength: 2000,
	maxCriteria: 12,
	maxQuestions: 10,
	maxFocusAreas: 10
} as const;
