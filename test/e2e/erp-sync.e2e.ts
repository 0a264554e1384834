import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import {
  auditAccessibility,
  baseUrl,
  DESKTOP,
  hasBrowser,
  newPage,
  PHONE,
  pageProblems,
  screenshot,
  signIn,
} from './support/browser.ts';

/**
 * Harbor Foods' owner sets up the ERP sync: a daily export at 07:30, marked by hand, mailed to
 * the AR team; then exports now, downloads the file (the demo's payments with their invoices, in
 * English with what to do per line), sees it listed, and exporting again finds nothing new. The
 * page on a phone (in the owner’s language).
 */
const OWNER = 'emily@harborfoods.example';
const JOURNEY_MS = 150_000;
// The sign-in page asks who is signed in before anyone is: that 401 is expected.
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401|^401 /.test(p));

test.runIf(hasBrowser)(
  'staff: set the sync frequency, export now, download the file',
  { timeout: JOURNEY_MS },
  async () => {
    const { page, context } = await newPage('en-US', { viewport: DESKTOP });
    await signIn(page, OWNER);
    await page.waitForURL(`${baseUrl}/console`);
    await page.getByRole('link', { name: 'ERP sync' }).first().click();
    await page.waitForURL(`${baseUrl}/console/settings/erp-sync`);
    await page.getByRole('heading', { name: 'ERP sync', level: 1 }).waitFor();
    await page.getByText('Nothing exported yet').waitFor();

    const frequency = page.getByLabel('Sync frequency').and(page.locator('input'));
    await frequency.click();
    await page.getByRole('option', { name: 'Daily', exact: true }).click();
    await page.getByLabel('At', { exact: true }).fill('07:30');
    await page.getByRole('radio', { name: /^Manual: our AR team/ }).check();
    await page.getByRole('textbox', { name: 'Check' }).fill('BANK-CHECKS');
    await page.getByRole('textbox', { name: 'Send the file to' }).fill('ar@harborfoods.example');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Sync settings saved.').waitFor();
    await screenshot(page, 'erp-sync-01-settings');

    // What was saved is what the page shows after a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'ERP sync', level: 1 }).waitFor();
    await expect.poll(() => frequency.inputValue()).toBe('Daily');
    expect(await page.getByLabel('At', { exact: true }).inputValue()).toBe('07:30');
    expect(await page.getByRole('textbox', { name: 'Check' }).inputValue()).toBe('BANK-CHECKS');

    await page.getByRole('button', { name: 'Export now' }).click();
    await page.getByText(/^Export no\. 1: \d+ changes?$/).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download payment-confirmations-000001.csv' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('payment-confirmations-000001.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(header).toMatch(/^Export,Type,Date,Payment,/);
    expect(header).toMatch(/,What to do in the ERP$/);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.includes('Record payment'))).toBe(true);

    const table = page.getByRole('table', { name: 'Exports' });
    await expect.poll(() => table.innerText()).toContain('No. 1');
    await auditAccessibility(page);
    await screenshot(page, 'erp-sync-02-exported');

    // Everything went out: the next export finds nothing new.
    await page.getByRole('button', { name: 'Export now' }).click();
    await page.getByText('Nothing new to export.').waitFor();
    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();

    const phone = await newPage('es-MX', { viewport: PHONE });
    await signIn(phone.page, OWNER);
    await phone.page.waitForURL(`${baseUrl}/console`);
    await phone.page.goto('/console/settings/erp-sync');
    await phone.page
      .getByRole('heading', { name: /^(Sincronización con el ERP|ERP sync)$/, level: 1 })
      .waitFor();
    await phone.page
      .getByRole('table', { name: /^(Exportaciones|Exports)$/ })
      .getByText(/^(N\.º 1|No\. 1)$/)
      .waitFor();
    await screenshot(phone.page, 'erp-sync-03-phone');
    expect(unexpected(pageProblems(phone.page))).toEqual([]);
    await phone.context.close();
  },
);
