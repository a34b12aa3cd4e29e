// The bank's reference topics, added when missing (insert-only: the secretariat's own topics and
// edits are never overwritten).
import type { DbOrTrx } from '../db/index.ts';
import { nowIso } from '../core/clock.ts';
import { referenceTopics } from '../../shared/experiences/classifications.ts';
import { insertTopic, listTopics } from './experiences.repository.ts';

export async function seedExperienceTopics(db: DbOrTrx): Promise<number> {
	const existing = new Set((await listTopics(db)).map((t) => t.code));
	let added = 0;
	for (const [index, topic] of referenceTopics.entries()) {
		if (existing.has(topic.code)) continue;
		await insertTopic(db, { code: topic.code, titles: topic.title, position: index + 1, now: nowIso() });
		added++;
	}
	return added;
}
