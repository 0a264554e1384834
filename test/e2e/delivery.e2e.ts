import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
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
import { auditOpen, type ConsoleApi, consoleApi } from './support/console-api.ts';
import { latestMailTo } from './support/mailbox.ts';

/**
 * Delivery: Seaside Market's payer chooses postal mail in the portal's delivery preferences (and
 * the journey puts back what it found); Harbor Foods' owner sees the preference on the customer,
 * queues a postal delivery for a customer of its own, prints the batch and downloads the PDF, on a
 * desktop and on a phone. She sends an invoice to a new customer of her own with "Send to customer"
 * (by e-mail, the customer's way: the message in the contact's mailbox and the outbox), is told why
 * an invoice of a customer with no contact cannot be e-mailed, and sees that a UBL customer taking
 * its e-invoice by e-mail needs no AP endpoint. In the delivery settings she changes the seller's
 * city and finds it kept (the journey puts the settings back; new documents are never sent on their
 * own here, other journeys create invoices), and an AR agent reads them without changing them.
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

// Account numbers in the demo's series (later journeys follow the one created last), away from
// the print journey's HF-9000…9899, pay-now's HF-8000…8899 and collections' HF-7000…7799.
const sendSerialBase = 6000 + Math.floor(Math.random() * 890);
let sendSerials = 0;

/**
 * A new customer of Harbor Foods with an open invoice: with one contact who receives invoices at
 * `send-<serial>@example.test`, or (`withContact` false) with no contact at all. Names sort after
 * the demo's, whose lists other journeys open at the top.
 */
async function customerWithInvoice(request: ConsoleApi, withContact: boolean) {
  const serial = sendSerialBase + sendSerials++;
  const email = `send-${serial}@example.test`;
  const customer = await request.post('/api/v1/console/customers', {
    accountNumber: `HF-${serial}`,
    name: withContact ? `Windrose Provisions ${serial}` : `Windrose Galley ${serial}`,
    currency: 'USD',
    locale: 'en',
    ...(withContact
      ? { contacts: [{ name: 'Iris Park', email, locale: 'en', receives: ['invoices'] }] }
      : {}),
  });
  const today = new Date().toISOString().slice(0, 10);
  const invoice = await request.post('/api/v1/console/invoices', {
    customerId: customer.id,
    number: `INV-${serial}5`,
    issueDate: today,
    dueDate: today,
    lines: [{ description: 'Delivery test, 1 case', quantity: '1', unitPrice: '12.00' }],
  });
  return {
    customerId: customer.id as string,
    invoiceId: invoice.id as string,
    number: `INV-${serial}5`,
    email,
  };
}

/** The invoice's page with its "Send to customer" window open, on the customer's own channel. */
async function openSendWindow(page: Page, invoice: { invoiceId: string; number: string }) {
  await page.goto(`/console/invoices/${invoice.invoiceId}`);
  await page
    .getByRole('heading', { name: new RegExp(invoice.number) })
    .first()
    .waitFor();
  await page.getByRole('button', { name: 'Send to customer' }).click();
  const dialog = page.getByRole('dialog', { name: `Send ${invoice.number} to the customer` });
  await dialog.getByTestId('deliver-document').waitFor();
  await expect
    .poll(() => dialog.getByRole('radio', { name: /^E-mail \(customer’s choice\)/ }).isChecked())
    .toBe(true);
  return dialog;
}

