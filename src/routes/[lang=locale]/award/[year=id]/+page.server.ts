import * as award from '#lib/server/award/index.ts';
import { loadFailure } from '#lib/server/http/forms.ts';

/** One public edition; drafts and unknown years are 404. Results only once published. */
export async function load({ params, locals }) {
	const result = await award.getPublicAwardEdition(locals.app.database.db, params.year);
	if (!result.ok) loadFailure(result);
	return { view: result.value };
}
