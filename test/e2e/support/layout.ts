import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** The check itself runs in the browser: ./layout.browser.js. */
const AMOUNT_CHECK = readFileSync(new URL('./layout.browser.js', import.meta.url), 'utf8')
  .trim()
  .replace(/;$/, '');

/** The two screens every page must hold its amounts on: a laptop and a phone. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export interface AmountProblem {
  text: string;
  problem: string;
}

/**
 * Every element that shows an amount (`[data-amount]`) must be whole on screen: its text fits its
 * own box and its card (the nearest `[data-card]` or Mantine Paper), no ancestor with
 * `overflow: hidden|clip` cuts it, and it lies inside the viewport unless a scrollable ancestor
 * that shows its scrollbar holds it (the person can see there is more and scroll to it).
 * Returns what is wrong, one line per amount; `[]` when everything shows.
 */
export async function amountProblems(page: Page): Promise<AmountProblem[]> {
  return page.evaluate(AMOUNT_CHECK) as Promise<AmountProblem[]>;
}

/** How many amount elements the page shows (a page whose amounts are not marked would pass vacuously). */
export async function amountCount(page: Page): Promise<number> {
  return page.locator('[data-amount]').count();
}
