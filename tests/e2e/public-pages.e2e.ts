// The other public pages a visitor meets — home, map (world and Europe), networks and a network, the
// open-data links — in Spanish, each checked with axe and used with the keyboard.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { text } from './support/i18n.ts';
import { expectSkipLinkFirst, tabTo } from './support/keyboard.ts';

const es = 'es' as const;

test('a visitor reads the home page, the map and the networks in Spanish', async ({ page, request }) => {
	await test.step('the home page gives the figures and a table by region', async () => {
		const response = await page.goto('/es');
		expect(response?.status()).toBe(200);
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		await expect(page.getByRole('heading', { level: 1, name: text(es, 'home.page.title') })).toBeVisible();
		await expect(page.getByRole('table')).toContainText(text(es, 'members.regions.europe'));
		await expectSkipLinkFirst(page, text(es, 'common.nav.skip_to_content'));
		await expectAccessible(page);
	});

	await test.step('the map is reached with the keyboard, with the same figures as a table', async () => {
		const nav = page.getByRole('navigation', { name: text(es, 'common.nav.main') });
		await tabTo(page, nav.getByRole('link', { name: text(es, 'common.nav.map') }));
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/es\/map$/);
		await expect(page.getByRole('heading', { level: 1, name: text(es, 'members.map.title') })).toBeVisible();
		await expect(page.getByRole('group', { name: text(es, 'members.map.svg_title') })).toBeVisible();
		await expect(page.getByRole('heading', { level: 2, name: text(es, 'members.map.by_country') })).toBeVisible();
		await expectAccessible(page);
		const europe = page.getByRole('link', { name: text(es, 'members.map.view_europe') });
		await tabTo(page, europe);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/es\/map\?view=europe$/);
		await expect(europe).toHaveAttribute('aria-current', 'page');
		await expectAccessible(page);
	});

	await test.step('the networks list leads to a network page with its members', async () => {
		await page.goto('/es/networks');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectAccessible(page);
		// The first link to a network's own page (the list also has in-page links to each kind).
		const firstNetwork = page.getByRole('main').locator('a[href^="/es/networks/"]').first();
		await tabTo(page, firstNetwork);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/es\/networks\/\d+$/);
		await expect(page.getByRole('table')).toBeVisible();
		await expectAccessible(page);
	});

	await test.step('the open data links answer with CSV and the OpenAPI document', async () => {
		const csv = await request.get('/api/v1/cities.csv?country=ES');
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toContain('text/csv');
		expect((await csv.text()).split('\r\n')[0]).toContain('name,country');
		const openapi = await request.get('/api/v1/openapi.json');
		const document = await openapi.json();
		expect(document.openapi).toBe('3.1.0');
		expect(Object.keys(document.paths)).toEqual(
			expect.arrayContaining(['/api/v1/cities', '/api/v1/cities/{id}', '/api/v1/networks', '/api/v1/networks/{id}'])
		);
	});
});
