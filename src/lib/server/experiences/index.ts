// The public surface of the experiences module: what routes and other modules may use.
export * from './experiences.service.ts';
export { canOnExperiences, allowedTransitions, type ExperiencesAction } from './experiences.policy.ts';
export { seedExperienceTopics } from './reference-data.ts';
export { toSummary, emptyFacets, countListings } from './experiences.repository.ts';
