import { expect, type Locator, type Page } from '@playwright/test';
import { text, type Locale } from '../support/i18n.ts';

/** /{locale}/admin/accounts/new: an administrator creates an account with its first role. */
export class NewAccountPage {
	readonly main: Locator;
	readonly name: Locator;
	readonly email: Locator;
	readonly language: Locator;
	readonly role: Locator;
	readonly city: Locator;
	readonly kind: Locator;
	readonly submit: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.name = this.main.getByRole('textbox', { name: text(locale, 'accounts.fields.name'), exact: true });
		this.email = this.main.getByRole('textbox', { name: text(locale, 'accounts.fields.email'), exact: true });
		this.language = this.main.getByRole('combobox', { name: text(locale, 'accounts.fields.language'), exact: true });
		this.role = this.main.getByRole('combobox', { name: text(locale, 'accounts.fields.role'), exact: true });
		this.city = this.main.getByRole('combobox', { name: text(locale, 'accounts.fields.city'), exact: true });
		this.kind = this.main.getByRole('combobox', { name: text(locale, 'accounts.fields.kind'), exact: true });
		this.submit = this.main.getByRole('button', { name: text(locale, 'accounts.admin.create') });
	}

	async goto(): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/admin/accounts/new`);
		expect(response?.status()).toBe(200);
		await expect(this.main.getByRole('heading', { level: 1, name: text(this.locale, 'accounts.admin.new') })).toBeVisible();
	}
}

/** /{locale}/admin/outbox: every e-mail the platform wrote, newest first (administrators only). */
export class OutboxPage {
	readonly main: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
	}

	async goto(): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/admin/outbox`);
		expect(response?.status()).toBe(200);
		await expect(this.main.getByRole('heading', { level: 1, name: text(this.locale, 'admin.outbox.title') })).toBeVisible();
	}

	/** The messages with this subject sent to this address, newest first. */
	messages(to: string, subject: string): Locator {
		return this.main
			.getByRole('article', { name: subject, exact: true })
			.filter({ has: this.page.getByRole('definition').filter({ hasText: new RegExp(`^${to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
	}
}

/** /{locale}/reset-password?token=…: choose a new password, twice. */
export class ResetPasswordPage {
	readonly main: Locator;
	readonly heading: Locator;
	readonly password: Locator;
	readonly confirm: Locator;
	readonly submit: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.heading = this.main.getByRole('heading', { level: 1, name: text(locale, 'accounts.reset.title') });
		this.password = this.main.getByRole('textbox', { name: text(locale, 'accounts.fields.new_password'), exact: true });
		this.confirm = this.main.getByRole('textbox', { name: text(locale, 'accounts.fields.confirm_password'), exact: true });
		this.submit = this.main.getByRole('button', { name: text(locale, 'accounts.reset.submit') });
	}
}
