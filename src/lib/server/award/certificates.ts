// Certificates for the winners, special mentions and finalists of a published edition: one A4 landscape
// page in the city's language (the candidacy's original language), drawn with pdf-lib's standard Helvetica
// fonts. Those fonts use the WinAnsi encoding, which covers the accents of Spanish, French and Portuguese
// and the typographic apostrophe; any other letter is written without its accent (ő → o) or, failing that,
// as "?", so that no name can make the rendering fail.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Db } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import { translatorFor } from '../core/i18n.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { Locale } from '../../shared/i18n.ts';
import { awardCertificateOutcomes } from '../../shared/award/deliberation-schemas.ts';
import { loadAwardCandidateOutcome } from './publication.service.ts';

export interface AwardCertificateContent {
	locale: Locale;
	awardName: string;
	/** e.g. "2026 edition". */
	editionLine: string;
	theme: string;
	/** e.g. "The International Association of Educating Cities awards". */
	intro: string;
	city: string;
	distinction: string;
	/** e.g. "for the initiative". */
	forInitiative: string;
	/** The candidacy's title, in the language's quotation marks. */
	title: string;
	/** e.g. "12 November 2026". */
	date: string;
	issuer: string;
	/** The document's metadata title. */
	documentTitle: string;
}

const pageSize: [number, number] = [841.89, 595.28]; // A4 landscape, in points
const navy = rgb(0.09, 0.2, 0.38);
const gold = rgb(0.62, 0.47, 0.12);
const ink = rgb(0.13, 0.13, 0.13);

const replacements: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', Ø: 'O', ø: 'o', '\u2011': '-', '\u00a0': ' ' };

/** The text with every character the font cannot encode replaced by its unaccented letter or "?". */
export function winAnsiSafe(font: PDFFont, text: string): string {
	let out = '';
	for (const char of text.replace(/[\r\n\t]+/g, ' ')) {
		if (encodable(font, char)) {
			out += char;
			continue;
		}
		const plain = (replacements[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '')) || '?';
		out += [...plain].every((c) => encodable(font, c)) ? plain : '?';
	}
	return out;
}

function encodable(font: PDFFont, char: string): boolean {
	try {
		font.encodeText(char);
		return true;
	} catch {
		return false;
	}
}

/** Breaks a text into lines no wider than `width`, at most `maxLines` (the last one shortened with "…"). */
function wrap(font: PDFFont, text: string, size: number, width: number, maxLines: number): string[] {
	const words = text.split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const candidate = line ? `${line} ${word}` : word;
		if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line) lines.push(line);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	let last = kept[maxLines - 1];
	while (last.length > 1 && font.widthOfTextAtSize(`${last}…`, size) > width) last = last.slice(0, -1);
	kept[maxLines - 1] = `${last.trimEnd()}…`;
	return kept;
}

function centred(page: PDFPage, font: PDFFont, text: string, size: number, y: number, color = ink) {
	const width = font.widthOfTextAtSize(text, size);
	page.drawText(text, { x: (pageSize[0] - width) / 2, y, size, font, color });
}

