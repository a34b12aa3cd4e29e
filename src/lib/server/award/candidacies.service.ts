// Candidacies: a city applies to an open call with one of its experiences (the candidacy keeps its own
// copy of the texts), answers the call's questions, chooses a focus area, uploads the mayor's support
// letter and submits before the deadline; the secretariat admits, rejects or reopens it for a correction.
// Every change is audited in its own transaction; the city hears of each step by e-mail in its language.
import type { z } from 'zod';
import type { Db, DbOrTrx } from '../db/index.ts';
import { actorLabel, representedCityIds, type Actor } from '../core/access.ts';
import { diffFields, recordAudit } from '../core/audit.ts';
import { nowIso, todayIso } from '../core/clock.ts';
import { translatorFor } from '../core/i18n.ts';
import { conflict, fail, forbidden, notFound, ok, validate, type FieldErrors, type Result } from '../core/result.ts';
import { listCityRepresentatives } from '../accounts/index.ts';
import { findCityById } from '../members/index.ts';
import { getWorkingExperience, listWorkingExperiences } from '../experiences/index.ts';
import { isLocale, locales, type Locale } from '../../shared/i18n.ts';
import { searchKey } from '../../shared/core/forms.ts';
import { awardLimits, candidacyStatuses, type CandidacyStatus } from '../../shared/award/constants.ts';
import type { Candidacy, Edition, EligibilityCheck, ExperienceFacts } from '../../shared/award/types.ts';
import type { LanguageTexts } from '../../shared/experiences/schemas.ts';
import type { ExperienceStatus } from '../../shared/experiences/constants.ts';
import { editionPhase, isBeforeDeadline } from '../../shared/award/timeline.ts';
import {
	candidacyVersionSchema,
	createCandidacySchema,
	rejectCandidacySchema,
	reopenCandidacySchema,
	staffCandidacyQuerySchema,
	updateCandidacySchema,
	type StaffCandidacyQuery
} from '../../shared/award/candidacy-schemas.ts';
import { canOnAward } from './award.policy.ts';
import { nowOf, type AwardDeps } from './deps.ts';
import {
	findCandidacy,
	findCandidacyRow,
	findEditionById,
	findEditionByYear,
	listCandidacies,
	listCandidaciesOfCities,
	listEditions
} from './award.repository.ts';
import { awardPerExperienceRules, checkAwardEligibility, eligibilityFieldErrors, isAwardEligible } from './eligibility.ts';
import * as repo from './candidacies.repository.ts';
import { awardJurorMayReadLetter, refreshAwardConflicts } from './jury.service.ts';

export {
	checkAwardEligibility,
	isAwardEligible,
	awardPerExperienceRules,
	type EligibilityOptions as AwardEligibilityOptions
} from './eligibility.ts';
export type { CandidacyEvent as AwardCandidacyEvent } from './candidacies.repository.ts';

/** What the read use cases need: the database and the clock (deadlines and phases depend on "now"). */
export type AwardClockDeps = Pick<AwardDeps, 'db' | 'now'>;

export interface UploadedAwardFile {
	name: string;
	bytes: Uint8Array;
}

// ---------------------------------------------------------------------------------------------------
// Derived values

/** The texts required in the original language before a candidacy can be submitted. */
export const awardRequiredTexts = ['title', 'summary', 'description'] as const;

export interface AwardChecklistItem {
	/** The form input it is filled in with: `texts.fr.title`, `answers.inclusion`, `focusArea`, `supportLetter`. */
	field: string;
	done: boolean;
}

/** What a candidacy needs before submission, each item done or not, in the order of the form. */
export function awardCandidacyChecklist(
	candidacy: Pick<Candidacy, 'texts' | 'originalLanguage' | 'answers' | 'focusArea' | 'supportLetter'>,
	edition: Pick<Edition, 'questions' | 'focusAreas'>
): AwardChecklistItem[] {
	const original = candidacy.texts[candidacy.originalLanguage] ?? {};
	return [
		...awardRequiredTexts.map((f) => ({ field: `texts.${candidacy.originalLanguage}.${f}`, done: !!original[f]?.trim() })),
		...edition.questions.map((q) => ({ field: `answers.${q.code}`, done: !!candidacy.answers[q.code]?.trim() })),
		{ field: 'focusArea', done: !!candidacy.focusArea && edition.focusAreas.some((a) => a.code === candidacy.focusArea) },
		{ field: 'supportLetter', done: !!candidacy.supportLetter }
	];
}

/**
 * A draft that was submitted once and is back in draft: only the secretariat's reopening does that. It
 * may be submitted again after the deadline, to make the correction asked for.
 */
