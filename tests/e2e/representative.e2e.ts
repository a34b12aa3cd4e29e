// The political representative of Barcelona, in English, updates the city's profile and one of its
// representatives and sees the changes on the public page; the edit page of another city, the
// secretariat area and the API refuse any change to what is not theirs (403, said clearly).
import { expect, test, type APIRequestContext } from '@playwright/test';
import { CityEditPage, CityPage } from './pages/city.page.ts';
import { expectForbiddenPage } from './pages/error.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { expectAccessible } from './support/accessibility.ts';
import { demoAccounts, demoPassword, uniqueSuffix } from './support/accounts.ts';
import { format, number, text, type Locale } from './support/i18n.ts';
import { tabTo } from './support/keyboard.ts';

const en = 'en' as const;

interface ApiCity {
	id: number;
	name: string;
	country: string;
	population: number;
	website: string | null;
	version: number;
}

async function findCityId(request: APIRequestContext, name: string, countryCode: string): Promise<number> {
	const response = await request.get(`/api/v1/cities?q=${encodeURIComponent(name)}&country=${countryCode}`);
	expect(response.status()).toBe(200);
	const { items } = (await response.json()) as { items: ApiCity[] };
	const city = items.find((c) => c.name === name);
	expect(city, `${name} (${countryCode}) in the demo data`).toBeDefined();
	return city!.id;
}

async function readCity(request: APIRequestContext, id: number): Promise<ApiCity> {
	const response = await request.get(`/api/v1/cities/${id}`);
	expect(response.status()).toBe(200);
	return (await response.json()) as ApiCity;
}

test('the representative of Barcelona edits their city, and nothing else, in English', async ({ page, browser, baseURL }) => {
	const suffix = uniqueSuffix();
	const website = `https://www.barcelona-${suffix}.example`;
	// A population nobody else would type, so that seeing it proves this run saved it.
	const population = 1_600_000 + Math.floor(Math.random() * 100_000);
	const position = `Councillor for Education ${suffix}`;
	const cityPage = new CityPage(page, en);
	const edit = new CityEditPage(page, en);
	let barcelonaId = 0;
	let contactName = '';

	await test.step('signs in with the keyboard and opens the edit page from their area', async () => {
		await new SignInPage(page, en).signInWithKeyboard(demoAccounts.representative, demoPassword);
		await expect(page).toHaveURL(/\/en\/my$/);
		await expectAccessible(page);
		await tabTo(page, page.getByRole('main').getByRole('link', { name: format(en, 'accounts.my.edit_city', { city: 'Barcelona' }) }));
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/en\/cities\/\d+\/edit$/);
		barcelonaId = Number(/\/cities\/(\d+)\/edit/.exec(page.url())![1]);
		await expect(page.getByRole('heading', { level: 1, name: format(en, 'members.city.edit_title', { name: 'Barcelona' }) })).toBeVisible();
		await expectAccessible(page);
	});

	await test.step('changes the population and the website, and saves with the keyboard', async () => {
		await edit.fields.population.fill(String(population));
		await edit.fields.website.fill(website);
		await edit.fields.population.focus();
		await tabTo(page, edit.saveProfile, 60);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`/en/cities/${barcelonaId}\\?saved=1$`));
	});

	await test.step('the public page shows the new population and website', async () => {
		await expect(cityPage.heading('Barcelona')).toBeVisible();
		await expect(cityPage.fact('members.fields.population')).toHaveText(number(en, population));
		await expect(cityPage.fact('members.fields.website').getByRole('link', { name: website })).toHaveAttribute('href', website);
		await expectAccessible(page);
	});

	await test.step('updates the position and phone of one of the representatives', async () => {
		await tabTo(page, cityPage.editLink);
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`/en/cities/${barcelonaId}/edit$`));
		const contact = edit.contactForms().first();
		contactName = await edit.contactField(contact, 'members.fields.name').inputValue();
		expect(contactName).not.toBe('');
		const named = edit.contacts.getByRole('form', { name: contactName, exact: true });
		await edit.contactField(named, 'members.contacts.position').fill(position);
		await edit.contactField(named, 'members.contacts.phone').fill('+34 93 402 70 00');
		await named.getByRole('button', { name: text(en, 'common.actions.save'), exact: true }).click();
		await expect(edit.saved('members.contacts.updated')).toBeVisible();
		await expect(edit.contactField(named, 'members.contacts.position')).toHaveValue(position);
		await expectAccessible(page);
	});

	await test.step('the city page lists the representative with the new position', async () => {
		await cityPage.goto(barcelonaId);
		const row = cityPage.contactRow(contactName);
		await expect(row).toContainText(position);
		await expect(row).toContainText('+34 93 402 70 00');
		await expectAccessible(page);
	});

	await test.step('a visitor who is not signed in sees the new profile, but not the representatives', async () => {
		const visitorContext = await browser.newContext({ baseURL });
		try {
			const visitor = new CityPage(await visitorContext.newPage(), en);
			await visitor.goto(barcelonaId);
			await expect(visitor.fact('members.fields.population')).toHaveText(number(en, population));
			await expect(visitor.fact('members.fields.website')).toHaveText(website);
			await expect(visitor.contacts).toHaveCount(0);
			await expect(visitor.editLink).toHaveCount(0);
		} finally {
			await visitorContext.close();
		}
	});

	const lisbonId = await findCityId(page.request, 'Lisbon', 'PT');

	await test.step("another city's public page offers no edit link, and its edit page answers 403 with a clear message", async () => {
		await cityPage.goto(lisbonId);
		await expect(cityPage.heading('Lisbon')).toBeVisible();
		await expect(cityPage.editLink).toHaveCount(0);
		const response = await page.goto(`/en/cities/${lisbonId}/edit`);
		await expectForbiddenPage(page, response, en);
		await expectAccessible(page);
	});

	await test.step('the secretariat area answers 403 too, even for their own city', async () => {
		await expectForbiddenPage(page, await page.goto('/en/admin'), en);
		await expectAccessible(page);
		await expectForbiddenPage(page, await page.goto(`/en/admin/cities/${barcelonaId}`), en);
	});

	await test.step("the API refuses to change another city with the representative's session: 403 problem+json", async () => {
		const before = await readCity(page.request, lisbonId);
		const refused = await page.request.patch(`/api/v1/cities/${lisbonId}`, { data: { population: 1, version: before.version } });
		expect(refused.status()).toBe(403);
		expect(refused.headers()['content-type']).toMatch(/^application\/problem\+json/);
		const problem = (await refused.json()) as { status: number; code: string; title: string; detail: string };
		const language = (refused.headers()['content-language'] ?? 'es') as Locale;
		expect(problem).toMatchObject({
			status: 403,
			code: 'common.errors.forbidden',
			title: 'Forbidden',
			detail: text(language, 'common.errors.forbidden')
		});
		const after = await readCity(page.request, lisbonId);
		expect(after).toEqual(before);

		// The same session may change its own city through the API: the refusal above is about the city, not a missing session.
		const own = await readCity(page.request, barcelonaId);
		expect(own.population).toBe(population);
		const accepted = await page.request.patch(`/api/v1/cities/${barcelonaId}`, {
			data: { population: population + 1, version: own.version }
		});
		expect(accepted.status()).toBe(200);
		expect(((await accepted.json()) as ApiCity).population).toBe(population + 1);
	});
});
