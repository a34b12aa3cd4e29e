import { redirect } from '@sveltejs/kit';
import * as award from '#lib/server/award/index.ts';
import { actionFailure, loadFailure, readForm } from '#lib/server/http/forms.ts';
import { editionInputFromForm } from '#lib/shared/award/edition-schemas.ts';

export async function load({ locals }) {
	const result = await award.prepareNewAwardEdition(locals.app.database.db, locals.actor);
	if (!result.ok) loadFailure(result);
	return result.value;
}

export const actions = {
	default: async ({ request, locals }) => {
		const { form, values } = await readForm(request);
		const result = await award.createAwardEdition(locals.app.database.db, locals.actor, editionInputFromForm(form));
		if (!result.ok) return actionFailure(result, values, 'edition');
		redirect(303, `/${locals.locale}/admin/award/${result.value.year}?saved=created`);
	}
};
