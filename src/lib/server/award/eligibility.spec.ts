import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/database.ts';
import { actors, createTestCity } from '../testing/factories.ts';
import { createTestCandidacy, createTestEdition, createTestJuror } from '../testing/award-factories.ts';
import { prepareExperiences } from '../testing/experience-factories.ts';
import { createFee } from '../members/index.ts';
import type { Db } from '../db/index.ts';
import { eligibilityRules, type EligibilityRule } from '../../shared/award/constants.ts';
import { findEditionById } from './award.repository.ts';
import { checkAwardEligibility, eligibilityFieldErrors } from './eligibility.ts';

/**
 * One row per rule: what makes that rule (and only that rule) fail, starting from an active city with no
 * fees, on no jury, not the host, not a previous winner, with an experience started in 2019 and no other
 * candidacy. `experienceStartDate` and `today` are the options the check is run with.
 */
interface Row {
	name: string;
	failing: EligibilityRule | null;
	arrange?: (db: Db, ctx: { cityId: number; editionId: number }) => Promise<void>;
	edition?: (cityId: number) => Record<string, unknown>;
	cityStatus?: string;
	experienceStartDate?: string | null;
	today?: string;
}

const table: Row[] = [
	{ name: 'every rule met', failing: null },
	{ name: 'a suspended member city', failing: 'active_member', cityStatus: 'suspended' },
	{
		name: 'a fee past its due date and unpaid',
		failing: 'fees_up_to_date',
		// Due in 2099: the city stays `active` today, and the check is run as if it were 2099-04-01.
		arrange: async (db, { cityId }) => {
			const fee = await createFee(db, actors.secretariat(), cityId, { year: '2099', dueOn: '2099-03-31', amount: '1000', currency: 'EUR' });
			if (!fee.ok) throw new Error(fee.code);
		},
		today: '2099-04-01'
	},
	{
		name: 'a city sitting on the jury',
		failing: 'not_on_jury',
		arrange: async (db, { cityId, editionId }) => {
			await createTestJuror(db, editionId, { cityId });
		}
	},
	{ name: 'the congress host', failing: 'not_congress_host', edition: (cityId) => ({ congressHostCityId: cityId }) },
	{
		name: 'a winner of the previous edition',
		failing: 'not_previous_winner',
		edition: (cityId) => ({ previousWinnerCityIds: [999, cityId] })
	},
	{ name: 'an initiative started on the cut-off date', failing: 'initiative_started_in_time', experienceStartDate: '2023-06-01' },
	{ name: 'an experience without a start date', failing: 'initiative_started_in_time', experienceStartDate: null },
	{
		name: 'the city’s limit already reached (rejected ones do not count)',
		failing: 'within_city_limit',
		arrange: async (db, { cityId, editionId }) => {
			await createTestCandidacy(db, editionId, cityId, { status: 'draft' });
			await createTestCandidacy(db, editionId, cityId, { status: 'submitted' });
			await createTestCandidacy(db, editionId, cityId, { status: 'rejected' });
		}
	}
];

describeEachDatabase('award eligibility', (getDb) => {
	it.each(table)('$name → fails $failing', async (row) => {
		const db = getDb();
		await prepareExperiences(db);
		const cityId = await createTestCity(db, { countryCode: 'FR', ...(row.cityStatus ? { status: row.cityStatus } : {}) });
		// A limit of two, a cut-off of 2023-06-01 (the builder's defaults).
		const { id: editionId } = await createTestEdition(db, { maxCandidaciesPerCity: 2, ...(row.edition?.(cityId) ?? {}) });
		await row.arrange?.(db, { cityId, editionId });
		const edition = (await findEditionById(db, editionId))!;
		const checks = await checkAwardEligibility(db, edition, cityId, {
			experienceStartDate: row.experienceStartDate === undefined ? '2019-03-01' : row.experienceStartDate,
			...(row.today ? { today: row.today } : {})
		});
		expect(checks.map((c) => c.rule)).toEqual([...eligibilityRules]);
		expect(checks.filter((c) => !c.ok).map((c) => c.rule)).toEqual(row.failing ? [row.failing] : []);
		expect(eligibilityFieldErrors(checks)).toEqual(row.failing ? { [row.failing]: [`award.eligibility_failed.${row.failing}`] } : {});
	});

	it('leaves the start-date rule to each experience when none is given, and lets a candidacy not count against itself', async () => {
		const db = getDb();
		await prepareExperiences(db);
		const cityId = await createTestCity(db);
		const { id: editionId } = await createTestEdition(db, { maxCandidaciesPerCity: 1 });
		const edition = (await findEditionById(db, editionId))!;
		const cityLevel = await checkAwardEligibility(db, edition, cityId);
		expect(cityLevel.every((c) => c.ok)).toBe(true);

		const candidacyId = await createTestCandidacy(db, editionId, cityId, { status: 'draft' });
		const failed = (checks: { rule: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.rule);
		expect(failed(await checkAwardEligibility(db, edition, cityId))).toEqual(['within_city_limit']);
		expect(failed(await checkAwardEligibility(db, edition, cityId, { excludeCandidacyId: candidacyId }))).toEqual([]);
		// Another city's candidacies never count.
		const otherCityId = await createTestCity(db);
		expect(failed(await checkAwardEligibility(db, edition, otherCityId))).toEqual([]);
		// With no cut-off date set, the start-date rule is met by any experience.
		const { id: openId } = await createTestEdition(db, { initiativeStartedBefore: null });
		const open = (await findEditionById(db, openId))!;
		expect(failed(await checkAwardEligibility(db, open, cityId, { experienceStartDate: null }))).toEqual([]);
	});
});
