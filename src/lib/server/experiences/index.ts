// The public surface of the experiences module: what routes and other modules may use.
export * from './experiences.service.ts';
export { canOnExperiences, allowedTransitions, type ExperiencesAction } from './experiences.policy.ts';
export { seedExperienceTopics } from './reference-data.ts';
export { toSummary, emptyFacets, countListings } from './experiences.repository.ts';
export { toPublicExperience, toPublicExperienceSummary, experienceOperations, type PublicExperience } from './experiences.openapi.ts';
export { exportExperiences, experiencesFeed, experienceQueryInput, experienceCsvColumns } from './experiences.export.ts';
export { importExperiences, detectImportFormat, type ExperienceImportReport, type ExperienceImportProblem } from './experiences.import.ts';
export { loadPublishedExperiences, existingExternalIds, type BulkExperience, type BulkLoadReport } from './experiences.bulk.ts';
export { facetLookups, facetValueNames, type FacetLookups } from './facet-names.ts';
