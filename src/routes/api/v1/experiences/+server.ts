import * as experiences from '#lib/server/experiences/index.ts';
import { jsonResponse, problemFromFailure } from '#lib/server/http/problem.ts';

/** The public search of the Bank of Experiences: a page of published records and the facet counts. */
export async function GET({ url, locals }) {
	const result = await experiences.searchExperiences(locals.app.database.db, experiences.experienceQueryInput(url.searchParams));
	if (!result.ok) return problemFromFailure(result, locals.locale);
	const { query, total, items, facets } = result.value;
	const publicUrl = locals.app.config.publicUrl;
	return jsonResponse({
		items: items.map((item) => experiences.toPublicExperienceSummary(item, publicUrl)),
		total,
		page: query.page,
		pageSize: query.pageSize,
		facets
	});
}
