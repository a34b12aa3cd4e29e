import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/access.ts';
import { actors } from '../testing/factories.ts';
import { canOnMembers, type MembersAction } from './members.policy.ts';

const cityId = 7;
const otherCityId = 8;
const networkId = 3;

const roles: Record<string, Actor | null> = {
	anonymous: actors.anonymous,
	'signed in without role': actors.member(),
	administrator: actors.admin(),
	secretariat: actors.secretariat(),
	'representative of the city': actors.representative(cityId),
	'political representative of the city': actors.representative(cityId, 'political'),
	'representative of another city': actors.representative(otherCityId),
	'network coordinator': actors.coordinator(networkId),
	'coordinator who also represents another city': {
		...actors.coordinator(networkId),
		roles: [
			{ role: 'network_coordinator', networkId },
			{ role: 'city_representative', cityId: otherCityId, kind: 'technical' }
		]
	}
};

type Role = keyof typeof roles;
const staff: Role[] = ['administrator', 'secretariat'];
const ownCity: Role[] = [...staff, 'representative of the city', 'political representative of the city'];

/** Who may do each action on city 7. A Record, so a new action fails type-checking until listed here. */
const allowed: Record<MembersAction, Role[]> = {
	'city.create': staff,
	'city.update': ownCity,
	'city.change_status': staff,
	'city.view_private': ownCity,
	'city.import': staff,
	'contact.manage': ownCity,
	'fee.manage': staff,
	'fee.view': ownCity,
	'payment.record': staff,
	'country.update': staff,
	'fee_grid.manage': staff
};

const table = Object.entries(allowed).flatMap(([action, who]) =>
	Object.keys(roles).map((role) => ({ action: action as MembersAction, role, expected: who.includes(role) }))
);

describe('canOnMembers', () => {
	it('covers every action and role', () => {
		expect(table).toHaveLength(Object.keys(allowed).length * Object.keys(roles).length);
	});

	it.each(table)('$role → $action on the city: $expected', ({ action, role, expected }) => {
		expect(canOnMembers(roles[role], action, cityId)).toBe(expected);
	});

	it.each(Object.keys(allowed) as MembersAction[])('%s without a city is for staff only', (action) => {
		for (const [role, actor] of Object.entries(roles)) {
			expect(canOnMembers(actor, action), `${role} ${action}`).toBe(staff.includes(role));
		}
	});
});
