import type { Locale } from '../i18n.ts';
import type { LanguageTexts } from '../experiences/schemas.ts';
import type {
	CandidacyStatus,
	ConflictOrigin,
	ConflictStatus,
	DecisionBasis,
	DecisionOutcome,
	EditionStatus,
	EligibilityRule,
	ReviewStatus,
	RoundKind,
	RoundStatus
} from './constants.ts';

export type Localized = Partial<Record<Locale, string>>;

export interface EditionTexts {
	theme: string;
	description: string;
	/** Where and when the prizes are given, e.g. "18th International Congress, Granollers". */
	ceremony: string;
}

export interface FocusArea {
	code: string;
	names: Localized;
}

export interface Criterion {
	code: string;
	/** Relative weight; totals are divided by the sum of weights. */
	weight: number;
	names: Localized;
	descriptions: Localized;
}

export interface CallQuestion {
	code: string;
	texts: Localized;
	maxLength: number;
}

export interface EditionHistory {
	entries: number | null;
	cities: number | null;
	countries: number | null;
	finalists: number | null;
	/** Names of the winning cities when known, otherwise how many there were. */
	winners: string[] | number | null;
}

export interface Edition {
	id: number;
	year: number;
	status: EditionStatus;
	texts: Partial<Record<Locale, EditionTexts>>;
	focusAreas: FocusArea[];
	criteria: Criterion[];
	questions: CallQuestion[];
	scaleMin: number;
	scaleMax: number;
	opensOn: string | null;
	/** Local date and time in `timeZone`, 'YYYY-MM-DDTHH:mm'. */
	deadline: string | null;
	timeZone: string;
	juryStartsOn: string | null;
	decisionOn: string | null;
	ceremonyOn: string | null;
	initiativeStartedBefore: string | null;
	maxCandidaciesPerCity: number;
	prizes: number;
	specialMentions: number;
	mayDeclareVoid: boolean;
	blindReview: boolean;
	jurorsSeeOtherScores: boolean;
	shareFeedback: boolean;
	congressHostCityId: number | null;
	previousWinnerCityIds: number[];
	rulesDocument: { name: string } | null;
	history: EditionHistory | null;
	resultsPublishedAt: string | null;
	version: number;
	createdAt: string;
	updatedAt: string;
}

export interface EligibilityCheck {
	rule: EligibilityRule;
	ok: boolean;
}

/** What the experience said when the candidacy was created: the candidacy keeps it even if the record changes. */
export interface ExperienceFacts {
	startDate: string | null;
	endDate: string | null;
	ongoing: boolean;
	principles: number[];
	topics: string[];
	targetGroups: string[];
	sdgs: number[];
	links: string[];
}

export interface Candidacy {
	id: number;
	editionId: number;
	city: { id: number; name: string; countryCode: string };
	experienceId: number;
	status: CandidacyStatus;
	originalLanguage: Locale;
	focusArea: string | null;
	texts: Partial<Record<Locale, LanguageTexts>>;
	answers: Record<string, string>;
	facts: ExperienceFacts;
	supportLetter: { name: string; byteSize: number } | null;
	eligibility: EligibilityCheck[] | null;
	eligibilityCheckedAt: string | null;
	/** The rejection reason or the message sent when it was reopened for a correction. */
	statusReason: string | null;
	version: number;
	createdAt: string;
	updatedAt: string;
	submittedAt: string | null;
}

export interface Juror {
	id: number;
	editionId: number;
	userId: string;
	name: string;
	email: string;
	locale: Locale | null;
	/** The Executive Committee city the juror sits for; null for a specialist. */
	city: { id: number; name: string; countryCode: string } | null;
	isChair: boolean;
}

export interface Conflict {
	id: number;
	jurorId: number;
	candidacyId: number;
	origin: ConflictOrigin;
	reason: string | null;
	status: ConflictStatus;
	decisionNote: string | null;
	decidedByLabel: string | null;
	decidedAt: string | null;
	createdAt: string;
}

export interface CriterionScore {
	score: number | null;
	comment: string;
}

export interface Review {
	id: number;
	jurorId: number;
	candidacyId: number;
	status: ReviewStatus;
	scores: Record<string, CriterionScore>;
	version: number;
	updatedAt: string;
	submittedAt: string | null;
}

export interface Round {
	id: number;
	editionId: number;
	number: number;
	kind: RoundKind;
	status: RoundStatus;
	minutes: string;
	minutesApprovedAt: string | null;
	closedAt: string | null;
	closedByLabel: string | null;
	version: number;
	decisions: Decision[];
}

export interface Decision {
	id: number;
	roundId: number;
	candidacyId: number | null;
	outcome: DecisionOutcome;
	basis: DecisionBasis;
	votesFor: number | null;
	votesAgainst: number | null;
	abstentions: number | null;
	note: string | null;
}
