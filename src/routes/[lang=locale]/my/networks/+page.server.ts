import * as networks from '#lib/server/networks/index.ts';
import { loadFailure, requireSignedIn } from '#lib/server/http/forms.ts';
import { networkName } from '#lib/shared/networks/names.ts';

export async function load({ locals, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const result = await networks.listManagedNetworks(locals.app.database.db, actor);
	if (!result.ok) loadFailure(result);
	return { networks: result.value.map((n) => ({ id: n.id, kind: n.kind, name: networkName(n, locals.locale) })) };
}
