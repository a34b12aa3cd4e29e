import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileStore, type FileCheck, type FileStore, type StoredFile } from './files.ts';

const mb = 1024 * 1024;
const widths = [400, 800, 1600] as const;

let root: string;
let store: FileStore;

beforeAll(async () => {
	root = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'files-spec-'));
	store = createFileStore(path.join(root, 'uploads'));
});
afterAll(async () => {
	await fs.promises.rm(root, { recursive: true, force: true });
});

function stored(check: FileCheck): StoredFile {
	if (!check.ok) throw new Error(`expected the file to be stored, got ${check.error}`);
	return check.file;
}

/** Every file under the uploads folder, relative to it. */
function filesOnDisk(): string[] {
	const dir = path.join(root, 'uploads');
	if (!fs.existsSync(dir)) return [];
	return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => fs.statSync(path.join(dir, name)).isFile()).sort();
}

const image = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 20 } } });

// The smallest whole PDF: one empty page, a cross-reference table and the end marker.
const tinyPdf = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
xref
0 4
0000000000 65535 f 
0000000009 00000 n 
0000000058 00000 n 
0000000115 00000 n 
trailer << /Size 4 /Root 1 0 R >>
startxref
186
%%EOF
`;

describe('storeImage', () => {
	it('stores a WebP per asked width and reports the largest', async () => {
		const png = await image(2000, 1000).png().toBuffer();
		const file = stored(await store.storeImage(png, { maxBytes: 5 * mb, widths }));

		expect(file.storageKey).toMatch(/^([0-9a-f]{2})\/\1[0-9a-f]{30}$/);
		expect(file).toMatchObject({ mediaType: 'image/webp', width: 1600, height: 800 });
		const id = file.storageKey.split('/')[1];
		const shard = file.storageKey.split('/')[0];
		expect(filesOnDisk().filter((name) => name.includes(id))).toEqual(
			[400, 1600, 800].map((w) => path.join(shard, `${id}-${w}.webp`)).sort()
		);
		for (const w of widths) {
			const metadata = await sharp(store.resolve(file.storageKey, w)!).metadata();
			expect({ format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({
				format: 'webp',
				width: w,
				height: w / 2
			});
		}
		expect(file.byteSize).toBe(fs.statSync(store.resolve(file.storageKey, 1600)!).size);
	});

	it('resolves a width to the nearest stored one at least as wide, else the largest', async () => {
		const png = await image(2000, 1000).png().toBuffer();
		const { storageKey } = stored(await store.storeImage(png, { maxBytes: 5 * mb, widths }));
		const widthOf = (variant?: number) => path.basename(store.resolve(storageKey, variant)!).match(/-(\d+)\.webp$/)![1];
		expect([widthOf(1), widthOf(400), widthOf(401), widthOf(800), widthOf(1200), widthOf(5000), widthOf()]).toEqual([
			'400',
			'400',
			'800',
			'800',
			'1600',
			'1600',
			'1600'
		]);
	});

	it('never enlarges: widths beyond the original collapse into one file at the original size', async () => {
		const jpeg = await image(500, 300).jpeg().toBuffer();
		const file = stored(await store.storeImage(jpeg, { maxBytes: mb, widths }));
		expect(file).toMatchObject({ width: 500, height: 300 });
		const id = file.storageKey.split('/')[1];
		expect(
			filesOnDisk()
				.filter((name) => name.includes(id))
				.map((name) => path.basename(name))
		).toEqual([`${id}-400.webp`, `${id}-500.webp`]);
	});

	it('turns the image upright by its EXIF orientation and keeps no metadata', async () => {
		// Stored landscape 300 × 100, with the camera's note that it must be turned 90° to be seen.
		const jpeg = await image(300, 100)
			.jpeg()
			.withMetadata({ orientation: 6 })
			.withExif({ IFD0: { Copyright: 'secret-owner', Artist: 'secret-artist' } })
			.toBuffer();
		const before = await sharp(jpeg).metadata();
		expect(before.orientation).toBe(6);
		expect(before.exif).toBeDefined();

		const file = stored(await store.storeImage(jpeg, { maxBytes: mb, widths: [800] }));
		expect(file).toMatchObject({ width: 100, height: 300 });
		const bytes = fs.readFileSync(store.resolve(file.storageKey)!);
		const after = await sharp(bytes).metadata();
		expect({ width: after.width, height: after.height, orientation: after.orientation, exif: after.exif }).toEqual({
			width: 100,
			height: 300,
			orientation: undefined,
			exif: undefined
		});
		expect(bytes.includes('secret-owner')).toBe(false);
	});

	it('accepts PNG with transparency, 16-bit PNG and WebP', async () => {
		const transparent = await sharp({ create: { width: 40, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
			.png()
			.toBuffer();
		const deep = await image(40, 20).png().toColourspace('rgb16').toBuffer();
		expect((await sharp(deep).metadata()).depth).toBe('ushort');
		const webp = await image(40, 20).webp().toBuffer();
		for (const bytes of [transparent, deep, webp]) {
			expect(stored(await store.storeImage(bytes, { maxBytes: mb, widths: [800] }))).toMatchObject({ width: 40, height: 20 });
		}
	});

	it('refuses a text file named .png, GIF and SVG as not an image', async () => {
		const text = new TextEncoder().encode('Hello, this is not a picture at all.\n');
		const gif = await image(20, 20).gif().toBuffer();
		const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><script>alert(1)</script></svg>');
		for (const bytes of [text, gif, svg]) {
			expect(await store.storeImage(bytes, { maxBytes: mb, widths })).toEqual({ ok: false, error: 'files.errors.not_image' });
		}
	});

	it('refuses a truncated JPEG and a truncated PNG as corrupt', async () => {
		const jpeg = await image(800, 600).jpeg().toBuffer();
		const png = await sharp({
			create: { width: 400, height: 400, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } }
		})
			.png()
			.toBuffer();
		for (const whole of [jpeg, png]) {
			const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
			expect(await store.storeImage(cut, { maxBytes: mb, widths })).toEqual({ ok: false, error: 'files.errors.corrupt_image' });
		}
	});

	it('refuses an empty file, one over the byte limit and one that claims too many pixels', async () => {
		const png = await image(2000, 1000).png().toBuffer();
		expect(await store.storeImage(new Uint8Array(), { maxBytes: mb, widths })).toEqual({ ok: false, error: 'files.errors.empty' });
		expect(await store.storeImage(png, { maxBytes: png.length - 1, widths })).toEqual({ ok: false, error: 'files.errors.too_large' });
		const huge = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: { r: 0, g: 0, b: 0 } } })
			.png({ compressionLevel: 9 })
			.toBuffer();
		expect(huge.length).toBeLessThan(mb);
		expect(await store.storeImage(huge, { maxBytes: mb, widths })).toEqual({ ok: false, error: 'files.errors.too_large' });
	});

	it('leaves nothing behind when refusing, and no temporary files when storing', async () => {
		const before = filesOnDisk();
		await store.storeImage(new TextEncoder().encode('nope'), { maxBytes: mb, widths });
		expect(filesOnDisk()).toEqual(before);
		expect(filesOnDisk().filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});
});

describe('storeDocument', () => {
	it('stores a real PDF as is', async () => {
		const bytes = new TextEncoder().encode(tinyPdf);
		const file = stored(await store.storeDocument(bytes, { maxBytes: mb }));
		expect(file).toMatchObject({ mediaType: 'application/pdf', byteSize: bytes.length, width: null, height: null });
		const at = store.resolve(file.storageKey)!;
		expect(at).toBe(path.join(root, 'uploads', `${file.storageKey}.pdf`));
		expect(fs.readFileSync(at)).toEqual(Buffer.from(bytes));
	});

	it('refuses HTML named .pdf, a PDF cut short, one with junk before the header, an empty one and a large one', async () => {
		const encode = (text: string) => new TextEncoder().encode(text);
		const html = encode('<!doctype html><html><body><script>alert(1)</script>%PDF-1.4 %%EOF</body></html>');
		const cut = encode(tinyPdf.slice(0, 120));
		const prefixed = encode(`<script>x</script>\n${tinyPdf}`);
		for (const bytes of [html, cut, prefixed]) {
			expect(await store.storeDocument(bytes, { maxBytes: mb })).toEqual({ ok: false, error: 'files.errors.not_pdf' });
		}
		expect(await store.storeDocument(new Uint8Array(), { maxBytes: mb })).toEqual({ ok: false, error: 'files.errors.empty' });
		expect(await store.storeDocument(encode(tinyPdf), { maxBytes: 100 })).toEqual({ ok: false, error: 'files.errors.too_large' });
	});
});

describe('resolve and remove', () => {
	it('refuses any key that is not one it made, so no path leaves the uploads folder', async () => {
		fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
		const { storageKey } = stored(await store.storeDocument(new TextEncoder().encode(tinyPdf), { maxBytes: mb }));
		const [shard, id] = storageKey.split('/');
		for (const key of [
			'../secret.txt',
			'../../etc/passwd',
			`${shard}/../../secret`,
			`${shard}/${id}/../${id}`,
			`/${storageKey}`,
			`${storageKey}.pdf`,
			`${storageKey.toUpperCase()}`,
			`ff/${id}`,
			`${shard}\\${id}`,
			`${storageKey}\0`,
			id,
			''
		]) {
			expect(store.resolve(key), key).toBeNull();
			expect(store.resolve(key, 800), key).toBeNull();
		}
		expect(store.resolve(storageKey)).not.toBeNull();
		await store.remove('../secret.txt');
		expect(fs.existsSync(path.join(root, 'secret.txt'))).toBe(true);
	});

	it('answers null for a well-formed key that holds nothing', () => {
		expect(store.resolve('ab/ab000000000000000000000000000000')).toBeNull();
		expect(store.resolve('ab/ab000000000000000000000000000000', 400)).toBeNull();
	});

	it('removes every variant of an image and the document', async () => {
		const png = await image(1000, 500).png().toBuffer();
		const picture = stored(await store.storeImage(png, { maxBytes: mb, widths }));
		const document = stored(await store.storeDocument(new TextEncoder().encode(tinyPdf), { maxBytes: mb }));
		await store.remove(picture.storageKey);
		await store.remove(document.storageKey);
		expect(store.resolve(picture.storageKey, 400)).toBeNull();
		expect(store.resolve(document.storageKey)).toBeNull();
		expect(filesOnDisk().filter((name) => name.includes(picture.storageKey.split('/')[1]))).toEqual([]);
		await expect(store.remove(picture.storageKey)).resolves.toBeUndefined();
	});
});
