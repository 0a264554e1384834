import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import type { APIRequestContext } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  baseUrl,
  DESKTOP,
  hasBrowser,
  newPage,
  PHONE,
  pageProblems,
  screenshot,
  signIn,
} from './support/browser.ts';
import { saldoJson } from './support/saldo-command.ts';

/**
 * Harbor Foods' staff see what the sandbox processor deposited: a customer pays two invoices by
 * card (through the API, as the portal would), days pass on the sandbox's clock, and the owner
 * checks for new deposits, opens one, sees its lines and journal entry and downloads its report,
 * on a desktop and on a phone.
 */

const _root = path.resolve(import.meta.dirname, '../..');
const _run = promisify(execFile);
const HARBOR = 'harbor-foods-supply';
const SEASIDE = 'billing@seasidemarket.example';
const OWNER = 'emily@harborfoods.example';
const JOURNEY_MS = 150_000;

const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401|^401 /.test(p));

async function advanceSandbox(days: number) {
  return saldoJson<{ deliveryFailures: number }>([
    'sandbox',
    'advance',
    '--days',
    String(days),
    '--org',
    HARBOR,
  ]);
}

/** A card payment of one open invoice, the way the portal's pay flow makes it; answers its status. */
async function payByCard(request: APIRequestContext, csrf: string, invoiceId: string, amount: number) {
  const headers = { 'x-csrf-token': csrf };
  const entry = await request.post('/api/v1/portal/payment-methods/entry', {
    headers,
    data: { kind: 'card', returnPath: '/portal/pay?invoices=x' },
  });
  expect(entry.status(), await entry.text()).toBe(200);
  const page = new URL((await entry.json()).url);
  const posted = await request.post(page.pathname, {
    headers: { origin: baseUrl },
    form: {
      number: '4242424242424242',
      expiry: '12/34',
      cvc: '123',
      name: 'Tom Alvarez',
      postalCode: '10001',
    },
    maxRedirects: 0,
  });
  expect(posted.status()).toBe(303);
  const methodToken = new URL(posted.headers().location!).searchParams.get('method');
  const paid = await request.post('/api/v1/portal/payments', {
    headers: { ...headers, 'idempotency-key': randomUUID() },
    data: { kind: 'card', methodToken, allocations: [{ invoiceId, amount }] },
  });
  expect(paid.status(), await paid.text()).toBe(201);
  return (await paid.json()).status as string;
}

test.runIf(hasBrowser)(
  'staff: a day’s card payments arrive as a deposit with its lines, journal entry and reports',
  { timeout: JOURNEY_MS },
  async () => {
    // The customer pays a part of two open invoices by card ($10.00 each: the demo allows partial
    // payments), leaving them open for the journeys that pay this customer's invoices in full.
    const payer = await newPage('en-US');
    await signIn(payer.page, SEASIDE);
    await payer.page.waitForURL(`${baseUrl}/portal`);
    const me = await (await payer.context.request.get('/api/v1/me')).json();
    const invoices = (await (await payer.context.request.get('/api/v1/portal/invoices?status=open')).json())
      .items as { id: string; openAmount: number; paymentStatus: string }[];
    const payable = invoices
      .filter((i) => i.paymentStatus !== 'payment_pending' && i.openAmount > 0)
      .slice(0, 2);
    expect(payable.length).toBeGreaterThan(0);
    for (const invoice of payable)
      expect(
        await payByCard(payer.context.request, me.csrfToken, invoice.id, Math.min(1_000, invoice.openAmount)),
      ).toBe('completed');
    await payer.context.close();

    // Days pass: the sandbox pays the day's card balance out on the next business day.
    expect((await advanceSandbox(5)).deliveryFailures).toBe(0);

    const { page, context } = await newPage('en-US', { viewport: DESKTOP });
    await signIn(page, OWNER);
    await page.waitForURL(`${baseUrl}/console`);
    await page.goto('/console/deposits');
    await page.getByRole('heading', { name: 'Deposits', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Check for new deposits' }).click();
    const open = page.getByRole('link', { name: /: open the Card deposit$/ }).first();
    await open.waitFor({ timeout: 20_000 });
    await page.getByRole('textbox', { name: 'E-mail addresses' }).fill('treasury@harborfoods.example');
    await page.getByRole('button', { name: 'Save recipients' }).click();
    await page.getByText('Recipients saved').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'deposits-01-list');

    await open.click();
    await page.waitForURL(/\/console\/deposits\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /^Card deposit of / }).waitFor();
    const lines = page.getByRole('table', { name: 'Lines of the deposit' });
    await expect.poll(() => lines.getByRole('row').count()).toBeGreaterThanOrEqual(payable.length + 2);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Journal entry');
    expect(main).toContain('Processor clearing');
    expect(main).toContain('Reconciled');
    await screenshot(page, 'deposits-02-detail');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Payments deposited · CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^payments-deposited-card-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvPath = await download.path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFDeposit,Arrival date,Type,Payment,Customer,Account number,Currency,Gross,Fee,Net',
    );
    expect(csv).toContain('Seaside Market');
    expect(unexpected(pageProblems(page))).toEqual([]);
    const detailUrl = page.url();
    await context.close();

    // The same pages on a phone.
    const phone = await newPage('en-US', { viewport: PHONE });
    await signIn(phone.page, OWNER);
    await phone.page.waitForURL(`${baseUrl}/console`);
    await phone.page.goto('/console/deposits');
    await phone.page
      .getByRole('link', { name: /: open the (Card|ACH) deposit$/ })
      .first()
      .waitFor({ timeout: 20_000 });
    await screenshot(phone.page, 'deposits-03-list-phone');
    await phone.page.goto(detailUrl);
    await phone.page.getByRole('table', { name: 'Lines of the deposit' }).waitFor();
    await screenshot(phone.page, 'deposits-04-detail-phone');
    expect(unexpected(pageProblems(phone.page))).toEqual([]);
    await phone.context.close();
  },
);
