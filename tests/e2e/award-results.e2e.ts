// The Educating Cities Award from the ranking to the public results. The chair of the demo's 2026 jury,
// in Spanish, reads the ranking (raw and normalised means side by side), opens the finalists round with the
// keyboard, sees a vote without its counts refused next to the fields, records five finalists among the
// shortlisted (one by vote, four by consensus), writes and approves the minutes and closes the round, which
// then offers no control to change it and refuses a decision posted by hand; then three winners and a special
// mention among the finalists, in a winners round closed the same way. The secretariat, in English,
// publishes the results through the confirmation step; a visitor reads them in Portuguese on the edition's
// page and on the award's page, each linked to its experience; the API serves them without any juror's
// name. Barcelona's representative reads the outcome of its (not selected) candidacy and the jury's
// feedback, and the secretariat downloads a winner's certificate. Every page is checked with axe.
//
// It starts from the demo's seeded state (round 1, the shortlist, closed) and runs after
// award-juror.e2e.ts, whose scores only move the ranking: the choices are read from the page.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoEdition2026 } from '../../src/lib/server/demo/award-data.ts';
import {
	AwardResultsPage,
	CandidacyResultsPage,
	DeliberationPage,
	PublicAwardEditionPage,
	PublicAwardHomePage,
	type DecisionChoice
} from './pages/deliberation.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { expectAccessible } from './support/accessibility.ts';
import { demoAccounts, demoPassword, uniqueSuffix } from './support/accounts.ts';
import { format, text, type Locale } from './support/i18n.ts';
import { tabTo } from './support/keyboard.ts';

const es = 'es' as const;
const en = 'en' as const;
const pt = 'pt' as const;
const year = demoEdition2026.year;
const criteria = demoEdition2026.criteria;

/** A person's own browser, signed in. */
async function signedInPage(browser: Browser, baseURL: string | undefined, email: string, locale: Locale): Promise<Page> {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await new SignInPage(page, locale).signIn(email, demoPassword);
	return page;
}

const sortedCities = (items: { city: string }[]) => items.map((i) => i.city).sort();

