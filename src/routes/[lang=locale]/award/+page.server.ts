import * as award from '#lib/server/award/index.ts';

/** The award: calls under way, recent results and every earlier edition. Only public editions are read. */
export async function load({ locals }) {
	return { editions: await award.listPublicAwardEditions(locals.app.database.db) };
}
