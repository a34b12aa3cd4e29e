// npm run admin:create -- --email you@example.org [--name "Your Name"] [--locale es|en|fr|pt]
// Creates an administrator account on the configured database and prints the one-time link to
// choose its password. The account is created like any other (random unusable password, link
// e-mailed); the link is also read back from the outbox, because a fresh install has no SMTP yet.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/lib/server/config.ts';
import { createAppContext } from '../src/lib/server/context.ts';
import { migrateToLatest } from '../src/lib/server/db/index.ts';
import { systemActor } from '../src/lib/server/core/access.ts';
import { listOutbox } from '../src/lib/server/core/mailer.ts';
import { createAccount } from '../src/lib/server/accounts/accounts.service.ts';
import { emailField } from '../src/lib/shared/accounts/schemas.ts';
import { defaultLocale, isLocale, locales } from '../src/lib/shared/i18n.ts';

/** A failure explained to the person running the command, without a stack trace. */
class UserError extends Error {}

const usage = 'Usage: npm run admin:create -- --email you@example.org [--name "Your Name"] [--locale es|en|fr|pt]';

function fail(message: string, code = 1): never {
	console.error(`${message}\n`);
	if (code === 2) console.error(usage);
	process.exit(code);
}

let values: { email?: string; name?: string; locale?: string };
try {
	values = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' } } }).values;
} catch (error) {
	fail(error instanceof Error ? error.message : String(error), 2);
}
if (!values.email?.trim()) fail('Missing --email: the address of the new administrator.', 2);
const email = emailField.safeParse(values.email);
if (!email.success) fail(`Not a valid e-mail address: ${values.email}`, 2);
const locale = values.locale ?? defaultLocale;
if (!isLocale(locale)) fail(`Unknown --locale ${locale}: use one of ${locales.join(', ')}.`, 2);
const name = values.name?.trim() || email.data.split('@')[0];

const config = loadConfig();
const context = createAppContext(config);
let exitCode = 0;
try {
	await migrateToLatest(context.database.db);
	const result = await createAccount(context, systemActor, { email: email.data, name, locale }, [{ role: 'administrator' }]);
	if (!result.ok) {
		if (result.code === 'accounts.create.email_taken') {
			throw new UserError(
				`An account with the e-mail ${email.data} already exists; nothing was changed.\n` +
					`To get into it, ask for a new password at ${config.publicUrl}/${locale}/forgot-password` +
					(config.smtpUrl ? '.' : ' and read the link in the outbox table (no SMTP is configured).')
			);
		}
		throw new UserError(`The account could not be created: ${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`);
	}
	// The reset message was just written; it is among the newest in the outbox.
	const { rows } = await listOutbox(context.database.db, 1, 50);
	const message = rows.find((row) => row.to_address === result.value.email);
	const link = message?.text_body.match(/https?:\/\/\S+/)?.[0];
	console.log(`Administrator created: ${result.value.email} (${name}, ${locale}).`);
	if (link) {
		console.log('\nOpen this one-time link within 24 hours to choose the password:\n');
		console.log(`  ${link}\n`);
		if (config.smtpUrl)
			console.log(
				message?.sent_at
					? 'The link was also sent by e-mail.'
					: `Sending the e-mail failed (${message?.error ?? 'unknown error'}); use the link above.`
			);
	} else {
		console.log(`No password link was found in the outbox; ask for one at ${config.publicUrl}/${locale}/forgot-password.`);
	}
	console.log(`Database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : path.join(config.dataDir, 'educating-cities.sqlite')}`);
} catch (error) {
	exitCode = 1;
	console.error(
		error instanceof UserError
			? error.message
			: `Creating the administrator failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
	);
} finally {
	await context.database.close();
}
process.exit(exitCode);
