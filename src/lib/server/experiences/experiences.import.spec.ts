import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, auditEntries, countRows, createTestCity } from '../testing/factories.ts';
import { createTestExperience, prepareExperiences } from '../testing/experience-factories.ts';
import type { Db } from '../db/index.ts';
import { toCsv } from '../core/csv.ts';
import { experienceImportColumns, exampleImportRecords } from '../../shared/experiences/import-columns.ts';
import { countListings, getPublishedExperience, getWorkingExperience, importExperiences } from './index.ts';
import { detectImportFormat, scanJson, type ExperienceImportReport } from './experiences.import.ts';
import { findExperienceIdByExternalId, findExperienceRow } from './experiences.repository.ts';

const staff = actors.secretariat();
const docPath = path.join(import.meta.dirname, '../../../../docs/import-experiences.md');
const tables = ['experience', 'experience_listing', 'experience_listing_tag', 'experience_event', 'audit_entry'] as const;

describe('experiences import: reading files', () => {
	it('finds where each element of a JSON array starts, and where broken JSON breaks', () => {
		const text = '[\n  {"a": 1},\n  {"b": [1, 2, {"c": "x\\"y"}]},\n  3\n]';
		const scan = scanJson(text);
		expect(scan.ok).toBe(true);
		if (scan.ok) expect(scan.elementStarts.map((o) => text.slice(0, o).split('\n').length)).toEqual([2, 3, 4]);
		const broken = '[\n  {"a": 1},\n  {"b": }\n]';
		const stop = scanJson(broken);
		expect(stop.ok).toBe(false);
		if (!stop.ok) expect(broken.slice(0, stop.offset).split('\n').length).toBe(3);
		expect(scanJson('[' + '['.repeat(100) + ']'.repeat(101)).ok).toBe(false);
	});

	it('tells CSV from JSON by the file name, then by the content', () => {
		expect(detectImportFormat('bank.json', 'x')).toBe('json');
		expect(detectImportFormat('bank.CSV', '[')).toBe('csv');
		expect(detectImportFormat('bank', '\uFEFF  [{"external_id": "a"}]')).toBe('json');
		expect(detectImportFormat('', 'external_id,city_id')).toBe('csv');
	});

	it('documents every column, with an example CSV and JSON', () => {
		const doc = fs.readFileSync(docPath, 'utf8');
		for (const column of experienceImportColumns) {
			const field = /^([a-z]+)_(es|en|fr|pt)$/.exec(column)?.[1];
			if (field && field !== 'title') expect(doc, column).toContain(`\`${field}_*\``);
			else expect(doc, column).toContain(`\`${column}\``);
		}
		expect(doc).toContain('```csv');
		expect(doc).toContain('```json');
		for (const record of exampleImportRecords) expect(doc).toContain(record.external_id);
	});
});

