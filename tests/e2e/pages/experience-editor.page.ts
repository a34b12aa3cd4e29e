// The working side of the Bank of Experiences: a city's list of its records, the secretariat's review
// queue, the new-experience form and the editor (texts, classification, files, workflow, history).
import { expect, type Locator, type Page, type Response } from '@playwright/test';
import { principleTitle, referenceTopics } from '../../../src/lib/shared/experiences/classifications.ts';
import type { TranslatableField, WorkflowAction } from '../../../src/lib/shared/experiences/constants.ts';
import type { FilePayload } from '../support/files.ts';
import { format, text, type Locale } from '../support/i18n.ts';

/** A language's name as the interface writes it (Intl, like `languageName` in components/i18n.ts). */
export function languageName(locale: Locale, code: string): string {
	return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
}

function escapeRegExp(value: string): RegExp {
	return new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** /{locale}/my/experiences: the records of the representative's city. */
export class MyExperiencesPage {
	readonly main: Locator;
	readonly heading: Locator;
	readonly newExperience: Locator;
	readonly table: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.heading = this.main.getByRole('heading', { level: 1, name: text(locale, 'experiences.my.title') });
		this.newExperience = this.main.getByRole('link', { name: text(locale, 'experiences.my.new'), exact: true });
		this.table = this.main.getByRole('table', { name: text(locale, 'experiences.my.title') });
	}

	async goto(): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/my/experiences`);
		expect(response?.status()).toBe(200);
		await expect(this.heading).toBeVisible();
	}

	/** The row of a record, by its title. */
	row(title: string): Locator {
		return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: title, exact: true }) });
	}
}

/** /{locale}/admin/experiences: every record, with the review queue as a status filter. */
export class ExperienceQueuePage {
	readonly main: Locator;
	readonly heading: Locator;
	readonly filters: Locator;
	readonly titleContains: Locator;
	readonly status: Locator;
	readonly apply: Locator;
	readonly table: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.heading = this.main.getByRole('heading', { level: 1, name: text(locale, 'experiences.admin.title') });
		this.filters = this.main.getByRole('search', { name: text(locale, 'experiences.admin.filters') });
		this.titleContains = this.filters.getByRole('searchbox', { name: text(locale, 'experiences.admin.search_title') });
		this.status = this.filters.getByRole('combobox', { name: text(locale, 'experiences.my.status'), exact: true });
		this.apply = this.filters.getByRole('button', { name: text(locale, 'common.filters.apply') });
		this.table = this.main.getByRole('table');
	}

	/** The link of the dashboard card that opens the queue ("N experiences awaiting review"). */
	static dashboardLink(page: Page, locale: Locale): Locator {
		return page.getByRole('main').getByRole('link', { name: escapeRegExp(text(locale, 'experiences.admin.awaiting_review')) });
	}

	row(title: string): Locator {
		return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: escapeRegExp(title) }) });
	}

	/** The status filter link "Submitted (n)" in force. */
	currentStatusLink(status: string): Locator {
		return this.main
			.getByRole('navigation', { name: text(this.locale, 'experiences.admin.by_status') })
			.getByRole('link', { name: escapeRegExp(text(this.locale, `experiences.status.${status}`)) });
	}
}

/** /{locale}/experiences/new: city, original language and title; then the editor. */
export class NewExperiencePage {
	readonly main: Locator;
	readonly heading: Locator;
	readonly originalLanguage: Locator;
	readonly title: Locator;
	readonly create: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.heading = this.main.getByRole('heading', { level: 1, name: text(locale, 'experiences.edit.new_title') });
		this.originalLanguage = this.main.getByRole('combobox', { name: text(locale, 'experiences.fields.originalLanguage'), exact: true });
		this.title = this.main.getByRole('textbox', { name: text(locale, 'experiences.fields.title'), exact: true });
		this.create = this.main.getByRole('button', { name: text(locale, 'experiences.edit.create') });
	}

	async goto(): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/experiences/new`);
		expect(response?.status()).toBe(200);
		await expect(this.heading).toBeVisible();
	}

	/** Creates a draft and returns its id, read from the editor's address. */
	async createDraft(title: string, originalLanguage: Locale): Promise<number> {
		await this.originalLanguage.selectOption(originalLanguage);
		await this.title.fill(title);
		await this.create.click();
		await expect(this.page).toHaveURL(new RegExp(`/${this.locale}/experiences/\\d+/edit\\?saved=created$`));
		return Number(/\/experiences\/(\d+)\/edit/.exec(this.page.url())![1]);
	}
}

