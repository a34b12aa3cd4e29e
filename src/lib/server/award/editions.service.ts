// Award editions: the secretariat sets up a call (texts in four languages, focus areas, criteria and
// scale, questions, timeline in the edition's time zone, eligibility settings, the rules document), and
// the public reads the call and, once published, its results. Drafts never leave the secretariat;
// candidacies, jurors and scores never reach the public before the results are out, and jurors never.
import type { Db, DbOrTrx } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import { diffFields, recordAudit } from '../core/audit.ts';
import { nowIso } from '../core/clock.ts';
import { conflict, fail, forbidden, notFound, ok, validate, type FieldErrors, type Result } from '../core/result.ts';
import { locales, type Locale } from '../../shared/i18n.ts';
import { awardLimits, candidacyStatuses, type CandidacyStatus, type EditionPhase } from '../../shared/award/constants.ts';
import { editionPhase } from '../../shared/award/timeline.ts';
import type { Candidacy, Edition, EditionHistory, EditionTexts, Localized } from '../../shared/award/types.ts';
import {
	createEditionSchema,
	editionBounds,
	editionListQuerySchema,
	updateEditionSchema,
	type CreateEditionInput
} from '../../shared/award/edition-schemas.ts';
import { canOnAward } from './award.policy.ts';
import { nowOf, type AwardDeps } from './deps.ts';
import {
	findEditionRowByYear,
	listCandidacies,
	listEditions,
	listRounds,
	standingOutcomes,
	toEdition,
	type EditionRow
} from './award.repository.ts';
import * as repo from './editions.repository.ts';

export { loadAwardHistory } from './reference-data.ts';

export type AwardCityRef = repo.CityRef;

/** The figures a staff page shows about an edition's progress. */
export interface AwardEditionCounts {
	candidacies: Record<CandidacyStatus, number>;
	jurors: number;
	reviews: { assigned: number; draft: number; submitted: number; total: number };
	rounds: number;
	closedRounds: number;
}

export interface AwardResultEntry {
	candidacyId: number;
	city: AwardCityRef;
	/** The candidacy's title in each language it has one in. */
	titles: Localized;
	originalLanguage: Locale;
	experienceId: number;
	/** Whether the experience has a public page to link to. */
	experiencePublished: boolean;
}

export interface AwardPublicResults {
	declaredVoid: boolean;
	winners: AwardResultEntry[];
	specialMentions: AwardResultEntry[];
	finalists: AwardResultEntry[];
}

/** What anyone may know about an announced or earlier edition. */
export interface PublicAwardEdition {
	year: number;
	status: 'announced' | 'history';
	texts: Edition['texts'];
	focusAreas: Edition['focusAreas'];
	criteria: Edition['criteria'];
	questions: Edition['questions'];
	scaleMin: number;
	scaleMax: number;
	opensOn: string | null;
	deadline: string | null;
	timeZone: string;
	juryStartsOn: string | null;
	decisionOn: string | null;
	ceremonyOn: string | null;
	initiativeStartedBefore: string | null;
	maxCandidaciesPerCity: number;
	prizes: number;
	specialMentions: number;
	mayDeclareVoid: boolean;
	congressHostCity: AwardCityRef | null;
	previousWinnerCities: AwardCityRef[];
	rulesDocument: { name: string } | null;
	resultsPublishedAt: string | null;
}

export interface PublicAwardEditionView {
	edition: PublicAwardEdition;
	phase: EditionPhase;
	/** Entries, cities, countries, finalists, winners: recorded for earlier editions, counted once results are published; null before. */
	figures: EditionHistory | null;
	/** Only once the results are published. */
	results: AwardPublicResults | null;
}

// ---------------------------------------------------------------------------------------------------
// Helpers

/** A year from a URL or a form; null for anything that cannot name an edition (so that it is a 404, never a database error). */
export function parseAwardYear(raw: unknown): number | null {
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!/^[1-9]\d{3}$/.test(text)) return null;
	return Number(text);
}

const mayManage = (actor: Actor | null) => canOnAward(actor, 'edition.manage');

