import { redirect } from '@sveltejs/kit';
import { signOut } from '#lib/server/accounts/accounts.service.ts';
import { applySessionCookies, clearSessionCookies } from '../sign-in/session-cookies.ts';

/** Signing out changes state, so it is a POST (the header's sign-out button); a GET gets 405. */
export async function POST({ request, locals, cookies, url }) {
	const secure = url.protocol === 'https:';
	const setCookie = await signOut(locals.app, request.headers, locals.actor);
	clearSessionCookies(cookies, secure);
	applySessionCookies(cookies, setCookie, secure);
	redirect(303, `/${locals.locale}`);
}
