// Whether a city may apply to an edition of the award, rule by rule, so that a city that does not qualify
// reads exactly which rule it fails. Checked when a candidacy is created, when it is submitted, when the
// secretariat admits it and again for every candidacy at the deadline.
import type { Db, DbOrTrx } from '../db/index.ts';
import { todayIso } from '../core/clock.ts';
import { findCityById, isUpToDateWithFees } from '../members/index.ts';
import { eligibilityRules, type EligibilityRule } from '../../shared/award/constants.ts';
import type { Edition, EligibilityCheck } from '../../shared/award/types.ts';
import { countActiveCityCandidacies, isCityOnJury } from './candidacies.repository.ts';

export interface EligibilityOptions {
	/**
	 * The start date of the experience the candidacy is built from. Leave it out (undefined) for the
	 * city-level view, before an experience is chosen: `initiative_started_in_time` is then reported as
	 * met, because it is checked per experience (the pages say so), and it cannot make a city as a whole
	 * ineligible. `null` means "this experience has no start date": the rule is then NOT met, since nobody
	 * can tell whether the initiative started in time.
	 */
	experienceStartDate?: string | null;
	/** The candidacy being checked, which does not count against its own city's limit. */
	excludeCandidacyId?: number;
	/** 'YYYY-MM-DD' for the fees rule; today (UTC) when left out. */
	today?: string;
}

/** The rules judged per experience, not per city: the city-level view shows them as "checked per experience". */
export const awardPerExperienceRules: readonly EligibilityRule[] = ['initiative_started_in_time'];

/** Every rule of `eligibilityRules`, in that order, each met or not. */
export async function checkAwardEligibility(
	db: DbOrTrx,
	edition: Pick<Edition, 'id' | 'congressHostCityId' | 'previousWinnerCityIds' | 'initiativeStartedBefore' | 'maxCandidaciesPerCity'>,
	cityId: number,
	options: EligibilityOptions = {}
): Promise<EligibilityCheck[]> {
	const today = options.today ?? todayIso();
	const city = await findCityById(db, cityId);
	const { experienceStartDate } = options;
	const used = await countActiveCityCandidacies(db, edition.id, cityId, options.excludeCandidacyId);
	const results: Record<EligibilityRule, boolean> = {
		active_member: city?.status === 'active',
		fees_up_to_date: !!city && (await isUpToDateWithFees(db as Db, cityId, today)),
		not_on_jury: !(await isCityOnJury(db, edition.id, cityId)),
		not_congress_host: edition.congressHostCityId !== cityId,
		not_previous_winner: !edition.previousWinnerCityIds.includes(cityId),
		initiative_started_in_time:
			experienceStartDate === undefined || !edition.initiativeStartedBefore
				? true
				: experienceStartDate !== null && experienceStartDate < edition.initiativeStartedBefore,
		within_city_limit: used < edition.maxCandidaciesPerCity
	};
	return eligibilityRules.map((rule) => ({ rule, ok: results[rule] }));
}

export const isAwardEligible = (checks: readonly EligibilityCheck[]): boolean => checks.every((c) => c.ok);

/** The failed rules as field errors keyed by rule, for a refusal the page can list. */
export function eligibilityFieldErrors(checks: readonly EligibilityCheck[]): Record<string, string[]> {
	return Object.fromEntries(checks.filter((c) => !c.ok).map((c) => [c.rule, [`award.eligibility_failed.${c.rule}`]]));
}