/** /{locale}/experiences/{id}/edit */
export class ExperienceEditorPage {
	readonly main: Locator;
	readonly meta: Locator;
	readonly recordForm: Locator;
	readonly startDate: Locator;
	readonly save: Locator;
	readonly returnedComments: Locator;
	readonly readOnly: Locator;
	readonly images: Locator;
	readonly addImageForm: Locator;
	readonly documents: Locator;
	readonly addDocumentForm: Locator;
	readonly workflow: Locator;
	readonly nextStepForm: Locator;
	readonly returnForm: Locator;
	readonly featureForm: Locator;
	readonly history: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		// The status and featured badges are styled spans in the line under the title: no role of their own.
		this.meta = this.main.locator('p.meta');
		this.recordForm = this.main.getByRole('form', { name: text(locale, 'experiences.edit.form_label') });
		this.startDate = this.recordForm.getByLabel(text(locale, 'experiences.fields.startDate'), { exact: true });
		this.save = this.recordForm.getByRole('button', { name: text(locale, 'experiences.edit.save') });
		this.returnedComments = this.main.getByRole('region', { name: text(locale, 'experiences.edit.returned_title') });
		this.readOnly = this.main.getByText(text(locale, 'experiences.edit.read_only'), { exact: true });
		this.images = this.main.getByRole('region', { name: text(locale, 'experiences.fields.images'), exact: true });
		this.addImageForm = this.images.getByRole('form', { name: text(locale, 'experiences.edit.add_image') });
		this.documents = this.main.getByRole('region', { name: text(locale, 'experiences.fields.documents'), exact: true });
		this.addDocumentForm = this.documents.getByRole('form', { name: text(locale, 'experiences.edit.add_document') });
		this.workflow = this.main.getByRole('region', { name: text(locale, 'experiences.edit.workflow_title') });
		this.nextStepForm = this.workflow.getByRole('form', { name: text(locale, 'experiences.edit.next_step') });
		this.returnForm = this.workflow.getByRole('form', { name: text(locale, 'experiences.edit.return_title') });
		this.featureForm = this.workflow.getByRole('form', { name: text(locale, 'experiences.fields.featured'), exact: true });
		this.history = this.main.getByRole('region', { name: text(locale, 'experiences.history.title') });
	}

	async goto(id: number): Promise<Response | null> {
		return this.page.goto(`/${this.locale}/experiences/${id}/edit`);
	}

	heading(title: string): Locator {
		return this.main.getByRole('heading', { level: 1, name: title, exact: true });
	}

	/** The confirmation of the last step (`FormMessage` of kind success). */
	saved(key: string): Locator {
		return this.main.getByRole('status').filter({ hasText: text(this.locale, key) });
	}

	async expectStatus(status: string): Promise<void> {
		await expect(this.meta.getByText(text(this.locale, `experiences.status.${status}`), { exact: true })).toBeVisible();
	}

	/** A text of the record in one language, labelled "{field} ({language})". */
	textField(language: Locale, field: TranslatableField): Locator {
		const name = format(this.locale, 'experiences.edit.field_in_language', {
			field: text(this.locale, `experiences.fields.${field}`),
			language: languageName(this.locale, language)
		});
		return this.recordForm.getByRole('textbox', { name, exact: true });
	}

	/** The checkbox of a Charter principle, labelled "{n}. {title}". */
	principle(number: number): Locator {
		return this.recordForm
			.getByRole('group', { name: text(this.locale, 'experiences.fields.principles'), exact: true })
			.getByRole('checkbox', { name: `${number}. ${principleTitle(number, this.locale)}`, exact: true });
	}

	/** The checkbox of one of the reference topics. */
	topic(code: string): Locator {
		const topic = referenceTopics.find((t) => t.code === code);
		if (!topic) throw new Error(`no reference topic ${code}`);
		return this.recordForm
			.getByRole('group', { name: text(this.locale, 'experiences.fields.topics'), exact: true })
			.getByRole('checkbox', { name: topic.title[this.locale], exact: true });
	}

	/** Saves the record form and waits for the confirmation. */
	async saveRecord(): Promise<void> {
		await this.save.click();
		await expect(this.page).toHaveURL(/\/edit\?saved=fields$/);
		await expect(this.saved('experiences.edit.saved_fields')).toBeVisible();
	}

	async uploadImage(file: FilePayload, altText: string, caption?: string): Promise<void> {
		await this.addImageForm.getByLabel(text(this.locale, 'experiences.edit.image_file')).setInputFiles(file);
		await this.addImageForm.getByRole('textbox', { name: text(this.locale, 'experiences.edit.alt_text') }).fill(altText);
		if (caption) await this.addImageForm.getByRole('textbox', { name: text(this.locale, 'experiences.edit.caption') }).fill(caption);
		await this.addImageForm.getByRole('button', { name: text(this.locale, 'experiences.edit.upload_image') }).click();
		await expect(this.saved('experiences.edit.image_added')).toBeVisible();
	}

	/** An image in the list, found by its alternative text. */
	image(altText: string): Locator {
		return this.images.getByRole('listitem').filter({ has: this.page.getByRole('img', { name: altText, exact: true }) });
	}

	async uploadDocument(file: FilePayload, title: string): Promise<void> {
		await this.addDocumentForm.getByLabel(text(this.locale, 'experiences.edit.document_file')).setInputFiles(file);
		await this.addDocumentForm.getByRole('textbox', { name: text(this.locale, 'experiences.edit.document_title') }).fill(title);
		await this.addDocumentForm.getByRole('button', { name: text(this.locale, 'experiences.edit.upload_document') }).click();
		await expect(this.saved('experiences.edit.document_added')).toBeVisible();
	}

	/** A button of the "next step" form (submit, start review, publish…). */
	step(action: WorkflowAction): Locator {
		return this.nextStepForm.getByRole('button', { name: text(this.locale, `experiences.action.${action}`), exact: true });
	}

	async takeStep(action: Exclude<WorkflowAction, 'return'>): Promise<void> {
		await this.step(action).click();
		await expect(this.saved(`experiences.edit.done_${action}`)).toBeVisible();
	}

	async returnWithComment(comment: string): Promise<void> {
		await this.returnForm.getByRole('textbox', { name: text(this.locale, 'experiences.edit.return_comment') }).fill(comment);
		await this.returnForm.getByRole('button', { name: text(this.locale, 'experiences.action.return'), exact: true }).click();
		await expect(this.saved('experiences.edit.done_return')).toBeVisible();
	}

	async feature(): Promise<void> {
		await expect(this.featureForm).toContainText(text(this.locale, 'experiences.edit.is_not_featured'));
		await this.featureForm.getByRole('button', { name: text(this.locale, 'experiences.edit.feature'), exact: true }).click();
		await expect(this.saved('experiences.edit.featured_on')).toBeVisible();
		await expect(this.featureForm).toContainText(text(this.locale, 'experiences.edit.is_featured'));
	}

	/** A line of the history, by its action, with its comment when it has one. */
	historyEntry(action: string, comment?: string): Locator {
		const entry = this.history.getByRole('listitem').filter({ hasText: text(this.locale, `experiences.history.${action}`) });
		return comment ? entry.filter({ hasText: comment }) : entry;
	}
}

/** The error page of a record that is not there for this person: 404, said in their language. */
export async function expectNotFoundPage(page: Page, response: Response | null, locale: Locale): Promise<void> {
	expect(response?.status(), `status of ${page.url()}`).toBe(404);
	const main = page.getByRole('main');
	await expect(main.getByRole('heading', { level: 1, name: text(locale, 'common.errors.not_found_title') })).toBeVisible();
	await expect(main.getByText(text(locale, 'common.errors.not_found'), { exact: true })).toBeVisible();
}
