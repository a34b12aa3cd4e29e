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

/**
 * The same check for a page of a context created with `javaScriptEnabled: false`, where axe, which runs
 * as a script, cannot be injected: the page's document as the browser holds it (server-rendered, no
 * script has run) is served again, at the same address and without its scripts, to a fresh page that
 * runs scripts, with the same styles, and axe checks it there.
 */
export async function expectAccessibleWithoutJavaScript(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
	const url = page.url();
	const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/gi, '');
	const browser = page.context().browser();
	if (!browser) throw new Error('no browser behind this page');
	const context = await browser.newContext();
	try {
		const copy = await context.newPage();
		await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
		await copy.goto(url);
		await expectAccessible(copy, options);
	} finally {
		await context.close();
	}
}
