import * as members from '#lib/server/members/index.ts';
import * as networks from '#lib/server/networks/index.ts';
import { loadFailure, parseId } from '#lib/server/http/forms.ts';
import { networkName } from '#lib/shared/networks/names.ts';
import { worldMapData } from '#lib/server/map/world-map.ts';

export async function load({ params, locals, url }) {
	const id = parseId(params.id);
	const db = locals.app.database.db;
	const result = await members.getCity(db, locals.actor, id);
	if (!result.ok) loadFailure(result);
	const cityNetworks = await networks.listNetworksOfCity(db, id);
	return {
		...result.value,
		saved: url.searchParams.has('saved') && result.value.mayEdit,
		map:
			result.value.city.latitude !== null && result.value.city.longitude !== null
				? worldMapData(
						[{ id: id, name: result.value.city.name, latitude: result.value.city.latitude, longitude: result.value.city.longitude }],
						{ view: 'fit' }
					)
				: null,
		networks: cityNetworks.map((n) => ({ id: n.id, kind: n.kind, role: n.role, name: networkName(n, locals.locale) }))
	};
}
