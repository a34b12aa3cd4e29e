import { describe, expect, it } from 'vitest';
import { editionPhase, isBeforeDeadline, localDateTime } from './timeline.ts';

const edition = {
	status: 'announced' as const,
	opensOn: '2025-03-01',
	deadline: '2025-10-15T23:59',
	timeZone: 'Europe/Madrid',
	resultsPublishedAt: null
};

describe('award timeline', () => {
	it('reads the wall clock in the edition’s time zone', () => {
		expect(localDateTime('Europe/Madrid', new Date('2025-10-15T21:59:00Z'))).toBe('2025-10-15T23:59');
		expect(localDateTime('America/Mexico_City', new Date('2025-10-16T03:00:00Z'))).toBe('2025-10-15T21:00');
	});

	it('accepts a submission until the deadline minute in Madrid, not in UTC', () => {
		expect(isBeforeDeadline(edition, new Date('2025-10-15T21:59:30Z'))).toBe(true);
		expect(isBeforeDeadline(edition, new Date('2025-10-15T22:00:00Z'))).toBe(false);
	});

	it('derives the phase from the status, the dates and the publication', () => {
		expect(editionPhase({ ...edition, status: 'draft' }, new Date('2025-05-01T00:00:00Z'))).toBe('draft');
		expect(editionPhase(edition, new Date('2025-02-01T00:00:00Z'))).toBe('upcoming');
		expect(editionPhase(edition, new Date('2025-05-01T00:00:00Z'))).toBe('open');
		expect(editionPhase(edition, new Date('2025-11-01T00:00:00Z'))).toBe('judging');
		expect(editionPhase({ ...edition, resultsPublishedAt: '2026-02-20T10:00:00Z' }, new Date('2026-03-01T00:00:00Z'))).toBe('published');
		expect(editionPhase({ ...edition, status: 'history' })).toBe('history');
	});
});
