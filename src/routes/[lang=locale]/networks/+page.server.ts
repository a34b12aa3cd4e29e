import * as networks from '#lib/server/networks/index.ts';
import { thematicNetworkRules } from '#lib/shared/networks/constants.ts';

export async function load({ locals }) {
	const db = locals.app.database.db;
	return {
		groups: await networks.listNetworksByKind(db, locals.locale),
		mayCreate: networks.canOnNetworks(locals.actor, 'network.create'),
		rules: { ...thematicNetworkRules }
	};
}