/** The edition of a year, for the secretariat: others get not-found for drafts and forbidden for the rest. */
async function loadForStaff(db: DbOrTrx, actor: Actor | null, rawYear: unknown): Promise<Result<EditionRow>> {
	const year = parseAwardYear(rawYear);
	if (year === null) return notFound();
	const row = await findEditionRowByYear(db, year);
	if (!row) return notFound();
	if (!mayManage(actor)) return row.status === 'draft' ? notFound() : forbidden();
	return ok(row);
}

type Settings = Omit<CreateEditionInput, 'year'> & { year: number };

function textsOf(input: Settings['texts']): Edition['texts'] {
	const texts: Partial<Record<Locale, EditionTexts>> = {};
	for (const language of locales) {
		const entry = input[language];
		if (!entry || !(entry.theme || entry.description || entry.ceremony)) continue;
		texts[language] = { theme: entry.theme ?? '', description: entry.description ?? '', ceremony: entry.ceremony ?? '' };
	}
	return texts;
}

const localizedOf = (value: Partial<Record<Locale, string | undefined>>): Localized =>
	Object.fromEntries(locales.flatMap((l) => (value[l] ? [[l, value[l]]] : [])));

/** The columns an edition's settings are stored in. */
function rowValuesOf(settings: Settings, now: string) {
	return {
		year: settings.year,
		status: settings.status,
		texts: JSON.stringify(textsOf(settings.texts)),
		focus_areas: JSON.stringify(settings.focusAreas.map((f) => ({ code: f.code, names: localizedOf(f.names) }))),
		criteria: JSON.stringify(
			settings.criteria.map((c) => ({
				code: c.code,
				weight: c.weight,
				names: localizedOf(c.names),
				descriptions: localizedOf(c.descriptions)
			}))
		),
		questions: JSON.stringify(settings.questions.map((q) => ({ code: q.code, texts: localizedOf(q.texts), maxLength: q.maxLength }))),
		scale_min: settings.scaleMin,
		scale_max: settings.scaleMax,
		opens_on: settings.opensOn ?? null,
		deadline: settings.deadline ?? null,
		time_zone: settings.timeZone,
		jury_starts_on: settings.juryStartsOn ?? null,
		decision_on: settings.decisionOn ?? null,
		ceremony_on: settings.ceremonyOn ?? null,
		initiative_started_before: settings.initiativeStartedBefore ?? null,
		max_candidacies_per_city: settings.maxCandidaciesPerCity,
		prizes: settings.prizes,
		special_mentions: settings.specialMentions,
		may_declare_void: settings.mayDeclareVoid ? 1 : 0,
		blind_review: settings.blindReview ? 1 : 0,
		jurors_see_other_scores: settings.jurorsSeeOtherScores ? 1 : 0,
		share_feedback: settings.shareFeedback ? 1 : 0,
		congress_host_city_id: settings.congressHostCityId ?? null,
		previous_winner_city_ids: JSON.stringify(settings.previousWinnerCityIds),
		updated_at: now
	};
}

const settingKeys = [
	'year',
	'status',
	'texts',
	'focusAreas',
	'criteria',
	'questions',
	'scaleMin',
	'scaleMax',
	'opensOn',
	'deadline',
	'timeZone',
	'juryStartsOn',
	'decisionOn',
	'ceremonyOn',
	'initiativeStartedBefore',
	'maxCandidaciesPerCity',
	'prizes',
	'specialMentions',
	'mayDeclareVoid',
	'blindReview',
	'jurorsSeeOtherScores',
	'shareFeedback',
	'congressHostCityId',
	'previousWinnerCityIds'
] as const satisfies readonly (keyof Edition)[];

const settingsOf = (edition: Edition): Record<string, unknown> => Object.fromEntries(settingKeys.map((k) => [k, edition[k]]));

