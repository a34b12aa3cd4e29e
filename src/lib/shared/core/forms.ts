import { z } from 'zod';

/** Optional text field: a blank input means "no value". */
export const optionalText = (max: number) =>
	z.preprocess(
		(v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
		z.string().max(max, { error: 'common.validation.too_long' }).optional()
	);

export const requiredText = (max: number) =>
	z
		.string({ error: 'common.validation.required' })
		.trim()
		.min(1, { error: 'common.validation.required' })
		.max(max, { error: 'common.validation.too_long' });

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const dateField = z
	.string({ error: 'common.validation.required' })
	.trim()
	.refine((v) => isoDate.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
		error: 'common.validation.date'
	});

export const optionalDate = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), dateField.optional());

export const optionalNumber = (schema: z.ZodNumber) =>
	z.preprocess(
		(v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v.replace(',', '.')) : v),
		schema.optional()
	);

export const requiredNumber = (schema: z.ZodNumber) =>
	z.preprocess(
		(v) => (v === '' || v === null || v === undefined ? undefined : typeof v === 'string' ? Number(v.replace(',', '.')) : v),
		schema
	);

/** A money amount typed by a person ("1.070,50" or "1070.5") as integer cents. */
export const moneyField = z
	.string({ error: 'common.validation.required' })
	.trim()
	.transform((raw, ctx) => {
		const cleaned = raw.replace(/\s/g, '');
		const normalized = /,\d{1,2}$/.test(cleaned) ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned.replace(/,/g, '');
		if (!/^\d+(\.\d{1,2})?$/.test(normalized)) {
			ctx.addIssue({ code: 'custom', message: 'common.validation.amount' });
			return z.NEVER;
		}
		const cents = Math.round(Number(normalized) * 100);
		if (cents <= 0 || cents > 100_000_000_00) {
			ctx.addIssue({ code: 'custom', message: 'common.validation.amount' });
			return z.NEVER;
		}
		return cents;
	});

export const pageField = z.preprocess(
	(v) => (v === '' || v == null ? undefined : v),
	z.coerce.number().int().min(1).max(100000).default(1)
);
export const pageSizeField = (fallback = 25) =>
	z.preprocess((v) => (v === '' || v == null ? undefined : v), z.coerce.number().int().min(1).max(100).default(fallback));

/** Lower-case, accents removed: the key for accent- and case-insensitive name search. */
export function searchKey(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/** FormData to a plain object; repeated names become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value !== 'string') continue;
		if (key in out) {
			const previous = out[key];
			out[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
		} else out[key] = value;
	}
	return out;
}
