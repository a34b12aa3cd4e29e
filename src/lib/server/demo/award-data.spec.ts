import { describe, expect, it } from 'vitest';
import historyReference from '../../../../reference/association-history.json' with { type: 'json' };
import { locales, type Locale } from '../../shared/i18n.ts';
import { createEditionSchema } from '../../shared/award/edition-schemas.ts';
import { localDateTime } from '../../shared/award/timeline.ts';
import { generateDemoData } from './demo-data.ts';
import { loadSourceCities } from './seed.ts';
import {
	demoChairEmail,
	demoEdition2026,
	demoJurorEmail,
	demoJury,
	demoReviewComments,
	demoRulesDocument,
	planAwardCandidacies,
	planAwardReviews,
	planShortlistRound,
	supportLetterText,
	type AwardPoolEntry,
	type DemoReviewPlan
} from './award-data.ts';

const reference = (historyReference as { award: { editions: Record<string, unknown>[] } }).award.editions.find((e) => e.year === 2026) as {
	theme: string;
	focus_areas: string[];
	criteria: string[];
	deadline: string;
	winners: number;
};

/** 130 experiences of 90 cities, in the four languages, most cities with one record and some with two or three. */
function syntheticPool(): AwardPoolEntry[] {
	const pool: AwardPoolEntry[] = [];
	let experienceId = 1000;
	for (let city = 1; city <= 90; city++) {
		const language = locales[city % 4];
		const records = city % 5 === 0 ? 3 : city % 3 === 0 ? 2 : 1;
		for (let n = 0; n < records; n++) {
			pool.push({
				experienceId: experienceId++,
				cityId: city,
				cityName: `City ${city}`,
				countryCode: ['ES', 'GB', 'FR', 'PT'][city % 4],
				originalLanguage: language,
				title: `Initiative ${city}-${n}`,
				topics: [['culture', 'youth', 'elderly', 'environment'][n % 4]],
				startDate: `20${10 + (city % 13)}-0${1 + (n % 9)}-15`
			});
		}
	}
	return pool;
}

const everyLanguage = (texts: Partial<Record<Locale, string>>) => locales.every((l) => (texts[l] ?? '').trim().length > 2);

