import { coordinatesNetwork, isStaff, type Actor } from '../core/access.ts';

export const networksActions = [
	'network.create',
	'network.update',
	'network.manage_view',
	'member.add',
	'member.change_role',
	'member.remove'
] as const;
export type NetworksAction = (typeof networksActions)[number];

/** What the coordinator of a network may do on that network (and only that one). */
const coordinatorActions: ReadonlySet<NetworksAction> = new Set([
	'network.manage_view',
	'member.add',
	'member.change_role',
	'member.remove'
]);

/**
 * May the actor take this action on the networks module? The Secretariat (and administrators) may do
 * everything; a network's coordinator manages that network's members; nobody else changes anything.
 * Reading networks is public and needs no check.
 */
export function canOnNetworks(actor: Actor | null, action: NetworksAction, networkId?: number): boolean {
	if (isStaff(actor)) return true;
	if (networkId !== undefined && coordinatorActions.has(action)) return coordinatesNetwork(actor, networkId);
	return false;
}
