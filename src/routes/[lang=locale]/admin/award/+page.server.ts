import * as award from '#lib/server/award/index.ts';
import { loadFailure } from '#lib/server/http/forms.ts';

export async function load({ locals }) {
	const result = await award.listAwardEditionsForStaff(locals.app.database.db, locals.actor);
	if (!result.ok) loadFailure(result);
	return { editions: result.value };
}
