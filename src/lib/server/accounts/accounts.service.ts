import crypto from 'node:crypto';
import { APIError } from 'better-auth/api';
import type { AppContext } from '../context.ts';
import type { Actor, RoleGrant } from '../core/access.ts';
import { recordAudit } from '../core/audit.ts';
import { hitRateLimit, resetRateLimit } from '../core/rate-limit.ts';
import { fail, forbidden, ok, validate, type Result } from '../core/result.ts';
import { isLocale, type Locale } from '../../shared/i18n.ts';
import {
	createAccountSchema,
	newPasswordSchema,
	requestResetSchema,
	roleGrantSchema,
	signInSchema
} from '../../shared/accounts/schemas.ts';
import { canOnAccounts } from './accounts.policy.ts';
import * as repo from './accounts.repository.ts';

export const signInLimits = {
	perAccount: { limit: 5, windowSeconds: 15 * 60 },
	perAddress: { limit: 30, windowSeconds: 15 * 60 }
};

export interface SignInMeta {
	ip: string;
	userAgent?: string | null;
}

/** Signs in with e-mail and password; on success returns the Set-Cookie headers of the new session. */
export async function signIn(ctx: AppContext, input: unknown, meta: SignInMeta): Promise<Result<{ setCookie: string[]; userId: string }>> {
	const parsed = validate(signInSchema, input);
	if (!parsed.ok) return parsed;
	const { email, password } = parsed.value;
	const db = ctx.database.db;
	const addressOk = await hitRateLimit(db, `sign-in:address:${meta.ip}`, signInLimits.perAddress);
	const accountOk = await hitRateLimit(db, `sign-in:account:${email}`, signInLimits.perAccount);
	if (!addressOk || !accountOk) return fail(429, 'accounts.sign_in.rate_limited');
	try {
		const { headers, response } = await ctx.auth.api.signInEmail({
			body: { email, password },
			headers: new Headers({ 'user-agent': meta.userAgent ?? '', 'x-forwarded-for': meta.ip }),
			returnHeaders: true
		});
		await resetRateLimit(db, `sign-in:account:${email}`);
		const user = await repo.findUserById(db, response.user.id);
		await recordAudit(db, user ? { userId: user.id, email: user.email, name: user.name, locale: null, roles: [] } : null, {
			action: 'account.sign_in',
			entityType: 'account',
			entityId: response.user.id,
			summary: { ip: meta.ip }
		});
		return ok({ setCookie: headers.getSetCookie(), userId: response.user.id });
	} catch (error) {
		if (error instanceof APIError) {
			if (error.body?.code === 'EMAIL_NOT_VERIFIED') return fail(403, 'accounts.sign_in.not_verified');
			return fail(400, 'accounts.sign_in.invalid_credentials');
		}
		throw error;
	}
}

export async function signOut(ctx: AppContext, requestHeaders: Headers, actor: Actor | null): Promise<string[]> {
	try {
		const { headers } = await ctx.auth.api.signOut({ headers: requestHeaders, returnHeaders: true });
		if (actor) {
			await recordAudit(ctx.database.db, actor, {
				action: 'account.sign_out',
				entityType: 'account',
				entityId: actor.userId,
				summary: {}
			});
		}
		return headers.getSetCookie();
	} catch (error) {
		if (error instanceof APIError) return [];
		throw error;
	}
}

/** The actor behind the request's session cookie, or null. */
export async function actorFromRequest(ctx: AppContext, requestHeaders: Headers): Promise<Actor | null> {
	const cookie = requestHeaders.get('cookie');
	if (!cookie || !cookie.includes('ec.session_token')) return null;
	const session = await ctx.auth.api.getSession({ headers: requestHeaders });
	if (!session) return null;
	const roles = await repo.listRoleGrants(ctx.database.db, session.user.id);
	const locale = (session.user as { locale?: unknown }).locale;
	return {
		userId: session.user.id,
		email: session.user.email,
		name: session.user.name,
		locale: isLocale(locale) ? locale : null,
		roles
	};
}

