import * as members from '#lib/server/members/index.ts';
import * as networks from '#lib/server/networks/index.ts';
import * as experiences from '#lib/server/experiences/index.ts';
import { listAccounts } from '#lib/server/accounts/accounts.service.ts';
import { canOnAccounts } from '#lib/server/accounts/accounts.policy.ts';
import { listAuditEntries } from '#lib/server/core/audit.ts';
import { listOutbox } from '#lib/server/core/mailer.ts';

const recentDays = 7;

async function cityTotal(db: Parameters<typeof members.listCities>[0], status: string): Promise<number> {
	const result = await members.listCities(db, { status, pageSize: '1' });
	return result.ok ? result.value.total : 0;
}

export async function load({ locals }) {
	const ctx = locals.app;
	const db = ctx.database.db;
	const actor = locals.actor;
	const since = new Date(Date.now() - recentDays * 86_400_000).toISOString();
	const [byCountry, pending, inArrears, networkRows, accounts, audit, outbox, working] = await Promise.all([
		members.countCitiesByRegionAndCountry(db),
		cityTotal(db, 'pending'),
		cityTotal(db, 'in_arrears'),
		networks.listNetworks(db),
		listAccounts(ctx, actor, 1, 1),
		canOnAccounts(actor, 'audit.view') ? listAuditEntries(db, { from: since, page: 1, pageSize: 8 }) : null,
		canOnAccounts(actor, 'outbox.view') ? listOutbox(db, 1, 1) : null,
		experiences.listWorkingExperiences(db, actor, { pageSize: '1' })
	]);
	const workingCounts = working.ok ? working.value.countsByStatus : null;
	return {
		recentDays,
		counts: {
			memberCities: byCountry.reduce((sum, row) => sum + Number(row.cities), 0),
			pending,
			inArrears,
			networks: networkRows.length,
			experiencesAwaitingReview: workingCounts ? (workingCounts.submitted ?? 0) + (workingCounts.in_review ?? 0) : null,
			accounts: accounts.ok ? accounts.value.total : null,
			recentChanges: audit?.total ?? null,
			outbox: outbox?.total ?? null
		},
		recent: (audit?.rows ?? []).map((row) => ({
			id: row.id,
			action: row.action,
			entityType: row.entity_type,
			entityId: row.entity_id,
			actor: row.actor_label,
			at: row.created_at
		}))
	};
}
