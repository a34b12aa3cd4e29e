import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/access.ts';
import { actors } from '../testing/factories.ts';
import { canOnNetworks, networksActions, type NetworksAction } from './networks.policy.ts';

const networkId = 1;
const otherNetworkId = 2;

const roles: Record<string, Actor | null> = {
	anonymous: null,
	signed_in_without_role: actors.member(),
	city_representative: actors.representative(10),
	coordinator_of_this_network: actors.coordinator(networkId),
	coordinator_of_another_network: actors.coordinator(otherNetworkId),
	secretariat: actors.secretariat(),
	administrator: actors.admin()
};

const memberActions: NetworksAction[] = ['network.manage_view', 'member.add', 'member.change_role', 'member.remove'];

/** Expected answer for every (role, action) pair on network 1. */
const expected: Record<keyof typeof roles, Record<NetworksAction, boolean>> = {
	anonymous: {
		'network.create': false,
		'network.update': false,
		'network.manage_view': false,
		'member.add': false,
		'member.change_role': false,
		'member.remove': false
	},
	signed_in_without_role: {
		'network.create': false,
		'network.update': false,
		'network.manage_view': false,
		'member.add': false,
		'member.change_role': false,
		'member.remove': false
	},
	city_representative: {
		'network.create': false,
		'network.update': false,
		'network.manage_view': false,
		'member.add': false,
		'member.change_role': false,
		'member.remove': false
	},
	coordinator_of_this_network: {
		'network.create': false,
		'network.update': false,
		'network.manage_view': true,
		'member.add': true,
		'member.change_role': true,
		'member.remove': true
	},
	coordinator_of_another_network: {
		'network.create': false,
		'network.update': false,
		'network.manage_view': false,
		'member.add': false,
		'member.change_role': false,
		'member.remove': false
	},
	secretariat: {
		'network.create': true,
		'network.update': true,
		'network.manage_view': true,
		'member.add': true,
		'member.change_role': true,
		'member.remove': true
	},
	administrator: {
		'network.create': true,
		'network.update': true,
		'network.manage_view': true,
		'member.add': true,
		'member.change_role': true,
		'member.remove': true
	}
};

describe('canOnNetworks', () => {
	const table = Object.entries(roles).flatMap(([role, actor]) =>
		networksActions.map((action) => ({ role, actor, action, allowed: expected[role][action] }))
	);

	it('has an expectation for every (role, action) pair', () => {
		expect(table).toHaveLength(Object.keys(roles).length * networksActions.length);
	});

	it.each(table)('$role may $action on network 1: $allowed', ({ actor, action, allowed }) => {
		expect(canOnNetworks(actor, action, networkId)).toBe(allowed);
	});

	it('a coordinator needs the network in question: without a network id nothing is allowed', () => {
		for (const action of networksActions) expect(canOnNetworks(actors.coordinator(networkId), action)).toBe(false);
	});

	it('a coordinator of several networks manages each of them', () => {
		const both = actors.coordinator(networkId, {
			roles: [
				{ role: 'network_coordinator', networkId },
				{ role: 'network_coordinator', networkId: otherNetworkId }
			]
		});
		for (const action of memberActions) {
			expect(canOnNetworks(both, action, networkId)).toBe(true);
			expect(canOnNetworks(both, action, otherNetworkId)).toBe(true);
			expect(canOnNetworks(both, action, 3)).toBe(false);
		}
	});
});
