import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createDb, type DbHandle } from '../../src/db/client.ts';
import { findRunningEmbedded } from '../../src/db/embedded.ts';
import { appRoleUrl } from '../../src/db/roles.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { DESKTOP, hasBrowser, newPage, PHONE, screenshot, signIn } from './support/browser.ts';
import { amountProblems } from './support/layout.ts';
import { linkInLatestMailTo } from './support/mailbox.ts';

/**
 * A pay-now e-mail, end to end: Harbor Foods' collector opens an invoice of a new customer of its
 * own (the demo's invoices stay as other journeys measure them), presses "Send pay-now e-mail",
 * and finds the message in the outbox (its link withheld from staff); the customer's contact opens
 * the link from the e-mail (read on the server, where mail is captured) with no sign-in, sees the
 * invoice with its lines and PDF, pays by card on the sandbox's page and gets the receipt; staff
 * then see the invoice paid, the link paid and both e-mails in the customer's messages. On a
 * phone, a part payment through "Another amount" leaves the invoice partially paid.
 */
const JOURNEY_MS = 180_000;
let handle: DbHandle;
let orgId: string;

beforeAll(async () => {
  if (!hasBrowser) return;
  const running = findRunningEmbedded(inject('dataDir'));
  if (!running) throw new Error('the e2e Saldo is not running');
  handle = createDb(appRoleUrl(running.url, running.appPassword), { max: 2 });
  orgId = (
    await handle.db
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', 'harbor-foods-supply')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await handle?.close();
});

const serialBase = 8000 + Math.floor(Math.random() * 900);
let serials = 0;

/** A new customer of Harbor Foods with one contact who receives invoices, and an open invoice of it. */
async function customerWithInvoice(name: string, email: string, unitPrice: string) {
  const customerId = randomUUID();
  // Numbers in the demo's own series ("HF-2002", "INV-20422"): later journeys read the next
  // suggested account and invoice numbers, which follow the series of the one created last.
  const serial = serialBase + serials++;
  await handle.db
    .insertInto('customer_accounts')
    .values({
      org_id: orgId,
      id: customerId,
      account_number: `HF-${serial}`,
      name,
      tax_id: null,
      currency: 'USD',
      locale: 'en',
    })
    .execute();
  await handle.db
    .insertInto('customer_contacts')
    .values({
      org_id: orgId,
      id: randomUUID(),
      account_id: customerId,
      name: 'Rosa Díaz',
      email,
      locale: 'en',
      receives: ['invoices'],
    })
    .execute();
  const number = `INV-${serial}2`;
  const today = new Date().toISOString().slice(0, 10);
  const { id } = await createInvoice(
    { db: handle.db },
    {
      orgId,
      customerId,
      number,
      issueDate: today,
      status: 'open',
      lines: [{ description: 'Smoked salmon, 5 lb case', quantity: '2', unitPrice }],
      actor: {},
    },
  );
  return { customerId, invoiceId: id, number };
}

function pdfText(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'saldo-pdf-')), 'doc.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function sendFromInvoice(
  viewport: typeof DESKTOP | typeof PHONE,
  shot: string,
  invoice: { invoiceId: string; number: string },
  email: string,
) {
  const staff = await newPage('en-US', { viewport });
  await signIn(staff.page, 'emily@harborfoods.example');
  await staff.page.waitForURL(/\/console/);
  await staff.page.goto(`/console/invoices/${invoice.invoiceId}`);
  await staff.page
    .getByRole('heading', { name: new RegExp(invoice.number) })
    .first()
    .waitFor();
  await staff.page.getByRole('button', { name: 'Send pay-now e-mail' }).click();
  const dialog = staff.page.getByRole('dialog', { name: 'Send pay-now e-mail' });
  await dialog.waitFor();
  await expect.poll(() => dialog.getByRole('checkbox', { name: new RegExp(email) }).isChecked()).toBe(true);
  await screenshot(staff.page, `${shot}-1-dialog`);
  await dialog.getByRole('button', { name: 'Send e-mail' }).click();
  await staff.page.getByText('Pay-now e-mail sent').first().waitFor();
  await staff.page.getByRole('heading', { name: 'Pay-now links' }).waitFor();
  await expect.poll(() => staff.page.locator('main').innerText()).toMatch(/Sent to [\s\S]*Open/);
  await screenshot(staff.page, `${shot}-2-invoice-sent`);

  // The outbox shows it went out, but never its link: that is for the recipient alone.
  await staff.page.goto(`/console/outbox?q=${encodeURIComponent(email)}`);
  const row = staff.page.getByRole('link', {
    name: new RegExp(`Invoice ${invoice.number} from Harbor Foods Supply`),
  });
  await row.first().waitFor();
  await screenshot(staff.page, `${shot}-3-outbox`);
  await row.first().click();
  await staff.page
    .getByText(/personal|private|recipient/i)
    .first()
    .waitFor();
  expect(await staff.page.locator('main').innerText()).not.toMatch(/\/pay\/[A-Za-z0-9_-]{43}/);
  return staff;
}

