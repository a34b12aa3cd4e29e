// The editions service on a real database: only the secretariat sets up a call; bad input is refused
// field by field and writes nothing; years are unique; stale saves lose; scored criteria stay as they
// were; earlier editions are records only; every change is audited; the history loader only ever adds.
import { expect, it } from 'vitest';
import type { Db } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, auditEntries, countRows, createTestCity } from '../testing/factories.ts';
import { prepareExperiences } from '../testing/experience-factories.ts';
import { assignTestReview, awardDepsFor, createTestCandidacy, createTestEdition, createTestJuror } from '../testing/award-factories.ts';
import { editionInputFromForm } from '../../shared/award/edition-schemas.ts';
import { findEditionByYear } from './award.repository.ts';
import {
	createAwardEdition,
	findAwardRulesForDownload,
	getAwardEditionForStaff,
	getPublicAwardEdition,
	listAwardEditionsForStaff,
	listPublicAwardEditions,
	loadAwardHistory,
	parseAwardYear,
	prepareNewAwardEdition,
	updateAwardEdition,
	uploadAwardRules
} from './editions.service.ts';

const secretariat = actors.secretariat();

/** Nested input of a complete, valid edition, as the form sends it (strings). */
function editionInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		year: '2030',
		status: 'draft',
		texts: {
			es: { theme: 'La educación como fuente de inclusión', description: 'La convocatoria.', ceremony: 'Congreso Internacional' },
			en: { theme: 'Education as a source of inclusion', description: 'The call.', ceremony: 'International Congress' }
		},
		focusAreas: [{ code: 'lifelong', names: { es: 'Educación a lo largo de la vida', en: 'Lifelong education' } }],
		criteria: [
			{ code: 'relevance', weight: '2', names: { es: 'Pertinencia', en: 'Relevance' }, descriptions: { en: 'Fits the theme.' } },
			{ code: 'impact', weight: '1', names: { es: 'Impacto', en: 'Impact' } }
		],
		questions: [{ code: 'inclusion', maxLength: '3000', texts: { es: '¿Cómo incluye?', en: 'How does it include?' } }],
		scaleMin: '1',
		scaleMax: '10',
		opensOn: '2029-03-01',
		deadline: '2029-10-15T23:59',
		timeZone: 'Europe/Madrid',
		juryStartsOn: '2029-11-01',
		decisionOn: '2030-02-01',
		ceremonyOn: '2030-06-01',
		initiativeStartedBefore: '2028-06-01',
		maxCandidaciesPerCity: '2',
		prizes: '3',
		specialMentions: '2',
		mayDeclareVoid: 'on',
		shareFeedback: 'on',
		previousWinnerCityIds: [],
		...overrides
	};
}

async function created(db: Db, overrides: Record<string, unknown> = {}) {
	const result = await createAwardEdition(db, secretariat, editionInput(overrides));
	if (!result.ok) throw new Error(`create failed: ${result.code} ${JSON.stringify(result.fieldErrors)}`);
	return (await findEditionByYear(db, result.value.year))!;
}

const tinyPdf = new TextEncoder().encode(`%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
trailer << /Size 4 /Root 1 0 R >>
%%EOF
`);

const tables = ['award_edition', 'audit_entry'] as const;

