// Loads many published records at once: the demo's history and the benchmark's 100,000 records.
// Records go straight to `published` in large transactions, written by the repository's batched
// inserts (the same rows as the workflow writes, many per statement). It bypasses the workflow on
// purpose (no e-mails to representatives), so it is for loaders run from the command line, never
// for a request: every record is still validated like a form, and each batch is audited.
import type { Db, DbOrTrx } from '../db/index.ts';
import { actorLabel, systemActor, type Actor } from '../core/access.ts';
import { recordAudit } from '../core/audit.ts';
import { listAllCities } from '../members/index.ts';
import { experienceFieldsSchema, type ExperienceFields } from '../../shared/experiences/schemas.ts';
import { charterVersion } from '../../shared/experiences/constants.ts';
import { isTargetGroup } from '../../shared/experiences/classifications.ts';
import { completenessOf } from './experiences.service.ts';
import { searchWords } from './search-text.ts';
import * as repo from './experiences.repository.ts';
import { contentFromFields, listingInputOf, type CityInfo } from './experiences.content.ts';

/** One published record to load. Timestamps are ISO-8601 (UTC); the record keeps them. */
export interface BulkExperience {
	/** Lets a second load skip what is already there. */
	externalId: string | null;
	fields: ExperienceFields;
	featured?: boolean;
	createdAt: string;
	submittedAt?: string | null;
	firstPublishedAt?: string | null;
	publishedAt: string;
}

export interface BulkLoadOptions {
	/** Recorded as creator, in the history and in the audit log (default: the system). */
	actor?: Actor;
	/** Records per transaction (default 2,000). */
	batchSize?: number;
	/** Skip records whose external id is already in the database (default true; false for an empty database). */
	skipExisting?: boolean;
	/** Write each record's history (created, submitted, published; default true). */
	events?: boolean;
	/** Called after each batch with the number loaded so far. */
	onProgress?: (loaded: number) => void;
}

export interface BulkLoadReport {
	loaded: number;
	skipped: number;
	durationMs: number;
}

/** Which of these external ids are already taken. */
export async function existingExternalIds(db: DbOrTrx, externalIds: readonly string[]): Promise<Set<string>> {
	const taken = new Set<string>();
	for (const id of externalIds) if (await repo.findExperienceIdByExternalId(db, id)) taken.add(id);
	return taken;
}

