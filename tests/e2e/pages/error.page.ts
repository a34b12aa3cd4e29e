import { expect, type Page, type Response } from '@playwright/test';
import { text, type Locale } from '../support/i18n.ts';

/** The error page a refused request shows: its status, heading and message in the visitor's language. */
export async function expectForbiddenPage(page: Page, response: Response | null, locale: Locale): Promise<void> {
	expect(response?.status(), `status of ${page.url()}`).toBe(403);
	const main = page.getByRole('main');
	await expect(main.getByRole('heading', { level: 1, name: text(locale, 'common.errors.forbidden_title') })).toBeVisible();
	await expect(main.getByText(text(locale, 'common.errors.forbidden'), { exact: true })).toBeVisible();
	await expect(main.getByRole('link', { name: text(locale, 'common.errors.back_home') })).toHaveAttribute('href', `/${locale}`);
}
