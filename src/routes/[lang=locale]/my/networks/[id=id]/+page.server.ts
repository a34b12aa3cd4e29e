import * as networks from '#lib/server/networks/index.ts';
import { actionFailure, loadFailure, parseId, readForm, requireSignedIn } from '#lib/server/http/forms.ts';
import { networkName } from '#lib/shared/networks/names.ts';
import { thematicNetworkRules } from '#lib/shared/networks/constants.ts';

export async function load({ params, locals, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const id = parseId(params.id);
	const result = await networks.getNetworkForManagement(locals.app.database.db, actor, id);
	if (!result.ok) loadFailure(result);
	const { network, members, candidates, countryCount, mayEdit } = result.value;
	return {
		network: { id: network.id, kind: network.kind, name: networkName(network, locals.locale) },
		members: members.map((m) => ({ id: m.id, name: m.name, countryCode: m.country_code, role: m.role, joinedOn: m.joined_on })),
		countryCount,
		candidates,
		mayEdit,
		rules: { ...thematicNetworkRules }
	};
}

export const actions = {
	add: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await networks.addNetworkMember(locals.app.database.db, locals.actor, parseId(params.id), values);
		if (!result.ok) return actionFailure(result, values, 'add');
		return { saved: 'networks.manage.added' };
	},
	role: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await networks.changeNetworkMemberRole(locals.app.database.db, locals.actor, parseId(params.id), values);
		if (!result.ok) return actionFailure(result, values, `member-${String(values.cityId ?? '')}`);
		return { saved: result.value.changed ? 'networks.manage.role_changed' : 'networks.manage.role_unchanged' };
	},
	remove: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await networks.removeNetworkMember(locals.app.database.db, locals.actor, parseId(params.id), values);
		if (!result.ok) return actionFailure(result, values, `member-${String(values.cityId ?? '')}`);
		return { saved: 'networks.manage.removed' };
	}
};
