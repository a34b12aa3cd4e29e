import * as award from '#lib/server/award/index.ts';
import { jsonResponse, problemFromFailure } from '#lib/server/http/problem.ts';

/** One public edition; results only once published. Drafts and unknown or malformed years are 404 problems. */
export async function GET({ params, locals }) {
	const result = await award.getPublicAwardEdition(locals.app.database.db, params.year);
	if (!result.ok) return problemFromFailure(result, locals.locale);
	return jsonResponse(award.toPublicAwardEdition(result.value, locals.app.config.publicUrl));
}
