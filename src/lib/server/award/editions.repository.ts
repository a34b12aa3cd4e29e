// Writes and counts of the editions sub-domain. Reading an edition goes through award.repository.ts
// (toEdition, findEditionRowByYear, listEditions) so that every page sees the same shape.
import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx } from '../db/index.ts';
import type { AwardEditionTable } from '../db/schema.ts';

export type EditionInsert = Insertable<AwardEditionTable>;
export type EditionUpdate = Updateable<AwardEditionTable>;

export async function insertEdition(db: DbOrTrx, values: EditionInsert): Promise<number> {
	const row = await db.insertInto('award_edition').values(values).returning('id').executeTakeFirstOrThrow();
	return Number(row.id);
}

/** Inserts an edition unless its year exists (insert-only loaders); true when a row was written. */
export async function insertEditionIfMissing(db: DbOrTrx, values: EditionInsert): Promise<boolean> {
	const result = await db
		.insertInto('award_edition')
		.values(values)
		.onConflict((oc) => oc.column('year').doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Saves the settings only if nobody saved since `version` was read; false when the version is stale. */
export async function updateEditionSettings(db: DbOrTrx, id: number, version: number, values: EditionUpdate): Promise<boolean> {
	const result = await db
		.updateTable('award_edition')
		.set({ ...values, version: version + 1 })
		.where('id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function setEditionRulesDocument(
	db: DbOrTrx,
	id: number,
	document: { key: string; name: string },
	now: string
): Promise<void> {
	await db
		.updateTable('award_edition')
		.set({ rules_document_key: document.key, rules_document_name: document.name, updated_at: now })
		.where('id', '=', id)
		.execute();
}

export async function yearExists(db: DbOrTrx, year: number, exceptId?: number): Promise<boolean> {
	let query = db.selectFrom('award_edition').select('id').where('year', '=', year);
	if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
	return !!(await query.executeTakeFirst());
}

export interface CityRef {
	id: number;
	name: string;
	countryCode: string;
}

/** The cities of these ids that exist, by id. */
export async function findCityRefs(db: DbOrTrx, ids: readonly number[]): Promise<Map<number, CityRef>> {
	if (!ids.length) return new Map();
	const rows = await db
		.selectFrom('city')
		.select(['id', 'name', 'country_code'])
		.where('id', 'in', [...ids])
		.execute();
	return new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), name: r.name, countryCode: r.country_code }]));
}

/** Names of cities, for the settings form's pickers. */
export async function listCityChoices(db: DbOrTrx): Promise<CityRef[]> {
	const rows = await db.selectFrom('city').select(['id', 'name', 'country_code']).orderBy('search_name').orderBy('id').execute();
	return rows.map((r) => ({ id: Number(r.id), name: r.name, countryCode: r.country_code }));
}

/** Candidacies per edition and status: editionId → { status → count }. */
export async function countCandidaciesByStatus(db: DbOrTrx, editionIds?: readonly number[]): Promise<Map<number, Record<string, number>>> {
	let query = db
		.selectFrom('award_candidacy')
		.select(['edition_id', 'status', (eb) => eb.fn.countAll<number>().as('count')])
		.groupBy(['edition_id', 'status']);
	if (editionIds) query = query.where('edition_id', 'in', editionIds.length ? [...editionIds] : [-1]);
	const counts = new Map<number, Record<string, number>>();
	for (const row of await query.execute()) {
		const byStatus = counts.get(Number(row.edition_id)) ?? {};
		byStatus[row.status] = Number(row.count);
		counts.set(Number(row.edition_id), byStatus);
	}
	return counts;
}

/** Reviews of an edition by status ('assigned' | 'draft' | 'submitted'). */
export async function countReviewsByStatus(db: DbOrTrx, editionId: number): Promise<Record<string, number>> {
	const rows = await db
		.selectFrom('award_review')
		.select(['status', (eb) => eb.fn.countAll<number>().as('count')])
		.where('edition_id', '=', editionId)
		.groupBy('status')
		.execute();
	return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
}

/** Whether any juror has started scoring (a review saved as draft or submitted). */
export async function hasScoredReviews(db: DbOrTrx, editionId: number): Promise<boolean> {
	const row = await db
		.selectFrom('award_review')
		.select('id')
		.where('edition_id', '=', editionId)
		.where('status', 'in', ['draft', 'submitted'])
		.executeTakeFirst();
	return !!row;
}

export async function countJurors(db: DbOrTrx, editionId: number): Promise<number> {
	const row = await db
		.selectFrom('award_juror')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('edition_id', '=', editionId)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/** Which of these experiences are published (have a public page). */
export async function publishedExperienceIds(db: DbOrTrx, ids: readonly number[]): Promise<Set<number>> {
	if (!ids.length) return new Set();
	const rows = await db
		.selectFrom('experience_listing')
		.select('experience_id')
		.where('experience_id', 'in', [...ids])
		.execute();
	return new Set(rows.map((r) => Number(r.experience_id)));
}