describe.skipIf(!hasBrowser)('a pay-now e-mail', () => {
  test(
    'desktop: staff send it from an invoice; the contact pays it through the link, no sign-in; the invoice is paid and the receipt sent',
    async () => {
      const email = `ap-${randomUUID().slice(0, 6)}@northpier.example`;
      const invoice = await customerWithInvoice('North Pier Grill', email, '212.50');
      const staff = await sendFromInvoice(DESKTOP, 'pay-now-desktop', invoice, email);

      // The e-mail's link, as its recipient gets it (mail is captured: the operator reads it).
      const link = await linkInLatestMailTo(email, /http:\/\/127\.0\.0\.1:\d+\/pay\/[A-Za-z0-9_-]{43}/);
      const { page, context } = await newPage('en-US', { viewport: DESKTOP });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      await page.goto(link);
      await page.getByRole('heading', { name: 'Pay Harbor Foods Supply' }).waitFor();
      const document = page.getByTestId('pay-link-document');
      await expect.poll(() => document.innerText()).toContain(`Invoice ${invoice.number}`);
      expect(await document.innerText()).toContain('Smoked salmon, 5 lb case');
      expect(await amountProblems(page)).toEqual([]);
      const pdfHref = await page.getByRole('link', { name: `PDF of ${invoice.number}` }).getAttribute('href');
      const pdf = await context.request.get(pdfHref!);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect(pdfText(await pdf.body())).toContain(invoice.number);
      await screenshot(page, 'pay-now-desktop-4-link');

      await page.getByRole('radio', { name: 'Card' }).check();
      await page.getByRole('button', { name: 'Continue to the secure page' }).click();
      await page.waitForURL(/\/sandbox\/entry\//, { timeout: 20_000 });
      await page.getByLabel('Card number', { exact: true }).fill('4242424242424242');
      await page.getByLabel('Expiry date', { exact: true }).fill('12/34');
      await page.getByLabel('Security code (CVC)', { exact: true }).fill('123');
      await page.getByLabel('Name on the card', { exact: true }).fill('Rosa Díaz');
      await page.getByLabel('ZIP or postal code', { exact: true }).fill('10001');
      await page.getByRole('button', { name: 'Save card' }).click();
      await page.waitForURL(/\/pay\/[A-Za-z0-9_-]{43}\?.*method=pm_sb_/, { timeout: 20_000 });
      await page.getByRole('heading', { name: 'Review and pay' }).waitFor();
      const pay = page.getByTestId('pay-link-submit');
      await expect.poll(() => pay.innerText()).toBe('Pay $425.00');
      await screenshot(page, 'pay-now-desktop-5-review');
      await pay.click();
      await page.waitForURL(/\?payment=[0-9a-f-]{36}$/, { timeout: 30_000 });
      await page.getByRole('heading', { name: 'Payment received' }).waitFor();
      await screenshot(page, 'pay-now-desktop-6-paid');
      // Used: opening it again takes no payment.
      await page.goto(link);
      await page.getByRole('heading', { name: 'This link is paid' }).waitFor();
      expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
      await context.close();

      // The staff see it paid, the link used, and the customer's messages: the e-mail and the receipt.
      await staff.page.goto(`/console/invoices/${invoice.invoiceId}`);
      await staff.page
        .getByRole('heading', { name: new RegExp(invoice.number) })
        .first()
        .waitFor();
      await expect.poll(() => staff.page.locator('main').innerText()).toMatch(/\bPaid\b/);
      await expect.poll(() => staff.page.getByTestId('pay-now-link').innerText()).toMatch(/Paid/);
      await screenshot(staff.page, 'pay-now-desktop-7-invoice-paid');
      await staff.page.goto(`/console/customers/${invoice.customerId}`);
      await staff.page.getByRole('heading', { name: 'Messages' }).waitFor();
      await expect
        .poll(() => staff.page.getByTestId('customer-message').allInnerTexts(), { timeout: 30_000 })
        .toEqual(
          expect.arrayContaining([
            expect.stringMatching(/Receipt for your payment PAY-\d+[\s\S]*Sent/),
            expect.stringMatching(
              new RegExp(`Invoice ${invoice.number} from Harbor Foods Supply[\\s\\S]*Sent`),
            ),
          ]),
        );
      await screenshot(staff.page, 'pay-now-desktop-8-customer');
      await staff.context.close();
    },
    JOURNEY_MS,
  );

  test(
    'phone: the contact pays part of it through "Another amount"; the invoice is partially paid',
    async () => {
      const email = `ap-${randomUUID().slice(0, 6)}@harborbistro.example`;
      const invoice = await customerWithInvoice('Harbor Bistro', email, '150.00');
      const staff = await sendFromInvoice(PHONE, 'pay-now-phone', invoice, email);
      const link = await linkInLatestMailTo(email, /http:\/\/127\.0\.0\.1:\d+\/pay\/[A-Za-z0-9_-]{43}/);
      const { page, context } = await newPage('en-US', { viewport: PHONE });
      await page.goto(link);
      await page.getByRole('heading', { name: 'Pay Harbor Foods Supply' }).waitFor();
      expect(await amountProblems(page)).toEqual([]);
      await screenshot(page, 'pay-now-phone-4-link');
      await page.getByRole('radio', { name: 'Card' }).check();
      await page.getByRole('button', { name: 'Continue to the secure page' }).click();
      await page.waitForURL(/\/sandbox\/entry\//, { timeout: 20_000 });
      await page.getByLabel('Card number', { exact: true }).fill('4242424242424242');
      await page.getByLabel('Expiry date', { exact: true }).fill('12/34');
      await page.getByLabel('Security code (CVC)', { exact: true }).fill('123');
      await page.getByLabel('Name on the card', { exact: true }).fill('Rosa Díaz');
      await page.getByLabel('ZIP or postal code', { exact: true }).fill('10001');
      await page.getByRole('button', { name: 'Save card' }).click();
      await page.getByRole('heading', { name: 'Review and pay' }).waitFor({ timeout: 20_000 });
      await page.getByRole('radio', { name: 'Another amount' }).check();
      await page.getByLabel('Amount to pay').fill('100');
      const pay = page.getByTestId('pay-link-submit');
      await expect.poll(() => pay.innerText()).toBe('Pay $100.00');
      await screenshot(page, 'pay-now-phone-5-review');
      await pay.click();
      await page.getByRole('heading', { name: 'Payment received' }).waitFor({ timeout: 30_000 });
      await screenshot(page, 'pay-now-phone-6-paid');
      await context.close();

      await staff.page.goto(`/console/invoices/${invoice.invoiceId}`);
      await staff.page
        .getByRole('heading', { name: new RegExp(invoice.number) })
        .first()
        .waitFor();
      await expect.poll(() => staff.page.locator('main').innerText()).toMatch(/Partially paid/);
      await screenshot(staff.page, 'pay-now-phone-7-invoice');
      await staff.context.close();
    },
    JOURNEY_MS,
  );
});
