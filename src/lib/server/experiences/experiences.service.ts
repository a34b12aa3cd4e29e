import type { Db, DbOrTrx } from '../db/index.ts';
import { actorLabel, isStaff, representedCityIds, type Actor } from '../core/access.ts';
import { diffFields, recordAudit } from '../core/audit.ts';
import { nowIso } from '../core/clock.ts';
import { onDataChanged } from '../core/data-changes.ts';
import type { Mailer } from '../core/mailer.ts';
import type { FileCheck, FileStore } from '../core/files.ts';
import { translatorFor } from '../core/i18n.ts';
import { conflict, fail, forbidden, notFound, ok, validate, type FieldErrors, type Result } from '../core/result.ts';
import { findCityById } from '../members/index.ts';
import { listCityRepresentatives } from '../accounts/index.ts';
import { isLocale, type Locale } from '../../shared/i18n.ts';
import {
	experienceFieldsSchema,
	experienceQuerySchema,
	featureSchema,
	imageUploadSchema,
	documentUploadSchema,
	returnSchema,
	topicSchema,
	transitionSchema,
	updateExperienceSchema,
	workingListQuerySchema,
	type ExperienceFields,
	type ExperienceQuery
} from '../../shared/experiences/schemas.ts';
import {
	charterVersion,
	completenessFields,
	requiredForSubmission,
	transitions,
	upload,
	type CompletenessField,
	type ExperienceStatus,
	type WorkflowAction
} from '../../shared/experiences/constants.ts';
import { isTargetGroup } from '../../shared/experiences/classifications.ts';
import type { ExperienceContent, ExperienceRecord } from '../../shared/experiences/types.ts';
import { allowedTransitions, canOnExperiences } from './experiences.policy.ts';
import { searchWords } from './search-text.ts';
import * as repo from './experiences.repository.ts';
import { contentFromFields, listingInputOf, type CityInfo } from './experiences.content.ts';

/** What the write use cases need besides the database. */
export interface ExperiencesDeps {
	db: Db;
	mailer: Mailer;
	/** Where links in e-mails point, e.g. https://platform.example.org (no trailing slash). */
	publicUrl: string;
}

// ---------------------------------------------------------------------------------------------------
// Derived values

type ContentForCompleteness = Pick<
	ExperienceFields,
	| 'texts'
	| 'originalLanguage'
	| 'targetGroups'
	| 'startDate'
	| 'budgetRange'
	| 'territoryScope'
	| 'contactEmail'
	| 'contactName'
	| 'links'
	| 'videoLinks'
	| 'principles'
	| 'topics'
	| 'sdgs'
>;

/** Which fields are still empty, and the share filled in, as a whole percentage. */
export function completenessOf(
	fields: ContentForCompleteness,
	imageCount: number
): { completeness: number; missingFields: CompletenessField[] } {
	const original = fields.texts[fields.originalLanguage] ?? {};
	const filled: Record<CompletenessField, boolean> = {
		title: !!original.title,
		summary: !!original.summary,
		description: !!original.description,
		objectives: !!original.objectives,
		methodology: !!original.methodology,
		agents: !!original.agents,
		targetGroups: fields.targetGroups.length > 0,
		startDate: !!fields.startDate,
		budgetRange: !!fields.budgetRange,
		funding: !!original.funding,
		territoryScope: !!fields.territoryScope,
		results: !!original.results,
		lessons: !!original.lessons,
		contact: !!(fields.contactEmail || fields.contactName),
		links: fields.links.length + fields.videoLinks.length > 0,
		images: imageCount > 0,
		principles: fields.principles.length > 0,
		topics: fields.topics.length > 0,
		sdgs: fields.sdgs.length > 0
	};
	const missingFields = completenessFields.filter((f) => !filled[f]);
	return {
		completeness: Math.round((100 * (completenessFields.length - missingFields.length)) / completenessFields.length),
		missingFields
	};
}

