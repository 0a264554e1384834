import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createDb, type DbHandle } from '../../src/db/client.ts';
import { findRunningEmbedded } from '../../src/db/embedded.ts';
import { appRoleUrl } from '../../src/db/roles.ts';
import { updateCreditCheckSettings } from '../../src/domain/credit-checks/update-credit-check-settings.ts';
import { createApiKey } from '../../src/domain/identity/create-api-key.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { baseUrl, DESKTOP, hasBrowser, newPage, PHONE, screenshot, signIn } from './support/browser.ts';
import { amountProblems } from './support/layout.ts';

/**
 * An order over the credit limit, end to end: Harbor Foods' ERP checks the order through the
 * integration API and gets a pay link; the buyer opens it with no sign-in, pays by card on the
 * sandbox's own page and sees the receipt; then the ERP's invoice for the order arrives (created
 * through createInvoice, the use case the ERP import calls) and the staff see it paid by the
 * prepayment. At 1280×800 (the part over the limit) and at 390×844 (a limit of 0: the whole order).
 */
const JOURNEY_MS = 150_000;
let handle: DbHandle;
let orgId: string;
let apiKey: string;

beforeAll(async () => {
  if (!hasBrowser) return;
  const running = findRunningEmbedded(inject('dataDir'));
  if (!running) throw new Error('the e2e Saldo is not running');
  handle = createDb(appRoleUrl(running.url, running.appPassword), { max: 2 });
  const db = handle.db;
  orgId = (
    await db
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', 'harbor-foods-supply')
      .executeTakeFirstOrThrow()
  ).id;
  apiKey = (
    await createApiKey(
      { db },
      { orgId, name: 'ERP (e2e)', scopes: ['integration:write'], createdBy: null, actor: {} },
    )
  ).key;
  await updateCreditCheckSettings(
    { db },
    { orgId, settings: { onlineOrders: true, orderPayment: 'excess' }, actor: {} },
  );
});
afterAll(async () => {
  await handle?.close();
});

/** A new buyer of Harbor Foods with this credit limit in cents. */
async function buyer(name: string, creditLimit: bigint) {
  const id = randomUUID();
  await handle.db
    .insertInto('customer_accounts')
    .values({
      org_id: orgId,
      id,
      account_number: `E2E-${id.slice(0, 8)}`,
      name,
      tax_id: null,
      currency: 'USD',
      locale: 'en',
      credit_limit: creditLimit,
    })
    .execute();
  return id;
}

