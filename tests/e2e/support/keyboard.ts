import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Tab until the locator has focus, failing after `max` presses: proves it is reachable. */
export async function tabTo(page: Page, target: Locator, max = 40): Promise<number> {
	for (let presses = 1; presses <= max; presses++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) return presses;
	}
	await expect(target, `reachable with Tab within ${max} presses`).toBeFocused();
	return max;
}

/** From the top of a freshly loaded page, the first Tab lands on the skip link, which leads to main. */
export async function expectSkipLinkFirst(page: Page, name: string): Promise<void> {
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('main')).toBeFocused();
}
