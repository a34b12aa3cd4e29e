import type { Cookies } from '@sveltejs/kit';

/**
 * Copies the Set-Cookie headers that better-auth produced onto the SvelteKit response. The session
 * cookie is always httpOnly, SameSite=Lax and path-wide; it is Secure only over https, or a plain-http
 * install (localhost, a private network) could never sign anybody in.
 */
export function applySessionCookies(cookies: Cookies, setCookieHeaders: string[], secure: boolean): void {
	for (const header of setCookieHeaders) {
		const { name, value, maxAge, expires } = cookies.parse(header);
		const options = {
			path: '/',
			httpOnly: true,
			sameSite: 'lax' as const,
			// A __Secure- cookie (better-auth names it so when PUBLIC_URL is https) is refused unless Secure.
			secure: secure || name.startsWith('__Secure-'),
			// better-auth's values are URL-encoded; encoding them the same way keeps the signature intact.
			encode: encodeURIComponent
		};
		const expired = !value || (maxAge !== undefined && maxAge <= 0) || (expires !== undefined && expires.getTime() <= Date.now());
		if (expired) cookies.delete(name, options);
		else cookies.set(name, value, { ...options, ...(maxAge !== undefined ? { maxAge } : {}), ...(expires ? { expires } : {}) });
	}
}

/** Removes every session cookie the request carried, whatever better-auth answered. */
export function clearSessionCookies(cookies: Cookies, secure: boolean): void {
	for (const { name } of cookies.getAll()) {
		if (name.startsWith('ec.') || name.startsWith('__Secure-ec.')) {
			cookies.delete(name, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure || name.startsWith('__Secure-') });
		}
	}
}

/** A Cookie request header carrying the cookies just issued, to read the new session in the same request. */
export function cookieHeaderFrom(setCookieHeaders: string[]): string {
	return setCookieHeaders.map((header) => header.split(';', 1)[0]).join('; ');
}
