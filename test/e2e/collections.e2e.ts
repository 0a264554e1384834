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
 * The weekly automatic collection: Harbor Foods' owner sets the weekly schedule from the customer
 * list's header, subscribes a new customer of her own (the window lists who receives it), cannot
 * subscribe one without a contact's e-mail (the window says why, Confirm stays off), previews the
 * run, runs it now and finds the e-mail in the outbox and in the contact's mailbox. Then she turns
 * the subscription off and the schedule goes back to what it was. On a phone, the settings and
 * the subscription window (subscribe, then turn off).
 *
 * Other journeys count the demo's outbox: the demo's customers are never subscribed here, and
 * "run now" is pressed only once the preview shows that it would mail our customer alone.
 */
const OWNER = 'emily@harborfoods.example';
const JOURNEY_MS = 180_000;

const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401|^401 /.test(p));

// Account numbers in the demo's series (later journeys follow the one created last), away from
// the pay-now journey's HF-8000…8899.
const serialBase = 7000 + Math.floor(Math.random() * 800);
let serials = 0;

interface Schedule {
  enabled: boolean;
  weekday: number;
  hour: number;
  documents: 'all_open' | 'overdue';
}
interface Overview {
  schedule: Schedule & { template: string };
  timeZone: string;
  subscribed: number;
  runs: { id: string; status: string; customers: number; messages: number }[];
}

/**
 * Two new customers of Harbor Foods: one whose contact receives reminders by e-mail, with an
 * invoice 12 days overdue; one whose only contact has a phone and no e-mail. Names sort after the
 * demo's ("Tidewater …"): the reminders journey opens the first customer of the list.
 */
async function newCustomers(request: ConsoleApi) {
  const serial = serialBase + serials++;
  const email = `collect-${serial}-${Math.random().toString(36).slice(2, 6)}@example.test`;
  const withContact = await request.post('/api/v1/console/customers', {
    accountNumber: `HF-${serial}`,
    name: `Tidewater Oyster Bar ${serial}`,
    currency: 'USD',
    locale: 'en',
    paymentTermsDays: 30,
    contacts: [{ name: 'Nora Quinn', email, locale: 'en', receives: ['reminders'] }],
  });
  const withoutEmail = await request.post('/api/v1/console/customers', {
    accountNumber: `HF-${serial}1`,
    name: `Tidewater Canteen ${serial}`,
    currency: 'USD',
    locale: 'en',
    contacts: [{ name: 'Front desk', phone: '+1 212 555 0142', locale: 'en', receives: ['reminders'] }],
  });
  const invoice = await request.post('/api/v1/console/invoices', {
    customerId: withContact.id,
    number: `INV-${serial}7`,
    issueDate: isoDaysAgo(42),
    dueDate: isoDaysAgo(12),
    lines: [{ description: 'Oysters, 100 count', quantity: '3', unitPrice: '84.50' }],
  });
  return {
    serial,
    email,
    a: { id: withContact.id as string, name: withContact.name as string },
    b: { id: withoutEmail.id as string, name: withoutEmail.name as string },
    invoice: { id: invoice.id as string, number: invoice.number as string, total: Number(invoice.total) },
  };
}

async function customerList(page: Page, serial: number) {
  await page.goto('/console/customers');
  await page.getByTestId('collection-header').waitFor();
  // The serial is in both account numbers (HF-7123, HF-71231) and in no other customer's.
  await page.getByLabel('Search customers').fill(String(serial));
  await expect.poll(() => page.getByTestId('collection-mark').count()).toBe(2);
}

const mark = (page: Page, name: string) =>
  page.getByTestId('collection-mark').and(page.getByRole('button', { name: new RegExp(`: ${name}$`) }));

