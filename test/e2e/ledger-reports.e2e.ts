import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { baseUrl, hasBrowser, newPage, pageProblems, screenshot, signIn } from './support/browser.ts';

/**
 * What the ledger says, on screen: the aging reconciles to the balances (unapplied cash shown),
 * activity carries business dates, a hold keeps its internal reason from the customer, and a
 * reversed payment shows nothing available (page and receipt). Harbor Foods' demo customer
 * Seaside Market has 250.00 received on account.
 */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

function pdfText(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'saldo-pdf-')), 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const main = (page: import('playwright-core').Page) => page.locator('main').innerText();

test.runIf(hasBrowser)(
  'staff: the aging report shows unapplied cash and credits and the balance',
  async () => {
    const { page, context } = await newPage('en-US');
    await signIn(page, 'marcus@harborfoods.example');
    await page.waitForURL(`${baseUrl}/console`);

    // The aging report: unapplied cash and the balance beside the buckets, and how they add up.
    await page.goto('/console/reports/aging');
    await expect.poll(() => main(page), { timeout: 15_000 }).toContain('Seaside Market Co.');
    const aging = await main(page);
    for (const text of ['Unapplied cash', 'Unapplied credits', 'Balance', '− unapplied cash −'])
      expect(aging).toContain(text);
    expect(aging).toContain('-$250.00'); // Seaside Market's money on account, subtracted
    await screenshot(page, 'ledger-01-aging');
    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();
  },
);

test.runIf(hasBrowser)(
  'staff: the customer page reconciles; activity by business date; a hold with a message; a reversal',
  async () => {
    const { page, context } = await newPage('en-US');
    await signIn(page, 'marcus@harborfoods.example');
    await page.waitForURL(`${baseUrl}/console`);

    // The customer page: the aging ends at the balance shown above it.
    const customers = await context.request.get('/api/v1/console/customers?q=Seaside');
    const seaside = (await customers.json()).items[0] as { id: string; balances: { total: number }[] };
    await page.goto(`/console/customers/${seaside.id}`);
    await expect.poll(() => main(page), { timeout: 15_000 }).toContain('Unapplied cash');
    const detail = await main(page);
    const balance = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
      seaside.balances[0]!.total / 100,
    );
    expect(
      detail.split(balance).length - 1,
      `${balance} in the figures and in the aging`,
    ).toBeGreaterThanOrEqual(2);
    expect(detail).toContain('Open invoices total − unapplied cash − unapplied credits = balance.');

    // Activity: business dates (the demo was loaded today, its documents dated earlier).
    await page.getByRole('tab', { name: 'Activity' }).click();
    await expect.poll(() => main(page), { timeout: 15_000 }).toContain('Recorded');
    const activity = (await context.request.get(`/api/v1/console/customers/${seaside.id}/activity`)).json();
    const dates = ((await activity).items as { date: string }[]).map((i) => i.date);
    expect(dates).toEqual([...dates].sort().reverse());
    await screenshot(page, 'ledger-02-activity');

    // A hold: the internal reason for the team, a message for the customer.
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Place hold' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Internal reason').fill('Two bounced checks; legal review');
    await dialog.getByLabel('Message for the customer (optional)').fill('Please call our AR team.');
    await screenshot(page, 'ledger-03-hold-dialog');
    await dialog.getByRole('button', { name: 'Place hold' }).click();
    await expect.poll(() => main(page)).toContain('The customer sees: Please call our AR team.');

    const portal = await newPage('en-US');
    await signIn(portal.page, 'billing@seasidemarket.example');
    await portal.page.waitForURL(`${baseUrl}/portal`);
    await expect.poll(() => main(portal.page), { timeout: 15_000 }).toContain('Your account is on hold');
    const portalText = await main(portal.page);
    expect(portalText).toContain('Please call our AR team.');
    expect(portalText).not.toContain('bounced');
    await screenshot(portal.page, 'ledger-04-portal-hold');
    expect(unexpected(pageProblems(portal.page))).toEqual([]);
    await portal.context.close();

    await page.getByRole('button', { name: 'Release hold' }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: 'Release hold' }).click();
    await expect.poll(() => main(page)).not.toContain('This account is on hold');

    // A payment received on account (recorded here, so the demo's own stay as they are), reversed:
    // nothing available any more, on the page and the receipt.
    const me = (await (await context.request.get('/api/v1/me')).json()) as { csrfToken: string };
    const recorded = await context.request.post('/api/v1/console/payments', {
      headers: { 'x-csrf-token': me.csrfToken, origin: baseUrl },
      data: {
        customerId: seaside.id,
        amount: 25_000,
        receivedOn: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10), // days ago anywhere
        method: 'check',
        reference: 'Check #9001',
      },
    });
    expect(recorded.status(), await recorded.text()).toBe(201);
    const payment = (await recorded.json()) as { id: string };
    await page.goto(`/console/payments/${payment.id}`);
    await page.getByRole('button', { name: 'Reverse payment' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('Returned ACH (R01)');
    await page.getByRole('dialog').getByRole('button', { name: 'Reverse payment' }).click();
    await expect.poll(() => main(page)).toContain('This payment was reversed');
    const reversed = await main(page);
    expect(reversed).toMatch(/Available\s+\$0\.00/i);
    expect(reversed).toMatch(/Reversed on/i);
    expect(reversed).not.toMatch(/Unapplied\s+\$250\.00/i);
    await screenshot(page, 'ledger-05-reversed');
    const receipt = await context.request.get(`/api/v1/console/payments/${payment.id}/receipt.pdf`);
    const text = pdfText(Buffer.from(await receipt.body()));
    expect(text).toContain('REVERSED');
    expect(text).toMatch(/Available\s+\$0\.00/);
    expect(text).not.toContain('Unapplied');
    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();
  },
);
