import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { addBusinessDays } from '../../src/domain/calendar/business-days.ts';
import { LATE_RETURN_BUSINESS_DAYS } from '../../src/gateways/sandbox/sandbox-test-numbers.ts';
import {
  baseUrl,
  DESKTOP,
  hasBrowser,
  logFailedRequests,
  newPage,
  PHONE,
  pageProblems,
  screenshot,
  signIn,
} from './support/browser.ts';
import { amountProblems } from './support/layout.ts';
import { saldoJson } from './support/saldo-command.ts';

/**
 * Paying invoices online in the portal through Saldo's sandbox processor, as a Harbor Foods
 * customer does: a batch by card, part of an invoice by ACH that settles days later and is then
 * returned (R10), an ACH debit that comes back R01 before settling, a declined card. Days pass with `saldo sandbox advance`, attached to the
 * running server's database, whose webhooks reach that server as the sandbox's would.
 */

const _root = path.resolve(import.meta.dirname, '../..');
const _run = promisify(execFile);
const HARBOR = 'harbor-foods-supply';
const BLUE_ANCHOR = 'ap@blueanchorbistro.example';
const SEASIDE = 'billing@seasidemarket.example';
/** A journey: sign-in, a few pages, the processor's page and back; generous on a busy 2-core machine. */
const JOURNEY_MS = 150_000;

const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401|^401 /.test(p));

/** `saldo sandbox advance --days <n>` for Harbor Foods, as the operator runs it on the server. */
async function advanceSandbox(days: number) {
  const result = await saldoJson<{
    settled: number;
    returned: number;
    delivered: number;
    deliveryFailures: number;
  }>(['sandbox', 'advance', '--days', String(days), '--org', HARBOR]);
  expect(result.deliveryFailures, JSON.stringify(result)).toBe(0);
  return result;
}

