// The Bank of Experiences from writing to reading. The technical representative of Lisbon writes an
// experience in Portuguese, adds an image and a PDF and submits it; the secretariat, in Spanish, returns
// it with a comment; the city sees the comment, completes the record and submits it again; the
// secretariat publishes and features it; a visitor in Spanish finds it by typing its title without
// accents, narrows the search on the explore page by a chart bar, reads the record and downloads the
// search as CSV. A second journey checks that another city's representative cannot see a draft at all
// (404 on the editor, the page and the API, and a refused workflow post). Every page is checked with axe.
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	ExperienceEditorPage,
	ExperienceQueuePage,
	MyExperiencesPage,
	NewExperiencePage,
	expectNotFoundPage
} from './pages/experience-editor.page.ts';
import { ExperiencePage, ExperiencesSearchPage, ExploreExperiencesPage } from './pages/experiences-search.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { expectAccessible } from './support/accessibility.ts';
import { demoAccounts, demoPassword, uniqueSuffix } from './support/accounts.ts';
import { pdfDocument, pngImage } from './support/files.ts';
import { format, text, type Locale } from './support/i18n.ts';
import { tabTo } from './support/keyboard.ts';

const pt = 'pt' as const;
const es = 'es' as const;
const en = 'en' as const;

/** The principle and topic the experience is classified under (its title is about participation). */
const principle = 8;
const topic = 'citizen-participation';

/** A second person's browser, signed in, in the journey's base URL. */
async function signedInPage(browser: Browser, baseURL: string | undefined, email: string, locale: Locale): Promise<Page> {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await new SignInPage(page, locale).signIn(email, demoPassword);
	return page;
}

