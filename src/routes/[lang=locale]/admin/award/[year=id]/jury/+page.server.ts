import {
	addAwardJuror,
	assignAllAwardJurors,
	assignAwardJurorsBalanced,
	awardDepsOf,
	decideAwardConflict,
	getAwardJuryForStaff,
	removeAwardJuror,
	setAwardAssignment,
	setAwardChair
} from '#lib/server/award/index.ts';
import { actionFailure, loadFailure, parseId, readForm, requireSignedIn } from '#lib/server/http/forms.ts';

export async function load({ locals, params, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const result = await getAwardJuryForStaff(locals.app.database.db, actor, parseId(params.year));
	if (!result.ok) loadFailure(result);
	return { jury: result.value };
}

/** A matrix button's value, "jurorId:candidacyId:1|0", as the assignment service's input. */
function pairInput(values: Record<string, unknown>): Record<string, unknown> {
	const match = /^(\d{1,10}):(\d{1,10}):([01])$/.exec(String(values.pair ?? ''));
	return match ? { jurorId: match[1], candidacyId: match[2], assigned: match[3] === '1' } : values;
}

export const actions = {
	addJuror: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await addAwardJuror(awardDepsOf(locals.app), locals.actor, parseId(params.year), values);
		if (!result.ok) return actionFailure(result, values, 'add');
		return { saved: 'award.jury.juror_added' };
	},
	removeJuror: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await removeAwardJuror(locals.app.database.db, locals.actor, parseId(params.year), values);
		if (!result.ok) return actionFailure(result, values, `juror-${values.jurorId}`);
		return { saved: 'award.jury.juror_removed' };
	},
	setChair: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await setAwardChair(locals.app.database.db, locals.actor, parseId(params.year), values);
		if (!result.ok) return actionFailure(result, values, `juror-${values.jurorId}`);
		return { saved: 'award.jury.chair_changed' };
	},
	decide: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const conflictId = parseId(String(values.conflictId ?? ''));
		const result = await decideAwardConflict(locals.app.database.db, locals.actor, parseId(params.year), conflictId, values);
		if (!result.ok) return actionFailure(result, values, `conflict-${conflictId}`);
		return { saved: `award.conflict.decided_${result.value.status}` };
	},
	assignAll: async ({ params, locals }) => {
		const result = await assignAllAwardJurors(locals.app.database.db, locals.actor, parseId(params.year));
		if (!result.ok) return actionFailure(result, {}, 'assign');
		return { saved: 'award.jury.assigned_all', savedValues: { added: result.value.added } };
	},
	assignBalanced: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await assignAwardJurorsBalanced(locals.app.database.db, locals.actor, parseId(params.year), values);
		if (!result.ok) return actionFailure(result, values, 'balanced');
		const { seed, perCandidacy, added, removed, shortfalls } = result.value;
		return { saved: 'award.jury.assigned_balanced', savedValues: { seed, perCandidacy, added, removed }, shortfalls };
	},
	assignment: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await setAwardAssignment(locals.app.database.db, locals.actor, parseId(params.year), pairInput(values));
		if (!result.ok) return actionFailure(result, values, 'matrix');
		return { saved: result.value.assigned ? 'award.jury.pair_assigned' : 'award.jury.pair_removed' };
	}
};
