import type { EditionPhase } from './constants.ts';
import type { Edition } from './types.ts';

/** The wall-clock time in a time zone as 'YYYY-MM-DDTHH:mm', comparable as text with an edition's dates. */
export function localDateTime(timeZone: string, now: Date = new Date()): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(now);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
	return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

export function isValidTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone });
		return true;
	} catch {
		return false;
	}
}

type Timeline = Pick<Edition, 'status' | 'opensOn' | 'deadline' | 'timeZone' | 'resultsPublishedAt'>;

/** Submissions are accepted up to and including the deadline minute, in the edition's own time zone. */
export function isBeforeDeadline(edition: Timeline, now: Date = new Date()): boolean {
	return !!edition.deadline && localDateTime(edition.timeZone, now) <= edition.deadline;
}

export function editionPhase(edition: Timeline, now: Date = new Date()): EditionPhase {
	if (edition.status === 'history') return 'history';
	if (edition.status === 'draft') return 'draft';
	if (edition.resultsPublishedAt) return 'published';
	const local = localDateTime(edition.timeZone, now);
	if (edition.opensOn && local < `${edition.opensOn}T00:00`) return 'upcoming';
	if (isBeforeDeadline(edition, now)) return 'open';
	return 'judging';
}