/** Calendar days from today (UTC, the sandbox's days) to `day`. */
const daysUntil = (day: string) =>
  Math.round(
    (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`)) /
      86_400_000,
  );

/**
 * `--days` for an ACH debit made today to settle (the sandbox's 2 business days, US bank calendar)
 * and for the late-return test account's debit to come back after settling.
 */
function achDays() {
  const settles = addBusinessDays('US', new Date().toISOString().slice(0, 10), 2);
  const returns = addBusinessDays('US', settles, LATE_RETURN_BUSINESS_DAYS);
  return { settle: daysUntil(settles), return: daysUntil(returns) };
}

/** "$1,234.56" → 123456 (cents). */
function cents(text: string): bigint {
  const match = /\$\s?([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`no dollar amount in "${text}"`);
  return BigInt(match[1]!.replaceAll(',', '')) * 100n + BigInt(match[2]!);
}

const dollars = (minor: bigint) =>
  `$${(minor / 100n).toLocaleString('en-US')}.${(minor % 100n).toString().padStart(2, '0')}`;

function pdfText(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'saldo-pdf-')), 'receipt.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function signInToPortal(email: string, viewport: { width: number; height: number } = DESKTOP) {
  const { page, context } = await newPage('en-US', { viewport });
  logFailedRequests(page);
  await signIn(page, email);
  await page.waitForURL(`${baseUrl}/portal`);
  return { page, context };
}

/** The open invoices whose checkbox can be ticked (something left to pay online), by number. */
async function selectableInvoices(page: Page): Promise<string[]> {
  await page.goto('/portal/invoices?status=open&sort=dueDate');
  const boxes = page.getByRole('checkbox', { name: /^Select invoice INV-\d+$/ });
  await expect.poll(() => boxes.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const numbers: string[] = [];
  for (const box of await boxes.all())
    if (await box.isEnabled())
      numbers.push((await box.getAttribute('aria-label'))!.replace('Select invoice ', ''));
  return numbers;
}

/** An invoice's detail page from the list; answers its open amount as the big figure shows it. */
async function openInvoice(page: Page, number: string): Promise<bigint> {
  await page.goto(`/portal/invoices?status=open&sort=dueDate`);
  await page.getByRole('link', { name: number, exact: true }).click();
  await page.waitForURL(/\/portal\/invoices\/[0-9a-f-]{36}$/);
  await page
    .getByRole('heading', { name: new RegExp(number) })
    .first()
    .waitFor();
  return cents(await page.locator('main [data-amount]').first().innerText());
}

/** The sandbox's own card page: what a payer types, and back to Saldo. */
async function enterCard(page: Page, number: string, shot: string) {
  await page.waitForURL(/\/sandbox\/entry\//, { timeout: 20_000 });
  await page.getByRole('heading', { name: 'Add a card' }).waitFor();
  await page.getByLabel('Card number', { exact: true }).fill(number);
  await page.getByLabel('Expiry date', { exact: true }).fill('12/34');
  await page.getByLabel('Security code (CVC)', { exact: true }).fill('123');
  await page.getByLabel('Name on the card', { exact: true }).fill('Sarah Kim');
  await page.getByLabel('ZIP or postal code', { exact: true }).fill('10001');
  await screenshot(page, shot);
  await page.getByRole('button', { name: 'Save card' }).click();
  await page.waitForURL(/\/portal\/pay\?.*method=pm_sb_/, { timeout: 20_000 });
}

async function enterBankAccount(page: Page, account: string, shot: string) {
  await page.waitForURL(/\/sandbox\/entry\//, { timeout: 20_000 });
  await page.getByRole('heading', { name: 'Add a US bank account' }).waitFor();
  await page.getByLabel('Account holder name', { exact: true }).fill('Seaside Market Co.');
  await page.getByLabel('Routing number', { exact: true }).fill('110000000');
  await page.getByLabel('Account number', { exact: true }).fill(account);
  await page.getByRole('radio', { name: 'Checking' }).check();
  await screenshot(page, shot);
  await page.getByRole('button', { name: 'Save bank account' }).click();
  await page.waitForURL(/\/portal\/pay\?.*method=pm_sb_/, { timeout: 20_000 });
}

/** Method step: a new card or bank account, entered on the processor's page; back on the method step. */
async function chooseNewMethod(page: Page, kind: 'card' | 'ach', number: string, shot: string) {
  await page.getByRole('heading', { name: 'How to pay' }).waitFor();
  await page.getByRole('radio', { name: kind === 'card' ? /New card/ : /New bank account \(ACH\)/ }).click();
  await page.getByRole('button', { name: 'Continue to the secure page' }).click();
  if (kind === 'card') await enterCard(page, number, shot);
  else await enterBankAccount(page, number, shot);
  await page.getByRole('heading', { name: 'How to pay' }).waitFor();
  const entered = page.getByRole('radio', {
    name: kind === 'card' ? /The card you just entered/ : /The bank account you just entered/,
  });
  await expect.poll(() => entered.getAttribute('aria-checked')).toBe('true');
}

/** Review step: "Pay $…" once the total is quoted; answers the amount on the button. */
async function payOnReview(page: Page, shot: string, ach = false): Promise<string> {
  await page.getByRole('heading', { name: 'Review and pay' }).waitFor();
  const pay = page.getByTestId('pay-submit');
  await expect.poll(() => pay.isEnabled(), { timeout: 15_000 }).toBe(true);
  if (ach) await page.getByRole('checkbox', { name: 'I authorize this debit' }).check();
  const label = (await pay.innerText()).trim();
  expect(label).toMatch(/^Pay \$[\d,]+\.\d{2}$/);
  await screenshot(page, shot);
  await pay.click();
  await page.waitForURL(/\/portal\/payments\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  return label;
}

async function statusIs(page: Page, status: string) {
  await expect
    .poll(
      () =>
        page
          .getByTestId('payment-status')
          .textContent({ timeout: 1_000 })
          .catch(() => null),
      { timeout: 20_000 },
    )
    .toBe(status);
}

/** Journey 1, at one screen size: two open invoices paid at once by a new card. */
async function payBatchByCard(email: string, viewport: typeof DESKTOP | typeof PHONE, name: string) {
  const { page, context } = await signInToPortal(email, viewport);
  const open = await selectableInvoices(page);
  expect(open.length, `open invoices of ${email}: ${open.join(', ')}`).toBeGreaterThanOrEqual(2);
  const numbers = open.slice(0, 2);
  for (const number of numbers)
    await page.getByRole('checkbox', { name: `Select invoice ${number}` }).check();
  const bar = page.getByRole('link', { name: /^Pay \d+ invoices? · / });
  await expect.poll(() => bar.innerText()).toMatch(/^Pay 2 invoices · \$[\d,]+\.\d{2}$/);
  const selectedTotal = cents(await bar.innerText());
  await screenshot(page, `${name}-01-selected`);
  await bar.click();

  await page.getByRole('heading', { name: 'What to pay' }).waitFor();
  for (const number of numbers)
    await expect
      .poll(() => page.getByRole('textbox', { name: `Amount to pay on invoice ${number}` }).inputValue())
      .toMatch(/^[\d,]+\.\d{2}$/);
  expect(cents(await page.getByTestId('pay-total').innerText())).toBe(selectedTotal);
  expect(await amountProblems(page)).toEqual([]);
  await screenshot(page, `${name}-02-amounts`);
  await page.getByRole('button', { name: 'Continue to method' }).click();

  await chooseNewMethod(page, 'card', '4242424242424242', `${name}-03-sandbox-card`);
  await page.getByRole('checkbox', { name: 'Save this method for next time' }).check();
  await screenshot(page, `${name}-04-method`);
  await page.getByRole('button', { name: 'Continue to review' }).click();
  const label = await payOnReview(page, `${name}-05-review`);
  expect(cents(label)).toBe(selectedTotal); // no card fee in the demo

  await statusIs(page, 'Payment received');
  const main = page.locator('main');
  for (const number of numbers) expect(await main.innerText()).toContain(number);
  expect(await amountProblems(page)).toEqual([]);
  await screenshot(page, `${name}-06-received`);

  const receipt = page.getByRole('link', { name: 'Download receipt (PDF)' });
  const href = await receipt.getAttribute('href');
  expect(href).toMatch(/^\/api\/v1\/portal\/payments\/[0-9a-f-]{36}\/receipt\.pdf$/);
  const pdf = await context.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const bytes = Buffer.from(await pdf.body());
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(bytes);
  for (const number of numbers) expect(text).toContain(number);
  expect(text).toContain(dollars(selectedTotal));

  // Each invoice is paid now: nothing open, the "Paid" badge, and no pay button.
  for (const number of numbers) {
    await page.getByRole('link', { name: number, exact: true }).first().click();
    await page.waitForURL(/\/portal\/invoices\/[0-9a-f-]{36}$/);
    await page
      .getByRole('heading', { name: new RegExp(number) })
      .first()
      .waitFor();
    await expect.poll(() => page.locator('main [data-amount]').first().innerText()).toBe('$0.00');
    expect(await page.locator('main').getByText('Paid', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Pay this invoice' }).count()).toBe(0);
    await page.goBack();
    await statusIs(page, 'Payment received');
  }
  await screenshot(page, `${name}-07-after`);
  expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
  await context.close();
}

/** Pays `part` (or the whole invoice) by a new bank account from the invoice's page; answers the payment page state. */
async function payByAch(page: Page, number: string, account: string, name: string, part?: bigint) {
  await page.getByRole('link', { name: 'Pay this invoice' }).click();
  await page.getByRole('heading', { name: 'What to pay' }).waitFor();
  const amount = page.getByRole('textbox', { name: `Amount to pay on invoice ${number}` });
  await expect.poll(() => amount.inputValue()).toMatch(/^[\d,]+\.\d{2}$/);
  const full = cents(`$${await amount.inputValue()}`);
  if (part !== undefined) {
    await amount.fill(dollars(part).slice(1));
    await expect.poll(async () => cents(await page.getByTestId('pay-total').innerText())).toBe(part);
  }
  await screenshot(page, `${name}-02-amounts`);
  await page.getByRole('button', { name: 'Continue to method' }).click();
  await chooseNewMethod(page, 'ach', account, `${name}-03-sandbox-bank`);
  await page.getByRole('button', { name: 'Continue to review' }).click();
  const label = await payOnReview(page, `${name}-04-review`, true);
  expect(cents(label)).toBe(part ?? full);
  await statusIs(page, 'Payment pending');
  await screenshot(page, `${name}-05-pending`);
  return { paymentUrl: page.url(), paid: part ?? full };
}

/** The invoice's page says its money is in flight: badge and notice; it is not called paid. */
async function expectPaymentPending(page: Page, number: string, paid: bigint, open: bigint) {
  expect(await openInvoice(page, number)).toBe(open); // not applied until it settles
  const main = page.locator('main');
  await expect.poll(() => main.getByText('Payment pending', { exact: true }).count()).toBeGreaterThan(0);
  expect(await main.innerText()).toContain(
    paid === open
      ? "Payment pending: this invoice's balance is already on its way. Nothing is left to pay online."
      : `Payment pending: ${dollars(paid)} is on its way and will apply when it settles.`,
  );
  // Nothing left to pay: no button that could only be refused.
  await expect
    .poll(() => page.getByRole('link', { name: 'Pay this invoice' }).count())
    .toBe(paid === open ? 0 : 1);
}

test.runIf(hasBrowser)(
  'a customer pays two invoices at once by a new card and downloads the receipt (1280×800)',
  async () => {
    await payBatchByCard(BLUE_ANCHOR, DESKTOP, 'pay-card-batch');
  },
  JOURNEY_MS,
);

test.runIf(hasBrowser)(
  'the same on a phone (390×844)',
  async () => {
    await payBatchByCard(SEASIDE, PHONE, 'pay-card-batch-phone');
  },
  JOURNEY_MS,
);

test.runIf(hasBrowser)(
  'part of an invoice by ACH: pending, settled days later, then returned (R10): the invoice reopens, and why',
  async () => {
    const { page, context } = await signInToPortal(SEASIDE);
    const [number] = await selectableInvoices(page);
    expect(number, 'an open invoice of Seaside Market').toBeDefined();
    const before = await openInvoice(page, number!);
    await screenshot(page, 'pay-ach-part-01-invoice');
    const part = before > 20_000n ? 10_000n : before / 2n;
    // The sandbox's account that settles, then comes back R10 two business days later.
    const { paymentUrl } = await payByAch(page, number!, '000666666661', 'pay-ach-part', part);
    const main = page.locator('main');
    expect(await main.innerText()).toMatch(
      /Your bank payment of \$[\d,.]+ is on its way\. It usually settles by \S+ \d+, \d{4}/,
    );

    await expectPaymentPending(page, number!, part, before);
    await screenshot(page, 'pay-ach-part-06-invoice-pending');

    const days = achDays();
    const settled = await advanceSandbox(days.settle);
    expect(settled.settled).toBeGreaterThanOrEqual(1);
    expect(settled.returned).toBe(0);
    expect(settled.delivered).toBeGreaterThan(0);
    await page.goto(paymentUrl);
    await statusIs(page, 'Payment received');
    await screenshot(page, 'pay-ach-part-07-received');
    expect(await openInvoice(page, number!)).toBe(before - part);
    expect(await main.getByText('Payment pending', { exact: true }).count()).toBe(0);
    await screenshot(page, 'pay-ach-part-08-invoice-after');

    // Days later the bank sends the settled debit back: what it paid is undone.
    const returned = await advanceSandbox(days.return);
    expect(returned.returned).toBe(1);
    await page.goto(paymentUrl);
    await statusIs(page, 'Payment returned');
    expect(await main.innerText()).toContain('Your bank returned this payment; the invoices are open again.');
    expect(await main.innerText()).toContain(
      'Reason (R10): The bank returned the debit: the account holder says it was not authorized.',
    );
    expect(await page.getByRole('link', { name: 'Download receipt (PDF)' }).count()).toBe(0);
    expect(await amountProblems(page)).toEqual([]);
    await screenshot(page, 'pay-ach-part-09-returned');
    expect(await openInvoice(page, number!)).toBe(before);
    expect(await main.getByText('Payment pending', { exact: true }).count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: 'Pay this invoice' }).count()).toBe(1);
    await screenshot(page, 'pay-ach-part-10-invoice-reopened');
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
  JOURNEY_MS,
);

test.runIf(hasBrowser)(
  'an ACH debit the bank returns (R01): the payment says why and the invoice is open again',
  async () => {
    const { page, context } = await signInToPortal(SEASIDE);
    const open = await selectableInvoices(page);
    // Not an invoice a payment still in flight covers (the previous journey's came back).
    const number = open.at(-1);
    expect(number, 'an open invoice of Seaside Market').toBeDefined();
    const before = await openInvoice(page, number!);
    const { paymentUrl, paid } = await payByAch(page, number!, '000111111116', 'pay-ach-return');
    expect(paid).toBe(before);
    await expectPaymentPending(page, number!, paid, before);

    expect((await advanceSandbox(achDays().settle)).returned).toBe(1);
    await page.goto(paymentUrl);
    await statusIs(page, 'Payment returned');
    const main = page.locator('main');
    expect(await main.innerText()).toContain('Your bank returned this payment; the invoices are open again.');
    expect(await main.innerText()).toContain(
      'Reason (R01): The bank returned the debit: not enough funds in the account.',
    );
    expect(await page.getByRole('link', { name: 'Download receipt (PDF)' }).count()).toBe(0);
    // Nothing on it says the money is still on its way.
    expect(await main.getByText('Pending', { exact: true }).count()).toBe(0);
    await screenshot(page, 'pay-ach-return-06-returned');

    expect(await openInvoice(page, number!)).toBe(before);
    expect(await main.getByText('Payment pending', { exact: true }).count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: 'Pay this invoice' }).count()).toBe(1);
    await screenshot(page, 'pay-ach-return-07-invoice-open');
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
  JOURNEY_MS,
);

test.runIf(hasBrowser)(
  'a declined card: the reason in the payer’s words, nothing paid, and "Try again"',
  async () => {
    const { page, context } = await signInToPortal(BLUE_ANCHOR);
    const [number] = await selectableInvoices(page);
    expect(number, 'an open invoice of Blue Anchor Bistro').toBeDefined();
    const before = await openInvoice(page, number!);
    await page.getByRole('link', { name: 'Pay this invoice' }).click();
    await page.getByRole('heading', { name: 'What to pay' }).waitFor();
    await page.getByRole('button', { name: 'Continue to method' }).click();
    await chooseNewMethod(page, 'card', '4000000000009995', 'pay-declined-01-sandbox-card');
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await payOnReview(page, 'pay-declined-02-review');

    await statusIs(page, 'Payment failed');
    const main = page.locator('main');
    expect(await main.innerText()).toContain('Nothing was charged.');
    expect(await main.innerText()).toContain(
      'Reason: There were not enough funds. Try another method, or try again later.',
    );
    const tryAgain = page.getByRole('button', { name: 'Try again' });
    expect(await tryAgain.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Use another method' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Download receipt (PDF)' }).count()).toBe(0);
    await screenshot(page, 'pay-declined-03-failed');

    // "Try again" goes back to the review of the same payment, ready for a new attempt.
    await tryAgain.click();
    await page.waitForURL(/\/portal\/pay\?.*step=review/);
    await page.getByRole('heading', { name: 'Review and pay' }).waitFor();
    await expect.poll(() => page.getByTestId('pay-submit').innerText()).toBe(`Pay ${dollars(before)}`);
    await screenshot(page, 'pay-declined-04-try-again');

    expect(await openInvoice(page, number!)).toBe(before);
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
  JOURNEY_MS,
);
