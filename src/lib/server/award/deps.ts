import path from 'node:path';
import type { Db } from '../db/index.ts';
import { createFileStore, type FileStore } from '../core/files.ts';
import type { AppContext } from '../context.ts';
import type { Mailer } from '../core/mailer.ts';

/** What the award's write use cases need besides the database. */
export interface AwardDeps {
	db: Db;
	mailer: Mailer;
	/** Support letters and rules documents. */
	files: FileStore;
	/** Where links in e-mails point, e.g. https://platform.example.org (no trailing slash). */
	publicUrl: string;
	/** The clock, so specs can stand before or after a deadline. */
	now?: () => Date;
}

export const nowOf = (deps: Pick<AwardDeps, 'now'>): Date => (deps.now ? deps.now() : new Date());

/** The deps of a request, from the process-wide context (`locals.app` in routes). */
export function awardDepsOf(app: AppContext): AwardDeps {
	return {
		db: app.database.db,
		mailer: app.mailer,
		files: createFileStore(path.join(app.config.dataDir, 'uploads')),
		publicUrl: app.config.publicUrl
	};
}
