import { expect, type Locator, type Page } from '@playwright/test';
import { text, type Locale } from '../support/i18n.ts';
import { CityFields } from './admin-city.page.ts';

/** /{locale}/cities/{id}: a city's public page. */
export class CityPage {
	readonly main: Locator;
	readonly profile: Locator;
	readonly contacts: Locator;
	readonly editLink: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.profile = this.main.getByRole('region', { name: text(locale, 'members.city.profile') });
		this.contacts = this.main.getByRole('region', { name: text(locale, 'members.contacts.title') });
		this.editLink = this.main.getByRole('link', { name: text(locale, 'members.city.edit'), exact: true });
	}

	async goto(cityId: number): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/cities/${cityId}`);
		expect(response?.status()).toBe(200);
	}

	heading(name: string): Locator {
		return this.main.getByRole('heading', { level: 1, name, exact: true });
	}

	/** A fact of the profile: the <dd> after the <dt> of that label. */
	fact(key: string): Locator {
		return this.profile
			.getByRole('term')
			.filter({ hasText: new RegExp(`^${text(this.locale, key)}$`) })
			.locator('xpath=following-sibling::dd[1]');
	}

	/** The row of a representative in the contacts table, by name. */
	contactRow(name: string): Locator {
		return this.contacts.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
	}
}

/** /{locale}/cities/{id}/edit: the profile form and one form per representative. */
export class CityEditPage {
	readonly main: Locator;
	readonly profile: Locator;
	readonly fields: CityFields;
	readonly saveProfile: Locator;
	readonly contacts: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.profile = this.main.getByRole('region', { name: text(locale, 'members.city.profile') });
		this.fields = new CityFields(this.profile, locale);
		this.saveProfile = this.profile.getByRole('button', { name: text(locale, 'common.actions.save'), exact: true });
		this.contacts = this.main.getByRole('region', { name: text(locale, 'members.contacts.title') });
	}

	async goto(cityId: number): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/cities/${cityId}/edit`);
		expect(response?.status()).toBe(200);
	}

	/** The forms of the recorded representatives (each named after the person; the "add" form is not one of them). */
	contactForms(): Locator {
		return this.contacts
			.getByRole('form')
			.filter({ has: this.page.getByRole('button', { name: text(this.locale, 'members.contacts.remove') }) });
	}

	contactField(
		form: Locator,
		key: 'members.fields.name' | 'members.contacts.position' | 'members.contacts.phone' | 'members.contacts.email'
	): Locator {
		return form.getByRole('textbox', { name: text(this.locale, key), exact: true });
	}

	saved(key: string): Locator {
		return this.main.getByRole('status').filter({ hasText: text(this.locale, key) });
	}
}
