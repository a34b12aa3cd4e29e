import { describe, expect, it } from 'vitest';
import {
	activeFilters,
	clearedQuery,
	hasActiveFilters,
	hasFacetValue,
	queryHref,
	toSearchParams,
	withFacet,
	withoutFacet,
	withoutFilter,
	withoutPagination,
	withParam,
	type QueryState
} from './query.ts';

const base: QueryState = {
	q: 'agua',
	principle: [3],
	topic: ['environment'],
	target: [],
	sdg: [],
	country: 'ES',
	bank: 'international',
	sort: 'newest',
	page: 3,
	pageSize: 20
};

describe('experience query links', () => {
	it('writes parameters in a fixed order, leaving out empty lists, page 1 and the default page size', () => {
		expect(toSearchParams({ ...base, page: 1 }).toString()).toBe(
			'q=agua&bank=international&principle=3&topic=environment&country=ES&sort=newest'
		);
		expect(toSearchParams({ topic: ['b'], principle: [2, 1] }).toString()).toBe('principle=2&principle=1&topic=b');
		expect(toSearchParams({ page: 2, pageSize: 50, featured: true }).toString()).toBe('featured=1&page=2&pageSize=50');
		expect(toSearchParams({ featured: false, pageSize: 20, page: 1 }).toString()).toBe('');
	});

	it('builds a link with or without a query string', () => {
		expect(queryHref('/es/experiences', {})).toBe('/es/experiences');
		expect(queryHref('/es/experiences', { q: 'niñez & juego' })).toBe('/es/experiences?q=ni%C3%B1ez+%26+juego');
	});

	it('adds a value to a list facet, keeps everything else and goes back to the first page', () => {
		const next = withFacet(base, 'principle', '7');
		expect(next.principle).toEqual([3, 7]);
		expect(next.page).toBeUndefined();
		expect(next.q).toBe('agua');
		expect(next.topic).toEqual(['environment']);
		expect(base.principle).toEqual([3]);
		expect(withFacet(base, 'principle', 3).principle).toEqual([3]);
		expect(withFacet(base, 'sdg', 4).sdg).toEqual([4]);
	});

	it('replaces the value of a single-value facet', () => {
		expect(withFacet(base, 'country', 'PT').country).toBe('PT');
		expect(withFacet(base, 'year', '2019').year).toBe(2019);
		expect(withFacet(base, 'city', 12).city).toBe(12);
		expect(withFacet(base, 'lang', 'fr').lang).toBe('fr');
	});

	it('removes one value, or the whole facet', () => {
		const two = withFacet(base, 'principle', 7);
		expect(withoutFacet(two, 'principle', 3).principle).toEqual([7]);
		expect('principle' in withoutFacet(base, 'principle', 3)).toBe(false);
		expect('country' in withoutFacet(base, 'country')).toBe(false);
		expect(withoutFacet(base, 'country', 'PT').country).toBe('ES');
		expect(withoutFacet(base, 'country', 'ES').page).toBeUndefined();
	});

	it('knows which facet values are active', () => {
		expect(hasFacetValue(base, 'principle', '3')).toBe(true);
		expect(hasFacetValue(base, 'principle', 4)).toBe(false);
		expect(hasFacetValue(base, 'country', 'ES')).toBe(true);
		expect(hasFacetValue(base, 'year', 2019)).toBe(false);
	});

	it('lists the search words and facet values as removable filters, but not the bank, sort or page', () => {
		const filters = activeFilters(base);
		expect(filters).toEqual([
			{ name: 'q', value: 'agua' },
			{ name: 'principle', value: '3' },
			{ name: 'topic', value: 'environment' },
			{ name: 'country', value: 'ES' }
		]);
		const withoutWords = withoutFilter(base, filters[0]);
		expect(withoutWords.q).toBeUndefined();
		expect(withoutFilter(base, filters[1]).principle).toBeUndefined();
		expect(hasActiveFilters({ bank: 'international', sort: 'title', page: 2 })).toBe(false);
		expect(hasActiveFilters({ featured: true })).toBe(true);
		expect(activeFilters({ featured: true, sort: 'title' })).toEqual([{ name: 'featured', value: '1' }]);
		expect('featured' in withoutFilter({ featured: true, q: 'x' }, { name: 'featured', value: '1' })).toBe(false);
		expect(hasActiveFilters(base)).toBe(true);
	});

	it('drops sorting by relevance together with the search words', () => {
		expect(withParam({ q: 'x', sort: 'relevance' }, 'q', undefined).sort).toBeUndefined();
		expect(withParam({ q: 'x', sort: 'title' }, 'q', '').sort).toBe('title');
		const switched = withParam(base, 'bank', 'latin_american');
		expect(switched).toMatchObject({ bank: 'latin_american', q: 'agua' });
		expect('page' in switched).toBe(false);
		expect('bank' in withParam(base, 'bank', undefined)).toBe(false);
	});

	it('clears everything but the bank, and leaves exports without paging', () => {
		expect(clearedQuery(base)).toEqual({ bank: 'international', pageSize: 20 });
		expect(toSearchParams(clearedQuery({ q: 'x' })).toString()).toBe('');
		expect(toSearchParams(withoutPagination({ ...base, pageSize: 50 })).toString()).toBe(
			'q=agua&bank=international&principle=3&topic=environment&country=ES&sort=newest'
		);
	});
});
