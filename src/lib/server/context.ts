import path from 'node:path';
import { migrateToLatest, openDatabase, optimizeDatabase, type DatabaseHandle } from './db/index.ts';
import { createAuth, type Auth } from './core/auth.ts';
import { createMailer, type Mailer } from './core/mailer.ts';
import { loadConfig, type AppConfig } from './config.ts';
import { loadReferenceData } from './members/reference-data.ts';
import { seedExperienceTopics } from './experiences/reference-data.ts';
import { loadAwardHistory } from './award/reference-data.ts';

/** Everything a request needs that lives as long as the process. */
export interface AppContext {
	config: AppConfig;
	database: DatabaseHandle;
	auth: Auth;
	mailer: Mailer;
}

export function createAppContext(config: AppConfig): AppContext {
	const database = openDatabase({
		databaseUrl: config.databaseUrl,
		sqliteFile: path.join(config.dataDir, 'educating-cities.sqlite')
	});
	const mailer = createMailer(config.smtpUrl);
	const auth = createAuth({ handle: database, mailer, secret: config.authSecret, publicUrl: config.publicUrl });
	return { config, database, auth, mailer };
}

let current: Promise<AppContext> | undefined;

/** The process-wide context, created and migrated on first use. */
export function appContext(): Promise<AppContext> {
	current ??= (async () => {
		const context = createAppContext(loadConfig());
		await migrateToLatest(context.database.db);
		await loadReferenceData(context.database.db);
		await seedExperienceTopics(context.database.db);
		await loadAwardHistory(context.database.db);
		await optimizeDatabase(context.database);
		return context;
	})();
	return current;
}
