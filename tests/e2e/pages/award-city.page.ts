// The award from a member city's side: its representatives' page of open calls (each city's eligibility,
// rule by rule) and candidacies, the page that starts a candidacy from one of the city's experiences, and
// the candidacy itself (texts, the call's questions, focus area, support letter, submission, read-only view).
import { expect, type Locator, type Page, type Response } from '@playwright/test';
import type { FilePayload } from '../support/files.ts';
import { format, text, type Locale } from '../support/i18n.ts';
import { languageName } from './experience-editor.page.ts';

/** A country's name as the pages write it next to a city (Intl, like `countryName` in components/i18n.ts). */
function countryName(locale: Locale, code: string): string {
	return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}

/** /{locale}/my/award: the open calls, each city's eligibility for each, and the cities' candidacies. */
export class MyAwardPage {
	readonly main: Locator;
	readonly heading: Locator;
	readonly candidacies: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.heading = this.main.getByRole('heading', { level: 1, name: text(locale, 'award.candidacy.my_title') });
		this.candidacies = this.main.getByRole('table', { name: text(locale, 'award.candidacy.my_candidacies') });
	}

	async goto(): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/my/award`);
		expect(response?.status()).toBe(200);
		await expect(this.page.locator('html')).toHaveAttribute('lang', this.locale);
		await expect(this.heading).toBeVisible();
	}

	/** An open call, by its heading "Edition {year}: {theme}". */
	call(year: number, theme: string): Locator {
		return this.main.getByRole('article', { name: format(this.locale, 'award.candidacy.call_heading', { year, theme }), exact: true });
	}

	/** A city's card in a call: its name (country), verdict, rules, count and the link to start. */
	city(call: Locator, name: string, countryCode: string): Locator {
		return call.getByRole('listitem').filter({
			has: this.page.getByRole('heading', { level: 4, name: `${name} (${countryName(this.locale, countryCode)})`, exact: true })
		});
	}

	/** The list of the call's rules for a city, each met or not. */
	rules(city: Locator, name: string): Locator {
		return city.getByRole('list', { name: format(this.locale, 'award.eligibility.rules_of', { city: name }), exact: true });
	}

	/** A rule's line: "Not met: {why}" for a failed one, "Met: {rule}" otherwise. */
	rule(rules: Locator, rule: string, met: boolean): Locator {
		const line = met
			? `${text(this.locale, 'award.eligibility.met')} ${text(this.locale, `award.eligibility_rule.${rule}`)}`
			: `${text(this.locale, 'award.eligibility.not_met')} ${text(this.locale, `award.eligibility_failed.${rule}`)}`;
		return rules.getByRole('listitem').filter({ hasText: line });
	}

	verdict(city: Locator, name: string, eligible: boolean): Locator {
		return city.getByText(
			format(this.locale, eligible ? 'award.candidacy.city_eligible' : 'award.candidacy.city_not_eligible', { city: name }),
			{ exact: true }
		);
	}

	startLink(city: Locator, name: string): Locator {
		return city.getByRole('link', { name: format(this.locale, 'award.candidacy.start_for', { city: name }), exact: true });
	}

	/** A row of the cities' candidacies, by its title. */
	candidacy(title: string): Locator {
		return this.candidacies.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: title }) });
	}
}

/** /{locale}/my/award/new?edition={year}&city={id}: the city's experiences, to start a candidacy from one. */
export class NewCandidacyPage {
	readonly main: Locator;
	readonly heading: Locator;
	readonly create: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.heading = this.main.getByRole('heading', { level: 1, name: text(locale, 'award.candidacy.new_title') });
		this.create = this.main.getByRole('button', { name: text(locale, 'award.candidacy.create'), exact: true });
	}

	async goto(year: number, cityId: number): Promise<Response | null> {
		return this.page.goto(`/${this.locale}/my/award/new?edition=${year}&city=${cityId}`);
	}

	/** The section that says why the city cannot apply, headed "{city} cannot apply to this call:". */
	refusal(city: string): Locator {
		return this.main.getByRole('region', { name: format(this.locale, 'award.candidacy.city_not_eligible', { city }), exact: true });
	}

	/** The radio button of one of the city's experiences, by its title. */
	experience(title: string): Locator {
		return this.main
			.getByRole('group', { name: text(this.locale, 'award.candidacy.choose_experience'), exact: true })
			.getByRole('radio', { name: title, exact: true });
	}

	/** Starts the candidacy and returns its id, read from the address of the page it opens. */
	async start(title: string): Promise<number> {
		await this.experience(title).check();
		await this.create.click();
		await expect(this.page).toHaveURL(new RegExp(`/${this.locale}/my/award/\\d+\\?saved=created$`));
		return Number(/\/my\/award\/(\d+)/.exec(this.page.url())![1]);
	}
}

/** /{locale}/my/award/{id}: a candidacy, editable while a draft, read-only once submitted. */
export class CandidacyPage {
	readonly main: Locator;
	readonly meta: Locator;
	readonly checklist: Locator;
	readonly form: Locator;
	readonly focusArea: Locator;
	readonly save: Locator;
	readonly letter: Locator;
	readonly letterForm: Locator;
	readonly letterFile: Locator;
	readonly uploadLetter: Locator;
	readonly submission: Locator;
	readonly submit: Locator;
	readonly readOnly: Locator;
	readonly answers: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		// The status badge is a styled span in the line under the title: no role of its own.
		this.meta = this.main.locator('p.meta');
		this.checklist = this.main.getByRole('region', { name: text(locale, 'award.candidacy.checklist_title') });
		this.form = this.main.getByRole('form', { name: text(locale, 'award.candidacy.form_label') });
		this.focusArea = this.form.getByRole('combobox', { name: text(locale, 'award.candidacy.focus_area'), exact: true });
		this.save = this.form.getByRole('button', { name: text(locale, 'award.candidacy.save'), exact: true });
		this.letter = this.main.getByRole('region', { name: text(locale, 'award.candidacy.letter_title'), exact: true });
		this.letterForm = this.letter.locator('form');
		this.letterFile = this.letterForm.getByLabel(text(locale, 'award.candidacy.letter_file'));
		this.uploadLetter = this.letterForm.getByRole('button', { name: text(locale, 'award.candidacy.upload_letter'), exact: true });
		this.submission = this.main.getByRole('region', { name: text(locale, 'award.candidacy.submit_title'), exact: true });
		this.submit = this.submission.getByRole('button', { name: text(locale, 'award.candidacy.submit'), exact: true });
		this.readOnly = this.main.getByText(text(locale, 'award.candidacy.read_only'), { exact: true });
		this.answers = this.main.getByRole('region', { name: text(locale, 'award.candidacy.questions_title'), exact: true });
	}

	async goto(id: number): Promise<Response | null> {
		return this.page.goto(`/${this.locale}/my/award/${id}`);
	}

	heading(title: string): Locator {
		return this.main.getByRole('heading', { level: 1, name: title, exact: true });
	}

	/** A confirmation after a step (`FormMessage` of kind success). */
	saved(key: string): Locator {
		return this.main.getByRole('status').filter({ hasText: text(this.locale, key) });
	}

	async expectStatus(status: string): Promise<void> {
		await expect(this.meta.getByText(text(this.locale, `award.candidacy_status.${status}`), { exact: true })).toBeVisible();
	}

	/** "N items still missing" at the top of the checklist. */
	missing(count: number): Locator {
		return this.checklist.getByText(format(this.locale, 'award.candidacy.checklist_missing', { count }), { exact: true });
	}

	/** A text of the candidacy in one language, labelled "{field} ({language})". */
	textField(language: Locale, field: string): Locator {
		const name = format(this.locale, 'experiences.edit.field_in_language', {
			field: text(this.locale, `experiences.fields.${field}`),
			language: languageName(this.locale, language)
		});
		return this.form.getByRole('textbox', { name, exact: true });
	}

	/** The answer to one of the call's questions, labelled by the question in the visitor's language. */
	answer(question: string): Locator {
		return this.form.getByRole('textbox', { name: question, exact: true });
	}

	async saveDraft(): Promise<void> {
		await this.save.click();
		await expect(this.page).toHaveURL(/\/my\/award\/\d+\?saved=draft$/);
		await expect(this.saved('award.candidacy.saved_draft')).toBeVisible();
	}

	async chooseLetter(file: FilePayload): Promise<void> {
		await this.letterFile.setInputFiles(file);
		await this.uploadLetter.click();
	}

	/** The letter's download link, "{name} (PDF, {size} kB)". */
	letterLink(name: string): Locator {
		return this.main.getByRole('link', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(PDF`) });
	}
}
