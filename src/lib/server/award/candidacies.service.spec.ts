import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, auditEntries, countRows, createTestCity } from '../testing/factories.ts';
import {
	awardDepsFor,
	createTestCandidacy,
	createTestEdition,
	createTestJuror,
	type TestEditionValues
} from '../testing/award-factories.ts';
import { createTestExperience, prepareExperiences } from '../testing/experience-factories.ts';
import { createFileStore } from '../core/files.ts';
import { nowIso } from '../core/clock.ts';
import type { Actor } from '../core/access.ts';
import type { Failure, Result } from '../core/result.ts';
import type { Db } from '../db/index.ts';
import { insertRoleGrant } from '../accounts/accounts.repository.ts';
import { findCandidacy, listConflicts } from './award.repository.ts';
import {
	admitAwardCandidacy,
	createAwardCandidacy,
	findSupportLetterForDownload,
	getAwardCandidacyForCity,
	getAwardCandidacyForStaff,
	listAwardCandidaciesForStaff,
	listAwardCandidacyChoices,
	listAwardOpportunities,
	recheckAwardEligibility,
	rejectAwardCandidacy,
	reopenAwardCandidacy,
	submitAwardCandidacy,
	updateAwardCandidacy,
	uploadAwardSupportLetter
} from './candidacies.service.ts';

const pdf = new TextEncoder().encode(`%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
trailer << /Root 1 0 R >>
%%EOF
`);
const notPdf = new TextEncoder().encode('<!doctype html><p>Signed, the mayor</p>');
const candidacyTables = ['award_candidacy', 'award_candidacy_event', 'audit_entry', 'outbox_message'] as const;

function expectOk<T>(result: Result<T>): T {
	if (!result.ok) throw new Error(`expected success, got ${result.status} ${result.code} ${JSON.stringify(result.fieldErrors ?? {})}`);
	return result.value;
}

function expectFailure(result: Result<unknown>, status: number, code: string): Failure {
	if (result.ok) throw new Error(`expected ${status} ${code}, got success`);
	expect({ status: result.status, code: result.code }).toEqual({ status, code });
	return result;
}

/** A person with an account who represents the city, reading mail in `locale`. */
async function addRepresentative(db: Db, cityId: number, locale: 'es' | 'en' | 'fr' | 'pt', name: string): Promise<Actor> {
	const userId = `user-${name.toLowerCase()}-${cityId}`;
	const email = `${name.toLowerCase()}-${cityId}@example.org`;
	const now = nowIso();
	await db
		.insertInto('auth_user')
		.values({ id: userId, name, email, emailVerified: 1, image: null, locale, createdAt: now, updatedAt: now })
		.execute();
	await insertRoleGrant(db, userId, { role: 'city_representative', cityId, kind: 'technical' });
	return { userId, email, name, locale, roles: [{ role: 'city_representative', cityId, kind: 'technical' }] };
}