/** A Mantine select: open it by its label, pick the option. */
async function choose(dialog: ReturnType<Page['getByRole']>, label: string | RegExp, option: string) {
  await dialog.getByLabel(label).and(dialog.locator('input')).click();
  await dialog.page().getByRole('option', { name: option, exact: true }).click();
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

test.runIf(hasBrowser)(
  'desktop: the weekly schedule, a subscription (and one refused for want of an e-mail), the preview, run now and its e-mail',
  { timeout: JOURNEY_MS },
  async () => {
    const { page, context } = await newPage('en-US', { viewport: DESKTOP });
    await signIn(page, OWNER);
    await page.waitForURL(`${baseUrl}/console**`);
    const request = await consoleApi(context);
    const before = (await request.get('/api/v1/console/collections')) as Overview;
    const ours = await newCustomers(request);
    // Three days from today (UTC, a day either side of the seller's): no slot comes during the
    // journey, so only "run now" mails anyone.
    const weekday = ((new Date().getUTCDay() + 6 + 3) % 7) + 1;
    const restore = async () => {
      await request.put(`/api/v1/console/customers/${ours.a.id}/collection`, { subscribed: false });
      const { enabled, weekday, hour, documents } = before.schedule;
      await request.put('/api/v1/console/collections/schedule', { enabled, weekday, hour, documents });
    };
    try {
      // 1. The schedule, from the customer list's header.
      await customerList(page, ours.serial);
      const header = page.getByTestId('collection-header');
      await screenshot(page, 'collections-desktop-1-list');
      await header.getByRole('button', { name: 'Collection settings' }).click();
      const settings = page.getByRole('dialog', { name: 'Weekly collection settings' });
      await settings.waitFor();
      const enabled = settings.getByRole('switch', { name: 'Send the weekly collection' });
      if (!(await enabled.isChecked())) await enabled.check();
      await choose(settings, 'Day', WEEKDAYS[weekday - 1]!);
      await choose(settings, /^Hour/, '10:00');
      await choose(settings, 'Documents', 'Only overdue documents');
      await auditOpen(page);
      await screenshot(page, 'collections-desktop-2-settings');
      await settings.getByRole('button', { name: 'Save' }).click();
      await settings.getByText('Schedule saved.').waitFor();
      const saved = (await request.get('/api/v1/console/collections')) as Overview;
      expect(saved.schedule).toMatchObject({ enabled: true, weekday, hour: 10, documents: 'overdue' });
      await page.keyboard.press('Escape');
      await settings.waitFor({ state: 'hidden' });
      await expect
        .poll(() => header.innerText())
        .toContain(`Every ${WEEKDAYS[weekday - 1]} at 10:00 (${saved.timeZone})`);

      // 2. The customer with a contact: the window lists who receives it; Confirm; the mark turns green.
      const markA = mark(page, ours.a.name);
      expect(await markA.getAttribute('data-subscribed')).toBe('false');
      await markA.click();
      const windowA = page.getByRole('dialog', { name: `Weekly collection for ${ours.a.name}` });
      await windowA.waitFor();
      await expect.poll(() => windowA.getByTestId('collection-recipients').innerText()).toContain(ours.email);
      await auditOpen(page);
      await screenshot(page, 'collections-desktop-3-subscribe');
      await windowA.getByRole('button', { name: 'Confirm' }).click();
      await windowA.waitFor({ state: 'hidden' });
      await expect.poll(() => markA.getAttribute('data-subscribed')).toBe('true');
      await expect
        .poll(() => header.innerText())
        .toMatch(new RegExp(`${before.subscribed + 1} customers? subscribed`));
      await screenshot(page, 'collections-desktop-4-subscribed');

      // 3. The customer without an e-mail: the window says why, and Confirm stays off.
      await mark(page, ours.b.name).click();
      const windowB = page.getByRole('dialog', { name: `Weekly collection for ${ours.b.name}` });
      await windowB.getByTestId('no-recipients').waitFor();
      expect(await windowB.getByTestId('no-recipients').innerText()).toContain(
        'it has no contact with an e-mail address that receives reminders',
      );
      expect(await windowB.getByRole('button', { name: 'Confirm' }).isDisabled()).toBe(true);
      await auditOpen(page);
      await screenshot(page, 'collections-desktop-5-no-recipients');
      await windowB.getByRole('button', { name: 'Cancel' }).click();
      await windowB.waitFor({ state: 'hidden' });
      expect(await mark(page, ours.b.name).getAttribute('data-subscribed')).toBe('false');
      // The API refuses it too.
      await request.put(`/api/v1/console/customers/${ours.b.id}/collection`, { subscribed: true }, 422);

      // 4. The preview of the run: our customer, its overdue invoice, who receives it.
      await header.getByRole('button', { name: 'Collection settings' }).click();
      await settings.waitFor();
      await settings.getByRole('button', { name: 'Preview the next run' }).click();
      const preview = settings.getByTestId('collection-preview');
      await expect.poll(() => preview.innerText()).toContain(ours.a.name);
      const shown = await preview.innerText();
      expect(shown).toContain(ours.invoice.number);
      expect(shown).toContain(`To: ${ours.email}`);
      const total = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
        ours.invoice.total / 100,
      );
      expect(shown).toContain(total);
      await auditOpen(page);
      await screenshot(page, 'collections-desktop-6-preview');

      // 5. Run now. It mails every subscribed customer with documents to collect, the demo's
      // included: the demo subscribes none (src/domain/demo) and no journey does, and the
      // preview's full selection (the run's own query) must hold our customer alone before the
      // button is pressed; otherwise the journey stops here and mails nobody.
      const selection = (await request.get('/api/v1/console/collections/preview?limit=200')) as {
        truncated: boolean;
        customers: { customerId: string; accountNumber: string }[];
      };
      expect(selection.truncated).toBe(false);
      expect(selection.customers.map((c) => c.customerId)).toEqual([ours.a.id]);
      await settings.getByRole('button', { name: 'Run now' }).click();
      await settings.getByText('The run was queued').waitFor();
      await expect
        .poll(
          async () => {
            const { runs } = (await request.get('/api/v1/console/collections')) as Overview;
            return runs[0];
          },
          { timeout: 30_000 },
        )
        .toMatchObject({ status: 'done', customers: 1, messages: 1 });
      await page.keyboard.press('Escape');
      await settings.waitFor({ state: 'hidden' });

      // 6. The e-mail: in the contact's mailbox (as the operator reads captured mail) …
      const subject = `Your documents with Harbor Foods Supply: ${total} due`;
      await expect.poll(() => latestMailTo(ours.email), { timeout: 30_000 }).toContain(subject);
      const mail = await latestMailTo(ours.email);
      expect(mail).toContain(ours.invoice.number);
      expect(mail).toMatch(/http:\/\/127\.0\.0\.1:\d+\/pay\/[A-Za-z0-9_-]{43}/);
      // … and in the seller's outbox.
      await page.goto(`/console/outbox?q=${encodeURIComponent(ours.email)}`);
      const row = page.getByRole('link', { name: new RegExp(subject.replace(/[$.]/g, '\\$&')) });
      await row.first().waitFor();
      expect(await row.count()).toBe(1);
      await screenshot(page, 'collections-desktop-7-outbox');
      await row.first().click();
      await page.getByRole('table', { name: 'Message details' }).waitFor();
      expect(await page.locator('main').innerText()).toContain(ours.email);
      await screenshot(page, 'collections-desktop-8-message');

      // 7. Turned off from the customer's page; the list's mark is grey again.
      await page.goto(`/console/customers/${ours.a.id}`);
      const panel = page.getByTestId('customer-collection');
      await expect.poll(() => panel.innerText()).toContain('Subscribed');
      expect(await panel.innerText()).toContain(ours.email);
      await screenshot(page, 'collections-desktop-9-customer');
      await panel.getByRole('button', { name: 'Weekly collection' }).click();
      const manage = page.getByRole('dialog', { name: `Weekly collection for ${ours.a.name}` });
      await manage.getByRole('button', { name: 'Turn off' }).click();
      await manage.waitFor({ state: 'hidden' });
      await expect.poll(() => panel.innerText()).toContain('Not subscribed');
      await customerList(page, ours.serial);
      await expect.poll(() => mark(page, ours.a.name).getAttribute('data-subscribed')).toBe('false');
      expect(unexpected(pageProblems(page))).toEqual([]);
    } finally {
      await restore();
    }
    const after = (await request.get('/api/v1/console/collections')) as Overview;
    expect(after.subscribed).toBe(before.subscribed);
    const { enabled, weekday: day, hour, documents } = before.schedule;
    expect(after.schedule).toMatchObject({ enabled, weekday: day, hour, documents });
    await context.close();
  },
);

