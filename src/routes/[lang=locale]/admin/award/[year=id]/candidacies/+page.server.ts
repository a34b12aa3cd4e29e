import { error } from '@sveltejs/kit';
import * as award from '#lib/server/award/index.ts';
import { actionFailure, parseId, readForm } from '#lib/server/http/forms.ts';

export async function load({ params, url, locals }) {
	const year = parseId(params.year);
	const input = Object.fromEntries(url.searchParams);
	const result = await award.listAwardCandidaciesForStaff(award.awardDepsOf(locals.app), locals.actor, year, input);
	if (!result.ok) {
		// A bad filter in the address shows the page with a message, like the other lists; the rest is an error page.
		if (result.status !== 400) error(result.status, result.code);
		const all = await award.listAwardCandidaciesForStaff(award.awardDepsOf(locals.app), locals.actor, year, {});
		if (!all.ok) error(all.status, all.code);
		return { filters: input, badQuery: true, ...all.value };
	}
	return { filters: input, badQuery: false, ...result.value };
}

export const actions = {
	recheck: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await award.recheckAwardEligibility(award.awardDepsOf(locals.app), locals.actor, parseId(params.year));
		if (!result.ok) return actionFailure(result, values, 'recheck');
		return { rechecked: { ...result.value, newly: result.value.newlyIneligible.length } };
	}
};