function titleKeyOf(fields: Pick<ExperienceFields, 'texts' | 'originalLanguage'>): string {
	return searchWords(fields.texts[fields.originalLanguage]?.title ?? '').join(' ');
}

function fieldsOfRow(row: repo.ExperienceRow): ExperienceFields {
	return {
		cityId: Number(row.city_id),
		coLeadCityIds: JSON.parse(row.co_lead_city_ids),
		originalLanguage: row.original_language as Locale,
		texts: JSON.parse(row.texts),
		startDate: row.start_date ?? undefined,
		endDate: row.end_date ?? undefined,
		ongoing: Number(row.ongoing) === 1,
		budgetRange: (row.budget_range ?? undefined) as ExperienceFields['budgetRange'],
		territoryScope: (row.territory_scope ?? undefined) as ExperienceFields['territoryScope'],
		contactName: row.contact_name ?? undefined,
		contactEmail: row.contact_email ?? undefined,
		contactPhone: row.contact_phone ?? undefined,
		links: JSON.parse(row.links),
		videoLinks: JSON.parse(row.video_links),
		principles: JSON.parse(row.principles),
		topics: JSON.parse(row.topics),
		targetGroups: JSON.parse(row.target_groups),
		sdgs: JSON.parse(row.sdgs),
		banks: JSON.parse(row.banks)
	};
}

async function contentOf(db: DbOrTrx, row: repo.ExperienceRow): Promise<ExperienceContent> {
	const fields = fieldsOfRow(row);
	const cityInfo = async (id: number): Promise<CityInfo | undefined> => {
		const city = await findCityById(db as Db, id);
		return city
			? {
					id: Number(city.id),
					name: city.name,
					countryCode: city.country_code,
					region: city.region,
					latitude: city.latitude,
					longitude: city.longitude
				}
			: undefined;
	};
	const files = await repo.listFiles(db, Number(row.id));
	return contentFromFields(Number(row.id), fields, {
		city: await cityInfo(fields.cityId),
		coLeadCities: await Promise.all(fields.coLeadCityIds.map(cityInfo)),
		featured: Number(row.featured) === 1,
		charterVersion: row.charter_version,
		images: files
			.filter((f) => f.kind === 'image')
			.map((f) => ({ id: Number(f.id), altText: f.alt_text ?? '', caption: f.caption, width: f.width, height: f.height })),
		documents: files
			.filter((f) => f.kind === 'document')
			.map((f) => ({ id: Number(f.id), title: f.title ?? f.original_name, byteSize: Number(f.byte_size) }))
	});
}

async function recordOf(db: DbOrTrx, row: repo.ExperienceRow): Promise<ExperienceRecord> {
	return {
		...(await contentOf(db, row)),
		externalId: row.external_id,
		status: row.status as ExperienceStatus,
		version: Number(row.version),
		completeness: Number(row.completeness),
		missingFields: JSON.parse(row.missing_fields),
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		submittedAt: row.submitted_at,
		firstPublishedAt: row.first_published_at,
		isListed: !!(await repo.findListing(db, Number(row.id)))
	};
}

/** Checks what zod cannot: that the cities, topics and target groups exist. */
async function checkReferences(db: DbOrTrx, fields: ExperienceFields): Promise<FieldErrors | null> {
	const errors: FieldErrors = {};
	if (!(await findCityById(db as Db, fields.cityId))) errors.cityId = ['experiences.validation.city_unknown'];
	for (const id of fields.coLeadCityIds)
		if (!(await findCityById(db as Db, id))) errors.coLeadCityIds = ['experiences.validation.city_unknown'];
	const topics = new Set((await repo.listTopics(db)).map((t) => t.code));
	if (fields.topics.some((t) => !topics.has(t))) errors.topics = ['experiences.validation.topic_unknown'];
	if (fields.targetGroups.some((t) => !isTargetGroup(t))) errors.targetGroups = ['experiences.validation.target_unknown'];
	return Object.keys(errors).length ? errors : null;
}

