import type { Locale } from '../../shared/i18n.ts';

export const roleNames = ['administrator', 'secretariat', 'city_representative', 'network_coordinator', 'juror'] as const;
export type RoleName = (typeof roleNames)[number];

export type RoleGrant =
	| { role: 'administrator' }
	| { role: 'secretariat' }
	| { role: 'city_representative'; cityId: number; kind: 'political' | 'technical' }
	| { role: 'network_coordinator'; networkId: number }
	/** Granted by the award module when a person joins an edition's jury; scoped to that edition only. */
	| { role: 'juror'; editionId: number };

/** Who is acting. `null` stands for an anonymous visitor. */
export interface Actor {
	userId: string;
	email: string;
	name: string;
	locale: Locale | null;
	roles: RoleGrant[];
}

/** The platform itself (demo loader, imports run from the command line). */
export const systemActor: Actor = {
	userId: 'system',
	email: 'system@localhost',
	name: 'System',
	locale: null,
	roles: [{ role: 'administrator' }]
};

export function isAdministrator(actor: Actor | null): boolean {
	return !!actor?.roles.some((r) => r.role === 'administrator');
}

/** Administrators can do all the secretariat can: they are the last resort on a small team. */
export function isStaff(actor: Actor | null): boolean {
	return !!actor?.roles.some((r) => r.role === 'secretariat' || r.role === 'administrator');
}

export function representsCity(actor: Actor | null, cityId: number): boolean {
	return !!actor?.roles.some((r) => r.role === 'city_representative' && r.cityId === cityId);
}

export function coordinatesNetwork(actor: Actor | null, networkId: number): boolean {
	return !!actor?.roles.some((r) => r.role === 'network_coordinator' && r.networkId === networkId);
}

export function representedCityIds(actor: Actor | null): number[] {
	return (actor?.roles ?? []).flatMap((r) => (r.role === 'city_representative' ? [r.cityId] : []));
}

export function coordinatedNetworkIds(actor: Actor | null): number[] {
	return (actor?.roles ?? []).flatMap((r) => (r.role === 'network_coordinator' ? [r.networkId] : []));
}

/** The award editions whose jury this actor sits on. */
export function jurorEditionIds(actor: Actor | null): number[] {
	return (actor?.roles ?? []).flatMap((r) => (r.role === 'juror' ? [r.editionId] : []));
}

export function actorLabel(actor: Actor | null): string {
	return actor ? `${actor.name} <${actor.email}>` : 'anonymous';
}