/** Draws the certificate; returns the PDF's bytes. */
export async function drawAwardCertificate(content: AwardCertificateContent, createdAt: Date): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	const regular = await pdf.embedFont(StandardFonts.Helvetica);
	const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
	const italic = await pdf.embedFont(StandardFonts.HelveticaOblique);
	const safe = (text: string) => winAnsiSafe(regular, text);

	pdf.setTitle(safe(content.documentTitle));
	pdf.setAuthor(safe(content.issuer));
	pdf.setSubject(safe(`${content.distinction} — ${content.city}`));
	pdf.setLanguage(content.locale);
	pdf.setCreator('Educating Cities platform');
	pdf.setProducer('pdf-lib');
	pdf.setCreationDate(createdAt);
	pdf.setModificationDate(createdAt);

	const page = pdf.addPage(pageSize);
	const [w, h] = pageSize;
	page.drawRectangle({ x: 24, y: 24, width: w - 48, height: h - 48, borderColor: navy, borderWidth: 3 });
	page.drawRectangle({ x: 34, y: 34, width: w - 68, height: h - 68, borderColor: gold, borderWidth: 1 });

	// The lines of the certificate, each with the space above it; the block is centred between the top
	// border and the signature lines.
	const textWidth = w - 180;
	const lines: { text: string; font: PDFFont; size: number; color: typeof ink; gap: number }[] = [];
	const add = (text: string, font: PDFFont, size: number, color: typeof ink, gap: number, maxLines = 1) =>
		wrap(font, text, size, textWidth, maxLines).forEach((line, index) =>
			lines.push({ text: line, font, size, color, gap: index === 0 ? gap : size * 0.35 })
		);
	add(safe(content.awardName), bold, 36, navy, 0, 2);
	add(safe(content.editionLine), regular, 16, gold, 14);
	add(safe(content.theme), italic, 15, ink, 8, 2);
	add(safe(content.intro), regular, 14, ink, 34);
	add(safe(content.city), bold, 40, navy, 18, 2);
	add(safe(content.distinction).toLocaleUpperCase(content.locale), bold, 24, gold, 18);
	add(safe(content.forInitiative), regular, 14, ink, 26);
	add(safe(content.title), italic, 20, ink, 10, 3);
	const height = lines.reduce((sum, line) => sum + line.gap + line.size, 0);
	const areaTop = h - 70;
	const areaBottom = 125;
	let y = (areaTop + areaBottom) / 2 + height / 2;
	for (const line of lines) {
		y -= line.gap + line.size;
		centred(page, line.font, line.text, line.size, y, line.color);
	}

	page.drawLine({ start: { x: 90, y: 96 }, end: { x: 300, y: 96 }, thickness: 0.75, color: navy });
	page.drawText(safe(content.date), { x: 90, y: 78, size: 12, font: regular, color: ink });
	const issuer = safe(content.issuer);
	const issuerWidth = regular.widthOfTextAtSize(issuer, 12);
	page.drawLine({ start: { x: w - 90 - Math.max(210, issuerWidth), y: 96 }, end: { x: w - 90, y: 96 }, thickness: 0.75, color: navy });
	page.drawText(issuer, { x: w - 90 - issuerWidth, y: 78, size: 12, font: regular, color: ink });

	return pdf.save({ useObjectStreams: false });
}

/**
 * The certificate of a winner, special mention or finalist, after publication, for the city's
 * representatives and the secretariat, in the candidacy's original language.
 */
export async function renderAwardCertificate(
	db: Db,
	actor: Actor | null,
	candidacyId: number
): Promise<Result<{ bytes: Uint8Array; filename: string; locale: Locale }>> {
	const loaded = await loadAwardCandidateOutcome(db, actor, candidacyId);
	if (!loaded.ok) return loaded.status === 409 ? fail(404, 'award.certificate.not_available') : loaded;
	const { candidacy, edition, outcome } = loaded.value;
	if (!(awardCertificateOutcomes as readonly string[]).includes(outcome)) return fail(404, 'award.certificate.not_available');
	const locale = candidacy.originalLanguage;
	const t = translatorFor(locale);
	const publishedAt = new Date(edition.resultsPublishedAt!);
	const awardName = t('award.name');
	const distinction = t(`award.outcome.${outcome}`);
	const bytes = await drawAwardCertificate(
		{
			locale,
			awardName,
			editionLine: t('award.certificate.edition', { year: String(edition.year) }),
			theme: edition.texts[locale]?.theme ?? edition.texts.en?.theme ?? '',
			intro: t('award.certificate.intro'),
			city: candidacy.city.name,
			distinction,
			forInitiative: t('award.certificate.for_initiative'),
			title: t('award.certificate.quoted', { title: candidacy.texts[locale]?.title ?? '' }),
			date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: edition.timeZone }).format(publishedAt),
			issuer: t('award.certificate.issuer'),
			documentTitle: t('award.certificate.document_title', { award: awardName, year: String(edition.year), city: candidacy.city.name })
		},
		publishedAt
	);
	const slug = candidacy.city.name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return ok({ bytes, filename: `award-${edition.year}-${slug || candidacy.id}.pdf`, locale });
}
