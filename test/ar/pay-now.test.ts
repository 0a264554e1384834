import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { Logger, runOnce } from 'graphile-worker';
import { type ParsedMail, simpleParser } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { buildTaskList } from '../../src/jobs/task-list.ts';
import { createWorkerPgPool } from '../../src/jobs/worker-pool.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { createMailTransport } from '../../src/mail/transports.ts';
import { as, signInTo } from '../support/app.ts';
import { testDatabaseUrl } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';
import { calendarDay, onlineSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * Pay-now e-mails end to end over real SMTP: staff send some open invoices of one customer; its
 * contacts who receive invoices get them (each PDF attached, read back by pdftotext) and a link
 * whose 256-bit token is stored only as its SHA-256; the link opens exactly those invoices with no
 * sign-in and pays them, in full or in part, once; a receipt follows. Idempotent under an
 * Idempotency-Key; refused for another seller's, another customer's, void, paid and in-flight
 * invoices; expired and revoked links take no payment; an address the server refuses for good
 * (550) falls back to the customer's next contact, and the customer's activity shows both.
 */
const ctx = await useOnlinePaymentsApp();
const { app, db, config, gateways } = ctx;
const s = await onlineSeller(ctx);
const owner = as(app, await signInTo(app, s.seller.staff.owner.email, { kind: 'staff', orgId: s.orgId }));

const received: { to: string[]; raw: Buffer }[] = [];
const server = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.startsWith('bounce')) {
      const error = new Error('5.1.1 mailbox unavailable') as Error & { responseCode: number };
      error.responseCode = 550;
      return callback(error);
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
      callback();
    });
  },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const transport = createMailTransport({
  smtpUrl: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
});
const pgPool = createWorkerPgPool(testDatabaseUrl(), 4, pino({ level: 'silent' }));
afterAll(async () => {
  transport.close();
  await pgPool.end();
  await new Promise<void>((resolve) => server.close(resolve));
});
const taskList = buildTaskList({
  db,
  transport,
  mailer: createOutboxMailer(config),
  publicUrl: config.publicUrl,
  payments: { db, gateways, publicUrl: config.publicUrl, secretKey: config.secretKey },
});
const runJobs = () =>
  runOnce({ pgPool, taskList, noHandleSignals: true, logger: new Logger(() => () => {}) });

beforeEach(() => {
  received.length = 0;
});

let address = 0;
const from = () => {
  const remoteAddress = `10.9.${Math.floor(++address / 250)}.${address % 250}`;
  return (options: InjectOptions) => app.inject({ ...options, remoteAddress });
};
type Client = ReturnType<typeof from>;

function pdfText(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'saldo-pay-now-')), 'invoice.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** A customer of the seller with these contacts (e-mail, receives invoices?). */
async function customerWith(contacts: [string, boolean][]) {
  const customer = await createCustomerAccount(db, s.orgId, { currency: 'USD', locale: 'en' });
  let i = 0;
  for (const [email, invoices] of contacts)
    await db
      .insertInto('customer_contacts')
      .values({
        org_id: s.orgId,
        id: randomUUID(),
        account_id: customer.id,
        name: `Contact ${++i}`,
        email,
        locale: 'en',
        receives: invoices ? ['invoices'] : ['statements'],
        created_at: new Date(Date.now() + i * 1000),
      })
      .execute();
  return customer.id;
}

let sequence = 0;
async function invoiceOf(customerId: string, amount: string, orgId = s.orgId) {
  const number = `PN-${++sequence}-${randomUUID().slice(0, 4)}`;
  const { id } = await createInvoice(
    { db },
    {
      orgId,
      customerId,
      number,
      issueDate: calendarDay(-10),
      dueDate: calendarDay(sequence),
      status: 'open',
      lines: [{ description: `Goods for ${number}`, quantity: '2', unitPrice: amount }],
      actor: {},
    },
  );
  return { id, number };
}

const send = (payload: Record<string, unknown>, key: string = randomUUID()) =>
  owner({
    method: 'POST',
    url: '/api/v1/console/pay-now-emails',
    headers: { 'idempotency-key': key },
    payload,
  });

/** The messages the SMTP server took for this address, parsed. */
const mailsTo = (to: string) =>
  Promise.all(received.filter((r) => r.to.includes(to)).map((r) => simpleParser(r.raw)));

/** The token in a delivered message's link. */
const tokenIn = (mail: ParsedMail) => /\/pay\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];

