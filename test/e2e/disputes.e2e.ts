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
 * Seaside Market disputes part of an invoice from Harbor Foods' portal (damaged goods) and
 * promises to pay by a date; Harbor Foods' owner finds the dispute waiting in the
 * console's queue, answers it and resolves it with a credit note; the answer is in the outbox,
 * and the customer reads it on a phone. Nothing here moves money: later journeys' lists are as
 * they were.
 */
const CUSTOMER = 'billing@seasidemarket.example';
// The owner: the outbox is for owners and admins.
const STAFF = 'emily@harborfoods.example';
const JOURNEY_MS = 180_000;
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401|^401 /.test(p));
const stamp = Date.now().toString(36);

function inDays(days: number): { iso: string; typed: string } {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  const iso = d.toISOString().slice(0, 10);
  const [y, m, day] = iso.split('-');
  return { iso, typed: `${m}/${day}/${y}` };
}

test.runIf(hasBrowser)(
  'customer disputes part of an invoice and promises to pay; staff answer and resolve it from the queue',
  { timeout: JOURNEY_MS },
  async () => {
    const customer = await newPage('en-US', { viewport: DESKTOP });
    const page = customer.page;
    const problems = pageProblems(page);
    await signIn(page, CUSTOMER);
    await page.waitForURL(`${baseUrl}/portal`);
    await page.goto(`${baseUrl}/portal/invoices?status=open`);
    const invoiceLink = page.getByRole('link', { name: /^[A-Z]+-\d+$/ }).first();
    await invoiceLink.waitFor();
    const number = (await invoiceLink.innerText()).trim();
    await invoiceLink.click();
    await page.waitForURL(/\/portal\/invoices\/[0-9a-f-]{36}$/);
    const invoiceUrl = page.url();
    const panel = page.locator('#inquiries');
    await panel.getByText('Something wrong with this invoice?').waitFor();

    await panel.getByRole('button', { name: 'Dispute' }).click();
    const dialog = page.getByRole('dialog', { name: `Dispute invoice ${number}` });
    await dialog.getByRole('button', { name: 'Open dispute' }).click();
    // Nothing chosen or written: each field says what it needs.
    await expect.poll(() => dialog.getByText('This field is required.').count()).toBeGreaterThanOrEqual(2);
    await dialog.getByLabel('Reason').and(dialog.locator('input')).click();
    await page.getByRole('option', { name: 'Damaged goods' }).click();
    await dialog.getByRole('textbox', { name: 'Amount disputed' }).fill('25.005');
    await dialog.getByRole('textbox', { name: 'Message' }).fill(`Two cases arrived crushed (${stamp}).`);
    await dialog.getByRole('button', { name: 'Open dispute' }).click();
    await expect
      .poll(() => dialog.getByText('USD amounts have at most 2 decimals.').count())
      .toBeGreaterThan(0);
    await dialog.getByRole('textbox', { name: 'Amount disputed' }).fill('25.00');
    await auditAccessibility(page);
    await dialog.getByRole('button', { name: 'Open dispute' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await panel.getByText('Dispute: Damaged goods · $25.00').waitFor();
    await panel.getByText(`Two cases arrived crushed (${stamp}).`).waitFor();
    // One open dispute at a time: the button is gone.
    expect(await panel.getByRole('button', { name: 'Dispute' }).count()).toBe(0);

    const promised = inDays(5);
    await panel.getByRole('button', { name: 'Promise to pay' }).click();
    const promise = page.getByRole('dialog', { name: `Promise to pay invoice ${number}` });
    await promise.getByRole('textbox', { name: 'Payment date' }).fill(promised.typed);
    await promise.getByRole('textbox', { name: 'Note (optional)' }).fill('After our Friday run');
    await promise.getByRole('button', { name: 'Record promise' }).click();
    await promise.waitFor({ state: 'hidden' });
    await panel.getByText('Current').waitFor();
    await screenshot(page, 'disputes-01-customer-disputed');
    await auditAccessibility(page);

    const staff = await newPage('en-US', { viewport: DESKTOP });
    await signIn(staff.page, STAFF);
    await staff.page.waitForURL(`${baseUrl}/console`);
    await staff.page.getByRole('link', { name: 'Questions and disputes' }).first().click();
    await staff.page.waitForURL(`${baseUrl}/console/inquiries`);
    const row = staff.page.getByRole('row').filter({ hasText: number }).filter({ hasText: 'Damaged goods' });
    await expect.poll(() => row.innerText()).toContain('Awaiting answer');
    await screenshot(staff.page, 'disputes-02-queue');
    await auditAccessibility(staff.page);
    await row.getByRole('link', { name: `${number}: open the invoice` }).click();
    await staff.page.waitForURL(/\/console\/invoices\/[0-9a-f-]{36}#inquiries$/);
    const thread = staff.page.locator('#inquiries');
    await thread.getByText(`Two cases arrived crushed (${stamp}).`).waitFor();
    await thread
      .getByRole('textbox', { name: 'Reply' })
      .fill('Sorry about that: we are crediting the two cases.');
    await thread.getByLabel('How it was resolved').and(thread.locator('input')).click();
    await staff.page.getByRole('option', { name: 'Credit note issued' }).click();
    await thread.getByRole('button', { name: 'Resolve' }).click();
    await thread.getByText('Credit note issued').waitFor();
    await screenshot(staff.page, 'disputes-03-resolved');

    await staff.page.goto(`${baseUrl}/console/outbox`);
    await expect
      .poll(() => staff.page.getByText(`Harbor Foods Supply replied about invoice ${number}`).count(), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);

    const phone = await newPage('en-US', { viewport: PHONE });
    await signIn(phone.page, CUSTOMER);
    await phone.page.waitForURL(`${baseUrl}/portal`);
    await phone.page.goto(invoiceUrl);
    const mobile = phone.page.locator('#inquiries');
    await mobile.getByText('Sorry about that: we are crediting the two cases.').waitFor();
    await mobile.getByText('Credit note issued').waitFor();
    await mobile.scrollIntoViewIfNeeded();
    await screenshot(phone.page, 'disputes-04-phone-answer');
    await auditAccessibility(phone.page);

    expect(unexpected(problems)).toEqual([]);
    expect(unexpected(pageProblems(staff.page))).toEqual([]);
    for (const c of [customer.context, staff.context, phone.context]) await c.close();
  },
);
