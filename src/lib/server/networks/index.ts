// The public surface of the networks module.
export { listNetworks, listNetworksOfCity, findNetworkById, listNetworkMembers } from './networks.repository.ts';
export * from './networks.service.ts';
export { canOnNetworks, networksActions, type NetworksAction } from './networks.policy.ts';
export { networkOperations, toPublicNetworkSummary, toPublicNetworkDetail } from './networks.openapi.ts';
