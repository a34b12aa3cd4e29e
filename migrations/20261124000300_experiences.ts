import { sql, type Kysely } from 'kysely';

// Frozen once landed. The bank of experiences.
// `experience` is the working copy the city and the secretariat edit; `experience_listing` holds the
// version the public sees (a snapshot taken at publication), so a published record stays visible
// while a new revision is in review. Search reads only the listing tables.

function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
	const pg = isPostgres(db);
	const serial = pg ? 'serial' : 'integer';
	const id = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

	await db.schema
		.createTable('experience_topic')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('title_es', 'text', (c) => c.notNull())
		.addColumn('title_en', 'text', (c) => c.notNull())
		.addColumn('title_fr', 'text', (c) => c.notNull())
		.addColumn('title_pt', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('experience')
		.addColumn('id', serial, id)
		.addColumn('city_id', 'integer', (c) => c.notNull().references('city.id'))
		.addColumn('external_id', 'text', (c) => c.unique())
		.addColumn('original_language', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		// JSON: { es?: { title?, summary?, ... }, en?: ..., fr?: ..., pt?: ... }
		.addColumn('texts', 'text', (c) => c.notNull())
		.addColumn('title_key', 'text', (c) => c.notNull())
		.addColumn('co_lead_city_ids', 'text', (c) => c.notNull())
		.addColumn('start_date', 'text')
		.addColumn('end_date', 'text')
		.addColumn('ongoing', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('budget_range', 'text')
		.addColumn('territory_scope', 'text')
		.addColumn('contact_name', 'text')
		.addColumn('contact_email', 'text')
		.addColumn('contact_phone', 'text')
		.addColumn('links', 'text', (c) => c.notNull())
		.addColumn('video_links', 'text', (c) => c.notNull())
		.addColumn('principles', 'text', (c) => c.notNull())
		.addColumn('topics', 'text', (c) => c.notNull())
		.addColumn('target_groups', 'text', (c) => c.notNull())
		.addColumn('sdgs', 'text', (c) => c.notNull())
		.addColumn('banks', 'text', (c) => c.notNull())
		.addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('charter_version', 'text', (c) => c.notNull())
		.addColumn('completeness', 'integer', (c) => c.notNull())
		.addColumn('missing_fields', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_by', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('submitted_at', 'text')
		.addColumn('first_published_at', 'text')
		.execute();
	await db.schema.createIndex('experience_city_idx').on('experience').column('city_id').execute();
	await db.schema.createIndex('experience_status_idx').on('experience').columns(['status', 'updated_at']).execute();

	await db.schema
		.createTable('experience_event')
		.addColumn('id', serial, id)
		.addColumn('experience_id', 'integer', (c) => c.notNull().references('experience.id').onDelete('cascade'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('from_status', 'text')
		.addColumn('to_status', 'text', (c) => c.notNull())
		.addColumn('comment', 'text')
		.addColumn('actor_user_id', 'text')
		.addColumn('actor_label', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('experience_event_experience_idx').on('experience_event').column('experience_id').execute();

	await db.schema
		.createTable('experience_file')
		.addColumn('id', serial, id)
		.addColumn('experience_id', 'integer', (c) => c.notNull().references('experience.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull()) // image | document
		.addColumn('storage_key', 'text', (c) => c.notNull())
		.addColumn('original_name', 'text', (c) => c.notNull())
		.addColumn('media_type', 'text', (c) => c.notNull())
		.addColumn('byte_size', 'integer', (c) => c.notNull())
		.addColumn('width', 'integer')
		.addColumn('height', 'integer')
		.addColumn('alt_text', 'text')
		.addColumn('caption', 'text')
		.addColumn('title', 'text')
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('deleted_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('experience_file_experience_idx').on('experience_file').column('experience_id').execute();

	await db.schema
		.createTable('experience_listing')
		.addColumn('experience_id', 'integer', (c) => c.primaryKey().references('experience.id').onDelete('cascade'))
		.addColumn('city_id', 'integer', (c) => c.notNull())
		.addColumn('country_code', 'text', (c) => c.notNull())
		.addColumn('region', 'text', (c) => c.notNull())
		.addColumn('original_language', 'text', (c) => c.notNull())
		.addColumn('start_year', 'integer')
		.addColumn('featured', 'integer', (c) => c.notNull())
		.addColumn('published_at', 'text', (c) => c.notNull())
		.addColumn('title_key', 'text', (c) => c.notNull())
		// The facet values as one string ("principle:3 topic:youth lang:es …"): counting facets reads this
		// column of the matching rows once, instead of joining every tag row back to them.
		.addColumn('facet_codes', 'text', (c) => c.notNull())
		// The record as published (texts, classification, files), rendered by pages, API and exports.
		.addColumn('snapshot', 'text', (c) => c.notNull())
		.execute();
	for (const column of ['city_id', 'country_code', 'region', 'start_year', 'published_at', 'title_key', 'featured'])
		await db.schema.createIndex(`experience_listing_${column}_idx`).on('experience_listing').column(column).execute();

	// principle, topic, target, sdg, lang and bank values of each listed record: one shape for every facet.
	await db.schema
		.createTable('experience_listing_tag')
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('experience_id', 'integer', (c) => c.notNull().references('experience_listing.experience_id').onDelete('cascade'))
		.addPrimaryKeyConstraint('experience_listing_tag_pk', ['kind', 'code', 'experience_id'])
		.execute();
	await db.schema
		.createIndex('experience_listing_tag_experience_idx')
		.on('experience_listing_tag')
		.columns(['experience_id', 'kind', 'code'])
		.execute();

	// Full text over every language of the record, lower-cased and stripped of accents by the
	// repository before it gets here, so both databases tokenise the very same string.
	if (pg) {
		await sql`alter table experience_listing add column search_vector tsvector not null default ''::tsvector`.execute(db);
		await sql`create index experience_listing_search_idx on experience_listing using gin (search_vector)`.execute(db);
	} else {
		// Listing rows are wide (the snapshot is stored inline), so ordering many full-text matches by
		// their title words and date reads this narrow index instead of a page per row.
		await db.schema
			.createIndex('experience_listing_title_hits_idx')
			.on('experience_listing')
			.columns(['experience_id', 'published_at', 'title_key'])
			.execute();
		await sql`create virtual table experience_fts using fts5(body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')`.execute(
			db
		);
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	if (!isPostgres(db)) await sql`drop table if exists experience_fts`.execute(db);
	for (const table of [
		'experience_listing_tag',
		'experience_listing',
		'experience_file',
		'experience_event',
		'experience',
		'experience_topic'
	])
		await db.schema.dropTable(table).ifExists().execute();
}
