import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { paymentsImporter } from '../../src/domain/integration/imports/payments-importer.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { useTestDb } from '../support/db.ts';
import { addStaff, createCustomerAccount, createOrg, createUser } from '../support/factories.ts';
import { ledgerProblems, runStaged, type StagedRow } from '../support/import-kinds-engine.ts';

/**
 * Payments recorded in the ERP: recorded and applied as record-payment does (numbering, journal,
 * open amounts), never over an invoice's open amount or the payment's, never edited when seen again.
 */
const { db } = useTestDb();

async function seller() {
  const org = await createOrg(db, { default_currency: 'MXN' });
  const user = await createUser(db);
  await addStaff(db, org.id, user.id);
  const customer = await createCustomerAccount(db, org.id, { erp_id: 'C-1', account_number: 'A-1' });
  const invoice = async (number: string, amount: string, customerId = customer.id) =>
    createInvoice(
      { db },
      {
        orgId: org.id,
        customerId,
        number,
        issueDate: '2025-01-01',
        lines: [{ description: 'Mercancía', quantity: '1', unitPrice: amount }],
        actor: {},
      },
    );
  const run = (rows: StagedRow[], mode: 'all' | 'rows' = 'all') =>
    runStaged(db, {
      orgId: org.id,
      kind: 'payments',
      importer: paymentsImporter,
      rows,
      mode,
      actor: { userId: user.id },
    });
  const payment = (erpId: string) =>
    db
      .selectFrom('payments')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('erp_id', '=', erpId)
      .executeTakeFirst();
  const open = async (number: string) =>
    (
      await db
        .selectFrom('invoices')
        .select('open_amount')
        .where('org_id', '=', org.id)
        .where('number', '=', number)
        .executeTakeFirstOrThrow()
    ).open_amount;
  const entries = async () =>
    (
      await db
        .selectFrom('journal_entries')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('org_id', '=', org.id)
        .executeTakeFirstOrThrow()
    ).n;
  return { org, user, customer, invoice, run, payment, open, entries };
}

const p1 = {
  erp_id: 'R-1',
  customer_erp_id: 'C-1',
  received_on: '2025-01-10',
  amount: '100.00',
  reference: 'SPEI 123',
};

