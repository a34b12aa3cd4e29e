// A person with a French account forgets their password: they ask for a link in French, the
// administrator reads the e-mail in the outbox (no mail server here), the person opens the link,
// chooses a new password and signs in with it. The account is created for this run by the
// administrator, so that no other journey's sign-in is affected.
import { expect, test } from '@playwright/test';
import { NewAccountPage, OutboxPage, ResetPasswordPage } from './pages/accounts.page.ts';
import { SignInPage } from './pages/sign-in.page.ts';
import { expectFieldError } from './pages/admin-city.page.ts';
import { expectAccessible } from './support/accessibility.ts';
import { demoAccounts, demoPassword, uniqueSuffix } from './support/accounts.ts';
import { country, format, text } from './support/i18n.ts';
import { tabTo } from './support/keyboard.ts';

const fr = 'fr' as const;

test('a forgotten password is replaced through the e-mailed link, in French', async ({ page, browser, baseURL }) => {
	const suffix = uniqueSuffix();
	const name = `Camille Durand ${suffix}`;
	const email = `camille.durand.${suffix}@example.org`;
	const newPassword = `une phrase facile à retenir ${suffix}`;
	const person = await (await browser.newContext({ baseURL, locale: 'fr-FR' })).newPage();
	const outbox = new OutboxPage(page, fr);
	let link = '';
	let invitationLink = '';

	try {
		await test.step('the administrator creates a French account for a representative of a French city', async () => {
			await new SignInPage(page, fr).signInWithKeyboard(demoAccounts.administrator, demoPassword);
			await expect(page).toHaveURL(/\/fr\/admin$/);
			const form = new NewAccountPage(page, fr);
			await form.goto();
			await expectAccessible(page);
			await form.name.fill(name);
			await form.email.fill(email);
			await form.language.selectOption({ label: 'Français' });
			await form.role.selectOption('city_representative');
			const cities = await form.city
				.locator('option')
				.evaluateAll((nodes) => nodes.map((n) => [(n as HTMLOptionElement).value, n.textContent ?? ''] as const));
			const french = cities.find(([value, label]) => value !== '' && label.trim().endsWith(`(${country(fr, 'FR')})`));
			expect(french, 'a French member city to represent').toBeDefined();
			await form.city.selectOption(french![0]);
			await form.kind.selectOption('technical');
			await form.submit.click();
			await expect(page).toHaveURL(/\/fr\/admin\/accounts\?created=1$/);
			await expect(
				page
					.getByRole('main')
					.getByRole('status')
					.filter({ hasText: text(fr, 'accounts.admin.created') })
			).toBeVisible();
			await expectAccessible(page);
		});

		await test.step('the person asks for a link on the forgotten-password page, with the keyboard', async () => {
			await new SignInPage(person, fr).goto();
			await tabTo(person, person.getByRole('main').getByRole('link', { name: text(fr, 'accounts.sign_in.forgot') }));
			await person.keyboard.press('Enter');
			await expect(person).toHaveURL(/\/fr\/forgot-password$/);
			await expect(person.getByRole('heading', { level: 1, name: text(fr, 'accounts.forgot.title') })).toBeVisible();
			await expectAccessible(person);
			await tabTo(person, person.getByRole('main').getByRole('textbox', { name: text(fr, 'accounts.fields.email'), exact: true }));
			await person.keyboard.type(email);
			await person.keyboard.press('Enter');
			await expect(person.getByRole('main').getByRole('status')).toHaveText(text(fr, 'accounts.forgot.sent'));
			await expectAccessible(person);
		});

		await test.step('the administrator finds the French e-mail, with its link, in the outbox', async () => {
			await outbox.goto();
			// One message when the account was created, one for the request just made: the newest comes first.
			const messages = outbox.messages(email, text(fr, 'accounts.mail.reset_subject'));
			await expect(messages).toHaveCount(2);
			const newest = messages.first();
			await expect(newest).toContainText(format(fr, 'accounts.mail.reset_body', { name, link: '' }).split('\n')[0]);
			await expect(newest.getByRole('definition').filter({ hasText: /^français$/i })).toHaveCount(1);
			const anchor = newest.getByRole('link', { name: /\/fr\/reset-password\?token=/ });
			link = (await anchor.getAttribute('href')) ?? '';
			expect(link.startsWith(`${baseURL}/fr/reset-password?token=`), link).toBe(true);
			invitationLink =
				(await messages
					.last()
					.getByRole('link', { name: /\/fr\/reset-password\?token=/ })
					.getAttribute('href')) ?? '';
			expect(invitationLink).not.toBe(link);
			await expectAccessible(page);
		});

		await test.step('the person opens the link; two different passwords are refused next to the field', async () => {
			const response = await person.goto(link);
			expect(response?.status()).toBe(200);
			const reset = new ResetPasswordPage(person, fr);
			await expect(reset.heading).toBeVisible();
			await expectAccessible(person);
			await reset.password.fill(newPassword);
			await reset.confirm.fill(`${newPassword} !`);
			await reset.submit.click();
			await expectFieldError(reset.confirm, text(fr, 'accounts.reset.passwords_differ'));
			await expectAccessible(person);
		});

		await test.step('the same password twice is saved, and the sign-in page says so', async () => {
			const reset = new ResetPasswordPage(person, fr);
			await reset.password.fill(newPassword);
			await reset.confirm.fill(newPassword);
			await reset.confirm.press('Enter');
			await expect(person).toHaveURL(/\/fr\/sign-in\?reset=1$/);
			await expect(person.getByRole('main').getByRole('status')).toHaveText(text(fr, 'accounts.reset.done'));
			await expectAccessible(person);
		});

		await test.step('the person signs in with the new password and lands in their area', async () => {
			await new SignInPage(person, fr).signInWithKeyboard(email, newPassword, { checkAccessibility: false });
			await expect(person).toHaveURL(/\/fr\/my$/);
			await expect(person.getByRole('main')).toContainText(format(fr, 'accounts.my.greeting', { name }));
			await expect(person.getByRole('main')).toContainText(text(fr, 'accounts.roles.kind_technical_representative'));
			await expectAccessible(person);
		});

		await test.step('the used link, and the older one mailed when the account was created, say at once that they no longer work', async () => {
			await person.goto(invitationLink);
			await expect(person.getByRole('main').getByRole('alert')).toHaveText(text(fr, 'accounts.reset.invalid_token'));
			await person.goto(link);
			const reset = new ResetPasswordPage(person, fr);
			await expect(person.getByRole('main').getByRole('alert')).toHaveText(text(fr, 'accounts.reset.invalid_token'));
			await expect(person.getByRole('main').getByRole('link', { name: text(fr, 'accounts.reset.request_new_link') })).toHaveAttribute(
				'href',
				'/fr/forgot-password'
			);
			await expect(reset.password).toHaveCount(0);
			await expectAccessible(person);
		});
	} finally {
		await person.context().close();
	}
});