/** Checks what zod cannot: that the congress host and previous winners are cities of the directory. */
async function checkCities(db: DbOrTrx, settings: Settings, errors: FieldErrors): Promise<void> {
	const ids = [...(settings.congressHostCityId ? [settings.congressHostCityId] : []), ...settings.previousWinnerCityIds];
	const found = await repo.findCityRefs(db, ids);
	if (settings.congressHostCityId && !found.has(settings.congressHostCityId)) errors.congressHostCityId = ['award.edition.city_unknown'];
	if (settings.previousWinnerCityIds.some((id) => !found.has(id))) errors.previousWinnerCityIds = ['award.edition.city_unknown'];
}

/** What scoring depends on: the criteria's codes and weights, and the scale. */
function scoringBasis(edition: Pick<Edition, 'criteria' | 'scaleMin' | 'scaleMax'>): { criteria: string; scale: string } {
	const criteria = edition.criteria.map((c) => `${c.code}:${c.weight}`).sort();
	return { criteria: JSON.stringify(criteria), scale: `${edition.scaleMin}-${edition.scaleMax}` };
}

// ---------------------------------------------------------------------------------------------------
// The secretariat

export async function createAwardEdition(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ year: number; id: number }>> {
	if (!mayManage(actor)) return forbidden();
	const parsed = validate(createEditionSchema, input);
	if (!parsed.ok) return parsed;
	const settings = parsed.value;
	const errors: FieldErrors = {};
	await checkCities(db, settings, errors);
	if (Object.keys(errors).length) return fail(400, 'common.errors.validation', errors);
	const yearTaken = fail(409, 'award.edition.year_taken', { year: ['award.edition.year_taken'] });
	if (await repo.yearExists(db, settings.year)) return yearTaken;
	let id: number;
	try {
		id = await insertEdition(db, actor, settings);
	} catch (error) {
		// Two people creating the same year at once: the unique index keeps one, the other is told why.
		if (await repo.yearExists(db, settings.year)) return yearTaken;
		throw error;
	}
	return ok({ year: settings.year, id });
}

async function insertEdition(db: Db, actor: Actor | null, settings: Settings): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const now = nowIso();
		const id = await repo.insertEdition(trx, {
			...rowValuesOf(settings, now),
			rules_document_key: null,
			rules_document_name: null,
			history: null,
			results_published_at: null,
			created_at: now
		});
		await recordAudit(trx, actor, {
			action: 'award.edition_create',
			entityType: 'award_edition',
			entityId: id,
			summary: { year: settings.year, status: settings.status, theme: settings.texts.en?.theme ?? settings.texts.es?.theme }
		});
		return id;
	});
}

export async function updateAwardEdition(
	db: Db,
	actor: Actor | null,
	year: unknown,
	input: unknown
): Promise<Result<{ year: number; version: number }>> {
	const loaded = await loadForStaff(db, actor, year);
	if (!loaded.ok) return loaded;
	const row = loaded.value;
	const before = toEdition(row);
	if (before.status === 'history') return fail(409, 'award.edition.history_read_only');
	const parsed = validate(updateEditionSchema, input);
	if (!parsed.ok) return parsed;
	const { version, ...settings } = parsed.value;
	if (version !== before.version) return conflict('common.errors.stale');

	const errors: FieldErrors = {};
	await checkCities(db, settings, errors);
	if (settings.year !== before.year) {
		// Links, exports and certificates name an edition by its year: it can change only while nobody outside has seen it.
		if (before.status !== 'draft') errors.year = ['award.edition.year_locked'];
		else if (await repo.yearExists(db, settings.year, before.id)) errors.year = ['award.edition.year_taken'];
	}
	const counts = (await repo.countCandidaciesByStatus(db, [before.id])).get(before.id) ?? {};
	if (before.status === 'announced' && settings.status === 'draft' && Object.values(counts).some((n) => n > 0))
		errors.status = ['award.edition.status_locked'];
	if (Object.keys(errors).length)
		return fail(errors.year?.includes('award.edition.year_taken') ? 409 : 400, 'common.errors.validation', errors);

	// Once a juror has scored, the criteria and the scale are what those scores mean: they stay as they are.
	if (await repo.hasScoredReviews(db, before.id)) {
		const was = scoringBasis(before);
		const now = scoringBasis(settings);
		const locked: FieldErrors = {};
		if (was.criteria !== now.criteria) locked.criteria = ['award.edition.criteria_locked'];
		if (was.scale !== now.scale) locked.scaleMin = locked.scaleMax = ['award.edition.criteria_locked'];
		if (Object.keys(locked).length) return fail(409, 'award.edition.criteria_locked', locked);
	}

	return db.transaction().execute(async (trx): Promise<Result<{ year: number; version: number }>> => {
		const values = rowValuesOf(settings, nowIso());
		const saved = await repo.updateEditionSettings(trx, before.id, version, values);
		if (!saved) return conflict('common.errors.stale');
		const after = toEdition({ ...row, ...values });
		await recordAudit(trx, actor, {
			action: 'award.edition_update',
			entityType: 'award_edition',
			entityId: before.id,
			summary: { year: settings.year, ...diffFields(settingsOf(before), settingsOf(after)) }
		});
		return ok({ year: settings.year, version: version + 1 });
	});
}

