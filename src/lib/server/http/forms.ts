import { error, fail as kitFail, redirect } from '@sveltejs/kit';
import type { Failure } from '../core/result.ts';
import { formToObject } from '../../shared/core/forms.ts';
import type { Actor } from '../core/access.ts';
import type { Locale } from '../../shared/i18n.ts';

/** What a failed form action returns to its page: codes are i18n keys, `values` keeps what was typed. */
export interface FormFailure {
	code: string;
	fieldErrors: Record<string, string[]>;
	values: Record<string, unknown>;
	form?: string;
}

export async function readForm(request: Request): Promise<{ form: FormData; values: Record<string, unknown> }> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		form = new FormData();
	}
	return { form, values: formToObject(form) };
}

/** The typed failure of a service as a SvelteKit action failure that re-renders the page. */
export function actionFailure(failure: Failure, values: Record<string, unknown>, formName?: string) {
	const { password: _p, confirm: _c, ...safeValues } = values;
	return kitFail(failure.status, {
		code: failure.code,
		fieldErrors: failure.fieldErrors ?? {},
		values: safeValues,
		...(formName ? { form: formName } : {})
	} satisfies FormFailure);
}

/** Turns a failed service result into the error page in a load function. */
export function loadFailure(failure: Failure): never {
	error(failure.status, failure.code);
}

export function requireSignedIn(actor: Actor | null, locale: Locale, url: URL): Actor {
	if (!actor) redirect(303, `/${locale}/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
	return actor;
}

export function parseId(raw: string | undefined): number {
	const id = Number(raw);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, 'common.errors.not_found');
	return id;
}

/** Only same-site relative paths are allowed as post-sign-in destinations. */
export function safeNext(next: string | null, fallback: string): string {
	if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) return next;
	return fallback;
}