test.describe('the award: deliberation and published results', () => {
	test.describe.configure({ mode: 'serial' });

	// What the first journey decides and the second reads.
	let jurorNames: string[] = [];
	let finalists: DecisionChoice[] = [];
	let winners: DecisionChoice[] = [];
	let mention: DecisionChoice | undefined;

	test('the chair closes a round with finalists and winners', async ({ page }) => {
		test.setTimeout(120_000);
		const suffix = uniqueSuffix();
		const results = new AwardResultsPage(page, es, year, 'jury');
		const deliberation = new DeliberationPage(page, es, year, 'jury');
		const finalistsRound = deliberation.round(2, 'finalists');
		const winnersRound = deliberation.round(3, 'winners');
		const finalistsMinutes = [
			`Segunda sesión del jurado (${suffix}). Presentes: las cinco personas del jurado; la secretaría asistió sin voto.`,
			'El jurado examinó las doce candidaturas preseleccionadas con las medias brutas y normalizadas y eligió cinco finalistas.'
		].join('\n');
		const winnersMinutes = [
			`Tercera sesión del jurado (${suffix}). Presentes: las cinco personas del jurado.`,
			'Tras debatir las cinco finalistas, el jurado otorga tres premios y una mención especial.'
		].join('\n');

		await test.step('the chair reads the ranking, with normalised and raw means side by side', async () => {
			await new SignInPage(page, es).signIn(demoAccounts.chair, demoPassword);
			await results.goto();
			await expect(results.rankingTable.getByRole('columnheader')).toHaveText(results.expectedColumns(criteria));
			// 53 admitted candidacies, each a row, ranked by the normalised mean.
			await expect(results.rankingTable.getByRole('row')).toHaveCount(54);
			const first = await results.rowFigures(0);
			expect(first.rank).toBe('1');
			expect(first.normalised).toMatch(/^\d{1,2},\d{2}$/);
			expect(first.raw).toMatch(/^\d{1,2},\d{2}$/);
			jurorNames = await results.jurorNames();
			expect(jurorNames).toHaveLength(5);
			expect(jurorNames).toContain('Carmen Soler Ibáñez');
			await expectAccessible(page);
		});

		await test.step('opens the finalists round from the keyboard', async () => {
			await page
				.getByRole('navigation', { name: format(es, 'award.jury.nav_label', { year }) })
				.getByRole('link', { name: text(es, 'award.jury.nav_deliberation') })
				.click();
			await expect(deliberation.heading).toBeVisible();
			await deliberation.expectRoundStatus(deliberation.round(1, 'shortlist'), 'closed');
			await expect(finalistsRound).toHaveCount(0);
			await expectAccessible(page);
			// After a shortlist, the form proposes the finalists.
			await expect(deliberation.openRoundKind).toHaveValue('finalists');
			await tabTo(page, deliberation.openRoundButton, 80);
			await page.keyboard.press('Enter');
			await expect(deliberation.done('round_opened')).toBeVisible();
			await deliberation.expectRoundStatus(finalistsRound, 'open');
			await expect(finalistsRound.getByText(text(es, 'award.decision.none'), { exact: true })).toBeVisible();
			await expect(deliberation.openRoundForm).toHaveCount(0);
			await expectAccessible(page);
		});

		let choices: DecisionChoice[] = [];
		await test.step('a vote without its counts is refused next to the fields, and nothing is recorded', async () => {
			choices = await deliberation.choices(finalistsRound);
			// Only what the shortlist retained, in the ranking's order ("1. …").
			expect(choices).toHaveLength(12);
			expect(choices[0].label).toMatch(/^=?\d+\. /);
			finalists = choices.slice(0, 5);
			await deliberation.submitDecision(finalistsRound, {
				candidacyId: finalists[0].candidacyId,
				outcome: 'finalist',
				basis: 'vote',
				votes: { for: 4 }
			});
			await expect(finalistsRound.getByRole('alert').filter({ hasText: text(es, 'common.errors.validation') })).toBeVisible();
			for (const field of ['votes_against', 'abstentions'] as const) {
				await expect(deliberation.decisionField(finalistsRound, field)).toHaveAttribute('aria-invalid', 'true');
				await expect(deliberation.decisionField(finalistsRound, field)).toHaveAccessibleDescription(
					text(es, 'award.decision.votes_required')
				);
			}
			await expect(deliberation.decisionField(finalistsRound, 'votes_for')).not.toHaveAttribute('aria-invalid', 'true');
			await expect(deliberation.decisionField(finalistsRound, 'votes_for')).toHaveValue('4');
			await expect(deliberation.decisions(finalistsRound)).toHaveCount(0);
			await expect(finalistsRound.getByText(text(es, 'award.decision.none'), { exact: true })).toBeVisible();
			await expectAccessible(page);
			// The same after a reload: nothing was written.
			await deliberation.goto();
			await expect(deliberation.decisions(finalistsRound)).toHaveCount(0);
		});

		await test.step('records five finalists: one by vote with its counts, four by consensus', async () => {
			await deliberation.recordDecision(finalistsRound, {
				candidacyId: finalists[0].candidacyId,
				outcome: 'finalist',
				basis: 'vote',
				votes: { for: 4, against: 0, abstentions: 1 },
				note: `Debate largo sobre su alcance (${suffix}).`
			});
			for (const finalist of finalists.slice(1))
				await deliberation.recordDecision(finalistsRound, { candidacyId: finalist.candidacyId, outcome: 'finalist', basis: 'consensus' });
			const voted = deliberation.decisionRow(finalistsRound, finalists[0].city);
			await expect(voted).toContainText(text(es, 'award.basis.vote'));
			await expect(voted).toContainText(format(es, 'award.decision.vote_counts', { yes: '4', no: '0', abstentions: '1' }));
			await expect(voted).toContainText(text(es, 'award.outcome.finalist'));
			for (const finalist of finalists.slice(1))
				await expect(deliberation.decisionRow(finalistsRound, finalist.city)).toContainText(text(es, 'award.basis.consensus'));
			// The five are no longer offered.
			expect((await deliberation.choices(finalistsRound)).map((c) => c.candidacyId).sort()).toEqual(
				choices
					.slice(5)
					.map((c) => c.candidacyId)
					.sort()
			);
			await expectAccessible(page);
		});

		await test.step('writes the minutes, approves them and closes the round, which can no longer be edited', async () => {
			await deliberation.saveMinutes(finalistsRound, finalistsMinutes);
			await deliberation.approveMinutes(finalistsRound);
			await deliberation.closeRound(finalistsRound);
			await deliberation.expectFrozen(finalistsRound, finalistsMinutes);
			await expect(deliberation.decisionRows(finalistsRound)).toHaveCount(5);
			await expect(finalistsRound).toContainText(text(es, 'award.round.minutes_approved_on').split('{')[0].trim());
			await expectAccessible(page);
		});

		await test.step('a decision posted by hand on the closed round is refused and nothing changes', async () => {
			const roundId = await deliberation.roundIdOf(finalistsRound);
			expect(roundId).toBeGreaterThan(0);
			const version = (await finalistsRound.locator('input[name="version"]').first().getAttribute('value')) ?? '1';
			const refused = await page.request.post(`/es/jury/${year}/deliberation?/recordDecision`, {
				headers: { origin: new URL(page.url()).origin },
				form: { roundId: String(roundId), version, candidacyId: String(choices[5].candidacyId), outcome: 'finalist', basis: 'consensus' },
				maxRedirects: 0
			});
			expect(refused.status()).toBe(409);
			await deliberation.goto();
			await expect(deliberation.decisionRows(finalistsRound)).toHaveCount(5);
			await expect(deliberation.decisionRow(finalistsRound, choices[5].city)).toHaveCount(0);
			await deliberation.expectFrozen(finalistsRound, finalistsMinutes);
		});

		await test.step('opens the winners round: three winners and a special mention among the finalists', async () => {
			await expect(deliberation.openRoundKind).toHaveValue('winners');
			await deliberation.openRoundButton.click();
			await expect(deliberation.done('round_opened')).toBeVisible();
			await deliberation.expectRoundStatus(winnersRound, 'open');
			const offered = await deliberation.choices(winnersRound);
			// Only the finalists: the earlier round decides what the next may choose from.
			expect(offered.map((c) => c.candidacyId).sort()).toEqual(finalists.map((c) => c.candidacyId).sort());
			await expect(deliberation.decisionField(winnersRound, 'outcome').locator('option')).toHaveText([
				text(es, 'award.outcome.winner'),
				text(es, 'award.outcome.special_mention'),
				text(es, 'award.decision.outcome_void_option')
			]);
			await expectAccessible(page);
			winners = offered.slice(0, 3);
			mention = offered[3];
			await deliberation.recordDecision(winnersRound, {
				candidacyId: winners[0].candidacyId,
				outcome: 'winner',
				basis: 'vote',
				votes: { for: 3, against: 1, abstentions: 1 }
			});
			for (const winner of winners.slice(1))
				await deliberation.recordDecision(winnersRound, { candidacyId: winner.candidacyId, outcome: 'winner', basis: 'consensus' });
			await deliberation.recordDecision(winnersRound, {
				candidacyId: mention.candidacyId,
				outcome: 'special_mention',
				basis: 'consensus',
				note: `Por la participación de la infancia (${suffix}).`
			});
			for (const winner of winners)
				await expect(deliberation.decisionRow(winnersRound, winner.city)).toContainText(text(es, 'award.outcome.winner'));
			await expect(deliberation.decisionRow(winnersRound, mention.city)).toContainText(text(es, 'award.outcome.special_mention'));
			await expectAccessible(page);
		});

		await test.step('the winners round is minuted, approved and closed', async () => {
			await deliberation.saveMinutes(winnersRound, winnersMinutes);
			await deliberation.approveMinutes(winnersRound);
			await deliberation.closeRound(winnersRound);
			await deliberation.expectFrozen(winnersRound, winnersMinutes);
			await expect(deliberation.decisionRows(winnersRound)).toHaveCount(4);
			// The earlier round is frozen for good (only the last may be reopened), and no new round is proposed
			// beyond the winners.
			await expect(finalistsRound.getByRole('form', { name: text(es, 'award.round.reopen_title') })).toHaveCount(0);
			await expect(winnersRound.getByRole('form', { name: text(es, 'award.round.reopen_title') })).toBeVisible();
			await expectAccessible(page);
		});
	});

	test('the secretariat publishes and a visitor reads the results in Portuguese', async ({ page, browser, baseURL }) => {
		test.setTimeout(120_000);
		expect(winners, 'the first journey decided the winners').toHaveLength(3);
		const admin = new DeliberationPage(page, en, year, 'admin');
		const theme = demoEdition2026.texts.pt.theme;

		await test.step('the secretariat publishes the results through the confirmation step', async () => {
			await new SignInPage(page, en).signIn(demoAccounts.secretariat, demoPassword);
			await admin.goto();
			await deliberation3Closed(admin);
			const publish = admin.publication.getByRole('link', { name: text(en, 'award.publication.publish'), exact: true });
			await expect(publish).toBeVisible();
			await expectAccessible(page);
			await publish.click();
			await expect(page).toHaveURL(/\?confirm=publish#publication$/);
			const confirm = admin.publication.getByRole('group', { name: text(en, 'award.publication.confirm_title'), exact: true });
			await expect(confirm).toBeVisible();
			await expectAccessible(page);
			await confirm.getByRole('button', { name: text(en, 'award.publication.confirm'), exact: true }).click();
			await expect(admin.done('results_published')).toBeVisible();
			await expect(admin.publication.getByRole('link', { name: text(en, 'award.publication.public_page'), exact: true })).toHaveAttribute(
				'href',
				`/en/award/${year}`
			);
			// Published: the deliberation is read-only for everyone, the secretariat included.
			await expect(admin.main.locator('form')).toHaveCount(0);
			await expect(admin.publication.getByRole('link', { name: text(en, 'award.publication.publish') })).toHaveCount(0);
			await expectAccessible(page);
		});

		const visitorContext = await browser.newContext({ baseURL, locale: 'pt-PT' });
		let winnerLinks: string[] = [];
		try {
			const visitor = await visitorContext.newPage();
			const edition = new PublicAwardEditionPage(visitor, pt, year);

			await test.step('a visitor reads the winners, the special mention and the finalist in Portuguese', async () => {
				await edition.goto();
				await expect(edition.results).toBeVisible();
				for (const key of ['winners', 'special_mentions', 'finalists'] as const) await expect(edition.heading(key)).toBeVisible();
				const shownWinners = await edition.entries('winners');
				const shownMentions = await edition.entries('special_mentions');
				const shownFinalists = await edition.entries('finalists');
				expect(sortedCities(shownWinners)).toEqual(sortedCities(winners));
				expect(sortedCities(shownMentions)).toEqual([mention!.city]);
				// The fifth finalist, neither a winner nor mentioned, stays a finalist.
				const decided = new Set([...winners, mention!].map((c) => c.candidacyId));
				expect(sortedCities(shownFinalists)).toEqual(sortedCities(finalists.filter((f) => !decided.has(f.candidacyId))));
				for (const entry of [...shownWinners, ...shownMentions, ...shownFinalists]) {
					expect(entry.href, `${entry.city} links to its experience`).toMatch(/^\/pt\/experiences\/\d+$/);
					expect(entry.title).not.toBe('');
				}
				winnerLinks = shownWinners.map((w) => w.href!);
				await expectAccessible(visitor);
			});

			await test.step('a winner’s link opens its experience', async () => {
				const [first] = await edition.entries('winners');
				await edition.list('winners').getByRole('link', { name: first.title, exact: true }).click();
				await expect(visitor).toHaveURL(new RegExp(`${first.href}$`));
				await expect(visitor.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
				await expectAccessible(visitor);
			});

			await test.step('the award’s page lists 2026 among the published results', async () => {
				const home = new PublicAwardHomePage(visitor, pt);
				await home.goto();
				const card = home.edition(year, theme);
				await expect(card).toBeVisible();
				await expect(card.getByText(text(pt, 'award.public.winners'), { exact: true })).toBeVisible();
				for (const winner of winners) await expect(card).toContainText(winner.city);
				await expect(card.getByRole('link', { name: format(pt, 'award.public.all_results', { year }), exact: true })).toHaveAttribute(
					'href',
					`/pt/award/${year}`
				);
				await expectAccessible(visitor);
			});

			await test.step('the API serves the results, without the jurors’ names', async () => {
				const response = await visitor.request.get(`/api/v1/award/editions/${year}`);
				expect(response.status()).toBe(200);
				const body = await response.text();
				const json = JSON.parse(body) as {
					resultsPublished: boolean;
					results: Record<'winners' | 'specialMentions' | 'finalists', { city: { name: string }; experienceId: number }[]> & {
						declaredVoid: boolean;
					};
				};
				expect(json.resultsPublished).toBe(true);
				expect(json.results.declaredVoid).toBe(false);
				expect(json.results.winners).toHaveLength(3);
				expect(json.results.specialMentions).toHaveLength(1);
				expect(json.results.finalists).toHaveLength(1);
				expect(json.results.winners.map((w) => w.city.name).sort()).toEqual(sortedCities(winners));
				expect(json.results.winners.map((w) => `/pt/experiences/${w.experienceId}`).sort()).toEqual([...winnerLinks].sort());
				expect(jurorNames).toHaveLength(5);
				for (const name of jurorNames) expect(body, `the API names no juror (${name})`).not.toContain(name);
			});
		} finally {
			await visitorContext.close();
		}

		await test.step('Barcelona’s representative reads the outcome of its candidacy and the jury’s feedback', async () => {
			const barcelona = await signedInPage(browser, baseURL, demoAccounts.representative, es);
			try {
				const response = await barcelona.goto('/es/my/award');
				expect(response?.status()).toBe(200);
				const row = barcelona
					.getByRole('main')
					.getByRole('table', { name: text(es, 'award.candidacy.my_candidacies'), exact: true })
					.getByRole('row')
					.filter({ has: barcelona.getByRole('cell', { name: String(year), exact: true }) });
				await expect(row).toHaveCount(1);
				await expectAccessible(barcelona);
				await row.getByRole('link', { name: text(es, 'award.candidacy.results_link'), exact: true }).click();
				await expect(barcelona).toHaveURL(/\/es\/my\/award\/\d+\/results$/);
				const id = Number(/\/my\/award\/(\d+)\/results$/.exec(barcelona.url())![1]);
				const mine = new CandidacyResultsPage(barcelona, es);
				await expect(mine.heading).toBeVisible();
				// Barcelona's 2026 candidacy was not shortlisted in the demo: judged, not selected, no certificate.
				await expect(mine.outcome.getByText(text(es, 'award.feedback.outcome_not_selected'), { exact: true })).toBeVisible();
				await expect(mine.certificate).toHaveCount(0);
				await expect(mine.feedback.getByRole('article').first()).toBeVisible();
				const feedback = await mine.feedback.innerText();
				for (const name of jurorNames) expect(feedback, `the feedback names no juror (${name})`).not.toContain(name);
				await expectAccessible(barcelona);
				const certificate = await barcelona.request.get(`/es/my/award/${id}/certificate.pdf`);
				expect(certificate.status()).toBe(404);
			} finally {
				await barcelona.context().close();
			}
		});

		await test.step('the secretariat downloads a winner’s certificate as a PDF', async () => {
			const results = new CandidacyResultsPage(page, en);
			await results.goto(winners[0].candidacyId);
			await expect(results.outcome.getByText(text(en, 'award.outcome.winner'), { exact: true })).toBeVisible();
			await expect(results.certificate).toBeVisible();
			await expectAccessible(page);
			const href = await results.certificate.getAttribute('href');
			expect(href).toBe(`/en/my/award/${winners[0].candidacyId}/certificate.pdf`);
			const pdf = await page.request.get(href!);
			expect(pdf.status()).toBe(200);
			expect(pdf.headers()['content-type']).toBe('application/pdf');
			expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
		});
	});
});

/** The secretariat's deliberation page before publication: the three rounds, all closed. */
async function deliberation3Closed(admin: DeliberationPage): Promise<void> {
	await admin.expectRoundStatus(admin.round(1, 'shortlist'), 'closed');
	await admin.expectRoundStatus(admin.round(2, 'finalists'), 'closed');
	await admin.expectRoundStatus(admin.round(3, 'winners'), 'closed');
	await expect(admin.decisionRows(admin.round(3, 'winners'))).toHaveCount(4);
}
