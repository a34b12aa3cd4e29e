// The search of the Bank of Experiences lives entirely in the URL, so that every view can be linked,
// bookmarked and used without JavaScript. These helpers turn a parsed query back into links: add or
// remove one facet value and keep everything else. Any change of the filters goes back to page one.
// Pure functions, free of Svelte and SvelteKit imports, so that they can be tested on their own.
import type { ExperienceQuery } from '#lib/shared/experiences/schemas.ts';
import type { FacetName } from '#lib/shared/experiences/constants.ts';

/** A parsed query, or part of one: what a link is built from. */
export type QueryState = Partial<ExperienceQuery>;
export type ParamName = keyof ExperienceQuery;

/** Facets that take several values at once (a record must have them all). The others take one. */
export const multiValueFacets = ['principle', 'topic', 'target', 'sdg'] as const satisfies readonly FacetName[];
type MultiValueFacet = (typeof multiValueFacets)[number];

/** Facets whose values are numbers in the parsed query. */
const numericFacets = new Set<FacetName>(['principle', 'sdg', 'network', 'city', 'year']);

/** The order parameters are written in: the same query always gives the same URL (and cache key). */
const paramOrder: readonly ParamName[] = [
	'q',
	'bank',
	'principle',
	'topic',
	'target',
	'sdg',
	'region',
	'country',
	'network',
	'city',
	'year',
	'lang',
	'featured',
	'sort',
	'page',
	'pageSize'
];

/** The page size the query schema falls back to; not written into links. */
export const defaultPageSize = 20;

export function isMultiValueFacet(facet: FacetName): facet is MultiValueFacet {
	return (multiValueFacets as readonly string[]).includes(facet);
}

/** The query as URL parameters, leaving out what is empty or the default (page 1, the default page size). */
export function toSearchParams(query: QueryState): URLSearchParams {
	const params = new URLSearchParams();
	for (const name of paramOrder) {
		const value = query[name];
		if (value === undefined || value === null || value === '') continue;
		if (Array.isArray(value)) {
			for (const item of value) params.append(name, String(item));
		} else if (name === 'featured') {
			if (value === true) params.set(name, '1');
		} else if (name === 'page') {
			if (Number(value) > 1) params.set(name, String(value));
		} else if (name === 'pageSize') {
			if (Number(value) !== defaultPageSize) params.set(name, String(value));
		} else {
			params.set(name, String(value));
		}
	}
	return params;
}

/** A link to `path` with the query: `/es/experiences?q=agua&principle=3`, or just the path. */
export function queryHref(path: string, query: QueryState): string {
	const search = toSearchParams(query).toString();
	return search ? `${path}?${search}` : path;
}

/** The same search from its first page. */
export function withoutPaging(query: QueryState): QueryState {
	const { page: _page, ...rest } = query;
	return rest;
}

/** The same search as an export or a feed wants it: every match, no page or page size. */
export function withoutPagination(query: QueryState): QueryState {
	const { page: _page, pageSize: _pageSize, ...rest } = query;
	return rest;
}

function sameValue(a: unknown, b: unknown): boolean {
	return String(a) === String(b);
}

function typed(facet: FacetName, value: string | number): string | number {
	return numericFacets.has(facet) ? Number(value) : String(value);
}

/** Is this facet value part of the query? */
export function hasFacetValue(query: QueryState, facet: FacetName, value: string | number): boolean {
	const current = query[facet];
	if (Array.isArray(current)) return current.some((item) => sameValue(item, value));
	return current !== undefined && current !== null && sameValue(current, value);
}

/**
 * The query narrowed by one facet value: added to a list facet (when not already there), or taking
 * the place of a single-value facet's current value.
 */
export function withFacet(query: QueryState, facet: FacetName, value: string | number): QueryState {
	const next: Record<string, unknown> = { ...withoutPaging(query) };
	if (isMultiValueFacet(facet)) {
		const current = (query[facet] ?? []) as (string | number)[];
		next[facet] = current.some((item) => sameValue(item, value)) ? [...current] : [...current, typed(facet, value)];
	} else {
		next[facet] = typed(facet, value);
	}
	return next as QueryState;
}

/** The query without one facet value, or without the facet altogether when no value is given. */
export function withoutFacet(query: QueryState, facet: FacetName, value?: string | number): QueryState {
	const next: Record<string, unknown> = { ...withoutPaging(query) };
	const current = query[facet];
	if (Array.isArray(current) && value !== undefined) {
		const kept = current.filter((item) => !sameValue(item, value));
		if (kept.length) next[facet] = kept;
		else delete next[facet];
	} else if (value === undefined || (current !== undefined && sameValue(current, value))) {
		delete next[facet];
	}
	return next as QueryState;
}

/** The query with one of its other parameters (search text, bank, sort) changed or removed. */
export function withParam<K extends 'q' | 'bank' | 'sort' | 'featured'>(
	query: QueryState,
	name: K,
	value: ExperienceQuery[K] | undefined
): QueryState {
	const next: Record<string, unknown> = { ...withoutPaging(query) };
	if (value === undefined || value === null || value === '') delete next[name];
	else next[name] = value;
	// Relevance only means something with search words.
	if (name === 'q' && !next.q && next.sort === 'relevance') delete next.sort;
	return next as QueryState;
}

export interface ActiveFilter {
	/** `q` for the search words, `featured` for the secretariat's selection, otherwise the facet. */
	name: 'q' | 'featured' | FacetName;
	value: string;
}

/** Filters to show as removable: the search words and every facet value except the bank (a scope of its own). */
export function activeFilters(query: QueryState): ActiveFilter[] {
	const filters: ActiveFilter[] = [];
	if (query.q) filters.push({ name: 'q', value: query.q });
	for (const name of paramOrder) {
		if (name === 'q' || name === 'bank' || name === 'sort' || name === 'page' || name === 'pageSize' || name === 'featured') continue;
		const value = query[name];
		if (Array.isArray(value)) for (const item of value) filters.push({ name: name as FacetName, value: String(item) });
		else if (value !== undefined && value !== null && value !== '') filters.push({ name: name as FacetName, value: String(value) });
	}
	if (query.featured === true) filters.push({ name: 'featured', value: '1' });
	return filters;
}

/** The query without the filter (a search word list or a facet value). */
export function withoutFilter(query: QueryState, filter: ActiveFilter): QueryState {
	if (filter.name === 'q' || filter.name === 'featured') return withParam(query, filter.name, undefined);
	return withoutFacet(query, filter.name, filter.value);
}

/** Everything cleared but the bank and the page size: "clear all". */
export function clearedQuery(query: QueryState): QueryState {
	const next: QueryState = {};
	if (query.bank) next.bank = query.bank;
	if (query.pageSize !== undefined) next.pageSize = query.pageSize;
	return next;
}

/** Does the query narrow the bank at all (search words or a facet value)? */
export function hasActiveFilters(query: QueryState): boolean {
	return activeFilters(query).length > 0;
}
