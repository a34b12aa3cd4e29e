import * as networks from '#lib/server/networks/index.ts';
import { jsonResponse, problem, problemFromFailure } from '#lib/server/http/problem.ts';
import { validate } from '#lib/server/core/result.ts';
import { networkDetailQuerySchema } from '#lib/shared/networks/schemas.ts';

export async function GET({ params, url, locals }) {
	if (!/^[1-9]\d{0,9}$/.test(params.id)) return problem(404, 'common.errors.not_found', locals.locale);
	const query = validate(networkDetailQuerySchema, Object.fromEntries(url.searchParams));
	if (!query.ok) return problemFromFailure(query, locals.locale);
	const lang = query.value.lang ?? locals.locale;
	const result = await networks.getNetwork(locals.app.database.db, null, Number(params.id));
	if (!result.ok) return problemFromFailure(result, locals.locale);
	return jsonResponse(networks.toPublicNetworkDetail(result.value.network, result.value.members, lang), {
		headers: { 'content-language': lang }
	});
}