// ---------------------------------------------------------------------------------------------------
// Creating and editing

export async function createExperience(
	db: Db,
	actor: Actor | null,
	input: unknown,
	options: { externalId?: string | null } = {}
): Promise<Result<{ id: number }>> {
	if (!actor) return forbidden();
	const parsed = validate(experienceFieldsSchema, input);
	if (!parsed.ok) return parsed;
	const fields = parsed.value;
	if (!canOnExperiences(actor, 'experience.create', { cityId: fields.cityId })) return forbidden();
	const referenceErrors = await checkReferences(db, fields);
	if (referenceErrors) return fail(400, 'common.errors.validation', referenceErrors);
	const id = await db.transaction().execute(async (trx) => {
		const now = nowIso();
		const derived = { titleKey: titleKeyOf(fields), ...completenessOf(fields, 0) };
		const id = await repo.insertExperience(trx, {
			fields,
			derived,
			status: 'draft',
			externalId: options.externalId ?? null,
			createdBy: actor.userId,
			charterVersion,
			now
		});
		await repo.insertEvent(trx, {
			experienceId: id,
			action: 'create',
			fromStatus: null,
			toStatus: 'draft',
			comment: null,
			actorUserId: actor.userId,
			actorLabel: actorLabel(actor),
			now
		});
		await recordAudit(trx, actor, {
			action: 'experience.create',
			entityType: 'experience',
			entityId: id,
			summary: { cityId: fields.cityId, title: fields.texts[fields.originalLanguage]?.title, originalLanguage: fields.originalLanguage }
		});
		return id;
	});
	return ok({ id });
}

export async function updateExperience(
	db: Db,
	actor: Actor | null,
	id: number,
	input: unknown
): Promise<Result<{ id: number; version: number }>> {
	const before = await repo.findExperienceRow(db, id);
	if (!before) return notFound();
	const resource = { cityId: Number(before.city_id), status: before.status as ExperienceStatus };
	if (!canOnExperiences(actor, 'experience.view_working', resource)) return notFound();
	if (!canOnExperiences(actor, 'experience.edit', resource)) return forbidden();
	const parsed = validate(updateExperienceSchema, input);
	if (!parsed.ok) return parsed;
	const { version, ...fields } = parsed.value;
	// Only the secretariat may move a record to another city.
	if (fields.cityId !== resource.cityId && !isStaff(actor)) return forbidden();
	const referenceErrors = await checkReferences(db, fields);
	if (referenceErrors) return fail(400, 'common.errors.validation', referenceErrors);
	return db.transaction().execute(async (trx) => {
		const imageCount = await repo.countFiles(trx, id, 'image');
		const derived = { titleKey: titleKeyOf(fields), ...completenessOf(fields, imageCount) };
		const saved = await repo.updateExperienceFields(trx, id, version, fields, derived, nowIso());
		if (!saved) return conflict('common.errors.stale');
		await recordAudit(trx, actor, {
			action: 'experience.update',
			entityType: 'experience',
			entityId: id,
			summary: diffFields(fieldsOfRow(before) as unknown as Record<string, unknown>, fields as unknown as Record<string, unknown>)
		});
		return ok({ id, version: version + 1 });
	});
}

/** The working copy with what the actor may do with it. Others get not-found, as if it did not exist. */
export async function getWorkingExperience(db: Db, actor: Actor | null, id: number) {
	const row = await repo.findExperienceRow(db, id);
	if (!row) return notFound();
	const resource = { cityId: Number(row.city_id), status: row.status as ExperienceStatus };
	if (!canOnExperiences(actor, 'experience.view_working', resource)) return notFound();
	return ok({
		record: await recordOf(db, row),
		events: await repo.listEvents(db, id),
		mayEdit: canOnExperiences(actor, 'experience.edit', resource),
		mayFeature: canOnExperiences(actor, 'experience.feature', resource),
		transitions: allowedTransitions(actor, resource)
	});
}

