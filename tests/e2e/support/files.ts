// Files the journeys upload, made at test time (no binary fixture lives in the repository): a PNG drawn
// with sharp and a small but well-formed PDF. Both are Playwright file payloads for `setInputFiles`.
import sharp from 'sharp';

export interface FilePayload {
	name: string;
	mimeType: string;
	buffer: Buffer;
}

/** A PNG of the given size: a coloured field with a lighter band, so that it is not a blank image. */
export async function pngImage(name: string, options: { width?: number; height?: number } = {}): Promise<FilePayload> {
	const width = options.width ?? 960;
	const height = options.height ?? 600;
	const band = await sharp({
		create: { width, height: Math.max(1, Math.round(height / 3)), channels: 3, background: { r: 250, g: 204, b: 21 } }
	})
		.png()
		.toBuffer();
	const buffer = await sharp({ create: { width, height, channels: 3, background: { r: 29, g: 78, b: 216 } } })
		.composite([{ input: band, top: Math.round(height / 3), left: 0 }])
		.png()
		.toBuffer();
	return { name, mimeType: 'image/png', buffer };
}

/** A one-page PDF showing a line of text, with a correct cross-reference table. */
export function pdfDocument(name: string, line: string): FilePayload {
	const escaped = line.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
	const content = `BT /F1 18 Tf 72 720 Td (${escaped}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, index) => {
		offsets.push(body.length);
		body += `${index + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return { name, mimeType: 'application/pdf', buffer: Buffer.from(body, 'latin1') };
}
