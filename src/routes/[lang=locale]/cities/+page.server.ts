import * as members from '#lib/server/members/index.ts';
import * as networks from '#lib/server/networks/index.ts';
import { networkName } from '#lib/shared/networks/names.ts';

export async function load({ url, locals }) {
	const db = locals.app.database.db;
	const input = Object.fromEntries(url.searchParams);
	const result = await members.listCities(db, input);
	const [countries, networkRows] = await Promise.all([members.listCountriesInUse(db), networks.listNetworks(db)]);
	return {
		filters: input,
		result: result.ok
			? { ok: true as const, query: result.value.query, total: result.value.total, items: result.value.items }
			: { ok: false as const, fieldErrors: result.fieldErrors ?? {} },
		countries: countries.map((c) => c.country_code),
		networks: networkRows.map((n) => ({ id: n.id, name: networkName(n, locals.locale) }))
	};
}
