import { describe, expect, it } from 'vitest';
import { experienceFieldsSchema } from '../../shared/experiences/schemas.ts';
import { referenceTopics, targetGroups } from '../../shared/experiences/classifications.ts';
import { describeEachDatabase } from '../testing/database.ts';
import { createTestCity } from '../testing/factories.ts';
import { prepareExperiences, depsFor } from '../testing/experience-factories.ts';
import { actors } from '../testing/factories.ts';
import { listAllCities } from '../members/index.ts';
import {
	createExperience,
	exploreExperiences,
	getPublishedExperience,
	getWorkingExperience,
	loadPublishedExperiences,
	searchExperiences,
	transitionExperience
} from '../experiences/index.ts';
import type { Db } from '../db/index.ts';
import { generateDemoData } from './demo-data.ts';
import { loadSourceCities, referenceCountries } from './seed.ts';
import { generateExperienceList, generateExperiences, type DemoExperience, type ExperienceCity } from './experiences-data.ts';

const today = '2026-11-24';
const regionOf = new Map(referenceCountries.map((c) => [c.code, c.region]));

/** The demo's member cities, numbered as they would be once loaded. */
const cities: ExperienceCity[] = generateDemoData({ today, sourceCities: loadSourceCities() })
	.cities.filter((c) => c.status === 'active')
	.map((c, i) => ({
		id: i + 1,
		name: c.name,
		countryCode: c.countryCode,
		region: regionOf.get(c.countryCode)!,
		languages: c.languages,
		population: c.population
	}));
const cityById = new Map(cities.map((c) => [c.id, c]));
const barcelona = cities.find((c) => c.name === 'Barcelona')!.id;
const lisbon = cities.find((c) => c.name === 'Lisbon')!.id;

const demoInput = { cities, count: 600, today, workflow: true, representedCityIds: [barcelona, lisbon] };
const demo = generateExperienceList(demoInput);

const share = (items: readonly DemoExperience[], predicate: (r: DemoExperience) => boolean) =>
	items.filter(predicate).length / items.length;
const originalTitle = (r: DemoExperience) => r.fields.texts[r.fields.originalLanguage]!.title!;

