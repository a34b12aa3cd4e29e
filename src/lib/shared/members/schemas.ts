import { z } from 'zod';
import { locales } from '../i18n.ts';
import {
	dateField,
	moneyField,
	optionalDate,
	optionalNumber,
	optionalText,
	pageField,
	pageSizeField,
	requiredNumber,
	requiredText
} from '../core/forms.ts';
import { cityStatuses, citySortKeys, contactKinds, currencies, incomeGroups, paymentMethods, regionCodes } from './constants.ts';

export const countryCodeSchema = z
	.string({ error: 'common.validation.required' })
	.trim()
	.toUpperCase()
	.regex(/^[A-Z]{2}$/, { error: 'members.validation.country' });

const languageList = z.preprocess(
	(v) =>
		(Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : '')
			.split(/[,;\s]+/)
			.map((s) => s.trim().toLowerCase())
			.filter(Boolean),
	z.array(z.string().regex(/^[a-z]{2,3}$/, { error: 'members.validation.languages' })).max(12, { error: 'common.validation.too_long' })
);

const website = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
	z
		.url({ protocol: /^https?$/, error: 'members.validation.website' })
		.max(500, { error: 'common.validation.too_long' })
		.optional()
);

export const cityFieldsSchema = z
	.object({
		name: requiredText(200),
		countryCode: countryCodeSchema,
		subdivision: optionalText(200),
		population: requiredNumber(
			z
				.number({ error: 'common.validation.number' })
				.int({ error: 'common.validation.integer' })
				.min(0, { error: 'common.validation.too_small' })
				.max(60_000_000, { error: 'common.validation.too_big' })
		),
		latitude: optionalNumber(
			z
				.number({ error: 'common.validation.number' })
				.min(-90, { error: 'members.validation.latitude' })
				.max(90, { error: 'members.validation.latitude' })
		),
		longitude: optionalNumber(
			z
				.number({ error: 'common.validation.number' })
				.min(-180, { error: 'members.validation.longitude' })
				.max(180, { error: 'members.validation.longitude' })
		),
		website,
		languages: languageList,
		joinedOn: optionalDate,
		governmentChangedOn: optionalDate
	})
	.refine((v) => (v.latitude === undefined) === (v.longitude === undefined), {
		path: ['longitude'],
		error: 'members.validation.coordinates_pair'
	});

export const createCitySchema = cityFieldsSchema.and(
	z.object({ status: z.enum(cityStatuses, { error: 'common.validation.invalid_choice' }).default('candidate') })
);

export const updateCitySchema = cityFieldsSchema.and(z.object({ version: requiredNumber(z.number().int().min(1)) }));

export const changeStatusSchema = z.object({
	status: z.enum(cityStatuses, { error: 'common.validation.invalid_choice' }),
	reason: requiredText(1000),
	changedOn: dateField
});

export const contactSchema = z.object({
	kind: z.enum(contactKinds, { error: 'common.validation.invalid_choice' }),
	name: requiredText(200),
	position: optionalText(200),
	email: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim().toLowerCase() : v),
		z.email({ error: 'common.validation.email' }).max(254).optional()
	),
	phone: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
		z
			.string()
			.regex(/^[+()0-9 .-]{5,40}$/, { error: 'members.validation.phone' })
			.optional()
	),
	language: z.enum(locales, { error: 'common.validation.invalid_choice' })
});

export const countrySchema = z.object({
	region: z.enum(regionCodes, { error: 'common.validation.invalid_choice' }),
	incomeGroup: z.enum(incomeGroups, { error: 'common.validation.invalid_choice' })
});

export const createFeeSchema = z.object({
	year: requiredNumber(
		z
			.number({ error: 'common.validation.number' })
			.int()
			.min(1990, { error: 'common.validation.too_small' })
			.max(2100, { error: 'common.validation.too_big' })
	),
	amount: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), moneyField.optional()),
	currency: z.enum(currencies, { error: 'common.validation.invalid_choice' }).default('EUR'),
	dueOn: dateField,
	invoiceNumber: optionalText(40)
});

export const paymentSchema = z
	.object({
		amount: moneyField,
		currency: z.enum(currencies, { error: 'common.validation.invalid_choice' }).default('EUR'),
		paidOn: dateField,
		method: z.enum(paymentMethods, { error: 'common.validation.invalid_choice' }),
		intermediary: optionalText(200),
		reference: optionalText(200)
	})
	.refine((v) => v.method !== 'local_intermediary' || !!v.intermediary, {
		path: ['intermediary'],
		error: 'members.validation.intermediary_required'
	});

const centsFromEuros = requiredNumber(z.number({ error: 'common.validation.number' }).min(0).max(1_000_000)).transform((v) =>
	Math.round(v * 100)
);

export const feeGridBandSchema = z.object({
	band: requiredText(40),
	minPopulation: requiredNumber(z.number().int().min(0)),
	maxPopulation: optionalNumber(z.number().int().min(0)),
	feeI: centsFromEuros,
	feeII: centsFromEuros,
	feeIII: centsFromEuros,
	feeIV: centsFromEuros
});

export const feeGridSchema = z.object({
	year: requiredNumber(z.number().int().min(1990).max(2100)),
	currency: z.enum(currencies).default('EUR'),
	bands: z.array(feeGridBandSchema).min(1)
});

const optionalFilter = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

export const cityListQuerySchema = z.object({
	q: optionalFilter(z.string().max(200)),
	country: optionalFilter(countryCodeSchema),
	region: optionalFilter(z.enum(regionCodes)),
	network: optionalFilter(z.coerce.number().int().positive()),
	/** A status; `current` is active or in arrears (today's members); `any` is every status. */
	status: optionalFilter(z.enum([...cityStatuses, 'current', 'any'])),
	/** Only cities whose government team changed recently (flagged for onboarding training). */
	onboarding: optionalFilter(z.enum(['1'])),
	sort: optionalFilter(z.enum(citySortKeys)),
	page: pageField,
	pageSize: pageSizeField(25)
});

export type CityListQuery = z.infer<typeof cityListQuerySchema>;
export type CityFields = z.infer<typeof cityFieldsSchema>;
export type ContactInput = z.infer<typeof contactSchema>;
export type PaymentInput = z.infer<typeof paymentSchema>;
