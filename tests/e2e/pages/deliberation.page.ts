// The award's end game: the ranking the jury and the secretariat read (raw and normalised means), the
// deliberation in rounds (decisions by consensus or vote, minutes, approval, closing) and the publication
// step, then what everyone else reads: the edition's public page with its winners, special mentions and
// finalists, the award's home page, and a candidate city's own results page.
import { expect, type Locator, type Page, type Response } from '@playwright/test';
import type { Criterion } from '../../../src/lib/shared/award/types.ts';
import type { RoundKind } from '../../../src/lib/shared/award/constants.ts';
import { format, text, type Locale } from '../support/i18n.ts';

/** Where a page of the jury's work is: the jury's area or the secretariat's. */
export type AwardArea = 'jury' | 'admin';

function basePath(locale: Locale, area: AwardArea, year: number): string {
	return area === 'jury' ? `/${locale}/jury/${year}` : `/${locale}/admin/award/${year}`;
}

/** /{locale}/jury/{year}/results and /{locale}/admin/award/{year}/results: the ranking and the jury's progress. */
export class AwardResultsPage {
	readonly main: Locator;
	readonly heading: Locator;
	readonly ranking: Locator;
	readonly rankingTable: Locator;
	readonly progressTable: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale,
		readonly year: number,
		readonly area: AwardArea
	) {
		this.main = page.getByRole('main');
		this.heading = this.main.getByRole('heading', { level: 1, name: format(locale, 'award.results.title', { year: String(year) }) });
		this.ranking = this.main.getByRole('region', { name: text(locale, 'award.results.ranking_title'), exact: true });
		this.rankingTable = this.ranking.getByRole('table');
		this.progressTable = this.main.getByRole('table', { name: text(locale, 'award.results.progress_caption'), exact: true });
	}

	async goto(): Promise<Response | null> {
		const response = await this.page.goto(`${basePath(this.locale, this.area, this.year)}/results`);
		expect(response?.status()).toBe(200);
		await expect(this.heading).toBeVisible();
		return response;
	}

	/** The ranking's column headers, in order, as the page writes them. */
	expectedColumns(criteria: readonly Criterion[]): string[] {
		return [
			text(this.locale, 'award.results.rank'),
			text(this.locale, 'award.results.candidacy'),
			text(this.locale, 'award.results.normalised_mean'),
			text(this.locale, 'award.results.raw_mean'),
			text(this.locale, 'award.results.range'),
			text(this.locale, 'award.results.standard_deviation'),
			text(this.locale, 'award.results.reviews'),
			// Equal weights: no "weight ×n" line under the criteria's names.
			...criteria.map((c) => c.names[this.locale] ?? c.names.en ?? c.code)
		];
	}

	/** The figures of a ranking row: rank label, normalised mean and raw mean as the cells show them. */
	async rowFigures(index: number): Promise<{ rank: string; normalised: string; raw: string }> {
		const cells = this.rankingTable
			.getByRole('row')
			.nth(index + 1)
			.getByRole('cell');
		return {
			rank: (await cells.nth(0).innerText()).trim(),
			normalised: (await cells.nth(1).innerText()).trim(),
			raw: (await cells.nth(2).innerText()).trim()
		};
	}

	/** The jurors' names, as the progress table heads its rows (without the chair's badge). */
	async jurorNames(): Promise<string[]> {
		const chair = text(this.locale, 'award.results.chair');
		const headers = await this.progressTable.getByRole('rowheader').allInnerTexts();
		return headers.map((h) => h.replace(chair, '').trim());
	}
}

export interface DecisionChoice {
	candidacyId: number;
	/** The option's text: "{rank}. {title} — {city}". */
	label: string;
	city: string;
}

export interface DecisionInput {
	candidacyId?: number;
	outcome: 'shortlisted' | 'finalist' | 'winner' | 'special_mention' | 'void';
	basis: 'consensus' | 'vote';
	votes?: { for?: number; against?: number; abstentions?: number };
	note?: string;
}

