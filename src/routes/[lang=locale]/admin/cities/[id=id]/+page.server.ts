import * as members from '#lib/server/members/index.ts';
import { actionFailure, loadFailure, parseId, readForm } from '#lib/server/http/forms.ts';
import { todayIso } from '#lib/server/core/clock.ts';

export async function load({ params, locals, url }) {
	const id = parseId(params.id);
	const db = locals.app.database.db;
	const result = await members.getCity(db, locals.actor, id);
	if (!result.ok) loadFailure(result);
	const year = new Date().getUTCFullYear();
	const expected = await members.expectedAnnualFee(db, id, year);
	return {
		...result.value,
		created: url.searchParams.has('created'),
		today: todayIso(),
		nextFeeYear: year,
		expectedFee: expected ?? null,
		upToDate: await members.isUpToDateWithFees(db, id)
	};
}

export const actions = {
	status: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await members.changeCityStatus(locals.app.database.db, locals.actor, parseId(params.id), values);
		if (!result.ok) return actionFailure(result, values, 'status');
		return { saved: 'members.status.changed' };
	},
	fee: async ({ request, params, locals }) => {
		const { values } = await readForm(request);
		const result = await members.createFee(locals.app.database.db, locals.actor, parseId(params.id), values);
		if (!result.ok) return actionFailure(result, values, 'fee');
		return { saved: 'members.fees.created' };
	},
	payment: async ({ request, locals }) => {
		const { values } = await readForm(request);
		const feeId = parseId(String(values.feeId ?? ''));
		const result = await members.recordPayment(locals.app.database.db, locals.actor, feeId, values);
		if (!result.ok) return actionFailure(result, values, `payment-${feeId}`);
		return { saved: result.value.balanceCents === 0 ? 'members.payments.recorded_full' : 'members.payments.recorded_partial' };
	}
};
