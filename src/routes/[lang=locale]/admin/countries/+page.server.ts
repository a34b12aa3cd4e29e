import * as members from '#lib/server/members/index.ts';
import { actionFailure, readForm } from '#lib/server/http/forms.ts';

export async function load({ locals }) {
	return { countries: await members.listCountries(locals.app.database.db) };
}

export const actions = {
	update: async ({ request, locals }) => {
		const { values } = await readForm(request);
		const code = String(values.code ?? '');
		const result = await members.updateCountry(locals.app.database.db, locals.actor, code, values);
		if (!result.ok) return actionFailure(result, values, `country-${code}`);
		return { saved: 'members.countries.saved' };
	},
	create: async ({ request, locals }) => {
		const { values } = await readForm(request);
		const result = await members.createCountry(locals.app.database.db, locals.actor, values);
		if (!result.ok) return actionFailure(result, values, 'create');
		return { saved: 'members.countries.created' };
	}
};
