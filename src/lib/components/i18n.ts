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

// Intl formatters are costly to build and cheap to reuse: one per locale (and currency).
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = make()));
	return format;
}

export function formatNumber(value: number | null | undefined): string {
	const l = locale();
	return value == null ? '' : numberFormat(l, () => new Intl.NumberFormat(l)).format(value);
}

export function formatMoney(cents: number, currency: string): string {
	const l = locale();
	return numberFormat(`${l}:${currency}`, () => new Intl.NumberFormat(l, { style: 'currency', currency })).format(cents / 100);
}

const collators = new Map<string, Intl.Collator>();
/** Compares two names the way the page's language sorts them. */
export function compareText(a: string, b: string): number {
	const l = locale();
	let collator = collators.get(l);
	if (!collator) collators.set(l, (collator = new Intl.Collator(l)));
	return collator.compare(a, b);
}

export function formatDate(value: string | null | undefined): string {
	if (!value) return '';
	const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
	if (Number.isNaN(date.getTime())) return value;
	return new Intl.DateTimeFormat(
		locale(),
		value.length === 10 ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' }
	).format(date);
}

const countryNames = new Map<string, string>();
export function countryName(code: string): string {
	const l = locale();
	const key = `${l}:${code}`;
	let name = countryNames.get(key);
	if (name === undefined) {
		try {
			name = new Intl.DisplayNames([l], { type: 'region' }).of(code) ?? code;
		} catch {
			name = code;
		}
		countryNames.set(key, name);
	}
	return name;
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

/** A translated name for an audit action code such as `city.change_status`; the code when unknown. */
export function auditActionLabel(action: string): string {
	const key = `admin.audit_action.${action.replace('.', '_')}`;
	const label = t(key);
	return label === key ? action : label;
}

/** A translated name for an audited kind of record such as `membership_fee`. */
export function auditEntityLabel(entityType: string): string {
	const key = `admin.audit_entity.${entityType}`;
	const label = t(key);
	return label === key ? entityType : label;
}
