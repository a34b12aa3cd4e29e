import { isAdministrator, isStaff, type Actor } from '../core/access.ts';

export type AccountAction = 'account.list' | 'account.create' | 'account.grant_role' | 'audit.view' | 'outbox.view';

/** Accounts and roles are the technical administrator's; the audit log is open to all staff. */
export function canOnAccounts(actor: Actor | null, action: AccountAction): boolean {
	switch (action) {
		case 'account.list':
		case 'account.create':
		case 'account.grant_role':
		case 'outbox.view':
			return isAdministrator(actor);
		case 'audit.view':
			return isStaff(actor);
	}
}