export async function listWorkingExperiences(db: Db, actor: Actor | null, input: unknown) {
	if (!actor) return forbidden();
	const parsed = validate(workingListQuerySchema, input);
	if (!parsed.ok) return parsed;
	const scope = canOnExperiences(actor, 'experience.list_all') ? undefined : representedCityIds(actor);
	if (scope && !scope.length) return forbidden();
	return ok({
		query: parsed.value,
		...(await repo.listWorkingCopies(db, parsed.value, scope)),
		countsByStatus: await repo.countWorkingCopiesByStatus(db, scope)
	});
}

// ---------------------------------------------------------------------------------------------------
// Workflow

async function notifyCity(deps: ExperiencesDeps, trx: DbOrTrx, record: ExperienceContent, action: WorkflowAction, comment: string | null) {
	const representatives = await listCityRepresentatives(trx, record.city.id);
	for (const person of representatives) {
		const locale: Locale = isLocale(person.locale) ? person.locale : record.originalLanguage;
		const t = translatorFor(locale);
		const title = record.texts[locale]?.title ?? record.texts[record.originalLanguage]?.title ?? '';
		const url = `${deps.publicUrl}/${locale}/experiences/${record.id}/edit`;
		await deps.mailer.send(trx, {
			to: person.email,
			locale,
			subject: t(`experiences.mail.${action}_subject`, { title }),
			text: [
				t(`experiences.mail.${action}_body`, { title, city: record.city.name }),
				comment ? `\n${t('experiences.mail.comment_heading')}\n${comment}\n` : '',
				t('experiences.mail.link', { url })
			]
				.filter(Boolean)
				.join('\n')
		});
	}
}

export async function transitionExperience(
	deps: ExperiencesDeps,
	actor: Actor | null,
	id: number,
	action: WorkflowAction,
	input: unknown
): Promise<Result<{ status: ExperienceStatus }>> {
	const { db } = deps;
	const row = await repo.findExperienceRow(db, id);
	if (!row) return notFound();
	const status = row.status as ExperienceStatus;
	const resource = { cityId: Number(row.city_id), status };
	if (!canOnExperiences(actor, 'experience.view_working', resource)) return notFound();
	const transition = transitions[action];
	if (!transition) return notFound();
	if (!transition.from.includes(status)) return conflict('experiences.workflow.not_allowed_now');
	if (!canOnExperiences(actor, `workflow.${action}`, resource)) return forbidden();
	const parsed = validate(action === 'return' ? returnSchema : transitionSchema, input);
	if (!parsed.ok) return parsed;
	const { version } = parsed.value;
	const comment = parsed.value.comment ?? null;
	if (version !== Number(row.version)) return conflict('common.errors.stale');
	if (action === 'submit') {
		const missing = (JSON.parse(row.missing_fields) as CompletenessField[]).filter((f) => requiredForSubmission.includes(f));
		if (missing.length)
			return fail(
				400,
				'experiences.workflow.incomplete',
				Object.fromEntries(missing.map((f) => [f, ['experiences.validation.required_to_submit']]))
			);
	}
	return db.transaction().execute(async (trx) => {
		const now = nowIso();
		const content = await contentOf(trx, row);
		const firstPublishedAt = row.first_published_at ?? now;
		const saved = await repo.updateExperienceState(
			trx,
			id,
			version,
			{
				status: transition.to,
				...(action === 'submit' ? { submittedAt: now } : {}),
				...(action === 'publish' ? { firstPublishedAt } : {})
			},
			now
		);
		if (!saved) return conflict('common.errors.stale');
		if (action === 'publish' || action === 'restore') await repo.replaceListing(trx, listingInputOf(content, now, firstPublishedAt));
		if (action === 'archive') await repo.deleteListing(trx, id);
		await repo.insertEvent(trx, {
			experienceId: id,
			action,
			fromStatus: status,
			toStatus: transition.to,
			comment,
			actorUserId: actor?.userId ?? null,
			actorLabel: actorLabel(actor),
			now
		});
		await recordAudit(trx, actor, {
			action: `experience.${action}`,
			entityType: 'experience',
			entityId: id,
			summary: { from: status, to: transition.to, ...(comment ? { comment } : {}) }
		});
		await notifyCity(deps, trx, content, action, comment);
		return ok({ status: transition.to });
	});
}