describe('the 2026 edition of the demo', () => {
	it('is the call of the facts: theme, focus areas, six criteria, rules and timeline', () => {
		const edition = demoEdition2026;
		expect(edition.year).toBe(2026);
		expect(edition.texts.en.theme).toBe(reference.theme);
		expect(edition.texts.es.theme).toBe('La educación como fuente de inclusión y cohesión social');
		expect(edition.focusAreas.map((f) => f.names.en)).toEqual(reference.focus_areas);
		expect(edition.criteria.map((c) => c.names.en)).toEqual(reference.criteria);
		expect(edition.criteria.every((c) => c.weight === 1)).toBe(true);
		expect(edition.deadline).toBe(`${reference.deadline}T23:59`);
		expect(edition.timeZone).toBe('Europe/Madrid');
		expect(edition.decisionOn.startsWith('2026-02')).toBe(true);
		expect(edition).toMatchObject({
			scaleMin: 1,
			scaleMax: 10,
			initiativeStartedBefore: '2023-06-01',
			maxCandidaciesPerCity: 2,
			prizes: reference.winners,
			specialMentions: 2,
			mayDeclareVoid: true,
			blindReview: false,
			jurorsSeeOtherScores: true,
			shareFeedback: true,
			ceremonyOn: '2026-05-26',
			congressHost: { countryCode: 'ES', name: 'Granollers' }
		});
		expect(edition.previousWinners.map((w) => w.name)).toEqual(['Mexico City', 'Odivelas', 'Santo André']);
		// The deadline is read in Madrid: 23:59 on 15 October 2025 is 21:59 UTC (summer time).
		expect(localDateTime(edition.timeZone, new Date('2025-10-15T21:59:00Z'))).toBe(edition.deadline);
	});

	it('has every text, criterion, focus area and question in the four languages', () => {
		const edition = demoEdition2026;
		for (const language of locales) {
			const texts = edition.texts[language];
			expect(texts.theme.length, language).toBeGreaterThan(20);
			expect(texts.description.length, language).toBeGreaterThan(300);
			expect(texts.ceremony, language).toMatch(/Granollers/);
			expect(texts.ceremony, language).toMatch(/2026/);
		}
		expect(new Set(locales.map((l) => edition.texts[l].theme)).size).toBe(4);
		expect(edition.criteria).toHaveLength(6);
		for (const criterion of edition.criteria) {
			expect(everyLanguage(criterion.names), criterion.code).toBe(true);
			expect(everyLanguage(criterion.descriptions), criterion.code).toBe(true);
		}
		expect(edition.focusAreas).toHaveLength(3);
		for (const area of edition.focusAreas) expect(everyLanguage(area.names), area.code).toBe(true);
		expect(edition.questions.length).toBeGreaterThanOrEqual(2);
		for (const question of edition.questions) expect(everyLanguage(question.texts), question.code).toBe(true);
		// No ASCII apostrophe in running text: the platform writes the typographic one.
		expect(JSON.stringify(edition)).not.toMatch(/[a-zà-ÿ]'[a-zà-ÿ]/i);
	});

	it('is a call the editions service accepts', () => {
		const { congressHost, previousWinners, createdAt, updatedAt, ...settings } = demoEdition2026;
		void congressHost;
		void createdAt;
		void updatedAt;
		const parsed = createEditionSchema.safeParse({
			...settings,
			congressHostCityId: 1,
			previousWinnerCityIds: previousWinners.map((_, i) => i + 2)
		});
		expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
	});

	it('has a rules document in the four languages', () => {
		const rules = demoRulesDocument();
		expect(rules.fileName).toMatch(/\.pdf$/);
		expect(rules.sections.map((s) => s.language)).toEqual(['es', 'en', 'fr', 'pt']);
		for (const section of rules.sections) {
			expect(section.paragraphs).toContain(demoEdition2026.texts[section.language].theme);
			for (const criterion of demoEdition2026.criteria) expect(section.paragraphs.join('\n')).toContain(criterion.names[section.language]!);
			expect(section.paragraphs.join('\n')).toMatch(/2023/);
		}
	});
});

describe('the jury of the demo', () => {
	const accounts = generateDemoData({ today: '2026-11-24', sourceCities: loadSourceCities() }).accounts;

	it('has two Executive Committee cities and three specialists, one of them chair, each with a demo account', () => {
		expect(demoJury).toHaveLength(5);
		expect(demoJury.filter((j) => j.city)).toHaveLength(2);
		expect(demoJury.filter((j) => j.isChair).map((j) => j.email)).toEqual([demoChairEmail]);
		const cityNames = demoJury.flatMap((j) => (j.city ? [j.city.name] : []));
		expect(cityNames).not.toContain('Granollers');
		for (const winner of demoEdition2026.previousWinners) expect(cityNames).not.toContain(winner.name);
		for (const juror of demoJury) {
			const account = accounts.find((a) => a.email === juror.email);
			expect(account?.grant, juror.email).toEqual({ role: 'juror', year: 2026 });
		}
		// The two who sign in are listed; the others are real accounts left out of the list.
		expect(accounts.filter((a) => a.grant.role === 'juror' && !a.unlisted).map((a) => [a.email, a.locale])).toEqual([
			[demoJurorEmail, 'fr'],
			[demoChairEmail, 'es']
		]);
	});
});

describe('award candidacies plan', () => {
	const pool = syntheticPool();
	const plans = planAwardCandidacies({ pool, preferredCityIds: [7, 12] });

	it('is deterministic, whatever the order of the pool, and another seed gives another plan', () => {
		expect(planAwardCandidacies({ pool: [...pool].reverse(), preferredCityIds: [7, 12] })).toEqual(plans);
		const other = planAwardCandidacies({ pool, preferredCityIds: [7, 12], seed: 7 });
		expect(other.map((p) => p.experienceId)).not.toEqual(plans.map((p) => p.experienceId));
	});

	it('takes about 60 candidacies, at most two a city, from the pool only', () => {
		expect(plans).toHaveLength(60);
		const perCity = new Map<number, number>();
		for (const plan of plans) perCity.set(plan.cityId, (perCity.get(plan.cityId) ?? 0) + 1);
		expect(Math.max(...perCity.values())).toBeLessThanOrEqual(2);
		expect([...perCity.values()].some((n) => n === 2)).toBe(true);
		expect(new Set(plans.map((p) => p.experienceId)).size).toBe(60);
		const byId = new Map(pool.map((e) => [e.experienceId, e]));
		for (const plan of plans) {
			expect(byId.get(plan.experienceId)?.cityId).toBe(plan.cityId);
			expect(plan.language).toBe(byId.get(plan.experienceId)!.originalLanguage);
		}
		expect(new Set(plans.map((p) => p.language)).size).toBe(4);
	});

	it('admits most, rejects four with a reason in the city’s language and leaves three waiting', () => {
		const count = (status: string) => plans.filter((p) => p.status === status).length;
		expect([count('admitted'), count('rejected'), count('submitted')]).toEqual([53, 4, 3]);
		for (const plan of plans) {
			expect(!!plan.statusReason, `${plan.experienceId}`).toBe(plan.status === 'rejected');
			expect(plan.checkedAt === null).toBe(plan.status === 'submitted');
		}
		const rejected = plans.filter((p) => p.status === 'rejected');
		expect(new Set(rejected.map((p) => p.statusReason)).size).toBe(4);
		// The represented cities apply and are admitted, so their accounts have a candidacy to look at.
		for (const cityId of [7, 12]) expect(plans.find((p) => p.cityId === cityId)?.status).toBe('admitted');
	});

	it('was created and submitted before the deadline, and checked after it', () => {
		for (const plan of plans) {
			expect(plan.createdAt < plan.submittedAt).toBe(true);
			expect(plan.createdAt >= '2025-03-01').toBe(true);
			// 23:59 in Madrid on 15 October 2025 is 21:59 UTC.
			expect(localDateTime('Europe/Madrid', new Date(plan.submittedAt)) <= demoEdition2026.deadline).toBe(true);
			if (plan.checkedAt) expect(plan.checkedAt > '2025-10-16').toBe(true);
		}
	});

	it('answers every question of the call in the candidacy’s language, with a focus area of the call', () => {
		const codes = demoEdition2026.questions.map((q) => q.code).sort();
		const areas = demoEdition2026.focusAreas.map((f) => f.code);
		for (const plan of plans) {
			expect(Object.keys(plan.answers).sort()).toEqual(codes);
			for (const answer of Object.values(plan.answers)) {
				expect(answer.length).toBeGreaterThan(100);
				expect(answer).not.toMatch(/[{}]/);
			}
			expect(areas).toContain(plan.focusArea);
			expect(plan.quality).toBeGreaterThanOrEqual(1);
			expect(plan.quality).toBeLessThanOrEqual(10);
		}
		const french = plans.find((p) => p.language === 'fr')!;
		expect(Object.values(french.answers).join(' ')).toMatch(/ville|l’initiative|quartiers|participants/);
		const portuguese = plans.find((p) => p.language === 'pt')!;
		expect(Object.values(portuguese.answers).join(' ')).toMatch(/cidade|bairros|participantes/);
		expect(new Set(plans.map((p) => p.focusArea)).size).toBe(3);
	});

	it('writes a support letter in the candidacy’s language', () => {
		const letter = supportLetterText({
			language: 'pt',
			cityName: 'Évora',
			title: 'Escola aberta',
			signatory: { name: 'Ana Silva', position: 'Presidente da Câmara Municipal' },
			submittedAt: '2025-10-10T10:00:00.000Z'
		});
		expect(letter.fileName).toBe('carta-de-apoio.pdf');
		expect(letter.lines.join('\n')).toMatch(/Évora, 8 de outubro de 2025/);
		expect(letter.lines.join('\n')).toMatch(/«Escola aberta»/);
		expect(letter.lines).toContain('Ana Silva');
	});
});

describe('award reviews plan', () => {
	const jurors = demoJury.map((j, i) => ({ id: i + 1, email: j.email, locale: (['es', 'fr', 'fr', 'es', 'en'] as const)[i] }));
	const candidacies = Array.from({ length: 50 }, (_, i) => ({ id: 100 + i, quality: 3 + (i % 12) / 2 }));
	const lyon = jurors[2];
	const rosario = jurors[3];
	// Lyon keeps away from two candidacies, Rosario from five.
	const blocked = new Set([`${lyon.id}:100`, `${lyon.id}:101`, ...[110, 111, 112, 113, 114].map((c) => `${rosario.id}:${c}`)]);
	const criteria = demoEdition2026.criteria.map((c) => c.code);
	const input = { jurors, candidacies, blocked, criteria, scaleMin: 1, scaleMax: 10 };
	const plans = planAwardReviews(input);
	const of = (jurorId: number) => plans.filter((p) => p.jurorId === jurorId);
	const mean = (reviews: DemoReviewPlan[]) => {
		const scores = reviews.filter((r) => r.status === 'submitted').flatMap((r) => Object.values(r.scores).map((s) => s.score!));
		return scores.reduce((a, b) => a + b, 0) / scores.length;
	};

	it('is deterministic', () => {
		expect(planAwardReviews(input)).toEqual(plans);
	});

	it('assigns every juror to every candidacy they may judge, once, and none they may not', () => {
		expect(plans).toHaveLength(jurors.length * candidacies.length - blocked.size);
		expect(new Set(plans.map((p) => `${p.jurorId}:${p.candidacyId}`)).size).toBe(plans.length);
		for (const plan of plans) expect(blocked.has(`${plan.jurorId}:${plan.candidacyId}`)).toBe(false);
	});

	it('submits most reviews with a score on the scale and a comment in the juror’s language for every criterion', () => {
		const submitted = plans.filter((p) => p.status === 'submitted');
		expect(submitted.length / plans.length).toBeGreaterThan(0.8);
		expect(submitted.length / plans.length).toBeLessThan(0.95);
		for (const review of submitted) {
			const juror = jurors.find((j) => j.id === review.jurorId)!;
			const index = { es: 0, en: 1, fr: 2, pt: 3 }[juror.locale];
			expect(Object.keys(review.scores).sort()).toEqual([...criteria].sort());
			for (const [code, { score, comment }] of Object.entries(review.scores)) {
				expect(Number.isInteger(score) && score! >= 1 && score! <= 10).toBe(true);
				const bank = Object.values(demoReviewComments[code]).flatMap((variants) => variants.map((v) => v[index]));
				expect(bank).toContain(comment);
			}
			expect(review.submittedAt! > review.createdAt).toBe(true);
			expect(review.submittedAt! < '2026-01-27').toBe(true);
		}
		const comments = new Set(submitted.flatMap((r) => Object.values(r.scores).map((s) => s.comment)));
		expect(comments.size).toBeGreaterThan(60);
	});

	it('leaves drafts half done, the chair with nothing pending and the demo juror with work to do', () => {
		const drafts = plans.filter((p) => p.status === 'draft');
		expect(drafts.length).toBeGreaterThan(0);
		for (const draft of drafts) {
			const scored = Object.values(draft.scores).filter((s) => s.score !== null);
			expect(scored.length).toBeGreaterThan(0);
			expect(scored.length).toBeLessThan(criteria.length);
			expect(draft.submittedAt).toBeNull();
		}
		for (const assigned of plans.filter((p) => p.status === 'assigned')) expect(assigned.scores).toEqual({});
		expect(of(jurors[0].id).every((p) => p.status === 'submitted')).toBe(true);
		expect(of(jurors[1].id).filter((p) => p.status === 'assigned').length).toBeGreaterThanOrEqual(5);
	});

	it('gives the strict juror scores about a point and a half lower than the others', () => {
		const others = jurors.filter((j) => j.id !== lyon.id).map((j) => mean(of(j.id)));
		const average = others.reduce((a, b) => a + b, 0) / others.length;
		expect(average - mean(of(lyon.id))).toBeGreaterThan(1);
		expect(average - mean(of(lyon.id))).toBeLessThan(2.2);
	});
});

describe('award shortlist round plan', () => {
	const ranking = Array.from({ length: 40 }, (_, i) => 500 + i);
	const voters = new Map(ranking.map((id, i) => [id, i % 4 === 0 ? 4 : 5]));
	const jury = [
		{ name: 'Carmen Soler Ibáñez', isChair: true, cityName: null },
		{ name: 'Amélie Fournier', isChair: false, cityName: null },
		{ name: 'Nathalie Rousseau', isChair: false, cityName: 'Lyon' },
		{ name: 'Martín Herrera', isChair: false, cityName: 'Rosario' },
		{ name: 'Helen Marsh', isChair: false, cityName: null }
	];
	const counts = { admitted: 40, rejected: 4, waiting: 3, reviews: 190, submitted: 170 };
	const round = planShortlistRound({ ranking, voters, jury, counts });

	it('shortlists the top twelve, the borderline ones by a vote of the jurors without a conflict', () => {
		expect(planShortlistRound({ ranking, voters, jury, counts })).toEqual(round);
		expect(round).toMatchObject({ number: 1, kind: 'shortlist' });
		expect(round.decisions.map((d) => d.candidacyId)).toEqual(ranking.slice(0, 12));
		expect(round.decisions.every((d) => d.outcome === 'shortlisted')).toBe(true);
		const votes = round.decisions.filter((d) => d.basis === 'vote');
		expect(votes.length).toBeGreaterThanOrEqual(2);
		for (const decision of votes) {
			const cast = decision.votesFor! + decision.votesAgainst! + decision.abstentions!;
			expect(cast).toBe(voters.get(decision.candidacyId));
			expect(decision.votesFor!).toBeGreaterThan(decision.votesAgainst!);
		}
		for (const decision of round.decisions.filter((d) => d.basis === 'consensus')) expect(decision.votesFor).toBeNull();
		expect(round.createdAt < round.minutesApprovedAt && round.minutesApprovedAt <= round.closedAt).toBe(true);
	});

	it('keeps minutes that name the jury and the figures', () => {
		expect(round.minutes).toMatch(/Carmen Soler Ibáñez \(chair\)/);
		expect(round.minutes).toMatch(/Nathalie Rousseau \(Lyon\)/);
		expect(round.minutes).toMatch(/40 admitted/);
		expect(round.minutes).toMatch(/170 of 190 reviews/);
		expect(round.minutes).toMatch(/shortlisted 12 candidacies/);
	});
});
