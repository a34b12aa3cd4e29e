import { expect, it } from 'vitest';
import { describeEachContext, testPublicUrl, type TestContext } from '../testing/database.ts';
import { actors, auditEntries, countRows } from '../testing/factories.ts';
import type { Failure, Result } from '../core/result.ts';
import {
	actorFromRequest,
	createAccount,
	createAccountWithPassword,
	grantRole,
	listAccounts,
	requestPasswordReset,
	resetPassword,
	isPasswordResetTokenValid,
	revokeRole,
	signIn,
	signInLimits
} from './accounts.service.ts';
import { listRoleGrants } from './accounts.repository.ts';

const password = 'correct horse battery';

function expectOk<T>(result: Result<T>): T {
	if (!result.ok) throw new Error(`expected success, got ${result.status} ${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`);
	return result.value;
}

function expectFailure(result: Result<unknown>, status: number, code: string): Failure {
	expect(result.ok).toBe(false);
	const failure = result as Failure;
	expect({ status: failure.status, code: failure.code }).toEqual({ status, code });
	return failure;
}

async function someone(ctx: TestContext, email = 'ana@example.org', locale: 'es' | 'en' | 'fr' | 'pt' = 'fr') {
	return createAccountWithPassword(ctx, { email, name: 'Ana Lima', password, locale }, []);
}

function cookieHeader(setCookie: string[]): string {
	return setCookie.map((c) => c.split(';')[0]).join('; ');
}

async function outbox(ctx: TestContext, to?: string) {
	let query = ctx.database.db.selectFrom('outbox_message').selectAll().orderBy('id');
	if (to) query = query.where('to_address', '=', to);
	return query.execute();
}

function tokenFromMail(text: string, locale: string): string {
	const prefix = `${testPublicUrl}/${locale}/reset-password?token=`;
	const start = text.indexOf(prefix);
	expect(start, `reset link in: ${text}`).toBeGreaterThanOrEqual(0);
	return decodeURIComponent(text.slice(start + prefix.length).split(/\s/)[0]);
}

