import { describe, expect, it } from 'vitest';
import { publicPageCache } from './page-cache.ts';
import { notifyDataChanged } from '../core/data-changes.ts';

function eventFor(path: string, init: { cookie?: string; method?: string; locale?: string } = {}) {
	const url = new URL(`http://localhost${path}`);
	const headers = new Headers(init.cookie ? { cookie: init.cookie } : {});
	return { url, request: new Request(url, { method: init.method ?? 'GET', headers }), locals: { locale: init.locale ?? 'en' } } as never;
}

function counter() {
	let renders = 0;
	const resolve = async () => {
		renders++;
		return new Response(`render ${renders}`, { status: 200, headers: { 'content-type': 'text/html' } });
	};
	return { resolve: resolve as never, renders: () => renders };
}

describe('public page cache', () => {
	it('serves an anonymous public page from the cache until data changes', async () => {
		const { resolve, renders } = counter();
		const first = await publicPageCache({ event: eventFor('/en/cities?q=cache-test-1'), resolve });
		const second = await publicPageCache({ event: eventFor('/en/cities?q=cache-test-1'), resolve });
		expect(await first.text()).toBe('render 1');
		expect(await second.text()).toBe('render 1');
		expect(second.headers.get('x-cache')).toBe('hit');
		expect(renders()).toBe(1);
		notifyDataChanged();
		const third = await publicPageCache({ event: eventFor('/en/cities?q=cache-test-1'), resolve });
		expect(await third.text()).toBe('render 2');
	});

	it('renders a page once for a burst of simultaneous requests', async () => {
		let renders = 0;
		let release: () => void = () => {};
		const gate = new Promise<void>((done) => (release = done));
		const resolve = (async () => {
			renders++;
			await gate;
			return new Response(`render ${renders}`, { status: 200 });
		}) as never;
		const burst = Array.from({ length: 20 }, () => publicPageCache({ event: eventFor('/en/experiences?q=burst'), resolve }));
		release();
		const bodies = await Promise.all((await Promise.all(burst)).map((r) => r.text()));
		expect(renders).toBe(1);
		expect(new Set(bodies)).toEqual(new Set(['render 1']));
	});

	it('lets waiting requests render for themselves when the first answer cannot be kept', async () => {
		let renders = 0;
		const resolve = (async () => {
			renders++;
			await new Promise((done) => setTimeout(done, 5));
			return new Response('not found', { status: 404 });
		}) as never;
		const answers = await Promise.all([1, 2, 3].map(() => publicPageCache({ event: eventFor('/en/experiences/999999'), resolve })));
		expect(answers.map((a) => a.status)).toEqual([404, 404, 404]);
		expect(renders).toBe(3);
	});

	it('never caches signed-in requests, other methods, private pages or failures', async () => {
		const { resolve, renders } = counter();
		for (let i = 0; i < 2; i++) {
			await publicPageCache({ event: eventFor('/en/cities?q=cache-test-2', { cookie: 'ec.session_token=abc' }), resolve });
			await publicPageCache({ event: eventFor('/en/cities?q=cache-test-2', { method: 'POST' }), resolve });
			await publicPageCache({ event: eventFor('/en/admin/cities'), resolve });
			await publicPageCache({ event: eventFor('/en/cities/7/edit'), resolve });
		}
		expect(renders()).toBe(8);
		let failures = 0;
		const failing = (async () => {
			failures++;
			return new Response('not found', { status: 404 });
		}) as never;
		await publicPageCache({ event: eventFor('/en/cities/999999'), resolve: failing });
		await publicPageCache({ event: eventFor('/en/cities/999999'), resolve: failing });
		expect(failures).toBe(2);
	});

	it('keeps API answers apart by negotiated language', async () => {
		const { resolve, renders } = counter();
		await publicPageCache({ event: eventFor('/api/v1/cities/1', { locale: 'fr' }), resolve });
		await publicPageCache({ event: eventFor('/api/v1/cities/1', { locale: 'pt' }), resolve });
		await publicPageCache({ event: eventFor('/api/v1/cities/1', { locale: 'fr' }), resolve });
		expect(renders()).toBe(2);
	});

	it('caches the public pages, feed and API reads of the bank of experiences, not its working pages', async () => {
		const { resolve, renders } = counter();
		const cached = [
			'/es/experiences?q=cache-test-4&principle=3',
			'/fr/experiences/explore?bank=international',
			'/pt/experiences/12',
			'/en/experiences/feed.xml',
			'/api/v1/experiences?topic=environment',
			'/api/v1/experiences/12',
			'/api/v1/experiences.csv?q=cache-test-4',
			'/api/v1/experiences.json?q=cache-test-4'
		];
		for (let i = 0; i < 2; i++) for (const path of cached) await publicPageCache({ event: eventFor(path), resolve });
		expect(renders()).toBe(cached.length);
		for (let i = 0; i < 2; i++)
			for (const path of ['/es/experiences/new', '/es/experiences/12/edit', '/es/my/experiences', '/es/admin/experiences'])
				await publicPageCache({ event: eventFor(path), resolve });
		expect(renders()).toBe(cached.length + 8);
		// Another query string is another page.
		await publicPageCache({ event: eventFor('/es/experiences?q=cache-test-4&principle=4'), resolve });
		expect(renders()).toBe(cached.length + 9);
	});

	it('passes a large answer through whole without keeping it', async () => {
		let renders = 0;
		const big = new Uint8Array(3 * 1024 * 1024).fill(65);
		const resolve = (async () => {
			renders++;
			const stream = new ReadableStream<Uint8Array>({
				start(controller) {
					for (let offset = 0; offset < big.byteLength; offset += 64 * 1024) controller.enqueue(big.slice(offset, offset + 64 * 1024));
					controller.close();
				}
			});
			return new Response(stream, { status: 200, headers: { 'content-type': 'text/csv' } });
		}) as never;
		for (let i = 0; i < 2; i++) {
			const response = await publicPageCache({ event: eventFor('/api/v1/experiences.csv?q=cache-test-5'), resolve });
			expect(response.headers.get('content-type')).toBe('text/csv');
			expect((await response.arrayBuffer()).byteLength).toBe(big.byteLength);
		}
		expect(renders).toBe(2);
	});
});