export async function setExperienceFeatured(
	db: Db,
	actor: Actor | null,
	id: number,
	input: unknown
): Promise<Result<{ featured: boolean }>> {
	const row = await repo.findExperienceRow(db, id);
	if (!row) return notFound();
	const resource = { cityId: Number(row.city_id), status: row.status as ExperienceStatus };
	if (!canOnExperiences(actor, 'experience.view_working', resource)) return notFound();
	if (!canOnExperiences(actor, 'experience.feature', resource)) return forbidden();
	const parsed = validate(featureSchema, input);
	if (!parsed.ok) return parsed;
	const { featured } = parsed.value;
	return db.transaction().execute(async (trx) => {
		const saved = await repo.updateExperienceState(trx, id, Number(row.version), { featured }, nowIso());
		if (!saved) return conflict('common.errors.stale');
		await repo.setListingFeatured(trx, id, featured);
		await recordAudit(trx, actor, {
			action: featured ? 'experience.feature' : 'experience.unfeature',
			entityType: 'experience',
			entityId: id,
			summary: { featured }
		});
		return ok({ featured });
	});
}

// ---------------------------------------------------------------------------------------------------
// Files

export interface UploadedFile {
	name: string;
	bytes: Uint8Array;
}

async function loadEditable(db: Db, actor: Actor | null, id: number): Promise<Result<repo.ExperienceRow>> {
	const row = await repo.findExperienceRow(db, id);
	if (!row) return notFound();
	const resource = { cityId: Number(row.city_id), status: row.status as ExperienceStatus };
	if (!canOnExperiences(actor, 'experience.view_working', resource)) return notFound();
	if (!canOnExperiences(actor, 'experience.edit', resource)) return forbidden();
	return ok(row);
}

async function refreshCompleteness(trx: DbOrTrx, row: repo.ExperienceRow): Promise<void> {
	const fields = fieldsOfRow(row);
	const derived = { titleKey: titleKeyOf(fields), ...completenessOf(fields, await repo.countFiles(trx, Number(row.id), 'image')) };
	await trx
		.updateTable('experience')
		.set({ completeness: derived.completeness, missing_fields: JSON.stringify(derived.missingFields), updated_at: nowIso() })
		.where('id', '=', Number(row.id))
		.execute();
}

interface FileKindRules {
	kind: 'image' | 'document';
	/** The form field errors are reported on. */
	field: 'image' | 'document';
	max: number;
	tooManyKey: string;
	store: (files: FileStore, bytes: Uint8Array) => Promise<FileCheck>;
}

const imageRules: FileKindRules = {
	kind: 'image',
	field: 'image',
	max: upload.maxImagesPerExperience,
	tooManyKey: 'experiences.files.too_many_images',
	store: (files, bytes) => files.storeImage(bytes, { maxBytes: upload.maxImageBytes, widths: upload.imageWidths })
};

const documentRules: FileKindRules = {
	kind: 'document',
	field: 'document',
	max: upload.maxDocumentsPerExperience,
	tooManyKey: 'experiences.files.too_many_documents',
	store: (files, bytes) => files.storeDocument(bytes, { maxBytes: upload.maxDocumentBytes })
};

