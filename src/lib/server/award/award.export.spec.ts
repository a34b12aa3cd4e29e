import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, createTestCity } from '../testing/factories.ts';
import { prepareExperiences } from '../testing/experience-factories.ts';
import { assignTestReview, createTestCandidacy, createTestEdition, createTestJuror, testCriteria } from '../testing/award-factories.ts';
import { parseCsv } from '../core/csv.ts';
import { nowIso } from '../core/clock.ts';
import { awardCsvColumns, exportAwardCsv } from './award.export.ts';

describeEachDatabase('award CSV exports', (getDb) => {
	async function setup() {
		const db = getDb();
		await prepareExperiences(db);
		const edition = await createTestEdition(db, { deadline: '2020-06-30T23:59' });
		const lyon = await createTestCity(db, { name: 'Lyon', countryCode: 'FR' });
		const candidacy = await createTestCandidacy(db, edition.id, lyon, {
			status: 'admitted',
			language: 'fr',
			title: '=HYPERLINK("http://evil")'
		});
		await db
			.updateTable('award_candidacy')
			.set({
				eligibility: JSON.stringify([
					{ rule: 'active_member', ok: true },
					{ rule: 'fees_up_to_date', ok: false }
				])
			})
			.where('id', '=', candidacy)
			.execute();
		const juror = await createTestJuror(db, edition.id, { name: 'Jon Juror' });
		const review = await assignTestReview(db, edition.id, juror.jurorId, candidacy);
		await db
			.updateTable('award_review')
			.set({
				status: 'submitted',
				submitted_at: nowIso(),
				scores: JSON.stringify(
					Object.fromEntries(testCriteria.map((c, i) => [c.code, { score: i + 3, comment: i === 0 ? '+1 from me, très bien' : '' }]))
				)
			})
			.where('id', '=', review)
			.execute();
		const now = nowIso();
		const round = await db
			.insertInto('award_round')
			.values({
				edition_id: edition.id,
				number: 1,
				kind: 'winners',
				status: 'closed',
				minutes: 'M.',
				minutes_approved_at: now,
				closed_at: now,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('award_decision')
			.values({
				round_id: round.id,
				candidacy_id: candidacy,
				outcome: 'winner',
				basis: 'vote',
				votes_for: 4,
				votes_against: 1,
				abstentions: 0,
				note: '@chair: unanimous but one',
				created_at: now
			})
			.execute();
		return { db, edition, candidacy };
	}

	async function read(db: ReturnType<typeof getDb>, year: number, kind: string) {
		const result = await exportAwardCsv(db, actors.secretariat(), year, kind);
		if (!result.ok) throw new Error(result.code);
		expect(result.value).toMatchObject({ filename: `award-${year}-${kind}.csv`, contentType: 'text/csv; charset=utf-8' });
		return parseCsv(result.value.body);
	}

	it('exports the candidacies with their eligibility, guarding formulas', async () => {
		const { db, edition, candidacy } = await setup();
		const csv = await read(db, edition.year, 'candidacies');
		expect(csv.columns).toEqual(awardCsvColumns.candidacies);
		expect(csv.rows).toHaveLength(1);
		expect(csv.rows[0].values).toMatchObject({
			id: String(candidacy),
			city: 'Lyon',
			country: 'FR',
			status: 'admitted',
			language: 'fr',
			focus_area: 'lifelong',
			title: `'=HYPERLINK("http://evil")`,
			eligibility: 'fees_up_to_date'
		});
	});

	it('exports every score with its juror and comment, one row per criterion', async () => {
		const { db, edition } = await setup();
		const csv = await read(db, edition.year, 'scores');
		expect(csv.columns).toEqual(awardCsvColumns.scores);
		expect(csv.rows.map((r) => [r.values.criterion, r.values.score])).toEqual(testCriteria.map((c, i) => [c.code, String(i + 3)]));
		expect(csv.rows[0].values).toMatchObject({ juror: 'Jon Juror', weight: '2', comment: `'+1 from me, très bien`, status: 'submitted' });
	});

	it('exports the decisions with their round, votes and note', async () => {
		const { db, edition, candidacy } = await setup();
		const csv = await read(db, edition.year, 'decisions');
		expect(csv.rows.map((r) => r.values)).toEqual([
			expect.objectContaining({
				round: '1',
				kind: 'winners',
				round_status: 'closed',
				candidacy_id: String(candidacy),
				city: 'Lyon',
				outcome: 'winner',
				basis: 'vote',
				votes_for: '4',
				votes_against: '1',
				abstentions: '0',
				note: `'@chair: unanimous but one`
			})
		]);
	});

	it('is for the secretariat only, and only of known kinds and editions', async () => {
		const { db, edition } = await setup();
		const chair = await createTestJuror(db, edition.id, { isChair: true });
		for (const actor of [null, actors.member(), actors.representative(1), chair.actor])
			expect(await exportAwardCsv(db, actor, edition.year, 'scores')).toMatchObject({ status: 404 });
		expect(await exportAwardCsv(db, actors.secretariat(), edition.year, 'jurors')).toMatchObject({ status: 404 });
		expect(await exportAwardCsv(db, actors.admin(), 1999, 'scores')).toMatchObject({ status: 404 });
	});
});
