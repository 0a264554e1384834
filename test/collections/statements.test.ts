import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, test } from 'vitest';
import { issueCreditMemo } from '../../src/domain/credits/issue-credit-memo.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { formatAmount } from '../../src/domain/money/format.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { buildStatement } from '../../src/domain/statements/build-statement.ts';
import { nextStatementRun } from '../../src/domain/statements/next-statement-run.ts';
import { sendStatement } from '../../src/domain/statements/send-statement.ts';
import { statementPdf } from '../../src/formats/pdf/statement-pdf.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';
import { addDays, todayIn } from '../support/dates.ts';
import { createCustomerAccount } from '../support/factories.ts';

/**
 * Statements of account: opening balance + the period's movements = closing balance, the aging at
 * the end adds up to it, the PDF says so (read back with pdftotext), it is e-mailed with its PDF
 * and a pay link, and the portal hands an account its own statement only.
 */
const { app, db } = await useTestApp();
const actor = {};
const seller = await seedSeller(db);
const other = await seedSeller(db, { name: 'Otro Vendedor' });
const orgId = seller.org.id;
const customer = seller.account;
await db
  .updateTable('customer_accounts')
  .set({ name: 'Ferretería Central' })
  .where('id', '=', customer.id)
  .execute();
await db
  .insertInto('customer_contacts')
  .values({
    org_id: orgId,
    id: uuidv7(),
    account_id: customer.id,
    name: 'Marta',
    email: 'marta@cliente.test',
    locale: 'es',
  })
  .execute();
const neighbour = await createCustomerAccount(db, orgId, { name: 'Vecino Ajeno' });

