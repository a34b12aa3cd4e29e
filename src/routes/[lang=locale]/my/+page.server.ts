import * as members from '#lib/server/members/index.ts';
import * as networks from '#lib/server/networks/index.ts';
import { isAdministrator, isStaff, representedCityIds, coordinatedNetworkIds } from '#lib/server/core/access.ts';
import { requireSignedIn } from '#lib/server/http/forms.ts';
import { networkName } from '#lib/shared/networks/names.ts';

export async function load({ locals, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const db = locals.app.database.db;
	const kinds = new Map(actor.roles.flatMap((r) => (r.role === 'city_representative' ? [[r.cityId, r.kind] as const] : [])));
	const [cities, coordinated] = await Promise.all([
		Promise.all(representedCityIds(actor).map((id) => members.findCityById(db, id))),
		Promise.all(coordinatedNetworkIds(actor).map((id) => networks.findNetworkById(db, id)))
	]);
	return {
		me: { name: actor.name, email: actor.email },
		staff: isStaff(actor),
		administrator: isAdministrator(actor),
		cities: cities.flatMap((city) =>
			city ? [{ id: city.id, name: city.name, countryCode: city.country_code, kind: kinds.get(city.id) ?? 'technical' }] : []
		),
		networks: coordinated.flatMap((network) => (network ? [{ id: network.id, name: networkName(network, locals.locale) }] : []))
	};
}
