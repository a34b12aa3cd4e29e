import * as experiences from '#lib/server/experiences/index.ts';
import { hasActiveFilters } from '#lib/components/experiences/query.ts';

/** Cities named in the city facet: the ones with most experiences (and any chosen one). */
const cityFacetSize = 30;
const featuredCount = 6;

export async function load({ url, locals }) {
	const db = locals.app.database.db;
	const lang = locals.locale;
	const input = experiences.experienceQueryInput(url.searchParams);
	const [result, lookups] = await Promise.all([experiences.searchExperiences(db, input), experiences.facetLookups(db)]);

	if (!result.ok) {
		const q = typeof input.q === 'string' ? input.q.slice(0, 200) : '';
		return {
			result: { ok: false as const, fieldErrors: result.fieldErrors ?? {}, q },
			featured: [],
			names: experiences.facetValueNames(lookups, lang, [])
		};
	}

	const { query, total, items, facets } = result.value;
	// The secretariat's selection opens the bank when nothing has been asked for yet.
	const featured =
		!hasActiveFilters(query) && query.page === 1
			? await experiences.searchExperiences(db, { featured: '1', bank: query.bank, sort: 'newest', pageSize: featuredCount })
			: null;
	const cityFacet = facets.city.filter((f, index) => index < cityFacetSize || String(query.city) === f.code);
	return {
		result: {
			ok: true as const,
			query,
			total,
			items,
			facets: { ...facets, city: cityFacet }
		},
		featured: featured?.ok ? featured.value.items : [],
		names: experiences.facetValueNames(
			lookups,
			lang,
			cityFacet.map((f) => f.code)
		)
	};
}
