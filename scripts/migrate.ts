// npm run migrate: applies pending migrations to the configured database (DATABASE_URL for
// PostgreSQL, else the SQLite file in DATA_DIR) and lists what it applied. The server also migrates
// when it starts; this runs them on their own, e.g. before a rolling deploy.
import path from 'node:path';
import { databaseConfigFromEnv, isPostgresUrl, migrateToLatest, openDatabase, type DatabaseConfig } from '../src/lib/server/db/index.ts';

/** Where the data lives, without the password. */
function describeDatabase(config: DatabaseConfig): string {
	if (isPostgresUrl(config.databaseUrl)) {
		const url = new URL(config.databaseUrl);
		return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
	}
	return `SQLite ${path.resolve(config.sqliteFile!)}`;
}

// The same DATABASE_URL / DATA_DIR the server reads (config.ts), without creating its session secret.
const config = databaseConfigFromEnv();
const handle = openDatabase(config);
let exitCode = 0;
try {
	console.log(`Database: ${describeDatabase(config)}`);
	const applied = await migrateToLatest(handle.db);
	if (applied.length === 0) console.log('Already up to date: no pending migrations.');
	else {
		console.log(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}:`);
		for (const name of applied) console.log(`  ${name}`);
	}
} catch (error) {
	console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
	exitCode = 1;
} finally {
	await handle.close();
}
process.exit(exitCode);
