import { locales, type Locale } from '../i18n.ts';

/**
 * The working copy's state. A published record keeps its public version while a new revision
 * goes through draft → submitted → in review again; see `experience_listing`.
 */
export const experienceStatuses = ['draft', 'submitted', 'in_review', 'returned', 'published', 'archived'] as const;
export type ExperienceStatus = (typeof experienceStatuses)[number];

export const workflowActions = ['submit', 'start_review', 'return', 'publish', 'archive', 'restore', 'revise'] as const;
export type WorkflowAction = (typeof workflowActions)[number];

/** Which working states each transition starts from, and where it leads. */
export const transitions: Record<WorkflowAction, { from: readonly ExperienceStatus[]; to: ExperienceStatus }> = {
	submit: { from: ['draft', 'returned'], to: 'submitted' },
	start_review: { from: ['submitted'], to: 'in_review' },
	return: { from: ['submitted', 'in_review'], to: 'returned' },
	publish: { from: ['submitted', 'in_review'], to: 'published' },
	archive: { from: ['published'], to: 'archived' },
	restore: { from: ['archived'], to: 'published' },
	revise: { from: ['published'], to: 'draft' }
};

/** States in which the working copy may be edited (by the city: draft and returned only). */
export const cityEditableStatuses: readonly ExperienceStatus[] = ['draft', 'returned'];
export const staffEditableStatuses: readonly ExperienceStatus[] = ['draft', 'submitted', 'in_review', 'returned'];

/** Texts that may be written in each of the four languages. */
export const translatableFields = [
	'title',
	'summary',
	'description',
	'objectives',
	'methodology',
	'agents',
	'funding',
	'results',
	'lessons'
] as const;
export type TranslatableField = (typeof translatableFields)[number];

export const textLimits: Record<TranslatableField, number> = {
	title: 200,
	summary: 600,
	description: 20_000,
	objectives: 8_000,
	methodology: 12_000,
	agents: 6_000,
	funding: 2_000,
	results: 12_000,
	lessons: 8_000
};

export const banks = ['international', 'latin_american'] as const;
export type Bank = (typeof banks)[number];

export const territoryScopes = ['neighbourhood', 'district', 'city', 'metropolitan'] as const;
export type TerritoryScope = (typeof territoryScopes)[number];

export const budgetRanges = ['none', 'under_10k', '10k_50k', '50k_200k', '200k_1m', 'over_1m'] as const;
export type BudgetRange = (typeof budgetRanges)[number];

export const experienceSortKeys = ['relevance', 'newest', 'title', 'oldest'] as const;
export type ExperienceSort = (typeof experienceSortKeys)[number];

export const tagKinds = ['principle', 'topic', 'target', 'sdg'] as const;
export type TagKind = (typeof tagKinds)[number];

/** Facets shown beside a search, in display order. */
export const facetNames = ['bank', 'principle', 'topic', 'target', 'sdg', 'region', 'country', 'network', 'city', 'year', 'lang'] as const;
export type FacetName = (typeof facetNames)[number];

/** Fields the completeness indicator checks, in form order. */
export const completenessFields = [
	'title',
	'summary',
	'description',
	'objectives',
	'methodology',
	'agents',
	'targetGroups',
	'startDate',
	'budgetRange',
	'funding',
	'territoryScope',
	'results',
	'lessons',
	'contact',
	'links',
	'images',
	'principles',
	'topics',
	'sdgs'
] as const;
export type CompletenessField = (typeof completenessFields)[number];

/** Needed before a record can be submitted for review. */
export const requiredForSubmission: readonly CompletenessField[] = ['title', 'summary', 'description', 'principles', 'topics', 'startDate'];

export const experienceLanguages: readonly Locale[] = locales;

export const upload = {
	maxImageBytes: 8 * 1024 * 1024,
	maxDocumentBytes: 15 * 1024 * 1024,
	maxImagesPerExperience: 12,
	maxDocumentsPerExperience: 10,
	/** Widths the stored images are resized to (never enlarged). */
	imageWidths: [480, 1280] as const
};

export const charterVersion = '2020';
