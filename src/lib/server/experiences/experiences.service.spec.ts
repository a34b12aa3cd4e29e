import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createFileStore } from '../core/files.ts';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, addCityToNetwork, auditEntries, createTestCity, createTestNetwork } from '../testing/factories.ts';
import {
	createPublishedExperience,
	createTestExperience,
	depsFor,
	experienceInput,
	prepareExperiences
} from '../testing/experience-factories.ts';
import type { Db } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import type { WorkflowAction, ExperienceStatus } from '../../shared/experiences/constants.ts';
import {
	addExperienceDocument,
	addExperienceImage,
	canOnExperiences,
	findExperienceFileForDownload,
	removeExperienceFile,
	createExperience,
	exploreExperiences,
	getPublishedExperience,
	getWorkingExperience,
	searchExperiences,
	setExperienceFeatured,
	transitionExperience,
	updateExperience
} from './index.ts';
import { findExperienceRow, listListingPage } from './experiences.repository.ts';
import { experienceQuerySchema } from '../../shared/experiences/schemas.ts';

describe('experiences policy', () => {
	const own = 7;
	const other = 8;
	const rep = actors.representative(own);
	const staff = actors.secretariat();
	const cases: [string, Actor | null, WorkflowAction, ExperienceStatus, boolean][] = [
		['representative submits a draft', rep, 'submit', 'draft', true],
		['representative resubmits a returned record', rep, 'submit', 'returned', true],
		['representative cannot publish', rep, 'publish', 'submitted', false],
		['representative cannot return', rep, 'return', 'in_review', false],
		['representative cannot archive', rep, 'archive', 'published', false],
		['representative opens a revision of a published record', rep, 'revise', 'published', true],
		['secretariat starts a review', staff, 'start_review', 'submitted', true],
		['secretariat returns', staff, 'return', 'in_review', true],
		['secretariat publishes', staff, 'publish', 'in_review', true],
		['secretariat archives', staff, 'archive', 'published', true],
		['secretariat restores', staff, 'restore', 'archived', true],
		['nobody publishes a draft', staff, 'publish', 'draft', false],
		['nobody archives a draft', staff, 'archive', 'draft', false],
		['nobody submits a published record', staff, 'submit', 'published', false],
		['anonymous submits nothing', null, 'submit', 'draft', false],
		['coordinator submits nothing', actors.coordinator(1), 'submit', 'draft', false]
	];
	it.each(cases)('%s', (_name, actor, action, status, expected) => {
		expect(canOnExperiences(actor, `workflow.${action}`, { cityId: own, status })).toBe(expected);
	});
	it.each([
		['draft', true],
		['returned', true],
		['submitted', false],
		['in_review', false],
		['published', false]
	] as const)('the city edits its own record while %s: %s', (status, expected) => {
		expect(canOnExperiences(rep, 'experience.edit', { cityId: own, status })).toBe(expected);
		expect(canOnExperiences(rep, 'experience.edit', { cityId: other, status })).toBe(false);
	});
});

