import { error } from '@sveltejs/kit';
import { exportAwardCsv } from '#lib/server/award/index.ts';
import { parseId, requireSignedIn } from '#lib/server/http/forms.ts';

/** `/admin/award/2026/export/scores.csv` and its siblings: the edition's CSV exports for the secretariat. */
export async function GET({ params, locals, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const result = await exportAwardCsv(locals.app.database.db, actor, parseId(params.year), params.kind);
	if (!result.ok) error(result.status, result.code);
	const { body, contentType, filename } = result.value;
	return new Response(body, {
		headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' }
	});
}
