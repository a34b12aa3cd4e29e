import * as experiences from '#lib/server/experiences/index.ts';
import { translatorFor } from '#lib/server/core/i18n.ts';
import { worldMapData, type MapGroup, type MapPointInput } from '#lib/server/map/world-map.ts';
import { queryHref, withFacet } from '#lib/components/experiences/query.ts';

export async function load({ url, locals }) {
	const db = locals.app.database.db;
	const lang = locals.locale;
	const [result, data] = await Promise.all([
		experiences.exploreExperiences(db, experiences.experienceQueryInput(url.searchParams)),
		experiences.facetLookups(db)
	]);
	const names = (cityCodes: string[]) => experiences.facetValueNames(data, lang, cityCodes);
	const q = url.searchParams.get('q')?.slice(0, 200) ?? '';
	if (!result.ok) return { result: { ok: false as const, fieldErrors: result.fieldErrors ?? {}, q }, names: names([]), topicOrder: [] };

	const { query, facets, matrix, total } = result.value;
	const t = translatorFor(lang);
	const listPath = `/${lang}/experiences`;
	const countryNames = new Intl.DisplayNames([lang], { type: 'region' });

	// The map: one point per city, as heavy as its number of experiences. A single city leads to its
	// experiences; a cluster to those of its country, or of its region when it spans several.
	const points: MapPointInput[] = [];
	const cityRows: { id: number; name: string; countryCode: string; count: number; located: boolean }[] = [];
	for (const { code, count } of facets.city) {
		const city = data.cities.get(code);
		if (!city) continue;
		const located = city.latitude !== null && city.longitude !== null;
		cityRows.push({ id: Number(city.id), name: city.name, countryCode: city.country_code, count, located });
		if (!located) continue;
		const groups: MapGroup[] = [
			{ href: queryHref(listPath, withFacet(query, 'country', city.country_code)), label: countryLabel(countryNames, city.country_code) },
			{ href: queryHref(listPath, withFacet(query, 'region', city.region)), label: t(`members.regions.${city.region}`) }
		];
		points.push({
			id: Number(city.id),
			name: t('experiences.explore.city_marker', { city: city.name, count }),
			latitude: Number(city.latitude),
			longitude: Number(city.longitude),
			weight: count,
			href: queryHref(listPath, withFacet(query, 'city', city.id)),
			groups
		});
	}

	return {
		result: {
			ok: true as const,
			query,
			total,
			facets: { ...facets, city: [] },
			matrix,
			map: worldMapData(points, { view: 'fit' }),
			cities: cityRows,
			notLocated: cityRows.filter((c) => !c.located).length
		},
		names: names(cityRows.map((c) => String(c.id))),
		/** Topics in the secretariat's order, for the charts. */
		topicOrder: data.topics.map((topic) => topic.code)
	};
}

function countryLabel(names: Intl.DisplayNames, code: string): string {
	try {
		return names.of(code) ?? code;
	} catch {
		return code;
	}
}
