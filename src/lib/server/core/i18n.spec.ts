import { describe, expect, it } from 'vitest';
import { createTranslator, isLocale, localizedPath, negotiateLocale, translate } from '../../shared/i18n.ts';
import { messagesFor, translatorFor } from './i18n.ts';

describe('negotiateLocale', () => {
	it.each([
		[null, 'es'],
		[undefined, 'es'],
		['', 'es'],
		['fr', 'fr'],
		['EN-gb', 'en'],
		['pt-BR,pt;q=0.9', 'pt'],
		['fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5', 'fr'],
		['de-DE,de;q=0.9,pt-BR;q=0.8,en;q=0.5', 'pt'],
		['en;q=0.5, pt;q=0.9', 'pt'],
		['en, fr', 'en'],
		['en;q=0, fr;q=0.1', 'fr'],
		['de, it', 'es'],
		['*', 'es'],
		['garbage;;;,,', 'es']
	])('%j → %s', (header, expected) => {
		expect(negotiateLocale(header)).toBe(expected);
	});
});

describe('localizedPath', () => {
	it.each([
		['/fr/cities/12', '?q=lyon&page=2', 'pt', '/pt/cities/12?q=lyon&page=2'],
		['/fr', '', 'en', '/en'],
		['/es/', '', 'fr', '/fr'],
		['/fr/cities/', '', 'pt', '/pt/cities'],
		['/', '', 'fr', '/fr'],
		['/cities', '?x=1', 'es', '/es/cities?x=1'],
		['/frank/page', '', 'en', '/en/frank/page']
	])('%s%s in %s → %s', (pathname, search, locale, expected) => {
		expect(localizedPath(pathname, search, locale as 'es')).toBe(expected);
	});
});

describe('translation', () => {
	it('knows the four locales only', () => {
		expect(['es', 'en', 'fr', 'pt'].every(isLocale)).toBe(true);
		expect(isLocale('de')).toBe(false);
		expect(isLocale(undefined)).toBe(false);
	});

	it('formats ICU messages with plurals and numbers in the locale', () => {
		const t = createTranslator('fr', { n: '{count, plural, one {# ville} other {# villes}}', hello: 'Bonjour {name}' });
		expect(t('n', { count: 1 })).toBe('1 ville');
		expect(t('n', { count: 1500 })).toBe('1\u202f500 villes');
		expect(t('hello', { name: 'Ana' })).toBe('Bonjour Ana');
		expect(translate('en', { n: '{count, plural, one {# city} other {# cities}}' }, 'n', { count: 2 })).toBe('2 cities');
	});

	it('shows the key of a missing message rather than failing', () => {
		expect(translate('es', {}, 'members.nothing.here')).toBe('members.nothing.here');
	});

	it('serves each locale its own file', () => {
		for (const locale of ['es', 'en', 'fr', 'pt'] as const) {
			expect(messagesFor(locale)['common.site.name'], locale).toBeTruthy();
			expect(translatorFor(locale)('common.site.name')).toBe(messagesFor(locale)['common.site.name']);
		}
		expect(messagesFor('fr')['common.nav.cities']).not.toBe(messagesFor('en')['common.nav.cities']);
	});
});
