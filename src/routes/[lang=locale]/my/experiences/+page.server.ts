import { error, redirect } from '@sveltejs/kit';
import * as experiences from '#lib/server/experiences/index.ts';
import * as members from '#lib/server/members/index.ts';
import { isStaff, representedCityIds } from '#lib/server/core/access.ts';
import { requireSignedIn } from '#lib/server/http/forms.ts';

export async function load({ locals, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	// The secretariat's list of every record is the admin one; this page is a city's own list.
	if (isStaff(actor)) redirect(303, `/${locals.locale}/admin/experiences${url.search}`);
	const cityIds = representedCityIds(actor);
	if (cityIds.length === 0) error(403, 'common.errors.forbidden');
	const db = locals.app.database.db;
	const input = Object.fromEntries(url.searchParams);
	const [result, cities] = await Promise.all([
		experiences.listWorkingExperiences(db, actor, input),
		Promise.all(cityIds.map((id) => members.findCityById(db, id)))
	]);
	return {
		filters: input,
		cities: cities.flatMap((c) => (c ? [{ id: c.id, name: c.name, countryCode: c.country_code }] : [])),
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
