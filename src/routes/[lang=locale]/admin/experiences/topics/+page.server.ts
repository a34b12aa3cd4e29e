import * as experiences from '#lib/server/experiences/index.ts';
import { actionFailure, readForm } from '#lib/server/http/forms.ts';

export async function load({ locals }) {
	return { topics: await experiences.listExperienceTopics(locals.app.database.db) };
}

export const actions = {
	default: async ({ request, locals }) => {
		const { values } = await readForm(request);
		const result = await experiences.addExperienceTopic(locals.app.database.db, locals.actor, values);
		if (!result.ok) return actionFailure(result, values);
		return { added: result.value.code };
	}
};
