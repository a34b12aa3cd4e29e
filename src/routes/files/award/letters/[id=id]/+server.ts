import fs from 'node:fs';
import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import * as award from '#lib/server/award/index.ts';
import { parseId } from '#lib/server/http/forms.ts';

/** A file name for the download, without characters that break headers or paths. */
function downloadName(name: string): string {
	const base = name
		.replace(/\.pdf$/i, '')
		// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a header
		.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
		.trim()
		.slice(0, 150);
	return `${base || 'letter'}.pdf`;
}

/** RFC 8187 encoding of a header parameter value (encodeURIComponent leaves ' ( ) * as they are). */
function encodeParameter(value: string): string {
	return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A candidacy's support letter: for the secretariat and the city's representatives only (404 for anyone else). */
export async function GET({ params, locals }) {
	const deps = award.awardDepsOf(locals.app);
	const found = await award.findSupportLetterForDownload(deps.db, locals.actor, parseId(params.id));
	if (!found.ok) error(404, 'common.errors.not_found');
	const location = deps.files.resolve(found.value.storageKey);
	if (!location) error(404, 'common.errors.not_found');
	let stat: fs.Stats;
	try {
		stat = await fs.promises.stat(location);
	} catch {
		error(404, 'common.errors.not_found');
	}
	const headers = new Headers({
		'content-type': 'application/pdf',
		'content-length': String(stat.size),
		'x-content-type-options': 'nosniff',
		'content-disposition': `attachment; filename*=UTF-8''${encodeParameter(downloadName(found.value.name))}`,
		'cache-control': 'private, no-store'
	});
	return new Response(Readable.toWeb(fs.createReadStream(location)) as ReadableStream<Uint8Array>, { headers });
}
