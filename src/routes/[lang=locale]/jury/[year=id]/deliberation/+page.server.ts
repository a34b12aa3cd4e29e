import { getAwardDeliberation } from '#lib/server/award/index.ts';
import { loadFailure, parseId, requireSignedIn } from '#lib/server/http/forms.ts';
import { deliberationActions, deliberationDoneKeys } from '../../../admin/award/[year=id]/deliberation/deliberation-actions.ts';

export async function load({ locals, params, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const result = await getAwardDeliberation(locals.app.database.db, actor, parseId(params.year));
	if (!result.ok) loadFailure(result);
	const done = url.searchParams.get('done');
	return {
		deliberation: result.value,
		done: (deliberationDoneKeys as readonly string[]).includes(done ?? '') ? done : null
	};
}

export const actions = deliberationActions;
