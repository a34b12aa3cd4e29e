import * as members from '#lib/server/members/index.ts';
import * as networks from '#lib/server/networks/index.ts';
import { jsonResponse, problem, problemFromFailure } from '#lib/server/http/problem.ts';
import { isLocale } from '#lib/shared/i18n.ts';
import { networkName } from '#lib/shared/networks/names.ts';

export async function GET({ params, url, locals }) {
	const id = Number(params.id);
	if (!/^[1-9]\d{0,9}$/.test(params.id)) return problem(404, 'common.errors.not_found', locals.locale);
	const lang = url.searchParams.get('lang');
	if (lang !== null && !isLocale(lang)) return problem(400, 'common.errors.validation', locals.locale, { lang: ['common.validation.invalid_choice'] });
	const locale = lang ?? locals.locale;
	const db = locals.app.database.db;
	const result = await members.getCity(db, null, id);
	if (!result.ok) return problemFromFailure(result, locals.locale);
	const cityNetworks = await networks.listNetworksOfCity(db, id);
	return jsonResponse({
		...members.toPublicCity(result.value.city),
		networks: cityNetworks.map((n) => ({ id: n.id, name: networkName(n, locale), kind: n.kind, role: n.role }))
	});
}
