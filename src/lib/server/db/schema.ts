import type { Generated } from 'kysely';

// Row types of every table, kept beside the migrations that create them.

export interface AuthUserTable {
	id: string;
	name: string;
	email: string;
	emailVerified: boolean | number;
	image: string | null;
	locale: string | null;
	createdAt: string | Date;
	updatedAt: string | Date;
}

export interface AuthSessionTable {
	id: string;
	expiresAt: string | Date;
	token: string;
	createdAt: string | Date;
	updatedAt: string | Date;
	ipAddress: string | null;
	userAgent: string | null;
	userId: string;
}

export interface AuthAccountTable {
	id: string;
	accountId: string;
	providerId: string;
	userId: string;
	accessToken: string | null;
	refreshToken: string | null;
	idToken: string | null;
	accessTokenExpiresAt: string | Date | null;
	refreshTokenExpiresAt: string | Date | null;
	scope: string | null;
	password: string | null;
	createdAt: string | Date;
	updatedAt: string | Date;
}

export interface AuthVerificationTable {
	id: string;
	identifier: string;
	value: string;
	expiresAt: string | Date;
	createdAt: string | Date;
	updatedAt: string | Date;
}

export interface RoleAssignmentTable {
	id: Generated<number>;
	user_id: string;
	role: string;
	city_id: number | null;
	network_id: number | null;
	representative_kind: string | null;
	award_edition_id: number | null;
	created_at: string;
}

export interface AuditEntryTable {
	id: Generated<number>;
	actor_user_id: string | null;
	actor_label: string;
	action: string;
	entity_type: string;
	entity_id: string;
	summary: string;
	created_at: string;
}

export interface OutboxMessageTable {
	id: Generated<number>;
	to_address: string;
	subject: string;
	text_body: string;
	locale: string;
	created_at: string;
	sent_at: string | null;
	error: string | null;
}

export interface RateLimitCounterTable {
	key: string;
	count: number;
	window_started_at: string;
}

export interface CountryTable {
	code: string;
	region: string;
	income_group: string;
	updated_at: string;
}

export interface CityTable {
	id: Generated<number>;
	name: string;
	search_name: string;
	country_code: string;
	subdivision: string | null;
	population: number;
	latitude: number | null;
	longitude: number | null;
	website: string | null;
	languages: string;
	joined_on: string | null;
	status: string;
	status_changed_on: string;
	government_changed_on: string | null;
	version: Generated<number>;
	created_at: string;
	updated_at: string;
}

export interface CityStatusChangeTable {
	id: Generated<number>;
	city_id: number;
	from_status: string | null;
	to_status: string;
	reason: string;
	changed_on: string;
	actor_user_id: string | null;
	created_at: string;
}

export interface CityContactTable {
	id: Generated<number>;
	city_id: number;
	kind: string;
	name: string;
	position: string | null;
	email: string | null;
	phone: string | null;
	language: string;
	created_at: string;
	updated_at: string;
}

export interface FeeGridTable {
	id: Generated<number>;
	year: number;
	currency: string;
	created_at: string;
}

export interface FeeGridBandTable {
	id: Generated<number>;
	grid_id: number;
	band: string;
	min_population: number;
	max_population: number | null;
	fee_group_i_cents: number;
	fee_group_ii_cents: number;
	fee_group_iii_cents: number;
	fee_group_iv_cents: number;
}

export interface MembershipFeeTable {
	id: Generated<number>;
	city_id: number;
	year: number;
	invoice_number: string;
	amount_cents: number;
	currency: string;
	due_on: string;
	created_at: string;
	updated_at: string;
}

export interface FeePaymentTable {
	id: Generated<number>;
	fee_id: number;
	amount_cents: number;
	currency: string;
	paid_on: string;
	method: string;
	intermediary: string | null;
	reference: string | null;
	created_at: string;
}

export interface NetworkTable {
	id: Generated<number>;
	slug: string;
	kind: string;
	name_es: string;
	name_en: string;
	name_fr: string;
	name_pt: string;
	description_es: string;
	description_en: string;
	description_fr: string;
	description_pt: string;
	created_at: string;
	updated_at: string;
}

export interface NetworkMemberTable {
	network_id: number;
	city_id: number;
	role: string;
	joined_on: string;
}

export interface ExperienceTopicTable {
	code: string;
	title_es: string;
	title_en: string;
	title_fr: string;
	title_pt: string;
	position: number;
	created_at: string;
}

export interface ExperienceTable {
	id: Generated<number>;
	city_id: number;
	external_id: string | null;
	original_language: string;
	status: string;
	/** JSON: per language, the translatable texts. */
	texts: string;
	title_key: string;
	/** JSON arrays from here to `banks`. */
	co_lead_city_ids: string;
	start_date: string | null;
	end_date: string | null;
	ongoing: number;
	budget_range: string | null;
	territory_scope: string | null;
	contact_name: string | null;
	contact_email: string | null;
	contact_phone: string | null;
	links: string;
	video_links: string;
	principles: string;
	topics: string;
	target_groups: string;
	sdgs: string;
	banks: string;
	featured: number;
	charter_version: string;
	completeness: number;
	missing_fields: string;
	version: Generated<number>;
	created_by: string | null;
	created_at: string;
	updated_at: string;
	submitted_at: string | null;
	first_published_at: string | null;
}

