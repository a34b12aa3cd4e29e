import type { Kysely } from 'kysely';

// Frozen once landed. Money is integer cents; dates are 'YYYY-MM-DD' text; timestamps ISO text.

function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
	const pg = isPostgres(db);
	const serial = pg ? 'serial' : 'integer';
	const real = pg ? 'double precision' : 'real';
	const id = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

	await db.schema
		.createTable('country')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('region', 'text', (c) => c.notNull())
		.addColumn('income_group', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('city')
		.addColumn('id', serial, id)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('search_name', 'text', (c) => c.notNull())
		.addColumn('country_code', 'text', (c) => c.notNull().references('country.code'))
		.addColumn('subdivision', 'text')
		.addColumn('population', 'integer', (c) => c.notNull())
		.addColumn('latitude', real)
		.addColumn('longitude', real)
		.addColumn('website', 'text')
		.addColumn('languages', 'text', (c) => c.notNull())
		.addColumn('joined_on', 'text')
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('status_changed_on', 'text', (c) => c.notNull())
		.addColumn('government_changed_on', 'text')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('city_search_name_idx').on('city').column('search_name').execute();
	await db.schema.createIndex('city_country_idx').on('city').column('country_code').execute();
	await db.schema.createIndex('city_status_idx').on('city').column('status').execute();
	await db.schema.createIndex('city_name_country_unique').on('city').columns(['search_name', 'country_code']).unique().execute();

	await db.schema
		.createTable('city_status_change')
		.addColumn('id', serial, id)
		.addColumn('city_id', 'integer', (c) => c.notNull().references('city.id').onDelete('cascade'))
		.addColumn('from_status', 'text')
		.addColumn('to_status', 'text', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('changed_on', 'text', (c) => c.notNull())
		.addColumn('actor_user_id', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('city_status_change_city_idx').on('city_status_change').column('city_id').execute();

	await db.schema
		.createTable('city_contact')
		.addColumn('id', serial, id)
		.addColumn('city_id', 'integer', (c) => c.notNull().references('city.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('position', 'text')
		.addColumn('email', 'text')
		.addColumn('phone', 'text')
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('city_contact_city_idx').on('city_contact').column('city_id').execute();

	await db.schema
		.createTable('fee_grid')
		.addColumn('id', serial, id)
		.addColumn('year', 'integer', (c) => c.notNull().unique())
		.addColumn('currency', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('fee_grid_band')
		.addColumn('id', serial, id)
		.addColumn('grid_id', 'integer', (c) => c.notNull().references('fee_grid.id').onDelete('cascade'))
		.addColumn('band', 'text', (c) => c.notNull())
		.addColumn('min_population', 'integer', (c) => c.notNull())
		.addColumn('max_population', 'integer')
		.addColumn('fee_group_i_cents', 'integer', (c) => c.notNull())
		.addColumn('fee_group_ii_cents', 'integer', (c) => c.notNull())
		.addColumn('fee_group_iii_cents', 'integer', (c) => c.notNull())
		.addColumn('fee_group_iv_cents', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('membership_fee')
		.addColumn('id', serial, id)
		.addColumn('city_id', 'integer', (c) => c.notNull().references('city.id').onDelete('cascade'))
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('invoice_number', 'text', (c) => c.notNull().unique())
		.addColumn('amount_cents', 'integer', (c) => c.notNull())
		.addColumn('currency', 'text', (c) => c.notNull())
		.addColumn('due_on', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('membership_fee_city_year_unique', ['city_id', 'year'])
		.execute();
	await db.schema
		.createTable('fee_payment')
		.addColumn('id', serial, id)
		.addColumn('fee_id', 'integer', (c) => c.notNull().references('membership_fee.id').onDelete('cascade'))
		.addColumn('amount_cents', 'integer', (c) => c.notNull())
		.addColumn('currency', 'text', (c) => c.notNull())
		.addColumn('paid_on', 'text', (c) => c.notNull())
		.addColumn('method', 'text', (c) => c.notNull())
		.addColumn('intermediary', 'text')
		.addColumn('reference', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('fee_payment_fee_idx').on('fee_payment').column('fee_id').execute();

	await db.schema
		.createTable('network')
		.addColumn('id', serial, id)
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('name_es', 'text', (c) => c.notNull())
		.addColumn('name_en', 'text', (c) => c.notNull())
		.addColumn('name_fr', 'text', (c) => c.notNull())
		.addColumn('name_pt', 'text', (c) => c.notNull())
		.addColumn('description_es', 'text', (c) => c.notNull())
		.addColumn('description_en', 'text', (c) => c.notNull())
		.addColumn('description_fr', 'text', (c) => c.notNull())
		.addColumn('description_pt', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('network_member')
		.addColumn('network_id', 'integer', (c) => c.notNull().references('network.id').onDelete('cascade'))
		.addColumn('city_id', 'integer', (c) => c.notNull().references('city.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('joined_on', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('network_member_pk', ['network_id', 'city_id'])
		.execute();
	await db.schema.createIndex('network_member_city_idx').on('network_member').column('city_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'network_member',
		'network',
		'fee_payment',
		'membership_fee',
		'fee_grid_band',
		'fee_grid',
		'city_contact',
		'city_status_change',
		'city',
		'country'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
