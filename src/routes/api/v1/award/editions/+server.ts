import * as award from '#lib/server/award/index.ts';
import { jsonResponse, problemFromFailure } from '#lib/server/http/problem.ts';

/** The public editions of the award, newest first: announced calls and earlier editions; never drafts. */
export async function GET({ url, locals }) {
	const result = await award.pagePublicAwardEditions(locals.app.database.db, Object.fromEntries(url.searchParams));
	if (!result.ok) return problemFromFailure(result, locals.locale);
	const { query, total, items } = result.value;
	const publicUrl = locals.app.config.publicUrl;
	return jsonResponse({
		items: items.map((view) => award.toPublicAwardEditionSummary(view, publicUrl)),
		total,
		page: query.page,
		pageSize: query.pageSize
	});
}