export interface ExperienceEventTable {
	id: Generated<number>;
	experience_id: number;
	action: string;
	from_status: string | null;
	to_status: string;
	comment: string | null;
	actor_user_id: string | null;
	actor_label: string;
	created_at: string;
}

export interface ExperienceFileTable {
	id: Generated<number>;
	experience_id: number;
	kind: string;
	storage_key: string;
	original_name: string;
	media_type: string;
	byte_size: number;
	width: number | null;
	height: number | null;
	alt_text: string | null;
	caption: string | null;
	title: string | null;
	position: number;
	deleted_at: string | null;
	created_at: string;
}

export interface ExperienceListingTable {
	experience_id: number;
	city_id: number;
	country_code: string;
	region: string;
	original_language: string;
	start_year: number | null;
	featured: number;
	published_at: string;
	title_key: string;
	facet_codes: string;
	snapshot: string;
}

export interface ExperienceListingTagTable {
	kind: string;
	code: string;
	experience_id: number;
}

export interface AwardEditionTable {
	id: Generated<number>;
	year: number;
	status: string;
	texts: string;
	focus_areas: string;
	criteria: string;
	questions: string;
	scale_min: number;
	scale_max: number;
	opens_on: string | null;
	deadline: string | null;
	time_zone: string;
	jury_starts_on: string | null;
	decision_on: string | null;
	ceremony_on: string | null;
	initiative_started_before: string | null;
	max_candidacies_per_city: number;
	prizes: number;
	special_mentions: number;
	may_declare_void: number;
	blind_review: number;
	jurors_see_other_scores: number;
	share_feedback: number;
	congress_host_city_id: number | null;
	previous_winner_city_ids: string;
	rules_document_key: string | null;
	rules_document_name: string | null;
	history: string | null;
	results_published_at: string | null;
	version: Generated<number>;
	created_at: string;
	updated_at: string;
}

export interface AwardCandidacyTable {
	id: Generated<number>;
	edition_id: number;
	city_id: number;
	experience_id: number;
	status: string;
	original_language: string;
	focus_area: string | null;
	texts: string;
	answers: string;
	experience_facts: string;
	title_key: string;
	support_letter_key: string | null;
	support_letter_name: string | null;
	support_letter_size: number | null;
	eligibility: string | null;
	eligibility_checked_at: string | null;
	status_reason: string | null;
	version: Generated<number>;
	created_by: string | null;
	created_at: string;
	updated_at: string;
	submitted_at: string | null;
}

export interface AwardCandidacyEventTable {
	id: Generated<number>;
	candidacy_id: number;
	action: string;
	from_status: string | null;
	to_status: string;
	comment: string | null;
	actor_user_id: string | null;
	actor_label: string;
	created_at: string;
}

export interface AwardJurorTable {
	id: Generated<number>;
	edition_id: number;
	user_id: string;
	city_id: number | null;
	is_chair: number;
	created_at: string;
}

export interface AwardConflictTable {
	id: Generated<number>;
	edition_id: number;
	juror_id: number;
	candidacy_id: number;
	origin: string;
	reason: string | null;
	status: string;
	decision_note: string | null;
	decided_by_label: string | null;
	decided_at: string | null;
	created_at: string;
}

export interface AwardReviewTable {
	id: Generated<number>;
	edition_id: number;
	juror_id: number;
	candidacy_id: number;
	status: string;
	scores: string;
	version: Generated<number>;
	created_at: string;
	updated_at: string;
	submitted_at: string | null;
}

export interface AwardRoundTable {
	id: Generated<number>;
	edition_id: number;
	number: number;
	kind: string;
	status: string;
	minutes: string;
	minutes_approved_at: string | null;
	closed_at: string | null;
	closed_by_label: string | null;
	version: Generated<number>;
	created_at: string;
	updated_at: string;
}

export interface AwardDecisionTable {
	id: Generated<number>;
	round_id: number;
	candidacy_id: number | null;
	outcome: string;
	basis: string;
	votes_for: number | null;
	votes_against: number | null;
	abstentions: number | null;
	note: string | null;
	created_at: string;
}

export interface Database {
	auth_user: AuthUserTable;
	auth_session: AuthSessionTable;
	auth_account: AuthAccountTable;
	auth_verification: AuthVerificationTable;
	role_assignment: RoleAssignmentTable;
	audit_entry: AuditEntryTable;
	outbox_message: OutboxMessageTable;
	rate_limit_counter: RateLimitCounterTable;
	country: CountryTable;
	city: CityTable;
	city_status_change: CityStatusChangeTable;
	city_contact: CityContactTable;
	fee_grid: FeeGridTable;
	fee_grid_band: FeeGridBandTable;
	membership_fee: MembershipFeeTable;
	fee_payment: FeePaymentTable;
	network: NetworkTable;
	network_member: NetworkMemberTable;
	experience_topic: ExperienceTopicTable;
	experience: ExperienceTable;
	experience_event: ExperienceEventTable;
	experience_file: ExperienceFileTable;
	experience_listing: ExperienceListingTable;
	experience_listing_tag: ExperienceListingTagTable;
	award_edition: AwardEditionTable;
	award_candidacy: AwardCandidacyTable;
	award_candidacy_event: AwardCandidacyEventTable;
	award_juror: AwardJurorTable;
	award_conflict: AwardConflictTable;
	award_review: AwardReviewTable;
	award_round: AwardRoundTable;
	award_decision: AwardDecisionTable;
}
