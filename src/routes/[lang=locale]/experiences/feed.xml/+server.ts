import * as experiences from '#lib/server/experiences/index.ts';
import { problemFromFailure } from '#lib/server/http/problem.ts';

/** Atom feed of the most recently published experiences, in the path's language (`?bank=` for one bank). */
export async function GET({ url, locals }) {
	const result = await experiences.experiencesFeed(locals.app.database.db, experiences.experienceQueryInput(url.searchParams), {
		locale: locals.locale,
		publicUrl: locals.app.config.publicUrl
	});
	if (!result.ok) return problemFromFailure(result, locals.locale);
	return new Response(result.value, {
		headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
}
