import { getAwardResults } from '#lib/server/award/index.ts';
import { loadFailure, parseId, requireSignedIn } from '#lib/server/http/forms.ts';

export async function load({ locals, params, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const result = await getAwardResults(locals.app.database.db, actor, parseId(params.year));
	if (!result.ok) loadFailure(result);
	return { results: result.value };
}
