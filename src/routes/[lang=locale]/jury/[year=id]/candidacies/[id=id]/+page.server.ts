import { redirect } from '@sveltejs/kit';
import { declareAwardConflict, getAwardCandidacyForJuror, saveAwardReview, submitAwardReview } from '#lib/server/award/index.ts';
import { actionFailure, loadFailure, parseId, readForm, requireSignedIn } from '#lib/server/http/forms.ts';
import { reviewInputFromForm } from '#lib/shared/award/jury-schemas.ts';

export async function load({ locals, params, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const result = await getAwardCandidacyForJuror(locals.app.database.db, actor, parseId(params.year), parseId(params.id));
	if (!result.ok) loadFailure(result);
	return { reading: result.value };
}

export const actions = {
	save: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await saveAwardReview(
			locals.app.database.db,
			locals.actor,
			parseId(params.year),
			parseId(params.id),
			reviewInputFromForm(values)
		);
		if (!result.ok) return actionFailure(result, values, 'score');
		return { saved: 'award.review.saved_draft' };
	},
	submit: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await submitAwardReview(
			locals.app.database.db,
			locals.actor,
			parseId(params.year),
			parseId(params.id),
			reviewInputFromForm(values)
		);
		if (!result.ok) return actionFailure(result, values, 'score');
		return { saved: 'award.review.submitted_message' };
	},
	declare: async ({ request, params, locals }) => {
		const year = parseId(params.year);
		const { values } = await readForm(request);
		const result = await declareAwardConflict(locals.app.database.db, locals.actor, year, parseId(params.id), values);
		if (!result.ok) return actionFailure(result, values, 'declare');
		redirect(303, `/${locals.locale}/jury/${year}?done=declared`);
	}
};
