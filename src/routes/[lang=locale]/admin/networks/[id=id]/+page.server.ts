import { error } from '@sveltejs/kit';
import * as networks from '#lib/server/networks/index.ts';
import { actionFailure, loadFailure, parseId, readForm } from '#lib/server/http/forms.ts';
import { networkName } from '#lib/shared/networks/names.ts';

export async function load({ params, locals, url }) {
	const id = parseId(params.id);
	const result = await networks.getNetwork(locals.app.database.db, locals.actor, id);
	if (!result.ok) loadFailure(result);
	if (!result.value.mayEdit) error(403, { message: 'common.errors.forbidden', code: 'common.errors.forbidden' });
	const { network, members } = result.value;
	return {
		network: { id: network.id, slug: network.slug, kind: network.kind, name: networkName(network, locals.locale) },
		memberCount: members.length,
		initial: {
			name_es: network.name_es,
			name_en: network.name_en,
			name_fr: network.name_fr,
			name_pt: network.name_pt,
			description_es: network.description_es,
			description_en: network.description_en,
			description_fr: network.description_fr,
			description_pt: network.description_pt
		},
		created: url.searchParams.has('created')
	};
}

export const actions = {
	default: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await networks.updateNetwork(locals.app.database.db, locals.actor, parseId(params.id), values);
		if (!result.ok) return actionFailure(result, values);
		return { saved: result.value.changed ? 'networks.admin.saved' : 'networks.admin.unchanged' };
	}
};
