import * as networks from '#lib/server/networks/index.ts';
import { jsonResponse, problemFromFailure } from '#lib/server/http/problem.ts';

export async function GET({ url, locals }) {
	const result = await networks.searchNetworks(locals.app.database.db, Object.fromEntries(url.searchParams), locals.locale);
	if (!result.ok) return problemFromFailure(result, locals.locale);
	const { query, total, items } = result.value;
	return jsonResponse(
		{ items: items.map(networks.toPublicNetworkSummary), total, page: query.page, pageSize: query.pageSize, lang: query.lang },
		{ headers: { 'content-language': query.lang } }
	);
}