/** Always succeeds, so that nobody can learn which addresses have accounts. */
export async function requestPasswordReset(ctx: AppContext, input: unknown, ip: string): Promise<Result<null>> {
	const parsed = validate(requestResetSchema, input);
	if (!parsed.ok) return parsed;
	const allowed = await hitRateLimit(ctx.database.db, `reset:address:${ip}`, { limit: 10, windowSeconds: 15 * 60 });
	if (!allowed) return fail(429, 'accounts.sign_in.rate_limited');
	const user = await repo.findUserByEmail(ctx.database.db, parsed.value.email);
	if (user) {
		await ctx.auth.api.requestPasswordReset({ body: { email: parsed.value.email } });
		await recordAudit(ctx.database.db, null, {
			action: 'account.password_reset_requested',
			entityType: 'account',
			entityId: user.id,
			summary: { ip }
		});
	}
	return ok(null);
}

/** Whether a password-reset link is still usable, so the page can say so before anything is typed. */
export async function isPasswordResetTokenValid(ctx: AppContext, token: string): Promise<boolean> {
	if (!token || token.length > 2000) return false;
	const verification = await (await ctx.auth.$context).internalAdapter.findVerificationValue(`reset-password:${token}`);
	return !!verification && new Date(verification.expiresAt) >= new Date();
}

export async function resetPassword(ctx: AppContext, input: unknown): Promise<Result<null>> {
	const parsed = validate(newPasswordSchema, input);
	if (!parsed.ok) return parsed;
	const { token, password } = parsed.value;
	const internal = (await ctx.auth.$context).internalAdapter;
	const verification = await internal.findVerificationValue(`reset-password:${token}`);
	if (!verification || new Date(verification.expiresAt) < new Date())
		return fail(400, 'accounts.reset.invalid_token', { token: ['accounts.reset.invalid_token'] });
	const userId = verification.value;
	try {
		await ctx.auth.api.resetPassword({ body: { token, newPassword: password } });
	} catch (error) {
		if (error instanceof APIError) return fail(400, 'accounts.reset.invalid_token', { token: ['accounts.reset.invalid_token'] });
		throw error;
	}
	// The link came by e-mail, which proves the address; any other link sent before is now void.
	await internal.updateUser(userId, { emailVerified: true });
	await repo.deletePasswordResetTokens(ctx.database.db, userId);
	await recordAudit(ctx.database.db, null, {
		action: 'account.password_reset',
		entityType: 'account',
		entityId: userId,
		summary: {}
	});
	return ok(null);
}

export async function verifyEmail(ctx: AppContext, token: string): Promise<Result<null>> {
	if (!token || token.length > 4000) return fail(400, 'accounts.verify.invalid_token');
	try {
		await ctx.auth.api.verifyEmail({ query: { token } });
	} catch (error) {
		if (error instanceof APIError) return fail(400, 'accounts.verify.invalid_token');
		throw error;
	}
	return ok(null);
}

export async function sendVerification(ctx: AppContext, actor: Actor | null): Promise<Result<null>> {
	if (!actor) return forbidden();
	await ctx.auth.api.sendVerificationEmail({ body: { email: actor.email } });
	return ok(null);
}

export interface CreatedAccount {
	userId: string;
	email: string;
}

/**
 * Creates an account with an unusable random password and e-mails a link to choose one: the
 * administrator never knows anybody's password.
 */
