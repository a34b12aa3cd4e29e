import { redirect } from '@sveltejs/kit';
import * as members from '#lib/server/members/index.ts';
import { actionFailure, readForm } from '#lib/server/http/forms.ts';

export async function load({ locals }) {
	return { countries: (await members.listCountries(locals.app.database.db)).map((c) => c.code) };
}

export const actions = {
	default: async ({ request, locals }) => {
		const { values } = await readForm(request);
		const result = await members.createCity(locals.app.database.db, locals.actor, values);
		if (!result.ok) return actionFailure(result, values);
		redirect(303, `/${locals.locale}/admin/cities/${result.value.id}?created=1`);
	}
};
