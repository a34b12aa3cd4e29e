import type { Handle } from '@sveltejs/kit/hooks';
import { onDataChanged } from '../core/data-changes.ts';

/**
 * A few seconds of cache for the public pages and public API reads as anonymous visitors see them
 * (the directory, a city, the map, the networks): the same for everyone, so a burst costs one render.
 * Any change made through this process empties it at once (every change is audited, and the audit
 * notifies); changes made by another app server show here within `ttlSeconds`. Signed-in people,
 * non-GET requests and everything outside the public pages always get a fresh response.
 * PUBLIC_PAGE_CACHE_SECONDS=0 turns it off.
 */
const ttlSeconds = Number(process.env.PUBLIC_PAGE_CACHE_SECONDS ?? 5);
const maxEntries = 500;
/** Larger answers (a whole-bank export) are passed through as they stream instead of being kept. */
const maxBodyBytes = 2 * 1024 * 1024;
const publicPath = new RegExp(
	'^(' +
		[
			'/(es|en|fr|pt)(/(cities(/\\d+)?|map|networks(/\\d+)?|experiences(/explore|/\\d+|/feed\\.xml)?|award(/\\d{4})?))?',
			'/api/v1/(cities|networks)(/\\d+|\\.csv)?',
			'/api/v1/experiences(/\\d+|\\.csv|\\.json)?',
			'/api/v1/award/editions(/\\d{4})?'
		].join('|') +
		')$'
);

interface Entry {
	expires: number;
	status: number;
	headers: [string, string][];
	body: ArrayBuffer;
}

const entries = new Map<string, Entry>();
/** Renders under way: requests for the same page wait for the first one instead of each rendering it. */
const pending = new Map<string, Promise<Entry | null>>();
onDataChanged(() => entries.clear());

const fromEntry = (entry: Entry, cache: string) =>
	new Response(entry.body, { status: entry.status, headers: [...entry.headers, ['x-cache', cache]] });

export const publicPageCache: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	if (
		ttlSeconds <= 0 ||
		request.method !== 'GET' ||
		!publicPath.test(url.pathname) ||
		/(^|;\s*)(__Secure-)?ec\./.test(request.headers.get('cookie') ?? '')
	)
		return resolve(event);
	// The API answers in the language negotiated from Accept-Language, so that is part of the key.
	const key = `${event.locals.locale}|${url.pathname}${url.search}`;
	const now = Date.now();
	const hit = entries.get(key);
	if (hit && hit.expires > now) return fromEntry(hit, 'hit');
	const inFlight = pending.get(key);
	if (inFlight) {
		const shared = await inFlight;
		return shared ? fromEntry(shared, 'hit') : resolve(event);
	}
	let settle: (entry: Entry | null) => void = () => {};
	pending.set(key, new Promise((done) => (settle = done)));
	let stored: Entry | null = null;
	try {
		const response = await resolve(event);
		const csp = response.headers.get('content-security-policy') ?? '';
		if (response.status !== 200 || response.headers.has('set-cookie') || csp.includes("'nonce-")) return response;
		const read = await readUpTo(response.body, maxBodyBytes);
		if (!read.complete) return new Response(read.stream, { status: response.status, headers: response.headers });
		stored = {
			expires: now + ttlSeconds * 1000,
			status: response.status,
			headers: [...response.headers.entries()],
			body: read.bytes.buffer as ArrayBuffer
		};
		if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
		entries.set(key, stored);
		return fromEntry(stored, 'miss');
	} finally {
		pending.delete(key);
		settle(stored);
	}
};

type ReadBody = { complete: true; bytes: Uint8Array } | { complete: false; stream: ReadableStream<Uint8Array> };

/** Reads a body while it stays under `limit` bytes; past that, hands back a stream of what was read and the rest. */
async function readUpTo(body: ReadableStream<Uint8Array> | null, limit: number): Promise<ReadBody> {
	if (!body) return { complete: true, bytes: new Uint8Array(0) };
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) {
			const bytes = new Uint8Array(size);
			let offset = 0;
			for (const chunk of chunks) {
				bytes.set(chunk, offset);
				offset += chunk.byteLength;
			}
			return { complete: true, bytes };
		}
		chunks.push(value);
		size += value.byteLength;
		if (size > limit) {
			const stream = new ReadableStream<Uint8Array>({
				start(controller) {
					for (const chunk of chunks) controller.enqueue(chunk);
					chunks.length = 0;
				},
				async pull(controller) {
					const next = await reader.read();
					if (next.done) controller.close();
					else controller.enqueue(next.value);
				},
				cancel(reason) {
					return reader.cancel(reason);
				}
			});
			return { complete: false, stream };
		}
	}
}