test.runIf(hasBrowser)(
  'staff: send an invoice to its customer by e-mail, and are told when no contact receives invoices, on a desktop and on a phone',
  { timeout: JOURNEY_MS },
  async () => {
    for (const [viewport, suffix] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const { page, context } = await newPage('en-US', { viewport });
      await signIn(page, OWNER);
      await page.waitForURL(`${baseUrl}/console`);
      const request = await consoleApi(context);
      const invoice = await customerWithInvoice(request, true);
      const orphan = await customerWithInvoice(request, false);

      const dialog = await openSendWindow(page, invoice);
      expect(await dialog.innerText()).toContain(`Windrose Provisions`);
      expect(await dialog.innerText()).toContain('takes its documents by e-mail.');
      expect(await dialog.innerText()).toContain(`To: Iris Park <${invoice.email}>`);
      await auditOpen(page);
      await screenshot(page, `delivery-08-send-${suffix}`);
      await dialog.getByRole('button', { name: 'Send', exact: true }).click();
      await dialog.getByRole('status').getByText(`Sent to ${invoice.email}.`).waitFor();
      // Sent: the channels give way to what happened, and the window offers to close.
      expect(await dialog.getByRole('radio').count()).toBe(0);
      await auditOpen(page);
      await screenshot(page, `delivery-09-sent-${suffix}`);

      // The message, as its recipient gets it: the invoice, from the seller, with a pay link.
      const mail = await latestMailTo(invoice.email);
      expect(mail).toContain(`Subject:  Invoice ${invoice.number} from Harbor Foods Supply`);
      expect(mail).toMatch(/http:\/\/127\.0\.0\.1:\d+\/pay\/[A-Za-z0-9_-]{20,}/);
      await dialog.getByTestId('deliver-document').getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'hidden' });

      if (suffix === 'desktop') {
        // The outbox lists it for that address.
        await page.goto(`/console/outbox?q=${encodeURIComponent(invoice.email)}`);
        await page
          .getByRole('link', { name: new RegExp(`Invoice ${invoice.number} from Harbor Foods Supply`) })
          .first()
          .waitFor();
        await screenshot(page, 'delivery-10-outbox-desktop');
      }

      // No contact receives invoices: the window says so before anything is sent, and Send waits
      // for another channel (the server refuses it too: test/delivery/email-delivery.test.ts).
      const orphanDialog = await openSendWindow(page, orphan);
      await orphanDialog
        .getByRole('status')
        .getByText(/^No contact of this customer receives invoices by e-mail/)
        .waitFor();
      expect(await orphanDialog.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);
      await orphanDialog.getByRole('radio', { name: /^Postal mail/ }).check();
      expect(await orphanDialog.getByRole('button', { name: 'Send', exact: true }).isEnabled()).toBe(true);
      await auditOpen(page);
      await screenshot(page, `delivery-11-no-recipients-${suffix}`);
      expect(unexpected(pageProblems(page)), pageProblems(page).join('\n')).toEqual([]);
      await orphanDialog.getByRole('button', { name: 'Cancel' }).click();

      if (suffix === 'desktop') {
        // A UBL customer that takes its e-invoice by e-mail needs no AP endpoint (not saved).
        await page.goto(`/console/customers/${invoice.customerId}`);
        await page
          .getByTestId('delivery-channel')
          .getByText(/^E-mail/)
          .waitFor();
        await page.getByTestId('delivery-change').click();
        const form = page.getByRole('dialog');
        await form.getByRole('radio', { name: /^E-invoice \(UBL\)/ }).check();
        const endpoint = form.getByRole('textbox', { name: /AP endpoint URL/ });
        await endpoint.waitFor();
        expect(await form.getByRole('radio', { name: 'To the AP endpoint' }).isChecked()).toBe(true);
        await form.getByText('Attached to the e-mail', { exact: true }).click();
        await expect
          .poll(() => form.getByRole('radio', { name: 'Attached to the e-mail' }).isChecked())
          .toBe(true);
        await endpoint.waitFor({ state: 'detached' });
        await form.getByText(/^Each invoice e-mail carries the UBL file beside the PDF/).waitFor();
        await auditOpen(page);
        await screenshot(page, 'delivery-12-ubl-by-email-desktop');
        await form.getByRole('button', { name: 'Cancel' }).click();
        await form.waitFor({ state: 'hidden' });
        const kept = await request.get(`/api/v1/console/customers/${invoice.customerId}/delivery`);
        expect(kept.preference.channel).toBe('email');
      }

      // The invoices were only for the journey: voided so receivables stay as the demo made them.
      for (const id of [invoice.invoiceId, orphan.invoiceId])
        await request.post(
          `/api/v1/console/invoices/${id}/void`,
          { reason: 'Delivery journey test invoice' },
          200,
        );
      await context.close();
    }
  },
);

