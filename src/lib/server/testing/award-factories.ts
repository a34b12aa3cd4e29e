// Builders for the award module's tests. They write rows directly so that each sub-domain's spec does not
// depend on another sub-domain's service; the values are ones the services accept.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import { nowIso } from '../core/clock.ts';
import { createFileStore } from '../core/files.ts';
import { createMailer } from '../core/mailer.ts';
import { setJurorGrant } from '../accounts/index.ts';
import type { AwardDeps } from '../award/deps.ts';
import type { CandidacyStatus } from '../../shared/award/constants.ts';
import type { Criterion } from '../../shared/award/types.ts';
import { createPublishedExperience } from './experience-factories.ts';

let sequence = 0;
const next = () => ++sequence;

export function awardDepsFor(db: Db, now?: Date): AwardDeps {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-award-files-'));
	return {
		db,
		mailer: createMailer(undefined),
		files: createFileStore(dir),
		publicUrl: 'http://localhost:3000',
		...(now ? { now: () => now } : {})
	};
}

const names = (en: string) => ({ es: `${en} (es)`, en, fr: `${en} (fr)`, pt: `${en} (pt)` });

/** Six criteria with weights 2,1,1,1,1,1 on a 1–10 scale, like the 2026 call. */
export const testCriteria: Criterion[] = [
	{ code: 'relevance', weight: 2, names: names('Relevance'), descriptions: {} },
	{ code: 'impact', weight: 1, names: names('Impact'), descriptions: {} },
	{ code: 'scope', weight: 1, names: names('Scope'), descriptions: {} },
	{ code: 'government', weight: 1, names: names('Government'), descriptions: {} },
	{ code: 'participation', weight: 1, names: names('Participation'), descriptions: {} },
	{ code: 'innovation', weight: 1, names: names('Innovation'), descriptions: {} }
];

export interface TestEditionValues {
	year?: number;
	status?: 'draft' | 'announced' | 'history';
	opensOn?: string | null;
	deadline?: string | null;
	timeZone?: string;
	initiativeStartedBefore?: string | null;
	maxCandidaciesPerCity?: number;
	congressHostCityId?: number | null;
	previousWinnerCityIds?: number[];
	blindReview?: boolean;
	jurorsSeeOtherScores?: boolean;
	shareFeedback?: boolean;
	mayDeclareVoid?: boolean;
	resultsPublishedAt?: string | null;
	criteria?: Criterion[];
	scaleMin?: number;
	scaleMax?: number;
}

