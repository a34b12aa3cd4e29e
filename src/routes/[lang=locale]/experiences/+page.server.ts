import * as experiences from '#lib/server/experiences/index.ts';
import * as members from '#lib/server/members/index.ts';
import * as networks from '#lib/server/networks/index.ts';
import { memoize } from '#lib/server/core/memo.ts';
import { onDataChanged } from '#lib/server/core/data-changes.ts';
import type { Db } from '#lib/server/db/index.ts';
import type { Locale } from '#lib/shared/i18n.ts';
import { networkName } from '#lib/shared/networks/names.ts';
import { hasActiveFilters } from '#lib/components/experiences/query.ts';

/** Cities named in the city facet: the ones with most experiences (and any chosen one). */
const cityFacetSize = 30;
const featuredCount = 6;

// Names of topics, networks and cities change rarely and are the same for every visitor: read once
// for a short while, and again as soon as anything changes in this process.
let lookups: ReturnType<typeof memoize<Awaited<ReturnType<typeof readLookups>>>> | undefined;
onDataChanged(() => lookups?.clear());

async function readLookups(db: Db) {
	const [topics, networkRows, cities] = await Promise.all([
		experiences.listExperienceTopics(db),
		networks.listNetworks(db),
		members.listAllCities(db, { status: 'any' })
	]);
	return { topics, networks: networkRows, cityNames: new Map(cities.map((c) => [String(c.id), c.name])) };
}

function namesFor(data: Awaited<ReturnType<typeof readLookups>>, lang: Locale, cityCodes: string[]) {
	return {
		topic: Object.fromEntries(data.topics.map((topic) => [topic.code, topic.title[lang]])),
		network: Object.fromEntries(data.networks.map((n) => [String(n.id), networkName(n, lang)])),
		city: Object.fromEntries(cityCodes.map((code) => [code, data.cityNames.get(code) ?? `#${code}`]))
	};
}

export async function load({ url, locals }) {
	const db = locals.app.database.db;
	const lang = locals.locale;
	lookups ??= memoize(60, () => readLookups(db));
	const input = experiences.experienceQueryInput(url.searchParams);
	const [result, lookupData] = await Promise.all([experiences.searchExperiences(db, input), lookups.get()]);

	if (!result.ok) {
		const q = typeof input.q === 'string' ? input.q.slice(0, 200) : '';
		return {
			result: { ok: false as const, fieldErrors: result.fieldErrors ?? {}, q },
			featured: [],
			names: namesFor(lookupData, lang, [])
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
		names: namesFor(
			lookupData,
			lang,
			cityFacet.map((f) => f.code)
		)
	};
}