export interface AwardRulesFile {
	name: string;
	bytes: Uint8Array;
}

/** Stores the call's rules (a PDF) and replaces the previous document. */
export async function uploadAwardRules(
	deps: AwardDeps,
	actor: Actor | null,
	year: unknown,
	file: AwardRulesFile | null
): Promise<Result<{ name: string }>> {
	const loaded = await loadForStaff(deps.db, actor, year);
	if (!loaded.ok) return loaded;
	const row = loaded.value;
	if (!file || file.bytes.byteLength === 0) return fail(400, 'common.errors.validation', { rules: ['files.errors.empty'] });
	const stored = await deps.files.storeDocument(file.bytes, { maxBytes: awardLimits.rulesDocumentMaxBytes });
	if (!stored.ok) return fail(400, 'common.errors.validation', { rules: [stored.error] });
	const name = (file.name || 'rules.pdf').slice(0, 200);
	const previous = row.rules_document_key;
	try {
		await deps.db.transaction().execute(async (trx) => {
			await repo.setEditionRulesDocument(trx, Number(row.id), { key: stored.file.storageKey, name }, nowOf(deps).toISOString());
			await recordAudit(trx, actor, {
				action: 'award.rules_upload',
				entityType: 'award_edition',
				entityId: Number(row.id),
				summary: { year: Number(row.year), name, byteSize: stored.file.byteSize, replaced: row.rules_document_name }
			});
		});
	} catch (error) {
		await deps.files.remove(stored.file.storageKey);
		throw error;
	}
	if (previous && previous !== stored.file.storageKey) await deps.files.remove(previous);
	return ok({ name });
}

function countsFrom(
	candidacies: Record<string, number>,
	jurors: number,
	reviews: Record<string, number>,
	rounds: { status: string }[]
): AwardEditionCounts {
	const assigned = reviews.assigned ?? 0;
	const draft = reviews.draft ?? 0;
	const submitted = reviews.submitted ?? 0;
	return {
		candidacies: Object.fromEntries(candidacyStatuses.map((s) => [s, candidacies[s] ?? 0])) as Record<CandidacyStatus, number>,
		jurors,
		reviews: { assigned, draft, submitted, total: assigned + draft + submitted },
		rounds: rounds.length,
		closedRounds: rounds.filter((r) => r.status === 'closed').length
	};
}

/** The edition hub: the edition, its phase, what stands where, and the cities to choose the host and previous winners from. */
export async function getAwardEditionForStaff(db: Db, actor: Actor | null, year: unknown, now: Date = new Date()) {
	const loaded = await loadForStaff(db, actor, year);
	if (!loaded.ok) return loaded;
	const edition = toEdition(loaded.value);
	const [candidacies, jurors, reviews, rounds, criteriaLocked, cities] = await Promise.all([
		repo.countCandidaciesByStatus(db, [edition.id]),
		repo.countJurors(db, edition.id),
		repo.countReviewsByStatus(db, edition.id),
		listRounds(db, edition.id),
		repo.hasScoredReviews(db, edition.id),
		repo.listCityChoices(db)
	]);
	return ok({
		edition,
		phase: editionPhase(edition, now),
		counts: countsFrom(candidacies.get(edition.id) ?? {}, jurors, reviews, rounds),
		criteriaLocked,
		readOnly: edition.status === 'history',
		cities
	});
}

