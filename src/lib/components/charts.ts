// Pure helpers behind BarChart.svelte and MatrixChart.svelte: grouping, bar lengths and the shading
// scale. Kept free of Svelte and SvelteKit imports so that they can be tested on their own.

export interface ChartGroup {
	key: string;
	label: string;
}

export interface BarRow {
	key: string;
	label: string;
	value: number;
	href?: string;
	active?: boolean;
	group?: string;
}

export interface RowSection<Row> {
	/** Absent for rows without a group (or when the chart has no groups). */
	group?: ChartGroup;
	rows: Row[];
}

/**
 * Rows under their groups, in the order of `groups`, keeping each group's rows in the given order.
 * Rows whose group is missing or unknown come last, in one section without a heading; empty groups
 * are left out.
 */
export function groupRows<Row extends { group?: string }>(rows: readonly Row[], groups?: readonly ChartGroup[]): RowSection<Row>[] {
	if (!groups?.length) return rows.length ? [{ rows: [...rows] }] : [];
	const sections = groups.map((group) => ({ group, rows: [] as Row[] }));
	const byKey = new Map(sections.map((section) => [section.group.key, section]));
	const loose: Row[] = [];
	for (const row of rows) (row.group !== undefined ? (byKey.get(row.group)?.rows ?? loose) : loose).push(row);
	const result: RowSection<Row>[] = sections.filter((section) => section.rows.length > 0);
	if (loose.length) result.push({ rows: loose });
	return result;
}

/** The largest value, at least 1 so that an all-zero chart divides safely. */
export function maxValue(values: Iterable<number>): number {
	let max = 0;
	for (const value of values) if (Number.isFinite(value) && value > max) max = value;
	return max > 0 ? max : 1;
}

/** A smallest visible length for a non-zero bar, in percent, so that 1 of 5000 is still seen. */
const minimumBarPercent = 0.75;

/** Bar length as a percentage of the track: 0 for zero (or less), otherwise at least a sliver. */
export function barPercent(value: number, max: number): number {
	if (!(value > 0) || !(max > 0)) return 0;
	const percent = Math.min(100, (value / max) * 100);
	return Math.max(minimumBarPercent, Math.round(percent * 100) / 100);
}

export const shadeSteps = 5;

/**
 * The shade of a heat-map cell: 0 for nothing, then 1…steps. A square-root scale, because counts of
 * experiences are skewed (a few rich cells, many thin ones) and a linear scale would paint nearly every
 * cell in the palest shade.
 */
export function shadeStep(value: number, max: number, steps = shadeSteps): number {
	if (!(value > 0) || !(max > 0)) return 0;
	return Math.min(steps, Math.max(1, Math.ceil(Math.sqrt(Math.min(value, max) / max) * steps)));
}

export interface ShadeRange {
	step: number;
	from: number;
	to: number;
}

/**
 * The whole numbers each shade stands for, for the legend: [{ step: 0, from: 0, to: 0 }, { step: 1,
 * from: 1, to: 3 }, …]. Shades that no whole number reaches (small maxima) are left out.
 */
export function shadeRanges(max: number, steps = shadeSteps): ShadeRange[] {
	const ranges: ShadeRange[] = [{ step: 0, from: 0, to: 0 }];
	const top = Math.max(1, Math.floor(max));
	let from = 1;
	for (let step = 1; step <= steps && from <= top; step++) {
		// The largest whole number still in this shade.
		let to = step === steps ? top : Math.floor(top * (step / steps) ** 2);
		while (to < top && shadeStep(to + 1, top, steps) <= step) to++;
		while (to >= from && shadeStep(to, top, steps) > step) to--;
		if (to >= from) {
			ranges.push({ step, from, to });
			from = to + 1;
		}
	}
	return ranges;
}

export function cellKey(rowKey: string, columnKey: string): string {
	return `${rowKey}|${columnKey}`;
}
