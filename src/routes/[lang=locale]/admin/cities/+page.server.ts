import * as members from '#lib/server/members/index.ts';

export async function load({ url, locals }) {
	const input = Object.fromEntries(url.searchParams);
	const result = await members.listCities(locals.app.database.db, { sort: 'name', ...input });
	return {
		filters: input,
		result: result.ok
			? { ok: true as const, query: result.value.query, total: result.value.total, items: result.value.items }
			: { ok: false as const }
	};
}
