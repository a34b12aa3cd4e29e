import { decideAwardConflict, listAwardConflictsForChair } from '#lib/server/award/index.ts';
import { actionFailure, loadFailure, parseId, readForm, requireSignedIn } from '#lib/server/http/forms.ts';

export async function load({ locals, params, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const result = await listAwardConflictsForChair(locals.app.database.db, actor, parseId(params.year));
	if (!result.ok) loadFailure(result);
	return { chair: result.value };
}

export const actions = {
	decide: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const conflictId = parseId(String(values.conflictId ?? ''));
		const result = await decideAwardConflict(locals.app.database.db, locals.actor, parseId(params.year), conflictId, values);
		if (!result.ok) return actionFailure(result, values, `conflict-${conflictId}`);
		return { saved: `award.conflict.decided_${result.value.status}` };
	}
};
