// The award from a juror's side: the editions they judge, their list of candidacies with each review's
// status, and a candidacy to read and score (a score and a comment per criterion, draft or submitted),
// with the other jurors' scores once their own are sent.
import { expect, type Locator, type Page, type Response } from '@playwright/test';
import type { Criterion } from '../../../src/lib/shared/award/types.ts';
import { format, text, type Locale } from '../support/i18n.ts';

/** /{locale}/jury: the editions whose jury the person sits on. */
export class JuryHomePage {
	readonly main: Locator;
	readonly heading: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.heading = this.main.getByRole('heading', { level: 1, name: text(locale, 'award.jury.home_title') });
	}

	async goto(): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/jury`);
		expect(response?.status()).toBe(200);
		await expect(this.page.locator('html')).toHaveAttribute('lang', this.locale);
		await expect(this.heading).toBeVisible();
	}

	edition(year: number): Locator {
		return this.main.getByRole('link', { name: format(this.locale, 'award.jury.edition_heading', { year }), exact: true });
	}
}

/** /{locale}/jury/{year}: the juror's candidacies with their review status. */
export class JuryEditionPage {
	readonly main: Locator;
	readonly list: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale,
		readonly year: number
	) {
		this.main = page.getByRole('main');
		this.list = this.main.getByRole('region', { name: text(locale, 'award.jury.my_candidacies'), exact: true }).getByRole('table');
	}

	get heading(): Locator {
		return this.main.getByRole('heading', { level: 1, name: format(this.locale, 'award.jury.edition_heading', { year: this.year }) });
	}

	async goto(): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/jury/${this.year}`);
		expect(response?.status()).toBe(200);
		await expect(this.heading).toBeVisible();
	}

	private href(candidacyId: number): string {
		return `a[href="/${this.locale}/jury/${this.year}/candidacies/${candidacyId}"]`;
	}

	/** The link to a candidacy, found by its address (titles are the cities' and may repeat). */
	link(candidacyId: number): Locator {
		return this.list.locator(this.href(candidacyId));
	}

	row(candidacyId: number): Locator {
		return this.list.getByRole('row').filter({ has: this.page.locator(this.href(candidacyId)) });
	}

	async expectStatus(candidacyId: number, status: 'assigned' | 'draft' | 'submitted'): Promise<void> {
		await expect(this.row(candidacyId).getByText(text(this.locale, `award.review_status.${status}`), { exact: true })).toBeVisible();
	}
}

/** /{locale}/jury/{year}/candidacies/{id}: the candidacy to read, and the juror's score form or sheet. */
export class JurorCandidacyPage {
	readonly main: Locator;
	readonly meta: Locator;
	readonly scoreForm: Locator;
	readonly saveDraft: Locator;
	readonly submit: Locator;
	readonly problems: Locator;
	readonly others: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale,
		readonly year: number
	) {
		this.main = page.getByRole('main');
		this.meta = this.main.locator('p.meta');
		this.scoreForm = this.main.getByRole('form', { name: text(locale, 'award.review.form_title'), exact: true });
		this.saveDraft = this.scoreForm.getByRole('button', { name: text(locale, 'award.review.save_draft'), exact: true });
		this.submit = this.scoreForm.getByRole('button', { name: text(locale, 'award.review.submit'), exact: true });
		this.problems = this.main.getByRole('alert');
		this.others = this.main.getByRole('region', { name: text(locale, 'award.review.others_title'), exact: true });
	}

	async goto(candidacyId: number): Promise<Response | null> {
		return this.page.goto(`/${this.locale}/jury/${this.year}/candidacies/${candidacyId}`);
	}

	heading(title: string): Locator {
		return this.main.getByRole('heading', { level: 1, name: title, exact: true });
	}

	async expectStatus(status: 'assigned' | 'draft' | 'submitted'): Promise<void> {
		await expect(this.meta.getByText(text(this.locale, `award.review_status.${status}`), { exact: true })).toBeVisible();
	}

	/** A confirmation (`FormMessage` of kind success). */
	saved(key: string): Locator {
		return this.main.getByRole('status').filter({ hasText: text(this.locale, key) });
	}

	criterionName(criterion: Criterion): string {
		return criterion.names[this.locale] ?? criterion.names.en ?? '';
	}

	/** A criterion's fieldset, named by its legend "{name} weight {n}". */
	criterion(criterion: Criterion): Locator {
		const legend = `${this.criterionName(criterion)} ${format(this.locale, 'award.review.weight', { weight: criterion.weight })}`;
		return this.scoreForm.getByRole('group', { name: legend, exact: true });
	}

	/** The radio button of a score on the edition's short scale. */
	score(criterion: Criterion, value: number): Locator {
		return this.criterion(criterion).getByRole('radio', { name: String(value), exact: true });
	}

	comment(criterion: Criterion): Locator {
		return this.criterion(criterion).getByRole('textbox', { name: text(this.locale, 'award.review.comment_label') });
	}

	/** Fills every criterion with its score and comment. */
	async fill(criteria: readonly Criterion[], sheet: Record<string, { score: number; comment: string }>): Promise<void> {
		for (const criterion of criteria) {
			await this.score(criterion, sheet[criterion.code].score).check();
			await this.comment(criterion).fill(sheet[criterion.code].comment);
		}
	}

	async expectFilled(criteria: readonly Criterion[], sheet: Record<string, { score: number; comment: string }>): Promise<void> {
		for (const criterion of criteria) {
			await expect(this.score(criterion, sheet[criterion.code].score)).toBeChecked();
			await expect(this.comment(criterion)).toHaveValue(sheet[criterion.code].comment);
		}
	}

	/** A read-only score sheet (the juror's own once sent, or another juror's), named by its caption. */
	sheet(heading: string): Locator {
		return this.main.getByRole('table', { name: heading, exact: true });
	}

	/** A sheet's row for a criterion: "{name} | {score} / {max} | {comment}". */
	sheetRow(sheet: Locator, criterion: Criterion): Locator {
		return sheet.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: this.criterionName(criterion), exact: true }) });
	}
}