describeEachContext('accounts service: signing in', (getContext) => {
	const meta = { ip: '203.0.113.7', userAgent: 'vitest' };

	it('signs in with the right password, opens a session and audits it', async () => {
		const ctx = getContext();
		const userId = await someone(ctx);
		const { setCookie, userId: signedIn } = expectOk(await signIn(ctx, { email: ' ANA@example.org ', password }, meta));
		expect(signedIn).toBe(userId);
		expect(setCookie.some((c) => c.startsWith('ec.session_token='))).toBe(true);

		const actor = await actorFromRequest(ctx, new Headers({ cookie: cookieHeader(setCookie) }));
		expect(actor).toMatchObject({ userId, email: 'ana@example.org', name: 'Ana Lima', locale: 'fr', roles: [] });
		expect(await actorFromRequest(ctx, new Headers({ cookie: 'ec.session_token=forged.value' }))).toBeNull();
		expect(await actorFromRequest(ctx, new Headers())).toBeNull();

		const audit = await auditEntries(ctx.database.db, { action: 'account.sign_in' });
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ entity_id: userId, actor_user_id: userId, summary: { ip: meta.ip } });
	});

	it('gives the same answer for a wrong password and an unknown address', async () => {
		const ctx = getContext();
		await someone(ctx);
		const before = await countRows(ctx.database.db, ['auth_session', 'audit_entry']);
		const wrong = await signIn(ctx, { email: 'ana@example.org', password: 'not the password' }, meta);
		const unknown = await signIn(ctx, { email: 'nobody@example.org', password: 'not the password' }, meta);
		expectFailure(wrong, 400, 'accounts.sign_in.invalid_credentials');
		expect(unknown).toEqual(wrong);
		const invalid = expectFailure(await signIn(ctx, { email: 'not-an-address', password: '' }, meta), 400, 'common.errors.validation');
		expect(invalid.fieldErrors).toEqual({ email: ['common.validation.email'], password: ['common.validation.required'] });
		expect(await countRows(ctx.database.db, ['auth_session', 'audit_entry'])).toEqual(before);
	});

	it('limits attempts per account, the same way whether the account exists or not', async () => {
		const ctx = getContext();
		await someone(ctx);
		await someone(ctx, 'other@example.org');
		const { limit } = signInLimits.perAccount;
		for (let i = 0; i < limit; i++) {
			expectFailure(
				await signIn(ctx, { email: 'ana@example.org', password: `wrong ${i}` }, meta),
				400,
				'accounts.sign_in.invalid_credentials'
			);
			expectFailure(
				await signIn(ctx, { email: 'ghost@example.org', password: `wrong ${i}` }, meta),
				400,
				'accounts.sign_in.invalid_credentials'
			);
		}
		// Over the limit even the right password is refused, and an unknown address answers the same.
		const limited = await signIn(ctx, { email: 'ana@example.org', password }, meta);
		expectFailure(limited, 429, 'accounts.sign_in.rate_limited');
		expect(await signIn(ctx, { email: 'ghost@example.org', password }, meta)).toEqual(limited);
		// Another account from the same address is not locked out.
		expectOk(await signIn(ctx, { email: 'other@example.org', password }, meta));
		// Nor is the account itself in a new window.
		await ctx.database.db.updateTable('rate_limit_counter').set({ window_started_at: '2000-01-01T00:00:00.000Z' }).execute();
		expectOk(await signIn(ctx, { email: 'ana@example.org', password }, meta));
	});

	it('forgets failed attempts after a successful sign-in', async () => {
		const ctx = getContext();
		await someone(ctx);
		for (let i = 0; i < signInLimits.perAccount.limit - 1; i++) {
			expectFailure(await signIn(ctx, { email: 'ana@example.org', password: 'wrong' }, meta), 400, 'accounts.sign_in.invalid_credentials');
		}
		expectOk(await signIn(ctx, { email: 'ana@example.org', password }, meta));
		for (let i = 0; i < signInLimits.perAccount.limit - 1; i++) {
			expectFailure(await signIn(ctx, { email: 'ana@example.org', password: 'wrong' }, meta), 400, 'accounts.sign_in.invalid_credentials');
		}
		expectOk(await signIn(ctx, { email: 'ana@example.org', password }, meta));
	});

	it('limits attempts per address across accounts', async () => {
		const ctx = getContext();
		await someone(ctx);
		// Spend the address budget without calling better-auth thirty times: the counter is the limit.
		await ctx.database.db
			.insertInto('rate_limit_counter')
			.values({ key: `sign-in:address:${meta.ip}`, count: signInLimits.perAddress.limit, window_started_at: new Date().toISOString() })
			.execute();
		expectFailure(await signIn(ctx, { email: 'ana@example.org', password }, meta), 429, 'accounts.sign_in.rate_limited');
		expectOk(await signIn(ctx, { email: 'ana@example.org', password }, { ip: '198.51.100.1' }));
	});
});

