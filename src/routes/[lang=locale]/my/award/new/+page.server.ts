import { error, redirect } from '@sveltejs/kit';
import * as award from '#lib/server/award/index.ts';
import { actionFailure, loadFailure, parseId, readForm, requireSignedIn } from '#lib/server/http/forms.ts';

/** `?edition=2026&city=12`: both required; anything else is a page that does not exist. */
function parseTarget(url: URL) {
	const year = Number(url.searchParams.get('edition'));
	if (!Number.isInteger(year) || year < 1900 || year > 9999) error(404, 'common.errors.not_found');
	return { year, cityId: parseId(url.searchParams.get('city') ?? undefined) };
}

export async function load({ locals, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const { year, cityId } = parseTarget(url);
	const result = await award.listAwardCandidacyChoices(award.awardDepsOf(locals.app), actor, year, cityId);
	if (!result.ok) loadFailure(result);
	return result.value;
}

export const actions = {
	default: async ({ request, locals, url }) => {
		const { year, cityId } = parseTarget(url);
		const { values } = await readForm(request);
		const result = await award.createAwardCandidacy(award.awardDepsOf(locals.app), locals.actor, year, {
			cityId,
			experienceId: values.experienceId ?? ''
		});
		if (!result.ok) return actionFailure(result, values);
		redirect(303, `/${locals.locale}/my/award/${result.value.id}?saved=created`);
	}
};