test.runIf(hasBrowser)(
  'phone: the settings and the subscription window (subscribe, then turn off)',
  { timeout: JOURNEY_MS },
  async () => {
    const { page, context } = await newPage('en-US', { viewport: PHONE });
    await signIn(page, OWNER);
    await page.waitForURL(`${baseUrl}/console**`);
    const request = await consoleApi(context);
    const before = (await request.get('/api/v1/console/collections')) as Overview;
    const ours = await newCustomers(request);
    try {
      await customerList(page, ours.serial);
      await screenshot(page, 'collections-phone-1-list');
      await page
        .getByTestId('collection-header')
        .getByRole('button', { name: 'Collection settings' })
        .click();
      const settings = page.getByRole('dialog', { name: 'Weekly collection settings' });
      await settings.waitFor();
      await settings.getByRole('button', { name: 'Preview the next run' }).click();
      await settings.getByTestId('collection-preview').waitFor();
      await auditOpen(page);
      await screenshot(page, 'collections-phone-2-settings');
      await page.keyboard.press('Escape');
      await settings.waitFor({ state: 'hidden' });

      await mark(page, ours.b.name).click();
      const windowB = page.getByRole('dialog', { name: `Weekly collection for ${ours.b.name}` });
      await windowB.getByTestId('no-recipients').waitFor();
      expect(await windowB.getByRole('button', { name: 'Confirm' }).isDisabled()).toBe(true);
      await auditOpen(page);
      await screenshot(page, 'collections-phone-3-no-recipients');
      await windowB.getByRole('button', { name: 'Cancel' }).click();
      await windowB.waitFor({ state: 'hidden' });

      const markA = mark(page, ours.a.name);
      await markA.click();
      const windowA = page.getByRole('dialog', { name: `Weekly collection for ${ours.a.name}` });
      await expect.poll(() => windowA.getByTestId('collection-recipients').innerText()).toContain(ours.email);
      await auditOpen(page);
      await screenshot(page, 'collections-phone-4-subscribe');
      await windowA.getByRole('button', { name: 'Confirm' }).click();
      await windowA.waitFor({ state: 'hidden' });
      await expect.poll(() => markA.getAttribute('data-subscribed')).toBe('true');
      await markA.click();
      await windowA.getByText('Turning it off stops this customer’s weekly e-mail').waitFor();
      await auditOpen(page);
      await screenshot(page, 'collections-phone-5-turn-off');
      await windowA.getByRole('button', { name: 'Turn off' }).click();
      await windowA.waitFor({ state: 'hidden' });
      await expect.poll(() => markA.getAttribute('data-subscribed')).toBe('false');
      expect(unexpected(pageProblems(page))).toEqual([]);
    } finally {
      await request.put(`/api/v1/console/customers/${ours.a.id}/collection`, { subscribed: false });
    }
    expect(((await request.get('/api/v1/console/collections')) as Overview).subscribed).toBe(
      before.subscribed,
    );
    await context.close();
  },
);