/** Every edition, newest first, with its phase and candidacies by status. */
export async function listAwardEditionsForStaff(db: Db, actor: Actor | null, now: Date = new Date()) {
	if (!mayManage(actor)) return forbidden();
	const editions = await listEditions(db);
	const counts = await repo.countCandidaciesByStatus(db);
	return ok(
		editions.map((edition) => ({
			edition,
			phase: editionPhase(edition, now),
			candidacies: Object.fromEntries(candidacyStatuses.map((s) => [s, counts.get(edition.id)?.[s] ?? 0])) as Record<
				CandidacyStatus,
				number
			>
		}))
	);
}

/** What the new-edition form starts from: the next year, and the newest full edition as a template for criteria, questions and rules. */
export async function prepareNewAwardEdition(db: Db, actor: Actor | null) {
	if (!mayManage(actor)) return forbidden();
	const editions = await listEditions(db);
	const years = new Set(editions.map((e) => e.year));
	let year = editions.length ? Math.max(...editions.map((e) => e.year)) + 2 : new Date().getUTCFullYear() + 1;
	while (years.has(year)) year++;
	year = Math.min(year, editionBounds.yearMax);
	return ok({ year, template: editions.find((e) => e.status !== 'history') ?? null, cities: await repo.listCityChoices(db) });
}

// ---------------------------------------------------------------------------------------------------
// The public

const isPublicRow = (edition: Edition) => edition.status === 'announced' || edition.status === 'history';

async function cityRefsOf(db: DbOrTrx, edition: Edition) {
	const ids = [...(edition.congressHostCityId ? [edition.congressHostCityId] : []), ...edition.previousWinnerCityIds];
	const found = await repo.findCityRefs(db, ids);
	return {
		congressHostCity: edition.congressHostCityId ? (found.get(edition.congressHostCityId) ?? null) : null,
		previousWinnerCities: edition.previousWinnerCityIds.flatMap((id) => {
			const city = found.get(id);
			return city ? [city] : [];
		})
	};
}

function titlesOf(candidacy: Candidacy): Localized {
	return Object.fromEntries(locales.flatMap((l) => (candidacy.texts[l]?.title ? [[l, candidacy.texts[l]!.title!]] : [])));
}

/** Winners, special mentions and finalists as the latest closed rounds stand: only for an edition whose results are published. */
async function publishedResultsOf(db: DbOrTrx, edition: Edition): Promise<{ results: AwardPublicResults; figures: EditionHistory } | null> {
	if (edition.status !== 'announced' || !edition.resultsPublishedAt) return null;
	const standing = standingOutcomes(await listRounds(db, edition.id));
	const entered = await listCandidacies(db, edition.id, { statuses: ['submitted', 'admitted', 'rejected'] });
	const byId = new Map(entered.map((c) => [c.id, c]));
	const published = await repo.publishedExperienceIds(
		db,
		entered.map((c) => c.experienceId)
	);
	const entry = (candidacy: Candidacy): AwardResultEntry => ({
		candidacyId: candidacy.id,
		city: candidacy.city,
		titles: titlesOf(candidacy),
		originalLanguage: candidacy.originalLanguage,
		experienceId: candidacy.experienceId,
		experiencePublished: published.has(candidacy.experienceId)
	});
	const withOutcome = (outcome: string) =>
		[...standing.entries()]
			.filter(([id, decision]) => id !== 0 && decision.outcome === outcome && byId.has(id))
			.map(([id]) => entry(byId.get(id)!))
			.sort((a, b) => a.city.name.localeCompare(b.city.name) || a.candidacyId - b.candidacyId);
	const results: AwardPublicResults = {
		declaredVoid: standing.get(0)?.outcome === 'void',
		winners: withOutcome('winner'),
		specialMentions: withOutcome('special_mention'),
		finalists: withOutcome('finalist')
	};
	const figures: EditionHistory = {
		entries: entered.length,
		cities: new Set(entered.map((c) => c.city.id)).size,
		countries: new Set(entered.map((c) => c.city.countryCode)).size,
		finalists: results.finalists.length + results.winners.length + results.specialMentions.length,
		winners: results.winners.map((w) => w.city.name)
	};
	return { results, figures };
}