/** /{locale}/jury/{year}/deliberation and /{locale}/admin/award/{year}/deliberation. */
export class DeliberationPage {
	readonly main: Locator;
	readonly heading: Locator;
	readonly openRoundForm: Locator;
	readonly openRoundKind: Locator;
	readonly openRoundButton: Locator;
	readonly publication: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale,
		readonly year: number,
		readonly area: AwardArea
	) {
		this.main = page.getByRole('main');
		this.heading = this.main.getByRole('heading', { level: 1, name: format(locale, 'award.round.title', { year: String(year) }) });
		this.openRoundForm = this.main.getByRole('form', { name: text(locale, 'award.round.open_title'), exact: true });
		this.openRoundKind = this.openRoundForm.getByRole('combobox', { name: text(locale, 'award.round.kind') });
		this.openRoundButton = this.openRoundForm.getByRole('button', { name: text(locale, 'award.round.open'), exact: true });
		this.publication = this.main.getByRole('region', { name: text(locale, 'award.publication.title'), exact: true });
	}

	get path(): string {
		return `${basePath(this.locale, this.area, this.year)}/deliberation`;
	}

	async goto(): Promise<Response | null> {
		const response = await this.page.goto(this.path);
		expect(response?.status()).toBe(200);
		await expect(this.heading).toBeVisible();
		return response;
	}

	/** The confirmation shown after a step (`?done=…`). */
	done(key: string): Locator {
		return this.main.getByRole('status').filter({ hasText: text(this.locale, `award.round.done_${key}`) });
	}

	/** A round's card, by its heading "Round {n}: {kind}". */
	round(number: number, kind: RoundKind): Locator {
		const name = format(this.locale, 'award.round.heading', {
			number: String(number),
			kind: text(this.locale, `award.round_kind.${kind}`)
		});
		return this.main.getByRole('article', { name, exact: true });
	}

	async expectRoundStatus(round: Locator, status: 'open' | 'closed'): Promise<void> {
		await expect(round.getByText(text(this.locale, `award.round_status.${status}`), { exact: true })).toBeVisible();
	}

	decisionForm(round: Locator): Locator {
		return round.getByRole('form', { name: text(this.locale, 'award.decision.add_title'), exact: true });
	}

	decisionField(round: Locator, key: 'candidacy' | 'outcome' | 'basis' | 'votes_for' | 'votes_against' | 'abstentions' | 'note'): Locator {
		const form = this.decisionForm(round);
		const name = text(this.locale, `award.decision.${key}`);
		if (key === 'candidacy' || key === 'outcome' || key === 'basis') return form.getByRole('combobox', { name, exact: true });
		if (key === 'note') return form.getByRole('textbox', { name, exact: true });
		return form.getByRole('spinbutton', { name, exact: true });
	}

	/** The decisions' table of a round (absent while there is none). */
	decisions(round: Locator): Locator {
		return round.getByRole('table', { name: text(this.locale, 'award.decision.table_caption'), exact: true });
	}

	decisionRows(round: Locator): Locator {
		return this.decisions(round)
			.getByRole('row')
			.filter({ has: this.page.getByRole('rowheader') });
	}

	/** The candidacies the round may still decide on, in the ranking's order. */
	async choices(round: Locator): Promise<DecisionChoice[]> {
		const options = await this.decisionField(round, 'candidacy')
			.locator('option')
			.evaluateAll((nodes) => nodes.map((n) => ({ value: (n as HTMLOptionElement).value, label: n.textContent ?? '' })));
		return options
			.filter((o) => o.value !== '')
			.map((o) => ({ candidacyId: Number(o.value), label: o.label.trim(), city: o.label.trim().split(' — ').at(-1)!.trim() }));
	}

	/** Fills the decision form and sends it; waits for nothing (the caller checks the outcome). */
	async submitDecision(round: Locator, decision: DecisionInput): Promise<void> {
		await this.decisionField(round, 'candidacy').selectOption(decision.candidacyId === undefined ? '' : String(decision.candidacyId));
		await this.decisionField(round, 'outcome').selectOption(decision.outcome);
		await this.decisionField(round, 'basis').selectOption(decision.basis);
		const votes = decision.votes ?? {};
		await this.decisionField(round, 'votes_for').fill(votes.for === undefined ? '' : String(votes.for));
		await this.decisionField(round, 'votes_against').fill(votes.against === undefined ? '' : String(votes.against));
		await this.decisionField(round, 'abstentions').fill(votes.abstentions === undefined ? '' : String(votes.abstentions));
		await this.decisionField(round, 'note').fill(decision.note ?? '');
		await this.decisionForm(round)
			.getByRole('button', { name: text(this.locale, 'award.decision.add'), exact: true })
			.click();
	}

	/** Records a decision and waits until the round lists it. */
	async recordDecision(round: Locator, decision: DecisionInput): Promise<void> {
		const before = await this.decisionRows(round).count();
		await this.submitDecision(round, decision);
		await expect(this.decisionRows(round)).toHaveCount(before + 1);
		await expect(this.done('decision_recorded')).toBeVisible();
	}

	/** A recorded decision's row, by the candidacy's city as the label shows it. */
	decisionRow(round: Locator, city: string): Locator {
		return this.decisionRows(round).filter({ has: this.page.getByRole('rowheader').filter({ hasText: city }) });
	}

	minutesField(round: Locator): Locator {
		return round.getByRole('textbox', { name: text(this.locale, 'award.round.minutes_label'), exact: true });
	}

	button(round: Locator, key: string): Locator {
		return round.getByRole('button', { name: text(this.locale, key), exact: true });
	}

	async saveMinutes(round: Locator, minutes: string): Promise<void> {
		await this.minutesField(round).fill(minutes);
		await this.button(round, 'award.round.save_minutes').click();
		await expect(this.done('minutes_saved')).toBeVisible();
		await expect(round.getByText(text(this.locale, 'award.round.minutes_not_approved_yet'), { exact: true })).toBeVisible();
	}

	async approveMinutes(round: Locator): Promise<void> {
		await this.button(round, 'award.round.approve_minutes').click();
		await expect(this.done('minutes_approved')).toBeVisible();
		await expect(this.button(round, 'award.round.approve_minutes')).toHaveCount(0);
	}

	async closeRound(round: Locator): Promise<void> {
		await this.button(round, 'award.round.close').click();
		await expect(this.done('round_closed')).toBeVisible();
		await this.expectRoundStatus(round, 'closed');
	}

	/** A closed round: its decisions and minutes as text, and none of the controls that would change them. */
	async expectFrozen(round: Locator, minutes: string): Promise<void> {
		await this.expectRoundStatus(round, 'closed');
		await expect(this.decisionForm(round)).toHaveCount(0);
		await expect(this.minutesField(round)).toHaveCount(0);
		await expect(round.getByText(minutes.split('\n')[0])).toBeVisible();
		for (const key of [
			'award.decision.add',
			'award.round.save_minutes',
			'award.round.approve_minutes',
			'award.round.close',
			'award.round.cancel'
		])
			await expect(this.button(round, key)).toHaveCount(0);
		await expect(round.getByRole('button', { name: text(this.locale, 'award.decision.remove') })).toHaveCount(0);
	}

	/** The hidden fields a round's forms carry: its id (from the card's anchor) and its current version. */
	async roundIdOf(round: Locator): Promise<number> {
		const id = await round.getAttribute('id');
		return Number(/^round-(\d+)$/.exec(id ?? '')?.[1]);
	}
}

