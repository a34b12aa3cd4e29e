import { z } from 'zod';
import { grantRole, listAccounts, revokeRole } from '#lib/server/accounts/accounts.service.ts';
import { actionFailure, loadFailure, readForm } from '#lib/server/http/forms.ts';
import { pageField } from '#lib/shared/core/forms.ts';
import { roleInput, scopeOptions } from './role-input.ts';

const pageSize = 25;
const idField = z.string().trim().min(1).max(100);

export async function load({ url, locals }) {
	const page = pageField.safeParse(url.searchParams.get('page') ?? undefined);
	const result = await listAccounts(locals.app, locals.actor, page.success ? page.data : 1, pageSize);
	if (!result.ok) loadFailure(result);
	const manageId = url.searchParams.get('manage');
	const managed = manageId ? (result.value.rows.find((row) => row.id === manageId) ?? null) : null;
	return {
		page: page.success ? page.data : 1,
		pageSize,
		total: result.value.total,
		accounts: result.value.rows.map((row) => ({
			id: row.id,
			name: row.name,
			email: row.email,
			locale: row.locale,
			emailVerified: row.emailVerified,
			roles: row.roles.map((r) => ({ id: r.id, role: r.role, cityId: r.city_id, networkId: r.network_id, kind: r.representative_kind }))
		})),
		managed: managed ? { id: managed.id, name: managed.name, email: managed.email } : null,
		created: url.searchParams.get('created') === '1',
		...(await scopeOptions(locals.app.database.db, locals.locale))
	};
}

export const actions = {
	grant: async ({ request, locals }) => {
		const { values } = await readForm(request);
		const userId = idField.safeParse(values.userId);
		if (!userId.success) return actionFailure({ ok: false, status: 400, code: 'common.errors.bad_request' }, values, 'grant');
		const result = await grantRole(locals.app, locals.actor, userId.data, roleInput(values));
		if (!result.ok) return actionFailure(result, values, 'grant');
		return { saved: 'accounts.admin.role_granted', form: 'grant' };
	},
	revoke: async ({ request, locals }) => {
		const { values } = await readForm(request);
		const userId = idField.safeParse(values.userId);
		const assignmentId = z.coerce.number().int().positive().safeParse(values.assignmentId);
		if (!userId.success || !assignmentId.success)
			return actionFailure({ ok: false, status: 400, code: 'common.errors.bad_request' }, values, 'revoke');
		const result = await revokeRole(locals.app, locals.actor, userId.data, assignmentId.data);
		if (!result.ok) return actionFailure(result, values, 'revoke');
		return { saved: 'accounts.admin.role_revoked', form: 'revoke' };
	}
};
