import type { RoleGrant } from '#lib/server/core/access.ts';
import type { RoleGrantInput } from '#lib/shared/accounts/schemas.ts';
import * as members from '#lib/server/members/index.ts';
import * as networks from '#lib/server/networks/index.ts';
import type { DbOrTrx } from '#lib/server/db/index.ts';
import { networkName } from '#lib/shared/networks/names.ts';
import type { Locale } from '#lib/shared/i18n.ts';

/**
 * The role part of a form, as the role schema expects it: without JavaScript the form posts every
 * select, so the ones that do not belong to the chosen role (and blank ones) are left out.
 */
export function roleInput(values: Record<string, unknown>): Record<string, unknown> {
	const input: Record<string, unknown> = { role: values.role };
	if (values.role === 'city_representative') {
		if (values.cityId) input.cityId = values.cityId;
		if (values.kind) input.kind = values.kind;
	}
	if (values.role === 'network_coordinator' && values.networkId) input.networkId = values.networkId;
	return input;
}

export function grantFrom(value: RoleGrantInput): RoleGrant {
	if (value.role === 'city_representative') return { role: 'city_representative', cityId: value.cityId!, kind: value.kind ?? 'technical' };
	if (value.role === 'network_coordinator') return { role: 'network_coordinator', networkId: value.networkId! };
	return { role: value.role };
}

/** Cities and networks to choose from, labelled in the page language. */
export async function scopeOptions(db: DbOrTrx, locale: Locale) {
	const [cityRows, networkRows] = await Promise.all([members.listAllCities(db, {}), networks.listNetworks(db)]);
	return {
		cities: cityRows.map((c) => ({ id: c.id, name: c.name, countryCode: c.country_code })),
		networks: networkRows.map((n) => ({ id: n.id, name: networkName(n, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale))
	};
}