describeEachDatabase('experiences import', (getDb, kind) => {
	async function setup(db: Db) {
		await prepareExperiences(db);
		const rosario = await createTestCity(db, { name: 'Rosario', countryCode: 'AR' });
		const lisboa = await createTestCity(db, { name: 'Lisboa', countryCode: 'PT' });
		const barcelona = await createTestCity(db, { name: 'Barcelona', countryCode: 'ES' });
		return { rosario, lisboa, barcelona };
	}

	/** One valid row per record, cycling through the three cities and both ways of naming a city. */
	function bankRows(count: number, cities: { rosario: number; lisboa: number }, titleSuffix = ''): Record<string, string>[] {
		return Array.from({ length: count }, (_, i) => ({
			external_id: `old-${String(i + 1).padStart(4, '0')}`,
			city_id: i % 3 === 0 ? String(cities.rosario) : '',
			city_name: i % 3 === 1 ? 'lisboa' : i % 3 === 2 ? 'Barcelona' : '',
			country_code: i % 3 === 1 ? 'pt' : i % 3 === 2 ? 'ES' : '',
			original_language: i % 2 ? 'es' : 'en',
			title_es: `Experiencia número ${i + 1}${titleSuffix}`,
			title_en: i % 2 ? '' : `Experience number ${i + 1}${titleSuffix}`,
			summary_es: 'Una escuela abierta al barrio; con familias, vecinos y servicios municipales.',
			description_es: 'Descripción "larga", con comas, punto y coma; y\nvarias líneas.',
			start_date: i % 4 === 0 ? '2011' : '2015-03-01',
			end_date: i % 5 === 0 ? '2018-06-30' : '',
			ongoing: i % 5 === 0 ? 'no' : 'sí',
			budget_range: '10k_50k',
			territory_scope: 'city',
			contact_email: 'educacion@example.org',
			links: 'https://example.org/a | https://example.org/b',
			principles: '1;8|12',
			topics: 'environment,youth',
			target_groups: 'children',
			sdgs: '4;11',
			banks: i % 7 === 0 ? 'international|latin_american' : '',
			status: i % 10 === 9 ? 'draft' : '',
			featured: i === 0 ? 'yes' : ''
		}));
	}
	const csvOf = (rows: Record<string, string>[]) => toCsv(Object.keys(rows[0]), rows);

	async function run(db: Db, text: string, options: { dryRun?: boolean; fileName?: string } = {}) {
		const result = await importExperiences(db, staff, { text, fileName: options.fileName ?? 'bank.csv', dryRun: options.dryRun ?? false });
		if (!result.ok) throw new Error(`import failed: ${result.code}`);
		return result.value;
	}
	const problems = (report: ExperienceImportReport) => report.errors.map((e) => [e.line, e.column, e.code]);

	it('imports 600 records from CSV in one go, and a second import updates them instead of adding copies', async () => {
		const db = getDb();
		const cities = await setup(db);
		const csv = csvOf(bankRows(600, cities));

		const dry = await run(db, csv, { dryRun: true });
		expect(dry).toMatchObject({ rows: 600, toCreate: 600, toUpdate: 0, errorCount: 0, committed: false, format: 'csv' });
		expect((await countRows(db, ['experience'])).experience).toBe(0);

		let started = performance.now();
		const first = await run(db, csv);
		const firstMs = performance.now() - started;
		expect(first).toMatchObject({ rows: 600, toCreate: 600, toUpdate: 0, committed: true });
		expect((await countRows(db, ['experience'])).experience).toBe(600);
		expect(await countListings(db)).toBe(540);

		const id = (await findExperienceIdByExternalId(db, 'old-0001'))!.id;
		const versionBefore = Number((await findExperienceRow(db, id))!.version);
		const published = await getPublishedExperience(db, id);
		expect(published.ok && published.value.record).toMatchObject({
			featured: true,
			startDate: '2011-01-01',
			endDate: '2018-06-30',
			ongoing: false,
			links: ['https://example.org/a', 'https://example.org/b'],
			principles: [1, 8, 12],
			topics: ['environment', 'youth'],
			sdgs: [4, 11],
			banks: ['international', 'latin_american'],
			city: { id: cities.rosario }
		});
		expect(published.ok && published.value.record.texts.es?.description).toBe(
			'Descripción "larga", con comas, punto y coma; y\nvarias líneas.'
		);
		const lisbon = await findExperienceIdByExternalId(db, 'old-0002');
		expect(Number((await findExperienceRow(db, lisbon!.id))!.city_id)).toBe(cities.lisboa);
		expect((await findExperienceIdByExternalId(db, 'old-0010'))!.status).toBe('draft');

		started = performance.now();
		const again = await run(db, csvOf(bankRows(600, cities, ' (revisada)')), { fileName: 'bank-v2.csv' });
		const againMs = performance.now() - started;
		expect(again).toMatchObject({ rows: 600, toCreate: 0, toUpdate: 600, committed: true });
		expect((await countRows(db, ['experience'])).experience).toBe(600);
		expect(await countListings(db)).toBe(540);
		const republished = await getPublishedExperience(db, id);
		expect(republished.ok && republished.value.record.texts.es?.title).toBe('Experiencia número 1 (revisada)');
		expect(Number((await findExperienceRow(db, id))!.version)).toBeGreaterThan(versionBefore);

		const audits = await auditEntries(db, { action: 'experience.import' });
		expect(audits.map((a) => a.summary)).toEqual([
			{ fileName: 'bank.csv', format: 'csv', rows: 600, created: 600, updated: 0 },
			{ fileName: 'bank-v2.csv', format: 'csv', rows: 600, created: 0, updated: 600 }
		]);
		expect(audits[0].entity_type).toBe('experience_import');
		console.log(`[${kind}] 600-row CSV import: first ${Math.round(firstMs)} ms, again (updates) ${Math.round(againMs)} ms`);
	});

	it('reports exactly the bad rows, by line and column, and writes nothing', async () => {
		const db = getDb();
		const cities = await setup(db);
		await createTestExperience(db, cities.rosario);
		const rows = bankRows(20, cities);
		rows[3].start_date = '03/2015'; // line 5 (the header is line 1)
		rows[7].city_name = 'Atlantis'; // line 9
		rows[12].topics = 'environment;not-a-topic'; // line 14
		const csv = csvOf(rows);
		// The description holds a line break, so each record takes two lines of the file.
		const lineOf = (index: number) => 2 + index * 2;
		const before = await countRows(db, tables);
		for (const dryRun of [true, false]) {
			const report = await run(db, csv, { dryRun });
			expect(report.committed).toBe(false);
			expect(problems(report)).toEqual([
				[lineOf(3), 'start_date', 'experiences.import.date'],
				[lineOf(7), 'city_name', 'experiences.import.city_unknown'],
				[lineOf(12), 'topics', 'experiences.import.topic_unknown']
			]);
			expect(report.errors[1].values).toEqual({ name: 'Atlantis', country: 'PT' });
			expect(report.errors[2].values).toEqual({ codes: 'not-a-topic' });
		}
		expect(await countRows(db, tables)).toEqual(before);
	});

	it('reads semicolon-separated CSV with a byte order mark, and reports each kind of bad value', async () => {
		const db = getDb();
		const cities = await setup(db);
		const header = 'external_id;city_id;city_name;country_code;title_es;start_date;end_date;ongoing;topics;target_groups;status;featured';
		const lines = [
			`a1;${cities.rosario};;;Uno;2012;;sí;environment;children;published;no`,
			`a2;999999;;;Dos;2012;;;;;;`,
			`a3;;Lisboa;;Tres;;;;;;;`,
			`a1;${cities.rosario};;;Cuatro;;;;;;;`,
			`a5;${cities.rosario};;;Cinco;2019-02-30;2018;quizás;;;hidden;maybe`,
			`a6;${cities.rosario};;;Seis;2015;2014;;;aliens;;`,
			`;${cities.rosario};;;Siete;;;;;;;`,
			`a8;${cities.rosario};;;;;;;;;;`
		];
		const report = await run(db, '\uFEFF' + [header, ...lines].join('\r\n') + '\r\n', { dryRun: true });
		expect(report.rows).toBe(8);
		expect(problems(report)).toEqual([
			[3, 'city_id', 'experiences.import.city_id_unknown'],
			[4, 'country_code', 'experiences.import.country_required'],
			[5, 'external_id', 'experiences.import.duplicate_external_id'],
			[6, 'status', 'experiences.import.status'],
			[6, 'featured', 'experiences.import.yes_no'],
			[6, 'ongoing', 'experiences.import.yes_no'],
			[6, 'start_date', 'experiences.import.date'],
			[7, 'end_date', 'experiences.validation.end_before_start'],
			[8, 'external_id', 'experiences.import.external_id_required'],
			[9, 'original_language', 'experiences.import.original_language_required']
		]);
		expect(report.errors[2].values).toEqual({ line: 2 });
		expect(report.toCreate).toBe(1);
	});

	it('reports a target group that does not exist once the rest of the record is valid', async () => {
		const db = getDb();
		const cities = await setup(db);
		const report = await run(db, `external_id,city_id,title_es,target_groups\nx,${cities.rosario},Uno,aliens\n`, { dryRun: true });
		expect(problems(report)).toEqual([[2, 'target_groups', 'experiences.import.target_unknown']]);
	});

	it('imports JSON, in the columns shape or the fields shape, and reports problems by the line where the record starts', async () => {
		const db = getDb();
		const cities = await setup(db);
		const records = [
			{ external_id: 'j1', city_name: 'Rosario', country_code: 'AR', title_es: 'Uno', principles: [1, 2], ongoing: true, featured: false },
			{
				externalId: 'j2',
				cityId: cities.lisboa,
				originalLanguage: 'pt',
				texts: { pt: { title: 'Dois', summary: 'Resumo' }, it: { title: 'Due' } },
				startDate: '2014',
				topics: ['environment'],
				status: 'draft',
				featured: true,
				notes: 'ignored'
			}
		];
		const text = JSON.stringify(records, null, 2);
		const report = await run(db, text, { fileName: 'bank.json' });
		expect(report).toMatchObject({ format: 'json', rows: 2, toCreate: 2, committed: true, ignoredColumns: ['notes', 'texts.it'] });
		const j1 = (await findExperienceIdByExternalId(db, 'j1'))!;
		const j2 = (await findExperienceIdByExternalId(db, 'j2'))!;
		expect(j1.status).toBe('published');
		expect(j2.status).toBe('draft');
		const working = await getWorkingExperience(db, staff, j2.id);
		expect(working.ok && working.value.record).toMatchObject({
			featured: true,
			startDate: '2014-01-01',
			texts: { pt: { title: 'Dois', summary: 'Resumo' } }
		});

		const bad = JSON.stringify(
			[
				{ external_id: 'k1', city_id: cities.rosario, title_es: 'Uno' },
				{ externalId: 'k2', cityId: cities.rosario, originalLanguage: 'es', texts: { es: { summary: 'Sin título' } }, startDate: 'ayer' },
				'not a record'
			],
			null,
			2
		);
		const before = await countRows(db, tables);
		const refused = await run(db, bad, { fileName: 'bad.json' });
		expect(refused.committed).toBe(false);
		expect(problems(refused)).toEqual([
			[7, 'startDate', 'experiences.import.date'],
			[7, 'texts.es.title', 'experiences.validation.title_original'],
			[18, '_row', 'experiences.import.json_not_object']
		]);
		expect(await countRows(db, tables)).toEqual(before);
	});

	it('explains a broken file by its line, never failing', async () => {
		const db = getDb();
		const cities = await setup(db);
		const json = await run(db, '[\n  {"external_id": "a",\n   "title_es": "Uno",}\n]', { fileName: 'x.json' });
		expect(problems(json)).toEqual([[3, '_file', 'experiences.import.json_malformed']]);
		expect(problems(await run(db, '{"external_id": "a"}', { fileName: 'x.json' }))).toEqual([
			[1, '_file', 'experiences.import.json_not_array']
		]);
		const csv = await run(db, `external_id,city_id,title_es\na,${cities.rosario},"Uno\nb,${cities.rosario},Dos\n`);
		expect(csv.errors[0]).toMatchObject({ line: 2, code: 'common.csv.malformed' });
		expect(problems(await run(db, 'external_id,title_es\na,Uno\n'))).toEqual([[1, 'city_id', 'experiences.import.missing_column']]);
		expect(problems(await run(db, 'external_id,city_id,title_es\n'))).toEqual([[1, '_file', 'experiences.import.empty']]);
		expect(problems(await run(db, `external_id,city_id,title_es\na,${cities.rosario},Caf\uFFFD\n`))).toEqual([
			[2, '_file', 'experiences.import.not_utf8']
		]);
		const many = 'external_id,city_id,title_es\n' + Array.from({ length: 5001 }, (_, i) => `r${i},${cities.rosario},T`).join('\n');
		expect(problems(await run(db, many))).toEqual([[1, '_file', 'experiences.import.too_many_rows']]);
		const huge = 'external_id,city_id,title_es\n' + 'x'.repeat(10 * 1024 * 1024);
		expect(problems(await run(db, huge))).toEqual([[1, '_file', 'experiences.import.too_large']]);
		expect((await countRows(db, ['experience'])).experience).toBe(0);
	});

	it('keeps HTML in texts as it was written', async () => {
		const db = getDb();
		const cities = await setup(db);
		const title = '<script>alert("x")</script> <b>Escuela</b> & barrio';
		await run(
			db,
			toCsv(
				['external_id', 'city_id', 'title_es', 'summary_es'],
				[{ external_id: 'h1', city_id: cities.rosario, title_es: title, summary_es: '<p>Hola</p>' }]
			)
		);
		const id = (await findExperienceIdByExternalId(db, 'h1'))!.id;
		const published = await getPublishedExperience(db, id);
		expect(published.ok && published.value.record.texts.es).toEqual({ title, summary: '<p>Hola</p>' });
	});

	it('overwrites a record edited since, puts a draft import beside the public version, and can feature', async () => {
		const db = getDb();
		const cities = await setup(db);
		const row = (title: string, status = '', featured = '') =>
			toCsv(
				['external_id', 'city_id', 'title_es', 'status', 'featured'],
				[{ external_id: 'e1', city_id: cities.rosario, title_es: title, status, featured }]
			);
		await run(db, row('Primera'));
		const id = (await findExperienceIdByExternalId(db, 'e1'))!.id;
		await run(db, row('Borrador nuevo', 'draft', 'yes'));
		const listed = await getPublishedExperience(db, id);
		expect(listed.ok && listed.value.record).toMatchObject({ texts: { es: { title: 'Primera' } }, featured: true });
		const working = await getWorkingExperience(db, staff, id);
		expect(working.ok && working.value.record).toMatchObject({ status: 'draft', texts: { es: { title: 'Borrador nuevo' } } });
		expect(working.ok && working.value.events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
			['import', 'published', 'draft'],
			['import', null, 'published']
		]);
		await run(db, row('Publicada otra vez'));
		const again = await getPublishedExperience(db, id);
		expect(again.ok && again.value.record).toMatchObject({ texts: { es: { title: 'Publicada otra vez' } }, featured: false });
		expect(await countListings(db)).toBe(1);
	});

	it('is refused to anyone but the secretariat', async () => {
		const db = getDb();
		const cities = await setup(db);
		const csv = `external_id,city_id,title_es\na,${cities.rosario},Uno\n`;
		const before = await countRows(db, tables);
		for (const actor of [null, actors.representative(cities.rosario), actors.coordinator(1), actors.member()]) {
			const result = await importExperiences(db, actor, { text: csv, dryRun: false });
			expect(result.ok ? 'ok' : result.code).toBe('common.errors.forbidden');
		}
		expect(await countRows(db, tables)).toEqual(before);
		const admin = await importExperiences(db, actors.admin(), { text: csv, dryRun: true });
		expect(admin.ok).toBe(true);
	});

	it('imports the example offered for download', async () => {
		const db = getDb();
		await setup(db);
		const report = await run(db, toCsv([...experienceImportColumns], [...exampleImportRecords]), { fileName: 'example.csv' });
		expect(problems(report)).toEqual([]);
		expect(report).toMatchObject({ rows: 2, toCreate: 2, committed: true, ignoredColumns: [] });
		const json = await run(db, JSON.stringify(exampleImportRecords), { fileName: 'example.json', dryRun: true });
		expect(json).toMatchObject({ rows: 2, toUpdate: 2, errorCount: 0 });
		// The examples in the documentation are the same records, and import as they are.
		const doc = fs.readFileSync(docPath, 'utf8');
		for (const format of ['csv', 'json'] as const) {
			const example = new RegExp('```' + format + '\\n([\\s\\S]*?)```').exec(doc)![1];
			const report = await run(db, example, { fileName: `doc.${format}`, dryRun: true });
			expect(problems(report), format).toEqual([]);
			expect(report, format).toMatchObject({ rows: 2, toUpdate: 2, ignoredColumns: [] });
		}
	});
});
