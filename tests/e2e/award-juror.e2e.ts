// The Educating Cities Award from a juror's side. The demo juror, a specialist who reads French, opens the
// 2026 edition being judged and scores three candidacies not yet started: the first is saved as a draft,
// reopened with its scores and comments kept, and sent; a score outside the scale posted to the server is
// refused with nothing saved; all three are then listed as sent, and each shows the other jurors' scores
// (the edition shares them once one's own are sent). A candidacy that is not on the juror's list is a 404.
// The candidacies are chosen from the demo data by tests/e2e/global-setup.ts. Every page is checked with axe.
import { expect, test } from '@playwright/test';
import { demoEdition2026 } from '../../src/lib/server/demo/award-data.ts';
import { expectNotFoundPage } from './pages/experience-editor.page.ts';
import { JurorCandidacyPage, JuryEditionPage, JuryHomePage } from './pages/award-jury.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { expectAccessible } from './support/accessibility.ts';
import { demoAccounts, demoPassword, uniqueSuffix } from './support/accounts.ts';
import { readAwardFixtures } from './support/fixtures.ts';
import { format, text } from './support/i18n.ts';

const fr = 'fr' as const;
const criteria = demoEdition2026.criteria;

type Sheet = Record<string, { score: number; comment: string }>;

/** A full score sheet: a score per criterion (from `scores`, in the criteria's order) and a comment naming it. */
function sheetOf(scores: number[], suffix: string): Sheet {
	return Object.fromEntries(
		criteria.map((c, i) => [
			c.code,
			{ score: scores[i], comment: `${c.names.fr} : argumenté dans le dossier, note ${scores[i]} (${suffix}).` }
		])
	);
}

test.describe('the award: a juror scores', () => {
	test('a juror scores three candidacies and submits', async ({ page }) => {
		const fixtures = readAwardFixtures();
		const { year, toScore, notAssigned } = fixtures.jury;
		const suffix = uniqueSuffix();
		const sheets: Sheet[] = [
			sheetOf([7, 8, 6, 9, 5, 8], suffix),
			sheetOf([4, 6, 5, 7, 6, 3], suffix),
			sheetOf([9, 9, 8, 10, 7, 9], suffix)
		];
		const list = new JuryEditionPage(page, fr, year);
		const reading = new JurorCandidacyPage(page, fr, year);
		const titles: string[] = [];

		/** From the list, opens a candidacy and checks that it is not started yet. */
		async function open(index: number): Promise<void> {
			await list.goto();
			const link = list.link(toScore[index].id);
			titles[index] = (await link.textContent())!.trim();
			await link.click();
			await expect(page).toHaveURL(new RegExp(`/fr/jury/${year}/candidacies/${toScore[index].id}$`));
			await expect(reading.heading(titles[index])).toBeVisible();
		}

		/** After sending: the juror's own sheet, read-only, and the other jurors' sheets. */
		async function expectSent(index: number): Promise<void> {
			await reading.expectStatus('submitted');
			await expect(reading.scoreForm).toHaveCount(0);
			const mine = reading.sheet(text(fr, 'award.review.my_scores'));
			for (const criterion of criteria) {
				const row = reading.sheetRow(mine, criterion);
				await expect(row).toContainText(`${sheets[index][criterion.code].score}\u00a0/\u00a010`);
				await expect(row).toContainText(sheets[index][criterion.code].comment);
			}
			await expect(reading.others.getByText(text(fr, 'award.review.others_after_submit'))).toHaveCount(0);
			for (const name of toScore[index].others) await expect(reading.others.getByRole('table', { name, exact: true })).toBeVisible();
			await expect(reading.others.getByRole('table')).toHaveCount(toScore[index].others.length);
			await expectAccessible(page);
		}

		await test.step('the juror opens the 2026 edition from their jury area, in French', async () => {
			await new SignInPage(page, fr).signIn(demoAccounts.juror, demoPassword);
			const home = new JuryHomePage(page, fr);
			await home.goto();
			await expectAccessible(page);
			await home.edition(year).click();
			await expect(page).toHaveURL(new RegExp(`/fr/jury/${year}$`));
			await expect(list.heading).toBeVisible();
			for (const { id } of toScore) await list.expectStatus(id, 'assigned');
			await expectAccessible(page);
		});

		await test.step('scores the first candidacy and saves a draft', async () => {
			await open(0);
			await reading.expectStatus('assigned');
			await expect(reading.others.getByText(text(fr, 'award.review.others_after_submit'), { exact: true })).toBeVisible();
			await expectAccessible(page);
			await reading.fill(criteria, sheets[0]);
			await reading.saveDraft.click();
			await expect(reading.saved('award.review.saved_draft')).toBeVisible();
			await reading.expectStatus('draft');
			await expectAccessible(page);
		});

		await test.step('the draft is listed, and reopened with every score and comment kept, then sent', async () => {
			await list.goto();
			await list.expectStatus(toScore[0].id, 'draft');
			await expect(list.row(toScore[0].id)).toContainText(format(fr, 'award.jury.scored_of', { scored: '6', total: '6' }));
			await list.link(toScore[0].id).click();
			await expect(reading.heading(titles[0])).toBeVisible();
			await reading.expectStatus('draft');
			await reading.expectFilled(criteria, sheets[0]);
			await reading.submit.click();
			await expect(reading.saved('award.review.submitted_message')).toBeVisible();
			await expectSent(0);
		});

		await test.step('a score outside the scale, posted without the page, is refused and nothing is saved', async () => {
			await open(1);
			await reading.expectStatus('assigned');
			// The page offers 1 to 10 as radio buttons: no way to type 11, so the post is made by hand.
			const version = await reading.scoreForm.locator('input[name="version"]').inputValue();
			const [first] = criteria;
			const response = await page.request.post(`/fr/jury/${year}/candidacies/${toScore[1].id}?/save`, {
				// As a browser without JavaScript posts the form: the answer is the page, with the refusal.
				headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
				form: { version, [`scores.${first.code}.score`]: '11', [`scores.${first.code}.comment`]: `Trop généreux (${suffix})` }
			});
			expect(response.status()).toBe(400);
			expect(await response.text()).toContain(format(fr, 'award.review.out_of_scale', { min: 1, max: 10 }));
			await page.reload();
			await reading.expectStatus('assigned');
			await expect(reading.score(first, 10)).not.toBeChecked();
			await expect(reading.comment(first)).toHaveValue('');
		});

		await test.step('scores the second candidacy and sends it at once', async () => {
			await reading.fill(criteria, sheets[1]);
			await reading.submit.click();
			await expect(reading.saved('award.review.submitted_message')).toBeVisible();
			await expectSent(1);
		});

		await test.step('scores the third candidacy and sends it', async () => {
			await open(2);
			await reading.expectStatus('assigned');
			await reading.fill(criteria, sheets[2]);
			await reading.submit.click();
			await expect(reading.saved('award.review.submitted_message')).toBeVisible();
			await expectSent(2);
		});

		await test.step('the list shows the three as sent', async () => {
			await list.goto();
			for (const { id } of toScore) {
				await list.expectStatus(id, 'submitted');
				await expect(list.row(id)).toContainText(format(fr, 'award.jury.scored_of', { scored: '6', total: '6' }));
			}
			await expectAccessible(page);
		});

		await test.step('a candidacy that is not on the juror’s list is not found', async () => {
			await expect(list.link(notAssigned)).toHaveCount(0);
			await expectNotFoundPage(page, await reading.goto(notAssigned), fr);
			await expectAccessible(page);
		});
	});
});
