import fs from 'node:fs';
import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import * as award from '#lib/server/award/index.ts';

/** A file name for the download: the uploaded name, without characters that break headers or paths. */
function downloadName(name: string): string {
	const base = name
		.replace(/\.pdf$/i, '')
		// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a header
		.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
		.trim()
		.slice(0, 150);
	return `${base || 'rules'}.pdf`;
}

/** RFC 8187 encoding of a header parameter value (encodeURIComponent leaves ' ( ) * as they are). */
function encodeParameter(value: string): string {
	return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The rules of an edition: public for announced and earlier editions, for the secretariat only while a draft. */
export async function GET({ params, locals }) {
	const found = await award.findAwardRulesForDownload(locals.app.database.db, locals.actor, params.year);
	if (!found.ok) error(404, 'common.errors.not_found');
	const { storageKey, name, isPublic } = found.value;
	const location = award.awardDepsOf(locals.app).files.resolve(storageKey);
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
		'content-disposition': `attachment; filename*=UTF-8''${encodeParameter(downloadName(name))}`,
		// A new upload replaces the document under the same address: caches must ask again.
		'cache-control': isPublic ? 'public, max-age=300' : 'private, no-store'
	});
	return new Response(Readable.toWeb(fs.createReadStream(location)) as ReadableStream<Uint8Array>, { headers });
}