describeEachContext('accounts service: password reset', (getContext) => {
	it('resets the password through the link mailed to the outbox, once', async () => {
		const ctx = getContext();
		const userId = await someone(ctx, 'ana@example.org', 'pt');
		expectOk(await requestPasswordReset(ctx, { email: 'Ana@Example.org' }, '203.0.113.9'));
		const mails = await outbox(ctx, 'ana@example.org');
		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatchObject({ locale: 'pt', sent_at: null });
		const token = tokenFromMail(mails[0].text_body, 'pt');

		const differ = expectFailure(
			await resetPassword(ctx, { token, password: 'a brand new secret', confirm: 'something else' }),
			400,
			'common.errors.validation'
		);
		expect(differ.fieldErrors).toEqual({ confirm: ['accounts.reset.passwords_differ'] });
		expectFailure(await resetPassword(ctx, { token, password: 'short', confirm: 'short' }), 400, 'common.errors.validation');

		expectOk(await resetPassword(ctx, { token, password: 'a brand new secret', confirm: 'a brand new secret' }));
		expectFailure(
			await signIn(ctx, { email: 'ana@example.org', password }, { ip: '1.1.1.1' }),
			400,
			'accounts.sign_in.invalid_credentials'
		);
		expectOk(await signIn(ctx, { email: 'ana@example.org', password: 'a brand new secret' }, { ip: '1.1.1.1' }));

		const again = expectFailure(
			await resetPassword(ctx, { token, password: 'yet another secret', confirm: 'yet another secret' }),
			400,
			'accounts.reset.invalid_token'
		);
		expect(again.fieldErrors).toEqual({ token: ['accounts.reset.invalid_token'] });
		expectFailure(
			await resetPassword(ctx, { token: 'made-up', password: 'yet another secret', confirm: 'yet another secret' }),
			400,
			'accounts.reset.invalid_token'
		);

		const audit = (await auditEntries(ctx.database.db, { entityType: 'account', entityId: userId })).map((e) => e.action);
		expect(audit).toEqual(['account.password_reset_requested', 'account.password_reset', 'account.sign_in']);
	});

	it('voids every earlier link once one of them has been used', async () => {
		const ctx = getContext();
		await someone(ctx, 'ana@example.org', 'es');
		expectOk(await requestPasswordReset(ctx, { email: 'ana@example.org' }, '203.0.113.9'));
		expectOk(await requestPasswordReset(ctx, { email: 'ana@example.org' }, '203.0.113.9'));
		const [first, second] = (await outbox(ctx, 'ana@example.org')).map((m) => tokenFromMail(m.text_body, 'es'));
		expect(await isPasswordResetTokenValid(ctx, first)).toBe(true);
		expectOk(await resetPassword(ctx, { token: second, password: 'the second link', confirm: 'the second link' }));
		expect(await isPasswordResetTokenValid(ctx, first)).toBe(false);
		expectFailure(
			await resetPassword(ctx, { token: first, password: 'the first link', confirm: 'the first link' }),
			400,
			'accounts.reset.invalid_token'
		);
		expectOk(await signIn(ctx, { email: 'ana@example.org', password: 'the second link' }, { ip: '1.1.1.1' }));
	});

	it('answers the same for an unknown address and sends nothing', async () => {
		const ctx = getContext();
		await someone(ctx);
		const known = await requestPasswordReset(ctx, { email: 'ana@example.org' }, '203.0.113.9');
		const unknown = await requestPasswordReset(ctx, { email: 'nobody@example.org' }, '203.0.113.9');
		expect(unknown).toEqual(known);
		expect(unknown.ok).toBe(true);
		expect((await outbox(ctx)).map((m) => m.to_address)).toEqual(['ana@example.org']);
	});

	it('limits reset requests per address', async () => {
		const ctx = getContext();
		for (let i = 0; i < 10; i++) expectOk(await requestPasswordReset(ctx, { email: `n${i}@example.org` }, '203.0.113.10'));
		expectFailure(await requestPasswordReset(ctx, { email: 'n@example.org' }, '203.0.113.10'), 429, 'accounts.sign_in.rate_limited');
		expectOk(await requestPasswordReset(ctx, { email: 'n@example.org' }, '203.0.113.11'));
	});
});