async function creditCheck(customerId: string, orderReference: string, orderAmount: number) {
  const response = await fetch(`${baseUrl}/api/v1/credit-checks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ customer: { id: customerId }, orderReference, orderAmount, currency: 'USD' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as {
    decision: string;
    amountToPay: number;
    payLink: { url: string; expiresAt: string } | null;
  };
}

function pdfText(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'saldo-pdf-')), 'receipt.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function payOrderLink(
  viewport: typeof DESKTOP | typeof PHONE,
  shot: string,
  options: {
    name: string;
    limit: bigint;
    order: number;
    expectToPay: string;
    invoice: string;
    status: RegExp;
  },
) {
  const customerId = await buyer(options.name, options.limit);
  const orderReference = `SO-${randomUUID().slice(0, 6).toUpperCase()}`;
  const answer = await creditCheck(customerId, orderReference, options.order);
  expect(answer.decision).toBe('payment_required');
  expect(answer.payLink).not.toBeNull();

  // The buyer opens the link from the ERP's order confirmation: no sign-in.
  const { page, context } = await newPage('en-US', { viewport });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(answer.payLink!.url);
  await page.getByRole('heading', { name: 'Pay Harbor Foods Supply' }).waitFor();
  await expect
    .poll(() => page.locator('main').innerText())
    .toContain(`Prepayment for order ${orderReference}`);
  await expect.poll(() => page.locator('main').innerText()).toContain(options.expectToPay);
  expect(await amountProblems(page)).toEqual([]);
  await screenshot(page, `${shot}-1-link`);

  await page.getByRole('radio', { name: 'Card' }).check();
  await page.getByRole('button', { name: 'Continue to the secure page' }).click();
  await page.waitForURL(/\/sandbox\/entry\//, { timeout: 20_000 });
  await page.getByRole('heading', { name: 'Add a card' }).waitFor();
  await page.getByLabel('Card number', { exact: true }).fill('4242424242424242');
  await page.getByLabel('Expiry date', { exact: true }).fill('12/34');
  await page.getByLabel('Security code (CVC)', { exact: true }).fill('123');
  await page.getByLabel('Name on the card', { exact: true }).fill('Rosa Díaz');
  await page.getByLabel('ZIP or postal code', { exact: true }).fill('10001');
  await page.getByRole('button', { name: 'Save card' }).click();
  // Back through /pay/return/<id> (no token in the processor's records) to the link's review.
  await page.waitForURL(/\/pay\/[A-Za-z0-9_-]{43}\?.*method=pm_sb_/, { timeout: 20_000 });
  await page.getByRole('heading', { name: 'Review and pay' }).waitFor();
  const pay = page.getByTestId('pay-link-submit');
  await expect.poll(() => pay.innerText()).toBe(`Pay ${options.expectToPay}`);
  await screenshot(page, `${shot}-2-review`);
  await pay.click();
  await page.waitForURL(/\?payment=[0-9a-f-]{36}$/, { timeout: 30_000 });
  await page.getByRole('heading', { name: 'Payment received' }).waitFor();
  await expect
    .poll(() => page.locator('main').innerText())
    .toContain(`It is kept for order ${orderReference}`);
  await screenshot(page, `${shot}-3-paid`);
  const receiptHref = await page
    .getByRole('link', { name: 'Download the receipt (PDF)' })
    .getAttribute('href');
  const receipt = await context.request.get(receiptHref!);
  expect(receipt.headers()['content-type']).toBe('application/pdf');
  expect(pdfText(await receipt.body())).toContain(options.name);

  // Opening the link again shows it paid, nothing more to pay.
  await page.goto(answer.payLink!.url);
  await page.getByRole('heading', { name: 'This link is paid' }).waitFor();
  expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  await context.close();

  // The ERP's invoice for the order arrives: the prepayment is applied to it at once.
  const number = `INV-E2E-${orderReference.slice(3)}`;
  const { id } = await createInvoice(
    { db: handle.db },
    {
      orgId,
      customerId,
      number,
      issueDate: new Date().toISOString().slice(0, 10),
      orderReference,
      status: 'open',
      lines: [{ description: 'Order goods', quantity: '1', unitPrice: options.invoice }],
      actor: {},
    },
  );
  const staff = await newPage('en-US', { viewport });
  await signIn(staff.page, 'emily@harborfoods.example');
  await staff.page.waitForURL(/\/console/);
  await staff.page.goto(`/console/invoices/${id}`);
  await staff.page
    .getByRole('heading', { name: new RegExp(number) })
    .first()
    .waitFor();
  await expect.poll(() => staff.page.locator('main').innerText()).toMatch(options.status);
  await screenshot(staff.page, `${shot}-4-invoice`);
  await staff.page.goto(`/console/customers/${customerId}`);
  const panel = staff.page.getByRole('heading', { name: 'Credit checks and pay links' });
  await panel.waitFor();
  await expect.poll(() => staff.page.locator('main').innerText()).toMatch(/Payment PAY-\d+[\s\S]*Paid/);
  expect(await staff.page.locator('main').innerText()).toContain(`Order ${orderReference}`);
  await screenshot(staff.page, `${shot}-5-customer`);
  await staff.context.close();
}

describe.skipIf(!hasBrowser)('an order over the credit limit', () => {
  test(
    'desktop: the part over the limit, paid by card; the invoice for the order takes it',
    async () => {
      await payOrderLink(DESKTOP, 'pay-link-desktop', {
        name: 'Lighthouse Café',
        limit: 50_000n,
        order: 80_000,
        expectToPay: '$300.00',
        invoice: '800',
        status: /Partially paid/,
      });
    },
    JOURNEY_MS,
  );

  test(
    'phone: a limit of 0 pays the whole order; its invoice is paid by it',
    async () => {
      await payOrderLink(PHONE, 'pay-link-phone', {
        name: 'Pier 9 Oyster Bar',
        limit: 0n,
        order: 42_550,
        expectToPay: '$425.50',
        invoice: '425.50',
        status: /\bPaid\b/,
      });
    },
    JOURNEY_MS,
  );
});
