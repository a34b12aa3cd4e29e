import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import { messagesFor } from '../server/core/i18n.ts';
import type { Locale } from '../shared/i18n.ts';
import BarChart from './BarChart.svelte';
import MatrixChart from './MatrixChart.svelte';
import { barPercent, cellKey, groupRows, maxValue, shadeRanges, shadeStep, type BarRow } from './charts.ts';

/** Server-renders a component as SvelteKit would, with the page data that `t()` and `formatNumber()` read. */
function renderPage<Props extends Record<string, unknown>>(component: Component<Props>, props: Props, locale: Locale = 'en'): string {
	const context = new Map([['__request__', { page: { data: { locale, messages: messagesFor(locale) } } }]]);
	return render(component, { props, context }).body;
}

/** The text of an HTML fragment, with tags dropped and whitespace collapsed. */
const text = (html: string) =>
	html
		.replace(/<!--.*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
const between = (html: string, start: string, end: string) => html.slice(html.indexOf(start), html.indexOf(end, html.indexOf(start)));

describe('chart helpers', () => {
	it('groups rows in the order of the groups, leaving empty groups out and loose rows last', () => {
		const rows = [
			{ key: 'a', group: 'g2' },
			{ key: 'b', group: 'g1' },
			{ key: 'c' },
			{ key: 'd', group: 'g2' },
			{ key: 'e', group: 'unknown' }
		];
		const groups = [
			{ key: 'g1', label: 'One' },
			{ key: 'g2', label: 'Two' },
			{ key: 'g3', label: 'Three' }
		];
		expect(groupRows(rows, groups).map((s) => [s.group?.key ?? null, s.rows.map((r) => r.key)])).toEqual([
			['g1', ['b']],
			['g2', ['a', 'd']],
			[null, ['c', 'e']]
		]);
		expect(groupRows(rows).map((s) => [s.group, s.rows.length])).toEqual([[undefined, 5]]);
		expect(groupRows([], groups)).toEqual([]);
	});

	it('measures bars against the largest value, keeping a sliver for small non-zero values', () => {
		expect(maxValue([3, 120, 7])).toBe(120);
		expect(maxValue([0, 0])).toBe(1);
		expect(maxValue([])).toBe(1);
		expect([barPercent(120, 120), barPercent(60, 120), barPercent(0, 120), barPercent(1, 5000), barPercent(-2, 10)]).toEqual([
			100, 50, 0, 0.75, 0
		]);
	});

	it('shades on a square-root scale: 0 alone in step 0, the maximum in the top step', () => {
		expect([0, 1, 4, 16, 36, 64, 100].map((v) => shadeStep(v, 100))).toEqual([0, 1, 1, 2, 3, 4, 5]);
		expect(shadeStep(5, 0)).toBe(0);
		expect(shadeStep(1, 1)).toBe(5);
	});

	it('describes each shade by the whole numbers it covers, with no gaps or overlaps', () => {
		expect(shadeRanges(100)).toEqual([
			{ step: 0, from: 0, to: 0 },
			{ step: 1, from: 1, to: 4 },
			{ step: 2, from: 5, to: 16 },
			{ step: 3, from: 17, to: 36 },
			{ step: 4, from: 37, to: 64 },
			{ step: 5, from: 65, to: 100 }
		]);
		for (const max of [1, 2, 3, 7, 25, 99, 1234]) {
			const ranges = shadeRanges(max);
			for (let v = 0; v <= max; v++) {
				const covering = ranges.filter((r) => r.from <= v && v <= r.to);
				expect(
					covering.map((r) => r.step),
					`${v} of ${max}`
				).toEqual([shadeStep(v, max)]);
			}
		}
		expect(shadeRanges(1).map((r) => r.step)).toEqual([0, 5]);
	});
});

describe('BarChart', () => {
	const groups = [
		{ key: 'city', label: 'The city' },
		{ key: 'people', label: 'People' }
	];
	const rows: BarRow[] = [
		{ key: 'p1', label: 'Inclusive education', value: 1234, href: '/en/experiences?principle=1', group: 'city' },
		{ key: 'p2', label: 'Dialogue between generations', value: 56, href: '/en/experiences?principle=2', group: 'city', active: true },
		{ key: 'p3', label: 'Health', value: 0, group: 'people' },
		{ key: 'p4', label: 'Environment', value: 120, href: '/en/experiences?principle=4', group: 'people' }
	];

	it('draws each bar as a link named by its label and formatted value, under its group', () => {
		const html = renderPage(BarChart, { title: 'Experiences by principle', rows, groups, valueLabel: 'Experiences' });
		expect([...html.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'))).toEqual([
			'/en/experiences?principle=1',
			'/en/experiences?principle=2',
			'/en/experiences?principle=4'
		]);
		const chart = html.slice(0, html.indexOf('<details'));
		expect(text(chart)).toContain('Inclusive education: 1,234');
		expect(text(chart)).toContain('Environment: 120');
		// Group headings come first, in the order given, and the rows follow their own group.
		expect(text(chart).indexOf('The city')).toBeLessThan(text(chart).indexOf('Inclusive education'));
		expect(text(chart).indexOf('People')).toBeLessThan(text(chart).indexOf('Environment'));
		expect(text(chart).indexOf('Dialogue between generations')).toBeLessThan(text(chart).indexOf('People'));
		// Bar lengths are relative to the largest value.
		expect(chart).toMatch(/width: 100%/);
		expect(chart).toMatch(/width: 9\.72%/);
	});

	it('marks the active bar for assistive technology and visibly, not by colour alone', () => {
		const html = renderPage(BarChart, { title: 'Experiences by principle', rows, groups });
		const active = [...html.matchAll(/<li[^>]*>.*?<\/li>/gs)].map((m) => m[0]).filter((li) => /class="[^"]*\bactive\b/.test(li));
		expect(active).toHaveLength(1);
		expect(active[0]).toContain('aria-current="true"');
		expect(active[0]).toContain('✓');
		expect(active[0]).toContain('Dialogue between generations');
		// The table says it in words too.
		expect(text(between(html, '<table', '</table>'))).toContain('Dialogue between generations (current filter) 56');
	});

	it('offers the same numbers in a table with a caption and header scopes', () => {
		const html = renderPage(BarChart, { title: 'Experiences by principle', rows, groups, valueLabel: 'Experiences' });
		const table = between(html, '<details', '</details>');
		expect(text(table)).toMatch(/^Show as a table Experiences by principle Category Experiences The city /);
		expect(table).toContain('<caption');
		expect(table).toMatch(/<th scope="col"[^>]*>Category/);
		expect(table).toMatch(/<th scope="rowgroup" colspan="2"[^>]*>People/);
		const cellsOf = (label: string) => text(table).match(new RegExp(`${label}(?: \\(current filter\\))? ([\\d,]+)`))?.[1];
		expect(rows.map((row) => cellsOf(row.label))).toEqual(['1,234', '56', '0', '120']);
	});

	it('lists zero rows dimmed in the chart, or leaves them out of it with hideZero, but always in the table', () => {
		const shown = renderPage(BarChart, { title: 'T', rows });
		const chart = shown.slice(0, shown.indexOf('<details'));
		expect(chart).toMatch(/<li class="[^"]*\bzero\b[^"]*">(?:(?!<\/li>).)*Health: 0/s);
		const hidden = renderPage(BarChart, { title: 'T', rows, hideZero: true });
		expect(text(hidden.slice(0, hidden.indexOf('<details')))).not.toContain('Health');
		expect(text(between(hidden, '<table', '</table>'))).toContain('Health 0');
	});

	it('formats numbers and names bars in the page language', () => {
		const html = renderPage(BarChart, { title: 'Expériences', rows }, 'fr');
		expect(html).toContain(`Inclusive education : ${new Intl.NumberFormat('fr').format(1234)}`);
		expect(text(html)).toContain('Afficher sous forme de tableau');
	});
});