describeEachDatabase('award editions service', (getDb) => {
	it('creates an edition with every setting, and audits it', async () => {
		const db = getDb();
		const host = await createTestCity(db, { name: 'Granollers' });
		const winner = await createTestCity(db, { name: 'Odivelas', countryCode: 'PT' });
		const edition = await created(db, { congressHostCityId: String(host), previousWinnerCityIds: [String(winner), String(winner)] });
		expect(edition).toMatchObject({
			year: 2030,
			status: 'draft',
			texts: {
				es: { theme: 'La educación como fuente de inclusión', ceremony: 'Congreso Internacional' },
				en: { theme: 'Education as a source of inclusion' }
			},
			focusAreas: [{ code: 'lifelong', names: { en: 'Lifelong education' } }],
			criteria: [
				{ code: 'relevance', weight: 2, names: { es: 'Pertinencia', en: 'Relevance' }, descriptions: { en: 'Fits the theme.' } },
				{ code: 'impact', weight: 1, descriptions: {} }
			],
			questions: [{ code: 'inclusion', maxLength: 3000 }],
			scaleMin: 1,
			scaleMax: 10,
			opensOn: '2029-03-01',
			deadline: '2029-10-15T23:59',
			timeZone: 'Europe/Madrid',
			maxCandidaciesPerCity: 2,
			prizes: 3,
			specialMentions: 2,
			mayDeclareVoid: true,
			blindReview: false,
			jurorsSeeOtherScores: false,
			shareFeedback: true,
			congressHostCityId: host,
			previousWinnerCityIds: [winner],
			version: 1
		});
		expect(edition.texts.fr).toBeUndefined();
		const [entry] = await auditEntries(db, { entityType: 'award_edition', action: 'award.edition_create' });
		expect(entry).toMatchObject({ entity_id: String(edition.id), actor_user_id: secretariat.userId });
		expect(entry.summary).toMatchObject({ year: 2030, status: 'draft' });
	});

	it('reads the settings form as posted: flat names, spare blank rows dropped, unticked boxes false', async () => {
		const db = getDb();
		const form = new FormData();
		const fields: Record<string, string> = {
			year: '2032',
			status: 'draft',
			'texts.es.theme': 'Ciudades que cuidan',
			'texts.en.theme': 'Caring cities',
			'texts.fr.theme': '',
			'focusAreas.0.code': '',
			'focusAreas.0.names.es': '',
			'criteria.0.code': 'relevance',
			'criteria.0.weight': '1,5',
			'criteria.0.names.es': 'Pertinencia',
			'criteria.0.names.en': 'Relevance',
			'criteria.1.code': '',
			'criteria.1.weight': '',
			'criteria.2.code': 'impact',
			'criteria.2.weight': '1',
			'criteria.2.names.es': 'Impacto',
			'criteria.2.names.en': 'Impact',
			scaleMin: '0',
			scaleMax: '5',
			timeZone: 'America/Argentina/Buenos_Aires',
			deadline: '2031-09-30T18:00:00',
			maxCandidaciesPerCity: '1',
			prizes: '2',
			specialMentions: '0',
			blindReview: 'on'
		};
		for (const [name, value] of Object.entries(fields)) form.append(name, value);
		form.append('previousWinnerCityIds', '');
		const result = await createAwardEdition(db, secretariat, editionInputFromForm(form));
		expect(result.ok).toBe(true);
		const edition = (await findEditionByYear(db, 2032))!;
		expect(edition.criteria.map((c) => [c.code, c.weight])).toEqual([
			['relevance', 1.5],
			['impact', 1]
		]);
		expect(edition.focusAreas).toEqual([]);
		expect(edition).toMatchObject({ blindReview: true, mayDeclareVoid: false, deadline: '2031-09-30T18:00', scaleMin: 0, scaleMax: 5 });
		expect(Object.keys(edition.texts).sort()).toEqual(['en', 'es']);
	});

	it.each([
		['no English theme', { texts: { es: { theme: 'Tema' } } }, 'texts.en.theme', 'award.edition.theme_required'],
		['no criteria', { criteria: [] }, 'criteria', 'award.edition.criteria_required'],
		[
			'a repeated criterion code',
			{
				criteria: [
					{ code: 'impact', weight: '1', names: { es: 'Impacto', en: 'Impact' } },
					{ code: 'Impact', weight: '2', names: { es: 'Impacto 2', en: 'Impact 2' } }
				]
			},
			'criteria.1.code',
			'award.edition.code_duplicate'
		],
		[
			'a zero weight',
			{ criteria: [{ code: 'impact', weight: '0', names: { es: 'I', en: 'I' } }] },
			'criteria.0.weight',
			'award.edition.weight_positive'
		],
		[
			'a criterion without its English name',
			{ criteria: [{ code: 'impact', weight: '1', names: { es: 'I' } }] },
			'criteria.0.names.en',
			'award.edition.name_required'
		],
		[
			'a code with spaces',
			{ focusAreas: [{ code: 'life long', names: { es: 'a', en: 'b' } }] },
			'focusAreas.0.code',
			'award.edition.code_format'
		],
		[
			'thirteen criteria',
			{ criteria: Array.from({ length: 13 }, (_, i) => ({ code: `c${i}`, weight: '1', names: { es: 'a', en: 'b' } })) },
			'criteria',
			'common.validation.too_many'
		],
		['the scale upside down', { scaleMin: '10', scaleMax: '5' }, 'scaleMax', 'award.edition.scale_order'],
		['a scale above 100', { scaleMax: '101' }, 'scaleMax', 'award.edition.scale_max_limit'],
		['a fractional scale', { scaleMin: '1.5' }, 'scaleMin', 'common.validation.integer'],
		['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'timeZone', 'award.edition.time_zone'],
		['a deadline without a time', { deadline: '2029-10-15' }, 'deadline', 'award.edition.deadline_format'],
		['a deadline on 31 February', { deadline: '2029-02-31T12:00' }, 'deadline', 'award.edition.deadline_format'],
		['a deadline before the opening', { deadline: '2029-02-01T12:00' }, 'deadline', 'award.edition.date_order'],
		['a ceremony before the decision', { ceremonyOn: '2030-01-01' }, 'ceremonyOn', 'award.edition.date_order'],
		['an announced call without a deadline', { status: 'announced', deadline: '' }, 'deadline', 'award.edition.required_to_announce'],
		['no city allowed a candidacy', { maxCandidaciesPerCity: '0' }, 'maxCandidaciesPerCity', 'common.validation.too_small'],
		['a status of history', { status: 'history' }, 'status', 'common.validation.invalid_choice'],
		['a year out of range', { year: '1999' }, 'year', 'award.edition.year_range'],
		['an unknown congress host', { congressHostCityId: '987654' }, 'congressHostCityId', 'award.edition.city_unknown'],
		['an id beyond any column', { previousWinnerCityIds: ['99999999999'] }, 'previousWinnerCityIds', 'common.validation.invalid'],
		[
			'an answer limit above the maximum',
			{ questions: [{ code: 'q', maxLength: '99999', texts: { es: 'a', en: 'b' } }] },
			'questions.0.maxLength',
			'award.edition.answer_limit'
		]
	])('refuses %s field by field and writes nothing', async (_label, overrides, field, code) => {
		const db = getDb();
		const before = await countRows(db, tables);
		const result = await createAwardEdition(db, secretariat, editionInput(overrides));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.status).toBe(400);
		expect(result.fieldErrors?.[field]).toContain(code);
		expect(await countRows(db, tables)).toEqual(before);
	});

	it('keeps years unique, with the error on the year field', async () => {
		const db = getDb();
		await created(db);
		const again = await createAwardEdition(db, secretariat, editionInput());
		expect(again).toMatchObject({ ok: false, status: 409, fieldErrors: { year: ['award.edition.year_taken'] } });

		const other = await created(db, { year: '2032' });
		const moved = await updateAwardEdition(db, secretariat, 2032, editionInput({ year: '2030', version: String(other.version) }));
		expect(moved).toMatchObject({ ok: false, status: 409, fieldErrors: { year: ['award.edition.year_taken'] } });
		// A draft may still change its year; an announced call may not.
		const renamed = await updateAwardEdition(db, secretariat, 2032, editionInput({ year: '2034', version: '1' }));
		expect(renamed).toMatchObject({ ok: true, value: { year: 2034, version: 2 } });
		await updateAwardEdition(db, secretariat, 2034, editionInput({ year: '2034', status: 'announced', version: '2' }));
		const locked = await updateAwardEdition(db, secretariat, 2034, editionInput({ year: '2036', status: 'announced', version: '3' }));
		expect(locked).toMatchObject({ ok: false, fieldErrors: { year: ['award.edition.year_locked'] } });
	});

	it('lets only the secretariat set up and read editions for staff; others learn nothing of drafts', async () => {
		const db = getDb();
		const cityId = await createTestCity(db);
		await created(db);
		await created(db, { year: '2032', status: 'announced' });
		const before = await countRows(db, tables);
		const juror = (await createTestJuror(db, (await findEditionByYear(db, 2032))!.id)).actor;
		const outsiders: (Actor | null)[] = [null, actors.member(), actors.representative(cityId), actors.coordinator(1), juror];
		const deps = awardDepsFor(db);
		for (const actor of outsiders) {
			expect(await createAwardEdition(db, actor, editionInput({ year: '2040' }))).toMatchObject({ ok: false, status: 403 });
			expect(await listAwardEditionsForStaff(db, actor)).toMatchObject({ ok: false, status: 403 });
			expect(await prepareNewAwardEdition(db, actor)).toMatchObject({ ok: false, status: 403 });
			// A draft is not found; an announced call exists for everyone, but not for them to change.
			expect(await updateAwardEdition(db, actor, 2030, editionInput({ version: '1' }))).toMatchObject({ ok: false, status: 404 });
			expect(await updateAwardEdition(db, actor, 2032, editionInput({ year: '2032', version: '1' }))).toMatchObject({
				ok: false,
				status: 403
			});
			expect(await getAwardEditionForStaff(db, actor, 2030)).toMatchObject({ ok: false, status: 404 });
			expect(await getAwardEditionForStaff(db, actor, 2032)).toMatchObject({ ok: false, status: 403 });
			expect(await uploadAwardRules(deps, actor, 2030, { name: 'r.pdf', bytes: tinyPdf })).toMatchObject({ ok: false, status: 404 });
		}
		expect(await countRows(db, tables)).toEqual(before);
		for (const staff of [secretariat, actors.admin()]) {
			const hub = await getAwardEditionForStaff(db, staff, '2030');
			expect(hub.ok).toBe(true);
		}
	});

	it('answers not-found for years that cannot exist, without asking the database to compare them', async () => {
		const db = getDb();
		for (const year of ['99999999999', 'abc', '0', '-2030', '', '2030.5', 99999999999])
			expect(await getAwardEditionForStaff(db, secretariat, year)).toMatchObject({ ok: false, status: 404 });
		expect(parseAwardYear('2026')).toBe(2026);
		expect(parseAwardYear(' 2026 ')).toBe(2026);
		expect(parseAwardYear('0202')).toBeNull();
	});

	it('refuses a stale save and audits the fields a save changed', async () => {
		const db = getDb();
		const edition = await created(db);
		const first = await updateAwardEdition(db, secretariat, 2030, editionInput({ prizes: '4', version: '1' }));
		expect(first).toMatchObject({ ok: true, value: { version: 2 } });
		const stale = await updateAwardEdition(db, secretariat, 2030, editionInput({ prizes: '5', version: '1' }));
		expect(stale).toMatchObject({ ok: false, status: 409, code: 'common.errors.stale' });
		expect((await findEditionByYear(db, 2030))!.prizes).toBe(4);
		const updates = await auditEntries(db, { entityId: edition.id, action: 'award.edition_update' });
		expect(updates).toHaveLength(1);
		expect(updates[0].summary).toMatchObject({ prizes: { from: 3, to: 4 } });
		expect(updates[0].summary).not.toHaveProperty('criteria');
	});

	it('keeps the criteria and the scale once a juror has started scoring', async () => {
		const db = getDb();
		await prepareExperiences(db);
		const edition = await created(db, { status: 'announced' });
		const cityId = await createTestCity(db);
		const candidacyId = await createTestCandidacy(db, edition.id, cityId);
		const { jurorId } = await createTestJuror(db, edition.id);
		const reviewId = await assignTestReview(db, edition.id, jurorId, candidacyId);
		const twoCriteria = (weight: string, code = 'impact') => ({
			criteria: [
				{ code: 'relevance', weight: '2', names: { es: 'Pertinencia', en: 'Relevance' } },
				{ code, weight, names: { es: 'Impacto', en: 'Impact' } }
			]
		});
		// Assigned but not started: the criteria may still change.
		let version = 1;
		const early = await updateAwardEdition(
			db,
			secretariat,
			2030,
			editionInput({ status: 'announced', ...twoCriteria('3'), version: String(version) })
		);
		expect(early.ok).toBe(true);
		version++;

		await db.updateTable('award_review').set({ status: 'draft' }).where('id', '=', reviewId).execute();
		const hub = await getAwardEditionForStaff(db, secretariat, 2030);
		expect(hub.ok && hub.value.criteriaLocked).toBe(true);
		const before = await countRows(db, tables);
		for (const [change, field] of [
			[twoCriteria('1'), 'criteria'],
			[twoCriteria('3', 'reach'), 'criteria'],
			[{ ...twoCriteria('3'), scaleMax: '5' }, 'scaleMax']
		] as const) {
			const refused = await updateAwardEdition(
				db,
				secretariat,
				2030,
				editionInput({ status: 'announced', ...change, version: String(version) })
			);
			expect(refused).toMatchObject({ ok: false, status: 409, code: 'award.edition.criteria_locked' });
			if (!refused.ok) expect(refused.fieldErrors?.[field]).toEqual(['award.edition.criteria_locked']);
		}
		expect(await countRows(db, tables)).toEqual(before);
		// Names, descriptions and order may still be improved; the scoring basis is the same.
		const renamed = await updateAwardEdition(
			db,
			secretariat,
			2030,
			editionInput({
				status: 'announced',
				criteria: [
					{ code: 'impact', weight: '3', names: { es: 'Impacto', en: 'Impact', fr: 'Impact' } },
					{ code: 'relevance', weight: '2', names: { es: 'Pertinencia', en: 'Relevance to the theme' } }
				],
				version: String(version)
			})
		);
		expect(renamed.ok).toBe(true);
	});

	it('keeps an announced call with candidacies from going back to draft', async () => {
		const db = getDb();
		await prepareExperiences(db);
		const edition = await created(db, { status: 'announced' });
		await createTestCandidacy(db, edition.id, await createTestCity(db), { status: 'draft' });
		const result = await updateAwardEdition(db, secretariat, 2030, editionInput({ status: 'draft', version: '1' }));
		expect(result).toMatchObject({ ok: false, status: 400, fieldErrors: { status: ['award.edition.status_locked'] } });
	});

	it('loads the five earlier editions once, insert-only, and keeps them read-only', async () => {
		const db = getDb();
		// An edition the secretariat already holds for one of those years is left as it is.
		await created(db, { year: '2024', texts: { es: { theme: 'Propia' }, en: { theme: 'Our own' } } });
		expect(await loadAwardHistory(db)).toBe(4);
		expect(await loadAwardHistory(db)).toBe(0);
		const all = await listAwardEditionsForStaff(db, secretariat);
		expect(all.ok && all.value.map((e) => [e.edition.year, e.edition.status])).toEqual([
			[2024, 'draft'],
			[2022, 'history'],
			[2020, 'history'],
			[2018, 'history'],
			[2016, 'history']
		]);
		expect((await findEditionByYear(db, 2024))!.texts.en?.theme).toBe('Our own');
		const e2020 = (await findEditionByYear(db, 2020))!;
		expect(e2020.texts).toMatchObject({
			en: { theme: 'Inclusion and Democratisation of Culture' },
			es: { theme: 'Inclusión y democratización de la cultura' },
			fr: { theme: 'Inclusion et démocratisation de la culture' },
			pt: { theme: 'Inclusão e democratização da cultura' }
		});
		expect(e2020.history).toEqual({
			entries: 58,
			cities: 50,
			countries: 13,
			finalists: 7,
			winners: ['Medellín', 'Santos', 'Torres Vedras']
		});
		expect((await findEditionByYear(db, 2022))!.history).toEqual({ entries: 65, cities: 53, countries: null, finalists: 7, winners: 3 });
		expect(await findEditionByYear(db, 2026)).toBeUndefined();

		const before = await countRows(db, tables);
		const refused = await updateAwardEdition(db, secretariat, 2020, editionInput({ year: '2020', version: '1' }));
		expect(refused).toMatchObject({ ok: false, status: 409, code: 'award.edition.history_read_only' });
		expect(await countRows(db, tables)).toEqual(before);

		const publicList = await listPublicAwardEditions(db);
		expect(publicList.map((v) => v.edition.year)).toEqual([2022, 2020, 2018, 2016]);
		expect(publicList[1]).toMatchObject({ phase: 'history', figures: { entries: 58 }, results: null });
	});

	it('stores the rules as a PDF, replaces the previous one and serves drafts to the secretariat only', async () => {
		const db = getDb();
		const deps = awardDepsFor(db);
		const edition = await created(db);
		const before = await countRows(db, tables);
		const notPdf = await uploadAwardRules(deps, secretariat, 2030, {
			name: 'rules.pdf',
			bytes: new TextEncoder().encode('<html>hi</html>')
		});
		expect(notPdf).toMatchObject({ ok: false, status: 400, fieldErrors: { rules: ['files.errors.not_pdf'] } });
		const empty = await uploadAwardRules(deps, secretariat, 2030, null);
		expect(empty).toMatchObject({ ok: false, fieldErrors: { rules: ['files.errors.empty'] } });
		expect(await countRows(db, tables)).toEqual(before);

		expect(await uploadAwardRules(deps, secretariat, 2030, { name: 'Bases 2030.pdf', bytes: tinyPdf })).toMatchObject({ ok: true });
		const first = await findAwardRulesForDownload(db, secretariat, 2030);
		expect(first).toMatchObject({ ok: true, value: { name: 'Bases 2030.pdf', isPublic: false } });
		expect(await findAwardRulesForDownload(db, null, 2030)).toMatchObject({ ok: false, status: 404 });
		expect(await findAwardRulesForDownload(db, actors.member(), 2030)).toMatchObject({ ok: false, status: 404 });

		await uploadAwardRules(deps, secretariat, 2030, { name: 'Rules 2030 v2.pdf', bytes: tinyPdf });
		const second = await findAwardRulesForDownload(db, secretariat, 2030);
		expect(second).toMatchObject({ ok: true, value: { name: 'Rules 2030 v2.pdf' } });
		if (first.ok && second.ok) {
			expect(deps.files.resolve(first.value.storageKey)).toBeNull();
			expect(deps.files.resolve(second.value.storageKey)).not.toBeNull();
		}
		const uploads = await auditEntries(db, { entityId: edition.id, action: 'award.rules_upload' });
		expect(uploads.map((u) => u.summary.name)).toEqual(['Bases 2030.pdf', 'Rules 2030 v2.pdf']);
		expect(uploads[1].summary).toMatchObject({ replaced: 'Bases 2030.pdf' });
		// The upload does not make the settings form stale.
		expect((await findEditionByYear(db, 2030))!.version).toBe(1);

		await updateAwardEdition(db, secretariat, 2030, editionInput({ status: 'announced', version: '1' }));
		expect(await findAwardRulesForDownload(db, null, 2030)).toMatchObject({ ok: true, value: { isPublic: true } });
	});

	it('shows the public an announced call with its phase, never a draft', async () => {
		const db = getDb();
		await created(db);
		expect(await getPublicAwardEdition(db, 2030)).toMatchObject({ ok: false, status: 404 });
		const open = await createTestEdition(db, {
			year: 2031,
			opensOn: '2030-01-01',
			deadline: '2031-03-01T12:00',
			timeZone: 'America/Sao_Paulo'
		});
		// 14:00 UTC is 11:00 in São Paulo: still open; 15:30 UTC is 12:30 there: closed.
		const before = await getPublicAwardEdition(db, open.year, new Date('2031-03-01T14:00:00Z'));
		expect(before).toMatchObject({ ok: true, value: { phase: 'open', results: null, figures: null } });
		const after = await getPublicAwardEdition(db, open.year, new Date('2031-03-01T15:30:00Z'));
		expect(after).toMatchObject({ ok: true, value: { phase: 'judging' } });
		expect((await listPublicAwardEditions(db)).map((v) => v.edition.year)).toEqual([2031]);
	});

	it('suggests the next edition from the newest full one', async () => {
		const db = getDb();
		await loadAwardHistory(db);
		await created(db);
		const draft = await prepareNewAwardEdition(db, secretariat);
		expect(draft).toMatchObject({ ok: true, value: { year: 2032, template: { year: 2030 } } });
	});
});