async function publicViewOf(db: DbOrTrx, edition: Edition, now: Date): Promise<PublicAwardEditionView> {
	const published = await publishedResultsOf(db, edition);
	return {
		edition: {
			year: edition.year,
			status: edition.status as 'announced' | 'history',
			texts: edition.texts,
			focusAreas: edition.focusAreas,
			criteria: edition.criteria,
			questions: edition.questions,
			scaleMin: edition.scaleMin,
			scaleMax: edition.scaleMax,
			opensOn: edition.opensOn,
			deadline: edition.deadline,
			timeZone: edition.timeZone,
			juryStartsOn: edition.juryStartsOn,
			decisionOn: edition.decisionOn,
			ceremonyOn: edition.ceremonyOn,
			initiativeStartedBefore: edition.initiativeStartedBefore,
			maxCandidaciesPerCity: edition.maxCandidaciesPerCity,
			prizes: edition.prizes,
			specialMentions: edition.specialMentions,
			mayDeclareVoid: edition.mayDeclareVoid,
			...(await cityRefsOf(db, edition)),
			rulesDocument: edition.rulesDocument,
			resultsPublishedAt: edition.status === 'announced' ? edition.resultsPublishedAt : null
		},
		phase: editionPhase(edition, now),
		figures: edition.status === 'history' ? edition.history : (published?.figures ?? null),
		results: published?.results ?? null
	};
}

/** An announced or earlier edition as anyone may see it; drafts and unknown years are not found. */
export async function getPublicAwardEdition(db: Db, year: unknown, now: Date = new Date()): Promise<Result<PublicAwardEditionView>> {
	const parsed = parseAwardYear(year);
	if (parsed === null) return notFound();
	const row = await findEditionRowByYear(db, parsed);
	if (!row) return notFound();
	const edition = toEdition(row);
	if (!isPublicRow(edition)) return notFound();
	return ok(await publicViewOf(db, edition, now));
}

/** Announced and earlier editions, newest first, each with its results once published. */
export async function listPublicAwardEditions(db: Db, now: Date = new Date()): Promise<PublicAwardEditionView[]> {
	const editions = await listEditions(db, ['announced', 'history']);
	const views: PublicAwardEditionView[] = [];
	for (const edition of editions) views.push(await publicViewOf(db, edition, now));
	return views;
}

/** The public list a page at a time, for the API. */
export async function pagePublicAwardEditions(
	db: Db,
	input: unknown,
	now: Date = new Date()
): Promise<Result<{ query: { page: number; pageSize: number }; total: number; items: PublicAwardEditionView[] }>> {
	const parsed = validate(editionListQuerySchema, input);
	if (!parsed.ok) return fail(400, 'common.errors.bad_query', parsed.fieldErrors);
	const query = parsed.value;
	const editions = await listEditions(db, ['announced', 'history']);
	const page = editions.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
	const items: PublicAwardEditionView[] = [];
	for (const edition of page) items.push(await publicViewOf(db, edition, now));
	return ok({ query, total: editions.length, items });
}

/** The rules document of an edition, if the actor may read it: anyone for announced and earlier editions, the secretariat for drafts. */
export async function findAwardRulesForDownload(
	db: Db,
	actor: Actor | null,
	year: unknown
): Promise<Result<{ storageKey: string; name: string; isPublic: boolean }>> {
	const parsed = parseAwardYear(year);
	if (parsed === null) return notFound();
	const row = await findEditionRowByYear(db, parsed);
	if (!row || !row.rules_document_key) return notFound();
	const isPublic = row.status !== 'draft';
	if (!isPublic && !mayManage(actor)) return notFound();
	return ok({ storageKey: row.rules_document_key, name: row.rules_document_name ?? 'rules.pdf', isPublic });
}
