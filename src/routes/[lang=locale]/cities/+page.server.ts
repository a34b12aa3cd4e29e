import * as members from '#lib/server/members/index.ts';
import * as networks from '#lib/server/networks/index.ts';
import { memoize } from '#lib/server/core/memo.ts';
import type { Db } from '#lib/server/db/index.ts';
import { networkName } from '#lib/shared/networks/names.ts';

// The filter options change rarely and are the same for every visitor.
let filterOptions:
	ReturnType<typeof memoize<{ countries: string[]; networks: Awaited<ReturnType<typeof networks.listNetworks>> }>> | undefined;
function readFilterOptions(db: Db) {
	filterOptions ??= memoize(15, async () => ({
		countries: (await members.listCountriesInUse(db)).map((c) => c.country_code),
		networks: await networks.listNetworks(db)
	}));
	return filterOptions.get();
}

export async function load({ url, locals }) {
	const db = locals.app.database.db;
	// The directory shows today's members unless another status (or every status) is asked for.
	const input = { ...Object.fromEntries(url.searchParams), status: url.searchParams.get('status') || 'current' };
	const [result, options] = await Promise.all([members.listCities(db, input), readFilterOptions(db)]);
	return {
		filters: input,
		result: result.ok
			? {
					ok: true as const,
					query: result.value.query,
					total: result.value.total,
					// Only what the table shows: page data is serialized into every response.
					items: result.value.items.map((c) => ({
						id: c.id,
						name: c.name,
						country_code: c.country_code,
						region: c.region,
						population: c.population,
						joined_on: c.joined_on,
						status: c.status
					}))
				}
			: { ok: false as const, fieldErrors: result.fieldErrors ?? {} },
		countries: options.countries,
		networks: options.networks.map((n) => ({ id: n.id, name: networkName(n, locals.locale) }))
	};
}
