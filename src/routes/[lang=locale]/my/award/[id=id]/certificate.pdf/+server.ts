import { error } from '@sveltejs/kit';
import { renderAwardCertificate } from '#lib/server/award/index.ts';
import { parseId, requireSignedIn } from '#lib/server/http/forms.ts';

/** The certificate of a winner, special mention or finalist, as a PDF in the city's language. */
export async function GET({ params, locals, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const result = await renderAwardCertificate(locals.app.database.db, actor, parseId(params.id));
	if (!result.ok) error(result.status, result.code);
	const { bytes, filename } = result.value;
	return new Response(Buffer.from(bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}
