import { redirect } from '@sveltejs/kit';
import { actorFromRequest, signIn } from '#lib/server/accounts/accounts.service.ts';
import { isStaff, type Actor } from '#lib/server/core/access.ts';
import { actionFailure, readForm, safeNext } from '#lib/server/http/forms.ts';
import type { Locale } from '#lib/shared/i18n.ts';
import { applySessionCookies, cookieHeaderFrom } from './session-cookies.ts';

function homeOf(actor: Actor | null, locale: Locale): string {
	return `/${locale}/${isStaff(actor) ? 'admin' : 'my'}`;
}

export function load({ locals, url }) {
	const next = url.searchParams.get('next');
	if (locals.actor) redirect(303, safeNext(next, homeOf(locals.actor, locals.locale)));
	return {
		next: safeNext(next, ''),
		passwordChanged: url.searchParams.get('reset') === '1'
	};
}

export const actions = {
	default: async ({ request, locals, url, cookies, getClientAddress }) => {
		const { values } = await readForm(request);
		const result = await signIn(locals.app, values, { ip: getClientAddress(), userAgent: request.headers.get('user-agent') });
		if (!result.ok) return actionFailure(result, values);
		applySessionCookies(cookies, result.value.setCookie, url.protocol === 'https:');
		// Where to land depends on the roles of the person who has just signed in.
		const actor = await actorFromRequest(locals.app, new Headers({ cookie: cookieHeaderFrom(result.value.setCookie) }));
		const next = typeof values.next === 'string' && values.next ? values.next : url.searchParams.get('next');
		redirect(303, safeNext(next, homeOf(actor, locals.locale)));
	}
};