/** An announced edition open until the end of 2099 (Europe/Madrid) unless told otherwise; returns its id. */
export async function createTestEdition(db: Db, values: TestEditionValues = {}): Promise<{ id: number; year: number }> {
	const year = values.year ?? 2100 + next();
	const now = nowIso();
	const row = await db
		.insertInto('award_edition')
		.values({
			year,
			status: values.status ?? 'announced',
			texts: JSON.stringify({
				es: { theme: `Educación e inclusión ${year}`, description: 'Convocatoria de prueba.', ceremony: 'Congreso' },
				en: { theme: `Education and inclusion ${year}`, description: 'A test call.', ceremony: 'Congress' },
				fr: { theme: `Éducation et inclusion ${year}`, description: 'Un appel d’essai.', ceremony: 'Congrès' },
				pt: { theme: `Educação e inclusão ${year}`, description: 'Uma chamada de teste.', ceremony: 'Congresso' }
			}),
			focus_areas: JSON.stringify([
				{ code: 'lifelong', names: names('Lifelong education') },
				{ code: 'labour', names: names('Socio-labour integration') },
				{ code: 'culture', names: names('Cultural and community life') }
			]),
			criteria: JSON.stringify(values.criteria ?? testCriteria),
			questions: JSON.stringify([
				{ code: 'inclusion', texts: names('How does the initiative foster inclusion?'), maxLength: 3000 },
				{ code: 'results', texts: names('Which results can you show?'), maxLength: 3000 }
			]),
			scale_min: values.scaleMin ?? 1,
			scale_max: values.scaleMax ?? 10,
			opens_on: values.opensOn === undefined ? '2020-01-01' : values.opensOn,
			deadline: values.deadline === undefined ? '2099-12-31T23:59' : values.deadline,
			time_zone: values.timeZone ?? 'Europe/Madrid',
			jury_starts_on: null,
			decision_on: null,
			ceremony_on: null,
			initiative_started_before: values.initiativeStartedBefore === undefined ? '2023-06-01' : values.initiativeStartedBefore,
			max_candidacies_per_city: values.maxCandidaciesPerCity ?? 2,
			prizes: 3,
			special_mentions: 2,
			may_declare_void: values.mayDeclareVoid === false ? 0 : 1,
			blind_review: values.blindReview ? 1 : 0,
			jurors_see_other_scores: values.jurorsSeeOtherScores ? 1 : 0,
			share_feedback: values.shareFeedback === false ? 0 : 1,
			congress_host_city_id: values.congressHostCityId ?? null,
			previous_winner_city_ids: JSON.stringify(values.previousWinnerCityIds ?? []),
			rules_document_key: null,
			rules_document_name: null,
			history: null,
			results_published_at: values.resultsPublishedAt ?? null,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id: Number(row.id), year };
}

export interface TestCandidacyValues {
	status?: CandidacyStatus;
	experienceId?: number;
	language?: 'es' | 'en' | 'fr' | 'pt';
	title?: string;
	withLetter?: boolean;
}

/** A complete candidacy (texts, answers, focus area, a letter key) of a city; makes a published experience if none given. */
export async function createTestCandidacy(db: Db, editionId: number, cityId: number, values: TestCandidacyValues = {}): Promise<number> {
	const experienceId = values.experienceId ?? (await createPublishedExperience(db, cityId));
	const language = values.language ?? 'es';
	const title = values.title ?? `Candidacy ${next()}`;
	const now = nowIso();
	const status = values.status ?? 'submitted';
	const row = await db
		.insertInto('award_candidacy')
		.values({
			edition_id: editionId,
			city_id: cityId,
			experience_id: experienceId,
			status,
			original_language: language,
			focus_area: 'lifelong',
			texts: JSON.stringify({ [language]: { title, summary: 'A short summary.', description: 'What the city did, at length.' } }),
			answers: JSON.stringify({ inclusion: 'By opening every school to the neighbourhood.', results: 'More people took part.' }),
			experience_facts: JSON.stringify({
				startDate: '2019-03-01',
				endDate: null,
				ongoing: true,
				principles: [1],
				topics: ['environment'],
				targetGroups: [],
				sdgs: [],
				links: []
			}),
			title_key: title.toLowerCase(),
			support_letter_key: values.withLetter === false ? null : 'aa/aa000000000000000000000000000000',
			support_letter_name: values.withLetter === false ? null : 'letter.pdf',
			support_letter_size: values.withLetter === false ? null : 1234,
			eligibility: null,
			eligibility_checked_at: null,
			status_reason: null,
			created_by: null,
			created_at: now,
			updated_at: now,
			submitted_at: status === 'draft' ? null : now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}

/** A person with an account on the edition's jury (with the juror grant); returns the juror id and their actor. */
export async function createTestJuror(
	db: Db,
	editionId: number,
	values: { cityId?: number | null; isChair?: boolean; name?: string; locale?: 'es' | 'en' | 'fr' | 'pt' } = {}
): Promise<{ jurorId: number; userId: string; actor: Actor }> {
	const n = next();
	const userId = `user-juror-${n}`;
	const email = `juror-${n}@example.org`;
	const name = values.name ?? `Julia Juror ${n}`;
	const now = nowIso();
	await db
		.insertInto('auth_user')
		.values({ id: userId, name, email, emailVerified: 1, image: null, locale: values.locale ?? 'en', createdAt: now, updatedAt: now })
		.execute();
	const row = await db
		.insertInto('award_juror')
		.values({ edition_id: editionId, user_id: userId, city_id: values.cityId ?? null, is_chair: values.isChair ? 1 : 0, created_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	await setJurorGrant(db, userId, editionId, true);
	return {
		jurorId: Number(row.id),
		userId,
		actor: { userId, email, name, locale: values.locale ?? 'en', roles: [{ role: 'juror', editionId }] }
	};
}

/** Assigns a juror to a candidacy (an empty review). */
export async function assignTestReview(db: Db, editionId: number, jurorId: number, candidacyId: number): Promise<number> {
	const now = nowIso();
	const row = await db
		.insertInto('award_review')
		.values({
			edition_id: editionId,
			juror_id: jurorId,
			candidacy_id: candidacyId,
			status: 'assigned',
			scores: '{}',
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return Number(row.id);
}