describeEachDatabase('award candidacies', (getDb) => {
	/** Lyon (France) with a French-speaking and a Spanish-speaking representative, an experience in French, and Porto. */
	async function setup(db: Db, edition: TestEditionValues = {}) {
		await prepareExperiences(db);
		const cityId = await createTestCity(db, { name: 'Lyon', countryCode: 'FR' });
		const otherCityId = await createTestCity(db, { name: 'Porto', countryCode: 'PT' });
		const rep = await addRepresentative(db, cityId, 'fr', 'Camille');
		await addRepresentative(db, cityId, 'es', 'Lucia');
		const otherRep = await addRepresentative(db, otherCityId, 'pt', 'Joao');
		const experienceId = await createTestExperience(db, cityId, {
			originalLanguage: 'fr',
			texts: {
				fr: { title: 'Écoles ouvertes', summary: 'Les écoles ouvrent le soir.', description: 'Une longue description.' },
				es: { title: 'Escuelas abiertas' }
			},
			startDate: '2019-03-01',
			principles: [1, 4],
			topics: ['environment'],
			links: ['https://lyon.example.org/ecoles']
		});
		const { id: editionId, year } = await createTestEdition(db, edition);
		return { cityId, otherCityId, rep, otherRep, experienceId, editionId, year };
	}

	/** The draft's form as a representative fills it in, complete but for the letter. */
	const completeDraft = (version: number) => ({
		originalLanguage: 'fr',
		texts: {
			fr: { title: 'Écoles ouvertes', summary: 'Les écoles ouvrent le soir.', description: 'Une longue description.' },
			en: { title: 'Open schools' }
		},
		answers: { inclusion: 'En ouvrant chaque école au quartier.', results: 'Deux fois plus de familles.' },
		focusArea: 'culture',
		version: String(version)
	});

	async function versionOf(db: Db, id: number) {
		return (await findCandidacy(db, id))!.version;
	}

	it('takes a city from a new draft to a submitted candidacy, frozen afterwards, auditing and mailing each step', async () => {
		const db = getDb();
		const { rep, cityId, experienceId, year } = await setup(db);
		const deps = awardDepsFor(db);

		const { id } = expectOk(await createAwardCandidacy(deps, rep, year, { cityId: String(cityId), experienceId: String(experienceId) }));
		let candidacy = (await findCandidacy(db, id))!;
		expect(candidacy).toMatchObject({
			status: 'draft',
			originalLanguage: 'fr',
			texts: {
				fr: { title: 'Écoles ouvertes', summary: 'Les écoles ouvrent le soir.', description: 'Une longue description.' },
				es: { title: 'Escuelas abiertas' }
			},
			facts: { startDate: '2019-03-01', principles: [1, 4], topics: ['environment'], links: ['https://lyon.example.org/ecoles'] },
			answers: {},
			focusArea: null
		});

		// Over a question's own limit (3000 characters) and an unknown focus area: refused, nothing saved.
		const tooLong = await updateAwardCandidacy(deps, rep, id, {
			...completeDraft(candidacy.version),
			answers: { inclusion: 'x'.repeat(3001) },
			focusArea: 'sports'
		});
		expect(expectFailure(tooLong, 400, 'common.errors.validation').fieldErrors).toEqual({
			'answers.inclusion': ['common.validation.too_long'],
			focusArea: ['award.candidacy.focus_area_unknown']
		});
		expect((await findCandidacy(db, id))!.version).toBe(candidacy.version);

		expectOk(await updateAwardCandidacy(deps, rep, id, completeDraft(candidacy.version)));
		expectFailure(await updateAwardCandidacy(deps, rep, id, completeDraft(candidacy.version)), 409, 'common.errors.stale');
		candidacy = (await findCandidacy(db, id))!;
		expect(candidacy.texts.en).toEqual({ title: 'Open schools' });
		expect(candidacy.texts.es).toBeUndefined();
		expect(candidacy.focusArea).toBe('culture');

		expectOk(await uploadAwardSupportLetter(deps, rep, id, { name: 'lettre-du-maire.pdf', bytes: pdf }));
		const before = await countRows(db, ['outbox_message']);
		expect((await submitAwardCandidacy(deps, rep, id, { version: String(await versionOf(db, id)) })).ok).toBe(true);
		candidacy = (await findCandidacy(db, id))!;
		expect(candidacy.status).toBe('submitted');
		expect(candidacy.submittedAt).not.toBeNull();
		expect(candidacy.eligibility?.every((c) => c.ok)).toBe(true);
		expect(candidacy.eligibilityCheckedAt).not.toBeNull();

		// A confirmation to each representative, in their own language.
		const mails = await db.selectFrom('outbox_message').selectAll().where('id', '>', 0).orderBy('id').execute();
		expect(mails.length - before.outbox_message).toBe(2);
		const byAddress = new Map(mails.map((m) => [m.to_address, m]));
		expect(byAddress.get(`camille-${cityId}@example.org`)).toMatchObject({ locale: 'fr' });
		expect(byAddress.get(`lucia-${cityId}@example.org`)).toMatchObject({ locale: 'es' });
		expect(byAddress.get(`camille-${cityId}@example.org`)!.subject).toContain('Écoles ouvertes');
		expect(byAddress.get(`lucia-${cityId}@example.org`)!.subject).not.toEqual(byAddress.get(`camille-${cityId}@example.org`)!.subject);
		expect(byAddress.get(`camille-${cityId}@example.org`)!.text_body).toContain(`/fr/my/award/${id}`);

		// Frozen: no edit, no new letter, no second submission.
		const version = String(await versionOf(db, id));
		expectFailure(await updateAwardCandidacy(deps, rep, id, completeDraft(Number(version))), 409, 'award.candidacy.frozen');
		expectFailure(await uploadAwardSupportLetter(deps, rep, id, { name: 'x.pdf', bytes: pdf }), 409, 'award.candidacy.frozen');
		expectFailure(await submitAwardCandidacy(deps, rep, id, { version }), 409, 'award.candidacy.frozen');

		expect((await auditEntries(db, { entityType: 'award_candidacy', entityId: id })).map((e) => e.action)).toEqual([
			'award.candidacy_create',
			'award.candidacy_update',
			'award.letter_upload',
			'award.candidacy_submit'
		]);
		const view = expectOk(await getAwardCandidacyForCity(deps, rep, id));
		expect(view.events.map((e) => e.action)).toEqual(['submit', 'letter_upload', 'create']);
		expect(view.mayEdit).toBe(false);
	});

	it('refuses to create a candidacy for an ineligible city, a closed call or another city’s experience, writing nothing', async () => {
		const db = getDb();
		const { rep, cityId, otherCityId, experienceId, year } = await setup(db);
		const deps = awardDepsFor(db);
		const late = await createTestExperience(db, cityId, { startDate: '2024-01-10' });
		const porto = await createTestExperience(db, otherCityId);
		const before = await countRows(db, candidacyTables);

		// The congress host may not apply.
		const { year: hostYear } = await createTestEdition(db, { congressHostCityId: cityId });
		const host = expectFailure(
			await createAwardCandidacy(deps, rep, hostYear, { cityId, experienceId }),
			422,
			'award.eligibility.not_eligible'
		);
		expect(host.fieldErrors).toEqual({ not_congress_host: ['award.eligibility_failed.not_congress_host'] });

		// An experience started after the cut-off date.
		expect(
			expectFailure(await createAwardCandidacy(deps, rep, year, { cityId, experienceId: late }), 422, 'award.eligibility.not_eligible')
				.fieldErrors
		).toEqual({
			initiative_started_in_time: ['award.eligibility_failed.initiative_started_in_time']
		});

		// A call whose deadline has passed, and one not open yet.
		const { year: pastYear } = await createTestEdition(db, { deadline: '2021-01-31T23:59' });
		expectFailure(await createAwardCandidacy(deps, rep, pastYear, { cityId, experienceId }), 409, 'award.candidacy.call_closed');
		const { year: futureYear } = await createTestEdition(db, { opensOn: '2099-01-01' });
		expectFailure(await createAwardCandidacy(deps, rep, futureYear, { cityId, experienceId }), 409, 'award.candidacy.call_closed');

		// Another city's experience, for one's own city; and another city altogether.
		expect(
			expectFailure(await createAwardCandidacy(deps, rep, year, { cityId, experienceId: porto }), 400, 'common.errors.validation')
				.fieldErrors
		).toEqual({
			experienceId: ['award.candidacy.experience_unknown']
		});
		expectFailure(
			await createAwardCandidacy(deps, rep, year, { cityId: otherCityId, experienceId: porto }),
			403,
			'common.errors.forbidden'
		);
		expectFailure(await createAwardCandidacy(deps, rep, 1999, { cityId, experienceId }), 404, 'common.errors.not_found');
		expect(await countRows(db, candidacyTables)).toEqual(before);

		// The same experience twice in one edition.
		expectOk(await createAwardCandidacy(deps, rep, year, { cityId, experienceId }));
		expect(
			expectFailure(await createAwardCandidacy(deps, rep, year, { cityId, experienceId }), 400, 'common.errors.validation').fieldErrors
		).toEqual({
			experienceId: ['award.candidacy.experience_already_candidate']
		});
	});

	it('accepts a submission up to the deadline minute in the edition’s time zone, not after', async () => {
		const db = getDb();
		// 30 June 2030, 23:59 in São Paulo (UTC−3) is 1 July 2030, 02:59 UTC.
		const { rep, cityId, experienceId, year } = await setup(db, { deadline: '2030-06-30T23:59', timeZone: 'America/Sao_Paulo' });
		const early = awardDepsFor(db, new Date('2030-06-15T12:00:00Z'));
		const makeComplete = async () => {
			const experience = await createTestExperience(db, cityId);
			const { id } = expectOk(await createAwardCandidacy(early, rep, year, { cityId, experienceId: experience }));
			expectOk(await updateAwardCandidacy(early, rep, id, completeDraft(await versionOf(db, id))));
			expectOk(await uploadAwardSupportLetter(early, rep, id, { name: 'letter.pdf', bytes: pdf }));
			return id;
		};
		const first = await makeComplete();
		const second = await makeComplete();
		void experienceId;

		// Already July in UTC, still 30 June at 23:30 in São Paulo: accepted.
		const lastMinute = awardDepsFor(db, new Date('2030-07-01T02:30:00Z'));
		expect((await submitAwardCandidacy(lastMinute, rep, first, { version: await versionOf(db, first) })).ok).toBe(true);
		// Midnight in São Paulo: refused, nothing written.
		const tooLate = awardDepsFor(db, new Date('2030-07-01T03:00:00Z'));
		const before = await countRows(db, candidacyTables);
		expectFailure(
			await submitAwardCandidacy(tooLate, rep, second, { version: await versionOf(db, second) }),
			409,
			'award.candidacy.deadline_passed'
		);
		expect(await countRows(db, candidacyTables)).toEqual(before);
		expect((await findCandidacy(db, second))!.status).toBe('draft');
		const view = expectOk(await getAwardCandidacyForCity(tooLate, rep, second));
		expect(view).toMatchObject({ mayEdit: true, maySubmit: false, beforeDeadline: false, phase: 'judging' });
	});

	it('refuses an incomplete submission, listing what is missing', async () => {
		const db = getDb();
		const { rep, cityId, experienceId, year } = await setup(db);
		const deps = awardDepsFor(db);
		const { id } = expectOk(await createAwardCandidacy(deps, rep, year, { cityId, experienceId }));
		expectOk(
			await updateAwardCandidacy(deps, rep, id, {
				originalLanguage: 'fr',
				texts: { fr: { title: 'Écoles ouvertes' } },
				answers: { inclusion: 'Oui.' },
				version: await versionOf(db, id)
			})
		);
		const before = await countRows(db, candidacyTables);
		const refused = expectFailure(
			await submitAwardCandidacy(deps, rep, id, { version: await versionOf(db, id) }),
			400,
			'award.candidacy.incomplete'
		);
		expect(refused.fieldErrors).toEqual({
			'texts.fr.summary': ['award.candidacy.required_to_submit'],
			'texts.fr.description': ['award.candidacy.required_to_submit'],
			'answers.results': ['award.candidacy.required_to_submit'],
			focusArea: ['award.candidacy.required_to_submit'],
			supportLetter: ['award.candidacy.required_to_submit']
		});
		expect(await countRows(db, candidacyTables)).toEqual(before);
		const view = expectOk(await getAwardCandidacyForCity(deps, rep, id));
		expect(view.checklist.filter((i) => !i.done).map((i) => i.field)).toEqual(Object.keys(refused.fieldErrors!));
	});

	it('refuses a letter that is not a PDF and saves nothing; a new letter replaces the old file', async () => {
		const db = getDb();
		const { rep, cityId, experienceId, year } = await setup(db);
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-award-letters-'));
		const deps = { ...awardDepsFor(db), files: createFileStore(dir) };
		const stored = () => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.pdf'));
		const { id } = expectOk(await createAwardCandidacy(deps, rep, year, { cityId, experienceId }));
		const before = await countRows(db, candidacyTables);

		const refused = expectFailure(
			await uploadAwardSupportLetter(deps, rep, id, { name: 'letter.pdf', bytes: notPdf }),
			400,
			'common.errors.validation'
		);
		expect(refused.fieldErrors).toEqual({ supportLetter: ['files.errors.not_pdf'] });
		expect(expectFailure(await uploadAwardSupportLetter(deps, rep, id, null), 400, 'common.errors.validation').fieldErrors).toEqual({
			supportLetter: ['files.errors.empty']
		});
		expect(await countRows(db, candidacyTables)).toEqual(before);
		expect((await findCandidacy(db, id))!.supportLetter).toBeNull();
		expect(stored()).toEqual([]);

		expectOk(await uploadAwardSupportLetter(deps, rep, id, { name: 'first.pdf', bytes: pdf }));
		const firstFile = stored();
		expect(firstFile).toHaveLength(1);
		expectOk(await uploadAwardSupportLetter(deps, rep, id, { name: 'second.pdf', bytes: pdf }));
		expect(stored()).toHaveLength(1);
		expect(stored()).not.toEqual(firstFile);
		expect((await findCandidacy(db, id))!.supportLetter).toEqual({ name: 'second.pdf', byteSize: pdf.byteLength });
		const letter = expectOk(await findSupportLetterForDownload(db, rep, id));
		expect(deps.files.resolve(letter.storageKey)).not.toBeNull();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('lets the secretariat reopen a submitted candidacy for a correction, resubmitted after the deadline', async () => {
		const db = getDb();
		const { rep, cityId, experienceId, year } = await setup(db, { deadline: '2030-06-30T23:59' });
		const open = awardDepsFor(db, new Date('2030-06-01T10:00:00Z'));
		const { id } = expectOk(await createAwardCandidacy(open, rep, year, { cityId, experienceId }));
		expectOk(await updateAwardCandidacy(open, rep, id, completeDraft(await versionOf(db, id))));
		expectOk(await uploadAwardSupportLetter(open, rep, id, { name: 'letter.pdf', bytes: pdf }));
		expectOk(await submitAwardCandidacy(open, rep, id, { version: await versionOf(db, id) }));

		const later = awardDepsFor(db, new Date('2030-07-10T10:00:00Z'));
		const staff = actors.secretariat();
		expect(
			expectFailure(
				await reopenAwardCandidacy(later, staff, id, { message: '  ', version: await versionOf(db, id) }),
				400,
				'common.errors.validation'
			).fieldErrors
		).toEqual({ message: ['award.candidacy.message_required'] });
		const mailsBefore = (await countRows(db, ['outbox_message'])).outbox_message;
		expectOk(await reopenAwardCandidacy(later, staff, id, { message: 'La lettre n’est pas signée.', version: await versionOf(db, id) }));
		expect((await countRows(db, ['outbox_message'])).outbox_message - mailsBefore).toBe(2);
		const reopened = expectOk(await getAwardCandidacyForCity(later, rep, id));
		expect(reopened).toMatchObject({ reopened: true, mayEdit: true, maySubmit: true, beforeDeadline: false });
		expect(reopened.candidacy.statusReason).toBe('La lettre n’est pas signée.');

		expectOk(await uploadAwardSupportLetter(later, rep, id, { name: 'signed.pdf', bytes: pdf }));
		expectOk(await submitAwardCandidacy(later, rep, id, { version: await versionOf(db, id) }));
		const resubmitted = (await findCandidacy(db, id))!;
		expect(resubmitted.status).toBe('submitted');
		expect(resubmitted.statusReason).toBeNull();
		expect((await auditEntries(db, { entityType: 'award_candidacy', entityId: id })).map((e) => e.action)).toEqual([
			'award.candidacy_create',
			'award.candidacy_update',
			'award.letter_upload',
			'award.candidacy_submit',
			'award.candidacy_reopen',
			'award.letter_upload',
			'award.candidacy_submit'
		]);
	});

	it('shows a candidacy to its city and the secretariat only', async () => {
		const db = getDb();
		const { rep, otherRep, cityId, editionId, year } = await setup(db);
		const deps = awardDepsFor(db);
		const id = await createTestCandidacy(db, editionId, cityId, { status: 'draft' });
		const { actor: juror } = await createTestJuror(db, editionId);
		const before = await countRows(db, candidacyTables);
		for (const outsider of [otherRep, juror, actors.member(), actors.coordinator(1), null]) {
			expectFailure(await getAwardCandidacyForCity(deps, outsider, id), 404, 'common.errors.not_found');
			expectFailure(await updateAwardCandidacy(deps, outsider, id, completeDraft(1)), 404, 'common.errors.not_found');
			expectFailure(await uploadAwardSupportLetter(deps, outsider, id, { name: 'l.pdf', bytes: pdf }), 404, 'common.errors.not_found');
			expectFailure(await submitAwardCandidacy(deps, outsider, id, { version: 1 }), 404, 'common.errors.not_found');
			expectFailure(await findSupportLetterForDownload(db, outsider, id), 404, 'common.errors.not_found');
			expectFailure(await getAwardCandidacyForStaff(deps, outsider, year, id), 404, 'common.errors.not_found');
			expectFailure(await listAwardCandidaciesForStaff(deps, outsider, year, {}), 404, 'common.errors.not_found');
			expectFailure(
				await listAwardCandidacyChoices(deps, outsider, year, cityId),
				outsider ? 404 : 403,
				outsider ? 'common.errors.not_found' : 'common.errors.forbidden'
			);
		}
		// The city itself may not decide on admissibility.
		expectFailure(await rejectAwardCandidacy(deps, rep, id, { reason: 'No.', version: 1 }), 403, 'common.errors.forbidden');
		expectFailure(await admitAwardCandidacy(deps, otherRep, id, { version: 1 }), 404, 'common.errors.not_found');
		expect(await countRows(db, candidacyTables)).toEqual(before);

		expectOk(await getAwardCandidacyForCity(deps, rep, id));
		expectOk(await getAwardCandidacyForCity(deps, actors.secretariat(), id));
		expectOk(await findSupportLetterForDownload(db, actors.secretariat(), id));
		expectFailure(await getAwardCandidacyForStaff(deps, actors.secretariat(), year + 1000, id), 404, 'common.errors.not_found');
	});

	it('lists a representative’s open calls with each city’s eligibility, and the experiences it may choose', async () => {
		const db = getDb();
		const { rep, cityId, experienceId, year, editionId } = await setup(db);
		const deps = awardDepsFor(db);
		await createTestEdition(db, { status: 'draft' });
		await createTestEdition(db, { deadline: '2021-01-01T00:00' });
		const late = await createTestExperience(db, cityId, { startDate: '2024-01-10' });
		const undated = await createTestExperience(db, cityId, { startDate: '' });
		await createTestCandidacy(db, editionId, cityId, { status: 'submitted', experienceId });

		const opportunities = expectOk(await listAwardOpportunities(deps, rep));
		expect(opportunities.representsCities).toBe(true);
		expect(opportunities.calls.map((c) => c.edition.year)).toEqual([year]);
		expect(opportunities.calls[0].cities).toEqual([
			expect.objectContaining({ city: { id: cityId, name: 'Lyon', countryCode: 'FR' }, eligible: true, used: 1, limit: 2 })
		]);
		expect(opportunities.candidacies.map((c) => [c.year, c.status])).toEqual([[year, 'submitted']]);
		expect(expectOk(await listAwardOpportunities(deps, actors.member())).representsCities).toBe(false);

		const choices = expectOk(await listAwardCandidacyChoices(deps, rep, year, cityId));
		const problems = Object.fromEntries(choices.experiences.map((e) => [e.id, e.problem]));
		expect(problems).toEqual({ [experienceId]: 'already_candidate', [late]: 'started_too_late', [undated]: 'no_start_date' });
	});

	it('lets the secretariat filter, admit (after checking eligibility again), reject with a reason and re-check at the deadline', async () => {
		const db = getDb();
		const { cityId, otherCityId, editionId, year } = await setup(db, { deadline: '2030-06-30T23:59' });
		const staff = actors.secretariat();
		const open = awardDepsFor(db, new Date('2030-06-01T10:00:00Z'));
		const lyon = await createTestCandidacy(db, editionId, cityId, { status: 'submitted', language: 'fr', title: 'Écoles ouvertes' });
		const porto = await createTestCandidacy(db, editionId, otherCityId, { status: 'submitted', language: 'pt', title: 'Escolas abertas' });
		await createTestCandidacy(db, editionId, otherCityId, { status: 'draft', language: 'pt' });
		// A French juror: Lyon's candidacy is flagged for them once admitted.
		const frenchCity = await createTestCity(db, { countryCode: 'FR' });
		const { jurorId } = await createTestJuror(db, editionId, { cityId: frenchCity });

		const list = expectOk(await listAwardCandidaciesForStaff(open, staff, year, {}));
		expect(list.countsByStatus).toEqual({ draft: 1, submitted: 2, admitted: 0, rejected: 0 });
		expect(list.afterDeadline).toBe(false);
		const ids = async (query: Record<string, string>) =>
			expectOk(await listAwardCandidaciesForStaff(open, staff, year, query)).rows.map((r) => r.id);
		expect(await ids({ q: 'lyo' })).toEqual([lyon]);
		expect(await ids({ q: 'France' })).toEqual([lyon]);
		expect(await ids({ q: 'Portugal', status: 'submitted' })).toEqual([porto]);
		expect(await ids({ language: 'fr' })).toEqual([lyon]);
		expect((await ids({ focusArea: 'lifelong' })).length).toBe(3);
		expectFailure(await listAwardCandidaciesForStaff(open, staff, year, { status: 'nonsense' }), 400, 'common.errors.validation');

		expectOk(await admitAwardCandidacy(open, staff, lyon, { version: await versionOf(db, lyon) }));
		expect((await findCandidacy(db, lyon))!.status).toBe('admitted');
		expect((await listConflicts(db, editionId, { jurorId })).map((c) => [c.candidacyId, c.origin, c.status])).toEqual([
			[lyon, 'same_country', 'pending']
		]);
		expectFailure(
			await admitAwardCandidacy(open, staff, lyon, { version: await versionOf(db, lyon) }),
			409,
			'award.candidacy.not_submitted'
		);

		// Porto is named the congress host after submitting: admitting it is refused, nothing written.
		await db.updateTable('award_edition').set({ congress_host_city_id: otherCityId }).where('id', '=', editionId).execute();
		const before = await countRows(db, candidacyTables);
		const refused = expectFailure(
			await admitAwardCandidacy(open, staff, porto, { version: await versionOf(db, porto) }),
			422,
			'award.eligibility.not_eligible'
		);
		expect(refused.fieldErrors).toEqual({ not_congress_host: ['award.eligibility_failed.not_congress_host'] });
		expect(await countRows(db, candidacyTables)).toEqual(before);

		// The re-check waits for the deadline, then stores every result and reports the newly ineligible.
		expectFailure(await recheckAwardEligibility(open, staff, year), 409, 'award.eligibility.before_deadline');
		const after = awardDepsFor(db, new Date('2030-07-02T10:00:00Z'));
		expect(expectOk(await recheckAwardEligibility(after, staff, year))).toEqual({ checked: 2, ineligible: 1, newlyIneligible: [porto] });
		expect((await findCandidacy(db, porto))!.eligibility!.filter((c) => !c.ok).map((c) => c.rule)).toEqual(['not_congress_host']);
		expect(expectOk(await recheckAwardEligibility(after, staff, year))).toEqual({ checked: 2, ineligible: 1, newlyIneligible: [] });

		expect(
			expectFailure(
				await rejectAwardCandidacy(after, staff, porto, { reason: '', version: await versionOf(db, porto) }),
				400,
				'common.errors.validation'
			).fieldErrors
		).toEqual({ reason: ['award.candidacy.reason_required'] });
		expectOk(
			await rejectAwardCandidacy(after, staff, porto, { reason: 'Cidade anfitriã do congresso.', version: await versionOf(db, porto) })
		);
		expect((await findCandidacy(db, porto))!).toMatchObject({ status: 'rejected', statusReason: 'Cidade anfitriã do congresso.' });

		expect((await auditEntries(db, { action: 'award.eligibility_recheck' })).map((e) => e.summary)).toEqual([
			{ year, checked: 2, ineligible: [porto], newlyIneligible: [porto] },
			{ year, checked: 2, ineligible: [porto], newlyIneligible: [] }
		]);
		expect((await auditEntries(db, { entityType: 'award_candidacy' })).map((e) => [e.action, Number(e.entity_id)])).toEqual([
			['award.candidacy_admit', lyon],
			['award.candidacy_reject', porto]
		]);
		const detail = expectOk(await getAwardCandidacyForStaff(after, staff, year, porto));
		expect(detail).toMatchObject({ mayAdmit: false, mayReject: false, mayReopen: true });
		expect(detail.events.map((e) => e.action)).toEqual(['reject', 'eligibility_recheck']);
	});
});
