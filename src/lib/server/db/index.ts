import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from '../../../../migrations/index.ts';
import type { Database } from './schema.ts';

export type { Database } from './schema.ts';
export type DatabaseKind = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type DbOrTrx = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
	db: Db;
	kind: DatabaseKind;
	close(): Promise<void>;
}

export interface DatabaseConfig {
	/** A postgres:// URL selects PostgreSQL; anything else is ignored. */
	databaseUrl?: string;
	/** Path of the SQLite file when no PostgreSQL URL is given. */
	sqliteFile?: string;
	poolSize?: number;
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
	const dataDir = env.DATA_DIR || './data';
	return {
		databaseUrl: env.DATABASE_URL,
		sqliteFile: path.join(dataDir, 'educating-cities.sqlite'),
		poolSize: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined
	};
}

export function isPostgresUrl(url: string | undefined): url is string {
	return !!url && /^postgres(ql)?:\/\//.test(url);
}

// pg returns int8 (count(*), sums) as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number(value));

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
	if (isPostgresUrl(config.databaseUrl)) {
		const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		return { db, kind: 'postgres', close: () => db.destroy() };
	}
	const file = config.sqliteFile ?? './data/educating-cities.sqlite';
	if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const sqlite = new SQLite(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
	return { db, kind: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing costs about as much as running a small query. The
 * same SQL text comes back on every request, so prepared statements are kept (the driver runs one
 * query at a time on a connection, so a statement is never in use twice at once).
 */
function withStatementCache(sqlite: SQLite.Database, limit = 1000) {
	const statements = new Map<string, SQLite.Statement>();
	return {
		prepare(sql: string) {
			let statement = statements.get(sql);
			if (!statement) {
				statement = sqlite.prepare(sql);
				if (statements.size >= limit) statements.delete(statements.keys().next().value as string);
				statements.set(sql, statement);
			}
			return statement;
		},
		close() {
			statements.clear();
			sqlite.close();
		}
	};
}

/**
 * Keeps SQLite's query planner statistics fresh (PostgreSQL's autovacuum does this by itself), so
 * that it weighs a selective index against a scan in the wanted order from real row counts rather
 * than guesses. Run at start and hourly.
 */
export async function optimizeDatabase(handle: DatabaseHandle): Promise<void> {
	if (handle.kind !== 'sqlite') return;
	// analysis_limit bounds the work per index, so this stays quick on large tables too.
	await sql`pragma analysis_limit = 1000`.execute(handle.db);
	await sql`analyze`.execute(handle.db);
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations }
	});
	const { error, results } = await migrator.migrateToLatest();
	if (error) throw error;
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
