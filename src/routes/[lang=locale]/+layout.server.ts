import { isAdministrator, isStaff, representedCityIds, coordinatedNetworkIds, jurorEditionIds } from '#lib/server/core/access.ts';

export function load({ locals }) {
	const actor = locals.actor;
	return {
		locale: locals.locale,
		account: actor
			? {
					name: actor.name,
					email: actor.email,
					isStaff: isStaff(actor),
					isAdministrator: isAdministrator(actor),
					cityIds: representedCityIds(actor),
					networkIds: coordinatedNetworkIds(actor),
					jurorEditionIds: jurorEditionIds(actor)
				}
			: null
	};
}
