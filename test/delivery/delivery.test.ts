import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { X12Parser } from 'node-x12';
import { afterAll, describe, expect, test } from 'vitest';
import { takeControlNumbers } from '../../src/domain/delivery/delivery.repository.ts';
import { E_INVOICE_MAX_ATTEMPTS, sendEInvoice } from '../../src/domain/delivery/send-e-invoice.ts';
import { sendWebhookRequest } from '../../src/domain/integration/webhooks/send-webhook-request.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { as, seedSeller, signIn, signInTo, useTestApp } from '../support/app.ts';
import { createCustomerAccount } from '../support/factories.ts';

/**
 * Delivery preferences and the channels other than e-mail, through the HTTP API and the job's use
 * case: UBL posted to a real local AP endpoint (failing, then answering), EDI 810 files in the
 * outbound folder read back by node-x12, and the print batch as one PDF read by pdftotext.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'saldo-delivery-'));
const { app, db, config } = await useTestApp({ publicUrl: 'http://localhost:3000', dataDir });
const seller = await seedSeller(db, { locale: 'en' });
const orgId = seller.org.id;
const owner = as(app, await signIn(app, seller.staff.owner.email));
const viewer = as(app, await signIn(app, seller.staff.viewer.email));
const portal = as(
  app,
  await signInTo(app, seller.customers.account_admin.email, {
    kind: 'customer',
    orgId,
    accountId: seller.account.id,
  }),
);
const accountant = as(
  app,
  await signInTo(app, seller.customers.accountant.email, {
    kind: 'customer',
    orgId,
    accountId: seller.account.id,
  }),
);

let n = 0;
async function invoiceFor(customerId: string, amount = '120.00') {
  n += 1;
  const { id } = await createInvoice(
    { db },
    {
      orgId,
      customerId,
      number: `D-${n}`,
      issueDate: '2026-11-02',
      dueDate: '2026-12-02',
      lines: [
        {
          description: 'Coffee beans',
          quantity: '2',
          unitPrice: amount,
          taxes: [{ name: 'Tax', rate: '8' }],
        },
      ],
      charges: [{ kind: 'fee', name: 'Delivery', amount: 500n }],
      actor: {},
    },
  );
  return { id, number: `D-${n}` };
}

/** A local AP endpoint: answers with the status the test sets, records what it was sent. */
const received: { headers: IncomingMessage['headers']; body: string }[] = [];
let answer = 500;
const ap = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(answer, { 'content-type': 'text/plain' });
    res.end(answer === 200 ? 'accepted' : 'AP portal is down');
  });
});
await new Promise<void>((resolve) => ap.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((resolve) => ap.close(() => resolve())));
const apUrl = `http://127.0.0.1:${(ap.address() as AddressInfo).port}/einvoices`;
const sendDeps = {
  db,
  secretKey: config.secretKey,
  policy: { allowLoopback: true },
  send: sendWebhookRequest,
};

const activityOf = async (customerId: string) =>
  (
    await owner({ method: 'GET', url: `/api/v1/console/customers/${customerId}/activity?pageSize=100` })
  ).json().items as { action: string; summary: string }[];

const queuedJobs = (deliveryId: string) =>
  db
    .withSchema('graphile_worker')
    .selectFrom('jobs' as never)
    .select(['run_at' as never])
    .where('key' as never, '=', `e-invoice:${deliveryId}` as never)
    .execute() as Promise<{ run_at: Date }[]>;

