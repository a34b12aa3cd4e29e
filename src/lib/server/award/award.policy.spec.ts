import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/access.ts';
import { canOnAward, type AwardAction, type AwardResource } from './award.policy.ts';

const person = (roles: Actor['roles']): Actor => ({ userId: 'u', email: 'u@example.org', name: 'U', locale: 'en', roles });
const staff = person([{ role: 'secretariat' }]);
const barcelona = person([{ role: 'city_representative', cityId: 1, kind: 'technical' }]);
const juror = person([{ role: 'juror', editionId: 7 }]);
const seat = { isChair: false };
const chairSeat = { isChair: true };

const table: [string, Actor | null, AwardAction, AwardResource, boolean][] = [
	['visitor manages', null, 'edition.manage', {}, false],
	['secretariat manages', staff, 'edition.manage', {}, true],
	['city manages', barcelona, 'edition.manage', {}, false],
	['juror lists all', juror, 'candidacy.list_all', { seat }, false],
	['city creates for itself', barcelona, 'candidacy.create', { cityId: 1 }, true],
	['city creates for another', barcelona, 'candidacy.create', { cityId: 2 }, false],
	['secretariat creates for a city', staff, 'candidacy.create', { cityId: 2 }, true],
	['juror views a candidacy as a city', juror, 'candidacy.view', { cityId: 1 }, false],
	['juror with a seat scores', juror, 'review.score', { seat }, true],
	['juror of another edition scores', juror, 'review.score', { seat: null }, false],
	['secretariat scores', staff, 'review.score', {}, false],
	['juror sees results', juror, 'results.view', { seat }, true],
	['city sees results', barcelona, 'results.view', {}, false],
	['juror decides conflicts', juror, 'conflict.decide', { seat }, false],
	['chair decides conflicts', juror, 'conflict.decide', { seat: chairSeat }, true],
	['secretariat decides conflicts', staff, 'conflict.decide', {}, true],
	['chair closes a round', juror, 'round.close', { seat: chairSeat }, true],
	['secretariat closes a round', staff, 'round.close', {}, false],
	['secretariat reopens a round', staff, 'round.reopen', {}, true],
	['juror reopens a round', juror, 'round.reopen', { seat }, false],
	['chair publishes', juror, 'results.publish', { seat: chairSeat }, false],
	['secretariat publishes', staff, 'results.publish', {}, true],
	['secretariat exports', staff, 'award.export', {}, true],
	['juror exports', juror, 'award.export', { seat: chairSeat }, false]
];

describe('award policy', () => {
	it.each(table)('%s', (_label, actor, action, resource, expected) => {
		expect(canOnAward(actor, action, resource)).toBe(expected);
	});
});
