// What the search and explore pages name facet values with: topics, networks and cities. They change
// rarely and are the same for every visitor, so they are read once for a minute, and again as soon as
// anything changes in this process.
import type { Db } from '../db/index.ts';
import { memoize } from '../core/memo.ts';
import { onDataChanged } from '../core/data-changes.ts';
import { listAllCities } from '../members/index.ts';
import { listNetworks } from '../networks/index.ts';
import { networkName } from '../../shared/networks/names.ts';
import type { Locale } from '../../shared/i18n.ts';
import { listExperienceTopics } from './experiences.service.ts';

async function readFacetLookups(db: Db) {
	const [topics, networks, cities] = await Promise.all([listExperienceTopics(db), listNetworks(db), listAllCities(db, { status: 'any' })]);
	return { topics, networks, cities: new Map(cities.map((c) => [String(c.id), c])) };
}
export type FacetLookups = Awaited<ReturnType<typeof readFacetLookups>>;

let lookupsByDatabase = new WeakMap<Db, ReturnType<typeof memoize<FacetLookups>>>();
onDataChanged(() => (lookupsByDatabase = new WeakMap()));

export function facetLookups(db: Db): Promise<FacetLookups> {
	let lookups = lookupsByDatabase.get(db);
	if (!lookups) lookupsByDatabase.set(db, (lookups = memoize(60, () => readFacetLookups(db))));
	return lookups.get();
}

/** Names of topics and networks in this language, and of the cities listed in a facet. */
export function facetValueNames(lookups: FacetLookups, lang: Locale, cityCodes: readonly string[]) {
	return {
		topic: Object.fromEntries(lookups.topics.map((topic) => [topic.code, topic.title[lang]])),
		network: Object.fromEntries(lookups.networks.map((n) => [String(n.id), networkName(n, lang)])),
		city: Object.fromEntries(cityCodes.map((code) => [code, lookups.cities.get(code)?.name ?? `#${code}`]))
	};
}
