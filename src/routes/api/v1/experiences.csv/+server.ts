import * as experiences from '#lib/server/experiences/index.ts';
import { problemFromFailure } from '#lib/server/http/problem.ts';

/** Every published record matching the search (not paged), streamed as CSV. */
export async function GET({ url, locals }) {
	const result = experiences.exportExperiences(locals.app.database.db, experiences.experienceQueryInput(url.searchParams), 'csv', {
		publicUrl: locals.app.config.publicUrl
	});
	if (!result.ok) return problemFromFailure(result, locals.locale);
	const { body, contentType, filename } = result.value;
	return new Response(body, { headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${filename}"` } });
}
