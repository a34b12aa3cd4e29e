// The Educating Cities Award from a member city's side. The political representative of Barcelona, in
// French, finds the open call with Barcelona eligible, starts a candidacy from one of the city's
// experiences, adapts its title, answers the call's questions, chooses a focus area, has a non-PDF letter
// refused, uploads the signed PDF and submits: the candidacy is "submitted" and frozen. Lisbon, a winner
// of the previous edition, reads in Portuguese exactly why it cannot apply, and the start page refuses it
// too. The open 2028 call is made by tests/e2e/global-setup.ts. Every page is checked with axe.
import { expect, test } from '@playwright/test';
import { demoEdition2026 } from '../../src/lib/server/demo/award-data.ts';
import { CandidacyPage, MyAwardPage, NewCandidacyPage } from './pages/award-city.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { expectAccessible } from './support/accessibility.ts';
import { demoAccounts, demoPassword, uniqueSuffix } from './support/accounts.ts';
import { readAwardFixtures } from './support/fixtures.ts';
import { pdfDocument, pngImage } from './support/files.ts';
import { format, text } from './support/i18n.ts';
import { tabTo } from './support/keyboard.ts';

const fr = 'fr' as const;
const pt = 'pt' as const;

test.describe('the award: a city applies', () => {
	test('a representative applies in French and submits', async ({ page }) => {
		const fixtures = readAwardFixtures();
		const { year } = fixtures.call;
		const experience = fixtures.barcelonaExperience;
		const suffix = uniqueSuffix();
		const title = `${experience.title} (${suffix})`;
		// Answers in the candidacy's language: the experience's original language (Spanish in the demo).
		const answers = Object.fromEntries(
			demoEdition2026.questions.map((q, i) => [
				q.code,
				`Respuesta ${i + 1} de Barcelona (${suffix}): los clubes deportivos de cada barrio acogen a todas las personas, con o sin discapacidad.`
			])
		);
		const focusArea = demoEdition2026.focusAreas.find((a) => a.code === 'community')!;
		const myAward = new MyAwardPage(page, fr);
		const candidacy = new CandidacyPage(page, fr);
		let id = 0;

		await test.step('in their area, the call of 2028 says Barcelona may apply', async () => {
			await new SignInPage(page, fr).signIn(demoAccounts.representative, demoPassword);
			await myAward.goto();
			const call = myAward.call(year, fixtures.call.themes.fr);
			await expect(call).toBeVisible();
			const barcelona = myAward.city(call, 'Barcelona', 'ES');
			await expect(myAward.verdict(barcelona, 'Barcelona', true)).toBeVisible();
			const rules = myAward.rules(barcelona, 'Barcelona');
			await expect(myAward.rule(rules, 'fees_up_to_date', true)).toBeVisible();
			await expect(myAward.rule(rules, 'not_previous_winner', true)).toBeVisible();
			await expect(rules.getByText(text(fr, 'award.eligibility.not_met'))).toHaveCount(0);
			await expect(barcelona).toContainText(format(fr, 'award.candidacy.used_of_limit', { used: '0', limit: '2' }));
			await expectAccessible(page);

			// The link to start is reached with the keyboard.
			await tabTo(page, myAward.startLink(barcelona, 'Barcelona'), 60);
			await page.keyboard.press('Enter');
			await expect(page).toHaveURL(new RegExp(`/fr/my/award/new\\?edition=${year}&city=${fixtures.barcelonaId}$`));
		});

		await test.step('chooses one of the city’s experiences and starts the candidacy', async () => {
			const start = new NewCandidacyPage(page, fr);
			await expect(start.heading).toBeVisible();
			await expect(start.experience(experience.title)).toBeEnabled();
			await expectAccessible(page);
			id = await start.start(experience.title);
			await expect(candidacy.heading(experience.title)).toBeVisible();
			await expect(candidacy.saved('award.candidacy.saved_created')).toBeVisible();
			await candidacy.expectStatus('draft');
			// The texts come from the experience; the call's questions, the focus area and the letter are missing.
			await expect(candidacy.textField(experience.originalLanguage, 'title')).toHaveValue(experience.title);
			await expect(candidacy.missing(demoEdition2026.questions.length + 2)).toBeVisible();
			await expectAccessible(page);
		});

		await test.step('adapts the title, answers the questions, chooses a focus area and saves', async () => {
			await candidacy.textField(experience.originalLanguage, 'title').fill(title);
			for (const question of demoEdition2026.questions) await candidacy.answer(question.texts.fr!).fill(answers[question.code]);
			await candidacy.focusArea.selectOption({ label: focusArea.names.fr! });
			await candidacy.saveDraft();
			await expect(candidacy.heading(title)).toBeVisible();
			for (const question of demoEdition2026.questions)
				await expect(candidacy.answer(question.texts.fr!)).toHaveValue(answers[question.code]);
			await expect(candidacy.focusArea).toHaveValue(focusArea.code);
			// Only the letter is left.
			await expect(candidacy.missing(1)).toBeVisible();
			await expectAccessible(page);
		});

		await test.step('a scanned image as the letter is refused, in French, and nothing is stored', async () => {
			await candidacy.chooseLetter(await pngImage(`lettre-${suffix}.png`, { width: 320, height: 200 }));
			await expect(candidacy.letter.getByRole('alert')).toHaveText(text(fr, 'common.errors.validation'));
			await expect(candidacy.letterForm.getByText(text(fr, 'files.errors.not_pdf'), { exact: true })).toBeVisible();
			await expect(candidacy.letter.getByText(text(fr, 'award.candidacy.letter_none'), { exact: true })).toBeVisible();
			await expectAccessible(page);
			// As the server has it: still no letter.
			expect((await candidacy.goto(id))?.status()).toBe(200);
			await expect(candidacy.letter.getByText(text(fr, 'award.candidacy.letter_none'), { exact: true })).toBeVisible();
			await expect(candidacy.missing(1)).toBeVisible();
		});

		await test.step('uploads the signed PDF', async () => {
			const letterName = `lettre-soutien-${suffix}.pdf`;
			await candidacy.chooseLetter(pdfDocument(letterName, `Lettre de soutien de la maire de Barcelone ${suffix}`));
			await expect(page).toHaveURL(new RegExp(`/fr/my/award/${id}\\?saved=letter(#letter-title)?$`));
			await expect(candidacy.saved('award.candidacy.saved_letter')).toBeVisible();
			await expect(candidacy.letterLink(letterName)).toBeVisible();
			await expect(candidacy.checklist.getByText(text(fr, 'award.candidacy.checklist_complete'), { exact: true })).toBeVisible();
			await expectAccessible(page);
		});

		await test.step('submits: the candidacy is "submitted" and can no longer be changed', async () => {
			await candidacy.submit.click();
			await expect(page).toHaveURL(new RegExp(`/fr/my/award/${id}\\?saved=submitted$`));
			await expect(candidacy.saved('award.candidacy.saved_submitted')).toBeVisible();
			await candidacy.expectStatus('submitted');
			await expect(candidacy.meta).toContainText(text(fr, 'award.candidacy_status.submitted'));
			await expect(candidacy.readOnly).toBeVisible();
			await expect(candidacy.form).toHaveCount(0);
			await expect(candidacy.submit).toHaveCount(0);
			await expect(candidacy.letterFile).toHaveCount(0);
			for (const question of demoEdition2026.questions) await expect(candidacy.answers.getByText(answers[question.code])).toBeVisible();
			await expect(candidacy.answers.getByText(focusArea.names.fr!, { exact: true })).toBeVisible();
			await expectAccessible(page);
		});

		await test.step('their list shows it submitted, counted against Barcelona’s limit', async () => {
			await myAward.goto();
			await expect(myAward.candidacy(title)).toContainText(text(fr, 'award.candidacy_status.submitted'));
			const barcelona = myAward.city(myAward.call(year, fixtures.call.themes.fr), 'Barcelona', 'ES');
			await expect(barcelona).toContainText(format(fr, 'award.candidacy.used_of_limit', { used: '1', limit: '2' }));
			await expectAccessible(page);
		});
	});

	test('an ineligible city sees why it cannot', async ({ page }) => {
		const fixtures = readAwardFixtures();
		const { year } = fixtures.call;
		const myAward = new MyAwardPage(page, pt);

		await test.step('Lisbon, a winner of the previous edition, reads the rule it fails, in Portuguese', async () => {
			await new SignInPage(page, pt).signIn(demoAccounts.technical, demoPassword);
			await myAward.goto();
			const call = myAward.call(year, fixtures.call.themes.pt);
			await expect(call).toBeVisible();
			const lisbon = myAward.city(call, 'Lisbon', 'PT');
			await expect(myAward.verdict(lisbon, 'Lisbon', false)).toBeVisible();
			const rules = myAward.rules(lisbon, 'Lisbon');
			await expect(myAward.rule(rules, 'not_previous_winner', false)).toBeVisible();
			await expect(rules.getByText(text(pt, 'award.eligibility_failed.not_previous_winner'))).toBeVisible();
			// That rule only: the others are met.
			await expect(rules.getByText(text(pt, 'award.eligibility.not_met'))).toHaveCount(1);
			await expect(myAward.rule(rules, 'fees_up_to_date', true)).toBeVisible();
			await expect(myAward.startLink(lisbon, 'Lisbon')).toHaveCount(0);
			await expect(call.getByRole('link', { name: format(pt, 'award.candidacy.start_for', { city: 'Lisbon' }) })).toHaveCount(0);
			await expectAccessible(page);
		});

		await test.step('the start page, opened by its address, refuses Lisbon with the same reason', async () => {
			const start = new NewCandidacyPage(page, pt);
			const response = await start.goto(year, fixtures.lisbonId);
			expect(response?.status()).toBe(200);
			await expect(start.heading).toBeVisible();
			const refusal = start.refusal('Lisbon');
			await expect(refusal).toBeVisible();
			await expect(refusal.getByText(text(pt, 'award.eligibility_failed.not_previous_winner'))).toBeVisible();
			await expect(start.create).toHaveCount(0);
			await expect(page.getByRole('radio')).toHaveCount(0);
			await expectAccessible(page);
		});
	});
});
