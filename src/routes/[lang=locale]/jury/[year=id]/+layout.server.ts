import { error } from '@sveltejs/kit';
import { findAwardJurySeat } from '#lib/server/award/index.ts';
import { parseId, requireSignedIn } from '#lib/server/http/forms.ts';

// The jury area of one edition: its jurors (and the secretariat) only; each page's service checks its own access.
export async function load({ locals, params, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const year = parseId(params.year);
	const jury = await findAwardJurySeat(locals.app.database.db, actor, year);
	if (!jury) error(404, 'common.errors.not_found');
	return { jury };
}