describe('importing payments recorded in the ERP', () => {
  test('records, numbers, posts and applies each payment; the rest stays unapplied; twice is unchanged', async () => {
    const s = await seller();
    await s.invoice('F-1', '60.00');
    await s.invoice('F-2', '50.00');
    await s.invoice('F-3', '20.00');
    const manual = await recordPayment(
      { db },
      {
        orgId: s.org.id,
        customerId: s.customer.id,
        amount: 500n,
        receivedOn: '2025-01-02',
        method: 'cash',
        actor: {},
      },
    );
    expect(manual.number).toBe('PAY-000001');
    await db
      .insertInto('webhook_endpoints')
      .values({
        org_id: s.org.id,
        id: crypto.randomUUID(),
        url: 'https://erp.example.test/hooks',
        event_types: ['payment.succeeded', 'invoice.paid'],
        secret_sealed: 'sealed',
        secret_last4: 'abcd',
      })
      .execute();
    const rows = [
      { ...p1, invoice_number: 'F-1', applied_amount: '60' },
      {
        erp_id: 'R-2',
        customer_erp_id: 'A-1',
        received_on: '2025-01-11',
        amount: '20',
        method: 'check',
        invoice_number: 'F-3',
      },
      { ...p1, invoice_number: 'F-2', applied_amount: '30.00' },
      { erp_id: 'R-3', customer_erp_id: 'C-1', received_on: '2025-01-12', amount: '7.5', currency: 'MXN' },
    ];
    const first = await s.run(rows);
    expect(first.errors).toEqual([]);
    expect(first.counts).toMatchObject({
      documents: 3,
      created: 3,
      unchanged: 0,
      flagged: 0,
      sums: [{ currency: 'MXN', amount: '12750' }],
    });
    expect(await s.payment('R-1')).toMatchObject({
      number: 'PAY-000002',
      source: 'erp',
      method: 'other',
      reference: 'SPEI 123',
      amount: 10000n,
      unapplied_amount: 1000n,
      received_on: '2025-01-10',
      currency: 'MXN',
      status: 'completed',
      processor: null,
      created_by: s.user.id,
    });
    expect(await s.payment('R-2')).toMatchObject({
      number: 'PAY-000003',
      method: 'check',
      unapplied_amount: 0n,
    });
    expect(await s.payment('R-3')).toMatchObject({
      number: 'PAY-000004',
      amount: 750n,
      unapplied_amount: 750n,
    });
    expect([await s.open('F-1'), await s.open('F-2'), await s.open('F-3')]).toEqual([0n, 2000n, 0n]);
    expect(await ledgerProblems(db, s.org.id)).toEqual([]);
    // The ERP's listeners hear of each payment as of one recorded by hand, with the ERP's id beside Saldo's.
    const events = await db
      .selectFrom('integration_events')
      .select('body')
      .where('org_id', '=', s.org.id)
      .where('type', '=', 'payment.succeeded')
      .execute();
    const bodies = events.map((e) => JSON.parse(e.body).data);
    expect(bodies.find((d) => d.paymentErpId === 'R-1')).toMatchObject({
      number: 'PAY-000002',
      amount: '10000',
      applied: '9000',
      source: 'erp',
      method: 'other',
    });
    expect(bodies.filter((d) => d.source === 'erp')).toHaveLength(3);
    const paid = await db
      .selectFrom('integration_events')
      .select('body')
      .where('org_id', '=', s.org.id)
      .where('type', '=', 'invoice.paid')
      .execute();
    const paidR1 = (await s.payment('R-1'))!.id;
    const paidR2 = (await s.payment('R-2'))!.id;
    expect(
      paid.map((e) => JSON.parse(e.body).data).sort((a, b) => a.number.localeCompare(b.number)),
    ).toMatchObject([
      { number: 'F-1', total: '6000', paidBy: { kind: 'payment', paymentId: paidR1 } },
      { number: 'F-3', total: '2000', paidBy: { kind: 'payment', paymentId: paidR2 } },
    ]);
    const journal = await s.entries();

    const second = await s.run(rows);
    expect(second.errors).toEqual([]);
    expect(second.counts).toMatchObject({ documents: 3, created: 0, unchanged: 3, flagged: 0, sums: [] });
    expect(await s.entries()).toBe(journal);
    expect(await s.open('F-2')).toBe(2000n);
    const next = await recordPayment(
      { db },
      {
        orgId: s.org.id,
        customerId: s.customer.id,
        amount: 100n,
        receivedOn: '2025-01-13',
        method: 'cash',
        actor: {},
      },
    );
    expect(next.number).toBe('PAY-000005');
  });

  test('the same file imported twice at once records each payment once', async () => {
    const s = await seller();
    await s.invoice('F-1', '100.00');
    const rows = [{ ...p1, invoice_number: 'F-1', applied_amount: '60' }];
    const [a, b] = await Promise.all([s.run(rows), s.run(rows)]);
    expect([a.counts.created, b.counts.created].sort()).toEqual([0, 1]);
    expect([a.counts.unchanged, b.counts.unchanged].sort()).toEqual([0, 1]);
    expect(await s.open('F-1')).toBe(4000n);
    expect(await ledgerProblems(db, s.org.id)).toEqual([]);
  });

  test('a payment seen before with other data is flagged for review once, never edited', async () => {
    const s = await seller();
    await s.invoice('F-1', '100.00');
    await s.run([{ ...p1, invoice_number: 'F-1', applied_amount: '40' }]);
    const before = await s.payment('R-1');
    const changed = [{ ...p1, amount: '90', invoice_number: 'F-1', applied_amount: '50' }];
    const result = await s.run(changed);
    expect(result.errors).toEqual([]);
    expect(result.counts).toMatchObject({ documents: 1, created: 0, unchanged: 0, flagged: 1 });
    expect(await s.payment('R-1')).toEqual(before);
    expect(await s.open('F-1')).toBe(6000n);
    const reviews = await db
      .selectFrom('import_reviews')
      .selectAll()
      .where('org_id', '=', s.org.id)
      .execute();
    expect(reviews).toMatchObject([
      {
        kind: 'payment',
        document_id: before!.id,
        erp_id: 'R-1',
        reason: 'payment_changed',
        status: 'open',
        params: { number: before!.number, fields: 'amount, applications' },
        import_id: result.importId,
      },
    ]);
    const again = await s.run(changed);
    expect(again.counts).toMatchObject({ flagged: 1 });
    expect(
      await db.selectFrom('import_reviews').select('id').where('org_id', '=', s.org.id).execute(),
    ).toHaveLength(1);
  });

  test('bad rows are reported by line; the whole payment is rejected; row mode records the good ones', async () => {
    const s = await seller();
    await s.invoice('F-1', '100.00');
    await s.invoice('F-2', '100.00');
    await s.invoice('F-P', '100.00');
    await db
      .updateTable('invoices')
      .set({ pending_amount: 7000n })
      .where('org_id', '=', s.org.id)
      .where('number', '=', 'F-P')
      .execute();
    const other = await createOrg(db, { default_currency: 'MXN' });
    const outsider = await createCustomerAccount(db, other.id, { erp_id: 'X-1' });
    await createInvoice(
      { db },
      {
        orgId: other.id,
        customerId: outsider.id,
        number: 'F-X',
        issueDate: '2025-01-01',
        lines: [{ description: 'x', quantity: '1', unitPrice: '10' }],
        actor: {},
      },
    );
    const otherCustomer = await createCustomerAccount(db, s.org.id, { erp_id: 'C-2' });
    await s.invoice('F-C2', '10.00', otherCustomer.id);
    const rows: StagedRow[] = [
      { ...p1, erp_id: 'OK', invoice_number: 'F-1', applied_amount: '70' }, // 2
      { ...p1, erp_id: 'OVER-INV', invoice_number: 'F-1', applied_amount: '40' }, // 3: only 30 left after line 2
      { ...p1, erp_id: 'OVER-PAY', invoice_number: 'F-2', applied_amount: '60' }, // 4
      { ...p1, erp_id: 'OVER-PAY', invoice_number: 'F-P', applied_amount: '30' }, // 5
      { ...p1, erp_id: 'OVER-PAY', invoice_number: 'F-2', applied_amount: '20' }, // 6: Σ 110 > 100
      { ...p1, erp_id: 'PENDING', invoice_number: 'F-P', applied_amount: '31' }, // 7
      { ...p1, erp_id: 'X', customer_erp_id: 'X-1' }, // 8: another seller's customer
      { ...p1, erp_id: 'FOREIGN', invoice_number: 'F-X' }, // 9: another seller's invoice
      { ...p1, erp_id: 'MINE', invoice_number: 'F-C2' }, // 10: another customer's invoice
      { ...p1, erp_id: 'DIFF' }, // 11
      { ...p1, erp_id: 'DIFF', amount: '99' }, // 12
      { ...p1, erp_id: 'FUTURE', received_on: '2150-01-01' }, // 13
      { ...p1, erp_id: 'EUR', currency: 'EUR' }, // 14
      { ...p1, erp_id: 'CENTS', amount: '1.001' }, // 15
      { ...p1, erp_id: 'NOINV', applied_amount: '5' }, // 16
      { ...p1, erp_id: 'TWO', invoice_number: 'F-2' }, // 17
      { ...p1, erp_id: 'TWO', invoice_number: 'F-1' }, // 18
    ];
    const all = await s.run(rows);
    expect(all.applied).toBe(false);
    expect(all.errors).toEqual(
      [
        {
          line: 6,
          field: 'applied_amount',
          code: 'exceeds_payment_amount',
          params: { amount: '100.00', currency: 'MXN' },
        },
        {
          line: 7,
          field: 'applied_amount',
          code: 'exceeds_open_amount',
          params: { number: 'F-P', currency: 'MXN', available: '30' },
        },
        {
          line: 3,
          field: 'applied_amount',
          code: 'exceeds_open_amount',
          params: { number: 'F-1', currency: 'MXN', available: '30' },
        },
        { line: 8, field: 'customer_erp_id', code: 'unknown_customer', params: { customer: 'X-1' } },
        { line: 9, field: 'invoice_number', code: 'unknown_invoice', params: { number: 'F-X' } },
        { line: 10, field: 'invoice_number', code: 'invoice_other_customer', params: { number: 'F-C2' } },
        { line: 12, field: 'amount', code: 'payment_fields_differ', params: { line: 11 } },
        { line: 13, field: 'received_on', code: 'date_in_future', params: { today: expect.any(String) } },
        {
          line: 14,
          field: 'currency',
          code: 'currency_not_offered',
          params: { currency: 'EUR', currencies: 'MXN' },
        },
        { line: 15, field: 'amount', code: 'too_many_decimals', params: { digits: 2 } },
        { line: 16, field: 'applied_amount', code: 'applied_without_invoice', params: {} },
        { line: 17, field: 'applied_amount', code: 'applied_amount_required', params: {} },
        { line: 18, field: 'applied_amount', code: 'applied_amount_required', params: {} },
      ].sort((a, b) => a.line - b.line),
    );
    expect(await s.payment('OK')).toBeUndefined();

    const byRow = await s.run(rows, 'rows');
    expect(byRow.counts).toMatchObject({ documents: 13, created: 1, rejected: 12 });
    expect(await s.open('F-1')).toBe(3000n);
    expect(await s.open('F-P')).toBe(10000n);
    expect(await ledgerProblems(db, s.org.id)).toEqual([]);
  });
});