const T = todayIn(seller.org.time_zone);
let seq = 0;
async function invoice(customerId: string, pesos: number, issueDate: string, dueDate: string) {
  seq += 1;
  return createInvoice(
    { db },
    {
      orgId,
      customerId,
      number: `E-${seq}`,
      issueDate,
      dueDate,
      lines: [{ description: 'Producto', quantity: '1', unitPrice: pesos.toFixed(2) }],
      actor,
    },
  );
}
// Before the period: 1,000.00 open. In it: an invoice of 500.00, a credit of 120.00, a payment of 300.00.
const before = await invoice(customer.id, 1000, addDays(T, -70), addDays(T, -40));
await invoice(customer.id, 500, addDays(T, -20), addDays(T, 10));
await issueCreditMemo(
  { db },
  { orgId, customerId: customer.id, amount: 12_000n, issueDate: addDays(T, -15), actor },
);
await recordPayment(
  { db },
  {
    orgId,
    customerId: customer.id,
    amount: 30_000n,
    receivedOn: addDays(T, -10),
    method: 'bank_transfer',
    allocations: [{ invoiceId: before.id, amount: 30_000n }],
    actor,
  },
);
await invoice(neighbour.id, 999, addDays(T, -20), addDays(T, 10));
const from = addDays(T, -30);

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'statement-'));
  const file = join(dir, 'statement.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
const money = (minor: bigint) => formatAmount(minor, 'MXN', 'es-MX');

describe('a statement of account', () => {
  test('opening balance and the movements add up to the closing balance, and the aging to it', async () => {
    const view = await buildStatement({ db }, { orgId, customerId: customer.id, from, to: T });
    expect(view.openingBalance).toBe(100_000n);
    expect(view.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['invoice', 50_000n],
      ['credit', -12_000n],
      ['payment', -30_000n],
    ]);
    expect(view.closingBalance).toBe(108_000n);
    expect(view.openingBalance + view.lines.reduce((s, l) => s + l.amount, 0n)).toBe(view.closingBalance);
    const a = view.aging;
    expect(a.current + a.d1_30 + a.d31_60 + a.d61_90 + a.d90_plus).toBe(a.total);
    expect(a.total - a.unappliedCash - a.unappliedCredits).toBe(view.closingBalance);
    expect(a.d31_60).toBe(70_000n);
    expect(a.current).toBe(50_000n);
  });

  test('the PDF prints the balances, the movements and the aging (pdftotext)', async () => {
    const view = await buildStatement({ db }, { orgId, customerId: customer.id, from, to: T });
    const text = pdfText(await statementPdf(view));
    expect(text).toContain('Estado de cuenta');
    expect(text).toContain('Ferretería Central');
    expect(text).toContain('Saldo inicial');
    for (const amount of [100_000n, 50_000n, -12_000n, -30_000n, 108_000n, 70_000n])
      expect(text).toContain(money(amount));
    expect(text).toContain('ANTIGÜEDAD DEL SALDO AL CIERRE');
    expect(text).not.toContain('Vecino Ajeno');
    // The running balance ends on the closing balance.
    const paymentLine = text.split('\n').find((l) => /\bPago\b/.test(l) && l.includes(money(-30_000n)));
    expect(paymentLine).toContain(money(108_000n));
  });

  test('sent on demand: the PDF attached, a pay link, listed in the customer activity', async () => {
    const mailer = createOutboxMailer({ mailFrom: 'Saldo <no-reply@saldo.test>' });
    const { messages, statementId } = await sendStatement(
      { db, mailer, pdf: statementPdf, publicUrl: 'https://saldo.test', secretKey: Buffer.alloc(32, 7) },
      { orgId, customerId: customer.id, from, to: T, channel: 'on_demand', actor },
    );
    expect(messages).toBe(1);
    const message = await db
      .selectFrom('mail_messages')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('template', '=', 'statement')
      .executeTakeFirstOrThrow();
    expect(message.customer_id).toBe(customer.id);
    expect(message.to_address).toBe('marta@cliente.test');
    expect(message.text_body).toMatch(/https:\/\/saldo\.test\/pay\/[A-Za-z0-9_-]{43}/);
    expect(message.text_body).toContain(money(108_000n));
    const files = await db
      .selectFrom('mail_attachments')
      .select(['filename', 'content_type', 'content'])
      .where('message_id', '=', message.id)
      .execute();
    expect(files).toHaveLength(1);
    expect(files[0]!.content_type).toBe('application/pdf');
    expect(pdfText(files[0]!.content)).toContain(money(108_000n));
    const kept = await db
      .selectFrom('statements')
      .selectAll()
      .where('id', '=', statementId)
      .executeTakeFirstOrThrow();
    expect(kept.closing_balance).toBe(108_000n);
  });

  test('the portal hands an account its own statement, for any period, and nobody else', async () => {
    const session = await signInTo(app, seller.customers.payer.email, {
      kind: 'customer',
      orgId,
      accountId: customer.id,
    });
    const ok = await as(
      app,
      session,
    )({ method: 'GET', url: `/api/v1/portal/statement.pdf?from=${from}&to=${T}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    const text = pdfText(ok.rawPayload);
    expect(text).toContain('Ferretería Central');
    expect(text).not.toContain('Vecino Ajeno');
    // No way to name another account: unknown fields are refused.
    const sneaky = await as(
      app,
      session,
    )({
      method: 'GET',
      url: `/api/v1/portal/statement.pdf?from=${from}&to=${T}&customerId=${neighbour.id}`,
    });
    expect(sneaky.statusCode).toBe(400);
    // Another seller's customer gets its own (empty) statement, never this one's.
    const stranger = await signInTo(app, other.customers.payer.email, {
      kind: 'customer',
      orgId: other.org.id,
      accountId: other.account.id,
    });
    const theirs = await as(
      app,
      stranger,
    )({ method: 'GET', url: `/api/v1/portal/statement.pdf?from=${from}&to=${T}` });
    expect(theirs.statusCode).toBe(200);
    expect(pdfText(theirs.rawPayload)).not.toContain('Ferretería Central');
    // Staff do not use the portal route; theirs names the customer and stays in their seller.
    const staff = await signInTo(app, other.staff.admin.email, { kind: 'staff', orgId: other.org.id });
    expect(
      (await as(app, staff)({ method: 'GET', url: `/api/v1/portal/statement.pdf?from=${from}&to=${T}` }))
        .statusCode,
    ).toBe(403);
    const crossSeller = await as(
      app,
      staff,
    )({
      method: 'GET',
      url: `/api/v1/console/customers/${customer.id}/statement.pdf?from=${from}&to=${T}`,
    });
    expect(crossSeller.statusCode).toBe(404);
    const bad = await as(
      app,
      session,
    )({ method: 'GET', url: `/api/v1/portal/statement.pdf?from=${T}&to=${from}` });
    expect(bad.statusCode).toBe(400);
  });

  test('the monthly setting: off at first; saved by an owner or admin; says when the next go out', async () => {
    const admin = as(app, await signInTo(app, seller.staff.admin.email, { kind: 'staff', orgId }));
    const agent = as(app, await signInTo(app, seller.staff.ar_agent.email, { kind: 'staff', orgId }));
    const url = '/api/v1/console/settings/statements';
    expect((await agent({ method: 'GET', url })).json()).toEqual({
      enabled: false,
      dayOfMonth: 1,
      lastPeriod: null,
      nextRunOn: null,
      nextPeriod: null,
    });
    expect((await agent({ method: 'PUT', url, payload: { enabled: true, dayOfMonth: 5 } })).statusCode).toBe(
      403,
    );
    expect((await admin({ method: 'PUT', url, payload: { enabled: true, dayOfMonth: 29 } })).statusCode).toBe(
      400,
    );

    // Saving takes this month as done once its day has passed: nothing goes out at once.
    const month = T.slice(0, 7);
    const monthsBefore = (n: number) => {
      const d = new Date(`${month}-01T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() - n);
      return d.toISOString().slice(0, 7);
    };
    const nextMonth = monthsBefore(-1);
    const day = Number(T.slice(8, 10));
    const saved = await admin({ method: 'PUT', url, payload: { enabled: true, dayOfMonth: 28 } });
    expect(saved.statusCode).toBe(200);
    const expected =
      day >= 28
        ? { lastPeriod: monthsBefore(1), nextRunOn: `${nextMonth}-28`, nextPeriod: month }
        : { lastPeriod: monthsBefore(2), nextRunOn: `${month}-28`, nextPeriod: monthsBefore(1) };
    expect(saved.json()).toEqual({ enabled: true, dayOfMonth: 28, ...expected });
    expect((await agent({ method: 'GET', url })).json()).toEqual(saved.json());

    // A month left behind (Saldo stopped on the day) goes out at the next sweep: today.
    expect(nextStatementRun({ enabled: true, dayOfMonth: 1, lastPeriod: monthsBefore(3) }, T)).toEqual({
      runOn: T,
      period: monthsBefore(1),
    });
    expect(nextStatementRun({ enabled: false, dayOfMonth: 1, lastPeriod: null }, T)).toBeNull();
    expect(nextStatementRun({ enabled: true, dayOfMonth: 10, lastPeriod: '2026-11' }, '2026-12-31')).toEqual({
      runOn: '2027-01-10',
      period: '2026-12',
    });
    expect(nextStatementRun({ enabled: true, dayOfMonth: 10, lastPeriod: '2026-11' }, '2027-01-03')).toEqual({
      runOn: '2027-01-10',
      period: '2026-12',
    });

    const off = await admin({ method: 'PUT', url, payload: { enabled: false, dayOfMonth: 28 } });
    expect(off.json()).toMatchObject({ enabled: false, nextRunOn: null, nextPeriod: null });
  });

  test('a period that ends before it starts is refused, in the console too', async () => {
    const staff = as(app, await signInTo(app, seller.staff.viewer.email, { kind: 'staff', orgId }));
    const r = await staff({
      method: 'GET',
      url: `/api/v1/console/customers/${customer.id}/statement.pdf?from=${T}&to=${from}`,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('statement_period_invalid');
  });
});
