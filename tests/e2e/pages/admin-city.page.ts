import { expect, type Locator, type Page } from '@playwright/test';
import { format, text, type Locale } from '../support/i18n.ts';

/** The form fields of a city (CityFields.svelte), on the new-city and edit pages. */
export class CityFields {
	readonly name: Locator;
	readonly country: Locator;
	readonly population: Locator;
	readonly website: Locator;
	readonly languages: Locator;

	constructor(
		scope: Locator,
		readonly locale: Locale
	) {
		this.name = scope.getByRole('textbox', { name: text(locale, 'members.fields.name'), exact: true });
		this.country = scope.getByRole('combobox', { name: text(locale, 'members.fields.country'), exact: true });
		this.population = scope.getByRole('spinbutton', { name: text(locale, 'members.fields.population'), exact: true });
		this.website = scope.getByRole('textbox', { name: text(locale, 'members.fields.website'), exact: true });
		this.languages = scope.getByRole('textbox', { name: text(locale, 'members.fields.languages'), exact: true });
	}
}

/** A field's error must be said next to it: inside the field's own block and in its accessible description. */
export async function expectFieldError(field: Locator, message: string): Promise<void> {
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
	await expect(field.locator('xpath=..')).toContainText(message);
}

/** /{locale}/admin/cities/new */
export class NewCityPage {
	readonly heading: Locator;
	readonly fields: CityFields;
	readonly status: Locator;
	readonly submit: Locator;
	readonly formError: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		const main = page.getByRole('main');
		this.heading = main.getByRole('heading', { level: 1, name: text(locale, 'members.admin.new_city') });
		this.fields = new CityFields(main, locale);
		this.status = main.getByRole('combobox', { name: text(locale, 'members.fields.status'), exact: true });
		this.submit = main.getByRole('button', { name: text(locale, 'members.admin.create_city') });
		this.formError = main.getByRole('alert').filter({ hasText: text(locale, 'common.errors.validation') });
	}

	async goto(): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/admin/cities/new`);
		expect(response?.status()).toBe(200);
		await expect(this.heading).toBeVisible();
	}
}

/** /{locale}/admin/cities/{id}: status, fees and payments of one city. */
export class MembershipPage {
	readonly main: Locator;
	readonly statusBadge: Locator;
	readonly statusRegion: Locator;
	readonly history: Locator;
	readonly feeForm: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		// The badge is a styled span in the lead paragraph: it has no role of its own.
		this.statusBadge = this.main.locator('p.lead .badge');
		this.statusRegion = this.main.getByRole('region', { name: text(locale, 'members.status.title') });
		this.history = this.statusRegion.getByRole('list');
		this.feeForm = this.main.getByRole('form', { name: text(locale, 'members.fees.new') });
	}

	heading(cityName: string): Locator {
		return this.main.getByRole('heading', { level: 1, name: format(this.locale, 'members.admin.membership_title', { name: cityName }) });
	}

	async goto(cityId: number): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/admin/cities/${cityId}`);
		expect(response?.status()).toBe(200);
	}

	/** The success message of the last action. */
	saved(key: string): Locator {
		return this.main.getByRole('status').filter({ hasText: text(this.locale, key) });
	}

	async expectStatus(status: 'active' | 'in_arrears' | 'candidate', upToDate: boolean): Promise<void> {
		await expect(this.statusBadge).toHaveText(text(this.locale, `members.status.${status}`));
		await expect(this.main.locator('p.lead')).toContainText(
			text(this.locale, upToDate ? 'members.fees.up_to_date' : 'members.fees.not_up_to_date')
		);
	}

	feeYear(): Locator {
		return this.feeForm.getByRole('spinbutton', { name: text(this.locale, 'members.fees.year') });
	}
	feeAmount(): Locator {
		return this.feeForm.getByRole('textbox', { name: text(this.locale, 'members.fees.amount'), exact: true });
	}
	feeDueOn(): Locator {
		return this.feeForm.getByLabel(text(this.locale, 'members.fees.due_on'));
	}
	feeSubmit(): Locator {
		return this.feeForm.getByRole('button', { name: text(this.locale, 'members.fees.create') });
	}

	/** The card of a year's fee, named "Fee {year} · {invoice}". */
	fee(year: number): Locator {
		const name = format(this.locale, 'members.fees.fee_of_year', { year });
		return this.main.getByRole('article', { name: new RegExp(`^${name} · `) });
	}

	/** A fact of a fee card (amount, paid, balance): the <dd> after its <dt>. */
	feeFact(year: number, key: 'members.fees.amount' | 'members.fees.paid' | 'members.fees.balance' | 'members.fees.due_on'): Locator {
		return this.fee(year)
			.getByRole('term')
			.filter({ hasText: new RegExp(`^${text(this.locale, key)}$`) })
			.locator('xpath=following-sibling::dd[1]');
	}

	paymentForm(year: number): Locator {
		return this.main.getByRole('form', { name: format(this.locale, 'members.payments.record_for', { year }) });
	}
	paymentAmount(year: number): Locator {
		return this.paymentForm(year).getByRole('textbox', { name: text(this.locale, 'members.fees.amount'), exact: true });
	}
	paymentSubmit(year: number): Locator {
		return this.paymentForm(year).getByRole('button', { name: text(this.locale, 'members.payments.record') });
	}

	/** A line of the status history, "{date}: {from} → {to} — {reason}". */
	historyEntry(from: string | null, to: string, reasonKey: string): Locator {
		const label = (s: string | null) => (s ? text(this.locale, `members.status.${s}`) : '—');
		return this.history
			.getByRole('listitem')
			.filter({ hasText: `${label(from)} → ${label(to)}` })
			.filter({ hasText: text(this.locale, reasonKey) });
	}
}
