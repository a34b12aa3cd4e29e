import type { DbOrTrx } from '../db/index.ts';
import { actorLabel, type Actor } from './access.ts';
import { nowIso } from './clock.ts';
import { notifyDataChanged } from './data-changes.ts';

export interface AuditInput {
	action: string;
	entityType: string;
	entityId: string | number;
	/** What changed: for updates the before/after of changed fields, for creations the new values. */
	summary: Record<string, unknown>;
}

/** Writes one audit entry; call it inside the same transaction as the change it records. */
export async function recordAudit(db: DbOrTrx, actor: Actor | null, entry: AuditInput): Promise<void> {
	await db
		.insertInto('audit_entry')
		.values({
			actor_user_id: actor?.userId ?? null,
			actor_label: actorLabel(actor),
			action: entry.action,
			entity_type: entry.entityType,
			entity_id: String(entry.entityId),
			summary: JSON.stringify(entry.summary),
			created_at: nowIso()
		})
		.execute();
	notifyDataChanged();
}

/** Before/after pairs of the fields whose values differ. */
export function diffFields<T extends Record<string, unknown>>(
	before: T,
	after: Partial<T>
): Record<string, { from: unknown; to: unknown }> {
	const changes: Record<string, { from: unknown; to: unknown }> = {};
	for (const [key, value] of Object.entries(after)) {
		if (value === undefined) continue;
		const previous = before[key];
		if (JSON.stringify(previous ?? null) !== JSON.stringify(value ?? null)) {
			changes[key] = { from: previous ?? null, to: value ?? null };
		}
	}
	return changes;
}

export interface AuditQuery {
	entityType?: string;
	action?: string;
	actor?: string;
	from?: string;
	to?: string;
	page: number;
	pageSize: number;
}

export async function listAuditEntries(db: DbOrTrx, query: AuditQuery) {
	let base = db.selectFrom('audit_entry');
	if (query.entityType) base = base.where('entity_type', '=', query.entityType);
	if (query.action) base = base.where('action', '=', query.action);
	// lower() on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
	if (query.actor)
		base = base.where((eb) => eb(eb.fn('lower', ['actor_label']), 'like', `%${query.actor!.replace(/[%_]/g, '').toLowerCase()}%`));
	if (query.from) base = base.where('created_at', '>=', query.from);
	if (query.to) base = base.where('created_at', '<', query.to);
	const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
	const rows = await base
		.selectAll()
		.orderBy('id', 'desc')
		.limit(query.pageSize)
		.offset((query.page - 1) * query.pageSize)
		.execute();
	return { total: Number(total), rows };
}

export async function listAuditActions(db: DbOrTrx): Promise<string[]> {
	const rows = await db.selectFrom('audit_entry').select('action').distinct().orderBy('action').execute();
	return rows.map((r) => r.action);
}

export async function listAuditEntityTypes(db: DbOrTrx): Promise<string[]> {
	const rows = await db.selectFrom('audit_entry').select('entity_type').distinct().orderBy('entity_type').execute();
	return rows.map((r) => r.entity_type);
}
