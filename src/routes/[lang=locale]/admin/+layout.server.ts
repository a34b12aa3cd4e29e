import { error } from '@sveltejs/kit';
import { isAdministrator, isStaff } from '#lib/server/core/access.ts';
import { requireSignedIn } from '#lib/server/http/forms.ts';

// Shapes the interface only: every service called from the admin pages checks its own policy.
export function load({ locals, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	if (!isStaff(actor)) error(403, 'common.errors.forbidden');
	return { admin: { isAdministrator: isAdministrator(actor) } };
}
