import { error, redirect } from '@sveltejs/kit';
import { createAccount } from '#lib/server/accounts/accounts.service.ts';
import { canOnAccounts } from '#lib/server/accounts/accounts.policy.ts';
import { fail, forbidden, validate } from '#lib/server/core/result.ts';
import { actionFailure, readForm } from '#lib/server/http/forms.ts';
import { createAccountSchema, roleGrantSchema } from '#lib/shared/accounts/schemas.ts';
import { grantFrom, roleInput, scopeOptions } from '../role-input.ts';

export async function load({ locals }) {
	if (!canOnAccounts(locals.actor, 'account.create')) error(403, 'common.errors.forbidden');
	return scopeOptions(locals.app.database.db, locals.locale);
}

export const actions = {
	default: async ({ request, locals }) => {
		const { values } = await readForm(request);
		if (!canOnAccounts(locals.actor, 'account.create')) return actionFailure(forbidden(), values);
		// Both parts are checked before anything is written, so that every mistake shows at once.
		const account = validate(createAccountSchema, values);
		const role = validate(roleGrantSchema, roleInput(values));
		if (!account.ok || !role.ok) {
			const fieldErrors = { ...(account.ok ? {} : account.fieldErrors), ...(role.ok ? {} : role.fieldErrors) };
			return actionFailure(fail(400, 'common.errors.validation', fieldErrors), values);
		}
		const result = await createAccount(locals.app, locals.actor, values, [grantFrom(role.value)]);
		if (!result.ok) return actionFailure(result, values);
		redirect(303, `/${locals.locale}/admin/accounts?created=1`);
	}
};
