import { isStaff, representsCity, type Actor } from '../core/access.ts';

export type MembersAction =
	| 'city.create'
	| 'city.update'
	| 'city.change_status'
	| 'city.view_private'
	| 'city.import'
	| 'contact.manage'
	| 'fee.manage'
	| 'fee.view'
	| 'payment.record'
	| 'country.update'
	| 'fee_grid.manage';

/** Actions a city's own representative may take on that city (and only that city). */
const representativeActions: ReadonlySet<MembersAction> = new Set(['city.update', 'city.view_private', 'contact.manage', 'fee.view']);

export function canOnMembers(actor: Actor | null, action: MembersAction, cityId?: number): boolean {
	if (isStaff(actor)) return true;
	if (cityId !== undefined && representativeActions.has(action)) return representsCity(actor, cityId);
	return false;
}
