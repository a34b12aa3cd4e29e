import zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, createTestCity } from '../testing/factories.ts';
import { prepareExperiences } from '../testing/experience-factories.ts';
import { createTestCandidacy, createTestEdition } from '../testing/award-factories.ts';
import type { Db } from '../db/index.ts';
import { nowIso } from '../core/clock.ts';
import { translatorFor } from '../core/i18n.ts';
import { renderAwardCertificate, winAnsiSafe } from './certificates.ts';

const winAnsi = new TextDecoder('windows-1252');

/** Every text shown on the page: the content streams inflated, each hex string drawn with Tj decoded from WinAnsi. */
async function drawnText(bytes: Uint8Array): Promise<string> {
	const pdf = await PDFDocument.load(bytes);
	let text = '';
	for (const [, object] of pdf.context.enumerateIndirectObjects()) {
		if (!(object instanceof PDFRawStream)) continue;
		const raw = Buffer.from(object.getContents());
		let content: string;
		try {
			content = zlib.inflateSync(raw).toString('latin1');
		} catch {
			content = raw.toString('latin1');
		}
		for (const match of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) text += winAnsi.decode(Buffer.from(match[1], 'hex')) + '\n';
	}
	return text;
}

describe('winAnsiSafe', () => {
	it('keeps the accents of es, fr and pt and the typographic apostrophe, and replaces what Helvetica cannot draw', async () => {
		const pdf = await PDFDocument.create();
		const font = await pdf.embedFont(StandardFonts.Helvetica);
		expect(winAnsiSafe(font, 'Educação, Éducation, educación, l’été')).toBe('Educação, Éducation, educación, l’été');
		expect(winAnsiSafe(font, 'Łódź, Győr')).toBe('Lódz, Gyor');
		expect(winAnsiSafe(font, '서울 Seoul')).toBe('?? Seoul');
	});
});

describeEachDatabase('award certificates', (getDb) => {
	async function setup(db: Db, published = true, suffix = '') {
		if (!suffix) await prepareExperiences(db);
		const edition = await createTestEdition(db, {
			deadline: '2020-06-30T23:59',
			resultsPublishedAt: published ? '2026-11-12T10:00:00.000Z' : null
		});
		const lyon = await createTestCity(db, { name: `Lyon${suffix}`, countryCode: 'FR' });
		const porto = await createTestCity(db, { name: `Porto${suffix}`, countryCode: 'PT' });
		const bilbao = await createTestCity(db, { name: `Bilbao${suffix}`, countryCode: 'ES' });
		const winner = await createTestCandidacy(db, edition.id, lyon, {
			status: 'admitted',
			language: 'fr',
			title: 'La ville qui apprend à l’école'
		});
		const mention = await createTestCandidacy(db, edition.id, porto, {
			status: 'admitted',
			language: 'pt',
			title: 'Educação em comunidade'
		});
		const shortlisted = await createTestCandidacy(db, edition.id, bilbao, { status: 'admitted', language: 'es', title: 'Barrios' });
		const now = nowIso();
		for (const [number, kind, decisions] of [
			[
				1,
				'shortlist',
				[
					[winner, 'shortlisted'],
					[mention, 'shortlisted'],
					[shortlisted, 'shortlisted']
				]
			],
			[
				2,
				'winners',
				[
					[winner, 'winner'],
					[mention, 'special_mention']
				]
			]
		] as const) {
			const round = await db
				.insertInto('award_round')
				.values({
					edition_id: edition.id,
					number,
					kind,
					status: 'closed',
					minutes: 'M.',
					minutes_approved_at: now,
					closed_at: now,
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			for (const [candidacyId, outcome] of decisions)
				await db
					.insertInto('award_decision')
					.values({ round_id: round.id, candidacy_id: candidacyId, outcome, basis: 'consensus', created_at: now })
					.execute();
		}
		return { edition, ids: { winner, mention, shortlisted }, cities: { lyon, porto, bilbao } };
	}

	it('draws a winner’s certificate on one A4 landscape page in the city’s language', async () => {
		const db = getDb();
		const s = await setup(db);
		const result = await renderAwardCertificate(db, actors.representative(s.cities.lyon), s.ids.winner);
		if (!result.ok) throw new Error(result.code);
		const { bytes, filename, locale } = result.value;
		expect(locale).toBe('fr');
		expect(filename).toBe(`award-${s.edition.year}-lyon.pdf`);
		expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
		const pdf = await PDFDocument.load(bytes);
		expect(pdf.getPageCount()).toBe(1);
		const { width, height } = pdf.getPage(0).getSize();
		expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
		const fr = translatorFor('fr');
		expect(pdf.getTitle()).toBe(`${fr('award.name')} ${s.edition.year} — Lyon`);
		expect(pdf.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('fr');
		const text = await drawnText(bytes);
		for (const expected of [
			fr('award.name'),
			`Édition ${s.edition.year}`,
			`Éducation et inclusion ${s.edition.year}`,
			'Lyon',
			'LAURÉATE',
			'« La ville qui apprend à l’école »',
			'12 novembre 2026',
			fr('award.certificate.issuer')
		])
			expect(text).toContain(expected);
	});

	it('gives special mentions theirs, in Portuguese, to the secretariat too', async () => {
		const db = getDb();
		const s = await setup(db);
		const result = await renderAwardCertificate(db, actors.secretariat(), s.ids.mention);
		if (!result.ok) throw new Error(result.code);
		const text = await drawnText(result.value.bytes);
		expect(text).toContain('MENÇÃO ESPECIAL');
		expect(text).toContain('Educação em comunidade');
		expect(text).toContain('Porto');
	});

	it('is refused to a candidacy without a distinction, before publication, and to anyone but the city and the secretariat', async () => {
		const db = getDb();
		const s = await setup(db);
		expect(await renderAwardCertificate(db, actors.representative(s.cities.bilbao), s.ids.shortlisted)).toMatchObject({
			status: 404,
			code: 'award.certificate.not_available'
		});
		for (const actor of [null, actors.member(), actors.representative(s.cities.porto)])
			expect(await renderAwardCertificate(db, actor, s.ids.winner)).toMatchObject({ status: 404 });
		const early = await setup(db, false, ' bis');
		expect(await renderAwardCertificate(db, actors.secretariat(), early.ids.winner)).toMatchObject({
			status: 404,
			code: 'award.certificate.not_available'
		});
	});
});
