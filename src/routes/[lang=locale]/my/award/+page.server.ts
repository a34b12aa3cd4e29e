import * as award from '#lib/server/award/index.ts';
import { loadFailure, requireSignedIn } from '#lib/server/http/forms.ts';

export async function load({ locals, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const result = await award.listAwardOpportunities(award.awardDepsOf(locals.app), actor);
	if (!result.ok) loadFailure(result);
	return result.value;
}
