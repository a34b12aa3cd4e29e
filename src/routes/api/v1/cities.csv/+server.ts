import * as members from '#lib/server/members/index.ts';
import { problemFromFailure } from '#lib/server/http/problem.ts';

export async function GET({ url, locals }) {
	const { page: _page, pageSize: _size, ...filters } = Object.fromEntries(url.searchParams);
	const result = await members.exportCitiesCsv(locals.app.database.db, filters);
	if (!result.ok) return problemFromFailure(result, locals.locale);
	return new Response(result.value, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="member-cities.csv"' }
	});
}
