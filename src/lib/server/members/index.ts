// The public surface of the members module: what routes and other modules may use.
export * from './members.service.ts';
export { canOnMembers, type MembersAction } from './members.policy.ts';
export { computeAnnualFeeCents, gridBandsFromReference } from './fees.ts';
export {
	listCityPoints,
	countCitiesByRegionAndCountry,
	listAllCities,
	listCountries,
	listCountriesInUse,
	findCityById,
	upsertCountry
} from './members.repository.ts';
export { listFeeGrids } from './fees.repository.ts';
export { exportCitiesCsv, importCitiesCsv, cityCsvColumns, type ImportReport } from './members.csv.ts';
export { toPublicCity, cityOperations } from './members.openapi.ts';
