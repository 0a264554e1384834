import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  auditAccessibility,
  auditCount,
  baseUrl,
  DESKTOP,
  flushAudit,
  formatViolations,
  hasBrowser,
  newPage,
  PHONE,
  signIn,
} from './support/browser.ts';

/**
 * Every top-level page of the console, the portal and the signed-out screens, in Spanish and
 * English, on a laptop (1280×800) and a phone (390×844), audited by axe (WCAG 2.2 A/AA, serious and
 * critical: support/browser.ts fails the test on any) plus the structure axe files under "best
 * practice": one main landmark, all content in landmarks, an h1, headings in order.
 */

const STRUCTURE_RULES = [
  'region',
  'landmark-one-main',
  'landmark-no-duplicate-main',
  'landmark-unique',
  'page-has-heading-one',
  'heading-order',
  'bypass',
];
const ALL_IMPACTS = ['minor', 'moderate', 'serious', 'critical'];

const viewports = [
  ['laptop', DESKTOP],
  ['phone', PHONE],
] as const;

/** Opens the page, waits for its h1 and audits it (WCAG rules, then structure). */
async function visit(page: Page, path: string): Promise<void> {
  if (path !== '') await page.goto(path);
  await expect.poll(() => page.locator('h1').first().isVisible(), { timeout: 15_000 }).toBe(true);
  const before = auditCount(page);
  await auditAccessibility(page);
  expect(auditCount(page), `axe ran on ${page.url()}`).toBeGreaterThan(before);
  const structure = await auditAccessibility(page, { rules: STRUCTURE_RULES, impacts: ALL_IMPACTS });
  expect(structure, formatViolations(structure)).toEqual([]);
}

/** Presses Tab until a link or button has the focus: "TAG outline-style outline-width". */
async function tabToControl(page: Page): Promise<string> {
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const focused = (await page.evaluate(`(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return el.tagName + ' ' + style.outlineStyle + ' ' + style.outlineWidth;
    })()`)) as string;
    if (/^(A|BUTTON) /.test(focused)) return focused;
  }
  return 'no link or button reached';
}

/** The address of the first link in the page's main content whose path matches. */
async function firstLink(
  page: Page,
  pattern: RegExp,
  options: { optional: true },
): Promise<string | undefined>;
async function firstLink(page: Page, pattern: RegExp): Promise<string>;
async function firstLink(page: Page, pattern: RegExp, options?: { optional: true }) {
  const hrefs = (await page.evaluate(
    `[...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href'))`,
  )) as string[];
  const href = hrefs.find((h) => pattern.test(h));
  if (options?.optional) return href;
  expect(href, `a link matching ${pattern} on ${page.url()}`).toBeTruthy();
  return href!;
}

const people = {
  es: {
    locale: 'es-MX',
    staff: 'mariana@distribuidoradelvalle.example',
    customer: 'lupe@cocinadonalupe.example',
  },
  en: { locale: 'en-US', staff: 'emily@harborfoods.example', customer: 'ap@blueanchorbistro.example' },
} as const;

