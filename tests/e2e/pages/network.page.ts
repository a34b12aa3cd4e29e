import { expect, type Locator, type Page } from '@playwright/test';
import { format, text, type Locale } from '../support/i18n.ts';

/** /{locale}/networks/{id}: a network's public page with its member cities. */
export class NetworkPage {
	readonly main: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
	}

	async goto(networkId: number): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/networks/${networkId}`);
		expect(response?.status()).toBe(200);
	}

	heading(name: string): Locator {
		return this.main.getByRole('heading', { level: 1, name, exact: true });
	}

	/** The table of member cities, named by its caption. */
	members(networkName: string): Locator {
		return this.main.getByRole('table', { name: format(this.locale, 'networks.network.members_caption', { name: networkName }) });
	}

	/** The link to a member city's page in that table (by id: names are not unique across countries). */
	memberLink(networkName: string, cityId: number): Locator {
		return this.members(networkName).locator(`a[href="/${this.locale}/cities/${cityId}"]`);
	}
}

/** /{locale}/my/networks/{id}: a coordinator's page to add, re-role and remove member cities. */
export class NetworkManagementPage {
	readonly main: Locator;
	readonly addForm: Locator;
	readonly city: Locator;
	readonly role: Locator;
	readonly add: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.addForm = this.main.getByRole('region', { name: text(locale, 'networks.manage.add_title') });
		this.city = this.addForm.getByRole('combobox', { name: text(locale, 'networks.fields.city'), exact: true });
		this.role = this.addForm.getByRole('combobox', { name: text(locale, 'networks.fields.role'), exact: true });
		this.add = this.addForm.getByRole('button', { name: text(locale, 'networks.manage.add') });
	}

	heading(networkName: string): Locator {
		return this.main.getByRole('heading', { level: 1, name: format(this.locale, 'networks.manage.title', { name: networkName }) });
	}

	/** The cities the select offers, as [id, label] pairs (the empty first choice left out). */
	async candidates(): Promise<{ id: number; label: string }[]> {
		const options = await this.city
			.locator('option')
			.evaluateAll((nodes) => nodes.map((n) => [(n as HTMLOptionElement).value, n.textContent ?? ''] as const));
		return options.filter(([value]) => value !== '').map(([value, label]) => ({ id: Number(value), label: label.trim() }));
	}

	saved(key: string): Locator {
		return this.main.getByRole('status').filter({ hasText: text(this.locale, key) });
	}

	memberRow(cityName: string): Locator {
		return this.main.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: cityName, exact: true }) });
	}
}
