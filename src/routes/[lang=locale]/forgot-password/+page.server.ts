import { requestPasswordReset } from '#lib/server/accounts/accounts.service.ts';
import { actionFailure, readForm } from '#lib/server/http/forms.ts';

export const actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const { values } = await readForm(request);
		// The answer is the same whether or not the address has an account.
		const result = await requestPasswordReset(locals.app, values, getClientAddress());
		if (!result.ok) return actionFailure(result, values);
		return { sent: true };
	}
};
