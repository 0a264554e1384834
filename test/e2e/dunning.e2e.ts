import path from 'node:path';
import type { Page } from 'playwright-core';
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
import { auditOpen, type ConsoleApi, consoleApi, isoDaysAgo } from './support/console-api.ts';
import { latestMailTo } from './support/mailbox.ts';

/**
 * Reminders: Harbor Foods' owner opens the reminder settings (steps, hold rules, preview, results)
 * and a customer's reminders panel, on a desktop and on a phone; the AR agent reads the settings
 * but cannot change them. Nothing is saved or sent for the demo's customers: other journeys count
 * the demo's outbox. The reminders are used for real on a new customer of the journey's own: its
 * own steps set in the panel's window, a reminder sent now (the window lists who receives it and
 * the invoice; the e-mail is in the contact's mailbox and the outbox), then reminders turned off.
 * The seller's own steps and settings are left as they were.
 */
const OWNER = 'emily@harborfoods.example';
const AGENT = 'marcus@harborfoods.example';
const JOURNEY_MS = 150_000;

const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401|^401 /.test(p));

test.runIf(hasBrowser)(
  'staff: reminder steps, preview, results and a customer’s reminders, on a desktop and on a phone',
  { timeout: JOURNEY_MS },
  async () => {
    for (const [viewport, suffix] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const { page, context } = await newPage('en-US', { viewport });
      await signIn(page, OWNER);
      await page.waitForURL(`${baseUrl}/console**`);
      await page.goto('/console/settings/reminders');
      await page.getByRole('heading', { name: 'Reminders and holds', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Steps' }).waitFor();
      await page.getByRole('heading', { name: 'Preview' }).waitFor();
      await page.getByRole('heading', { name: 'Results' }).waitFor();
      const settings = await (await context.request.get('/api/v1/console/dunning')).json();
      expect(settings.steps.map((s: { offsetDays: number }) => s.offsetDays)).toEqual([-3, 0, 7, 15, 30]);
      await screenshot(page, `dunning-01-settings-${suffix}`);

      const customers = await (await context.request.get('/api/v1/console/customers')).json();
      await page.goto(`/console/customers/${customers.items[0].id}`);
      const panel = page.getByTestId('customer-reminders');
      await panel.waitFor();
      await panel.getByRole('button', { name: 'Send reminder now' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await screenshot(page, `dunning-02-send-now-${suffix}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(unexpected(pageProblems(page))).toEqual([]);
      await context.close();
    }
  },
);

test.runIf(hasBrowser)(
  'an AR agent reads the reminder settings but cannot change them',
  { timeout: JOURNEY_MS },
  async () => {
    const { page, context } = await newPage('en-US', { viewport: DESKTOP });
    await signIn(page, AGENT);
    await page.waitForURL(`${baseUrl}/console**`);
    await page.goto('/console/settings/reminders');
    await page.getByText('Only owners and admins can change these settings.').waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();
  },
);

// Account numbers in the demo's series (later journeys follow the one created last), away from
// delivery's HF-6000…6889 and HF-9000…9899, collections' HF-7000…7799 and pay-now's HF-8000…8899.
const serialBase = 5000 + Math.floor(Math.random() * 890);
let serials = 0;

/**
 * A new customer of Harbor Foods whose one contact receives reminders, with an open invoice 10
 * days overdue. Its name sorts after the demo's ("Tidewater …"): the journey above opens the first
 * customer of the list.
 */
async function customerWithOverdueInvoice(request: ConsoleApi) {
  const serial = serialBase + serials++;
  const email = `remind-${serial}@example.test`;
  const customer = await request.post('/api/v1/console/customers', {
    accountNumber: `HF-${serial}`,
    name: `Tidewater Chandlery ${serial}`,
    currency: 'USD',
    locale: 'en',
    paymentTermsDays: 30,
    contacts: [{ name: 'Ada Brennan', email, locale: 'en', receives: ['reminders'] }],
  });
  const invoice = await request.post('/api/v1/console/invoices', {
    customerId: customer.id,
    number: `INV-${serial}3`,
    issueDate: isoDaysAgo(40),
    dueDate: isoDaysAgo(10),
    lines: [{ description: 'Mooring lines, 50 ft', quantity: '4', unitPrice: '61.25' }],
  });
  return {
    serial,
    email,
    id: customer.id as string,
    name: customer.name as string,
    invoice: { number: invoice.number as string, total: Number(invoice.total) },
  };
}

interface CustomerDunning {
  mode: 'default' | 'custom' | 'off';
  steps: { offsetDays: number; template: string }[];
  recipients: { email: string }[];
  recent: { kind: string; template: string; invoiceNumbers: string[] }[];
}

/** A Mantine select: open it by its label, pick the option. */
async function choose(scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByLabel(label).and(scope.locator('input')).click();
  await scope.page().getByRole('option', { name: option, exact: true }).click();
}

const artifacts = path.resolve(import.meta.dirname, '../../test-artifacts/e2e');
/** The window alone, beside the full page's screenshot: on a phone the full page shrinks it to a strip. */
async function windowShot(window: ReturnType<Page['getByRole']>, name: string) {
  await window.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

const OWN_STEPS = [
  { offsetDays: 5, template: 'reminder' },
  { offsetDays: 20, template: 'reminder_final' },
];

/**
 * The customer's reminders used for real: own steps (+5 and +20) set in the window and still there
 * after a reload, a reminder sent now and found in the mailbox and the outbox, reminders turned
 * off. The seller's settings are compared before and after.
 */
async function remindersOfOwnCustomer(viewport: typeof DESKTOP | typeof PHONE, suffix: string) {
  const { page, context } = await newPage('en-US', { viewport });
  await signIn(page, OWNER);
  await page.waitForURL(`${baseUrl}/console**`);
  const request = await consoleApi(context);
  const sellerBefore = await request.get('/api/v1/console/dunning');
  const ours = await customerWithOverdueInvoice(request);
  const dunningUrl = `/api/v1/console/customers/${ours.id}/dunning`;
  try {
    // 1. The panel: the seller's steps, the contact that receives them, nothing sent yet.
    await page.goto(`/console/customers/${ours.id}`);
    const panel = page.getByTestId('customer-reminders');
    await expect.poll(() => panel.innerText()).toContain(`Received by: ${ours.email}`);
    expect(await panel.innerText()).toContain('Follow the seller’s steps');
    expect(await panel.innerText()).toContain('No reminder sent yet.');

    // 2. Own steps: the window starts from the seller's; keep one, make it +5, add one at +20.
    await panel.getByRole('button', { name: 'Change' }).click();
    const modeWindow = page.getByRole('dialog', { name: `Reminders for ${ours.name}` });
    await modeWindow.waitFor();
    await modeWindow.getByRole('radio', { name: 'Own steps' }).check();
    const dayInputs = modeWindow.getByRole('textbox', { name: /^Days from the due date, step \d+$/ });
    await expect.poll(() => dayInputs.count()).toBe(sellerBefore.steps.length);
    for (let n = sellerBefore.steps.length; n > 1; n--) {
      await modeWindow.getByRole('button', { name: `Remove step ${n}` }).click();
    }
    await expect.poll(() => dayInputs.count()).toBe(1);
    await modeWindow.getByRole('textbox', { name: 'Days from the due date, step 1', exact: true }).fill('5');
    await choose(modeWindow, 'Template, step 1', 'Reminder (on and after the due date)');
    await modeWindow.getByRole('button', { name: 'Add step' }).click();
    await modeWindow.getByRole('textbox', { name: 'Days from the due date, step 2', exact: true }).fill('20');
    await choose(modeWindow, 'Template, step 2', 'Final reminder');
    const rows = await modeWindow.getByRole('table', { name: 'Steps' }).innerText();
    expect(rows).toContain('5 days after the due date');
    expect(rows).toContain('20 days after the due date');
    // The template's select keeps its room (its names are long) and its editor's link goes below it.
    const select = await modeWindow
      .getByLabel('Template, step 2')
      .and(modeWindow.locator('input'))
      .boundingBox();
    const edit = await modeWindow.getByRole('link', { name: 'Edit template: Final reminder' }).boundingBox();
    expect(select!.width).toBeGreaterThanOrEqual(220);
    expect(edit!.y).toBeGreaterThanOrEqual(select!.y + select!.height);
    await auditOpen(page);
    await screenshot(page, `dunning-03-own-steps-${suffix}`);
    await windowShot(modeWindow, `dunning-03-own-steps-${suffix}-window`);
    await modeWindow.getByRole('button', { name: 'Save' }).click();
    await modeWindow.waitFor({ state: 'hidden' });
    const ownStepsText = 'Steps: 5 days after the due date · 20 days after the due date';
    await expect.poll(() => panel.innerText()).toContain(ownStepsText);

    // … saved: after a reload the panel and the API both have them.
    await page.reload();
    await expect.poll(() => panel.innerText()).toContain(ownStepsText);
    expect(await panel.innerText()).toContain('Own steps');
    const custom = (await request.get(dunningUrl)) as CustomerDunning;
    expect(custom.mode).toBe('custom');
    expect(custom.steps).toEqual(OWN_STEPS);

    // 3. Send reminder now: the window lists who receives it and the overdue invoice; Send.
    await panel.getByRole('button', { name: 'Send reminder now' }).click();
    const sendWindow = page.getByRole('dialog', { name: `Send a reminder to ${ours.name}` });
    await sendWindow.waitFor();
    const invoiceBox = sendWindow.getByRole('checkbox', {
      name: new RegExp(`^${ours.invoice.number} · due `),
    });
    await invoiceBox.waitFor();
    expect(await invoiceBox.isChecked()).toBe(true);
    expect(await sendWindow.innerText()).toContain(`Ada Brennan <${ours.email}>`);
    await auditOpen(page);
    await screenshot(page, `dunning-04-send-now-${suffix}`);
    await windowShot(sendWindow, `dunning-04-send-now-${suffix}-window`);
    await sendWindow.getByRole('button', { name: 'Send', exact: true }).click();
    const status = sendWindow.getByRole('status');
    await expect.poll(() => status.innerText()).toBe('Reminder sent: 1 e-mail.');
    expect(await sendWindow.getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);
    await auditOpen(page);
    await screenshot(page, `dunning-05-sent-${suffix}`);
    await windowShot(sendWindow, `dunning-05-sent-${suffix}-window`);
    // Sent: the choice no longer changes anything, and the window is closed, not cancelled.
    expect(await invoiceBox.isDisabled()).toBe(true);
    expect(await sendWindow.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
    // (the window's × is a "Close" button too, without the word on it)
    await sendWindow.getByRole('button', { name: 'Close', exact: true }).filter({ hasText: 'Close' }).click();
    await sendWindow.waitFor({ state: 'hidden' });
    // The panel lists it among the recent reminders, sent by hand.
    const recent = panel.getByTestId('recent-reminder');
    await expect.poll(() => recent.count()).toBe(1);
    expect(await recent.innerText()).toContain(
      `Reminder (on and after the due date) · ${ours.invoice.number}`,
    );
    expect(await recent.innerText()).toContain('Sent now (by hand)');
    const sentRecord = (await request.get(dunningUrl)) as CustomerDunning;
    expect(sentRecord.recent).toMatchObject([
      { kind: 'manual', template: 'reminder', invoiceNumbers: [ours.invoice.number] },
    ]);

    // 4. The e-mail, as the contact receives it (the `reminder` template, past the due date) …
    const amount = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
      ours.invoice.total / 100,
    );
    const subject = `Payment overdue with Harbor Foods Supply: ${amount}`;
    await expect.poll(() => latestMailTo(ours.email), { timeout: 30_000 }).toContain(subject);
    const mail = await latestMailTo(ours.email);
    expect(mail).toContain(ours.invoice.number);
    expect(mail).toMatch(/http:\/\/127\.0\.0\.1:\d+\/pay\/[A-Za-z0-9_-]{43}/);
    // … and in the seller's outbox, once.
    await page.goto(`/console/outbox?q=${encodeURIComponent(ours.email)}`);
    const row = page.getByRole('link', { name: subject, exact: true });
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain(ours.email);
    // The template by its name, not its key.
    expect(await page.locator('main').innerText()).toContain('Reminder (on and after the due date)');
    await screenshot(page, `dunning-06-outbox-${suffix}`);

    // 5. No reminders for this customer: the panel says so.
    await page.goto(`/console/customers/${ours.id}`);
    await expect.poll(() => panel.innerText()).toContain(ownStepsText);
    await panel.getByRole('button', { name: 'Change' }).click();
    await modeWindow.waitFor();
    await modeWindow.getByRole('radio', { name: 'No reminders' }).check();
    expect(await modeWindow.getByRole('table', { name: 'Steps' }).count()).toBe(0);
    await modeWindow.getByRole('button', { name: 'Save' }).click();
    await modeWindow.waitFor({ state: 'hidden' });
    await expect.poll(() => panel.innerText()).toContain('This customer receives no automatic reminders.');
    expect(await panel.innerText()).toContain('No reminders');
    expect(await panel.innerText()).not.toContain(ownStepsText);
    await screenshot(page, `dunning-07-off-${suffix}`);
    expect(((await request.get(dunningUrl)) as CustomerDunning).mode).toBe('off');
    expect(unexpected(pageProblems(page))).toEqual([]);
  } finally {
    // Whatever happened above, the customer ends with no reminders (it is ours alone).
    await request.put(dunningUrl, { mode: 'off' });
  }
  // The seller's own steps and settings are untouched.
  expect(await request.get('/api/v1/console/dunning')).toEqual(sellerBefore);
  await context.close();
}

test.runIf(hasBrowser)(
  'desktop: a new customer’s own steps, a reminder sent now (mailbox and outbox), then no reminders',
  { timeout: JOURNEY_MS },
  () => remindersOfOwnCustomer(DESKTOP, 'desktop'),
);

test.runIf(hasBrowser)(
  'phone: a new customer’s own steps, a reminder sent now (mailbox and outbox), then no reminders',
  { timeout: JOURNEY_MS },
  () => remindersOfOwnCustomer(PHONE, 'phone'),
);