describe('delivery preferences', () => {
  test('the customer sets its preference in the portal; staff see it; a payer-less role may not', async () => {
    const get = await portal({ method: 'GET', url: '/api/v1/portal/delivery' });
    expect(get.json()).toMatchObject({ channel: 'email', emailAttachPdf: true, ediConfigured: false });
    const put = await portal({
      method: 'PUT',
      url: '/api/v1/portal/delivery',
      payload: { channel: 'email', emailAttachPdf: false },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ channel: 'email', emailAttachPdf: false });
    const staffView = await owner({
      method: 'GET',
      url: `/api/v1/console/customers/${seller.account.id}/delivery`,
    });
    expect(staffView.json().preference).toMatchObject({ channel: 'email', emailAttachPdf: false });
    expect(
      (
        await accountant({
          method: 'PUT',
          url: '/api/v1/portal/delivery',
          payload: { channel: 'postal', emailAttachPdf: true },
        })
      ).statusCode,
    ).toBe(403);
    // EDI needs the trading partner, which only staff set.
    const edi = await portal({
      method: 'PUT',
      url: '/api/v1/portal/delivery',
      payload: { channel: 'edi', emailAttachPdf: true },
    });
    expect(edi.statusCode).toBe(400);
    expect(JSON.stringify(edi.json())).toContain('edi');
    const activity = await activityOf(seller.account.id);
    expect(activity.map((a) => a.action)).toContain('customer_account.delivery_preference_updated');
  });

  test('UBL needs an AP endpoint; its secret is sealed at rest and never sent back', async () => {
    const customer = await createCustomerAccount(db, orgId, { name: 'Sealed Co' });
    const url = `/api/v1/console/customers/${customer.id}/delivery`;
    const missing = await owner({ method: 'PUT', url, payload: { channel: 'ubl', emailAttachPdf: true } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('validation_failed');
    const ftp = await owner({
      method: 'PUT',
      url,
      payload: { channel: 'ubl', emailAttachPdf: true, apEndpointUrl: 'ftp://x.example/' },
    });
    expect(ftp.statusCode).toBe(400);
    const ok = await owner({
      method: 'PUT',
      url,
      payload: {
        channel: 'ubl',
        emailAttachPdf: true,
        apEndpointUrl: apUrl,
        apAuthToken: 'ap-secret-token-1234',
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().apAuth).toEqual({ last4: '1234' });
    expect(ok.body).not.toContain('ap-secret-token');
    const row = await db
      .selectFrom('delivery_preferences')
      .select('ap_auth_sealed')
      .where('org_id', '=', orgId)
      .where('customer_id', '=', customer.id)
      .executeTakeFirstOrThrow();
    expect(row.ap_auth_sealed).toMatch(/^v1\./);
    expect(row.ap_auth_sealed).not.toContain('ap-secret');
    // A viewer reads but does not change.
    expect(
      (await viewer({ method: 'PUT', url, payload: { channel: 'email', emailAttachPdf: true } })).statusCode,
    ).toBe(403);
  });
});

describe('UBL to the AP endpoint', () => {
  test('a failing endpoint is retried on schedule, then succeeds; the activity shows both states', async () => {
    const customer = await createCustomerAccount(db, orgId, { name: 'Retry Foods' });
    await owner({
      method: 'PUT',
      url: `/api/v1/console/customers/${customer.id}/delivery`,
      payload: { channel: 'ubl', emailAttachPdf: true, apEndpointUrl: apUrl, apAuthToken: 'tok-5678' },
    });
    const invoice = await invoiceFor(customer.id);
    const created = await owner({
      method: 'POST',
      url: '/api/v1/console/deliveries',
      payload: { documentType: 'invoice', documentId: invoice.id },
    });
    expect(created.statusCode).toBe(201);
    const delivery = created.json();
    expect(delivery).toMatchObject({ channel: 'ubl', status: 'pending', attempts: 0 });
    expect(await queuedJobs(delivery.id)).toHaveLength(1);

    answer = 503;
    received.length = 0;
    const first = await sendEInvoice(sendDeps, { orgId, deliveryId: delivery.id });
    expect(first).toMatchObject({ outcome: 'retrying', attempt: 1, statusCode: 503 });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.authorization).toBe('Bearer tok-5678');
    expect(received[0]!.headers['content-type']).toContain('application/xml');
    // What the endpoint got is a valid UBL invoice.
    const file = path.join(dataDir, 'received.xml');
    writeFileSync(file, received[0]!.body);
    execFileSync('xmllint', [
      '--noout',
      '--schema',
      path.resolve(import.meta.dirname, '../../../shared/schemas/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd'),
      file,
    ]);
    const listed = (
      await owner({ method: 'GET', url: `/api/v1/console/deliveries?customerId=${customer.id}` })
    ).json().items[0];
    expect(listed).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'HTTP 503: AP portal is down',
    });
    // The next attempt is queued about a minute later.
    const jobs = await queuedJobs(delivery.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.run_at.getTime()).toBeGreaterThan(Date.now() + 30_000);

    answer = 200;
    const second = await sendEInvoice(sendDeps, { orgId, deliveryId: delivery.id });
    expect(second).toMatchObject({ outcome: 'delivered', attempt: 2, statusCode: 200 });
    expect(received[1]!.body).toBe(received[0]!.body);
    // Sent once: another run does nothing.
    expect(await sendEInvoice(sendDeps, { orgId, deliveryId: delivery.id })).toEqual({ outcome: 'skipped' });
    const activity = await activityOf(customer.id);
    const ours = activity.filter((a) => a.summary === invoice.number).map((a) => a.action);
    expect(ours).toEqual(expect.arrayContaining(['invoice.delivery_queued', 'invoice.delivery_sent']));
  });

  test('an endpoint that never answers ends failed and reported, the document kept; it is sent again', async () => {
    const customer = await createCustomerAccount(db, orgId, { name: 'Always Down Ltd' });
    await owner({
      method: 'PUT',
      url: `/api/v1/console/customers/${customer.id}/delivery`,
      payload: { channel: 'ubl', emailAttachPdf: true, apEndpointUrl: apUrl },
    });
    const invoice = await invoiceFor(customer.id);
    const delivery = (
      await owner({
        method: 'POST',
        url: '/api/v1/console/deliveries',
        payload: { documentType: 'invoice', documentId: invoice.id },
      })
    ).json();
    answer = 500;
    let last: Awaited<ReturnType<typeof sendEInvoice>> | undefined;
    for (let i = 0; i < E_INVOICE_MAX_ATTEMPTS; i += 1)
      last = await sendEInvoice(sendDeps, { orgId, deliveryId: delivery.id });
    expect(last).toMatchObject({ outcome: 'failed', attempt: E_INVOICE_MAX_ATTEMPTS });
    // No further attempt: a job still queued for it finds nothing to send.
    expect(await sendEInvoice(sendDeps, { orgId, deliveryId: delivery.id })).toEqual({ outcome: 'skipped' });
    const failed = (await owner({ method: 'GET', url: '/api/v1/console/deliveries?status=failed' })).json()
      .items;
    expect(failed.map((d: { id: string }) => d.id)).toContain(delivery.id);
    expect((await activityOf(customer.id)).map((a) => a.action)).toContain('invoice.delivery_failed');
    // The e-invoice is not lost: it can be downloaded, and sent again.
    const download = await owner({ method: 'GET', url: `/api/v1/console/deliveries/${delivery.id}/file` });
    expect(download.statusCode).toBe(200);
    expect(download.body).toContain(`<cbc:ID>${invoice.number}</cbc:ID>`);
    const resent = await owner({ method: 'POST', url: `/api/v1/console/deliveries/${delivery.id}/resend` });
    expect(resent.json()).toMatchObject({ status: 'pending', attempts: 0 });
    answer = 200;
    expect(await sendEInvoice(sendDeps, { orgId, deliveryId: delivery.id })).toMatchObject({
      outcome: 'delivered',
    });
    const again = await owner({ method: 'POST', url: `/api/v1/console/deliveries/${delivery.id}/resend` });
    expect(again.statusCode).toBe(409);
  });
});

describe('EDI 810', () => {
  test('files go to the outbound folder with increasing control numbers, and download', async () => {
    const customer = await createCustomerAccount(db, orgId, {
      name: 'Big Box Retail',
      account_number: 'BBR-1',
    });
    const put = await owner({
      method: 'PUT',
      url: `/api/v1/console/customers/${customer.id}/delivery`,
      payload: {
        channel: 'edi',
        emailAttachPdf: true,
        edi: {
          isaSenderQualifier: 'ZZ',
          isaSenderId: 'HARBORSUPPLY',
          isaReceiverQualifier: '01',
          isaReceiverId: '987654321',
          gsSenderId: 'HARBORGS',
          gsReceiverId: 'BIGBOXGS',
          usage: 'P',
        },
      },
    });
    expect(put.statusCode).toBe(200);
    const controls: number[] = [];
    for (const _ of [1, 2]) {
      const invoice = await invoiceFor(customer.id, '10.00');
      const delivery = (
        await owner({
          method: 'POST',
          url: '/api/v1/console/deliveries',
          payload: { documentType: 'invoice', documentId: invoice.id },
        })
      ).json();
      expect(delivery).toMatchObject({ channel: 'edi', status: 'delivered' });
      controls.push(delivery.controlNumber);
      const download = await owner({ method: 'GET', url: `/api/v1/console/deliveries/${delivery.id}/file` });
      const interchange = new X12Parser(true).parse(download.body) as import('node-x12').X12Interchange;
      expect(interchange.header.valueOf(6)?.trim()).toBe('HARBORSUPPLY');
      expect(interchange.header.valueOf(15)).toBe('P');
      expect(Number(interchange.header.valueOf(13))).toBe(delivery.controlNumber);
      const set = interchange.functionalGroups[0]!.transactions[0]!;
      // 2 × 10.00 + 8 % tax 1.60 + 5.00 fee = 26.60
      expect(set.segments.find((s) => s.tag === 'TDS')!.valueOf(1)).toBe('2660');
      expect(Number(set.trailer.valueOf(1))).toBe(set.segments.length + 2);
      const folder = path.join(dataDir, 'edi-outbound', seller.org.slug);
      expect(readFileSync(path.join(folder, delivery.fileName), 'utf8')).toBe(download.body);
    }
    expect(controls[1]).toBe(controls[0]! + 1);
    expect(
      readdirSync(path.join(dataDir, 'edi-outbound', seller.org.slug)).filter((f) => f.startsWith('.')),
    ).toEqual([]);
  });
});

describe('X12 control numbers', () => {
  test('taken concurrently they are all different; one rolled back is never handed out again', async () => {
    const taken = await Promise.all(
      Array.from({ length: 8 }, () => db.transaction().execute((trx) => takeControlNumbers(trx, orgId))),
    );
    const interchanges = taken.map((t) => t.interchange);
    expect(new Set(interchanges).size).toBe(8);
    expect(new Set(taken.map((t) => t.group)).size).toBe(8);
    const max = Math.max(...interchanges);
    const rolledBack = await db
      .transaction()
      .execute(async (trx) => {
        const t = await takeControlNumbers(trx, orgId);
        throw Object.assign(new Error('rollback'), { t });
      })
      .catch((e: { t: { interchange: number } }) => e.t.interchange);
    expect(rolledBack).toBe(max + 1);
    const next = await db.transaction().execute((trx) => takeControlNumbers(trx, orgId));
    // The counter is in the row the rolled-back transaction locked: its update is undone with it,
    // so the next interchange gets that number — it was never sent, so it is not a reuse.
    expect(next.interchange).toBe(max + 1);
  });
});

describe('print batch', () => {
  test('lists what is due, prints one PDF with an address page per customer, marks them printed', async () => {
    const first = await createCustomerAccount(db, orgId, {
      name: 'Alpha Diner',
      billing_address: JSON.stringify({
        line1: '1 Main St',
        city: 'Springfield',
        region: 'IL',
        postalCode: '62701',
        country: 'US',
      }) as never,
    });
    const second = await createCustomerAccount(db, orgId, {
      name: 'Beta Bakery',
      billing_address: JSON.stringify({
        line1: '22 Oak Ave',
        city: 'Portland',
        region: 'OR',
        postalCode: '97201',
        country: 'US',
      }) as never,
    });
    for (const c of [first, second])
      await owner({
        method: 'PUT',
        url: `/api/v1/console/customers/${c.id}/delivery`,
        payload: { channel: 'postal', emailAttachPdf: true },
      });
    const docs = [await invoiceFor(first.id), await invoiceFor(first.id), await invoiceFor(second.id)];
    for (const d of docs)
      expect(
        (
          await owner({
            method: 'POST',
            url: '/api/v1/console/deliveries',
            payload: { documentType: 'invoice', documentId: d.id },
          })
        ).statusCode,
      ).toBe(201);
    const queue = (await owner({ method: 'GET', url: '/api/v1/console/print-queue' })).json();
    expect(queue.documentCount).toBe(3);
    expect(queue.customers.map((c: { name: string }) => c.name)).toEqual(['Alpha Diner', 'Beta Bakery']);

    const batch = await owner({ method: 'POST', url: '/api/v1/console/print-batches', payload: {} });
    expect(batch.statusCode).toBe(201);
    expect(batch.json()).toMatchObject({ documentCount: 3, customerCount: 2 });
    const pdf = await owner({ method: 'GET', url: `/api/v1/console/print-batches/${batch.json().id}/pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(dataDir, 'batch.pdf');
    writeFileSync(file, pdf.rawPayload);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(batch.json().pageCount);
    expect(pages).toBeGreaterThanOrEqual(5); // 2 address pages + 3 invoices
    // Page 1: Alpha's address page; then its two invoices; then Beta's address page and invoice.
    const page = (p: number) =>
      execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' });
    expect(page(1)).toContain('Alpha Diner');
    expect(page(1)).toContain('1 Main St');
    expect(page(1)).toContain(`Invoice ${docs[0]!.number}`);
    expect(page(1)).toContain('Documents enclosed');
    expect(page(2)).toContain(docs[0]!.number);
    const all = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(all.indexOf('Beta Bakery')).toBeGreaterThan(all.indexOf(docs[1]!.number));
    expect(all).toContain('22 Oak Ave');

    expect((await owner({ method: 'GET', url: '/api/v1/console/print-queue' })).json().documentCount).toBe(0);
    const printed = (await owner({ method: 'GET', url: '/api/v1/console/deliveries?status=printed' })).json()
      .items;
    expect(printed).toHaveLength(3);
    const again = await owner({ method: 'POST', url: '/api/v1/console/print-batches', payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('nothing_to_print');
    const batches = (await owner({ method: 'GET', url: '/api/v1/console/print-batches' })).json().items;
    expect(batches[0]).toMatchObject({
      id: batch.json().id,
      number: 1,
      createdBy: { id: seller.staff.owner.id },
    });
    expect((await activityOf(first.id)).map((a) => a.action)).toContain('invoice.printed');
  });
});
