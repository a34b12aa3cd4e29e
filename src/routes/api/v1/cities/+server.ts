import * as members from '#lib/server/members/index.ts';
import { jsonResponse, problemFromFailure } from '#lib/server/http/problem.ts';

export async function GET({ url, locals }) {
	const result = await members.listCities(locals.app.database.db, Object.fromEntries(url.searchParams));
	if (!result.ok) return problemFromFailure(result, locals.locale);
	const { query, total, items } = result.value;
	return jsonResponse({ items: items.map(members.toPublicCity), total, page: query.page, pageSize: query.pageSize });
}
