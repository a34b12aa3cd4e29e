import { redirect } from '@sveltejs/kit';
import { isPasswordResetTokenValid, resetPassword } from '#lib/server/accounts/accounts.service.ts';
import { actionFailure, readForm } from '#lib/server/http/forms.ts';

export async function load({ url, locals }) {
	const token = url.searchParams.get('token') ?? '';
	return { token, tokenValid: await isPasswordResetTokenValid(locals.app, token) };
}

export const actions = {
	default: async ({ request, locals }) => {
		const { values } = await readForm(request);
		const result = await resetPassword(locals.app, values);
		if (!result.ok) return actionFailure(result, values);
		redirect(303, `/${locals.locale}/sign-in?reset=1`);
	}
};
