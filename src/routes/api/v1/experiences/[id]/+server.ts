import * as experiences from '#lib/server/experiences/index.ts';
import { jsonResponse, problem, problemFromFailure } from '#lib/server/http/problem.ts';

/** One published record. The API is the public open-data surface: working copies are never served, whoever asks. */
export async function GET({ params, locals }) {
	// Checked here rather than by a route matcher so that a malformed id also gets a problem document.
	if (!/^[1-9]\d{0,9}$/.test(params.id)) return problem(404, 'common.errors.not_found', locals.locale);
	const result = await experiences.getPublishedExperience(locals.app.database.db, Number(params.id));
	if (!result.ok) return problemFromFailure(result, locals.locale);
	return jsonResponse(experiences.toPublicExperience(result.value.record, locals.app.config.publicUrl));
}
