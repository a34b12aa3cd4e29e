import { awardDepsOf, getAwardDeliberation, publishAwardResults } from '#lib/server/award/index.ts';
import { actionFailure, loadFailure, parseId, readForm, requireSignedIn } from '#lib/server/http/forms.ts';
import { deliberationActions, deliberationDoneKeys, doneRedirect } from './deliberation-actions.ts';

export async function load({ locals, params, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const result = await getAwardDeliberation(locals.app.database.db, actor, parseId(params.year));
	if (!result.ok) loadFailure(result);
	const done = url.searchParams.get('done');
	return {
		deliberation: result.value,
		done: (deliberationDoneKeys as readonly string[]).includes(done ?? '') ? done : null,
		confirmPublish: url.searchParams.get('confirm') === 'publish'
	};
}

export const actions = {
	...deliberationActions,
	publish: async ({ request, params, locals, url }) => {
		const { values } = await readForm(request);
		const result = await publishAwardResults(awardDepsOf(locals.app), locals.actor, parseId(params.year), values);
		if (!result.ok) return actionFailure(result, values, 'publish');
		doneRedirect(url, 'results_published', 'publication');
	}
};
