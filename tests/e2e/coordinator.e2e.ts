// The coordinator of the Portuguese network, in Portuguese, adds a member city to the network and sees
// it in the public list of members; the coordinator of the Spanish network can neither open the
// Portuguese network's management page nor post a membership change to it (403, nothing changes).
import { expect, test } from '@playwright/test';
import { expectForbiddenPage } from './pages/error.page.ts';
import { NetworkManagementPage, NetworkPage } from './pages/network.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { expectAccessible } from './support/accessibility.ts';
import { demoAccounts, demoNetworkName, demoPassword } from './support/accounts.ts';
import { country, format, text } from './support/i18n.ts';
import { tabTo } from './support/keyboard.ts';

const pt = 'pt' as const;
const portugueseNetwork = demoNetworkName('portuguese-network', pt);
const spanishNetwork = demoNetworkName('spanish-network', pt);

test('a network coordinator manages their network, and only theirs, in Portuguese', async ({ page, browser, baseURL }) => {
	const manage = new NetworkManagementPage(page, pt);
	const publicPage = new NetworkPage(page, pt);
	let networkId = 0;
	let added = { id: 0, name: '' };
	let refused = { id: 0, name: '' };

	await test.step('signs in with the keyboard and opens the management page from their area', async () => {
		await new SignInPage(page, pt).signInWithKeyboard(demoAccounts.coordinator, demoPassword);
		await expect(page).toHaveURL(/\/pt\/my$/);
		await expectAccessible(page);
		await tabTo(
			page,
			page.getByRole('main').getByRole('link', { name: format(pt, 'accounts.my.manage_network', { network: portugueseNetwork }) })
		);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/pt\/my\/networks\/\d+$/);
		networkId = Number(/\/my\/networks\/(\d+)/.exec(page.url())![1]);
		await expect(manage.heading(portugueseNetwork)).toBeVisible();
		await expectAccessible(page);
	});

	await test.step('adds a Spanish member city, chosen in the select, and sends the form with the keyboard', async () => {
		// Every Portuguese member city is in the network already: the candidates come from other countries.
		const spanish = (await manage.candidates()).filter((c) => c.label.endsWith(`(${country(pt, 'ES')})`));
		expect(spanish.length, 'Spanish member cities not yet in the Portuguese network').toBeGreaterThanOrEqual(2);
		const name = (label: string) => label.slice(0, label.lastIndexOf(' ('));
		added = { id: spanish[0].id, name: name(spanish[0].label) };
		refused = { id: spanish[1].id, name: name(spanish[1].label) };

		await tabTo(page, manage.city);
		await manage.city.selectOption(String(added.id));
		await page.keyboard.press('Tab');
		await expect(manage.role).toBeFocused();
		await expect(manage.role).toHaveValue('member');
		await page.keyboard.press('Tab');
		await expect(manage.add).toBeFocused();
		await page.keyboard.press('Enter');

		await expect(manage.saved('networks.manage.added')).toBeVisible();
		await expect(manage.memberRow(added.name)).toContainText(text(pt, 'networks.roles.member'));
		// The city has left the list of candidates.
		expect((await manage.candidates()).map((c) => c.id)).not.toContain(added.id);
		await expectAccessible(page);
	});

	await test.step('the public page of the network lists the new member', async () => {
		await publicPage.goto(networkId);
		await expect(publicPage.heading(portugueseNetwork)).toBeVisible();
		await expect(publicPage.memberLink(portugueseNetwork, added.id)).toHaveText(added.name);
		await expect(publicPage.memberLink(portugueseNetwork, refused.id)).toHaveCount(0);
		await expectAccessible(page);
	});

	await test.step('the coordinator of the Spanish network cannot open the Portuguese network’s management page', async () => {
		const otherContext = await browser.newContext({ baseURL });
		try {
			const other = await otherContext.newPage();
			await new SignInPage(other, pt).signIn(demoAccounts.coordinator2, demoPassword);
			await expect(other).toHaveURL(/\/pt\/my$/);
			// Their own network is theirs to manage; the Portuguese one is not offered.
			const mine = other.getByRole('main');
			await expect(mine.getByRole('link', { name: format(pt, 'accounts.my.manage_network', { network: spanishNetwork }) })).toBeVisible();
			await expect(mine.getByRole('link', { name: format(pt, 'accounts.my.manage_network', { network: portugueseNetwork }) })).toHaveCount(
				0
			);

			await expectForbiddenPage(other, await other.goto(`/pt/my/networks/${networkId}`), pt);
			await expectAccessible(other);

			await test.step('and every membership change they post to it is refused', async () => {
				// As a browser without JavaScript posts the forms: same origin (so that SvelteKit's
				// cross-site check passes and the refusal is the application's), asking for HTML.
				const headers = { origin: baseURL!, accept: 'text/html' };
				const attempts: { action: string; form: Record<string, string> }[] = [
					{ action: 'add', form: { cityId: String(refused.id), role: 'member' } },
					{ action: 'role', form: { cityId: String(added.id), role: 'coordinator' } },
					{ action: 'remove', form: { cityId: String(added.id) } }
				];
				for (const { action, form } of attempts) {
					const response = await other.request.post(`/pt/my/networks/${networkId}?/${action}`, { form, headers, maxRedirects: 0 });
					expect(response.status(), `POST ?/${action}`).toBe(403);
					expect(await response.text(), `POST ?/${action} is refused by the application`).toContain(text(pt, 'common.errors.forbidden'));
				}
			});
		} finally {
			await otherContext.close();
		}
	});

	await test.step('nothing has changed in the Portuguese network', async () => {
		await publicPage.goto(networkId);
		await expect(publicPage.memberLink(portugueseNetwork, added.id)).toHaveText(added.name);
		await expect(
			publicPage
				.members(portugueseNetwork)
				.getByRole('row')
				.filter({ has: page.locator(`a[href="/pt/cities/${added.id}"]`) })
		).toContainText(text(pt, 'networks.roles.member'));
		await expect(publicPage.memberLink(portugueseNetwork, refused.id)).toHaveCount(0);
	});
});