for (const [language, who] of Object.entries(people)) {
  for (const [device, viewport] of viewports) {
    describe.runIf(hasBrowser)(`accessibility, ${language}, ${device}`, () => {
      test('signed-out pages', { timeout: 120_000 }, async () => {
        const { page, context } = await newPage(who.locale, { viewport });
        await visit(page, '/sign-in');
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        // Keyboard focus is visible: tabbing to a link or button draws Mantine's focus ring.
        await expect.poll(() => tabToControl(page)).toMatch(/^(A|BUTTON) solid [1-9]/);
        // The audit itself: a button without a name is reported, readably.
        await page.evaluate(`document.querySelector('main').append(document.createElement('button'))`);
        const found = await auditAccessibility(page, { record: false });
        expect(found.map((v) => v.rule)).toContain('button-name');
        expect(formatViolations(found)).toMatch(
          /^\/sign-in \[\w\w \d+×\d+\]\n {2}button-name \(critical\) at /m,
        );
        await visit(page, '/forgot-password');
        // A field's error message (red text under the input) is audited too: send the form empty.
        await page.locator('form button[type="submit"]').click();
        await expect.poll(() => page.locator('.mantine-InputWrapper-error').count()).toBeGreaterThan(0);
        await auditAccessibility(page);
        await visit(page, `/reset-password/${'x'.repeat(43)}`);
        await visit(page, `/invitations/${'x'.repeat(43)}`);
        await visit(page, '/no/such/page');
        await visit(page, '/help');
        await context.close();
      });

      test('the console', { timeout: 240_000 }, async () => {
        const { page, context } = await newPage(who.locale, { viewport });
        await signIn(page, who.staff);
        await page.waitForURL(`${baseUrl}/console`);
        await visit(page, '');
        expect(await page.locator('html').getAttribute('lang')).toBe(language);

        // The first Tab reaches "skip to content", shown while focused, which moves the focus to
        // the main landmark.
        await page.keyboard.press('Tab');
        expect(await page.evaluate('document.activeElement.textContent')).toMatch(
          /^(Saltar al contenido|Skip to content)$/,
        );
        await expect
          .poll(
            async () => (await page.evaluate('document.activeElement.getBoundingClientRect().top')) as number,
          )
          .toBeGreaterThanOrEqual(0);
        await page.keyboard.press('Enter');
        expect(await page.evaluate('document.activeElement.tagName')).toBe('MAIN');
        expect(await tabToControl(page)).toMatch(/^(A|BUTTON) solid [1-9]/);

        // A route change inside the app (no page load) is audited by itself before the next step.
        await flushAudit(page); // (following the skip link changed the address's #)
        const audits = auditCount(page);
        await page.locator('main a[href="/console/customers"]').first().click();
        await page.waitForURL(`${baseUrl}/console/customers`);
        await flushAudit(page);
        expect(auditCount(page)).toBe(audits + 1);

        await visit(page, '/console/customers');
        await visit(page, await firstLink(page, /^\/console\/customers\/[0-9a-f-]{36}$/));
        await visit(page, '/console/invoices');
        await visit(page, await firstLink(page, /^\/console\/invoices\/[0-9a-f-]{36}$/));
        await visit(page, '/console/payments');
        await visit(page, await firstLink(page, /^\/console\/payments\/[0-9a-f-]{36}$/));
        await visit(page, '/console/payments/new');
        // Its calendar, open (a state reached without navigating).
        const dateField = page.locator('main .mantine-DateInput-input').first();
        if ((await dateField.count()) > 0) {
          await dateField.click();
          await expect.poll(() => page.locator('[class*="calendarHeader"]').first().isVisible()).toBe(true);
          await auditAccessibility(page);
          await page.keyboard.press('Escape');
        }
        await visit(page, '/console/payments/take');
        await visit(page, '/console/credits');
        await visit(page, await firstLink(page, /^\/console\/credits\/[0-9a-f-]{36}$/));
        await visit(page, '/console/credits/new');
        await visit(page, '/console/outbox');
        // The Outbox of a seller may be empty (its demo sends nothing): open a message if there is one.
        const message = await firstLink(page, /^\/console\/outbox\/[0-9a-f-]{36}$/, { optional: true });
        if (message) await visit(page, message);
        await visit(page, '/console/reports/aging');
        await visit(page, '/console/deposits');
        await visit(page, '/console/team');
        await visit(page, '/console/settings/documents');
        await visit(page, '/console/settings/payments');
        await visit(page, '/console/no-such-page');
        await context.close();
      });

      test('the portal', { timeout: 180_000 }, async () => {
        const { page, context } = await newPage(who.locale, { viewport });
        await signIn(page, who.customer);
        await page.waitForURL(/\/(portal|choose)$/);
        if (page.url().endsWith('/choose')) {
          await visit(page, '');
          await page.locator('main button').first().click();
          await page.waitForURL(`${baseUrl}/portal`);
        }
        await visit(page, '');
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        await expect.poll(() => page.getByRole('main').count()).toBe(1);
        expect(await page.getByRole('link', { name: /Saltar al contenido|Skip to content/ }).count()).toBe(1);
        await visit(page, '/portal/invoices');
        await visit(page, await firstLink(page, /^\/portal\/invoices\/[0-9a-f-]{36}$/));
        await visit(page, '/portal/credits');
        await visit(page, '/portal/payments');
        await visit(page, '/portal/payment-methods');
        await visit(page, '/portal/autopay');
        await visit(page, '/portal/users');
        await context.close();
      });
    });
  }
}
