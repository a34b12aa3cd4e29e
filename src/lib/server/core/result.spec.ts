import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fail, fieldErrorsFromZod, forbidden, notFound, ok, validate } from './result.ts';

function errorsOf(schema: z.ZodType, input: unknown) {
	const parsed = schema.safeParse(input);
	if (parsed.success) throw new Error('expected the input to be invalid');
	return fieldErrorsFromZod(parsed.error);
}

describe('fieldErrorsFromZod', () => {
	it('keeps messages that are i18n keys and maps the others by issue code', () => {
		const schema = z.object({
			name: z.string().min(1, { error: 'common.validation.required' }),
			age: z.number(),
			email: z.email(),
			kind: z.enum(['a', 'b']),
			size: z.number().max(3),
			note: z.string().min(2, { error: 'Too short, friend' })
		});
		expect(errorsOf(schema, { name: '', age: 'x', email: 'nope', kind: 'c', size: 9, note: 'x' })).toEqual({
			name: ['common.validation.required'],
			age: ['common.validation.invalid'],
			email: ['common.validation.invalid_format'],
			kind: ['common.validation.invalid_choice'],
			size: ['common.validation.too_big'],
			note: ['common.validation.too_small']
		});
	});

	it('names nested fields by path, and puts form-level issues under _form', () => {
		const schema = z
			.object({ bands: z.array(z.object({ fee: z.number().min(0) })), a: z.string(), b: z.string() })
			.refine((v) => v.a === v.b, { error: 'accounts.reset.passwords_differ' });
		expect(errorsOf(schema, { bands: [{ fee: 1 }, { fee: -1 }], a: 'x', b: 'x' })).toEqual({
			'bands.1.fee': ['common.validation.too_small']
		});
		expect(errorsOf(schema, { bands: [], a: 'x', b: 'y' })).toEqual({ _form: ['accounts.reset.passwords_differ'] });
	});

	it('reports a bad item of a list under the list, where the form shows it', () => {
		const schema = z.object({ languages: z.array(z.string().regex(/^[a-z]{2}$/, { error: 'members.validation.languages' })) });
		expect(errorsOf(schema, { languages: ['es', 'Spanish', 'x'] })).toEqual({ languages: ['members.validation.languages'] });
	});

	it('lists each message once per field', () => {
		const schema = z.object({
			code: z
				.string()
				.min(3, { error: 'members.validation.country' })
				.regex(/^[A-Z]+$/, { error: 'members.validation.country' })
		});
		expect(errorsOf(schema, { code: 'x' })).toEqual({ code: ['members.validation.country'] });
	});
});

describe('results', () => {
	it('validate returns the parsed value or a 400 with field errors', () => {
		const schema = z.object({ n: z.coerce.number().int() });
		expect(validate(schema, { n: '4' })).toEqual({ ok: true, value: { n: 4 } });
		expect(validate(schema, { n: '4.5' })).toEqual({
			ok: false,
			status: 400,
			code: 'common.errors.validation',
			fieldErrors: { n: ['common.validation.invalid'] }
		});
	});

	it('builds failures with their status and code', () => {
		expect(ok(1)).toEqual({ ok: true, value: 1 });
		expect(forbidden()).toEqual({ ok: false, status: 403, code: 'common.errors.forbidden' });
		expect(notFound()).toEqual({ ok: false, status: 404, code: 'common.errors.not_found' });
		expect(fail(400, 'x.y.z', undefined, { line: 3 })).toEqual({ ok: false, status: 400, code: 'x.y.z', values: { line: 3 } });
	});
});
