import * as members from '#lib/server/members/index.ts';
import { worldMapData, type MapGroup } from '#lib/server/map/world-map.ts';
import { translatorFor } from '#lib/server/core/i18n.ts';

export async function load({ locals, url }) {
	const view = url.searchParams.get('view') === 'europe' ? 'europe' : 'world';
	const db = locals.app.database.db;
	const lang = locals.locale;
	const [points, byCountry] = await Promise.all([members.listCityPoints(db), members.countCitiesByRegionAndCountry(db)]);

	// A cluster of cities on the map links to the list of its country, or of its region when it spans several.
	const t = translatorFor(lang);
	const countryNames = new Intl.DisplayNames([lang], { type: 'region' });
	const regionOf = new Map(byCountry.map((row) => [row.country_code, row.region]));
	const groupsByCountry = new Map<string, MapGroup[]>();
	const groupsOf = (countryCode: string): MapGroup[] => {
		let groups = groupsByCountry.get(countryCode);
		if (!groups) {
			groups = [{ href: `/${lang}/cities?country=${encodeURIComponent(countryCode)}`, label: countryLabel(countryNames, countryCode) }];
			const region = regionOf.get(countryCode);
			if (region) groups.push({ href: `/${lang}/cities?region=${encodeURIComponent(region)}`, label: t(`members.regions.${region}`) });
			groupsByCountry.set(countryCode, groups);
		}
		return groups;
	};
	const located = points.flatMap((p) =>
		p.latitude != null && p.longitude != null
			? [
					{
						id: p.id,
						name: p.name,
						latitude: p.latitude,
						longitude: p.longitude,
						href: `/${lang}/cities/${p.id}`,
						groups: groupsOf(p.country_code)
					}
				]
			: []
	);

	const byRegion = new Map<string, number>();
	for (const row of byCountry) byRegion.set(row.region, (byRegion.get(row.region) ?? 0) + Number(row.cities));

	return {
		view,
		map: worldMapData(located, { view }),
		totals: {
			cities: byCountry.reduce((sum, row) => sum + Number(row.cities), 0),
			countries: new Set(byCountry.map((row) => row.country_code)).size,
			located: located.length
		},
		byRegion: [...byRegion.entries()].map(([region, cities]) => ({ region, cities })),
		byCountry: byCountry.map((row) => ({ region: row.region, countryCode: row.country_code, cities: Number(row.cities) }))
	};
}

function countryLabel(names: Intl.DisplayNames, code: string): string {
	try {
		return names.of(code) ?? code;
	} catch {
		return code;
	}
}
