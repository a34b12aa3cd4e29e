import { redirect } from '@sveltejs/kit';
import * as award from '#lib/server/award/index.ts';
import { actionFailure, loadFailure, readForm } from '#lib/server/http/forms.ts';
import { editionInputFromForm } from '#lib/shared/award/edition-schemas.ts';

/** Confirmations the page shows after a redirect (`?saved=…`). */
const savedMessages = ['created', 'settings'] as const;

export async function load({ params, locals, url }) {
	const result = await award.getAwardEditionForStaff(locals.app.database.db, locals.actor, params.year);
	if (!result.ok) loadFailure(result);
	const saved = url.searchParams.get('saved');
	return { ...result.value, saved: (savedMessages as readonly string[]).includes(saved ?? '') ? saved : null };
}

/** The uploaded file of a multipart form, or null when none was chosen. */
async function uploaded(form: FormData, name: string) {
	const file = form.get(name);
	if (!(file instanceof File) || file.size === 0) return null;
	return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export const actions = {
	save: async ({ request, params, locals }) => {
		const { form, values } = await readForm(request);
		const result = await award.updateAwardEdition(locals.app.database.db, locals.actor, params.year, editionInputFromForm(form));
		if (!result.ok) return actionFailure(result, values, 'edition');
		redirect(303, `/${locals.locale}/admin/award/${result.value.year}?saved=settings`);
	},
	uploadRules: async ({ request, params, locals }) => {
		const { form, values } = await readForm(request);
		const result = await award.uploadAwardRules(award.awardDepsOf(locals.app), locals.actor, params.year, await uploaded(form, 'rules'));
		if (!result.ok) return actionFailure(result, values, 'rules');
		return { saved: 'award.admin.rules_uploaded' };
	}
};
