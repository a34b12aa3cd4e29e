import { betterAuth } from 'better-auth';
import type { DatabaseHandle } from '../db/index.ts';
import { isLocale, defaultLocale, type Locale } from '../../shared/i18n.ts';
import { translatorFor } from './i18n.ts';
import type { Mailer } from './mailer.ts';

export interface AuthOptions {
	handle: DatabaseHandle;
	mailer: Mailer;
	secret: string;
	/** Public origin, e.g. http://localhost:3000; links in e-mails start with it. */
	publicUrl: string;
}

function userLocale(user: { locale?: unknown }): Locale {
	return isLocale(user.locale) ? user.locale : defaultLocale;
}

export function createAuth({ handle, mailer, secret, publicUrl }: AuthOptions) {
	const origin = publicUrl.replace(/\/$/, '');
	return betterAuth({
		appName: 'Educating Cities',
		baseURL: origin,
		secret,
		database: { db: handle.db, type: handle.kind === 'postgres' ? 'postgres' : 'sqlite' },
		user: {
			modelName: 'auth_user',
			additionalFields: { locale: { type: 'string', required: false, input: false } }
		},
		session: { modelName: 'auth_session', expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
		account: { modelName: 'auth_account' },
		verification: { modelName: 'auth_verification' },
		emailAndPassword: {
			enabled: true,
			// Accounts are created by administrators (or the demo loader), never signed in on creation.
			autoSignIn: false,
			minPasswordLength: 10,
			maxPasswordLength: 128,
			revokeSessionsOnPasswordReset: true,
			resetPasswordTokenExpiresIn: 60 * 60 * 24,
			async sendResetPassword({ user, token }) {
				const locale = userLocale(user as { locale?: unknown });
				const t = translatorFor(locale);
				const link = `${origin}/${locale}/reset-password?token=${encodeURIComponent(token)}`;
				await mailer.send(handle.db, {
					to: user.email,
					locale,
					subject: t('accounts.mail.reset_subject'),
					text: t('accounts.mail.reset_body', { name: user.name, link })
				});
			}
		},
		emailVerification: {
			expiresIn: 60 * 60 * 24 * 3,
			async sendVerificationEmail({ user, token }) {
				const locale = userLocale(user as { locale?: unknown });
				const t = translatorFor(locale);
				const link = `${origin}/${locale}/verify-email?token=${encodeURIComponent(token)}`;
				await mailer.send(handle.db, {
					to: user.email,
					locale,
					subject: t('accounts.mail.verify_subject'),
					text: t('accounts.mail.verify_body', { name: user.name, link })
				});
			}
		},
		// Sign-in attempts are limited by our own database-backed counters (accounts.service.ts), per
		// account and per address; the HTTP endpoints of better-auth are not exposed at all.
		rateLimit: { enabled: false },
		advanced: {
			cookiePrefix: 'ec',
			useSecureCookies: origin.startsWith('https://')
		},
		telemetry: { enabled: false }
	});
}

export type Auth = ReturnType<typeof createAuth>;
