import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { describe, expect, test } from 'vitest';
import { addJob } from '../../src/db/jobs.ts';
import type { ContactMessage, Locale } from '../../src/db/schema.ts';
import { capturePayment } from '../../src/domain/payments/capture-payment.ts';
import {
  loadPaymentSettings,
  savePaymentSettings,
} from '../../src/domain/payments/payment-settings.repository.ts';
import {
  PAYMENT_RECEIPT_TASK,
  paymentReceiptJobKey,
  sendPaymentReceipt,
} from '../../src/domain/payments/send-payment-receipt.ts';
import { runJobsOnce } from '../../src/jobs/worker.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { createMailTransport } from '../../src/mail/transports.ts';
import { testDatabaseUrl } from '../support/db.ts';
import { luhnRuns, onlineSeller, useOnlinePaymentsApp } from '../support/online-payments.ts';

/**
 * The receipt e-mail of an online payment: queued by the step where the money arrives (a card
 * captured, an ACH debit settled), written by the `payment.receipt` job to each person who may pay
 * and each contact that asked for receipts, once, in their own language.
 */
const ctx = await useOnlinePaymentsApp();
const { db, config } = ctx;
const logger = pino({ level: 'silent' });
const mailer = createOutboxMailer(config);
const capture = createMailTransport({ smtpUrl: undefined });
const runJobs = () =>
  runJobsOnce({
    connectionString: testDatabaseUrl(),
    db,
    transport: capture,
    logger,
    mailer,
    publicUrl: config.publicUrl,
  });

/** A seller whose account admin reads Spanish, with contacts: one for receipts, one not, one the payer again. */
async function sellerWithRecipients() {
  const s = await onlineSeller(ctx);
  const { orgId, accountId, seller } = s;
  await db
    .updateTable('users')
    .set({ locale: 'es' })
    .where('id', '=', seller.customers.account_admin.id)
    .execute();
  const contact = (email: string | null, locale: Locale, receives: ContactMessage[]) =>
    db
      .insertInto('customer_contacts')
      .values({
        org_id: orgId,
        id: randomUUID(),
        account_id: accountId,
        name: `Contact ${email ?? 'phone'}`,
        email,
        phone: email ? null : '+1 555 0100',
        role: null,
        locale,
        receives,
      })
      .execute();
  await contact('ap@corner.example', 'es', ['invoices', 'receipts']);
  await contact('sales@corner.example', 'en', ['invoices', 'statements']);
  await contact(seller.customers.payer.email, 'es', ['receipts']);
  await contact(null, 'en', ['receipts']);
  return s;
}

