import { getAwardFeedback } from '#lib/server/award/index.ts';
import { loadFailure, parseId, requireSignedIn } from '#lib/server/http/forms.ts';

export async function load({ locals, params, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const id = parseId(params.id);
	const result = await getAwardFeedback(locals.app.database.db, actor, id);
	// Before publication the page says so rather than showing an error.
	if (!result.ok && result.code === 'award.feedback.not_published') return { id, feedback: null };
	if (!result.ok) loadFailure(result);
	return { id, feedback: result.value };
}
