import * as networks from '#lib/server/networks/index.ts';
import { loadFailure, parseId } from '#lib/server/http/forms.ts';
import { worldMapData } from '#lib/server/map/world-map.ts';
import { networkDescription, networkName } from '#lib/shared/networks/names.ts';

export async function load({ params, locals }) {
	const id = parseId(params.id);
	const lang = locals.locale;
	const result = await networks.getNetwork(locals.app.database.db, locals.actor, id);
	if (!result.ok) loadFailure(result);
	const { network, members, countryCount, mayEdit, mayManage } = result.value;
	const countryNames = new Intl.DisplayNames([lang], { type: 'region' });
	const located = members.flatMap((m) =>
		m.latitude != null && m.longitude != null
			? [
					{
						id: m.id,
						name: m.name,
						latitude: m.latitude,
						longitude: m.longitude,
						href: `/${lang}/cities/${m.id}`,
						groups: [
							{
								href: `/${lang}/cities?network=${id}&country=${encodeURIComponent(m.country_code)}`,
								label: countryNames.of(m.country_code) ?? m.country_code
							}
						]
					}
				]
			: []
	);
	return {
		network: {
			id: network.id,
			slug: network.slug,
			kind: network.kind,
			name: networkName(network, lang),
			description: networkDescription(network, lang)
		},
		members: members.map((m) => ({ id: m.id, name: m.name, countryCode: m.country_code, role: m.role, joinedOn: m.joined_on })),
		countryCount,
		located: located.length,
		map: located.length ? worldMapData(located, { view: 'fit' }) : null,
		mayEdit,
		mayManage
	};
}