/** Checks, stores and records one uploaded file; `describe` gives its alt text, caption or title. */
async function addExperienceFile(
	db: Db,
	files: FileStore,
	actor: Actor | null,
	id: number,
	file: UploadedFile | null,
	rules: FileKindRules,
	describe: { altText: string | null; caption: string | null; title: string | null }
): Promise<Result<{ fileId: number }>> {
	const loaded = await loadEditable(db, actor, id);
	if (!loaded.ok) return loaded;
	if (!file || file.bytes.byteLength === 0) return fail(400, 'common.errors.validation', { [rules.field]: ['files.errors.empty'] });
	if ((await repo.countFiles(db, id, rules.kind)) >= rules.max)
		return fail(400, 'common.errors.validation', { [rules.field]: [rules.tooManyKey] });
	const stored = await rules.store(files, file.bytes);
	if (!stored.ok) return fail(400, 'common.errors.validation', { [rules.field]: [stored.error] });
	const name = file.name.slice(0, 200);
	const fileId = await db.transaction().execute(async (trx) => {
		const fileId = await repo.insertFile(trx, {
			experienceId: id,
			kind: rules.kind,
			originalName: name,
			...stored.file,
			...describe,
			now: nowIso()
		});
		if (rules.kind === 'image') await refreshCompleteness(trx, loaded.value);
		await recordAudit(trx, actor, {
			action: 'experience.file_add',
			entityType: 'experience',
			entityId: id,
			summary: { fileId, kind: rules.kind, name, ...describe }
		});
		return fileId;
	});
	return ok({ fileId });
}

export async function addExperienceImage(
	db: Db,
	files: FileStore,
	actor: Actor | null,
	id: number,
	file: UploadedFile | null,
	input: unknown
): Promise<Result<{ fileId: number }>> {
	const parsed = validate(imageUploadSchema, input);
	if (!parsed.ok) {
		// Say what is wrong with the description even before the person may edit (not-found stays not-found).
		const loaded = await loadEditable(db, actor, id);
		return loaded.ok ? parsed : loaded;
	}
	return addExperienceFile(db, files, actor, id, file, imageRules, {
		altText: parsed.value.altText,
		caption: parsed.value.caption ?? null,
		title: null
	});
}

export async function addExperienceDocument(
	db: Db,
	files: FileStore,
	actor: Actor | null,
	id: number,
	file: UploadedFile | null,
	input: unknown
): Promise<Result<{ fileId: number }>> {
	const parsed = validate(documentUploadSchema, input);
	if (!parsed.ok) {
		const loaded = await loadEditable(db, actor, id);
		return loaded.ok ? parsed : loaded;
	}
	return addExperienceFile(db, files, actor, id, file, documentRules, { altText: null, caption: null, title: parsed.value.title });
}

export async function removeExperienceFile(
	db: Db,
	files: FileStore,
	actor: Actor | null,
	id: number,
	fileId: number
): Promise<Result<null>> {
	const loaded = await loadEditable(db, actor, id);
	if (!loaded.ok) return loaded;
	const file = await repo.findFile(db, fileId);
	if (!file || Number(file.experience_id) !== id || file.deleted_at) return notFound();
	// The public version may still show the file until the next publication: keep its bytes then.
	const stillListed = await repo.isFileListed(db, id, fileId);
	await db.transaction().execute(async (trx) => {
		await repo.markFileDeleted(trx, fileId, nowIso());
		await refreshCompleteness(trx, loaded.value);
		await recordAudit(trx, actor, {
			action: 'experience.file_remove',
			entityType: 'experience',
			entityId: id,
			summary: { fileId, kind: file.kind, name: file.original_name }
		});
	});
	if (!stillListed) await files.remove(file.storage_key);
	return ok(null);
}

/** A stored file, if the actor may see it: in the public version, or in a working copy they may open. */
export async function findExperienceFileForDownload(db: Db, actor: Actor | null, fileId: number) {
	const file = await repo.findFile(db, fileId);
	if (!file) return notFound();
	const experienceId = Number(file.experience_id);
	if (await repo.isFileListed(db, experienceId, fileId)) return ok({ file, isPublic: true });
	if (file.deleted_at) return notFound();
	const row = await repo.findExperienceRow(db, experienceId);
	if (!row || !canOnExperiences(actor, 'experience.view_working', { cityId: Number(row.city_id), status: row.status as ExperienceStatus }))
		return notFound();
	return ok({ file, isPublic: false });
}