describeEachContext('accounts service: accounts and roles', (getContext) => {
	it('lets only administrators create accounts, which get a link to choose a password', async () => {
		const ctx = getContext();
		const input = { email: 'New.Person@Example.org', name: 'New Person', locale: 'es' };
		for (const actor of [actors.anonymous, actors.secretariat(), actors.representative(1), actors.coordinator(1)]) {
			expectFailure(await createAccount(ctx, actor, input), 403, 'common.errors.forbidden');
		}
		expect(await countRows(ctx.database.db, ['auth_user', 'outbox_message', 'audit_entry'])).toEqual({
			auth_user: 0,
			outbox_message: 0,
			audit_entry: 0
		});

		const admin = actors.admin();
		const { userId, email } = expectOk(
			await createAccount(ctx, admin, input, [{ role: 'city_representative', cityId: 4, kind: 'political' }])
		);
		expect(email).toBe('new.person@example.org');
		expect(await listRoleGrants(ctx.database.db, userId)).toEqual([{ role: 'city_representative', cityId: 4, kind: 'political' }]);
		const user = await ctx.database.db.selectFrom('auth_user').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
		expect(user).toMatchObject({ email: 'new.person@example.org', name: 'New Person', locale: 'es' });
		const [mail] = await outbox(ctx, 'new.person@example.org');
		expect(mail.locale).toBe('es');
		const token = tokenFromMail(mail.text_body, 'es');
		const audit = await auditEntries(ctx.database.db, { action: 'account.create' });
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ entity_id: userId, actor_user_id: admin.userId });

		const taken = expectFailure(
			await createAccount(ctx, admin, { ...input, email: 'new.person@example.org' }),
			409,
			'accounts.create.email_taken'
		);
		expect(taken.fieldErrors).toEqual({ email: ['accounts.create.email_taken'] });
		const invalid = expectFailure(await createAccount(ctx, admin, { email: 'x', name: '', locale: 'de' }), 400, 'common.errors.validation');
		expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(['email', 'locale', 'name']);

		// The person chooses a password through the link, then signs in.
		expectOk(await resetPassword(ctx, { token, password: 'chosen by me 123', confirm: 'chosen by me 123' }));
		const verified = await ctx.database.db
			.selectFrom('auth_user')
			.select('emailVerified')
			.where('id', '=', userId)
			.executeTakeFirstOrThrow();
		expect(Boolean(verified.emailVerified)).toBe(true);
		expectOk(await signIn(ctx, { email: 'new.person@example.org', password: 'chosen by me 123' }, { ip: '1.2.3.4' }));

		expectFailure(await listAccounts(ctx, actors.secretariat(), 1, 10), 403, 'common.errors.forbidden');
		expect(expectOk(await listAccounts(ctx, admin, 1, 10)).total).toBe(1);
	});

	it('grants and revokes roles, for administrators only', async () => {
		const ctx = getContext();
		const db = ctx.database.db;
		const admin = actors.admin();
		const userId = await someone(ctx);

		for (const actor of [actors.anonymous, actors.secretariat(), actors.representative(2)]) {
			expectFailure(await grantRole(ctx, actor, userId, { role: 'administrator' }), 403, 'common.errors.forbidden');
		}
		const missingCity = expectFailure(
			await grantRole(ctx, admin, userId, { role: 'city_representative' }),
			400,
			'common.errors.validation'
		);
		expect(missingCity.fieldErrors).toEqual({ cityId: ['accounts.roles.city_required'] });
		const missingNetwork = expectFailure(
			await grantRole(ctx, admin, userId, { role: 'network_coordinator' }),
			400,
			'common.errors.validation'
		);
		expect(missingNetwork.fieldErrors).toEqual({ networkId: ['accounts.roles.network_required'] });
		expectFailure(await grantRole(ctx, admin, 'no-such-user', { role: 'secretariat' }), 404, 'common.errors.not_found');
		expect(await countRows(db, ['role_assignment', 'audit_entry'])).toEqual({ role_assignment: 0, audit_entry: 0 });

		expectOk(await grantRole(ctx, admin, userId, { role: 'city_representative', cityId: '12', kind: 'political' }));
		expectOk(await grantRole(ctx, admin, userId, { role: 'network_coordinator', networkId: '3' }));
		// Granting what the person already holds changes nothing.
		expectOk(await grantRole(ctx, admin, userId, { role: 'city_representative', cityId: '12', kind: 'political' }));
		expect(await listRoleGrants(db, userId)).toEqual([
			{ role: 'city_representative', cityId: 12, kind: 'political' },
			{ role: 'network_coordinator', networkId: 3 }
		]);
		expect((await auditEntries(db)).map((e) => [e.action, e.entity_id])).toEqual([
			['account.grant_role', userId],
			['account.grant_role', userId]
		]);

		const [representative] = await db.selectFrom('role_assignment').select('id').where('role', '=', 'city_representative').execute();
		expectFailure(await revokeRole(ctx, actors.secretariat(), userId, representative.id), 403, 'common.errors.forbidden');
		expect(await countRows(db, ['role_assignment'])).toEqual({ role_assignment: 2 });

		// A role of one person cannot be revoked through another person's record.
		const otherId = await someone(ctx, 'other@example.org');
		expectFailure(await revokeRole(ctx, admin, otherId, representative.id), 404, 'common.errors.not_found');
		expectFailure(await revokeRole(ctx, admin, userId, 999999), 404, 'common.errors.not_found');
		expect(await countRows(db, ['role_assignment'])).toEqual({ role_assignment: 2 });

		expectOk(await revokeRole(ctx, admin, userId, representative.id));
		expect(await listRoleGrants(db, userId)).toEqual([{ role: 'network_coordinator', networkId: 3 }]);
		const revoked = await auditEntries(db, { action: 'account.revoke_role' });
		expect(revoked).toHaveLength(1);
		expect(revoked[0]).toMatchObject({ entity_id: userId, summary: { roleAssignmentId: representative.id } });
	});
});
