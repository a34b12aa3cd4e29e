/** Columns of the city CSV import and export, in order. */
export const cityCsvColumns = [
	'name',
	'country',
	'subdivision',
	'population',
	'latitude',
	'longitude',
	'website',
	'languages',
	'joined_on',
	'government_changed_on',
	'status'
] as const;