// ---------------------------------------------------------------------------------------------------
// The public bank

// Facet counts of recent searches, kept until anything changes in this process (every change is
// audited and the audit notifies) or for `tallySeconds` (changes made by another app server):
// paging through results, or going from the list to the visualisation, counts the matches once.
const tallySeconds = 30;
const maxTallies = 300;
type TallyCache = Map<string, { expires: number; tally: Promise<repo.Tally> }>;
let talliesByDatabase = new WeakMap<Db, TallyCache>();
onDataChanged(() => (talliesByDatabase = new WeakMap()));

function cachedTally(db: Db, query: ExperienceQuery, pairs: boolean): Promise<repo.Tally> {
	const { page: _page, pageSize: _pageSize, sort: _sort, ...filters } = query;
	const key = `${pairs ? 'p' : 'f'}|${JSON.stringify(filters)}`;
	const now = Date.now();
	let tallies = talliesByDatabase.get(db);
	if (!tallies) talliesByDatabase.set(db, (tallies = new Map()));
	const hit = tallies.get(key);
	if (hit && hit.expires > now) return hit.tally;
	const tally = repo.tallyMatches(db, query, { pairs });
	tally.catch(() => tallies.delete(key));
	if (tallies.size >= maxTallies) tallies.delete(tallies.keys().next().value as string);
	tallies.set(key, { expires: now + tallySeconds * 1000, tally });
	return tally;
}

let bankSizes = new WeakMap<Db, { expires: number; size: Promise<number> }>();
onDataChanged(() => (bankSizes = new WeakMap()));

/** How many records are listed, for choosing how a search reads them; kept like the facet counts. */
function cachedBankSize(db: Db): Promise<number> {
	const now = Date.now();
	const hit = bankSizes.get(db);
	if (hit && hit.expires > now) return hit.size;
	const size = repo.countListings(db);
	size.catch(() => bankSizes.delete(db));
	bankSizes.set(db, { expires: now + tallySeconds * 1000, size });
	return size;
}

export async function searchExperiences(db: Db, input: unknown) {
	const parsed = validate(experienceQuerySchema, input);
	if (!parsed.ok) return parsed;
	const query = parsed.value;
	const [tally, bankSize] = await Promise.all([cachedTally(db, query, false), cachedBankSize(db)]);
	const items = await repo.listListingPage(db, query, tally.total, bankSize);
	return ok({ query, total: tally.total, items: items.map(repo.toSummary), facets: tally.facets });
}

/** Everything the visualisation page draws for a search: the facet counts and the principle × topic matrix. */
export async function exploreExperiences(db: Db, input: unknown) {
	const parsed = validate(experienceQuerySchema, input);
	if (!parsed.ok) return parsed;
	const query = parsed.value;
	const { facets, pairs, total } = await cachedTally(db, query, true);
	return ok({ query, facets, matrix: pairs, total });
}

/** Every published record a search matches, for exports. */
export function streamExperiences(db: Db, query: ExperienceQuery) {
	return repo.streamListings(db, query);
}

export async function getPublishedExperience(db: Db, id: number) {
	const record = await repo.findListing(db, id);
	if (!record) return notFound();
	return ok({ record, related: (await repo.listRelatedListings(db, record, 4)).map(repo.toSummary) });
}

export async function listRecentExperiences(db: Db, limit = 30, bank?: string) {
	return repo.listRecentlyPublished(db, limit, bank);
}

// ---------------------------------------------------------------------------------------------------
// Topics

