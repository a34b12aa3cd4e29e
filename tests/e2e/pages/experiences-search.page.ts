// The public side of the Bank of Experiences: the search with its facets and exports, the explore page
// (map, charts, matrix of the same query) and a published record's page.
import { readFile } from 'node:fs/promises';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { principleTitle } from '../../../src/lib/shared/experiences/classifications.ts';
import { format, number, text, type Locale } from '../support/i18n.ts';

/** /{locale}/experiences */
export class ExperiencesSearchPage {
	readonly main: Locator;
	readonly heading: Locator;
	readonly searchForm: Locator;
	readonly searchBox: Locator;
	readonly submit: Locator;
	readonly exploreLink: Locator;
	readonly csvLink: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.heading = this.main.getByRole('heading', { level: 1, name: text(locale, 'experiences.title') });
		this.searchForm = this.main.getByRole('search', { name: text(locale, 'experiences.search.label') });
		this.searchBox = this.searchForm.getByRole('searchbox', { name: text(locale, 'experiences.search.label') });
		this.submit = this.searchForm.getByRole('button', { name: text(locale, 'experiences.search.submit'), exact: true });
		this.exploreLink = this.main.getByRole('link', { name: text(locale, 'experiences.search.explore_link') });
		this.csvLink = this.main.getByRole('link', { name: text(locale, 'experiences.search.export_csv') });
	}

	async goto(search = ''): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/experiences${search}`);
		expect(response?.status()).toBe(200);
		await expect(this.page.locator('html')).toHaveAttribute('lang', this.locale);
		await expect(this.heading).toBeVisible();
	}

	async search(words: string): Promise<void> {
		await this.searchBox.fill(words);
		await this.submit.click();
		await expect(this.searchBox).toHaveValue(words);
	}

	/** The heading over the results: "N experiences". */
	count(total: number): Locator {
		return this.main.getByRole('heading', { level: 2, name: format(this.locale, 'experiences.search.count', { count: total }) });
	}

	/** A result card, by the title it links to. */
	card(title: string): Locator {
		return this.main.getByRole('article').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
	}

	cardLink(title: string): Locator {
		return this.card(title).getByRole('link', { name: title, exact: true });
	}

	/** Clicks the CSV export and returns the file as downloaded. */
	async downloadCsv(): Promise<{ download: Download; body: string }> {
		const [download] = await Promise.all([this.page.waitForEvent('download'), this.csvLink.click()]);
		const path = await download.path();
		expect(path, 'the CSV was saved').toBeTruthy();
		return { download, body: await readFile(path!, 'utf8') };
	}
}

/** /{locale}/experiences/explore: a map, charts and a principle × topic matrix of the same query. */
export class ExploreExperiencesPage {
	readonly main: Locator;
	readonly heading: Locator;
	readonly searchBox: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.heading = this.main.getByRole('heading', { level: 1, name: text(locale, 'experiences.explore.title') });
		this.searchBox = this.main
			.getByRole('search', { name: text(locale, 'experiences.search.label') })
			.getByRole('searchbox', { name: text(locale, 'experiences.search.label') });
	}

	/** "N experiences", in bold above the map. */
	total(count: number): Locator {
		return this.main.getByText(format(this.locale, 'experiences.search.count', { count }), { exact: true });
	}

	backToList(count: number): Locator {
		return this.main.getByRole('link', { name: format(this.locale, 'experiences.explore.back_to_list', { count }) });
	}

	/** A bar chart, by its title (a figure labelled by its caption). */
	chart(titleKey: string): Locator {
		return this.main.getByRole('figure', { name: text(this.locale, titleKey), exact: true });
	}

	private barName(label: string, value: number): string {
		return format(this.locale, 'common.chart.bar_label', { label, value: number(this.locale, value) });
	}

	principleLabel(principle: number): string {
		return `${principle}. ${principleTitle(principle, this.locale)}`;
	}

	/** The link of a bar of the principles chart: "8. {title}: 1". */
	principleBar(principle: number, value: number): Locator {
		return this.chart('experiences.explore.by_principle').getByRole('link', {
			name: this.barName(this.principleLabel(principle), value),
			exact: true
		});
	}

	/** A bar already chosen as a filter is no longer a link: it says so to assistive technology. */
	activePrincipleBar(principle: number, value: number): Locator {
		return this.chart('experiences.explore.by_principle').getByText(
			`${this.barName(this.principleLabel(principle), value)} ${text(this.locale, 'common.chart.active')}`,
			{ exact: true }
		);
	}
}

/** /{locale}/experiences/{id}: a published record. */
export class ExperiencePage {
	readonly main: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
	}

	heading(title: string): Locator {
		return this.main.getByRole('heading', { level: 1, name: title, exact: true });
	}

	image(altText: string): Locator {
		return this.main.getByRole('img', { name: altText, exact: true });
	}

	document(title: string): Locator {
		return this.main
			.getByRole('region', { name: text(this.locale, 'experiences.detail.resources') })
			.getByRole('link', { name: title, exact: true });
	}
}