/** One published result: the city, and the link to its experience with the candidacy's title. */
export interface PublishedEntry {
	city: string;
	href: string | null;
	title: string;
}

/** /{locale}/award/{year}: the edition's public page, with its results once published. */
export class PublicAwardEditionPage {
	readonly main: Locator;
	readonly results: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale,
		readonly year: number
	) {
		this.main = page.getByRole('main');
		this.results = this.main.getByRole('region', { name: text(locale, 'award.public.results_title_edition'), exact: true });
	}

	async goto(): Promise<Response | null> {
		const response = await this.page.goto(`/${this.locale}/award/${this.year}`);
		expect(response?.status()).toBe(200);
		await expect(this.page.locator('html')).toHaveAttribute('lang', this.locale);
		return response;
	}

	/** The heading of a kind of result: "Winners", "Special mentions", "Finalists". */
	heading(key: 'winners' | 'special_mentions' | 'finalists'): Locator {
		return this.results.getByRole('heading', { level: 3, name: text(this.locale, `award.public.${key}`), exact: true });
	}

	/** The list that follows a kind's heading. */
	list(key: 'winners' | 'special_mentions' | 'finalists'): Locator {
		return this.heading(key).locator('xpath=following-sibling::ul[1]');
	}

	async entries(key: 'winners' | 'special_mentions' | 'finalists'): Promise<PublishedEntry[]> {
		const items = this.list(key).getByRole('listitem');
		const entries: PublishedEntry[] = [];
		for (const item of await items.all()) {
			const link = item.getByRole('link');
			entries.push({
				city: (await item.locator('.city').innerText()).trim(),
				href: (await link.count()) ? await link.getAttribute('href') : null,
				title: (await link.count()) ? (await link.innerText()).trim() : ''
			});
		}
		return entries;
	}
}

/** /{locale}/award: the award's home, with the latest published results. */
export class PublicAwardHomePage {
	readonly main: Locator;
	readonly latestResults: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.latestResults = this.main.getByRole('region', { name: text(locale, 'award.public.results_title'), exact: true });
	}

	async goto(): Promise<Response | null> {
		const response = await this.page.goto(`/${this.locale}/award`);
		expect(response?.status()).toBe(200);
		await expect(this.main.getByRole('heading', { level: 1, name: text(this.locale, 'award.name'), exact: true })).toBeVisible();
		return response;
	}

	/** An edition's card among the latest results, by its heading "{year} · {theme}". */
	edition(year: number, theme: string): Locator {
		return this.latestResults.getByRole('article', { name: `${year} · ${theme}`, exact: true });
	}
}

/** /{locale}/my/award/{id}/results: a candidate city's outcome and the jury's feedback. */
export class CandidacyResultsPage {
	readonly main: Locator;
	readonly heading: Locator;
	readonly outcome: Locator;
	readonly feedback: Locator;
	readonly certificate: Locator;

	constructor(
		readonly page: Page,
		readonly locale: Locale
	) {
		this.main = page.getByRole('main');
		this.heading = this.main.getByRole('heading', { level: 1, name: text(locale, 'award.feedback.title'), exact: true });
		this.outcome = this.main.getByRole('region', { name: text(locale, 'award.feedback.outcome_title'), exact: true });
		this.feedback = this.main.getByRole('region', { name: text(locale, 'award.feedback.jury_title'), exact: true });
		this.certificate = this.outcome.getByRole('link', { name: text(locale, 'award.certificate.download'), exact: true });
	}

	async goto(candidacyId: number): Promise<Response | null> {
		const response = await this.page.goto(`/${this.locale}/my/award/${candidacyId}/results`);
		expect(response?.status()).toBe(200);
		await expect(this.heading).toBeVisible();
		return response;
	}
}
