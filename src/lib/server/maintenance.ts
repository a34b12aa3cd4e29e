import type { AppContext } from './context.ts';
import { refreshArrears } from './members/index.ts';
import { logger } from './core/logger.ts';
import { optimizeDatabase } from './db/index.ts';

let timer: NodeJS.Timeout | undefined;

/** Periodic jobs of a running server; each is idempotent, so several servers may run them. */
export function startMaintenance(context: AppContext): void {
	if (timer) return;
	const run = async () => {
		try {
			const changed = await refreshArrears(context.database.db, null);
			await optimizeDatabase(context.database);
			if (changed) logger.info({ changed }, 'fee arrears refreshed');
		} catch (error) {
			logger.error({ err: error }, 'maintenance failed');
		}
	};
	void run();
	timer = setInterval(run, 60 * 60 * 1000);
	timer.unref();
}
