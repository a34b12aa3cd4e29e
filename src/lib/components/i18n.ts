import { page } from '$app/state';
import { translate, type Locale, type Messages, type TranslationValues } from '#lib/shared/i18n.ts';

/** Translates with the page's locale and messages; reactive because it reads `page.data`. */
export function t(key: string, values?: TranslationValues): string {
	const data = page.data as { locale?: Locale; messages?: Messages };
	return translate(data.locale ?? 'es', data.messages ?? {}, key, values);
}

export function locale(): Locale {
	return ((page.data as { locale?: Locale }).locale ?? 'es') as Locale;
}

/** A path inside the current locale: href('/cities') → '/fr/cities'. */
export function href(path: string): string {
	return `/${locale()}${path === '/' ? '' : path}`;
}

export function formatNumber(value: number | null | undefined): string {
	return value == null ? '' : new Intl.NumberFormat(locale()).format(value);
}

export function formatMoney(cents: number, currency: string): string {
	return new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(cents / 100);
}

export function formatDate(value: string | null | undefined): string {
	if (!value) return '';
	const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
	if (Number.isNaN(date.getTime())) return value;
	return new Intl.DateTimeFormat(locale(), value.length === 10 ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

const countryNames = new Map<string, Intl.DisplayNames>();
export function countryName(code: string): string {
	const l = locale();
	let names = countryNames.get(l);
	if (!names) {
		names = new Intl.DisplayNames([l], { type: 'region' });
		countryNames.set(l, names);
	}
	try {
		return names.of(code) ?? code;
	} catch {
		return code;
	}
}

const languageNames = new Map<string, Intl.DisplayNames>();
export function languageName(code: string): string {
	const l = locale();
	let names = languageNames.get(l);
	if (!names) {
		names = new Intl.DisplayNames([l], { type: 'language' });
		languageNames.set(l, names);
	}
	try {
		return names.of(code) ?? code;
	} catch {
		return code;
	}
}
