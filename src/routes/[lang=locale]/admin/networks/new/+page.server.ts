import { redirect } from '@sveltejs/kit';
import * as networks from '#lib/server/networks/index.ts';
import { actionFailure, loadFailure, readForm } from '#lib/server/http/forms.ts';
import { thematicNetworkRules } from '#lib/shared/networks/constants.ts';

export async function load({ locals }) {
	const options = await networks.newNetworkOptions(locals.app.database.db, locals.actor);
	if (!options.ok) loadFailure(options);
	return { cities: options.value.cities, rules: { ...thematicNetworkRules } };
}

export const actions = {
	default: async ({ request, locals }) => {
		const { values } = await readForm(request);
		const result = await networks.createNetwork(locals.app.database.db, locals.actor, values);
		if (!result.ok) return actionFailure(result, values);
		redirect(303, `/${locals.locale}/admin/networks/${result.value.id}?created=1`);
	}
};