describe('experiences generator', () => {
	it('gives the same records for the same inputs, and others for another seed', () => {
		expect(generateExperienceList(demoInput)).toEqual(demo);
		const other = generateExperienceList({ ...demoInput, seed: 7 });
		expect(other.map(originalTitle)).not.toEqual(demo.map(originalTitle));
	});

	it('spreads the demo over the workflow states, with about a dozen featured records', () => {
		const byStatus = Object.fromEntries(
			['published', 'draft', 'submitted', 'in_review', 'returned', 'archived'].map((s) => [s, demo.filter((r) => r.status === s).length])
		);
		expect(demo).toHaveLength(600);
		expect(byStatus.published).toBeGreaterThanOrEqual(510);
		expect(byStatus.published).toBeLessThanOrEqual(530);
		for (const status of ['draft', 'submitted', 'in_review', 'returned', 'archived'])
			expect(byStatus[status], status).toBeGreaterThanOrEqual(10);
		const featured = demo.filter((r) => r.featured);
		expect(featured).toHaveLength(12);
		expect(featured.every((r) => r.status === 'published')).toBe(true);
		expect(new Set(demo.map((r) => r.externalId)).size).toBe(600);
		// Returned records carry the reviewer's comment in their own language; nothing else does.
		for (const r of demo) expect(r.returnComment !== null, r.externalId).toBe(r.status === 'returned');
	});

	it('gives the representatives’ cities records of their own in draft and returned', () => {
		const statusesOf = (cityId: number) => demo.filter((r) => r.fields.cityId === cityId && r.enteredByCity).map((r) => r.status);
		expect(statusesOf(barcelona)).toEqual(expect.arrayContaining(['draft', 'draft', 'returned', 'returned', 'submitted']));
		expect(statusesOf(lisbon)).toEqual(expect.arrayContaining(['draft', 'returned']));
		for (const cityId of [barcelona, lisbon]) expect(demo.some((r) => r.fields.cityId === cityId && r.status === 'published')).toBe(true);
	});

	it('places most records in Europe, a large share in Latin America, and writes them in the city’s language', () => {
		const region = (r: DemoExperience) => cityById.get(r.fields.cityId)!.region;
		expect(share(demo, (r) => region(r) === 'europe')).toBeGreaterThan(0.5);
		expect(share(demo, (r) => region(r) === 'latin-america-caribbean')).toBeGreaterThan(0.18);
		expect(share(demo, (r) => region(r) === 'latin-america-caribbean')).toBeLessThan(0.4);
		for (const language of ['es', 'en', 'fr', 'pt'])
			expect(
				share(demo, (r) => r.fields.originalLanguage === language),
				language
			).toBeGreaterThan(0.05);
		expect(share(demo, (r) => r.fields.originalLanguage === 'es')).toBeGreaterThan(0.35);
		const country = (r: DemoExperience) => cityById.get(r.fields.cityId)!.countryCode;
		expect(
			share(
				demo.filter((r) => country(r) === 'BR' || country(r) === 'PT'),
				(r) => r.fields.originalLanguage === 'pt'
			)
		).toBeGreaterThan(0.9);
		expect(
			share(
				demo.filter((r) => country(r) === 'FR'),
				(r) => r.fields.originalLanguage === 'fr'
			)
		).toBeGreaterThan(0.9);
		expect(
			demo.filter((r) => country(r) === 'IT').every((r) => r.fields.originalLanguage === 'es' || r.fields.originalLanguage === 'en')
		).toBe(true);
	});

	it('translates some records: about 30% into English, a few into all four languages', () => {
		const translated = share(demo, (r) => Object.keys(r.fields.texts).length > 1);
		expect(translated).toBeGreaterThan(0.22);
		expect(translated).toBeLessThan(0.4);
		const allFour = demo.filter((r) => Object.keys(r.fields.texts).length === 4);
		expect(allFour.length).toBeGreaterThanOrEqual(5);
		for (const r of allFour)
			for (const texts of Object.values(r.fields.texts))
				expect(!!texts?.description).toBe(!!r.fields.texts[r.fields.originalLanguage]?.description);
		// A translation is the same record in another language, not another record.
		const withEnglish = demo.find((r) => r.fields.originalLanguage === 'es' && r.fields.texts.en)!;
		expect(withEnglish.fields.texts.en!.title).not.toEqual(withEnglish.fields.texts.es!.title);
		expect(withEnglish.fields.texts.en!.summary).toContain(cityById.get(withEnglish.fields.cityId)!.name);
	});

	it('has the published examples the search demonstrates, accents included', () => {
		const published = demo.filter((r) => r.status === 'published');
		const inclusive = published.filter((r) => r.fields.originalLanguage === 'es' && originalTitle(r).includes('Educación Inclusiva'));
		expect(inclusive.length).toBeGreaterThanOrEqual(1);
		expect(inclusive.some((r) => r.fields.texts.en?.title)).toBe(true);
		const participation = published.filter((r) => r.fields.originalLanguage === 'pt' && originalTitle(r).includes('participação'));
		expect(participation.length).toBeGreaterThanOrEqual(1);
		expect(published.filter((r) => r.fields.texts.en?.title && r.fields.originalLanguage !== 'en').length).toBeGreaterThan(50);
	});

	it('classifies every record sensibly, and every record passes the form schema unchanged', () => {
		const topicCodes = new Set(referenceTopics.map((t) => t.code));
		const targetCodes = new Set(targetGroups.map((t) => t.code));
		for (const r of demo) {
			const parsed = experienceFieldsSchema.safeParse(r.fields);
			expect(parsed.success, `${r.externalId}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
			expect(parsed.data).toEqual(r.fields);
			const f = r.fields;
			expect(f.principles.length).toBeGreaterThanOrEqual(1);
			expect(f.principles.length).toBeLessThanOrEqual(4);
			expect(f.topics.length).toBeGreaterThanOrEqual(1);
			expect(f.topics.length).toBeLessThanOrEqual(3);
			expect(f.topics.every((t) => topicCodes.has(t))).toBe(true);
			expect(f.targetGroups.every((t) => targetCodes.has(t))).toBe(true);
			const year = Number(f.startDate!.slice(0, 4));
			expect(year).toBeGreaterThanOrEqual(2005);
			expect(year).toBeLessThanOrEqual(2026);
			expect(f.ongoing && !!f.endDate).toBe(false);
			const region = cityById.get(f.cityId)!.region;
			if (region === 'latin-america-caribbean') expect(f.banks).toContain('latin_american');
			else if (f.banks.length === 1) expect(f.banks).toEqual(['international']);
			const texts = f.texts[f.originalLanguage]!;
			if (r.status !== 'draft')
				for (const field of ['title', 'summary', 'description'] as const) expect(texts[field], `${r.externalId} ${field}`).toBeTruthy();
			expect(texts.title).toMatch(/^\S/);
			expect(JSON.stringify(f.texts)).not.toMatch(/\{(city|dept)\}|undefined|lorem/i);
			if (r.publishedAt) {
				expect(r.publishedAt.slice(0, 10) <= today).toBe(true);
				expect(r.firstPublishedAt! <= r.publishedAt).toBe(true);
				expect(r.createdAt < r.firstPublishedAt!).toBe(true);
			}
		}
		expect(demo.some((r) => r.fields.banks.length === 2)).toBe(true);
		expect(demo.some((r) => r.fields.ongoing)).toBe(true);
		expect(demo.some((r) => r.fields.endDate)).toBe(true);
		expect(new Set(demo.map(originalTitle)).size).toBeGreaterThan(300);
	});

	it('streams large benchmark sets, all published', () => {
		let count = 0;
		let featured = 0;
		for (const r of generateExperiences({ cities, count: 5000, today, featured: 40, externalIdPrefix: 'bench-' })) {
			count++;
			if (r.featured) featured++;
			expect(r.status).toBe('published');
		}
		expect(count).toBe(5000);
		expect(featured).toBe(40);
	});
});

async function loadedCities(db: Db): Promise<ExperienceCity[]> {
	return (await listAllCities(db, {})).map((c) => ({
		id: Number(c.id),
		name: c.name,
		countryCode: c.country_code,
		region: c.region,
		languages: (c.languages ?? '').split(','),
		population: c.population
	}));
}

describeEachDatabase('experiences bulk loader', (getDb) => {
	async function prepare(db: Db) {
		await prepareExperiences(db);
		await createTestCity(db, { name: 'Sevilla', countryCode: 'ES', languages: 'es' });
		await createTestCity(db, { name: 'Braga', countryCode: 'PT', languages: 'pt' });
		await createTestCity(db, { name: 'Curitiba', countryCode: 'BR', languages: 'pt' });
		await createTestCity(db, { name: 'Rosario', countryCode: 'AR', languages: 'es' });
		await createTestCity(db, { name: 'Lyon', countryCode: 'FR', languages: 'fr' });
		await createTestCity(db, { name: 'Suwon', countryCode: 'KR', languages: 'ko' });
		return loadedCities(db);
	}

	it('loads published records that search, facets and pages find like the ones published by the workflow', async () => {
		const db = getDb();
		const cities = await prepare(db);
		const records = generateExperienceList({ cities, count: 150, today, featured: 3 }).map((r) => ({ ...r, publishedAt: r.publishedAt! }));
		const report = await loadPublishedExperiences(db, records, { batchSize: 60 });
		expect(report).toMatchObject({ loaded: 150, skipped: 0 });
		expect((await loadPublishedExperiences(db, records, { batchSize: 60 })).skipped).toBe(150);

		const all = await searchExperiences(db, {});
		if (!all.ok) throw new Error(all.code);
		expect(all.value.total).toBe(150);
		expect(all.value.facets.bank.find((b) => b.code === 'latin_american')?.count).toBeGreaterThan(0);
		expect(all.value.facets.lang.map((l) => l.code)).toEqual(expect.arrayContaining(['es', 'pt', 'fr', 'en']));
		const featured = await searchExperiences(db, { featured: 'true' });
		expect(featured.ok && featured.value.total).toBe(3);

		// Accent-insensitive full text over every language of the record.
		const inclusive = await searchExperiences(db, { q: 'educacion inclusiva' });
		if (!inclusive.ok) throw new Error(inclusive.code);
		expect(inclusive.value.items.some((i) => i.titles.es?.includes('Educación Inclusiva'))).toBe(true);
		const participation = await searchExperiences(db, { q: 'participacao' });
		expect(participation.ok && participation.value.items.some((i) => i.titles.pt?.includes('participação'))).toBe(true);
		const english = await searchExperiences(db, { q: 'inclusive education', lang: 'en' });
		expect(english.ok && english.value.total).toBeGreaterThan(0);

		const explore = await exploreExperiences(db, { topic: 'environment' });
		if (!explore.ok) throw new Error(explore.code);
		expect(explore.value.matrix.length).toBeGreaterThan(0);

		// The same record published through the workflow gets the same listing as the bulk one.
		const sample = records.find((r) => r.fields.coLeadCityIds.length === 0 && !r.featured)!;
		const bulkId = (await db.selectFrom('experience').select('id').where('external_id', '=', sample.externalId).executeTakeFirstOrThrow())
			.id;
		const created = await createExperience(db, actors.secretariat(), sample.fields);
		if (!created.ok) throw new Error(created.code);
		for (const [action, version] of [
			['submit', 1],
			['publish', 2]
		] as const) {
			const moved = await transitionExperience(depsFor(db), actors.secretariat(), created.value.id, action, { version });
			expect(moved.ok).toBe(true);
		}
		const listing = (id: number) =>
			db
				.selectFrom('experience_listing')
				.select(['city_id', 'country_code', 'region', 'original_language', 'start_year', 'featured', 'title_key', 'facet_codes'])
				.where('experience_id', '=', id)
				.executeTakeFirstOrThrow();
		expect(await listing(Number(bulkId))).toEqual(await listing(created.value.id));
		const [bulk, workflow] = await Promise.all([getPublishedExperience(db, Number(bulkId)), getPublishedExperience(db, created.value.id)]);
		if (!bulk.ok || !workflow.ok) throw new Error('not published');
		const { id: _a, publishedAt: _b, firstPublishedAt: _c, ...bulkContent } = bulk.value.record;
		const { id: _d, publishedAt: _e, firstPublishedAt: _f, ...workflowContent } = workflow.value.record;
		expect(bulkContent).toEqual(workflowContent);
		const titleWords = sample.fields.texts[sample.fields.originalLanguage]!.title!;
		const found = await searchExperiences(db, { q: titleWords, pageSize: '50' });
		if (!found.ok) throw new Error(found.code);
		expect(found.value.items.map((i) => i.id)).toEqual(expect.arrayContaining([Number(bulkId), created.value.id]));

		// The working copy is a complete published record with its history.
		const working = await getWorkingExperience(db, actors.secretariat(), Number(bulkId));
		if (!working.ok) throw new Error(working.code);
		expect(working.value.record).toMatchObject({ status: 'published', isListed: true, externalId: sample.externalId });
		expect(working.value.events.map((e) => e.action)).toEqual(['publish', 'submit', 'create']);
	});

	it('refuses an invalid record before writing its batch', async () => {
		const db = getDb();
		const cities = await prepare(db);
		const [good, bad] = generateExperienceList({ cities, count: 2, today }).map((r) => ({ ...r, publishedAt: r.publishedAt! }));
		await expect(loadPublishedExperiences(db, [good, { ...bad, fields: { ...bad.fields, topics: ['no-such-topic'] } }])).rejects.toThrow(
			/no-such-topic/
		);
		const none = await searchExperiences(db, {});
		expect(none.ok && none.value.total).toBe(0);
	});
});
