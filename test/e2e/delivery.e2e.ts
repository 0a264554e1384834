import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
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

/**
 * Delivery: Seaside Market's payer chooses postal mail in the portal's delivery preferences (and
 * the journey puts back what it found); Harbor Foods' owner sees the preference on the customer,
 * queues a postal delivery for a customer of its own, prints the batch and downloads the PDF, on a
 * desktop and on a phone.
 */

const SEASIDE = 'billing@seasidemarket.example';
const OWNER = 'emily@harborfoods.example';
const JOURNEY_MS = 150_000;

const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401|^401 /.test(p));

test.runIf(hasBrowser)(
  'customer: sets a delivery preference in the portal, on a desktop and on a phone',
  { timeout: JOURNEY_MS },
  async () => {
    for (const [viewport, suffix] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const { page, context } = await newPage('en-US', { viewport });
      await signIn(page, SEASIDE);
      await page.waitForURL(`${baseUrl}/portal`);
      const me = await (await context.request.get('/api/v1/me')).json();
      const before = await (await context.request.get('/api/v1/portal/delivery')).json();
      await page.goto('/portal/delivery');
      await page.getByRole('heading', { name: 'Delivery preferences', level: 1 }).waitFor();
      await page.getByRole('radio', { name: /^Postal mail/ }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Delivery preference saved.').waitFor();
      expect((await (await context.request.get('/api/v1/portal/delivery')).json()).channel).toBe('postal');
      // EDI waits for the seller to set up the trading partner.
      expect(await page.getByRole('radio', { name: /^EDI 810/ }).isDisabled()).toBe(true);
      await screenshot(page, `delivery-01-portal-${suffix}`);

      // E-invoice: the AP endpoint is asked for.
      await page.getByRole('radio', { name: /^E-invoice \(UBL\)/ }).check();
      await page.getByRole('textbox', { name: /AP endpoint URL/ }).waitFor();
      await screenshot(page, `delivery-02-portal-ubl-${suffix}`);
      expect(unexpected(pageProblems(page))).toEqual([]);

      // Put back what the demo had.
      const restore = await context.request.put('/api/v1/portal/delivery', {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { channel: before.channel, emailAttachPdf: before.emailAttachPdf },
      });
      expect(restore.status(), await restore.text()).toBe(200);
      await context.close();
    }
  },
);

test.runIf(hasBrowser)(
  'staff: prints a batch of postal deliveries and downloads it, on a desktop and on a phone',
  { timeout: JOURNEY_MS },
  async () => {
    const { page, context } = await newPage('en-US', { viewport: DESKTOP });
    await signIn(page, OWNER);
    await page.waitForURL(`${baseUrl}/console`);
    const me = await (await context.request.get('/api/v1/me')).json();
    const headers = { 'x-csrf-token': me.csrfToken };
    // A customer of the journey's own, on postal mail, with one small invoice queued for printing.
    const tag = randomUUID().slice(0, 6).toUpperCase();
    // Numbers in the demo's own series ("HF-2002", "INV-20422"): later journeys read the next
    // suggested account and invoice numbers, which follow the series of the one created last.
    const serial = 9000 + Math.floor(Math.random() * 900);
    const created = await context.request.post('/api/v1/console/customers', {
      headers,
      data: {
        accountNumber: `HF-${serial}`,
        name: `Postal Mail Café ${tag}`,
        currency: 'USD',
        locale: 'en',
        billingAddress: {
          line1: '742 Evergreen Terrace',
          city: 'Springfield',
          region: 'OR',
          postalCode: '97403',
          country: 'US',
        },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const customer = await created.json();
    const pref = await context.request.put(`/api/v1/console/customers/${customer.id}/delivery`, {
      headers,
      data: { channel: 'postal', emailAttachPdf: true },
    });
    expect(pref.status(), await pref.text()).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const invoice = await context.request.post('/api/v1/console/invoices', {
      headers: { ...headers, 'idempotency-key': randomUUID() },
      data: {
        customerId: customer.id,
        number: `INV-${serial}1`,
        issueDate: today,
        dueDate: today,
        lines: [{ description: 'Postage test', quantity: '1', unitPrice: '1.00' }],
      },
    });
    expect(invoice.status(), await invoice.text()).toBe(201);
    const invoiceId = (await invoice.json()).id as string;
    const queued = await context.request.post('/api/v1/console/deliveries', {
      headers,
      data: { documentType: 'invoice', documentId: invoiceId },
    });
    expect(queued.status(), await queued.text()).toBe(201);

    // The customer's page shows the preference and the delivery.
    await page.goto(`/console/customers/${customer.id}`);
    try {
      await page.getByTestId('delivery-channel').getByText('Postal mail').waitFor();
    } catch (error) {
      await screenshot(page, 'delivery-03-customer-desktop-failed');
      throw new Error(`${(error as Error).message}\n${pageProblems(page).join('\n')}`);
    }
    await page.getByTestId('delivery-channel').scrollIntoViewIfNeeded();
    await screenshot(page, 'delivery-03-customer-desktop');

    await page.goto('/console/print');
    await page.getByRole('heading', { name: 'Print batch', level: 1 }).waitFor();
    await page.getByRole('cell', { name: `Postal Mail Café ${tag}` }).waitFor();
    await screenshot(page, 'delivery-04-print-queue-desktop');
    await page.getByRole('button', { name: 'Print batch' }).click();
    const ready = page.getByTestId('print-download-last');
    await ready.waitFor();
    await screenshot(page, 'delivery-05-printed-desktop');
    const [download] = await Promise.all([page.waitForEvent('download'), ready.click()]);
    expect(download.suggestedFilename()).toMatch(/^print-batch-\d+\.pdf$/);
    const text = execFileSync('pdftotext', [await download.path(), '-'], { encoding: 'utf8' });
    expect(text).toContain(`Postal Mail Café ${tag}`);
    expect(text).toContain('742 Evergreen Terrace');
    expect(text).toContain(`INV-${serial}1`);
    await page.getByText('Nothing is waiting to be printed.').waitFor();
    expect(unexpected(pageProblems(page))).toEqual([]);
    await context.close();

    const phone = await newPage('en-US', { viewport: PHONE });
    await signIn(phone.page, OWNER);
    await phone.page.waitForURL(`${baseUrl}/console`);
    await phone.page.goto('/console/print');
    await phone.page.getByRole('heading', { name: 'Print batch', level: 1 }).waitFor();
    await phone.page.getByRole('link', { name: 'Download PDF' }).first().waitFor();
    await screenshot(phone.page, 'delivery-06-print-phone');
    await phone.page.goto(`/console/customers/${customer.id}`);
    await phone.page.getByTestId('delivery-channel').waitFor();
    await phone.page.getByTestId('delivery-change').click();
    await phone.page
      .getByRole('dialog')
      .getByRole('radio', { name: /^Postal mail/ })
      .waitFor();
    await screenshot(phone.page, 'delivery-07-customer-edit-phone');
    // The invoice was only for the journey: voided so receivables stay as the demo made them.
    const phoneMe = await (await phone.context.request.get('/api/v1/me')).json();
    const voided = await phone.context.request.post(`/api/v1/console/invoices/${invoiceId}/void`, {
      headers: { 'x-csrf-token': phoneMe.csrfToken },
      data: { reason: 'Delivery journey test invoice' },
    });
    expect(voided.status(), await voided.text()).toBe(200);
    expect(unexpected(pageProblems(phone.page))).toEqual([]);
    await phone.context.close();
  },
);
