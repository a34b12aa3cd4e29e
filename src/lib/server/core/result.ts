import type { z } from 'zod';

export type FieldErrors = Record<string, string[]>;

export type FailureStatus = 400 | 403 | 404 | 409 | 413 | 422 | 429;

export interface Failure {
	ok: false;
	/** An i18n key such as `common.errors.forbidden`; also the stable API error code. */
	code: string;
	status: FailureStatus;
	fieldErrors?: FieldErrors;
	/** Values for the message, e.g. the line number of a bad CSV row. */
	values?: Record<string, string | number>;
}

export interface Success<T> {
	ok: true;
	value: T;
}

export type Result<T> = Success<T> | Failure;

export const ok = <T>(value: T): Success<T> => ({ ok: true, value });

export function fail(status: FailureStatus, code: string, fieldErrors?: FieldErrors, values?: Record<string, string | number>): Failure {
	return { ok: false, status, code, ...(fieldErrors ? { fieldErrors } : {}), ...(values ? { values } : {}) };
}

export const forbidden = (): Failure => fail(403, 'common.errors.forbidden');
export const notFound = (): Failure => fail(404, 'common.errors.not_found');
export const conflict = (code = 'common.errors.conflict'): Failure => fail(409, code);

const genericIssueKeys: Record<string, string> = {
	invalid_type: 'common.validation.invalid',
	too_small: 'common.validation.too_small',
	too_big: 'common.validation.too_big',
	invalid_format: 'common.validation.invalid_format',
	invalid_value: 'common.validation.invalid_choice',
	unrecognized_keys: 'common.validation.unknown_field',
	custom: 'common.validation.invalid'
};

/** Zod issues to field errors whose messages are i18n keys. */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		// A list typed into one input (languages "es, ca") reports its bad item at `languages.0`; the form
		// shows errors by input name, so trailing item indexes are dropped (`bands.0.feeI` stays as is).
		const path = issue.path.map(String);
		while (path.length > 1 && /^\d+$/.test(path[path.length - 1])) path.pop();
		const field = path.length ? path.join('.') : '_form';
		const key = /^[a-z_]+\.[a-z_]+\.[a-z_0-9]+$/.test(issue.message)
			? issue.message
			: (genericIssueKeys[issue.code] ?? 'common.validation.invalid');
		const list = (errors[field] ??= []);
		if (!list.includes(key)) list.push(key);
	}
	return errors;
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
	const parsed = schema.safeParse(input);
	if (parsed.success) return ok(parsed.data);
	return fail(400, 'common.errors.validation', fieldErrorsFromZod(parsed.error));
}
