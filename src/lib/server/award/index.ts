// The public surface of the award module: what routes and other modules may use.
export { canOnAward, type AwardAction, type AwardResource } from './award.policy.ts';
export { awardDepsOf, nowOf, type AwardDeps } from './deps.ts';
export {
	toEdition,
	findEditionByYear,
	findEditionById,
	listEditions,
	findCandidacy,
	listCandidacies,
	listCandidaciesOfCities,
	listJurors,
	findJurorOfUser,
	listConflicts,
	blockedPairs,
	listReviews,
	listRounds,
	standingOutcomes
} from './award.repository.ts';
export * from './editions.service.ts';
export * from './candidacies.service.ts';
export * from './jury.service.ts';
export * from './deliberation.service.ts';
export * from './results.ts';
export * from './publication.service.ts';
export { renderAwardCertificate } from './certificates.ts';
export { exportAwardCsv, awardCsvColumns } from './award.export.ts';
export { toPublicAwardEdition, toPublicAwardEditionSummary, awardOperations } from './award.openapi.ts';
