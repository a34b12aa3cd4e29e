import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { canOnAccounts } from '#lib/server/accounts/accounts.policy.ts';
import { listAuditActions, listAuditEntityTypes, listAuditEntries } from '#lib/server/core/audit.ts';
import { validate } from '#lib/server/core/result.ts';
import { optionalDate, optionalText, pageField } from '#lib/shared/core/forms.ts';

const pageSize = 30;

const auditFilterSchema = z
	.object({
		entityType: optionalText(100),
		action: optionalText(100),
		actor: optionalText(200),
		from: optionalDate,
		to: optionalDate
	})
	.refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], error: 'admin.audit.range_reversed' });

function nextDay(date: string): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();
}

/** The summary is stored as JSON text; an entry written by hand or truncated still shows as text. */
function readSummary(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export async function load({ url, locals }) {
	// The audit log has no service of its own: this is the policy the accounts module defines for it.
	if (!canOnAccounts(locals.actor, 'audit.view')) error(403, 'common.errors.forbidden');
	const db = locals.app.database.db;
	const filters = Object.fromEntries(url.searchParams);
	const { page: rawPage, ...criteria } = filters;
	const parsed = validate(auditFilterSchema, criteria);
	const [entityTypes, actions] = await Promise.all([listAuditEntityTypes(db), listAuditActions(db)]);
	if (!parsed.ok) return { filters, fieldErrors: parsed.fieldErrors ?? {}, entityTypes, actions, result: null };
	const query = parsed.value;
	const pageNumber = pageField.safeParse(rawPage);
	const page = pageNumber.success ? pageNumber.data : 1;
	const found = await listAuditEntries(db, {
		entityType: query.entityType,
		action: query.action,
		actor: query.actor,
		// Dates are whole UTC days, both ends included.
		from: query.from ? `${query.from}T00:00:00.000Z` : undefined,
		to: query.to ? nextDay(query.to) : undefined,
		page,
		pageSize
	});
	return {
		filters,
		fieldErrors: {} as Record<string, string[]>,
		entityTypes,
		actions,
		result: {
			page,
			pageSize,
			total: found.total,
			rows: found.rows.map((row) => ({
				id: row.id,
				at: row.created_at,
				actor: row.actor_label,
				action: row.action,
				entityType: row.entity_type,
				entityId: row.entity_id,
				summary: readSummary(row.summary)
			}))
		}
	};
}