interface DeliverySettings {
  sellerAddress: Record<string, string | undefined>;
  peppol: { scheme: string; id: string } | null;
  deliverNew: boolean;
  deliverNewSince: string | null;
}

test.runIf(hasBrowser)(
  'staff: change the seller’s address in the delivery settings and find it kept, on a desktop and on a phone',
  { timeout: JOURNEY_MS },
  async () => {
    for (const [viewport, suffix] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const { page, context } = await newPage('en-US', { viewport });
      await signIn(page, OWNER);
      await page.waitForURL(`${baseUrl}/console`);
      const request = await consoleApi(context);
      const before = (await request.get('/api/v1/console/settings/delivery')) as DeliverySettings;
      // Sending new documents on their own would mail every invoice other journeys create.
      expect(before.deliverNew).toBe(false);
      const city = `Portland ${randomUUID().slice(0, 4).toUpperCase()}`;
      try {
        if (suffix === 'desktop') {
          await page.getByRole('link', { name: 'Delivery', exact: true }).click();
          await page.waitForURL(`${baseUrl}/console/settings/delivery`);
        } else await page.goto('/console/settings/delivery');
        await page.getByRole('heading', { name: 'Delivery and e-invoicing', level: 1 }).waitFor();
        const automatic = page.getByRole('switch', {
          name: 'Send new invoices and credit memos to customers automatically',
        });
        expect(await automatic.isChecked()).toBe(false);
        await screenshot(page, `delivery-13-settings-${suffix}`);

        await page.getByRole('textbox', { name: 'City' }).fill(city);
        await page.getByRole('button', { name: 'Save' }).click();
        await page.getByText('Delivery settings saved.').waitFor();
        const saved = (await request.get('/api/v1/console/settings/delivery')) as DeliverySettings;
        expect(saved.sellerAddress.city).toBe(city);
        expect(saved.deliverNew).toBe(false);
        expect({ ...saved.sellerAddress, city: before.sellerAddress.city }).toEqual(before.sellerAddress);
        expect(saved.peppol).toEqual(before.peppol);

        await page.reload();
        await page.getByRole('heading', { name: 'Delivery and e-invoicing', level: 1 }).waitFor();
        await expect.poll(() => page.getByRole('textbox', { name: 'City' }).inputValue()).toBe(city);
        expect(await automatic.isChecked()).toBe(false);
        await screenshot(page, `delivery-14-settings-saved-${suffix}`);
        expect(unexpected(pageProblems(page))).toEqual([]);
      } finally {
        const { deliverNewSince: _since, ...restore } = before;
        await request.put('/api/v1/console/settings/delivery', restore);
      }
      expect(await request.get('/api/v1/console/settings/delivery')).toEqual(before);
      await context.close();
    }

    // Other roles read the settings but cannot change them.
    const agent = await newPage('en-US', { viewport: DESKTOP });
    await signIn(agent.page, 'marcus@harborfoods.example');
    await agent.page.waitForURL(`${baseUrl}/console`);
    await agent.page.goto('/console/settings/delivery');
    await agent.page.getByRole('heading', { name: 'Delivery and e-invoicing', level: 1 }).waitFor();
    await agent.page.getByText('Your role can see these settings but not change them.').waitFor();
    expect(await agent.page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(
      await agent.page
        .getByRole('switch', { name: 'Send new invoices and credit memos to customers automatically' })
        .isDisabled(),
    ).toBe(true);
    await screenshot(agent.page, 'delivery-15-settings-read-only-desktop');
    expect(unexpected(pageProblems(agent.page))).toEqual([]);
    await agent.context.close();
  },
);
