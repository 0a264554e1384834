import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  auditAccessibility,
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

/**
 * Harbor Foods' AR agent takes payments on a customer's behalf from the console, through Saldo's
 * sandbox processor: a new card typed on the processor's own page while the customer reads it
 * out (saved for next time), then that saved card, then a bank account once the ACH authorization
 * is read to the customer; and refunds part of a card payment and then the rest with the refund
 * dialog, watching the payment's timeline of processor events.
 */

const AGENT = 'marcus@harborfoods.example';
const CUSTOMER = 'Doña Lupe Taquería — Brooklyn';
/** A journey: sign-in, a few pages, the processor's page and back; generous on a busy 2-core machine. */
const JOURNEY_MS = 150_000;

const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401|^401 /.test(p));

/** "$1,234.56" → 123456 (cents). */
function cents(text: string): bigint {
  const match = /\$\s?([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`no dollar amount in "${text}"`);
  return BigInt(match[1]!.replaceAll(',', '')) * 100n + BigInt(match[2]!);
}
const dollars = (minor: bigint) =>
  `$${(minor / 100n).toLocaleString('en-US')}.${(minor % 100n).toString().padStart(2, '0')}`;

async function signInToConsole(viewport: typeof DESKTOP | typeof PHONE) {
  const { page, context } = await newPage('en-US', { viewport });
  logFailedRequests(page);
  await signIn(page, AGENT);
  await page.waitForURL(/\/console/);
  return { page, context };
}

/** From the customer's page, "Take a payment": the page opens with the customer chosen. */
async function openTakePayment(page: Page, shot: string) {
  await page.goto(`/console/customers?q=${encodeURIComponent('Brooklyn')}`);
  await page.getByRole('link', { name: CUSTOMER }).first().click();
  await page.waitForURL(/\/console\/customers\/[0-9a-f-]{36}/);
  await page.getByRole('link', { name: 'Take a payment' }).click();
  await page.waitForURL(/\/console\/payments\/take\?customerId=/);
  await page.getByRole('heading', { name: 'What to pay' }).waitFor({ timeout: 20_000 });
  await screenshot(page, shot);
}

/** Keeps only the first payable invoice ticked; answers its number and the total to pay. */
async function payFirstInvoiceOnly(page: Page): Promise<{ number: string; total: bigint }> {
  const boxes = page.getByRole('checkbox', { name: /^Pay invoice / });
  await expect.poll(() => boxes.count()).toBeGreaterThan(0);
  const all = await boxes.all();
  for (const box of all.slice(1)) await box.uncheck();
  const number = (await all[0]!.getAttribute('aria-label'))!.replace('Pay invoice ', '');
  await expect.poll(() => page.getByTestId('pay-total').innerText()).toMatch(/^\$[\d,]+\.\d{2}$/);
  return { number, total: cents(await page.getByTestId('pay-total').innerText()) };
}

/** Review: "Charge $…" once quoted; then the payment's page in the console. */
async function chargeOnReview(page: Page, total: bigint, shot: string) {
  await page.getByRole('heading', { name: 'Review and pay' }).waitFor();
  const charge = page.getByTestId('pay-submit');
  await expect.poll(() => charge.isEnabled(), { timeout: 15_000 }).toBe(true);
  expect((await charge.innerText()).trim()).toBe(`Charge ${dollars(total)}`);
  await screenshot(page, shot);
  await charge.click();
  await page.waitForURL(/\/console\/payments\/[0-9a-f-]{36}$/, { timeout: 30_000 });
}

/** The payment's processor panel: completed, taken by staff, its timeline. */
async function expectTakenByStaff(page: Page) {
  const main = page.locator('main');
  await expect.poll(() => main.innerText(), { timeout: 20_000 }).toContain('Staff on the customer’s behalf');
  await expect.poll(() => main.getByText('Completed', { exact: true }).count()).toBeGreaterThan(0);
  const timeline = page.getByTestId('payment-timeline');
  await timeline.waitFor();
  expect(await timeline.innerText()).toMatch(/Started[\s\S]*Processing[\s\S]*Completed/);
}

/** Refunds `amount` with the dialog (amount, reason, confirm); the notification says it went through. */
async function refund(page: Page, amount: bigint | 'rest', reason: string, shot: string) {
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Amount to refund').waitFor();
  if (amount !== 'rest') await dialog.getByLabel('Amount to refund').fill(dollars(amount).slice(1));
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByRole('button', { name: 'Review refund' }).click();
  const confirm = dialog.getByRole('button', { name: /^Refund \$/ });
  await confirm.waitFor();
  // The open dialog is a state reached without navigating: audited here.
  await auditAccessibility(page);
  await screenshot(page, shot);
  await confirm.click();
  await expect.poll(() => page.getByText(/refunded\.$/).count(), { timeout: 20_000 }).toBeGreaterThan(0);
}

test.runIf(hasBrowser)(
  'staff take a card payment for a customer on the processor’s page, then refund part of it and the rest (1280×800)',
  async () => {
    const { page, context } = await signInToConsole(DESKTOP);
    await openTakePayment(page, 'console-take-01-amounts');
    const { number, total } = await payFirstInvoiceOnly(page);
    expect(await amountProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue to method' }).click();

    // A new card: typed on the sandbox's own page, as the customer reads it out.
    await page.getByRole('heading', { name: 'How to pay' }).waitFor();
    await page.getByRole('radio', { name: /New card/ }).click();
    await page.getByRole('button', { name: 'Continue to the secure page' }).click();
    await page.waitForURL(/\/sandbox\/entry\//, { timeout: 20_000 });
    await page.getByRole('heading', { name: 'Add a card' }).waitFor();
    await page.getByLabel('Card number', { exact: true }).fill('4242424242424242');
    await page.getByLabel('Expiry date', { exact: true }).fill('12/34');
    await page.getByLabel('Security code (CVC)', { exact: true }).fill('123');
    await page.getByLabel('Name on the card', { exact: true }).fill('Guadalupe Torres');
    await page.getByLabel('ZIP or postal code', { exact: true }).fill('11201');
    await screenshot(page, 'console-take-02-sandbox-card');
    await page.getByRole('button', { name: 'Save card' }).click();
    // Back in the console, on the method step, with the card just entered chosen.
    await page.waitForURL(/\/console\/payments\/take\?.*method=pm_sb_/, { timeout: 20_000 });
    await page.getByRole('heading', { name: 'How to pay' }).waitFor();
    const entered = page.getByRole('radio', { name: /The card you just entered/ });
    await expect.poll(() => entered.getAttribute('aria-checked')).toBe('true');
    await page.getByRole('checkbox', { name: 'Save this method for next time' }).check();
    await screenshot(page, 'console-take-03-method');
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await chargeOnReview(page, total, 'console-take-04-review');

    await expectTakenByStaff(page);
    expect(await page.locator('main').innerText()).toContain(number);
    expect(await amountProblems(page)).toEqual([]);
    await screenshot(page, 'console-take-05-completed');

    // Part of it back, then the rest: each a step on the timeline, the invoice open again.
    const part = total > 2_000n ? 1_000n : total / 2n;
    await refund(page, part, 'Damaged case returned', 'console-refund-01-part');
    const main = page.locator('main');
    await expect
      .poll(() => main.innerText())
      .toContain(`${dollars(part)} of this payment has been refunded.`);
    await expect
      .poll(() => page.getByTestId('payment-timeline').innerText())
      .toContain(`Refund of ${dollars(part)}`);
    await screenshot(page, 'console-refund-02-partly');
    await refund(page, 'rest', 'Order cancelled', 'console-refund-03-rest');
    await expect.poll(() => main.innerText()).toContain('Refunded in full');
    const timeline = await page.getByTestId('payment-timeline').innerText();
    expect(timeline).toContain(`Refund of ${dollars(part)}`);
    expect(timeline).toContain(`Refund of ${dollars(total - part)}`);
    // Nothing left to refund: no button that could only be refused.
    expect(await page.getByRole('button', { name: 'Refund', exact: true }).count()).toBe(0);
    expect(await amountProblems(page)).toEqual([]);
    await screenshot(page, 'console-refund-04-refunded');
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
  JOURNEY_MS,
);

test.runIf(hasBrowser)(
  'staff take a payment with the customer’s saved card, on a phone (390×844)',
  async () => {
    const { page, context } = await signInToConsole(PHONE);
    await openTakePayment(page, 'console-take-saved-01-amounts');
    const { total } = await payFirstInvoiceOnly(page);
    expect(await amountProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue to method' }).click();

    // The card saved in the other journey, as "Visa ·· 4242".
    await page.getByRole('heading', { name: 'How to pay' }).waitFor();
    const saved = page.getByRole('radio', { name: /Visa ·· 4242/ });
    await saved.first().click();
    await expect.poll(() => saved.first().getAttribute('aria-checked')).toBe('true');
    await screenshot(page, 'console-take-saved-02-method');
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await chargeOnReview(page, total, 'console-take-saved-03-review');

    await expectTakenByStaff(page);
    expect(await page.locator('main').innerText()).toContain('Visa ·· 4242');
    expect(await amountProblems(page)).toEqual([]);
    await screenshot(page, 'console-take-saved-04-completed');
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
  JOURNEY_MS,
);

test.runIf(hasBrowser)(
  'staff debit a customer’s bank account once they read the ACH authorization to them (1280×800)',
  async () => {
    const { page, context } = await signInToConsole(DESKTOP);
    await openTakePayment(page, 'console-take-ach-01-amounts');
    const { total } = await payFirstInvoiceOnly(page);
    await page.getByRole('button', { name: 'Continue to method' }).click();

    await page.getByRole('heading', { name: 'How to pay' }).waitFor();
    await page.getByRole('radio', { name: /New bank account \(ACH\)/ }).click();
    await page.getByRole('button', { name: 'Continue to the secure page' }).click();
    await page.waitForURL(/\/sandbox\/entry\//, { timeout: 20_000 });
    await page.getByRole('heading', { name: 'Add a US bank account' }).waitFor();
    await page.getByLabel('Account holder name', { exact: true }).fill('Guadalupe Torres');
    await page.getByLabel('Routing number', { exact: true }).fill('110000000');
    await page.getByLabel('Account number', { exact: true }).fill('000123456789');
    await page.getByRole('radio', { name: 'Checking' }).check();
    await page.getByRole('button', { name: 'Save bank account' }).click();
    await page.waitForURL(/\/console\/payments\/take\?.*method=pm_sb_/, { timeout: 20_000 });
    await page.getByRole('button', { name: 'Continue to review' }).click();

    // The debit waits for the authorization the customer gave on the phone.
    await page.getByRole('heading', { name: 'Review and pay' }).waitFor();
    const charge = page.getByTestId('pay-submit');
    await expect.poll(() => charge.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('#ach-authorization').innerText()).toMatch(/authorize/i);
    await charge.click();
    const read = page.getByRole('checkbox', {
      name: `I read this authorization to ${CUSTOMER} and they agreed to the debit`,
    });
    await expect
      .poll(() => page.getByText('Read the authorization to the customer and tick the box').count())
      .toBe(1);
    expect(page.url()).toMatch(/\/console\/payments\/take\?/);
    await read.check();
    await screenshot(page, 'console-take-ach-02-review');
    await chargeOnReview(page, total, 'console-take-ach-03-charging');

    const main = page.locator('main');
    await expect
      .poll(() => main.innerText(), { timeout: 20_000 })
      .toContain('Staff on the customer’s behalf');
    await expect.poll(() => main.getByText('Payment pending', { exact: true }).count()).toBeGreaterThan(0);
    expect(await main.innerText()).toContain('The ACH debit is expected to settle on');
    expect(await amountProblems(page)).toEqual([]);
    await screenshot(page, 'console-take-ach-04-pending');
    expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
    await context.close();
  },
  JOURNEY_MS,
);
