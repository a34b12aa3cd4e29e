import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/access.ts';
import { actors } from '../testing/factories.ts';
import { canOnAccounts, type AccountAction } from './accounts.policy.ts';

const who: Record<string, Actor | null> = {
	anonymous: null,
	administrator: actors.admin(),
	secretariat: actors.secretariat(),
	representative: actors.representative(1),
	coordinator: { userId: 'u-c', email: 'c@example.org', name: 'C', locale: 'pt', roles: [{ role: 'network_coordinator', networkId: 1 }] },
	'signed in, no role': { userId: 'u-n', email: 'n@example.org', name: 'N', locale: 'fr', roles: [] }
};

// Accounts, roles and the outbox are the technical administrator's; the audit log is all staff's.
const expected: Record<AccountAction, string[]> = {
	'account.list': ['administrator'],
	'account.create': ['administrator'],
	'account.grant_role': ['administrator'],
	'outbox.view': ['administrator'],
	'audit.view': ['administrator', 'secretariat']
};

describe('accounts policy', () => {
	for (const [action, allowed] of Object.entries(expected) as [AccountAction, string[]][]) {
		for (const [name, actor] of Object.entries(who)) {
			it(`${name} ${allowed.includes(name) ? 'may' : 'may not'} ${action}`, () => {
				expect(canOnAccounts(actor, action)).toBe(allowed.includes(name));
			});
		}
	}
});
