import type { Handle } from '@sveltejs/kit/hooks';
import { onDataChanged } from '../core/data-changes.ts';

/**
 * A few seconds of cache for the public pages and public API reads as anonymous visitors see them
 * (the directory, a city, the map, the networks): the same for everyone, so a burst costs one render.
 * Any change made through this process empties it at once (every change is audited, and the audit
 * notifies); changes made by another app server show here within `ttlSeconds`. Signed-in people,
 * non-GET requests and everything outside the public pages always get a fresh response.
 * PUBLIC_PAGE_CACHE_SECONDS=0 turns it off.
 */
const ttlSeconds = Number(process.env.PUBLIC_PAGE_CACHE_SECONDS ?? 5);
const maxEntries = 500;
const publicPath = /^(\/(es|en|fr|pt)(\/(cities(\/\d+)?|map|networks(\/\d+)?))?|\/api\/v1\/(cities|networks)(\/\d+|\.csv)?)$/;

interface Entry {
	expires: number;
	status: number;
	headers: [string, string][];
	body: ArrayBuffer;
}

const entries = new Map<string, Entry>();
onDataChanged(() => entries.clear());

export const publicPageCache: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (
		ttlSeconds <= 0 ||
		request.method !== 'GET' ||
		!publicPath.test(url.pathname) ||
		/(^|;\s*)(__Secure-)?ec\./.test(request.headers.get('cookie') ?? '')
	)
		return resolve(event);
	// The API answers in the language negotiated from Accept-Language, so that is part of the key.
	const key = `${event.locals.locale}|${url.pathname}${url.search}`;
	const now = Date.now();
	const hit = entries.get(key);
	if (hit && hit.expires > now) {
		return new Response(hit.body, { status: hit.status, headers: [...hit.headers, ['x-cache', 'hit']] });
	}
	const response = await resolve(event);
	const csp = response.headers.get('content-security-policy') ?? '';
	if (response.status !== 200 || response.headers.has('set-cookie') || csp.includes("'nonce-")) return response;
	const body = await response.arrayBuffer();
	const headers = [...response.headers.entries()];
	if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
	entries.set(key, { expires: now + ttlSeconds * 1000, status: response.status, headers, body });
	return new Response(body, { status: response.status, headers: [...headers, ['x-cache', 'miss']] });
};