export const isAwardCandidacyReopened = (candidacy: Pick<Candidacy, 'status' | 'submittedAt'>): boolean =>
	candidacy.status === 'draft' && candidacy.submittedAt !== null;

const titleOf = (candidacy: Pick<Candidacy, 'texts' | 'originalLanguage'>, locale?: Locale): string =>
	(locale && candidacy.texts[locale]?.title) || candidacy.texts[candidacy.originalLanguage]?.title || '';

/** A candidacy's texts: without blank fields, and without languages that have none left. */
export function awardCandidacyTexts(
	texts: Partial<Record<Locale, Partial<Record<string, string | undefined>> | undefined>>
): Partial<Record<Locale, LanguageTexts>> {
	const out: Partial<Record<Locale, LanguageTexts>> = {};
	for (const language of locales) {
		const entries = Object.entries(texts[language] ?? {}).filter(
			(entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== ''
		);
		if (entries.length) out[language] = Object.fromEntries(entries) as LanguageTexts;
	}
	return out;
}

/** The facts of an experience as a candidacy keeps them, copied when it is started. */
export function awardExperienceFacts(record: Readonly<{ [K in keyof ExperienceFacts]: Readonly<ExperienceFacts[K]> }>): ExperienceFacts {
	return {
		startDate: record.startDate,
		endDate: record.endDate,
		ongoing: record.ongoing,
		principles: [...record.principles],
		topics: [...record.topics],
		targetGroups: [...record.targetGroups],
		sdgs: [...record.sdgs],
		links: [...record.links]
	};
}

const todayOf = (deps: Pick<AwardDeps, 'now'>) => todayIso(nowOf(deps));

function liveEligibility(db: DbOrTrx, deps: Pick<AwardDeps, 'now'>, edition: Edition, candidacy: Candidacy) {
	return checkAwardEligibility(db, edition, candidacy.city.id, {
		experienceStartDate: candidacy.facts.startDate,
		excludeCandidacyId: candidacy.id,
		today: todayOf(deps)
	});
}

// ---------------------------------------------------------------------------------------------------
// Loading with the policy

/** A candidacy and its edition, if the actor may see it (the city's representatives, the secretariat). */
async function loadVisible(db: Db, actor: Actor | null, id: number): Promise<Result<{ candidacy: Candidacy; edition: Edition }>> {
	const candidacy = await findCandidacy(db, id);
	if (!candidacy || !canOnAward(actor, 'candidacy.view', { cityId: candidacy.city.id })) return notFound();
	const edition = await findEditionById(db, candidacy.editionId);
	if (!edition) return notFound();
	return ok({ candidacy, edition });
}

/** As loadVisible, for a change by the city (or the secretariat acting for it) while still a draft. */
async function loadEditableDraft(db: Db, actor: Actor | null, id: number): Promise<Result<{ candidacy: Candidacy; edition: Edition }>> {
	const loaded = await loadVisible(db, actor, id);
	if (!loaded.ok) return loaded;
	if (!canOnAward(actor, 'candidacy.edit', { cityId: loaded.value.candidacy.city.id })) return forbidden();
	if (loaded.value.candidacy.status !== 'draft') return conflict('award.candidacy.frozen');
	return loaded;
}

/** As loadVisible, for the secretariat's admissibility decisions. */
async function loadForDecision(db: Db, actor: Actor | null, id: number): Promise<Result<{ candidacy: Candidacy; edition: Edition }>> {
	const loaded = await loadVisible(db, actor, id);
	if (!loaded.ok) return loaded;
	if (!canOnAward(actor, 'candidacy.decide_admissibility')) return forbidden();
	return loaded;
}

/** A line of the candidacy's history, signed by the actor. */
function recordCandidacyEvent(
	trx: DbOrTrx,
	actor: Actor | null,
	event: {
		candidacyId: number;
		action: string;
		fromStatus: CandidacyStatus | null;
		toStatus: CandidacyStatus;
		comment?: string | null;
		now: string;
	}
): Promise<void> {
	return repo.insertCandidacyEvent(trx, {
		...event,
		comment: event.comment ?? null,
		actorUserId: actor?.userId ?? null,
		actorLabel: actorLabel(actor)
	});
}

// ---------------------------------------------------------------------------------------------------
// E-mail to the city

type CityMail = 'submitted' | 'reopened' | 'rejected';

async function mailCity(
	deps: AwardDeps,
	trx: DbOrTrx,
	candidacy: Candidacy,
	edition: Edition,
	kind: CityMail,
	note: string | null
): Promise<void> {
	const representatives = await listCityRepresentatives(trx, candidacy.city.id);
	for (const person of representatives) {
		const locale: Locale = isLocale(person.locale) ? person.locale : candidacy.originalLanguage;
		const t = translatorFor(locale);
		const values = { title: titleOf(candidacy, locale), city: candidacy.city.name, year: String(edition.year) };
		await deps.mailer.send(trx, {
			to: person.email,
			locale,
			subject: t(`award.candidacy.mail_${kind}_subject`, values),
			text: [
				t(`award.candidacy.mail_${kind}_body`, values),
				note ? `\n${t('award.candidacy.mail_note_heading')}\n${note}\n` : '',
				t('award.candidacy.mail_link', { url: `${deps.publicUrl}/${locale}/my/award/${candidacy.id}` })
			]
				.filter(Boolean)
				.join('\n')
		});
	}
}

// ---------------------------------------------------------------------------------------------------
// A representative's view

export interface AwardCityEligibility {
	city: { id: number; name: string; countryCode: string };
	checks: EligibilityCheck[];
	eligible: boolean;
	/** Candidacies of the city in this edition that count against the limit (all but rejected ones). */
	used: number;
	limit: number;
}

/**
 * For a representative: every open call × each city they represent, with the eligibility of the city (the
 * rules judged per experience are reported met here: see `awardPerExperienceRules`), and their cities'
 * candidacies in every edition. Someone who represents no city gets empty lists.
 */
export async function listAwardOpportunities(deps: AwardClockDeps, actor: Actor | null) {
	if (!actor) return forbidden();
	const { db } = deps;
	const now = nowOf(deps);
	const cityIds = representedCityIds(actor);
	const cities = (await Promise.all(cityIds.map((id) => findCityById(db, id)))).flatMap((c) =>
		c ? [{ id: Number(c.id), name: c.name, countryCode: c.country_code }] : []
	);
	const editions = await listEditions(db, ['announced']);
	const open = editions.filter((e) => editionPhase(e, now) === 'open');
	const calls: { edition: Edition; cities: AwardCityEligibility[] }[] = [];
	for (const edition of open) {
		const rows: AwardCityEligibility[] = [];
		for (const city of cities) {
			const checks = await checkAwardEligibility(db, edition, city.id, { today: todayIso(now) });
			rows.push({
				city,
				checks,
				eligible: isAwardEligible(checks),
				used: await repo.countActiveCityCandidacies(db, edition.id, city.id),
				limit: edition.maxCandidaciesPerCity
			});
		}
		calls.push({ edition, cities: rows });
	}
	const years = new Map((await listEditions(db)).map((e) => [e.id, e]));
	const candidacies = (await listCandidaciesOfCities(db, cityIds)).map((c) => {
		const edition = years.get(c.editionId);
		return {
			id: c.id,
			year: edition?.year ?? 0,
			city: c.city,
			title: titleOf(c, actor.locale ?? undefined),
			originalLanguage: c.originalLanguage,
			status: c.status,
			reopened: isAwardCandidacyReopened(c),
			updatedAt: c.updatedAt,
			resultsPublished: !!edition?.resultsPublishedAt
		};
	});
	return ok({ representsCities: cities.length > 0, calls, candidacies, perExperienceRules: awardPerExperienceRules });
}

export interface AwardExperienceChoice {
	id: number;
	title: string;
	originalLanguage: Locale;
	status: ExperienceStatus;
	startDate: string | null;
	/** Why it cannot be chosen: no start date, started too late, or already a candidacy in this edition. */
	problem: 'no_start_date' | 'started_too_late' | 'already_candidate' | null;
}

/** What the "start a candidacy" page offers: the city's eligibility and its experiences, each usable or not and why. */
export async function listAwardCandidacyChoices(deps: AwardClockDeps, actor: Actor | null, year: number, cityId: number) {
	if (!actor) return forbidden();
	const { db } = deps;
	const edition = await findEditionByYear(db, year);
	if (!edition || edition.status !== 'announced') return notFound();
	if (!canOnAward(actor, 'candidacy.create', { cityId })) return notFound();
	const city = await findCityById(db, cityId);
	if (!city) return notFound();
	const now = nowOf(deps);
	const checks = await checkAwardEligibility(db, edition, cityId, { today: todayIso(now) });
	const taken = new Set(
		(await listCandidacies(db, edition.id, { cityIds: [cityId], statuses: ['draft', 'submitted', 'admitted'] })).map((c) => c.experienceId)
	);
	const listed = await listWorkingExperiences(db, actor, { city: String(cityId), pageSize: '100' });
	const experiences: AwardExperienceChoice[] = [];
	for (const row of listed.ok ? listed.value.rows : []) {
		// The list has no dates: the working copy has them (a city has a few dozen records at most).
		const working = await getWorkingExperience(db, actor, row.id);
		const startDate = working.ok ? working.value.record.startDate : null;
		const problem = taken.has(row.id)
			? 'already_candidate'
			: !edition.initiativeStartedBefore
				? null
				: !startDate
					? 'no_start_date'
					: startDate < edition.initiativeStartedBefore
						? null
						: 'started_too_late';
		experiences.push({ id: row.id, title: row.title, originalLanguage: row.originalLanguage, status: row.status, startDate, problem });
	}
	return ok({
		edition,
		phase: editionPhase(edition, now),
		city: { id: Number(city.id), name: city.name, countryCode: city.country_code },
		checks,
		eligible: isAwardEligible(checks),
		perExperienceRules: awardPerExperienceRules,
		experiences
	});
}

/** A candidacy as its city sees it, with what may be done now. */
export async function getAwardCandidacyForCity(deps: AwardClockDeps, actor: Actor | null, id: number) {
	const { db } = deps;
	const loaded = await loadVisible(db, actor, id);
	if (!loaded.ok) return loaded;
	const { candidacy, edition } = loaded.value;
	const now = nowOf(deps);
	const mayEdit = candidacy.status === 'draft' && canOnAward(actor, 'candidacy.edit', { cityId: candidacy.city.id });
	const reopened = isAwardCandidacyReopened(candidacy);
	const beforeDeadline = isBeforeDeadline(edition, now);
	// A draft shows whether it would pass now; a submitted candidacy shows the check stored when it was judged.
	const eligibility = candidacy.status === 'draft' ? await liveEligibility(db, deps, edition, candidacy) : candidacy.eligibility;
	return ok({
		candidacy,
		edition,
		phase: editionPhase(edition, now),
		events: await repo.listCandidacyEvents(db, id),
		checklist: awardCandidacyChecklist(candidacy, edition),
		eligibility,
		eligibilityLive: candidacy.status === 'draft',
		mayEdit,
		maySubmit: mayEdit && (beforeDeadline || reopened),
		reopened,
		beforeDeadline,
		resultsPublished: !!edition.resultsPublishedAt
	});
}

// ---------------------------------------------------------------------------------------------------
// Writing a candidacy

/** Starts a draft candidacy from one of the city's experiences, while the call is open and the city eligible. */
export async function createAwardCandidacy(
	deps: AwardDeps,
	actor: Actor | null,
	year: number,
	input: unknown
): Promise<Result<{ id: number }>> {
	if (!actor) return forbidden();
	const { db } = deps;
	const parsed = validate(createCandidacySchema, input);
	if (!parsed.ok) return parsed;
	const { cityId, experienceId } = parsed.value;
	const edition = await findEditionByYear(db, year);
	if (!edition || edition.status !== 'announced') return notFound();
	if (!canOnAward(actor, 'candidacy.create', { cityId })) return forbidden();
	if (editionPhase(edition, nowOf(deps)) !== 'open') return conflict('award.candidacy.call_closed');
	if (!(await findCityById(db, cityId))) return fail(400, 'common.errors.validation', { cityId: ['common.validation.invalid'] });
	const working = await getWorkingExperience(db, actor, experienceId);
	if (!working.ok || working.value.record.city.id !== cityId)
		return fail(400, 'common.errors.validation', { experienceId: ['award.candidacy.experience_unknown'] });
	const record = working.value.record;
	const taken = await listCandidacies(db, edition.id, { cityIds: [cityId], statuses: ['draft', 'submitted', 'admitted'] });
	if (taken.some((c) => c.experienceId === experienceId))
		return fail(400, 'common.errors.validation', { experienceId: ['award.candidacy.experience_already_candidate'] });
	const checks = await checkAwardEligibility(db, edition, cityId, { experienceStartDate: record.startDate, today: todayOf(deps) });
	if (!isAwardEligible(checks)) return fail(422, 'award.eligibility.not_eligible', eligibilityFieldErrors(checks));
	const texts = awardCandidacyTexts(record.texts);
	const facts = awardExperienceFacts(record);
	return db.transaction().execute(async (trx) => {
		// Counted again inside the transaction: two drafts started at once must not pass the limit together.
		if ((await repo.countActiveCityCandidacies(trx, edition.id, cityId)) >= edition.maxCandidaciesPerCity)
			return fail(422, 'award.eligibility.not_eligible', { within_city_limit: ['award.eligibility_failed.within_city_limit'] });
		const now = nowIso();
		const title = texts[record.originalLanguage]?.title ?? '';
		const id = await repo.insertCandidacy(trx, {
			editionId: edition.id,
			cityId,
			experienceId,
			originalLanguage: record.originalLanguage,
			texts,
			facts,
			titleKey: searchKey(title),
			eligibility: checks,
			createdBy: actor.userId,
			now
		});
		await recordCandidacyEvent(trx, actor, { candidacyId: id, action: 'create', fromStatus: null, toStatus: 'draft', now });
		await recordAudit(trx, actor, {
			action: 'award.candidacy_create',
			entityType: 'award_candidacy',
			entityId: id,
			summary: { year: edition.year, cityId, experienceId, title, originalLanguage: record.originalLanguage }
		});
		return ok({ id });
	});
}

/** Saves a draft: texts per language, answers, focus area. Anything submitted or decided is frozen. */
export async function updateAwardCandidacy(
	deps: AwardDeps,
	actor: Actor | null,
	id: number,
	input: unknown
): Promise<Result<{ id: number; version: number }>> {
	const { db } = deps;
	const loaded = await loadEditableDraft(db, actor, id);
	if (!loaded.ok) return loaded;
	const { candidacy, edition } = loaded.value;
	const parsed = validate(updateCandidacySchema, input);
	if (!parsed.ok) return parsed;
	const { version, originalLanguage, focusArea } = parsed.value;
	const errors: FieldErrors = {};
	const answers: Record<string, string> = {};
	for (const question of edition.questions) {
		const answer = parsed.value.answers[question.code];
		if (!answer) continue;
		if (answer.length > Math.min(question.maxLength, awardLimits.answerMaxLength))
			errors[`answers.${question.code}`] = ['common.validation.too_long'];
		answers[question.code] = answer;
	}
	if (focusArea && !edition.focusAreas.some((a) => a.code === focusArea)) errors.focusArea = ['award.candidacy.focus_area_unknown'];
	if (Object.keys(errors).length) return fail(400, 'common.errors.validation', errors);
	const texts = awardCandidacyTexts(parsed.value.texts);
	return db.transaction().execute(async (trx) => {
		const saved = await repo.updateCandidacyDraft(
			trx,
			id,
			version,
			{ originalLanguage, texts, answers, focusArea: focusArea ?? null, titleKey: searchKey(texts[originalLanguage]?.title ?? '') },
			nowIso()
		);
		if (!saved) return conflict('common.errors.stale');
		const changedTexts = locales.filter((l) => JSON.stringify(candidacy.texts[l] ?? {}) !== JSON.stringify(texts[l] ?? {}));
		const changedAnswers = edition.questions.map((q) => q.code).filter((code) => (candidacy.answers[code] ?? '') !== (answers[code] ?? ''));
		await recordAudit(trx, actor, {
			action: 'award.candidacy_update',
			entityType: 'award_candidacy',
			entityId: id,
			summary: {
				...diffFields(
					{ originalLanguage: candidacy.originalLanguage, focusArea: candidacy.focusArea },
					{ originalLanguage, focusArea: focusArea ?? null }
				),
				...(changedTexts.length ? { textsChanged: changedTexts } : {}),
				...(changedAnswers.length ? { answersChanged: changedAnswers } : {})
			}
		});
		return ok({ id, version: version + 1 });
	});
}

/** The mayor's support letter, a PDF; it replaces the previous one. */
export async function uploadAwardSupportLetter(
	deps: AwardDeps,
	actor: Actor | null,
	id: number,
	file: UploadedAwardFile | null
): Promise<Result<{ name: string }>> {
	const { db } = deps;
	const loaded = await loadEditableDraft(db, actor, id);
	if (!loaded.ok) return loaded;
	const previous = (await findCandidacyRow(db, id))?.support_letter_key ?? null;
	if (!file || file.bytes.byteLength === 0) return fail(400, 'common.errors.validation', { supportLetter: ['files.errors.empty'] });
	const stored = await deps.files.storeDocument(file.bytes, { maxBytes: awardLimits.supportLetterMaxBytes });
	if (!stored.ok) return fail(400, 'common.errors.validation', { supportLetter: [stored.error] });
	// eslint-disable-next-line no-control-regex -- control characters never belong in a file name
	const name = (file.name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim() || 'letter.pdf').slice(0, 200);
	const key = stored.file.storageKey;
	let result: Result<{ name: string }>;
	try {
		result = await db.transaction().execute(async (trx) => {
			const now = nowIso();
			if (!(await repo.updateCandidacyLetter(trx, id, { key, name, size: stored.file.byteSize }, now)))
				return conflict('award.candidacy.frozen');
			await recordCandidacyEvent(trx, actor, { candidacyId: id, action: 'letter_upload', fromStatus: 'draft', toStatus: 'draft', now });
			await recordAudit(trx, actor, {
				action: 'award.letter_upload',
				entityType: 'award_candidacy',
				entityId: id,
				summary: { name, byteSize: stored.file.byteSize, replaced: !!previous }
			});
			return ok({ name });
		});
	} catch (error) {
		await deps.files.remove(key);
		throw error;
	}
	if (!result.ok) await deps.files.remove(key);
	else if (previous && previous !== key) await deps.files.remove(previous);
	return result;
}

/**
 * Submits a complete draft before the deadline (in the edition's time zone), or at any time when the
 * secretariat reopened it for a correction. Eligibility is checked again and stored; the city's
 * representatives get a confirmation in their language.
 */
export async function submitAwardCandidacy(
	deps: AwardDeps,
	actor: Actor | null,
	id: number,
	input: unknown
): Promise<Result<{ status: CandidacyStatus }>> {
	const { db } = deps;
	const loaded = await loadEditableDraft(db, actor, id);
	if (!loaded.ok) return loaded;
	const { candidacy, edition } = loaded.value;
	const parsed = validate(candidacyVersionSchema, input);
	if (!parsed.ok) return parsed;
	const { version } = parsed.value;
	if (version !== candidacy.version) return conflict('common.errors.stale');
	if (!isBeforeDeadline(edition, nowOf(deps)) && !isAwardCandidacyReopened(candidacy)) return conflict('award.candidacy.deadline_passed');
	const missing = awardCandidacyChecklist(candidacy, edition).filter((item) => !item.done);
	if (missing.length)
		return fail(
			400,
			'award.candidacy.incomplete',
			Object.fromEntries(missing.map((item) => [item.field, ['award.candidacy.required_to_submit']]))
		);
	const checks = await liveEligibility(db, deps, edition, candidacy);
	if (!isAwardEligible(checks)) return fail(422, 'award.eligibility.not_eligible', eligibilityFieldErrors(checks));
	return db.transaction().execute(async (trx) => {
		const now = nowIso();
		const saved = await repo.updateCandidacyState(
			trx,
			id,
			{ version, status: 'draft' },
			{ status: 'submitted', submittedAt: now, statusReason: null, eligibility: checks },
			now
		);
		if (!saved) return conflict('common.errors.stale');
		await recordCandidacyEvent(trx, actor, { candidacyId: id, action: 'submit', fromStatus: 'draft', toStatus: 'submitted', now });
		await recordAudit(trx, actor, {
			action: 'award.candidacy_submit',
			entityType: 'award_candidacy',
			entityId: id,
			summary: { from: 'draft', to: 'submitted', year: edition.year, resubmission: isAwardCandidacyReopened(candidacy) }
		});
		await mailCity(deps, trx, candidacy, edition, 'submitted', null);
		return ok({ status: 'submitted' as const });
	});
}

/** Who may download a candidacy's support letter: its city's representatives and the secretariat. */
/** The letter, for the secretariat, the city's representatives, and a juror assigned to it outside blind mode. */
export async function findSupportLetterForDownload(db: Db, actor: Actor | null, id: number) {
	const loaded = await loadVisible(db, actor, id);
	if (!loaded.ok && !(await awardJurorMayReadLetter(db, actor, id))) return loaded;
	const row = await findCandidacyRow(db, id);
	if (!row?.support_letter_key) return notFound();
	return ok({ storageKey: row.support_letter_key, name: row.support_letter_name ?? 'letter.pdf' });
}

// ---------------------------------------------------------------------------------------------------
// The secretariat

const regionNames = locales.map((l) => new Intl.DisplayNames([l], { type: 'region' }));

function matchesCityText(candidacy: Candidacy, q: string): boolean {
	const key = searchKey(q);
	const code = candidacy.city.countryCode;
	if (searchKey(candidacy.city.name).includes(key) || code.toLowerCase() === key) return true;
	return regionNames.some((names) => {
		try {
			return searchKey(names.of(code) ?? '').includes(key);
		} catch {
			return false;
		}
	});
}

function filterCandidacies(all: readonly Candidacy[], query: StaffCandidacyQuery): Candidacy[] {
	return all.filter(
		(c) =>
			(!query.status || c.status === query.status) &&
			(!query.focusArea || c.focusArea === query.focusArea) &&
			(!query.language || c.originalLanguage === query.language) &&
			(!query.q || matchesCityText(c, query.q))
	);
}

/** Every candidacy of an edition for the secretariat, filtered, with counts by status. */
export async function listAwardCandidaciesForStaff(deps: AwardClockDeps, actor: Actor | null, year: number, input: unknown) {
	const { db } = deps;
	if (!canOnAward(actor, 'candidacy.list_all')) return notFound();
	const edition = await findEditionByYear(db, year);
	if (!edition) return notFound();
	const parsed = validate(staffCandidacyQuerySchema, input);
	if (!parsed.ok) return parsed;
	const query = parsed.value;
	const all = await listCandidacies(db, edition.id);
	const countsByStatus = Object.fromEntries(candidacyStatuses.map((s) => [s, all.filter((c) => c.status === s).length])) as Record<
		CandidacyStatus,
		number
	>;
	const now = nowOf(deps);
	const rows = filterCandidacies(all, query).map((c) => ({
		id: c.id,
		title: titleOf(c),
		originalLanguage: c.originalLanguage,
		city: c.city,
		status: c.status,
		focusArea: c.focusArea,
		eligible: c.eligibility ? isAwardEligible(c.eligibility) : null,
		failedRules: (c.eligibility ?? []).filter((check) => !check.ok).map((check) => check.rule),
		eligibilityCheckedAt: c.eligibilityCheckedAt,
		hasLetter: !!c.supportLetter,
		reopened: isAwardCandidacyReopened(c),
		submittedAt: c.submittedAt,
		updatedAt: c.updatedAt
	}));
	return ok({
		edition,
		phase: editionPhase(edition, now),
		afterDeadline: !!edition.deadline && !isBeforeDeadline(edition, now),
		query,
		total: rows.length,
		rows,
		countsByStatus
	});
}

/** One candidacy of an edition for the secretariat, with its eligibility now and as stored, and what may be done. */
export async function getAwardCandidacyForStaff(deps: AwardClockDeps, actor: Actor | null, year: number, id: number) {
	const { db } = deps;
	if (!canOnAward(actor, 'candidacy.list_all')) return notFound();
	const edition = await findEditionByYear(db, year);
	const candidacy = await findCandidacy(db, id);
	if (!edition || !candidacy || candidacy.editionId !== edition.id) return notFound();
	const now = nowOf(deps);
	return ok({
		candidacy,
		edition,
		phase: editionPhase(edition, now),
		events: await repo.listCandidacyEvents(db, id),
		checklist: awardCandidacyChecklist(candidacy, edition),
		eligibilityNow: await liveEligibility(db, deps, edition, candidacy),
		reopened: isAwardCandidacyReopened(candidacy),
		mayAdmit: candidacy.status === 'submitted',
		mayReject: candidacy.status === 'submitted' || candidacy.status === 'admitted',
		mayReopen: candidacy.status !== 'draft'
	});
}

/** One of the secretariat's admissibility decisions: from which states, to which, and what else it does. */
interface CandidacyDecision<S extends z.ZodType<{ version: number }>> {
	/** The form: a version, and the note the city reads if the decision has one. */
	schema: S;
	allowedFrom: readonly CandidacyStatus[];
	to: CandidacyStatus;
	/** The event's action; the audit action is `award.candidacy_<action>`. */
	action: 'admit' | 'reject' | 'reopen';
	/** The note the city reads: kept as the status reason, in the event, the audit (under its name) and the mail. */
	note?: { name: 'reason' | 'message'; of: (input: z.infer<S>) => string; mail: CityMail };
	/** A last check before writing, with what it adds to the change (admit: the eligibility checked again). */
	check?: (candidacy: Candidacy, edition: Edition) => Promise<Result<Partial<repo.CandidacyStateChange>>>;
	/** What else changes in the same transaction. */
	after?: (trx: DbOrTrx, edition: Edition) => Promise<void>;
}

/** Loads, validates, checks state and version, then moves the candidacy, records the event and audit, and mails the city. */
async function decideCandidacy<S extends z.ZodType<{ version: number }>>(
	deps: AwardDeps,
	actor: Actor | null,
	id: number,
	input: unknown,
	decision: CandidacyDecision<S>
): Promise<Result<{ status: CandidacyStatus }>> {
	const { db } = deps;
	const loaded = await loadForDecision(db, actor, id);
	if (!loaded.ok) return loaded;
	const { candidacy, edition } = loaded.value;
	const parsed = validate(decision.schema, input);
	if (!parsed.ok) return parsed;
	const { version } = parsed.value;
	const note = decision.note ? decision.note.of(parsed.value) : null;
	if (!decision.allowedFrom.includes(candidacy.status)) return conflict('award.candidacy.not_submitted');
	if (version !== candidacy.version) return conflict('common.errors.stale');
	const checked = decision.check ? await decision.check(candidacy, edition) : ok({});
	if (!checked.ok) return checked;
	const from = candidacy.status;
	const to = decision.to;
	return db.transaction().execute(async (trx) => {
		const now = nowIso();
		const change: repo.CandidacyStateChange = { status: to, ...(decision.note ? { statusReason: note } : {}), ...checked.value };
		if (!(await repo.updateCandidacyState(trx, id, { version, status: from }, change, now))) return conflict('common.errors.stale');
		await recordCandidacyEvent(trx, actor, {
			candidacyId: id,
			action: decision.action,
			fromStatus: from,
			toStatus: to,
			comment: note,
			now
		});
		await recordAudit(trx, actor, {
			action: `award.candidacy_${decision.action}`,
			entityType: 'award_candidacy',
			entityId: id,
			summary: { from, to, ...(decision.note ? { [decision.note.name]: note } : {}), year: edition.year }
		});
		await decision.after?.(trx, edition);
		if (decision.note) await mailCity(deps, trx, candidacy, edition, decision.note.mail, note);
		return ok({ status: to });
	});
}

/** Admits a submitted candidacy after checking eligibility again; the jury's conflicts are refreshed. */
export function admitAwardCandidacy(
	deps: AwardDeps,
	actor: Actor | null,
	id: number,
	input: unknown
): Promise<Result<{ status: CandidacyStatus }>> {
	return decideCandidacy(deps, actor, id, input, {
		schema: candidacyVersionSchema,
		allowedFrom: ['submitted'],
		to: 'admitted',
		action: 'admit',
		check: async (candidacy, edition) => {
			const checks = await liveEligibility(deps.db, deps, edition, candidacy);
			if (!isAwardEligible(checks)) return fail(422, 'award.eligibility.not_eligible', eligibilityFieldErrors(checks));
			return ok({ eligibility: checks });
		},
		after: (trx, edition) => refreshAwardConflicts(trx, edition.id)
	});
}

/** Rejects a submitted or admitted candidacy with a reason the city reads. */
export function rejectAwardCandidacy(
	deps: AwardDeps,
	actor: Actor | null,
	id: number,
	input: unknown
): Promise<Result<{ status: CandidacyStatus }>> {
	return decideCandidacy(deps, actor, id, input, {
		schema: rejectCandidacySchema,
		allowedFrom: ['submitted', 'admitted'],
		to: 'rejected',
		action: 'reject',
		note: { name: 'reason', of: (value) => value.reason, mail: 'rejected' }
	});
}

/**
 * Sends a candidacy back to draft for a correction, with a message the city reads (on the page and by
 * e-mail). The city may then submit it again, even after the deadline.
 */
export function reopenAwardCandidacy(
	deps: AwardDeps,
	actor: Actor | null,
	id: number,
	input: unknown
): Promise<Result<{ status: CandidacyStatus }>> {
	return decideCandidacy(deps, actor, id, input, {
		schema: reopenCandidacySchema,
		allowedFrom: candidacyStatuses.filter((s) => s !== 'draft'),
		to: 'draft',
		action: 'reopen',
		note: { name: 'message', of: (value) => value.message, mail: 'reopened' }
	});
}

/**
 * At the deadline: checks every submitted and admitted candidacy again and stores the result. Returns how
 * many were checked, how many are not eligible now and the ids of those that were eligible before.
 */
export async function recheckAwardEligibility(
	deps: AwardDeps,
	actor: Actor | null,
	year: number
): Promise<Result<{ checked: number; ineligible: number; newlyIneligible: number[] }>> {
	const { db } = deps;
	if (!canOnAward(actor, 'candidacy.list_all')) return notFound();
	if (!canOnAward(actor, 'candidacy.decide_admissibility')) return forbidden();
	const edition = await findEditionByYear(db, year);
	if (!edition) return notFound();
	if (!edition.deadline || isBeforeDeadline(edition, nowOf(deps))) return conflict('award.eligibility.before_deadline');
	const candidacies = await listCandidacies(db, edition.id, { statuses: ['submitted', 'admitted'] });
	const results: { candidacy: Candidacy; checks: EligibilityCheck[] }[] = [];
	for (const candidacy of candidacies) results.push({ candidacy, checks: await liveEligibility(db, deps, edition, candidacy) });
	const ineligible = results.filter((r) => !isAwardEligible(r.checks));
	const newlyIneligible = ineligible.filter((r) => !r.candidacy.eligibility || isAwardEligible(r.candidacy.eligibility));
	return db.transaction().execute(async (trx) => {
		const now = nowIso();
		for (const { candidacy, checks } of results) await repo.updateCandidacyEligibility(trx, candidacy.id, checks, now);
		for (const { candidacy } of newlyIneligible)
			await recordCandidacyEvent(trx, actor, {
				candidacyId: candidacy.id,
				action: 'eligibility_recheck',
				fromStatus: candidacy.status,
				toStatus: candidacy.status,
				now
			});
		const summary = {
			year: edition.year,
			checked: results.length,
			ineligible: ineligible.map((r) => r.candidacy.id),
			newlyIneligible: newlyIneligible.map((r) => r.candidacy.id)
		};
		await recordAudit(trx, actor, { action: 'award.eligibility_recheck', entityType: 'award_edition', entityId: edition.id, summary });
		return ok({ checked: results.length, ineligible: ineligible.length, newlyIneligible: summary.newlyIneligible });
	});
}
