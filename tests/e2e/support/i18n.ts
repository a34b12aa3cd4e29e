import fs from 'node:fs';
import path from 'node:path';
import { translate, type TranslationValues } from '../../../src/lib/shared/i18n.ts';

export type Locale = 'es' | 'en' | 'fr' | 'pt';

const cache = new Map<Locale, Record<string, string>>();

function messagesOf(locale: Locale): Record<string, string> {
	let messages = cache.get(locale);
	if (!messages) {
		messages = JSON.parse(
			fs.readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'messages', `${locale}.json`), 'utf8')
		) as Record<string, string>;
		cache.set(locale, messages);
	}
	return messages;
}

/** The interface text of a key in a locale, as the visitor reads it (for role-based locators). */
export function text(locale: Locale, key: string): string {
	const value = messagesOf(locale)[key];
	if (value === undefined) throw new Error(`no message ${key} in ${locale}`);
	return value;
}

/** The text of a key with its ICU placeholders filled in, formatted as the app formats it. */
export function format(locale: Locale, key: string, values: TranslationValues): string {
	text(locale, key);
	return translate(locale, messagesOf(locale), key, values);
}

/** A money amount as the app shows it (Intl currency format of the locale). */
export function money(locale: Locale, cents: number, currency = 'EUR'): string {
	return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/** A number as the app shows it (Intl grouping of the locale). */
export function number(locale: Locale, value: number): string {
	return new Intl.NumberFormat(locale).format(value);
}

/** A country's name in a locale, as the app shows it. */
export function country(locale: Locale, code: string): string {
	return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}

/**
 * A pattern matching a text whatever its spaces: Intl puts no-break and narrow no-break spaces in
 * numbers and amounts, which the server's and the browser's ICU may not choose alike.
 */
export function loosely(value: string): RegExp {
	const escaped = value
		.split(/[\s\u00a0\u202f]+/)
		.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('[\\s\\u00a0\\u202f]*');
	return new RegExp(escaped);
}
