import { z } from 'zod';
import type { ApiOperation } from '../http/openapi.ts';
import { locales, type Locale } from '../../shared/i18n.ts';
import { networkKinds, networkRoles } from '../../shared/networks/constants.ts';
import { networkDescription, networkName } from '../../shared/networks/names.ts';
import { networkDetailQuerySchema, networkExportQuerySchema, networkListQuerySchema } from '../../shared/networks/schemas.ts';
import type { NetworkSummary } from './networks.service.ts';
import type { NetworkMemberRow, NetworkRow } from './networks.repository.ts';

const leadSchema = z.object({
	cityId: z.number().int(),
	name: z.string(),
	country: z.string().describe('ISO 3166-1 alpha-2')
});

export const publicNetworkSummarySchema = z.object({
	id: z.number().int(),
	slug: z.string(),
	kind: z.enum(networkKinds),
	name: z.string().describe('In the language asked for with `lang`'),
	description: z.string(),
	memberCount: z.number().int(),
	countryCount: z.number().int(),
	coordinator: leadSchema.nullable().describe('The coordinating city'),
	coCoordinators: z.array(leadSchema)
});

export const networkListResponseSchema = z.object({
	items: z.array(publicNetworkSummarySchema),
	total: z.number().int(),
	page: z.number().int(),
	pageSize: z.number().int(),
	lang: z.enum(locales)
});

const textsSchema = z.object({ name: z.string(), description: z.string() });

export const networkDetailResponseSchema = z.object({
	id: z.number().int(),
	slug: z.string(),
	kind: z.enum(networkKinds),
	name: z.string(),
	description: z.string(),
	lang: z.enum(locales),
	texts: z
		.object({ es: textsSchema, en: textsSchema, fr: textsSchema, pt: textsSchema })
		.describe('Name and description in every official language'),
	memberCount: z.number().int(),
	countryCount: z.number().int(),
	members: z.array(
		z.object({
			cityId: z.number().int(),
			name: z.string(),
			country: z.string().describe('ISO 3166-1 alpha-2'),
			role: z.enum(networkRoles),
			joinedOn: z.string(),
			latitude: z.number().nullable(),
			longitude: z.number().nullable()
		})
	)
});

const toLead = (lead: NetworkSummary['coordinator'] & object) => ({ cityId: lead.cityId, name: lead.name, country: lead.countryCode });

export function toPublicNetworkSummary(network: NetworkSummary): z.infer<typeof publicNetworkSummarySchema> {
	return {
		id: network.id,
		slug: network.slug,
		kind: network.kind,
		name: network.name,
		description: network.description,
		memberCount: network.memberCount,
		countryCount: network.countryCount,
		coordinator: network.coordinator ? toLead(network.coordinator) : null,
		coCoordinators: network.coCoordinators.map(toLead)
	};
}

export function toPublicNetworkDetail(
	network: NetworkRow,
	memberRows: NetworkMemberRow[],
	lang: Locale
): z.infer<typeof networkDetailResponseSchema> {
	const texts = Object.fromEntries(
		locales.map((l) => [l, { name: network[`name_${l}`], description: network[`description_${l}`] }])
	) as z.infer<typeof networkDetailResponseSchema>['texts'];
	return {
		id: network.id,
		slug: network.slug,
		kind: network.kind as z.infer<typeof networkDetailResponseSchema>['kind'],
		name: networkName(network, lang),
		description: networkDescription(network, lang),
		lang,
		texts,
		memberCount: memberRows.length,
		countryCount: new Set(memberRows.map((m) => m.country_code)).size,
		members: memberRows.map((m) => ({
			cityId: m.id,
			name: m.name,
			country: m.country_code,
			role: m.role as z.infer<typeof networkDetailResponseSchema>['members'][number]['role'],
			joinedOn: m.joined_on,
			latitude: m.latitude,
			longitude: m.longitude
		}))
	};
}

export const networkOperations: ApiOperation[] = [
	{
		method: 'get',
		path: '/api/v1/networks',
		operationId: 'listNetworks',
		summary: 'Territorial networks, delegations and thematic networks with member counts, paginated',
		tags: ['networks'],
		query: networkListQuerySchema,
		responses: { 200: { description: 'A page of networks', schema: networkListResponseSchema } }
	},
	{
		method: 'get',
		path: '/api/v1/networks.csv',
		operationId: 'exportNetworksCsv',
		summary: 'Every network (optionally of one kind) as CSV, texts in the language asked for',
		tags: ['networks'],
		query: networkExportQuerySchema,
		responses: { 200: { description: 'CSV file', contentType: 'text/csv' } }
	},
	{
		method: 'get',
		path: '/api/v1/networks/{id}',
		operationId: 'getNetwork',
		summary: 'One network with its member cities and their roles',
		tags: ['networks'],
		pathParams: z.object({ id: z.coerce.number().int().positive() }),
		query: networkDetailQuerySchema,
		responses: { 200: { description: 'The network', schema: networkDetailResponseSchema } }
	}
];
