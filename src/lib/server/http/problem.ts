import type { Failure, FieldErrors } from '../core/result.ts';
import { translatorFor } from '../core/i18n.ts';
import type { Locale } from '../../shared/i18n.ts';

const titles: Record<number, string> = {
	400: 'Bad Request',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	413: 'Content Too Large',
	422: 'Unprocessable Content',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	503: 'Service Unavailable'
};

/** An RFC 9457 problem document; `code` is the stable machine-readable error code. */
export function problem(
	status: number,
	code: string,
	locale: Locale,
	fieldErrors?: FieldErrors,
	extra: Record<string, unknown> = {}
): Response {
	const t = translatorFor(locale);
	const body = {
		type: 'about:blank',
		title: titles[status] ?? 'Error',
		status,
		code,
		detail: t(code),
		...(fieldErrors
			? {
					errors: Object.entries(fieldErrors).map(([field, codes]) => ({
						field,
						codes,
						messages: codes.map((c) => t(c))
					}))
				}
			: {}),
		...extra
	};
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': locale }
	});
}

export function problemFromFailure(failure: Failure, locale: Locale): Response {
	return problem(failure.status, failure.code, locale, failure.fieldErrors, failure.values ? { values: failure.values } : {});
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
	return new Response(JSON.stringify(body), {
		...init,
		headers: { 'content-type': 'application/json; charset=utf-8', ...(init.headers ?? {}) }
	});
}
