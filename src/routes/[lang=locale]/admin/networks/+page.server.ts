import * as networks from '#lib/server/networks/index.ts';

export async function load({ locals }) {
	const groups = await networks.listNetworksByKind(locals.app.database.db, locals.locale);
	return { networks: groups.flatMap((group) => group.networks) };
}
