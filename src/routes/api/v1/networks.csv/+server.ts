import * as networks from '#lib/server/networks/index.ts';
import { problemFromFailure } from '#lib/server/http/problem.ts';

export async function GET({ url, locals }) {
	const result = await networks.exportNetworksCsv(locals.app.database.db, Object.fromEntries(url.searchParams), locals.locale);
	if (!result.ok) return problemFromFailure(result, locals.locale);
	return new Response(result.value, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="networks.csv"' }
	});
}
