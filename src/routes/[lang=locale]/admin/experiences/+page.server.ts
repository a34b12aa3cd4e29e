import * as experiences from '#lib/server/experiences/index.ts';
import * as members from '#lib/server/members/index.ts';

export async function load({ url, locals }) {
	const db = locals.app.database.db;
	const input = Object.fromEntries(url.searchParams);
	const [result, cities] = await Promise.all([experiences.listWorkingExperiences(db, locals.actor, input), members.listAllCities(db, {})]);
	return {
		filters: input,
		cities: cities.map((c) => ({ id: c.id, name: c.name, countryCode: c.country_code })),
		result: result.ok
			? {
					ok: true as const,
					query: result.value.query,
					total: result.value.total,
					rows: result.value.rows,
					countsByStatus: result.value.countsByStatus
				}
			: { ok: false as const }
	};
}
