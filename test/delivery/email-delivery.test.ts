import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import pino from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, test } from 'vitest';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { deliverNewDocuments } from '../../src/domain/delivery/deliver-new-documents.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { voidInvoice } from '../../src/domain/invoices/void-invoice.ts';
import { eInvoiceWriters } from '../../src/formats/e-invoice-writers.ts';
import { creditMemoPdf } from '../../src/formats/pdf/credit-memo-pdf.ts';
import { invoicePdf } from '../../src/formats/pdf/invoice-pdf.ts';
import { runJobsOnce } from '../../src/jobs/worker.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { as, seedSeller, signIn, useTestApp } from '../support/app.ts';
import { testDatabaseUrl } from '../support/db.ts';
import { createCustomerAccount } from '../support/factories.ts';
import { useSmtpSink } from '../support/smtp-sink.ts';

/**
 * Documents by e-mail, end to end: "Deliver" from the console (POST /console/deliveries) and the
 * automatic delivery of new documents, through the outbox to a real SMTP server, read back with
 * mailparser: the PDF attached or a pay link only, the UBL e-invoice attached (valid against the
 * OASIS schema, xmllint) for a customer that takes UBL by e-mail, credit memos, no recipient, and a
 * retried sweep that sends nothing twice and never mails documents from before it was turned on.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'saldo-email-delivery-'));
const publicUrl = 'http://localhost:3000';
const { app, db } = await useTestApp({ publicUrl, dataDir });
const sink = useSmtpSink();
const logger = pino({ level: 'silent' });
const seller = await seedSeller(db, { locale: 'en' });
const orgId = seller.org.id;
const owner = as(app, await signIn(app, seller.staff.owner.email));
const viewer = as(app, await signIn(app, seller.staff.viewer.email));
const ublSchemas = path.resolve(import.meta.dirname, '../../../shared/schemas/ubl-2.1/maindoc');

let n = 0;
async function customerWith(contacts: { email: string; receives?: ('invoices' | 'statements')[] }[]) {
  const account = await createCustomerAccount(db, orgId, { locale: 'en' });
  for (const c of contacts)
    await db
      .insertInto('customer_contacts')
      .values({
        org_id: orgId,
        id: uuidv7(),
        account_id: account.id,
        name: 'Pat Buyer',
        email: c.email,
        locale: 'en',
        ...(c.receives ? { receives: c.receives } : {}),
      })
      .execute();
  return account;
}

async function invoiceFor(customerId: string) {
  n += 1;
  const number = `E-${n}`;
  const { id } = await createInvoice(
    { db },
    {
      orgId,
      customerId,
      number,
      issueDate: '2026-11-02',
      dueDate: '2026-12-02',
      lines: [{ description: 'Olive oil', quantity: '3', unitPrice: '40.00' }],
      actor: {},
    },
  );
  return { id, number };
}

async function mailsTo(address: string): Promise<ParsedMail[]> {
  await runJobsOnce({ connectionString: testDatabaseUrl(), db, transport: sink.transport(), logger });
  const parsed = await Promise.all(
    sink.received.filter((r) => r.to.includes(address)).map((r) => simpleParser(r.raw)),
  );
  return parsed;
}

const deliver = (body: object) => owner({ method: 'POST', url: '/api/v1/console/deliveries', payload: body });

const sweepDeps = {
  db,
  writers: eInvoiceWriters,
  ediOutboundRoot: path.join(dataDir, 'edi-outbound'),
  mail: {
    mailer: createOutboxMailer({ mailFrom: 'Saldo <no-reply@saldo.test>' }),
    publicUrl,
    invoicePdf,
    creditMemoPdf,
  },
};

function xmllint(xml: Buffer, kind: 'Invoice' | 'CreditNote'): void {
  const file = path.join(dataDir, `${kind}-${uuidv7()}.xml`);
  writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', path.join(ublSchemas, `UBL-${kind}-2.1.xsd`), file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('Deliver from the console, by e-mail', () => {
  test('the invoice e-mail carries its PDF and a pay link to the contacts who receive invoices', async () => {
    const account = await customerWith([
      { email: 'ap@pdf.test' },
      { email: 'owner@pdf.test', receives: ['statements'] },
    ]);
    const invoice = await invoiceFor(account.id);
    const res = await deliver({ documentType: 'invoice', documentId: invoice.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      channel: 'email',
      documentNumber: invoice.number,
      recipients: ['ap@pdf.test'],
      pdfAttached: true,
      ublAttached: false,
    });
    const [mail, ...more] = await mailsTo('ap@pdf.test');
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`Invoice ${invoice.number} from ${seller.org.name}`);
    expect(mail!.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [`${invoice.number}.pdf`, 'application/pdf'],
    ]);
    expect(mail!.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const link = /http:\/\/localhost:3000\/pay\/[A-Za-z0-9_-]{43}/.exec(mail!.text ?? '')?.[0];
    expect(link).toBeDefined();
    // The link opens exactly this invoice, without signing in.
    const page = await app.inject({ method: 'GET', url: `/api/v1/pay-links/${link!.split('/').pop()}` });
    expect(page.statusCode).toBe(200);
    expect(JSON.stringify(page.json())).toContain(invoice.number);
    expect(await mailsTo('owner@pdf.test')).toEqual([]);
    // Staff read a copy in the Outbox with the link's token hidden: the link is the customer's alone.
    const token = link!.split('/').pop()!;
    const outbox = (
      await owner({ method: 'GET', url: '/api/v1/console/outbox?pageSize=100&q=ap%40pdf.test' })
    ).json().items as { id: string; to: string }[];
    const copyId = outbox.find((m) => m.to === 'ap@pdf.test')!.id;
    const copy = (await owner({ method: 'GET', url: `/api/v1/console/outbox/${copyId}` })).json();
    expect(copy.text).toContain(`invoice ${invoice.number}`);
    expect(copy.text).toContain('/pay/…');
    expect(copy.text).not.toContain(token);
    const html = await owner({ method: 'GET', url: `/api/v1/console/outbox/${copyId}/html` });
    expect(html.body).toContain('/pay/…');
    expect(html.body).not.toContain(token);
    const activity = (
      await owner({ method: 'GET', url: `/api/v1/console/customers/${account.id}/activity?pageSize=100` })
    ).json().items as { action: string }[];
    expect(activity.map((a) => a.action)).toContain('invoice.delivery_queued');
    const row = await db
      .selectFrom('invoices')
      .select('delivered_at')
      .where('id', '=', invoice.id)
      .executeTakeFirstOrThrow();
    expect(row.delivered_at).toBeInstanceOf(Date);
  });

  test('"link only" sends no PDF, only the link', async () => {
    const account = await customerWith([{ email: 'ap@link.test' }]);
    await db
      .insertInto('delivery_preferences')
      .values({ org_id: orgId, customer_id: account.id, channel: 'email', email_attach_pdf: false })
      .execute();
    const invoice = await invoiceFor(account.id);
    const res = await deliver({ documentType: 'invoice', documentId: invoice.id });
    expect(res.json()).toMatchObject({ pdfAttached: false });
    const [mail] = await mailsTo('ap@link.test');
    expect(mail!.attachments).toEqual([]);
    expect(mail!.text).toContain('You can view and download it from the link below.');
    expect(mail!.text).toMatch(/\/pay\/[A-Za-z0-9_-]{43}/);
  });

  test('a customer that takes UBL by e-mail gets the e-invoice attached, valid UBL 2.1', async () => {
    const account = await customerWith([{ email: 'ap@ubl.test' }]);
    const put = await owner({
      method: 'PUT',
      url: `/api/v1/console/customers/${account.id}/delivery`,
      payload: { channel: 'ubl', emailAttachPdf: true, ublVia: 'email' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ channel: 'ubl', ublVia: 'email', apEndpointUrl: null });
    const invoice = await invoiceFor(account.id);
    const res = await deliver({ documentType: 'invoice', documentId: invoice.id });
    expect(res.json()).toMatchObject({ channel: 'email', ublAttached: true, pdfAttached: true });
    const [mail] = await mailsTo('ap@ubl.test');
    const xml = mail!.attachments.find((a) => a.contentType === 'application/xml');
    expect(xml?.filename).toMatch(/\.xml$/);
    expect(xml!.content.toString('utf8')).toContain(`<cbc:ID>${invoice.number}</cbc:ID>`);
    expect(() => xmllint(xml!.content, 'Invoice')).not.toThrow();
    // Nothing posted anywhere: no UBL delivery row waits for an endpoint.
    const rows = await db
      .selectFrom('document_deliveries')
      .select('id')
      .where('org_id', '=', orgId)
      .where('document_id', '=', invoice.id)
      .execute();
    expect(rows).toEqual([]);
  });

  test('UBL to an endpoint still needs the endpoint; by e-mail it does not', async () => {
    const account = await customerWith([{ email: 'ap@needs.test' }]);
    const res = await owner({
      method: 'PUT',
      url: `/api/v1/console/customers/${account.id}/delivery`,
      payload: { channel: 'ubl', emailAttachPdf: true, ublVia: 'endpoint' },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('apEndpointUrl');
  });

  test('a credit memo goes with its PDF and its UBL credit note', async () => {
    const account = await customerWith([{ email: 'ap@credit.test' }]);
    await db
      .insertInto('delivery_preferences')
      .values({ org_id: orgId, customer_id: account.id, channel: 'ubl', ubl_via: 'email' })
      .execute();
    const memo = await issueCreditMemo(
      { db },
      {
        orgId,
        customerId: account.id,
        amount: 2_500n,
        issueDate: '2026-11-03',
        reason: 'Damaged',
        actor: {},
      },
    );
    const res = await deliver({ documentType: 'credit_memo', documentId: memo.id });
    expect(res.statusCode).toBe(200);
    const [mail] = await mailsTo('ap@credit.test');
    expect(mail!.subject).toBe(`Credit memo ${memo.number} from ${seller.org.name}`);
    expect(mail!.attachments.map((a) => a.contentType)).toEqual(['application/pdf', 'application/xml']);
    expect(() => xmllint(mail!.attachments[1]!.content, 'CreditNote')).not.toThrow();
  });

  test('no contact who receives invoices: a clear 422, nothing sent or marked', async () => {
    const account = await customerWith([{ email: 'only@statements.test', receives: ['statements'] }]);
    const invoice = await invoiceFor(account.id);
    const res = await deliver({ documentType: 'invoice', documentId: invoice.id });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'no_delivery_recipients' });
    expect(res.json().detail ?? res.json().title).toMatch(/receives invoices/);
    const row = await db
      .selectFrom('invoices')
      .select('delivered_at')
      .where('id', '=', invoice.id)
      .executeTakeFirstOrThrow();
    expect(row.delivered_at).toBeNull();
    expect(await mailsTo('only@statements.test')).toEqual([]);
  });

  test('a void invoice is not sent', async () => {
    const account = await customerWith([{ email: 'ap@void.test' }]);
    const invoice = await invoiceFor(account.id);
    await voidInvoice({ db }, { orgId, invoiceId: invoice.id, reason: 'Entered twice', actor: {} });
    const res = await deliver({ documentType: 'invoice', documentId: invoice.id });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'invoice_not_open' });
    expect(await mailsTo('ap@void.test')).toEqual([]);
  });

  test('a viewer may not deliver; another seller’s invoice is not found', async () => {
    const account = await customerWith([{ email: 'ap@viewer.test' }]);
    const invoice = await invoiceFor(account.id);
    const denied = await viewer({
      method: 'POST',
      url: '/api/v1/console/deliveries',
      payload: { documentType: 'invoice', documentId: invoice.id },
    });
    expect(denied.statusCode).toBe(403);
    const other = await seedSeller(db, { locale: 'en', name: 'Other Seller' });
    const otherAccount = await createCustomerAccount(db, other.org.id, { locale: 'en' });
    const { id: foreign } = await createInvoice(
      { db },
      {
        orgId: other.org.id,
        customerId: otherAccount.id,
        number: 'X-1',
        issueDate: '2026-11-02',
        lines: [{ description: 'Salt', quantity: '1', unitPrice: '5.00' }],
        actor: {},
      },
    );
    const res = await deliver({ documentType: 'invoice', documentId: foreign });
    expect(res.statusCode).toBe(404);
  });
});

describe('new documents delivered on their own', () => {
  test('only documents posted since it was turned on, each once however often the sweep runs', async () => {
    const account = await customerWith([{ email: 'ap@auto.test' }]);
    const before = await invoiceFor(account.id);
    const get = await owner({ method: 'GET', url: '/api/v1/console/settings/delivery' });
    const settings = get.json() as Record<string, unknown>;
    expect(settings).toMatchObject({ deliverNew: false, deliverNewSince: null });
    const on = await owner({
      method: 'PUT',
      url: '/api/v1/console/settings/delivery',
      payload: { ...settings, deliverNew: true },
    });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ deliverNew: true });
    const after = await invoiceFor(account.id);
    const memo = await issueCreditMemo(
      { db },
      { orgId, customerId: account.id, amount: 1_000n, issueDate: '2026-11-04', actor: {} },
    );
    const noContact = await customerWith([]);
    const stranded = await invoiceFor(noContact.id);

    const first = await deliverNewDocuments(sweepDeps);
    expect(first).toEqual({ delivered: 2, failed: 1 });
    const again = await Promise.all([deliverNewDocuments(sweepDeps), deliverNewDocuments(sweepDeps)]);
    expect(again).toEqual([
      { delivered: 0, failed: 0 },
      { delivered: 0, failed: 0 },
    ]);
    const mails = await mailsTo('ap@auto.test');
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [
        `Credit memo ${memo.number} from ${seller.org.name}`,
        `Invoice ${after.number} from ${seller.org.name}`,
      ].sort(),
    );
    expect(mails.some((m) => m.subject?.includes(before.number))).toBe(false);
    // The one that could not go is reported on its customer's activity, with the reason.
    const failed = await db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('org_id', '=', orgId)
      .where('entity_id', '=', stranded.id)
      .where('action', '=', 'invoice.delivery_failed')
      .execute();
    expect(failed).toHaveLength(1);
    expect(failed[0]!.after).toMatchObject({ reason: 'no_delivery_recipients' });
    // Turning it off and on again starts from then: nothing delivered before is sent again.
    await owner({
      method: 'PUT',
      url: '/api/v1/console/settings/delivery',
      payload: { ...settings, deliverNew: false },
    });
    await owner({
      method: 'PUT',
      url: '/api/v1/console/settings/delivery',
      payload: { ...settings, deliverNew: true },
    });
    expect(await deliverNewDocuments(sweepDeps)).toEqual({ delivered: 0, failed: 0 });
    await owner({
      method: 'PUT',
      url: '/api/v1/console/settings/delivery',
      payload: { ...settings, deliverNew: false },
    });
  });
});

describe('hostile input', () => {
  test('NUL bytes, over-long text, a bad channel and a non-uuid id are refused with 400, nothing saved', async () => {
    const before = (await owner({ method: 'GET', url: '/api/v1/console/settings/delivery' })).json();
    for (const sellerAddress of [
      { city: 'Mon\u0000terrey' },
      { line1: 'x'.repeat(201) },
      { country: 'MEX' },
    ]) {
      const res = await owner({
        method: 'PUT',
        url: '/api/v1/console/settings/delivery',
        payload: { sellerAddress, peppol: null },
      });
      expect(res.statusCode).toBe(400);
    }
    expect((await owner({ method: 'GET', url: '/api/v1/console/settings/delivery' })).json()).toEqual(before);
    for (const payload of [
      { documentType: 'invoice', documentId: 'not-a-uuid' },
      { documentType: 'invoice', documentId: uuidv7(), channel: 'fax' },
      { documentType: 'receipt', documentId: uuidv7() },
    ])
      expect((await deliver(payload)).statusCode).toBe(400);
    expect((await deliver({ documentType: 'credit_memo', documentId: uuidv7() })).statusCode).toBe(404);
  });
});
