import { fail, ok, type Result } from '../core/result.ts';

export const maxJsonBodyBytes = 1024 * 1024;

/** Reads a JSON request body of at most 1 MiB, also when it comes chunked without a length. */
export async function readJsonBody(request: Request, limit = maxJsonBodyBytes): Promise<Result<unknown>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/(.+\+)?json\b/i.test(type)) return fail(400, 'common.errors.json_expected');
	if (!request.body) return fail(400, 'common.errors.json_invalid');
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		// Past the limit the rest is read and dropped (the server's own cap bounds it): cancelling
		// the stream would close the connection before the client could read the 413.
		if (size <= limit) chunks.push(value);
	}
	if (size > limit) return fail(413, 'common.errors.too_large');
	try {
		return ok(JSON.parse(Buffer.concat(chunks).toString('utf8')));
	} catch {
		return fail(400, 'common.errors.json_invalid');
	}
}
