import type { DbOrTrx } from '../db/index.ts';
import type { RoleGrant } from '../core/access.ts';
import { nowIso } from '../core/clock.ts';

export async function findUserByEmail(db: DbOrTrx, email: string) {
	return db.selectFrom('auth_user').select(['id', 'email', 'name', 'locale']).where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: DbOrTrx, id: string) {
	return db.selectFrom('auth_user').select(['id', 'email', 'name', 'locale']).where('id', '=', id).executeTakeFirst();
}

export async function listRoleGrants(db: DbOrTrx, userId: string): Promise<RoleGrant[]> {
	const rows = await db
		.selectFrom('role_assignment')
		.select(['role', 'city_id', 'network_id', 'representative_kind', 'award_edition_id'])
		.where('user_id', '=', userId)
		.orderBy('id')
		.execute();
	return rows.flatMap((row): RoleGrant[] => {
		switch (row.role) {
			case 'administrator':
				return [{ role: 'administrator' }];
			case 'secretariat':
				return [{ role: 'secretariat' }];
			case 'city_representative':
				return row.city_id
					? [
							{
								role: 'city_representative',
								cityId: row.city_id,
								kind: row.representative_kind === 'political' ? 'political' : 'technical'
							}
						]
					: [];
			case 'network_coordinator':
				return row.network_id ? [{ role: 'network_coordinator', networkId: row.network_id }] : [];
			case 'juror':
				return row.award_edition_id ? [{ role: 'juror', editionId: row.award_edition_id }] : [];
			default:
				return [];
		}
	});
}

export async function insertRoleGrant(db: DbOrTrx, userId: string, grant: RoleGrant) {
	return db
		.insertInto('role_assignment')
		.values({
			user_id: userId,
			role: grant.role,
			city_id: grant.role === 'city_representative' ? grant.cityId : null,
			network_id: grant.role === 'network_coordinator' ? grant.networkId : null,
			representative_kind: grant.role === 'city_representative' ? grant.kind : null,
			award_edition_id: grant.role === 'juror' ? grant.editionId : null,
			created_at: nowIso()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
}

export async function findRoleGrant(db: DbOrTrx, userId: string, grant: RoleGrant) {
	let query = db.selectFrom('role_assignment').select('id').where('user_id', '=', userId).where('role', '=', grant.role);
	if (grant.role === 'city_representative') query = query.where('city_id', '=', grant.cityId);
	if (grant.role === 'network_coordinator') query = query.where('network_id', '=', grant.networkId);
	if (grant.role === 'juror') query = query.where('award_edition_id', '=', grant.editionId);
	return query.executeTakeFirst();
}

/**
 * Adds or removes the juror role of one edition, inside the caller's transaction. The award module owns the
 * jury; this keeps the role table, which belongs to accounts, written only here.
 */
export async function setJurorGrant(db: DbOrTrx, userId: string, editionId: number, granted: boolean): Promise<void> {
	const grant: RoleGrant = { role: 'juror', editionId };
	const existing = await findRoleGrant(db, userId, grant);
	if (granted && !existing) await insertRoleGrant(db, userId, grant);
	if (!granted && existing) await db.deleteFrom('role_assignment').where('id', '=', existing.id).execute();
}

/** Deletes one role assignment of this user; returns whether there was one to delete. */
export async function deleteRoleGrant(db: DbOrTrx, userId: string, id: number): Promise<boolean> {
	const result = await db.deleteFrom('role_assignment').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export async function listAccountsWithRoles(db: DbOrTrx, page: number, pageSize: number) {
	const [{ total }] = await db
		.selectFrom('auth_user')
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.execute();
	const users = await db
		.selectFrom('auth_user')
		.select(['id', 'email', 'name', 'locale', 'emailVerified'])
		.orderBy('email')
		.limit(pageSize)
		.offset((page - 1) * pageSize)
		.execute();
	const ids = users.map((u) => u.id);
	const roles = ids.length
		? await db
				.selectFrom('role_assignment')
				.select(['id', 'user_id', 'role', 'city_id', 'network_id', 'representative_kind'])
				.where('user_id', 'in', ids)
				.orderBy('id')
				.execute()
		: [];
	return {
		total: Number(total),
		rows: users.map((u) => ({ ...u, emailVerified: !!u.emailVerified, roles: roles.filter((r) => r.user_id === u.id) }))
	};
}

/** Every password-reset link of a user: once one is used, the others must not work any more. */
export async function deletePasswordResetTokens(db: DbOrTrx, userId: string) {
	await db.deleteFrom('auth_verification').where('identifier', 'like', 'reset-password:%').where('value', '=', userId).execute();
}

export async function updateUserLocale(db: DbOrTrx, userId: string, locale: string) {
	await db.updateTable('auth_user').set({ locale }).where('id', '=', userId).execute();
}

/** The people who represent a city, with the language they read mail in. */
export async function listCityRepresentatives(db: DbOrTrx, cityId: number) {
	return db
		.selectFrom('role_assignment as r')
		.innerJoin('auth_user as u', 'u.id', 'r.user_id')
		.select(['u.id', 'u.email', 'u.name', 'u.locale'])
		.where('r.role', '=', 'city_representative')
		.where('r.city_id', '=', cityId)
		.orderBy('u.email')
		.distinct()
		.execute();
}
