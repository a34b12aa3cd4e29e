import { sql, type Kysely } from 'kysely';

// Frozen once landed. Timestamps are ISO-8601 UTC text and booleans are 0/1 integers on both
// databases, so the same repository code reads the same values from SQLite and PostgreSQL.

function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
	const pg = isPostgres(db);
	const serial = pg ? 'serial' : 'integer';
	const ts = pg ? 'timestamptz' : 'text';
	const bool = pg ? 'boolean' : 'integer';

	// better-auth's core tables, with its camelCase field names.
	await db.schema
		.createTable('auth_user')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('emailVerified', bool, (c) => c.notNull())
		.addColumn('image', 'text')
		.addColumn('locale', 'text')
		.addColumn('createdAt', ts, (c) => c.notNull())
		.addColumn('updatedAt', ts, (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('auth_session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('expiresAt', ts, (c) => c.notNull())
		.addColumn('token', 'text', (c) => c.notNull().unique())
		.addColumn('createdAt', ts, (c) => c.notNull())
		.addColumn('updatedAt', ts, (c) => c.notNull())
		.addColumn('ipAddress', 'text')
		.addColumn('userAgent', 'text')
		.addColumn('userId', 'text', (c) => c.notNull().references('auth_user.id').onDelete('cascade'))
		.execute();
	await db.schema.createIndex('auth_session_user_idx').on('auth_session').column('userId').execute();
	await db.schema
		.createTable('auth_account')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('accountId', 'text', (c) => c.notNull())
		.addColumn('providerId', 'text', (c) => c.notNull())
		.addColumn('userId', 'text', (c) => c.notNull().references('auth_user.id').onDelete('cascade'))
		.addColumn('accessToken', 'text')
		.addColumn('refreshToken', 'text')
		.addColumn('idToken', 'text')
		.addColumn('accessTokenExpiresAt', ts)
		.addColumn('refreshTokenExpiresAt', ts)
		.addColumn('scope', 'text')
		.addColumn('password', 'text')
		.addColumn('createdAt', ts, (c) => c.notNull())
		.addColumn('updatedAt', ts, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('auth_account_user_idx').on('auth_account').column('userId').execute();
	await db.schema
		.createTable('auth_verification')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('identifier', 'text', (c) => c.notNull())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('expiresAt', ts, (c) => c.notNull())
		.addColumn('createdAt', ts, (c) => c.notNull())
		.addColumn('updatedAt', ts, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('auth_verification_identifier_idx').on('auth_verification').column('identifier').execute();

	await db.schema
		.createTable('role_assignment')
		.addColumn('id', serial, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
		.addColumn('user_id', 'text', (c) => c.notNull().references('auth_user.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('city_id', 'integer')
		.addColumn('network_id', 'integer')
		.addColumn('representative_kind', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('role_assignment_user_idx').on('role_assignment').column('user_id').execute();

	await db.schema
		.createTable('audit_entry')
		.addColumn('id', serial, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
		.addColumn('actor_user_id', 'text')
		.addColumn('actor_label', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity_type', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('audit_entry_entity_idx').on('audit_entry').columns(['entity_type', 'entity_id']).execute();
	await db.schema.createIndex('audit_entry_created_idx').on('audit_entry').column('created_at').execute();

	await db.schema
		.createTable('outbox_message')
		.addColumn('id', serial, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('text_body', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.addColumn('error', 'text')
		.execute();

	await db.schema
		.createTable('rate_limit_counter')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('count', 'integer', (c) => c.notNull())
		.addColumn('window_started_at', 'text', (c) => c.notNull())
		.execute();

	await sql`select 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'rate_limit_counter',
		'outbox_message',
		'audit_entry',
		'role_assignment',
		'auth_verification',
		'auth_account',
		'auth_session',
		'auth_user'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
