import type { Kysely } from 'kysely';

// Frozen once landed. The Educating Cities Award: editions (the call), candidacies built from an
// experience, the jury with its conflicts of interest, one review per juror and candidacy (the scores),
// and deliberation rounds with their decisions. Texts per language and lists are JSON text columns.

function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
	const pg = isPostgres(db);
	const serial = pg ? 'serial' : 'integer';
	const id = (c: any) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

	// A juror's role is scoped to one edition.
	await db.schema.alterTable('role_assignment').addColumn('award_edition_id', 'integer').execute();

	await db.schema
		.createTable('award_edition')
		.addColumn('id', serial, id)
		.addColumn('year', 'integer', (c) => c.notNull().unique())
		// draft (prepared, not public) | announced (public call) | history (an earlier edition, a record only)
		.addColumn('status', 'text', (c) => c.notNull())
		// JSON: { es: { theme, description, ceremony }, en: ..., fr: ..., pt: ... }
		.addColumn('texts', 'text', (c) => c.notNull())
		// JSON: [{ code, names: { es, en, fr, pt } }]
		.addColumn('focus_areas', 'text', (c) => c.notNull())
		// JSON: [{ code, weight, names: {...}, descriptions: {...} }]
		.addColumn('criteria', 'text', (c) => c.notNull())
		// JSON: [{ code, texts: { es, en, fr, pt }, maxLength }]
		.addColumn('questions', 'text', (c) => c.notNull())
		.addColumn('scale_min', 'integer', (c) => c.notNull())
		.addColumn('scale_max', 'integer', (c) => c.notNull())
		.addColumn('opens_on', 'text')
		// Local date and time in `time_zone`, 'YYYY-MM-DDTHH:mm'.
		.addColumn('deadline', 'text')
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('jury_starts_on', 'text')
		.addColumn('decision_on', 'text')
		.addColumn('ceremony_on', 'text')
		.addColumn('initiative_started_before', 'text')
		.addColumn('max_candidacies_per_city', 'integer', (c) => c.notNull())
		.addColumn('prizes', 'integer', (c) => c.notNull())
		.addColumn('special_mentions', 'integer', (c) => c.notNull())
		.addColumn('may_declare_void', 'integer', (c) => c.notNull())
		.addColumn('blind_review', 'integer', (c) => c.notNull())
		.addColumn('jurors_see_other_scores', 'integer', (c) => c.notNull())
		.addColumn('share_feedback', 'integer', (c) => c.notNull())
		.addColumn('congress_host_city_id', 'integer', (c) => c.references('city.id'))
		// JSON array of city ids.
		.addColumn('previous_winner_city_ids', 'text', (c) => c.notNull())
		.addColumn('rules_document_key', 'text')
		.addColumn('rules_document_name', 'text')
		// JSON, for earlier editions: { entries, cities, countries, finalists, winners: number | string[] }
		.addColumn('history', 'text')
		.addColumn('results_published_at', 'text')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('award_candidacy')
		.addColumn('id', serial, id)
		.addColumn('edition_id', 'integer', (c) => c.notNull().references('award_edition.id'))
		.addColumn('city_id', 'integer', (c) => c.notNull().references('city.id'))
		.addColumn('experience_id', 'integer', (c) => c.notNull().references('experience.id'))
		// draft | submitted | admitted | rejected  (reopened for correction goes back to draft)
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('original_language', 'text', (c) => c.notNull())
		.addColumn('focus_area', 'text')
		// JSON: the experience's texts per language, copied when the candidacy is created; frozen at submission.
		.addColumn('texts', 'text', (c) => c.notNull())
		// JSON: { questionCode: answer } in the candidacy's original language.
		.addColumn('answers', 'text', (c) => c.notNull())
		// JSON: the experience's classification and dates at creation (principles, topics, startDate, ...).
		.addColumn('experience_facts', 'text', (c) => c.notNull())
		.addColumn('title_key', 'text', (c) => c.notNull())
		.addColumn('support_letter_key', 'text')
		.addColumn('support_letter_name', 'text')
		.addColumn('support_letter_size', 'integer')
		// JSON: the last eligibility check, [{ rule, ok }], and when it ran.
		.addColumn('eligibility', 'text')
		.addColumn('eligibility_checked_at', 'text')
		.addColumn('status_reason', 'text')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_by', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('submitted_at', 'text')
		.execute();
	await db.schema.createIndex('award_candidacy_edition_idx').on('award_candidacy').columns(['edition_id', 'status']).execute();
	await db.schema.createIndex('award_candidacy_city_idx').on('award_candidacy').columns(['city_id', 'edition_id']).execute();

	await db.schema
		.createTable('award_candidacy_event')
		.addColumn('id', serial, id)
		.addColumn('candidacy_id', 'integer', (c) => c.notNull().references('award_candidacy.id').onDelete('cascade'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('from_status', 'text')
		.addColumn('to_status', 'text', (c) => c.notNull())
		.addColumn('comment', 'text')
		.addColumn('actor_user_id', 'text')
		.addColumn('actor_label', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('award_candidacy_event_idx').on('award_candidacy_event').column('candidacy_id').execute();

	await db.schema
		.createTable('award_juror')
		.addColumn('id', serial, id)
		.addColumn('edition_id', 'integer', (c) => c.notNull().references('award_edition.id'))
		.addColumn('user_id', 'text', (c) => c.notNull())
		// The Executive Committee city the juror sits for; null for a specialist.
		.addColumn('city_id', 'integer', (c) => c.references('city.id'))
		.addColumn('is_chair', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('award_juror_edition_user_key', ['edition_id', 'user_id'])
		.execute();

	await db.schema
		.createTable('award_conflict')
		.addColumn('id', serial, id)
		.addColumn('edition_id', 'integer', (c) => c.notNull().references('award_edition.id'))
		.addColumn('juror_id', 'integer', (c) => c.notNull().references('award_juror.id').onDelete('cascade'))
		.addColumn('candidacy_id', 'integer', (c) => c.notNull().references('award_candidacy.id').onDelete('cascade'))
		// own_city | same_country | shared_network | declared
		.addColumn('origin', 'text', (c) => c.notNull())
		.addColumn('reason', 'text')
		// excluded | pending (flagged, awaiting the chair or the secretariat) | cleared
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('decision_note', 'text')
		.addColumn('decided_by_label', 'text')
		.addColumn('decided_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('award_conflict_key', ['juror_id', 'candidacy_id', 'origin'])
		.execute();
	await db.schema.createIndex('award_conflict_edition_idx').on('award_conflict').columns(['edition_id', 'status']).execute();

	await db.schema
		.createTable('award_review')
		.addColumn('id', serial, id)
		.addColumn('edition_id', 'integer', (c) => c.notNull().references('award_edition.id'))
		.addColumn('juror_id', 'integer', (c) => c.notNull().references('award_juror.id').onDelete('cascade'))
		.addColumn('candidacy_id', 'integer', (c) => c.notNull().references('award_candidacy.id').onDelete('cascade'))
		// assigned | draft | submitted
		.addColumn('status', 'text', (c) => c.notNull())
		// JSON: { criterionCode: { score: number | null, comment: string } }
		.addColumn('scores', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('submitted_at', 'text')
		.addUniqueConstraint('award_review_key', ['juror_id', 'candidacy_id'])
		.execute();
	await db.schema.createIndex('award_review_edition_idx').on('award_review').columns(['edition_id', 'candidacy_id']).execute();

	await db.schema
		.createTable('award_round')
		.addColumn('id', serial, id)
		.addColumn('edition_id', 'integer', (c) => c.notNull().references('award_edition.id'))
		.addColumn('number', 'integer', (c) => c.notNull())
		// shortlist | finalists | winners
		.addColumn('kind', 'text', (c) => c.notNull())
		// open | closed
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('minutes', 'text', (c) => c.notNull())
		.addColumn('minutes_approved_at', 'text')
		.addColumn('closed_at', 'text')
		.addColumn('closed_by_label', 'text')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('award_round_number_key', ['edition_id', 'number'])
		.execute();

	await db.schema
		.createTable('award_decision')
		.addColumn('id', serial, id)
		.addColumn('round_id', 'integer', (c) => c.notNull().references('award_round.id').onDelete('cascade'))
		// null only for `void`: the award declared void.
		.addColumn('candidacy_id', 'integer', (c) => c.references('award_candidacy.id'))
		// shortlisted | finalist | winner | special_mention | void
		.addColumn('outcome', 'text', (c) => c.notNull())
		// consensus | vote
		.addColumn('basis', 'text', (c) => c.notNull())
		.addColumn('votes_for', 'integer')
		.addColumn('votes_against', 'integer')
		.addColumn('abstentions', 'integer')
		.addColumn('note', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('award_decision_round_idx').on('award_decision').column('round_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'award_decision',
		'award_round',
		'award_review',
		'award_conflict',
		'award_juror',
		'award_candidacy_event',
		'award_candidacy',
		'award_edition'
	])
		await db.schema.dropTable(table).execute();
	await db.schema.alterTable('role_assignment').dropColumn('award_edition_id').execute();
}