async function enter(client: Client, token: string) {
  const entry = await client({
    method: 'POST',
    url: `/api/v1/pay-links/${token}/entry`,
    payload: { kind: 'card' },
  });
  expect(entry.statusCode, entry.body).toBe(200);
  const url = new URL(entry.json().url);
  const posted = await app.inject({
    method: 'POST',
    url: url.pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: config.publicUrl },
    payload: new URLSearchParams({
      number: '4242424242424242',
      expiry: '12/34',
      cvc: '123',
      name: 'Ana Pagos',
      postalCode: '12345',
    }).toString(),
  });
  expect(posted.statusCode).toBe(303);
  return new URL(posted.headers.location as string).searchParams.get('method')!;
}

const payLink = (client: Client, token: string, body: Record<string, unknown>) =>
  client({
    method: 'POST',
    url: `/api/v1/pay-links/${token}/payments`,
    headers: { 'idempotency-key': randomUUID() },
    payload: body,
  });

describe('pay-now e-mails', () => {
  test('the contacts who receive invoices get the PDFs and a link that pays exactly those invoices, in part, once; a receipt follows', async () => {
    const customerId = await customerWith([
      ['ap@pn-one.example', true],
      ['owner@pn-one.example', true],
      ['statements@pn-one.example', false],
    ]);
    const a = await invoiceOf(customerId, '100.00');
    const b = await invoiceOf(customerId, '50.00');
    const other = await invoiceOf(customerId, '10.00');
    const key = randomUUID();
    const sent = await send({ invoiceIds: [b.id, a.id] }, key);
    expect(sent.statusCode, sent.body).toBe(201);
    const body = sent.json();
    expect(body.recipients).toEqual(['ap@pn-one.example', 'owner@pn-one.example']);
    expect(body.invoices.map((i: { number: string }) => i.number)).toEqual([a.number, b.number]);
    expect(body.amount).toBe(30_000);

    // The same key and request answer the same e-mail; another request under it is refused.
    const replay = await send({ invoiceIds: [a.id, b.id] }, key);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().payLinkId).toBe(body.payLinkId);
    const reused = await send({ invoiceIds: [a.id] }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');

    await runJobs();
    expect(received.flatMap((r) => r.to).sort()).toEqual(['ap@pn-one.example', 'owner@pn-one.example']);
    const mails = await Promise.all(received.map((r) => simpleParser(r.raw)));
    for (const mail of mails) {
      expect(mail.subject).toContain('2 invoices from');
      expect(mail.text).toContain(a.number);
      expect(mail.text).toContain('$300.00');
      expect(mail.attachments.map((f) => f.filename)).toEqual([`${a.number}.pdf`, `${b.number}.pdf`]);
      expect(pdfText(mail.attachments[0]!.content)).toContain(a.number);
      expect(pdfText(mail.attachments[1]!.content)).toContain(`Goods for ${b.number}`);
    }
    const token = tokenIn(mails[0]!)!;
    expect(tokenIn(mails[1]!)).toBe(token);
    // 256 bits (43 base64url characters); the database keeps only its SHA-256, and the delivered
    // bodies are erased.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const row = await db
      .selectFrom('pay_links')
      .select(['token_hash', 'sent_by_mail'])
      .where('id', '=', body.payLinkId)
      .executeTakeFirstOrThrow();
    expect(row.token_hash.equals(createHash('sha256').update(token).digest())).toBe(true);
    expect(row.sent_by_mail).toBe(true);
    const stored = await db
      .selectFrom('mail_messages')
      .select(['text_body', 'html_body', 'customer_id', 'status'])
      .where('pay_link_id', '=', body.payLinkId)
      .execute();
    expect(stored).toHaveLength(2);
    for (const m of stored)
      expect(m).toEqual({ text_body: null, html_body: null, customer_id: customerId, status: 'sent' });

    // The link, with no sign-in: exactly these two invoices with their detail and PDFs.
    const client = from();
    const opened = await client({ method: 'GET', url: `/api/v1/pay-links/${token}` });
    expect(opened.statusCode, opened.body).toBe(200);
    const link = opened.json();
    expect(link.state).toBe('open');
    expect(link.sentByMail).toBe(true);
    expect(link.partial).toEqual({ allowed: true, minimum: null });
    expect(link.invoices.map((i: { number: string }) => i.number)).toEqual([a.number, b.number]);
    expect(link.invoices[0].detail.lines[0]).toMatchObject({
      description: `Goods for ${a.number}`,
      quantity: '2',
    });
    const pdf = await client({ method: 'GET', url: link.invoices[1].detail.pdfUrl });
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain(b.number);
    // Nothing else: another invoice of the same customer is not behind the link.
    const elsewhere = await client({
      method: 'GET',
      url: `/api/v1/pay-links/${token}/invoices/${other.id}/pdf`,
    });
    expect(elsewhere.statusCode).toBe(404);

    // A part of it: the oldest due first. The link is then used.
    const paid = await payLink(client, token, {
      kind: 'card',
      methodToken: await enter(client, token),
      amount: 25_000,
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json().status).toBe('completed');
    const invoices = await db
      .selectFrom('invoices')
      .select(['id', 'open_amount', 'payment_status'])
      .where('id', 'in', [a.id, b.id])
      .execute();
    const byId = new Map(invoices.map((i) => [i.id, i]));
    expect(byId.get(a.id)).toMatchObject({ open_amount: 0n, payment_status: 'paid' });
    expect(byId.get(b.id)).toMatchObject({ open_amount: 5_000n, payment_status: 'partially_paid' });
    const again = await client({ method: 'GET', url: `/api/v1/pay-links/${token}` });
    expect(again.json().state).toBe('paid');
    // Used: its processor page no longer opens, so no second payment can start.
    const second = await client({
      method: 'POST',
      url: `/api/v1/pay-links/${token}/entry`,
      payload: { kind: 'card' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('pay_link_paid');

    // The receipt reaches those the e-mail reached, as the customer's messages.
    received.length = 0;
    await runJobs();
    const receipts = await Promise.all(received.map((r) => simpleParser(r.raw)));
    expect(received.flatMap((r) => r.to).sort()).toEqual(['ap@pn-one.example', 'owner@pn-one.example']);
    for (const r of receipts) expect(r.subject).toMatch(/^Receipt for your payment PAY-/);
    const activity = await owner({
      method: 'GET',
      url: `/api/v1/console/customers/${customerId}/messages?pageSize=20`,
    });
    expect(activity.statusCode, activity.body).toBe(200);
    expect(activity.json().total).toBe(4);
    expect(
      activity
        .json()
        .items.map((m: { template: string; status: string }) => `${m.template}:${m.status}`)
        .sort(),
    ).toEqual(['pay_now:sent', 'pay_now:sent', 'payment_receipt:sent', 'payment_receipt:sent']);
    const links = await owner({ method: 'GET', url: `/api/v1/console/invoices/${a.id}/pay-now-links` });
    expect(links.json().links.map((l: { state: string }) => l.state)).toEqual(['paid']);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', s.orgId)
      .where('entity_id', '=', body.payLinkId)
      .execute();
    expect(audit.map((x) => x.action)).toContain('pay_now.sent');
  });

  test('refused: another seller’s invoice, invoices of two customers, void, paid and in-flight ones; no contact', async () => {
    const one = await customerWith([['ap@pn-two.example', true]]);
    const two = await customerWith([['ap@pn-three.example', true]]);
    const a = await invoiceOf(one, '20.00');
    const b = await invoiceOf(two, '20.00');
    const foreignOrg = await createOrg(db);
    const foreignCustomer = await createCustomerAccount(db, foreignOrg.id, { currency: 'USD' });
    const foreign = await invoiceOf(foreignCustomer.id, '20.00', foreignOrg.id);
    const refused = async (invoiceIds: string[], status: number, code: string) => {
      const r = await send({ invoiceIds });
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json().code).toBe(code);
    };
    await refused([foreign.id], 404, 'not_found');
    await refused([a.id, foreign.id], 404, 'not_found');
    await refused([a.id, b.id], 422, 'customer_mismatch');

    const voided = await invoiceOf(one, '5.00');
    const voidIt = await owner({
      method: 'POST',
      url: `/api/v1/console/invoices/${voided.id}/void`,
      payload: { reason: 'Wrong price' },
    });
    expect(voidIt.statusCode, voidIt.body).toBeLessThan(300);
    await refused([voided.id], 409, 'invoice_not_open');

    // Paid through a first pay-now link: a second e-mail for it is refused.
    const paidInvoice = await invoiceOf(one, '7.00');
    const first = await send({ invoiceIds: [paidInvoice.id] });
    expect(first.statusCode).toBe(201);
    await runJobs();
    const token = tokenIn((await mailsTo('ap@pn-two.example')).at(-1)!)!;
    const client = from();
    expect(
      (await payLink(client, token, { kind: 'card', methodToken: await enter(client, token) })).statusCode,
    ).toBe(201);
    await refused([paidInvoice.id], 409, 'invoice_already_paid');

    // Money in flight (an ACH debit not yet settled): never chased.
    const inFlight = await invoiceOf(s.seller.account.id, '9.00');
    const ach = await s.pay({
      kind: 'ach',
      methodToken: await s.bank('000123456789'),
      achAuthorizationAccepted: true,
      allocations: [{ invoiceId: inFlight.id, amount: 1_800 }],
    });
    expect(ach.statusCode, ach.body).toBe(201);
    await refused([inFlight.id], 409, 'payment_in_progress');

    const silent = await customerWith([['statements@pn-four.example', false]]);
    const lonely = await invoiceOf(silent, '3.00');
    await refused([lonely.id], 422, 'pay_now_no_recipients');
    // Choosing the contact sends it anyway.
    const contacts = (
      await owner({ method: 'GET', url: `/api/v1/console/customers/${silent}/pay-now` })
    ).json().contacts;
    const chosen = await send({ invoiceIds: [lonely.id], contactIds: [contacts[0].id] });
    expect(chosen.statusCode, chosen.body).toBe(201);
    expect(chosen.json().recipients).toEqual(['statements@pn-four.example']);
  });

  test('an expired or revoked link shows why and takes no payment; the lifetime is the seller’s', async () => {
    const set = await owner({
      method: 'PUT',
      url: '/api/v1/console/settings/pay-now',
      payload: { linkDays: 3 },
    });
    expect(set.statusCode, set.body).toBe(200);
    const customerId = await customerWith([['ap@pn-five.example', true]]);
    const a = await invoiceOf(customerId, '30.00');
    const sent = (await send({ invoiceIds: [a.id] })).json();
    const days = (Date.parse(sent.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThanOrEqual(3);
    const revoked = (await send({ invoiceIds: [a.id] })).json();
    await runJobs();
    const mails = await mailsTo('ap@pn-five.example');
    const [expiringToken, revokedToken] = mails.map((m) => tokenIn(m)!);
    expect(mails[0]!.text).toContain('expires on');

    await db
      .updateTable('pay_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', sent.payLinkId)
      .execute();
    const cancel = await owner({
      method: 'POST',
      url: `/api/v1/console/pay-links/${revoked.payLinkId}/cancel`,
    });
    expect(cancel.statusCode).toBe(204);
    const client = from();
    // Which token is which does not matter: each is refused with its own reason.
    const answers = await Promise.all(
      [expiringToken!, revokedToken!].map((t) => client({ method: 'GET', url: `/api/v1/pay-links/${t}` })),
    );
    expect(
      answers.map((r) => r.statusCode),
      answers.map((r) => r.body).join('\n'),
    ).toEqual([410, 410]);
    expect(answers.map((r) => r.json().code).sort()).toEqual(['pay_link_cancelled', 'pay_link_expired']);
    for (const t of [expiringToken!, revokedToken!]) {
      const paid = await payLink(client, t, { kind: 'card', methodToken: 'pm_sb_x' });
      expect(paid.statusCode).toBe(410);
    }
    const listed = (
      await owner({ method: 'GET', url: `/api/v1/console/customers/${customerId}/pay-now` })
    ).json();
    expect(listed.linkDays).toBe(3);
    expect(listed.links.map((l: { state: string }) => l.state).sort()).toEqual(['cancelled', 'expired']);
    const payments = await db
      .selectFrom('payments')
      .select('id')
      .where('customer_id', '=', customerId)
      .execute();
    expect(payments).toHaveLength(0);
  });

  test('an address the server refuses for good falls back to the next contact, and the activity shows both', async () => {
    const customerId = await customerWith([
      ['bounce@pn-six.example', true],
      ['backup@pn-six.example', false],
    ]);
    const a = await invoiceOf(customerId, '12.00');
    expect((await send({ invoiceIds: [a.id] })).statusCode).toBe(201);
    await runJobs();
    expect(received.flatMap((r) => r.to)).toEqual(['backup@pn-six.example']);
    const copy = await simpleParser(received[0]!.raw);
    expect(copy.attachments.map((f) => f.filename)).toEqual([`${a.number}.pdf`]);
    expect(tokenIn(copy)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const activity = (
      await owner({ method: 'GET', url: `/api/v1/console/customers/${customerId}/messages` })
    ).json();
    const [latest, original] = activity.items;
    expect(original).toMatchObject({
      to: 'bounce@pn-six.example',
      status: 'fallback',
      fallbackTo: 'backup@pn-six.example',
      attempts: 1,
    });
    expect(original.lastError).toContain('550');
    expect(latest).toMatchObject({
      to: 'backup@pn-six.example',
      status: 'sent',
      fallbackOf: original.id,
      attachments: 1,
    });
    // Run again: nothing more is sent or copied.
    received.length = 0;
    await runJobs();
    expect(received).toHaveLength(0);
  });
});
