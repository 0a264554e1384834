import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { baseUrl, hasBrowser, newPage, pageProblems, screenshot, signIn } from './support/browser.ts';
import {
  type AmountProblem,
  amountCount,
  amountProblems,
  VIEWPORTS,
  type ViewportName,
} from './support/layout.ts';

/** Waits until the page has drawn its data: no request in flight, no skeleton left. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.mantine-Skeleton-root').count(), { timeout: 15_000 }).toBe(0);
  await page.evaluate('document.fonts.ready.then(() => true)');
}

/** The address of the first row's link in the page's first table or list of cards. */
async function firstLink(page: Page, list: string, pattern: RegExp): Promise<string> {
  await page.goto(list);
  await settle(page);
  const hrefs = await Promise.all(
    (await page.locator('main a[href]').all()).map(async (link) => (await link.getAttribute('href')) ?? ''),
  );
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${list}`).toBeTruthy();
  return href!;
}

/**
 * Visits each page at both sizes, saves a screenshot of each and collects every amount that
 * is clipped, hidden or off screen. Every page listed must show at least one amount.
 */
async function checkPages(page: Page, who: string, pages: [string, string][]): Promise<string[]> {
  const found: string[] = [];
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    for (const [name, url] of pages) {
      const seen = pageProblems(page).length;
      await page.goto(url);
      await settle(page);
      for (const p of pageProblems(page).slice(seen))
        if (!/status of 401/.test(p)) found.push(`${viewport} ${url}: page error: ${p}`);
      await screenshot(page, `layout-${who}-${name}-${viewport}`);
      if ((await amountCount(page)) === 0)
        found.push(`${viewport} ${url}: shows no amount marked with data-amount`);
      const problems: AmountProblem[] = await amountProblems(page);
      for (const p of problems) found.push(`${viewport} ${url}: "${p.text}" ${p.problem}`);
    }
  }
  return found;
}

test.runIf(hasBrowser)(
  'customer: no amount is clipped, hidden or off screen at 1280×800 and 390×844',
  async () => {
    const { page, context } = await newPage('es-MX');
    await signIn(page, 'contador@despachoruiz.example');
    await page.waitForURL(`${baseUrl}/portal`);
    const invoice = await firstLink(page, '/portal/invoices', /^\/portal\/invoices\/[0-9a-f-]{36}$/);
    const problems = await checkPages(page, 'customer', [
      ['dashboard', '/portal'],
      ['invoices', '/portal/invoices'],
      ['invoice', invoice],
      ['payments', '/portal/payments'],
      ['credits', '/portal/credits'],
    ]);
    expect(problems).toEqual([]);
    await context.close();
  },
  180_000,
);

test.runIf(hasBrowser)(
  'staff: no amount is clipped, hidden or off screen at 1280×800 and 390×844',
  async () => {
    const { page, context } = await newPage('es-MX');
    await signIn(page, 'mariana@distribuidoradelvalle.example');
    await page.waitForURL(`${baseUrl}/console`);
    const invoice = await firstLink(page, '/console/invoices', /^\/console\/invoices\/[0-9a-f-]{36}$/);
    const customer = await firstLink(page, '/console/customers', /^\/console\/customers\/[0-9a-f-]{36}$/);
    const payment = await firstLink(page, '/console/payments', /^\/console\/payments\/[0-9a-f-]{36}$/);
    const credit = await firstLink(page, '/console/credits', /^\/console\/credits\/[0-9a-f-]{36}$/);
    const problems = await checkPages(page, 'staff', [
      ['invoices', '/console/invoices'],
      ['invoice', invoice],
      ['customers', '/console/customers'],
      ['customer', customer],
      ['payments', '/console/payments'],
      ['payment', payment],
      ['credits', '/console/credits'],
      ['credit', credit],
      ['aging', '/console/reports/aging'],
      // The allocation table: each open invoice with its amount to apply (cards on a phone).
      ['record-payment', `/console/payments/new?customerId=${customer.split('/').at(-1)}`],
    ]);
    expect(problems).toEqual([]);
    await context.close();
  },
  240_000,
);

test.runIf(hasBrowser)(
  'hand-edited list and page addresses: not found, a page past the end, unknown filters ignored',
  async () => {
    // An English browser, a Spanish interface (Mariana's saved language): dates follow the interface.
    const { page, context } = await newPage('en-US');
    await signIn(page, 'mariana@distribuidoradelvalle.example');
    await page.waitForURL(`${baseUrl}/console`);
    const validation = /no son válidos|must be|debe ser/i;

    await page.goto('/console/invoices/not-a-uuid');
    await expect.poll(() => page.getByText('Factura no encontrada').isVisible()).toBe(true);
    expect(await page.locator('main').innerText()).not.toMatch(validation);

    await page.goto('/console/invoices?page=999');
    await expect.poll(() => page.getByText('Esta página no existe').isVisible()).toBe(true);
    const footer = await page.locator('main').innerText();
    expect(footer).not.toMatch(/24,951|Aún no hay facturas/);
    await page.getByRole('button', { name: 'Ir a la última página' }).click();
    await expect.poll(() => page.getByText(/^1–\d+ de \d+$/).isVisible()).toBe(true);
    await screenshot(page, 'layout-staff-invoices-last-page');

    await page.goto(`/console/invoices?status=bogus&sort=foo&q=${'x'.repeat(101)}`);
    await settle(page);
    expect(await page.locator('main').innerText()).not.toMatch(validation);
    expect((await page.getByRole('searchbox').first().inputValue()).length).toBeLessThanOrEqual(100);
    await expect.poll(() => page.getByRole('searchbox').first().getAttribute('maxlength')).toBe('100');

    // Dates are typed the way the chosen language writes them (day first in Spanish), whatever
    // the browser's own locale, and the address keeps YYYY-MM-DD.
    await page.goto('/console/invoices');
    await page.getByRole('button', { name: 'Filtros' }).click();
    const issuedFrom = page.getByLabel('Emitida desde');
    await expect.poll(() => issuedFrom.getAttribute('placeholder')).toBe('dd/mm/aaaa');
    await issuedFrom.fill('12/09/2026');
    await issuedFrom.blur();
    await expect.poll(() => new URL(page.url()).searchParams.get('issuedFrom')).toBe('2026-09-12');
    await expect.poll(() => issuedFrom.inputValue()).toBe('12/09/2026');
    await screenshot(page, 'layout-staff-invoices-date-filter');
    await page.getByRole('button', { name: 'Quitar filtros' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('issuedFrom')).toBeNull();
    await expect.poll(() => page.getByLabel('Emitida desde').inputValue()).toBe('');
    await context.close();
  },
);
