import * as members from '#lib/server/members/index.ts';
import * as networks from '#lib/server/networks/index.ts';
import { countListings } from '#lib/server/experiences/index.ts';

export async function load({ locals }) {
	const db = locals.app.database.db;
	const [byCountry, networkRows, experiences] = await Promise.all([
		members.countCitiesByRegionAndCountry(db),
		networks.listNetworks(db),
		countListings(db)
	]);
	const byRegion = new Map<string, number>();
	for (const row of byCountry) byRegion.set(row.region, (byRegion.get(row.region) ?? 0) + Number(row.cities));
	return {
		totals: {
			cities: byCountry.reduce((sum, r) => sum + Number(r.cities), 0),
			countries: new Set(byCountry.map((r) => r.country_code)).size,
			networks: networkRows.length,
			experiences
		},
		byRegion: [...byRegion.entries()].map(([region, cities]) => ({ region, cities })).sort((a, b) => b.cities - a.cities)
	};
}
