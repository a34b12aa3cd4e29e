import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import * as experiences from '#lib/server/experiences/index.ts';
import { createFileStore } from '#lib/server/core/files.ts';
import { parseId } from '#lib/server/http/forms.ts';
import { upload } from '#lib/shared/experiences/constants.ts';

/** A file name for the download: the title (or the uploaded name), without characters that break headers or paths. */
function downloadName(file: { title: string | null; original_name: string }): string {
	const base = (file.title || file.original_name || 'document')
		.replace(/\.pdf$/i, '')
		// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a header
		.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
		.trim()
		.slice(0, 150);
	return `${base || 'document'}.pdf`;
}

/** RFC 8187 encoding of a header parameter value (encodeURIComponent leaves ' ( ) * as they are). */
function encodeParameter(value: string): string {
	return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export async function GET({ params, url, locals }) {
	const fileId = parseId(params.fileId);
	const found = await experiences.findExperienceFileForDownload(locals.app.database.db, locals.actor, fileId);
	if (!found.ok) error(404, 'common.errors.not_found');
	const { file, isPublic } = found.value;
	const isImage = file.kind === 'image';
	const askedWidth = Number(url.searchParams.get('w'));
	const width = isImage
		? (upload.imageWidths as readonly number[]).includes(askedWidth)
			? askedWidth
			: Math.max(...upload.imageWidths)
		: undefined;
	const store = createFileStore(path.join(locals.app.config.dataDir, 'uploads'));
	const location = store.resolve(file.storage_key, width);
	if (!location) error(404, 'common.errors.not_found');
	let stat: fs.Stats;
	try {
		stat = await fs.promises.stat(location);
	} catch {
		error(404, 'common.errors.not_found');
	}
	const headers = new Headers({
		'content-type': isImage ? 'image/webp' : 'application/pdf',
		'content-length': String(stat.size),
		'x-content-type-options': 'nosniff',
		'content-disposition': isImage ? 'inline' : `attachment; filename*=UTF-8''${encodeParameter(downloadName(file))}`,
		'cache-control': isPublic ? 'public, max-age=86400' : 'private, no-store'
	});
	const body = Readable.toWeb(fs.createReadStream(location)) as ReadableStream<Uint8Array>;
	return new Response(body, { headers });
}
