import fs from 'node:fs';
import path from 'node:path';

export type Locale = 'es' | 'en' | 'fr' | 'pt';

const cache = new Map<Locale, Record<string, string>>();

/** The interface text of a key in a locale, as the visitor reads it (for role-based locators). */
export function text(locale: Locale, key: string): string {
	let messages = cache.get(locale);
	if (!messages) {
		messages = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'messages', `${locale}.json`), 'utf8')) as Record<string, string>;
		cache.set(locale, messages);
	}
	const value = messages[key];
	if (value === undefined) throw new Error(`no message ${key} in ${locale}`);
	return value;
}
