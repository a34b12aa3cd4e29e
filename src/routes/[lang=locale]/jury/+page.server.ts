import { listAwardJurorEditions } from '#lib/server/award/index.ts';
import { loadFailure, requireSignedIn } from '#lib/server/http/forms.ts';

export async function load({ locals, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const result = await listAwardJurorEditions(locals.app.database.db, actor);
	if (!result.ok) loadFailure(result);
	return { seats: result.value };
}