function checkRecord(record: BulkExperience, cities: Map<number, CityInfo>, topics: Set<string>): ExperienceFields {
	const parsed = experienceFieldsSchema.safeParse(record.fields);
	const where = `experience ${record.externalId ?? record.fields.texts[record.fields.originalLanguage]?.title ?? '?'}`;
	if (!parsed.success) throw new Error(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
	const fields = parsed.data;
	for (const id of [fields.cityId, ...fields.coLeadCityIds]) if (!cities.has(id)) throw new Error(`${where}: no city ${id}`);
	const unknownTopic = fields.topics.find((t) => !topics.has(t));
	if (unknownTopic) throw new Error(`${where}: no topic ${unknownTopic}`);
	const unknownTarget = fields.targetGroups.find((t) => !isTargetGroup(t));
	if (unknownTarget) throw new Error(`${where}: no target group ${unknownTarget}`);
	return fields;
}

/** The public version of a record, as the service's publication builds it. */
function bulkListingInputOf(
	id: number,
	fields: ExperienceFields,
	record: BulkExperience,
	cities: Map<number, CityInfo>
): repo.ListingInput {
	const content = contentFromFields(id, fields, {
		city: cities.get(fields.cityId),
		coLeadCities: fields.coLeadCityIds.map((cityId) => cities.get(cityId)),
		featured: !!record.featured,
		charterVersion,
		images: [],
		documents: []
	});
	return listingInputOf(content, record.publishedAt, record.firstPublishedAt ?? record.publishedAt);
}

async function loadBatch(
	db: Db,
	batch: { record: BulkExperience; fields: ExperienceFields }[],
	cities: Map<number, CityInfo>,
	actor: Actor,
	events: boolean
): Promise<void> {
	const label = actorLabel(actor);
	await db.transaction().execute(async (trx) => {
		const rows = batch.map(({ record, fields }) => ({
			fields,
			derived: {
				titleKey: searchWords(fields.texts[fields.originalLanguage]?.title ?? '').join(' '),
				...completenessOf(fields, 0)
			},
			externalId: record.externalId,
			createdBy: actor.userId,
			charterVersion,
			featured: !!record.featured,
			createdAt: record.createdAt,
			submittedAt: record.submittedAt ?? record.publishedAt,
			firstPublishedAt: record.firstPublishedAt ?? record.publishedAt,
			publishedAt: record.publishedAt
		}));
		const ids = await repo.insertPublishedExperiences(trx, rows);
		if (events) {
			const history = rows.flatMap((row, i) => {
				const event = { experienceId: ids[i], comment: null, actorUserId: actor.userId, actorLabel: label };
				return [
					{ ...event, action: 'create', fromStatus: null, toStatus: 'draft' as const, now: row.createdAt },
					{ ...event, action: 'submit', fromStatus: 'draft' as const, toStatus: 'submitted' as const, now: row.submittedAt },
					{ ...event, action: 'publish', fromStatus: 'submitted' as const, toStatus: 'published' as const, now: row.publishedAt }
				];
			});
			await repo.insertEvents(trx, history);
		}
		const listings = batch.map(({ record, fields }, i) => bulkListingInputOf(ids[i], fields, record, cities));
		await repo.replaceListings(trx, listings);
		await recordAudit(trx, actor, {
			action: 'experience.import',
			entityType: 'experience',
			entityId: `${ids[0]}-${ids[ids.length - 1]}`,
			summary: { published: ids.length, firstId: ids[0], lastId: ids[ids.length - 1], bulk: true }
		});
	});
}

/**
 * Loads published records, `batchSize` per transaction, in the order given (ids follow it). Throws on
 * the first invalid record; batches already committed stay.
 */
export async function loadPublishedExperiences(
	db: Db,
	records: Iterable<BulkExperience> | AsyncIterable<BulkExperience>,
	options: BulkLoadOptions = {}
): Promise<BulkLoadReport> {
	const started = Date.now();
	const actor = options.actor ?? systemActor;
	const batchSize = options.batchSize ?? 2000;
	const skipExisting = options.skipExisting ?? true;
	const events = options.events ?? true;
	const cities = new Map<number, CityInfo>(
		(await listAllCities(db, {})).map((c) => [
			Number(c.id),
			{ id: Number(c.id), name: c.name, countryCode: c.country_code, region: c.region, latitude: c.latitude, longitude: c.longitude }
		])
	);
	const topics = new Set((await repo.listTopics(db)).map((t) => t.code));
	let loaded = 0;
	let skipped = 0;
	let batch: { record: BulkExperience; fields: ExperienceFields }[] = [];
	const flush = async () => {
		if (!batch.length) return;
		if (skipExisting) {
			const taken = await existingExternalIds(
				db,
				batch.flatMap((b) => (b.record.externalId ? [b.record.externalId] : []))
			);
			const before = batch.length;
			batch = batch.filter((b) => !b.record.externalId || !taken.has(b.record.externalId));
			skipped += before - batch.length;
		}
		if (batch.length) await loadBatch(db, batch, cities, actor, events);
		loaded += batch.length;
		batch = [];
		options.onProgress?.(loaded);
	};
	for await (const record of records) {
		batch.push({ record, fields: checkRecord(record, cities, topics) });
		if (batch.length >= batchSize) await flush();
	}
	await flush();
	if (loaded >= 1000) await repo.refreshListingStatistics(db);
	return { loaded, skipped, durationMs: Date.now() - started };
}
