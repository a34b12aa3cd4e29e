// The public surface of the networks module.
export { listNetworks, listNetworksOfCity, findNetworkById, listNetworkMembers } from './networks.repository.ts';
