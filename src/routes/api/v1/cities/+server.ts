import * as members from '#lib/server/members/index.ts';
import { jsonResponse, problemFromFailure } from '#lib/server/http/problem.ts';
import { readJsonBody } from '#lib/server/http/json-body.ts';

export async function GET({ url, locals }) {
	const result = await members.listCities(locals.app.database.db, Object.fromEntries(url.searchParams));
	if (!result.ok) return problemFromFailure(result, locals.locale);
	const { query, total, items } = result.value;
	return jsonResponse({ items: items.map(members.toPublicCity), total, page: query.page, pageSize: query.pageSize });
}

/** Creates a member city (secretariat), authenticated by the session cookie. */
export async function POST({ request, locals }) {
	const body = await readJsonBody(request);
	if (!body.ok) return problemFromFailure(body, locals.locale);
	const db = locals.app.database.db;
	const result = await members.createCity(db, locals.actor, body.value);
	if (!result.ok) return problemFromFailure(result, locals.locale);
	const created = await members.findCityById(db, result.value.id);
	return jsonResponse(members.toPublicCity(created!), { status: 201, headers: { location: `/api/v1/cities/${result.value.id}` } });
}
