// The secretariat, in Spanish, registers a new member city, invoices its fee for this year with a due
// date already past (the city falls into arrears), then records the payment in two instalments (the
// city is active again). The same work is done once more in a browser without JavaScript, where every
// form posts and the page is rendered by the server. Each page is checked with axe.
import { expect, test, type Page } from '@playwright/test';
import { CityFields, expectFieldError, MembershipPage, NewCityPage } from './pages/admin-city.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { expectAccessible, expectAccessibleWithoutJavaScript } from './support/accessibility.ts';
import { demoAccounts, demoPassword, isoDay, uniqueSuffix } from './support/accounts.ts';
import { country, format, loosely, money, text } from './support/i18n.ts';
import { tabTo } from './support/keyboard.ts';

const es = 'es' as const;
const year = Number(isoDay().slice(0, 4));
// Yesterday is past whatever the day: the fee is overdue as soon as it exists.
const pastDueDate = isoDay(-1);

/**
 * Fills the new-city form with an invalid population (larger than the server accepts, which the
 * browser lets through) and a web address in a protocol the server refuses, submits it, and checks
 * that each error is said next to its field in Spanish and that everything typed is still there.
 */
async function submitInvalidCity(page: Page, cityName: string, suffix: string): Promise<CityFields> {
	const form = new NewCityPage(page, es);
	const fields = form.fields;
	await fields.name.fill(cityName);
	await fields.country.selectOption({ label: country(es, 'ES') });
	await fields.population.fill('70000000');
	await fields.website.fill(`ftp://ciudad-${suffix}.example`);
	await fields.languages.fill('es, ca');
	await expect(form.status).toHaveValue('active');
	await form.submit.click();

	await expect(form.formError).toBeVisible();
	await expectFieldError(fields.population, text(es, 'common.validation.too_big'));
	await expectFieldError(fields.website, text(es, 'members.validation.website'));
	await expect(fields.name).not.toHaveAttribute('aria-invalid', 'true');
	// What was typed is kept, the wrong values included, so the person corrects rather than retypes.
	await expect(fields.name).toHaveValue(cityName);
	await expect(fields.country).toHaveValue('ES');
	await expect(fields.population).toHaveValue('70000000');
	await expect(fields.website).toHaveValue(`ftp://ciudad-${suffix}.example`);
	await expect(fields.languages).toHaveValue('es, ca');
	await expect(page).toHaveURL(/\/es\/admin\/cities\/new$/);
	return fields;
}

/** Corrects the two fields and creates the city; returns its id from the membership page's address. */
async function correctAndCreate(page: Page, fields: CityFields, suffix: string): Promise<number> {
	await fields.population.fill('254000');
	await fields.website.fill(`https://ciudad-${suffix}.example`);
	// Enter in a field submits the form, as it does for anyone using the keyboard.
	await fields.website.press('Enter');
	await expect(page).toHaveURL(/\/es\/admin\/cities\/\d+\?created=1$/);
	return Number(/\/admin\/cities\/(\d+)/.exec(page.url())![1]);
}

async function createOverdueFee(membership: MembershipPage, amount: string): Promise<void> {
	await expect(membership.feeYear()).toHaveValue(String(year));
	await membership.feeAmount().fill(amount);
	await membership.feeDueOn().fill(pastDueDate);
	await membership.feeSubmit().click();
	await expect(membership.saved('members.fees.created')).toBeVisible();
	await expect(membership.fee(year)).toBeVisible();
}

