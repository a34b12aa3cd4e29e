import nodemailer from 'nodemailer';
import type { DbOrTrx } from '../db/index.ts';
import { nowIso } from './clock.ts';
import type { Locale } from '../../shared/i18n.ts';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	locale: Locale;
}

export interface Mailer {
	send(db: DbOrTrx, message: MailMessage): Promise<void>;
}

/**
 * Every message is first written to the outbox table (so it is part of the caller's transaction and
 * survives a crash). With SMTP configured it is then sent and marked; without SMTP it stays in the
 * outbox, where administrators read it: that is how the demo and the tests receive mail.
 */
export function createMailer(smtpUrl: string | undefined, from = 'Educating Cities <no-reply@localhost>'): Mailer {
	const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
	return {
		async send(db, message) {
			const inserted = await db
				.insertInto('outbox_message')
				.values({
					to_address: message.to,
					subject: message.subject,
					text_body: message.text,
					locale: message.locale,
					created_at: nowIso(),
					sent_at: null,
					error: null
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			if (!transport) return;
			try {
				await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
				await db.updateTable('outbox_message').set({ sent_at: nowIso() }).where('id', '=', inserted.id).execute();
			} catch (error) {
				await db
					.updateTable('outbox_message')
					.set({ error: error instanceof Error ? error.message : String(error) })
					.where('id', '=', inserted.id)
					.execute();
			}
		}
	};
}

export async function listOutbox(db: DbOrTrx, page: number, pageSize: number) {
	const [{ total }] = await db
		.selectFrom('outbox_message')
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.execute();
	const rows = await db
		.selectFrom('outbox_message')
		.selectAll()
		.orderBy('id', 'desc')
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.execute();
	return { total: Number(total), rows };
}
