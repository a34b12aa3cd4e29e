import { IntlMessageFormat } from 'intl-messageformat';

export const locales = ['es', 'en', 'fr', 'pt'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'es';

export type Messages = Record<string, string>;
export type TranslationValues = Record<string, string | number | Date | boolean | null | undefined>;

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header, falling back to Spanish. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
	if (!acceptLanguage) return defaultLocale;
	const ranked = acceptLanguage
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
		})
		.filter((entry) => entry.tag && entry.q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index);
	for (const { tag } of ranked) {
		const base = tag.split('-')[0];
		if (isLocale(base)) return base;
	}
	return defaultLocale;
}

const formatCache = new Map<string, IntlMessageFormat>();

export function translate(locale: Locale, messages: Messages, key: string, values?: TranslationValues): string {
	const source = messages[key];
	if (source === undefined) return key;
	if (!values && !source.includes('{')) return source;
	const cacheKey = `${locale}\u0000${key}`;
	let format = formatCache.get(cacheKey);
	if (!format || (format as unknown as { _source?: string })._source !== source) {
		format = new IntlMessageFormat(source, locale);
		(format as unknown as { _source?: string })._source = source;
		formatCache.set(cacheKey, format);
	}
	return String(format.format(values as Record<string, string | number | Date | boolean>));
}

export type Translator = (key: string, values?: TranslationValues) => string;

export function createTranslator(locale: Locale, messages: Messages): Translator {
	return (key, values) => translate(locale, messages, key, values);
}

/** Path of the same page in another locale: swaps the first segment. */
export function localizedPath(pathname: string, search: string, locale: Locale): string {
	const parts = pathname.split('/');
	if (isLocale(parts[1])) parts[1] = locale;
	else parts.splice(1, 0, locale);
	return parts.join('/').replace(/\/$/, '') + search;
}
