// Uploaded files on local disk, under DATA_DIR/uploads. Nothing a person uploads is served as sent:
// images are decoded and re-encoded (which drops EXIF, GPS and any payload hidden after the pixels)
// into WebP at the widths the pages show; documents are accepted only when they look like a whole PDF.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { OutputInfo } from 'sharp';

export interface StoredFile {
	storageKey: string;
	mediaType: string;
	/** Bytes on disk: the document, or for an image its largest variant. */
	byteSize: number;
	/** Dimensions of an image's largest variant; null for documents. */
	width: number | null;
	height: number | null;
}

export type FileCheck = { ok: true; file: StoredFile } | { ok: false; error: string };

export interface FileStore {
	/**
	 * Accepts JPEG, PNG and WebP (judged by content, never by name), decodes the whole image so that a
	 * truncated or corrupt one is refused, applies the EXIF orientation, strips metadata and stores one
	 * WebP per width in `widths` (never enlarged: widths above the original collapse to the original).
	 */
	storeImage(bytes: Uint8Array, options: { maxBytes: number; widths: readonly number[] }): Promise<FileCheck>;
	/** Accepts a PDF (starts with `%PDF-`, ends with `%%EOF`) and stores it as is. */
	storeDocument(bytes: Uint8Array, options: { maxBytes: number }): Promise<FileCheck>;
	/**
	 * Absolute path of a stored file, or null when the key is malformed or nothing is stored under it.
	 * For an image, `variant` asks for a width: the smallest stored width at least as wide, else the largest.
	 */
	resolve(storageKey: string, variant?: number): string | null;
	/** Deletes every file stored under the key; a missing or malformed key is not an error. */
	remove(storageKey: string): Promise<void>;
}

export const fileErrors = {
	empty: 'files.errors.empty',
	tooLarge: 'files.errors.too_large',
	notImage: 'files.errors.not_image',
	corruptImage: 'files.errors.corrupt_image',
	notPdf: 'files.errors.not_pdf'
} as const;

const imageFormats = new Set(['jpeg', 'png', 'webp']);
// Decoding cost grows with pixels, not bytes: a small PNG can claim 30000 × 30000. 50 megapixels covers
// any camera photo and keeps one decode under ~200 MB.
const maxInputPixels = 50_000_000;
// WebP cannot encode a side longer than this.
const maxWebpSide = 16_383;
const webpQuality = 80;
// How far from the end `%%EOF` may sit: writers add line ends, and some append a few bytes of padding.
const pdfTailBytes = 1024;

// A key is a shard folder (two hex digits) and a random id that starts with them: `ab/ab12…` (32 hex).
const storageKeyPattern = /^([0-9a-f]{2})\/(\1[0-9a-f]{30})$/;
const variantPattern = /^([0-9a-f]{32})-([1-9][0-9]{0,4})\.webp$/;

export function isStorageKey(value: string): boolean {
	return storageKeyPattern.test(value);
}

function newStorageKey(): string {
	const id = randomUUID().replaceAll('-', '');
	return `${id.slice(0, 2)}/${id}`;
}

const refuse = (error: string): FileCheck => ({ ok: false, error });

function startsWithAscii(bytes: Uint8Array, text: string, offset = 0): boolean {
	if (bytes.length < offset + text.length) return false;
	for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
	return true;
}

function lastIndexOfAscii(bytes: Uint8Array, text: string, from: number): number {
	for (let start = bytes.length - text.length; start >= from; start--) if (startsWithAscii(bytes, text, start)) return start;
	return -1;
}

/** Writes beside the target, then renames: a reader never sees half a file, even if the process dies. */
async function writeAtomically(target: string, data: Uint8Array): Promise<void> {
	const temp = `${target}.${randomUUID()}.tmp`;
	try {
		await fs.promises.writeFile(temp, data, { flag: 'wx' });
		await fs.promises.rename(temp, target);
	} catch (error) {
		await fs.promises.rm(temp, { force: true });
		throw error;
	}
}

