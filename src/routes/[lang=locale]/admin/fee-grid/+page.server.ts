import * as members from '#lib/server/members/index.ts';
import { actionFailure, readForm } from '#lib/server/http/forms.ts';

export async function load({ locals }) {
	return { grids: await members.listFeeGrids(locals.app.database.db) };
}

/** Form fields named bands.<index>.<field> become an array of band objects. */
function bandsFromForm(values: Record<string, unknown>) {
	const bands: Record<string, unknown>[] = [];
	for (const [key, value] of Object.entries(values)) {
		const match = /^bands\.(\d{1,2})\.(\w+)$/.exec(key);
		if (!match) continue;
		const index = Number(match[1]);
		(bands[index] ??= {})[match[2]] = value;
	}
	return bands.filter((b) => b && Object.values(b).some((v) => String(v ?? '').trim() !== ''));
}

export const actions = {
	default: async ({ request, locals }) => {
		const { values } = await readForm(request);
		const input = { year: values.year, currency: values.currency, bands: bandsFromForm(values) };
		const result = await members.saveFeeGrid(locals.app.database.db, locals.actor, input);
		if (!result.ok) return actionFailure(result, values);
		return { saved: 'members.fee_grid.saved' };
	}
};
