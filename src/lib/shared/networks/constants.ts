export const networkKinds = ['territorial', 'delegation', 'thematic'] as const;
export type NetworkKind = (typeof networkKinds)[number];

export const networkRoles = ['member', 'coordinator', 'co_coordinator'] as const;
export type NetworkRole = (typeof networkRoles)[number];

/** Founding rule of thematic networks (association-history.json, bodies.thematic_networks). */
export const thematicNetworkRules = { minCities: 5, minCountries: 3, minCoCoordinators: 2 } as const;
