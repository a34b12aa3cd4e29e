import { z } from 'zod';
import { locales } from '../i18n.ts';
import { pageField, pageSizeField, requiredText } from '../core/forms.ts';
import { networkKinds, networkRoles } from './constants.ts';

export const networkNameMaxLength = 200;
export const networkDescriptionMaxLength = 5000;

/** The texts of a network as form fields: `name_es`, `description_es`, ... one pair per official language. */
export const networkTextFields = locales.flatMap((l) => [`name_${l}`, `description_${l}`] as const);

export const networkTextsSchema = z.object({
	name_es: requiredText(networkNameMaxLength),
	name_en: requiredText(networkNameMaxLength),
	name_fr: requiredText(networkNameMaxLength),
	name_pt: requiredText(networkNameMaxLength),
	description_es: requiredText(networkDescriptionMaxLength),
	description_en: requiredText(networkDescriptionMaxLength),
	description_fr: requiredText(networkDescriptionMaxLength),
	description_pt: requiredText(networkDescriptionMaxLength)
});
export type NetworkTextsInput = z.infer<typeof networkTextsSchema>;

/** A city id from a form (text) or JSON (number); blank is "required", anything else not an id is "unknown city". */
const cityId = z.preprocess(
	(v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v.trim()) : v),
	z
		.number({ error: (issue) => (issue.input === undefined ? 'common.validation.required' : 'networks.validation.city_unknown') })
		.int({ error: 'networks.validation.city_unknown' })
		.positive({ error: 'networks.validation.city_unknown' })
);

/** One id chosen in a single select; blank means none. */
const optionalCityId = z.preprocess((v) => (v === '' || v === null ? undefined : v), cityId.optional());

/** Several ids from a multiple select or repeated checkboxes (FormData gives a string or an array). */
const cityIdList = z.preprocess(
	(v) => (v === undefined || v === null || v === '' ? [] : (Array.isArray(v) ? v : [v]).filter((item) => item !== '')),
	z.array(cityId).max(1000, { error: 'common.validation.too_big' })
);

const slugField = z.preprocess(
	(v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toLowerCase()) : v),
	z
		.string()
		.max(80, { error: 'common.validation.too_long' })
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'networks.validation.slug' })
		.optional()
);

/** The kind of a new network and its founding cities, by role. */
export const networkFoundingSchema = z.object({
	kind: z.enum(networkKinds, { error: 'common.validation.invalid_choice' }),
	coordinatorCityId: optionalCityId,
	coCoordinatorCityIds: cityIdList,
	memberCityIds: cityIdList
});

/**
 * Creating a network: its kind, texts in the four languages, and its founding cities. The founding
 * rules of thematic networks need the cities' countries, so the service checks them after this.
 */
export const createNetworkSchema = networkTextsSchema.extend({ slug: slugField }).extend(networkFoundingSchema.shape);
export type CreateNetworkInput = z.infer<typeof createNetworkSchema>;

export const updateNetworkSchema = networkTextsSchema;

export const networkRoleField = z.enum(networkRoles, { error: 'common.validation.invalid_choice' });

export const addMemberSchema = z.object({
	cityId,
	role: networkRoleField.default('member')
});

export const changeRoleSchema = z.object({ cityId, role: networkRoleField });

export const removeMemberSchema = z.object({ cityId });

const optionalFilter = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

/** Query of the network list (API and CSV): `lang` picks the language of names and descriptions. */
export const networkListQuerySchema = z.object({
	lang: optionalFilter(z.enum(locales, { error: 'common.validation.invalid_choice' })),
	kind: optionalFilter(z.enum(networkKinds, { error: 'common.validation.invalid_choice' })),
	page: pageField,
	pageSize: pageSizeField(50)
});
export type NetworkListQuery = z.infer<typeof networkListQuerySchema>;

export const networkExportQuerySchema = networkListQuerySchema.omit({ page: true, pageSize: true });

export const networkDetailQuerySchema = z.object({
	lang: optionalFilter(z.enum(locales, { error: 'common.validation.invalid_choice' }))
});
