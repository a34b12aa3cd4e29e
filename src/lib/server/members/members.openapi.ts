import { z } from 'zod';
import type { ApiOperation } from '../http/openapi.ts';
import { cityListQuerySchema, createCitySchema, updateCitySchema } from '../../shared/members/schemas.ts';
import { cityStatuses, regionCodes } from '../../shared/members/constants.ts';
import type { CityRow } from './members.repository.ts';

export const publicCitySchema = z.object({
	id: z.number().int(),
	name: z.string(),
	country: z.string().describe('ISO 3166-1 alpha-2'),
	region: z.enum(regionCodes),
	subdivision: z.string().nullable(),
	population: z.number().int(),
	latitude: z.number().nullable(),
	longitude: z.number().nullable(),
	website: z.string().nullable(),
	languages: z.array(z.string()),
	joinedOn: z.string().nullable(),
	status: z.enum(cityStatuses),
	statusChangedOn: z.string()
});

export const cityListResponseSchema = z.object({
	items: z.array(publicCitySchema),
	total: z.number().int(),
	page: z.number().int(),
	pageSize: z.number().int()
});

export const cityDetailResponseSchema = publicCitySchema.extend({
	version: z.number().int().describe('Send it back when updating'),
	networks: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string(), role: z.string() }))
});

export function toPublicCity(city: NonNullable<CityRow>): z.infer<typeof publicCitySchema> {
	return {
		id: city.id,
		name: city.name,
		country: city.country_code,
		region: city.region as z.infer<typeof publicCitySchema>['region'],
		subdivision: city.subdivision,
		population: city.population,
		latitude: city.latitude,
		longitude: city.longitude,
		website: city.website,
		languages: city.languages ? city.languages.split(',').filter(Boolean) : [],
		joinedOn: city.joined_on,
		status: city.status as z.infer<typeof publicCitySchema>['status'],
		statusChangedOn: city.status_changed_on
	};
}

export const cityOperations: ApiOperation[] = [
	{
		method: 'get',
		path: '/api/v1/cities',
		operationId: 'listCities',
		summary: 'Member cities, searchable (accent- and case-insensitive) and filterable, paginated',
		tags: ['members'],
		query: cityListQuerySchema,
		responses: { 200: { description: 'A page of cities', schema: cityListResponseSchema } }
	},
	{
		method: 'get',
		path: '/api/v1/cities.csv',
		operationId: 'exportCitiesCsv',
		summary: 'Every city matching the filters as CSV',
		tags: ['members'],
		query: cityListQuerySchema.omit({ page: true, pageSize: true }),
		responses: { 200: { description: 'CSV file', contentType: 'text/csv' } }
	},
	{
		method: 'get',
		path: '/api/v1/cities/{id}',
		operationId: 'getCity',
		summary: 'One member city with its networks',
		tags: ['members'],
		pathParams: z.object({ id: z.coerce.number().int().positive() }),
		query: z.object({ lang: z.enum(['es', 'en', 'fr', 'pt']).optional() }),
		responses: { 200: { description: 'The city', schema: cityDetailResponseSchema } }
	},
	{
		method: 'post',
		path: '/api/v1/cities',
		operationId: 'createCity',
		summary: 'Create a member city (secretariat; session cookie)',
		tags: ['members'],
		body: createCitySchema,
		responses: { 201: { description: 'The created city', schema: publicCitySchema } }
	},
	{
		method: 'patch',
		path: '/api/v1/cities/{id}',
		operationId: 'updateCity',
		summary: "Update a city (secretariat or the city's representative); send the version you read, fields left out keep their values",
		tags: ['members'],
		pathParams: z.object({ id: z.coerce.number().int().positive() }),
		body: updateCitySchema,
		responses: {
			200: { description: 'The updated city', schema: publicCitySchema.extend({ version: z.number().int() }) },
			409: { description: 'Someone else changed the city since you read it' }
		}
	}
];
