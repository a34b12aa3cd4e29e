// A visitor browses the member cities in French, finds one by typing its name without accents, and
// switches to Portuguese on the city's page. Every page is checked with axe and by keyboard.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { readFixtures } from './support/fixtures.ts';
import { text } from './support/i18n.ts';
import { expectSkipLinkFirst, tabTo } from './support/keyboard.ts';

test('a visitor finds a city in French and reads it in Portuguese', async ({ page }) => {
	const { accentedCity } = readFixtures();

	await test.step('the list of member cities is in French', async () => {
		const response = await page.goto('/fr/cities');
		expect(response?.status()).toBe(200);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('heading', { level: 1, name: text('fr', 'members.cities.title') })).toBeVisible();
		await expect(page.getByRole('navigation', { name: text('fr', 'common.nav.language') })).toBeVisible();
		await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
		await expectSkipLinkFirst(page, text('fr', 'common.nav.skip_to_content'));
		await expectAccessible(page);
	});

	await test.step('searching "sao paulo" with the keyboard finds São Paulo', async () => {
		const search = page.getByRole('searchbox', { name: text('fr', 'members.cities.search_name') });
		await tabTo(page, search);
		await page.keyboard.type(accentedCity.query);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/fr\/cities\?(.*&)?q=sao\+paulo/);
		await expect(search).toHaveValue(accentedCity.query);
		const results = page.getByRole('table');
		const cityLink = results.getByRole('link', { name: accentedCity.name, exact: true });
		await expect(cityLink).toBeVisible();
		// Only names that match: every row's city name folds to the query.
		const names = await results.locator('tbody th[scope="row"]').allInnerTexts();
		expect(names.length).toBeGreaterThan(0);
		for (const name of names) {
			expect(
				name
					.normalize('NFD')
					.replace(/\p{Diacritic}/gu, '')
					.toLowerCase()
			).toContain(accentedCity.query);
		}
		await expectAccessible(page);
		await tabTo(page, cityLink);
		await page.keyboard.press('Enter');
	});

	await test.step("the city's page opens in French", async () => {
		await expect(page).toHaveURL(new RegExp(`/fr/cities/${accentedCity.id}$`));
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('heading', { level: 1, name: accentedCity.name })).toBeVisible();
		const breadcrumbs = page.getByRole('navigation', { name: text('fr', 'common.nav.breadcrumbs') });
		await expect(breadcrumbs.getByRole('link', { name: text('fr', 'common.nav.cities') })).toHaveAttribute('href', '/fr/cities');
		await expectSkipLinkFirst(page, text('fr', 'common.nav.skip_to_content'));
		await expectAccessible(page);
	});

	await test.step('switching to Portuguese stays on the same city', async () => {
		const languages = page.getByRole('navigation', { name: text('fr', 'common.nav.language') });
		const portuguese = languages.getByRole('link', { name: 'Português' });
		await tabTo(page, portuguese);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`/pt/cities/${accentedCity.id}$`));
		await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
		await expect(page.getByRole('heading', { level: 1, name: accentedCity.name })).toBeVisible();
		await expect(
			page.getByRole('navigation', { name: text('pt', 'common.nav.language') }).getByRole('link', { name: 'Português' })
		).toHaveAttribute('aria-current', 'true');
		await expect(page.getByRole('link', { name: text('pt', 'common.nav.cities') }).first()).toBeVisible();
		await expectSkipLinkFirst(page, text('pt', 'common.nav.skip_to_content'));
		await expectAccessible(page);
	});
});
