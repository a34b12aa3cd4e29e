import type { Actor } from '#lib/server/core/access.ts';
import type { AppContext } from '#lib/server/context.ts';
import type { Locale } from '#lib/shared/i18n.ts';

declare global {
	namespace App {
		interface Locals {
			actor: Actor | null;
			locale: Locale;
			app: AppContext;
		}
		interface Error {
			message: string;
			code?: string;
			id?: string;
		}
	}
}

export {};
