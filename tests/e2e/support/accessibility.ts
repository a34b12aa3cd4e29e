import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
	let builder = new AxeBuilder({ page }).withTags(wcagTags);
	for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
	const results = await builder.analyze();
	const blocking = results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({
			rule: v.id,
			impact: v.impact,
			help: v.help,
			targets: v.nodes.slice(0, 5).map((n) => n.target.join(' '))
		}));
	expect(blocking, `accessibility violations on ${page.url()}`).toEqual([]);
}