export function createFileStore(rootDir: string): FileStore {
	const root = path.resolve(rootDir);

	/** The folder and id of a well-formed key; null for anything else, so no path can leave the root. */
	function locate(storageKey: string): { dir: string; id: string } | null {
		const match = storageKeyPattern.exec(storageKey);
		if (!match) return null;
		return { dir: path.join(root, match[1]), id: match[2] };
	}

	function storedWidths(dir: string, id: string): number[] {
		let names: string[];
		try {
			names = fs.readdirSync(dir);
		} catch {
			return [];
		}
		const widths: number[] = [];
		for (const name of names) {
			const match = variantPattern.exec(name);
			if (match && match[1] === id) widths.push(Number(match[2]));
		}
		return widths.sort((a, b) => a - b);
	}

	async function storeImage(bytes: Uint8Array, options: { maxBytes: number; widths: readonly number[] }): Promise<FileCheck> {
		const widths = [...new Set(options.widths)].filter((w) => Number.isInteger(w) && w > 0).sort((a, b) => a - b);
		if (widths.length === 0) throw new Error('storeImage needs at least one positive integer width');
		if (bytes.length === 0) return refuse(fileErrors.empty);
		if (bytes.length > options.maxBytes) return refuse(fileErrors.tooLarge);

		let format: string;
		let pixels: number;
		try {
			const metadata = await sharp(bytes).metadata();
			format = metadata.format;
			pixels = metadata.width * metadata.height;
		} catch {
			return refuse(fileErrors.notImage);
		}
		if (!imageFormats.has(format)) return refuse(fileErrors.notImage);
		if (!(pixels > 0)) return refuse(fileErrors.corruptImage);
		if (pixels > maxInputPixels) return refuse(fileErrors.tooLarge);

		// Decode once, fully and strictly ('warning' refuses a JPEG that ends early, which the lenient
		// default of most viewers would show half grey), then encode each width from the same pixels.
		let decoded: { data: Buffer; info: OutputInfo };
		try {
			decoded = await sharp(bytes, { failOn: 'warning', limitInputPixels: maxInputPixels, autoOrient: true })
				.toColourspace('srgb')
				.raw()
				.toBuffer({ resolveWithObject: true });
		} catch {
			return refuse(fileErrors.corruptImage);
		}
		const { data, info } = decoded;
		const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;

		const variants = new Map<number, { data: Buffer; width: number; height: number }>();
		for (const asked of widths) {
			const output = await sharp(data, raw)
				.resize({ width: asked, height: maxWebpSide, fit: 'inside', withoutEnlargement: true })
				.webp({ quality: webpQuality })
				.toBuffer({ resolveWithObject: true });
			// Several asked widths above the original collapse into one file at the original width.
			variants.set(output.info.width, { data: output.data, width: output.info.width, height: output.info.height });
		}

		const storageKey = newStorageKey();
		const { dir, id } = locate(storageKey)!;
		await fs.promises.mkdir(dir, { recursive: true });
		try {
			for (const [width, variant] of variants) await writeAtomically(path.join(dir, `${id}-${width}.webp`), variant.data);
		} catch (error) {
			await remove(storageKey);
			throw error;
		}
		const largest = [...variants.values()].reduce((a, b) => (b.width > a.width ? b : a));
		return {
			ok: true,
			file: { storageKey, mediaType: 'image/webp', byteSize: largest.data.length, width: largest.width, height: largest.height }
		};
	}

	async function storeDocument(bytes: Uint8Array, options: { maxBytes: number }): Promise<FileCheck> {
		if (bytes.length === 0) return refuse(fileErrors.empty);
		if (bytes.length > options.maxBytes) return refuse(fileErrors.tooLarge);
		// `%PDF-1.7`: the header must open the file (a leading HTML page or script is exactly what we keep
		// out), and the end-of-file marker shows the upload was not cut short.
		const header = startsWithAscii(bytes, '%PDF-') && /^[12]\.\d$/.test(String.fromCharCode(bytes[5], bytes[6], bytes[7]));
		const hasEnd = lastIndexOfAscii(bytes, '%%EOF', Math.max(0, bytes.length - pdfTailBytes)) >= 0;
		if (!header || !hasEnd) return refuse(fileErrors.notPdf);

		const storageKey = newStorageKey();
		const { dir, id } = locate(storageKey)!;
		await fs.promises.mkdir(dir, { recursive: true });
		await writeAtomically(path.join(dir, `${id}.pdf`), bytes);
		return { ok: true, file: { storageKey, mediaType: 'application/pdf', byteSize: bytes.length, width: null, height: null } };
	}

	function resolve(storageKey: string, variant?: number): string | null {
		const place = locate(storageKey);
		if (!place) return null;
		const { dir, id } = place;
		if (variant === undefined) {
			const document = path.join(dir, `${id}.pdf`);
			if (fs.existsSync(document)) return document;
		}
		const widths = storedWidths(dir, id);
		if (widths.length === 0) return null;
		const width = (variant !== undefined && Number.isFinite(variant) && widths.find((w) => w >= variant)) || widths[widths.length - 1];
		return path.join(dir, `${id}-${width}.webp`);
	}

	async function remove(storageKey: string): Promise<void> {
		const place = locate(storageKey);
		if (!place) return;
		const { dir, id } = place;
		const names = [`${id}.pdf`, ...storedWidths(dir, id).map((w) => `${id}-${w}.webp`)];
		// Shard folders stay: removing an empty one could race with an upload that just created it.
		await Promise.all(names.map((name) => fs.promises.rm(path.join(dir, name), { force: true })));
	}

	return { storeImage, storeDocument, resolve, remove };
}
