import { sendVerification, verifyEmail } from '#lib/server/accounts/accounts.service.ts';

export async function load({ url, locals }) {
	const token = url.searchParams.get('token') ?? '';
	const result = await verifyEmail(locals.app, token);
	return { verified: result.ok, signedIn: !!locals.actor };
}

export const actions = {
	/** A signed-in person whose link failed asks for a new one, sent to their own address. */
	resend: async ({ locals }) => {
		const result = await sendVerification(locals.app, locals.actor);
		return { resent: result.ok };
	}
};