async function receiptsOf(orgId: string, paymentId: string) {
  const payment = await db
    .selectFrom('payments')
    .select('number')
    .where('id', '=', paymentId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('mail_messages')
    .select(['to_address', 'locale', 'subject', 'text_body', 'html_body', 'status', 'sensitive'])
    .where('org_id', '=', orgId)
    .where('template', '=', 'payment_receipt')
    .where('subject', 'like', `%${payment.number}%`)
    .orderBy('to_address')
    .execute();
  return { number: payment.number, rows };
}

async function jobCount(key: string): Promise<number> {
  const row = await db
    .selectFrom('graphile_worker.jobs' as never)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('key' as never, '=', key as never)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('payment receipt e-mail', () => {
  test('a card payment: one receipt per person who may pay and contact for receipts, each in their language', async () => {
    const s = await sellerWithRecipients();
    const { seller, orgId } = s;
    const settings = await loadPaymentSettings(db, orgId);
    await savePaymentSettings(db, { orgId, settings: { ...settings, cardFeeBps: 300 }, updatedBy: null });
    const a = await s.invoice('150');
    const b = await s.invoice('80');
    const paid = await s.pay({
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
      saveMethod: true,
      allocations: [
        { invoiceId: a, amount: 15_000 },
        { invoiceId: b, amount: 3_000 },
      ],
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ status: 'completed', amount: 18_000, fee: 540, total: 18_540 });
    const paymentId: string = paid.json().id;
    // Queued with the capture, under its key.
    expect(await jobCount(paymentReceiptJobKey(paymentId))).toBe(1);

    await runJobs();

    const { number, rows } = await receiptsOf(orgId, paymentId);
    expect(rows.map((r) => [r.to_address, r.locale])).toEqual(
      [
        [seller.customers.account_admin.email.toLowerCase(), 'es'],
        [seller.customers.payer.email.toLowerCase(), 'en'],
        ['ap@corner.example', 'es'],
      ].sort((x, y) => x[0]!.localeCompare(y[0]!)),
    );
    // The accountant may not pay, and the sales contact did not ask for receipts.
    const addresses = rows.map((r) => r.to_address);
    expect(addresses).not.toContain(seller.customers.accountant.email.toLowerCase());
    expect(addresses).not.toContain('sales@corner.example');

    const invoiceNumbers = await db
      .selectFrom('invoices')
      .select(['id', 'number'])
      .where('id', 'in', [a, b])
      .execute();
    const numberOf = (id: string) => invoiceNumbers.find((i) => i.id === id)!.number;
    const en = rows.find((r) => r.locale === 'en')!;
    expect(en.subject).toBe(`Receipt for your payment ${number} to ${seller.org.name}`);
    expect(en.text_body).toContain(`Payment: ${number}`);
    expect(en.text_body).toMatch(/Method: Visa ·· 4242\n/);
    expect(en.text_body).toContain('Amount: $180.00\nConvenience fee: $5.40\nTotal charged: $185.40');
    expect(en.text_body).toContain(`- ${numberOf(a)}: $150.00\n- ${numberOf(b)}: $30.00`);
    expect(en.text_body).toContain(`${config.publicUrl}/portal/payments/${paymentId}`);
    expect(en.status).toBe('sent');
    // The link opens a sign-in; the message is no secret and stays readable in the outbox.
    expect(en.sensitive).toBe(false);
    expect(en.text_body).not.toMatch(/token=/);
    const es = rows.find((r) => r.to_address === 'ap@corner.example')!;
    expect(es.subject).toBe(`Recibo de tu pago ${number} a ${seller.org.name}`);
    expect(es.text_body).toContain('Importe: $180.00\nCargo por conveniencia: $5.40\nTotal cobrado: $185.40');
    expect(es.text_body).toContain('Método: Visa ·· 4242');
    expect(es.text_body).toContain(
      `Gracias: ${seller.org.name} recibió el pago de ${seller.account.name} que`,
    );
    for (const row of rows) {
      for (const part of [row.subject, row.text_body ?? '', row.html_body ?? '']) {
        expect(part).not.toContain('4242424242424242');
        expect(luhnRuns(part)).toEqual([]);
      }
    }

    // The job again, the step again, the use case again: nothing more is sent.
    await addJob(db, PAYMENT_RECEIPT_TASK, { orgId, paymentId }, { jobKey: paymentReceiptJobKey(paymentId) });
    await runJobs();
    expect(await capturePayment({ db }, { orgId, paymentId })).toBe('stale');
    expect(await jobCount(paymentReceiptJobKey(paymentId))).toBe(0);
    const twice = await Promise.all([
      sendPaymentReceipt({ db, mailer }, { orgId, paymentId }),
      sendPaymentReceipt({ db, mailer }, { orgId, paymentId }),
    ]);
    expect(twice).toEqual([{ sent: 0 }, { sent: 0 }]);
    expect((await receiptsOf(orgId, paymentId)).rows).toHaveLength(3);
  });

  test('concurrent runs of a fresh receipt claim it once', async () => {
    const s = await onlineSeller(ctx);
    const a = await s.invoice('25');
    const paid = await s.pay({
      kind: 'card',
      methodToken: await s.card('4242424242424242'),
      allocations: [{ invoiceId: a, amount: 2_500 }],
    });
    const paymentId: string = paid.json().id;
    const runs = await Promise.all(
      [1, 2, 3].map(() => sendPaymentReceipt({ db, mailer }, { orgId: s.orgId, paymentId })),
    );
    // The seed's account admin and payer: two recipients, written by exactly one of the runs.
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 0, 2]);
    const { rows } = await receiptsOf(s.orgId, paymentId);
    expect(rows).toHaveLength(2);
    // Not saved: the payment itself keeps the brand and last four the processor described. No link
    // without an address.
    expect(rows[0]!.text_body).toContain('Method: Visa ·· 4242\n');
    expect(rows[0]!.text_body).not.toContain('/portal/payments/');
    await runJobs();
    expect((await receiptsOf(s.orgId, paymentId)).rows).toHaveLength(2);
  });

  test('a declined card sends no receipt', async () => {
    const s = await sellerWithRecipients();
    const a = await s.invoice('40');
    const declined = await s.pay({
      kind: 'card',
      methodToken: await s.card('4000000000009995'),
      allocations: [{ invoiceId: a, amount: 4_000 }],
    });
    expect(declined.json().status).toBe('failed');
    const paymentId: string = declined.json().id;
    expect(await jobCount(paymentReceiptJobKey(paymentId))).toBe(0);
    await runJobs();
    // Even a job queued by mistake finds nothing to claim.
    expect(await sendPaymentReceipt({ db, mailer }, { orgId: s.orgId, paymentId })).toEqual({ sent: 0 });
    expect((await receiptsOf(s.orgId, paymentId)).rows).toEqual([]);
  });

  test('ACH: nothing while the debit is pending; the receipt when it settles; none for a debit that comes back', async () => {
    const s = await sellerWithRecipients();
    const a = await s.invoice('500');
    const pending = await s.pay({
      kind: 'ach',
      methodToken: await s.bank('000123456789'),
      saveMethod: true,
      achAuthorizationAccepted: true,
      allocations: [{ invoiceId: a, amount: 20_000 }],
    });
    expect(pending.json().status, pending.body).toBe('pending');
    const paymentId: string = pending.json().id;
    const b = await s.invoice('70');
    const bounced = await s.pay({
      kind: 'ach',
      methodToken: await s.bank('000111111116'),
      achAuthorizationAccepted: true,
      allocations: [{ invoiceId: b, amount: 7_000 }],
    });
    expect(bounced.json().status).toBe('pending');
    const bouncedId: string = bounced.json().id;

    await runJobs();
    expect((await receiptsOf(s.orgId, paymentId)).rows).toEqual([]);

    await s.advance(5);
    const settled = await db
      .selectFrom('payments')
      .select('status')
      .where('id', '=', paymentId)
      .executeTakeFirstOrThrow();
    expect(settled.status).toBe('completed');
    await runJobs();

    const { number, rows } = await receiptsOf(s.orgId, paymentId);
    expect(rows).toHaveLength(3);
    const en = rows.find((r) => r.locale === 'en')!;
    expect(en.subject).toContain(number);
    expect(en.text_body).toMatch(/Method: .+ ·· 6789\n/);
    expect(en.text_body).toContain('Total charged: $200.00');
    expect(en.text_body).not.toContain('Convenience fee');
    for (const row of rows) expect(row.text_body).not.toContain('000123456789');
    expect((await receiptsOf(s.orgId, bouncedId)).rows).toEqual([]);
    expect(await jobCount(paymentReceiptJobKey(bouncedId))).toBe(0);
  });
});
