import * as award from '#lib/server/award/index.ts';
import { actionFailure, loadFailure, parseId, readForm } from '#lib/server/http/forms.ts';

export async function load({ params, locals }) {
	const result = await award.getAwardCandidacyForStaff(
		award.awardDepsOf(locals.app),
		locals.actor,
		parseId(params.year),
		parseId(params.id)
	);
	if (!result.ok) loadFailure(result);
	return result.value;
}

export const actions = {
	admit: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await award.admitAwardCandidacy(award.awardDepsOf(locals.app), locals.actor, parseId(params.id), values);
		if (!result.ok) return actionFailure(result, values, 'admit');
		return { done: 'award.candidacy.done_admit' };
	},
	reject: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await award.rejectAwardCandidacy(award.awardDepsOf(locals.app), locals.actor, parseId(params.id), values);
		if (!result.ok) return actionFailure(result, values, 'reject');
		return { done: 'award.candidacy.done_reject' };
	},
	reopen: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await award.reopenAwardCandidacy(award.awardDepsOf(locals.app), locals.actor, parseId(params.id), values);
		if (!result.ok) return actionFailure(result, values, 'reopen');
		return { done: 'award.candidacy.done_reopen' };
	}
};
