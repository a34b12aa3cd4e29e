import { redirect } from '@sveltejs/kit';
import * as award from '#lib/server/award/index.ts';
import { actionFailure, loadFailure, parseId, readForm, requireSignedIn } from '#lib/server/http/forms.ts';
import { candidacyInputFromForm } from '#lib/shared/award/candidacy-schemas.ts';

/** Confirmations the page shows after a redirect (`?saved=…`). */
const savedMessages = ['created', 'draft', 'letter', 'submitted'] as const;

export async function load({ params, locals, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const result = await award.getAwardCandidacyForCity(award.awardDepsOf(locals.app), actor, parseId(params.id));
	if (!result.ok) loadFailure(result);
	const saved = url.searchParams.get('saved');
	return { ...result.value, saved: (savedMessages as readonly string[]).includes(saved ?? '') ? saved : null };
}

export const actions = {
	save: async ({ request, params, locals }) => {
		const id = parseId(params.id);
		const { form, values } = await readForm(request);
		const result = await award.updateAwardCandidacy(award.awardDepsOf(locals.app), locals.actor, id, candidacyInputFromForm(form));
		if (!result.ok) return actionFailure(result, values, 'save');
		redirect(303, `/${locals.locale}/my/award/${id}?saved=draft`);
	},
	letter: async ({ request, params, locals }) => {
		const id = parseId(params.id);
		const { form, values } = await readForm(request);
		const file = form.get('supportLetter');
		const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
		const result = await award.uploadAwardSupportLetter(award.awardDepsOf(locals.app), locals.actor, id, upload);
		if (!result.ok) return actionFailure(result, values, 'letter');
		redirect(303, `/${locals.locale}/my/award/${id}?saved=letter#letter-title`);
	},
	submit: async ({ request, params, locals }) => {
		const id = parseId(params.id);
		const { values } = await readForm(request);
		const result = await award.submitAwardCandidacy(award.awardDepsOf(locals.app), locals.actor, id, values);
		if (!result.ok) return actionFailure(result, values, 'submit');
		redirect(303, `/${locals.locale}/my/award/${id}?saved=submitted`);
	}
};
