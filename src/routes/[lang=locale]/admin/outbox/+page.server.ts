import { error } from '@sveltejs/kit';
import { canOnAccounts } from '#lib/server/accounts/accounts.policy.ts';
import { listOutbox } from '#lib/server/core/mailer.ts';
import { pageField } from '#lib/shared/core/forms.ts';

const pageSize = 20;

export async function load({ url, locals }) {
	// The outbox holds password links: administrators only (the accounts policy's `outbox.view`).
	if (!canOnAccounts(locals.actor, 'outbox.view')) error(403, 'common.errors.forbidden');
	const parsed = pageField.safeParse(url.searchParams.get('page') ?? undefined);
	const page = parsed.success ? parsed.data : 1;
	const found = await listOutbox(locals.app.database.db, page, pageSize);
	return {
		page,
		pageSize,
		total: found.total,
		// Not `messages`: that name carries the interface strings from the root layout.
		emails: found.rows.map((row) => ({
			id: row.id,
			to: row.to_address,
			subject: row.subject,
			body: row.text_body,
			locale: row.locale,
			createdAt: row.created_at,
			sentAt: row.sent_at,
			error: row.error
		}))
	};
}