export async function createAccount(
	ctx: AppContext,
	actor: Actor | null,
	input: unknown,
	grants: RoleGrant[] = []
): Promise<Result<CreatedAccount>> {
	if (!canOnAccounts(actor, 'account.create')) return forbidden();
	const parsed = validate(createAccountSchema, input);
	if (!parsed.ok) return parsed;
	const { email, name, locale } = parsed.value;
	const db = ctx.database.db;
	if (await repo.findUserByEmail(db, email)) return fail(409, 'accounts.create.email_taken', { email: ['accounts.create.email_taken'] });
	const created = await ctx.auth.api.signUpEmail({
		body: { email, name, password: crypto.randomBytes(24).toString('base64url') }
	});
	const userId = created.user.id;
	await db.transaction().execute(async (trx) => {
		await repo.updateUserLocale(trx, userId, locale);
		for (const grant of grants) await repo.insertRoleGrant(trx, userId, grant);
		await recordAudit(trx, actor, {
			action: 'account.create',
			entityType: 'account',
			entityId: userId,
			summary: { email, name, locale, roles: grants }
		});
	});
	await ctx.auth.api.requestPasswordReset({ body: { email } });
	return ok({ userId, email });
}

/** For the demo loader and tests: an account whose password is already set and verified. */
export async function createAccountWithPassword(
	ctx: AppContext,
	input: { email: string; name: string; password: string; locale: Locale },
	grants: RoleGrant[]
): Promise<string> {
	const db = ctx.database.db;
	const existing = await repo.findUserByEmail(db, input.email);
	if (existing) return existing.id;
	const created = await ctx.auth.api.signUpEmail({ body: { email: input.email, name: input.name, password: input.password } });
	const userId = created.user.id;
	const internal = (await ctx.auth.$context).internalAdapter;
	await internal.updateUser(userId, { emailVerified: true });
	await repo.updateUserLocale(db, userId, input.locale);
	for (const grant of grants) await repo.insertRoleGrant(db, userId, grant);
	return userId;
}

export async function grantRole(ctx: AppContext, actor: Actor | null, userId: string, input: unknown): Promise<Result<null>> {
	if (!canOnAccounts(actor, 'account.grant_role')) return forbidden();
	const parsed = validate(roleGrantSchema, input);
	if (!parsed.ok) return parsed;
	const db = ctx.database.db;
	if (!(await repo.findUserById(db, userId))) return fail(404, 'common.errors.not_found');
	const value = parsed.value;
	const grant: RoleGrant =
		value.role === 'city_representative'
			? { role: 'city_representative', cityId: value.cityId!, kind: value.kind ?? 'technical' }
			: value.role === 'network_coordinator'
				? { role: 'network_coordinator', networkId: value.networkId! }
				: { role: value.role };
	if (await repo.findRoleGrant(db, userId, grant)) return ok(null);
	await db.transaction().execute(async (trx) => {
		await repo.insertRoleGrant(trx, userId, grant);
		await recordAudit(trx, actor, { action: 'account.grant_role', entityType: 'account', entityId: userId, summary: { grant } });
	});
	return ok(null);
}

export async function revokeRole(ctx: AppContext, actor: Actor | null, userId: string, roleAssignmentId: number): Promise<Result<null>> {
	if (!canOnAccounts(actor, 'account.grant_role')) return forbidden();
	// Scoped to the user: an assignment id taken from another person's record is not found here.
	return ctx.database.db.transaction().execute(async (trx) => {
		if (!(await repo.deleteRoleGrant(trx, userId, roleAssignmentId))) return fail(404, 'common.errors.not_found');
		await recordAudit(trx, actor, {
			action: 'account.revoke_role',
			entityType: 'account',
			entityId: userId,
			summary: { roleAssignmentId }
		});
		return ok(null);
	});
}

export async function listAccounts(ctx: AppContext, actor: Actor | null, page: number, pageSize: number) {
	if (!canOnAccounts(actor, 'account.list')) return forbidden();
	return ok(await repo.listAccountsWithRoles(ctx.database.db, page, pageSize));
}

export async function setPreferredLocale(ctx: AppContext, actor: Actor, locale: Locale): Promise<void> {
	if (actor.locale === locale) return;
	await repo.updateUserLocale(ctx.database.db, actor.userId, locale);
}