test.describe('the secretariat manages a membership in Spanish', () => {
	test('creates a city, invoices an overdue fee and records it paid in two instalments', async ({ page }) => {
		const suffix = uniqueSuffix();
		const cityName = `Ciudad Educadora E2E ${suffix}`;
		const membership = new MembershipPage(page, es);
		let cityId = 0;

		await test.step('signs in with the keyboard and lands in the secretariat area', async () => {
			await new SignInPage(page, es).signInWithKeyboard(demoAccounts.secretariat, demoPassword);
			await expect(page).toHaveURL(/\/es\/admin$/);
			await expectAccessible(page);
		});

		await test.step('opens the new-city form from the list of cities', async () => {
			const response = await page.goto('/es/admin/cities');
			expect(response?.status()).toBe(200);
			await expect(page.getByRole('heading', { level: 1, name: text(es, 'members.admin.cities_title') })).toBeVisible();
			await expectAccessible(page);
			await tabTo(page, page.getByRole('main').getByRole('link', { name: text(es, 'members.admin.new_city') }));
			await page.keyboard.press('Enter');
			await expect(page).toHaveURL(/\/es\/admin\/cities\/new$/);
			await expect(new NewCityPage(page, es).heading).toBeVisible();
			await expectAccessible(page);
		});

		await test.step('an invalid population and web address are refused next to their fields, keeping what was typed', async () => {
			await submitInvalidCity(page, cityName, suffix);
			await expectAccessible(page);
		});

		await test.step('once corrected, the city is created active and up to date', async () => {
			cityId = await correctAndCreate(page, new NewCityPage(page, es).fields, suffix);
			await expect(membership.heading(cityName)).toBeVisible();
			await expect(membership.saved('members.city.created')).toBeVisible();
			await membership.expectStatus('active', true);
			await expect(membership.historyEntry(null, 'active', 'members.status.reason_created')).toBeVisible();
			await expect(page.getByRole('main').getByText(text(es, 'members.fees.none'))).toBeVisible();
			await expectAccessible(page);
		});

		await test.step('a fee for this year, due yesterday, puts the city in arrears', async () => {
			await createOverdueFee(membership, '1.000,00');
			await membership.expectStatus('in_arrears', false);
			await expect(membership.feeFact(year, 'members.fees.amount')).toHaveText(loosely(money(es, 100_000)));
			await expect(membership.feeFact(year, 'members.fees.balance')).toHaveText(loosely(money(es, 100_000)));
			await expect(membership.historyEntry('active', 'in_arrears', 'members.status.reason_fee_overdue')).toBeVisible();
			await expectAccessible(page);
		});

		await test.step('a partial payment, typed and sent with the keyboard, leaves it in arrears with the balance shown', async () => {
			await membership.paymentAmount(year).focus();
			await page.keyboard.type('400,00');
			await tabTo(page, membership.paymentSubmit(year));
			await page.keyboard.press('Enter');
			await expect(membership.saved('members.payments.recorded_partial')).toBeVisible();
			await membership.expectStatus('in_arrears', false);
			await expect(membership.feeFact(year, 'members.fees.paid')).toHaveText(loosely(money(es, 40_000)));
			await expect(membership.feeFact(year, 'members.fees.balance')).toHaveText(loosely(money(es, 60_000)));
			await expect(membership.paymentAmount(year)).toHaveAccessibleDescription(
				loosely(format(es, 'members.payments.amount_hint', { balance: money(es, 60_000) }))
			);
			const payments = membership.fee(year).getByRole('table', { name: text(es, 'members.payments.title') });
			await expect(payments.getByRole('row')).toHaveCount(2);
			await expect(payments.getByRole('row').nth(1)).toContainText(text(es, 'members.payments.method_bank_transfer'));
			await expectAccessible(page);
		});

		await test.step('paying the rest makes it active again, and the history shows both changes', async () => {
			await membership.paymentAmount(year).fill('600,00');
			await membership.paymentSubmit(year).click();
			await expect(membership.saved('members.payments.recorded_full')).toBeVisible();
			await membership.expectStatus('active', true);
			await expect(membership.feeFact(year, 'members.fees.balance')).toHaveText(loosely(money(es, 0)));
			await expect(membership.paymentForm(year)).toHaveCount(0);
			await expect(membership.historyEntry('active', 'in_arrears', 'members.status.reason_fee_overdue')).toBeVisible();
			await expect(membership.historyEntry('in_arrears', 'active', 'members.status.reason_fees_paid')).toBeVisible();
			await expectAccessible(page);
		});

		await test.step('the public page shows the new city as active', async () => {
			const response = await page.goto(`/es/cities/${cityId}`);
			expect(response?.status()).toBe(200);
			await expect(page.getByRole('heading', { level: 1, name: cityName })).toBeVisible();
			await expect(page.getByRole('main').getByRole('link', { name: `https://ciudad-${suffix}.example` })).toBeVisible();
			await expectAccessible(page);
		});
	});

	test('the same forms work in a browser without JavaScript', async ({ browser, baseURL }) => {
		const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'es-ES' });
		try {
			const page = await context.newPage();
			const suffix = uniqueSuffix();
			const cityName = `Ciudad sin JavaScript ${suffix}`;
			const membership = new MembershipPage(page, es);

			await test.step('signs in and opens the new-city form', async () => {
				await new SignInPage(page, es).signIn(demoAccounts.secretariat, demoPassword);
				await expect(page).toHaveURL(/\/es\/admin$/);
				await new NewCityPage(page, es).goto();
				await expectAccessibleWithoutJavaScript(page);
			});

			await test.step('the server answers an invalid form with the errors next to the fields and the values kept', async () => {
				await submitInvalidCity(page, cityName, suffix);
				await expectAccessibleWithoutJavaScript(page);
			});

			await test.step('the corrected city is created', async () => {
				await correctAndCreate(page, new NewCityPage(page, es).fields, suffix);
				await expect(membership.heading(cityName)).toBeVisible();
				await expect(membership.saved('members.city.created')).toBeVisible();
				await membership.expectStatus('active', true);
				await expectAccessibleWithoutJavaScript(page);
			});

			await test.step('an overdue fee puts it in arrears, paying it in full makes it active again', async () => {
				await createOverdueFee(membership, '750');
				await membership.expectStatus('in_arrears', false);
				await expect(membership.feeFact(year, 'members.fees.balance')).toHaveText(loosely(money(es, 75_000)));
				await membership.paymentAmount(year).fill('750');
				await membership.paymentSubmit(year).click();
				await expect(membership.saved('members.payments.recorded_full')).toBeVisible();
				await membership.expectStatus('active', true);
				await expect(membership.historyEntry('active', 'in_arrears', 'members.status.reason_fee_overdue')).toBeVisible();
				await expect(membership.historyEntry('in_arrears', 'active', 'members.status.reason_fees_paid')).toBeVisible();
				await expectAccessibleWithoutJavaScript(page);
			});
		} finally {
			await context.close();
		}
	});
});
