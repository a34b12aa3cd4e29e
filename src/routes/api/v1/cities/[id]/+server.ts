import * as members from '#lib/server/members/index.ts';
import * as networks from '#lib/server/networks/index.ts';
import { jsonResponse, problem, problemFromFailure } from '#lib/server/http/problem.ts';
import { isLocale } from '#lib/shared/i18n.ts';
import { readJsonBody } from '#lib/server/http/json-body.ts';
import { networkName } from '#lib/shared/networks/names.ts';

export async function GET({ params, url, locals }) {
	const id = Number(params.id);
	if (!/^[1-9]\d{0,9}$/.test(params.id)) return problem(404, 'common.errors.not_found', locals.locale);
	const lang = url.searchParams.get('lang');
	if (lang !== null && !isLocale(lang))
		return problem(400, 'common.errors.validation', locals.locale, { lang: ['common.validation.invalid_choice'] });
	const locale = lang ?? locals.locale;
	const db = locals.app.database.db;
	const result = await members.getCity(db, null, id);
	if (!result.ok) return problemFromFailure(result, locals.locale);
	const cityNetworks = await networks.listNetworksOfCity(db, id);
	return jsonResponse({
		...members.toPublicCity(result.value.city),
		version: result.value.city.version,
		networks: cityNetworks.map((n) => ({ id: n.id, name: networkName(n, locale), kind: n.kind, role: n.role }))
	});
}

/** Updates a city (secretariat or the city's representative); `version` must be the one last read. */
export async function PATCH({ params, request, locals }) {
	if (!/^[1-9]\d{0,9}$/.test(params.id)) return problem(404, 'common.errors.not_found', locals.locale);
	const id = Number(params.id);
	const body = await readJsonBody(request);
	if (!body.ok) return problemFromFailure(body, locals.locale);
	const db = locals.app.database.db;
	const current = await members.findCityById(db, id);
	if (!current) return problem(404, 'common.errors.not_found', locals.locale);
	// A partial body is merged over the current record so that API clients may send only what changes.
	const merged = {
		name: current.name,
		countryCode: current.country_code,
		subdivision: current.subdivision ?? undefined,
		population: current.population,
		latitude: current.latitude ?? undefined,
		longitude: current.longitude ?? undefined,
		website: current.website ?? undefined,
		languages: current.languages,
		joinedOn: current.joined_on ?? undefined,
		governmentChangedOn: current.government_changed_on ?? undefined,
		...(typeof body.value === 'object' && body.value !== null ? body.value : {})
	};
	const result = await members.updateCity(db, locals.actor, id, merged);
	if (!result.ok) return problemFromFailure(result, locals.locale);
	const updated = await members.findCityById(db, id);
	return jsonResponse({ ...members.toPublicCity(updated!), version: updated!.version });
}
