import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility.ts';
import { text, type Locale } from '../support/i18n.ts';
import { tabTo } from '../support/keyboard.ts';

/** /{locale}/sign-in: e-mail and password, then the home of the person's roles. */
export class SignInPage {
	readonly heading: Locator;
	readonly email: Locator;
	readonly password: Locator;
	readonly submit: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		const main = page.getByRole('main');
		this.heading = main.getByRole('heading', { level: 1, name: text(locale, 'accounts.sign_in.title') });
		this.email = main.getByRole('textbox', { name: text(locale, 'accounts.fields.email') });
		this.password = main.getByRole('textbox', { name: text(locale, 'accounts.fields.password'), exact: true });
		this.submit = main.getByRole('button', { name: text(locale, 'accounts.sign_in.submit') });
	}

	async goto(): Promise<void> {
		const response = await this.page.goto(`/${this.locale}/sign-in`);
		expect(response?.status()).toBe(200);
		await expect(this.page.locator('html')).toHaveAttribute('lang', this.locale);
		await expect(this.heading).toBeVisible();
	}

	/** Signs in with the keyboard only: Tab to the e-mail field, type, Tab, type, Enter. */
	async signInWithKeyboard(email: string, password: string, options: { checkAccessibility?: boolean } = {}): Promise<void> {
		await this.goto();
		if (options.checkAccessibility ?? true) await expectAccessible(this.page);
		await tabTo(this.page, this.email);
		await this.page.keyboard.type(email);
		await this.page.keyboard.press('Tab');
		await expect(this.password).toBeFocused();
		await this.page.keyboard.type(password);
		await this.page.keyboard.press('Enter');
		await expect(this.page).not.toHaveURL(/\/sign-in(\?|$)/);
	}

	/** Signs in by filling the form (for the second person of a journey, whose keyboard use is not the point). */
	async signIn(email: string, password: string): Promise<void> {
		await this.goto();
		await this.email.fill(email);
		await this.password.fill(password);
		await this.submit.click();
		await expect(this.page).not.toHaveURL(/\/sign-in(\?|$)/);
	}
}