describe('MatrixChart', () => {
	const rows = [
		{ key: 'p1', label: 'Inclusive education', href: '/en/experiences?principle=1' },
		{ key: 'p2', label: 'Health' }
	];
	const columns = [
		{ key: 'env', label: 'Environment', href: '/en/experiences?topic=env' },
		{ key: 'art', label: 'Arts & culture' },
		{ key: 'sport', label: 'Sport' }
	];
	const cells = {
		[cellKey('p1', 'env')]: { value: 100, href: '/en/experiences?principle=1&topic=env' },
		[cellKey('p1', 'art')]: { value: 3, href: '/en/experiences?principle=1&topic=art' },
		[cellKey('p2', 'env')]: { value: 0, href: '/en/experiences?principle=2&topic=env' }
	};

	it('is a table with a caption and header scopes inside a focusable, labelled scroll region', () => {
		const html = renderPage(MatrixChart, { title: 'Principles by topic', description: 'Experiences per pair', rows, columns, cells });
		expect(html).toMatch(/<div class="scroll[^"]*" role="region" tabindex="0" aria-label="Principles by topic \(scrollable table\)"/);
		expect(text(between(html, '<caption', '</caption>'))).toBe('Principles by topic Experiences per pair');
		expect(html.match(/<th scope="col"/g)).toHaveLength(3);
		expect(html.match(/<th scope="row"/g)).toHaveLength(2);
		expect(text(between(html, '<thead', '</thead>'))).toBe('Environment Arts &amp; culture Sport');
	});

	it('prints every number, links the non-empty cells and names each link by its row and column', () => {
		const html = renderPage(MatrixChart, { title: 'Principles by topic', rows, columns, cells });
		const body = between(html, '<tbody', '</tbody>');
		expect(text(body)).toBe('Inclusive education 100 3 0 Health 0 0 0');
		const links = [...body.matchAll(/<a href="([^"]+)"(?: aria-label="([^"]*)")?/g)].map((m) => [m[1].replaceAll('&amp;', '&'), m[2]]);
		expect(links).toEqual([
			['/en/experiences?principle=1', undefined],
			['/en/experiences?principle=1&topic=env', 'Inclusive education × Environment: 100'],
			['/en/experiences?principle=1&topic=art', 'Inclusive education × Arts &amp; culture: 3']
		]);
	});

	it('shades by count and sets empty cells apart', () => {
		const html = renderPage(MatrixChart, { title: 'Principles by topic', rows, columns, cells });
		const steps = [...between(html, '<tbody', '</tbody>').matchAll(/<td class="cell step-(\d)/g)].map((m) => Number(m[1]));
		expect(steps).toEqual([5, 1, 0, 0, 0, 0]);
		expect(text(between(html, '<p class="legend', '</p>'))).toBe('Shading by number: 0 1–4 5–16 17–36 37–64 65–100');
	});
});