test.describe('the Bank of Experiences', () => {
	test('an experience written in Lisbon is reviewed, published, featured and found by a visitor', async ({ page, browser, baseURL }) => {
		test.setTimeout(180_000);
		const suffix = uniqueSuffix();
		const title = `Assembleias de participação juvenil ${suffix}`;
		const summary = `Os jovens de cada bairro de Lisboa reúnem-se em assembleia e decidem parte do orçamento municipal (${suffix}).`;
		const description = [
			'Desde 2023, cada freguesia organiza assembleias abertas onde jovens dos 14 aos 25 anos apresentam e votam propostas.',
			'As propostas mais votadas são executadas pela Câmara Municipal no ano seguinte.'
		].join('\n\n');
		const objectives = `Dar voz aos jovens nas decisões da cidade e ensinar, na prática, como funciona a democracia local (${suffix}).`;
		const altText = `Jovens sentados em círculo numa assembleia de bairro (${suffix})`;
		const documentTitle = `Regulamento das assembleias ${suffix}`;
		const comment = `Por favor, añadan los objetivos de la experiencia antes de publicarla (${suffix}).`;
		const editor = new ExperienceEditorPage(page, pt);
		let id = 0;

		const secretariat = await signedInPage(browser, baseURL, demoAccounts.secretariat, es);
		const review = new ExperienceEditorPage(secretariat, es);

		try {
			await test.step('the representative of Lisbon opens a new experience from their area, in Portuguese', async () => {
				await new SignInPage(page, pt).signInWithKeyboard(demoAccounts.technical, demoPassword);
				await expect(page).toHaveURL(/\/pt\/my$/);
				await tabTo(page, page.getByRole('main').getByRole('link', { name: format(pt, 'experiences.my.link', { city: 'Lisbon' }) }));
				await page.keyboard.press('Enter');
				const mine = new MyExperiencesPage(page, pt);
				await expect(mine.heading).toBeVisible();
				await expectAccessible(page);
				await mine.newExperience.click();
				const form = new NewExperiencePage(page, pt);
				await expect(form.heading).toBeVisible();
				// The language the person writes in is the interface's unless they choose another.
				await expect(form.originalLanguage).toHaveValue(pt);
				await expectAccessible(page);
				id = await form.createDraft(title, pt);
				await expect(editor.heading(title)).toBeVisible();
				await expect(editor.saved('experiences.edit.saved_created')).toBeVisible();
				await editor.expectStatus('draft');
				await expectAccessible(page);
			});

			await test.step('writes the texts, the classification and the start date, and saves', async () => {
				await expect(editor.textField(pt, 'title')).toHaveValue(title);
				await editor.textField(pt, 'summary').fill(summary);
				await editor.textField(pt, 'description').fill(description);
				await editor.principle(principle).check();
				await editor.topic(topic).check();
				await editor.startDate.fill('2023-09-15');
				await editor.saveRecord();
				await expect(editor.textField(pt, 'summary')).toHaveValue(summary);
				await expect(editor.principle(principle)).toBeChecked();
				await expect(editor.topic(topic)).toBeChecked();
				await expect(editor.startDate).toHaveValue('2023-09-15');
				await expectAccessible(page);
			});

			await test.step('adds an image with its alternative text and a PDF, and sees them listed', async () => {
				await expect(editor.images.getByText(text(pt, 'experiences.edit.no_images'))).toBeVisible();
				await editor.uploadImage(await pngImage(`assembleia-${suffix}.png`), altText);
				await expect(editor.image(altText)).toBeVisible();
				await expect(editor.image(altText)).toContainText(format(pt, 'experiences.edit.alt_text_shown', { alt: altText }));
				await editor.uploadDocument(pdfDocument(`regulamento-${suffix}.pdf`, `Regulamento ${suffix}`), documentTitle);
				await expect(editor.documents.getByRole('link', { name: documentTitle, exact: true })).toBeVisible();
				await expectAccessible(page);
			});

			await test.step('submits it for review: the record is no longer editable by the city', async () => {
				await editor.takeStep('submit');
				await editor.expectStatus('submitted');
				await expect(editor.readOnly).toBeVisible();
				await expect(editor.recordForm).toHaveCount(0);
				await expect(editor.historyEntry('submit')).toBeVisible();
				await expectAccessible(page);
			});

			await test.step('the secretariat finds it in the review queue and returns it with a comment', async () => {
				await expect(secretariat).toHaveURL(/\/es\/admin$/);
				await ExperienceQueuePage.dashboardLink(secretariat, es).click();
				const queue = new ExperienceQueuePage(secretariat, es);
				await expect(secretariat).toHaveURL(/\/es\/admin\/experiences\?status=submitted$/);
				await expect(queue.heading).toBeVisible();
				await expect(queue.status).toHaveValue('submitted');
				await expectAccessible(secretariat);
				await queue.titleContains.fill(suffix);
				await queue.apply.click();
				await expect(secretariat).toHaveURL(new RegExp(`[?&]q=${suffix}(&|$)`));
				await expect(queue.row(title)).toContainText(text(es, 'experiences.status.submitted'));
				await expect(queue.row(title)).toContainText('Lisbon');
				await queue.row(title).getByRole('link', { name: title, exact: true }).click();
				await expect(secretariat).toHaveURL(new RegExp(`/es/experiences/${id}/edit$`));
				await expect(review.heading(title)).toBeVisible();
				await review.expectStatus('submitted');
				await expectAccessible(secretariat);
				await review.returnWithComment(comment);
				await review.expectStatus('returned');
				await expect(review.historyEntry('return', comment)).toBeVisible();
				await expectAccessible(secretariat);
			});

			await test.step('the representative sees the comment at the top of the record, adds the objectives and submits again', async () => {
				const mine = new MyExperiencesPage(page, pt);
				await mine.goto();
				await expect(mine.row(title)).toContainText(text(pt, 'experiences.status.returned'));
				await mine.row(title).getByRole('link', { name: title, exact: true }).click();
				await expect(page).toHaveURL(new RegExp(`/pt/experiences/${id}/edit$`));
				await expect(editor.returnedComments).toBeVisible();
				await expect(editor.returnedComments.getByText(comment, { exact: true })).toBeVisible();
				// Prominently: above the status help and the form, not only in the history at the bottom.
				const commentBox = await editor.returnedComments.boundingBox();
				const formBox = await editor.recordForm.boundingBox();
				expect(commentBox!.y).toBeLessThan(formBox!.y);
				await editor.expectStatus('returned');
				await expectAccessible(page);

				await editor.textField(pt, 'objectives').fill(objectives);
				await editor.saveRecord();
				await expect(editor.textField(pt, 'objectives')).toHaveValue(objectives);
				await editor.takeStep('submit');
				await editor.expectStatus('submitted');
				await expect(editor.returnedComments).toHaveCount(0);
				await expect(editor.historyEntry('return', comment)).toBeVisible();
				await expectAccessible(page);
			});

			await test.step('the secretariat publishes it and features it', async () => {
				const response = await review.goto(id);
				expect(response?.status()).toBe(200);
				await review.expectStatus('submitted');
				await expect(review.textField(pt, 'objectives')).toHaveValue(objectives);
				await review.takeStep('publish');
				await review.expectStatus('published');
				await review.feature();
				await expect(review.meta.getByText(text(es, 'experiences.fields.featured'), { exact: true })).toBeVisible();
				await expectAccessible(secretariat);
			});
		} finally {
			await secretariat.context().close();
		}

		const visitorContext = await browser.newContext({ baseURL, locale: 'es-ES' });
		try {
			const visitor = await visitorContext.newPage();
			const search = new ExperiencesSearchPage(visitor, es);
			const explore = new ExploreExperiencesPage(visitor, es);
			// The title's words as a Spanish keyboard types them: no Portuguese accents.
			const words = `participacao ${suffix}`;

			await test.step('a visitor in Spanish finds it by typing the title without accents', async () => {
				await search.goto();
				await expectAccessible(visitor);
				await search.search(words);
				await expect(visitor).toHaveURL(/\/es\/experiences\?(.*&)?q=participacao\+/);
				await expect(search.count(1)).toBeVisible();
				await expect(search.cardLink(title)).toBeVisible();
				await expect(search.card(title)).toContainText(text(es, 'experiences.featured.badge'));
				await expect(search.card(title).getByRole('img', { name: altText, exact: true })).toBeVisible();
				await expectAccessible(visitor);
			});

			await test.step('the explore page shows the same search, and a chart bar narrows it', async () => {
				await search.exploreLink.click();
				await expect(visitor).toHaveURL(/\/es\/experiences\/explore\?(.*&)?q=participacao\+/);
				await expect(explore.heading).toBeVisible();
				await expect(explore.searchBox).toHaveValue(words);
				await expect(explore.total(1)).toBeVisible();
				await expectAccessible(visitor);
				await explore.principleBar(principle, 1).click();
				await expect(visitor).toHaveURL(new RegExp(`/es/experiences/explore\\?(.*&)?principle=${principle}(&|$)`));
				await expect(visitor).toHaveURL(/[?&]q=participacao\+/);
				await expect(explore.total(1)).toBeVisible();
				await expect(explore.activePrincipleBar(principle, 1)).toHaveCount(1);
				await expect(explore.principleBar(principle, 1)).toHaveCount(0);
				await expectAccessible(visitor);
			});

			await test.step('back in the list, the narrowed search still finds it and downloads as CSV', async () => {
				await explore.backToList(1).click();
				await expect(visitor).toHaveURL(new RegExp(`/es/experiences\\?(.*&)?principle=${principle}(&|$)`));
				await expect(search.count(1)).toBeVisible();
				await expect(search.cardLink(title)).toBeVisible();
				const { download, body } = await search.downloadCsv();
				expect(download.suggestedFilename()).toMatch(/\.csv$/);
				expect(new URL(download.url()).searchParams.getAll('principle')).toEqual([String(principle)]);
				expect(body).toContain(title);
			});

			await test.step('the record opens in its original language, with the image described', async () => {
				await search.cardLink(title).click();
				await expect(visitor).toHaveURL(new RegExp(`/es/experiences/${id}$`));
				const record = new ExperiencePage(visitor, es);
				await expect(record.heading(title)).toBeVisible();
				await expect(record.heading(title)).toHaveAttribute('lang', pt);
				await expect(record.image(altText)).toBeVisible();
				await expect(record.main.getByRole('heading', { level: 2, name: text(es, 'experiences.fields.objectives') })).toBeVisible();
				await expect(record.main.getByText(objectives)).toBeVisible();
				await expect(record.document(documentTitle)).toBeVisible();
				await expectAccessible(visitor);
			});
		} finally {
			await visitorContext.close();
		}
	});

	test("another city's representative cannot see a Lisbon draft: 404 everywhere", async ({ page, browser, baseURL }) => {
		const suffix = uniqueSuffix();
		const title = `Rascunho reservado de Lisboa ${suffix}`;
		let id = 0;

		const lisbon = await signedInPage(browser, baseURL, demoAccounts.technical, pt);
		try {
			await test.step('the representative of Lisbon creates a draft', async () => {
				const form = new NewExperiencePage(lisbon, pt);
				await form.goto();
				id = await form.createDraft(title, pt);
				await new ExperienceEditorPage(lisbon, pt).expectStatus('draft');
			});

			await test.step('the representative of Barcelona gets "not found" on its editor and its page', async () => {
				await new SignInPage(page, en).signIn(demoAccounts.representative, demoPassword);
				await expectNotFoundPage(page, await new ExperienceEditorPage(page, en).goto(id), en);
				await expectAccessible(page);
				await expectNotFoundPage(page, await page.goto(`/en/experiences/${id}`), en);
				const mine = new MyExperiencesPage(page, en);
				await mine.goto();
				await expect(mine.main.getByRole('link', { name: title })).toHaveCount(0);
			});

			await test.step('the API answers 404 problem+json for the draft, with or without a session', async () => {
				for (const request of [page.request, lisbon.request]) {
					const response = await request.get(`/api/v1/experiences/${id}`);
					expect(response.status()).toBe(404);
					expect(response.headers()['content-type']).toMatch(/^application\/problem\+json/);
					expect(((await response.json()) as { code: string }).code).toBe('common.errors.not_found');
				}
			});

			await test.step("a workflow step posted from Barcelona's session is refused as not found, and the draft is unchanged", async () => {
				const refused = await page.request.post(`/en/experiences/${id}/edit?/transition`, {
					headers: { origin: new URL(page.url()).origin },
					form: { action: 'submit', version: '1' },
					maxRedirects: 0
				});
				expect(refused.status()).toBe(404);
				const editor = new ExperienceEditorPage(lisbon, pt);
				const response = await editor.goto(id);
				expect(response?.status()).toBe(200);
				await editor.expectStatus('draft');
				await expect(editor.historyEntry('submit')).toHaveCount(0);
			});
		} finally {
			await lisbon.context().close();
		}
	});
});