export async function listExperienceTopics(db: DbOrTrx) {
	return (await repo.listTopics(db)).map((t) => ({
		code: t.code,
		title: { es: t.title_es, en: t.title_en, fr: t.title_fr, pt: t.title_pt } as Record<Locale, string>
	}));
}

export async function addExperienceTopic(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ code: string }>> {
	if (!canOnExperiences(actor, 'topic.manage')) return forbidden();
	const parsed = validate(topicSchema, input);
	if (!parsed.ok) return parsed;
	const { code, titleEs, titleEn, titleFr, titlePt } = parsed.value;
	return db.transaction().execute(async (trx) => {
		const added = await repo.insertTopic(trx, { code, titles: { es: titleEs, en: titleEn, fr: titleFr, pt: titlePt }, now: nowIso() });
		if (!added) return fail(409, 'experiences.topics.duplicate', { code: ['experiences.topics.duplicate'] });
		await recordAudit(trx, actor, {
			action: 'experience_topic.create',
			entityType: 'experience_topic',
			entityId: code,
			summary: parsed.value
		});
		return ok({ code });
	});
}

// ---------------------------------------------------------------------------------------------------
// Import (called by experiences.import.ts, which checks a whole file first and opens one transaction
// for all of its records)

export interface ImportedExperience {
	externalId: string;
	/** Already parsed by experienceFieldsSchema, with its cities, topics and target groups checked. */
	fields: ExperienceFields;
	status: 'draft' | 'published';
	featured: boolean;
}

/**
 * Creates the working copy with this external id, or overwrites it whatever its state and whatever
 * was edited since (that is what importing a file again means). `published` also replaces the public
 * version; `draft` leaves any public version as it is, as a revision does. Runs inside the caller's
 * transaction and writes a history event, but no mail and no audit entry: the caller audits the file.
 */
export async function importExperienceRecord(
	trx: DbOrTrx,
	actor: Actor | null,
	record: ImportedExperience
): Promise<Result<{ id: number; created: boolean }>> {
	if (!actor || !canOnExperiences(actor, 'experience.import')) return forbidden();
	const { externalId, fields, status, featured } = record;
	const now = nowIso();
	const existing = await repo.findExperienceIdByExternalId(trx, externalId);
	let id: number;
	if (existing) {
		id = existing.id;
		const derived = { titleKey: titleKeyOf(fields), ...completenessOf(fields, await repo.countFiles(trx, id, 'image')) };
		if (!(await repo.updateExperienceFields(trx, id, existing.version, fields, derived, now))) return conflict('common.errors.stale');
	} else {
		id = await repo.insertExperience(trx, {
			fields,
			derived: { titleKey: titleKeyOf(fields), ...completenessOf(fields, 0) },
			status: 'draft',
			externalId,
			createdBy: actor.userId,
			charterVersion,
			now
		});
	}
	let row = (await repo.findExperienceRow(trx, id))!;
	const wasFeatured = Number(row.featured) === 1;
	const firstPublishedAt = row.first_published_at ?? (status === 'published' ? now : null);
	if (row.status !== status || wasFeatured !== featured || firstPublishedAt !== row.first_published_at) {
		const saved = await repo.updateExperienceState(
			trx,
			id,
			Number(row.version),
			{ status, featured, ...(firstPublishedAt ? { firstPublishedAt } : {}) },
			now
		);
		if (!saved) return conflict('common.errors.stale');
		row = (await repo.findExperienceRow(trx, id))!;
	}
	if (status === 'published') await repo.replaceListing(trx, listingInputOf(await contentOf(trx, row), now, firstPublishedAt ?? now));
	else if (wasFeatured !== featured) await repo.setListingFeatured(trx, id, featured);
	await repo.insertEvent(trx, {
		experienceId: id,
		action: 'import',
		fromStatus: existing?.status ?? null,
		toStatus: status,
		comment: null,
		actorUserId: actor.userId,
		actorLabel: actorLabel(actor),
		now
	});
	return ok({ id, created: !existing });
}