describeEachDatabase('experiences service', (getDb, kind) => {
	async function setup(db: Db) {
		await prepareExperiences(db);
		const cityId = await createTestCity(db, { name: 'Rosario', countryCode: 'AR' });
		const otherCityId = await createTestCity(db, { name: 'Lisboa', countryCode: 'PT' });
		return { cityId, otherCityId };
	}
	async function versionOf(db: Db, id: number) {
		return Number((await findExperienceRow(db, id))!.version);
	}

	it('runs the whole workflow: draft, submit, return with a comment, resubmit, publish, feature, archive', async () => {
		const db = getDb();
		const { cityId } = await setup(db);
		const rep = actors.representative(cityId);
		const created = await createExperience(db, rep, experienceInput(cityId));
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		const id = created.value.id;
		const deps = depsFor(db);
		const step = async (actor: Actor, action: WorkflowAction, extra: Record<string, unknown> = {}) =>
			transitionExperience(deps, actor, id, action, { version: await versionOf(db, id), ...extra });

		expect((await step(rep, 'submit')).ok).toBe(true);
		expect((await step(rep, 'publish')).ok).toBe(false);
		expect((await step(actors.secretariat(), 'start_review')).ok).toBe(true);
		const noComment = await step(actors.secretariat(), 'return');
		expect(noComment.ok).toBe(false);
		if (!noComment.ok) expect(noComment.fieldErrors?.comment).toEqual(['experiences.validation.comment_required']);
		expect((await step(actors.secretariat(), 'return', { comment: 'Añadid los resultados.' })).ok).toBe(true);
		const working = await getWorkingExperience(db, rep, id);
		expect(working.ok && working.value.record.status).toBe('returned');
		expect(working.ok && working.value.events[0].comment).toBe('Añadid los resultados.');
		expect((await step(rep, 'submit')).ok).toBe(true);
		expect((await step(actors.secretariat(), 'publish')).ok).toBe(true);
		expect((await getPublishedExperience(db, id)).ok).toBe(true);
		expect((await setExperienceFeatured(db, actors.secretariat(), id, { featured: 'true' })).ok).toBe(true);
		const featured = await searchExperiences(db, { featured: '1' });
		expect(featured.ok && featured.value.items.map((i) => i.id)).toEqual([id]);
		expect((await step(actors.secretariat(), 'archive')).ok).toBe(true);
		expect((await getPublishedExperience(db, id)).ok).toBe(false);

		const actions = (await auditEntries(db, { entityType: 'experience', entityId: id })).map((e) => e.action);
		expect(actions).toEqual(
			expect.arrayContaining([
				'experience.create',
				'experience.submit',
				'experience.return',
				'experience.publish',
				'experience.feature',
				'experience.archive'
			])
		);
	});

	it('keeps the published version visible while a revision is in review', async () => {
		const db = getDb();
		const { cityId } = await setup(db);
		const id = await createPublishedExperience(db, cityId, {
			texts: { es: { title: 'Huertos escolares', summary: 's', description: 'd' } }
		});
		const rep = actors.representative(cityId);
		const deps = depsFor(db);
		expect((await transitionExperience(deps, rep, id, 'revise', { version: await versionOf(db, id) })).ok).toBe(true);
		const input = {
			...experienceInput(cityId, { texts: { es: { title: 'Huertos escolares 2.0', summary: 's', description: 'd' } } }),
			version: await versionOf(db, id)
		};
		expect((await updateExperience(db, rep, id, input)).ok).toBe(true);
		const published = await getPublishedExperience(db, id);
		expect(published.ok && published.value.record.texts.es?.title).toBe('Huertos escolares');
		expect((await transitionExperience(deps, rep, id, 'submit', { version: await versionOf(db, id) })).ok).toBe(true);
		expect((await transitionExperience(deps, actors.secretariat(), id, 'publish', { version: await versionOf(db, id) })).ok).toBe(true);
		const republished = await getPublishedExperience(db, id);
		expect(republished.ok && republished.value.record.texts.es?.title).toBe('Huertos escolares 2.0');
	});

	it('refuses a stale version and another city’s representative', async () => {
		const db = getDb();
		const { cityId, otherCityId } = await setup(db);
		const id = await createTestExperience(db, cityId);
		const stale = await updateExperience(db, actors.representative(cityId), id, { ...experienceInput(cityId), version: 1 });
		expect(stale.ok).toBe(true);
		const second = await updateExperience(db, actors.secretariat(), id, { ...experienceInput(cityId), version: 1 });
		expect(second.ok ? null : second.code).toBe('common.errors.stale');
		const intruder = await updateExperience(db, actors.representative(otherCityId), id, { ...experienceInput(cityId), version: 2 });
		expect(intruder.ok ? null : intruder.status).toBe(404);
		expect((await getWorkingExperience(db, actors.representative(otherCityId), id)).ok).toBe(false);
		expect((await createExperience(db, actors.representative(otherCityId), experienceInput(cityId))).ok).toBe(false);
	});

	it('finds records without accents, plurals and operators, and counts facets (' + kind + ')', async () => {
		const db = getDb();
		const { cityId, otherCityId } = await setup(db);
		const networkId = await createTestNetwork(db);
		await addCityToNetwork(db, networkId, otherCityId);
		const a = await createPublishedExperience(db, cityId, {
			texts: { es: { title: 'Educación Inclusiva en las escuelas', summary: 'Escuelas abiertas', description: 'x' } },
			principles: [1, 2],
			topics: ['social-inclusion'],
			banks: ['international', 'latin_american']
		});
		const b = await createPublishedExperience(db, otherCityId, {
			originalLanguage: 'pt',
			texts: {
				pt: { title: 'Orçamento de participação cidadã', summary: 'Participações', description: 'y' },
				en: { title: 'Participatory budget' }
			},
			principles: [2],
			topics: ['citizen-participation'],
			startDate: '2012-01-01'
		});
		await createTestExperience(db, cityId, { texts: { es: { title: 'Borrador educación inclusiva' } } });

		const ids = async (input: Record<string, unknown>) => {
			const result = await searchExperiences(db, { sort: 'title', ...input });
			if (!result.ok) throw new Error(result.code);
			return result.value.items.map((i) => i.id);
		};
		expect(await ids({ q: 'educacion inclusiva' })).toEqual([a]);
		expect(await ids({ q: 'EDUCACIÓN escuela' })).toEqual([a]);
		expect(await ids({ q: 'participacao' })).toEqual([b]);
		expect(await ids({ q: 'participações' })).toEqual([b]);
		expect(await ids({ q: 'rosario' })).toEqual([a]);
		expect(await ids({ q: '"educacion" NEAR -inclusiva* OR' })).toEqual([]);
		expect(await ids({ q: 'x'.repeat(10_000) })).toEqual([]);
		expect(await ids({ q: '*** "' })).toEqual([]);
		expect(await ids({ principle: ['2'] })).toEqual([a, b].sort((x, y) => (x === a ? -1 : 1) - (y === a ? -1 : 1)));
		expect(await ids({ principle: ['1', '2'] })).toEqual([a]);
		expect(await ids({ bank: 'latin_american' })).toEqual([a]);
		expect(await ids({ lang: 'en' })).toEqual([b]);
		expect(await ids({ network: String(networkId) })).toEqual([b]);
		expect(await ids({ year: '2012' })).toEqual([b]);
		expect(await ids({ country: 'ar' })).toEqual([a]);

		const all = await searchExperiences(db, {});
		expect(all.ok).toBe(true);
		if (!all.ok) return;
		expect(all.value.total).toBe(2);
		const count = (facet: keyof typeof all.value.facets, code: string) => all.value.facets[facet].find((f) => f.code === code)?.count ?? 0;
		expect(count('principle', '2')).toBe(2);
		expect(count('principle', '1')).toBe(1);
		expect(count('bank', 'international')).toBe(2);
		expect(count('bank', 'latin_american')).toBe(1);
		expect(count('lang', 'pt')).toBe(1);
		expect(count('country', 'AR')).toBe(1);
		expect(count('network', String(networkId))).toBe(1);
		expect(count('year', '2019')).toBe(1);

		const explored = await exploreExperiences(db, { q: 'educacion' });
		expect(explored.ok && explored.value.matrix).toEqual(
			expect.arrayContaining([
				{ principle: 1, topic: 'social-inclusion', count: 1 },
				{ principle: 2, topic: 'social-inclusion', count: 1 }
			])
		);
		const related = await getPublishedExperience(db, b);
		expect(related.ok && related.value.related.map((r) => r.id)).toEqual([a]);
	});

	it('answers bad search parameters with field errors', async () => {
		const db = getDb();
		await setup(db);
		const result = await searchExperiences(db, { principle: ['99'], year: 'abc', pageSize: '1000' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['pageSize', 'principle', 'year']);
	});
});

describeEachDatabase('experiences files and completeness', (getDb) => {
	it('stores an image with its alt text, refuses a renamed text file, and counts the image for completeness', async () => {
		const db = getDb();
		await prepareExperiences(db);
		const cityId = await createTestCity(db);
		const otherCityId = await createTestCity(db);
		const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-files-'));
		try {
			const files = createFileStore(root);
			const rep = actors.representative(cityId);
			const id = await createTestExperience(db, cityId, {}, rep);
			const before = await getWorkingExperience(db, rep, id);
			expect(before.ok && before.value.record.missingFields).toContain('images');
			const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3366aa' } })
				.png()
				.toBuffer();
			const noAlt = await addExperienceImage(db, files, rep, id, { name: 'photo.png', bytes: png }, { altText: '' });
			expect(noAlt.ok ? null : noAlt.fieldErrors?.altText).toEqual(['experiences.validation.alt_required']);
			const fake = await addExperienceImage(
				db,
				files,
				rep,
				id,
				{ name: 'photo.png', bytes: new TextEncoder().encode('<script>x</script>') },
				{ altText: 'A school garden' }
			);
			expect(fake.ok ? null : fake.fieldErrors?.image).toEqual(['files.errors.not_image']);
			const added = await addExperienceImage(
				db,
				files,
				rep,
				id,
				{ name: 'photo.png', bytes: png },
				{ altText: 'Children planting tomatoes' }
			);
			expect(added.ok).toBe(true);
			if (!added.ok) return;
			const after = await getWorkingExperience(db, rep, id);
			expect(after.ok && after.value.record.images.map((i) => i.altText)).toEqual(['Children planting tomatoes']);
			expect(after.ok && after.value.record.missingFields).not.toContain('images');
			const pdf = await addExperienceDocument(
				db,
				files,
				rep,
				id,
				{ name: 'report.pdf', bytes: new TextEncoder().encode('<html>not a pdf</html>') },
				{ title: 'Report' }
			);
			expect(pdf.ok ? null : pdf.fieldErrors?.document).toEqual(['files.errors.not_pdf']);
			// A draft's file is the city's and the secretariat's only.
			expect((await findExperienceFileForDownload(db, null, added.value.fileId)).ok).toBe(false);
			expect((await findExperienceFileForDownload(db, actors.representative(otherCityId), added.value.fileId)).ok).toBe(false);
			expect((await findExperienceFileForDownload(db, rep, added.value.fileId)).ok).toBe(true);
			expect(
				(
					await addExperienceImage(
						db,
						files,
						actors.representative(otherCityId),
						id,
						{ name: 'p.png', bytes: png },
						{ altText: 'Intruder' }
					)
				).ok
			).toBe(false);
			expect((await removeExperienceFile(db, files, rep, id, added.value.fileId)).ok).toBe(true);
			expect((await findExperienceFileForDownload(db, rep, added.value.fileId)).ok).toBe(false);
		} finally {
			fs.rmSync(root, { recursive: true, force: true });
		}
	});
});

describeEachDatabase('experiences ranking', (getDb, kind) => {
	it('ranks by full-text score, and very broad searches by title words then newest (SQLite) or newest (PostgreSQL)', async () => {
		const db = getDb();
		await prepareExperiences(db);
		const cityId = await createTestCity(db);
		const inBody = await createPublishedExperience(db, cityId, {
			texts: { es: { title: 'Caminos seguros', summary: 'Huertos escolares en cada barrio', description: 'huertos huertos huertos' } }
		});
		const inTitle = await createPublishedExperience(db, cityId, {
			texts: { es: { title: 'Huertos escolares', summary: 'Aprender al aire libre', description: 'x' } }
		});
		const newest = await createPublishedExperience(db, cityId, {
			texts: { es: { title: 'Patios abiertos', summary: 'Los huertos del barrio', description: 'y' } }
		});
		const query = experienceQuerySchema.parse({ q: 'huertos' });
		const scored = (await listListingPage(db, query, 3)).map((r) => r.id);
		expect(scored).toHaveLength(3);
		expect(scored[0]).toBe(inBody);
		const broad = (await listListingPage(db, query, 50_000)).map((r) => r.id);
		expect(broad).toEqual(kind === 'postgres' ? [newest, inTitle, inBody] : [inTitle, newest, inBody]);
	});
});

describeEachDatabase('experiences page access paths', (getDb) => {
	it('finds the same page whether it starts from the filters or walks the date index', async () => {
		const db = getDb();
		await prepareExperiences(db);
		const cityId = await createTestCity(db, { countryCode: 'AR' });
		const networkId = await createTestNetwork(db);
		await addCityToNetwork(db, networkId, cityId);
		const other = await createTestCity(db);
		for (let i = 0; i < 6; i++) {
			await createPublishedExperience(db, i % 2 ? cityId : other, {
				topics: i % 3 ? ['youth'] : ['environment'],
				principles: [1 + (i % 2)],
				startDate: `201${i}-01-01`
			});
		}
		for (const input of [
			{ topic: 'youth' },
			{ topic: 'youth', principle: '2', country: 'AR' },
			{ network: String(networkId), region: 'latin-america-caribbean' },
			{ year: '2013' },
			{ topic: 'environment', sort: 'oldest' }
		]) {
			const query = experienceQuerySchema.parse(input);
			const lookup = (await listListingPage(db, query)).map((r) => r.id);
			const walk = (await listListingPage(db, query, 1_000, 1_000)).map((r) => r.id);
			expect(walk, JSON.stringify(input)).toEqual(lookup);
			expect(lookup.length, JSON.stringify(input)).toBeGreaterThan(0);
		}
	});
});
