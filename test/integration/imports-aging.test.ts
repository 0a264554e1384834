import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../src/domain/errors.ts';
import { agingImporter } from '../../src/domain/integration/imports/aging-importer.ts';
import { correctAgingDifference } from '../../src/domain/integration/imports/correct-aging-difference.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { useTestDb } from '../support/db.ts';
import { addStaff, createCustomerAccount, createOrg, createUser } from '../support/factories.ts';
import { runStaged, type StagedRow } from '../support/import-kinds-engine.ts';

/**
 * The ERP's aging report against Saldo's open items: nothing applied, one review per difference,
 * and a difference the ERP shows as paid corrected on request with an ERP payment.
 */
const { db } = useTestDb();

async function seller() {
  const org = await createOrg(db, { default_currency: 'MXN' });
  const user = await createUser(db);
  await addStaff(db, org.id, user.id);
  const c1 = await createCustomerAccount(db, org.id, { erp_id: 'C-1', account_number: 'A-1' });
  const c2 = await createCustomerAccount(db, org.id, { erp_id: 'C-2', account_number: 'A-2' });
  const invoice = async (number: string, amount: string, customerId = c1.id) =>
    (
      await createInvoice(
        { db },
        {
          orgId: org.id,
          customerId,
          number,
          issueDate: '2025-01-01',
          lines: [{ description: 'Mercancía', quantity: '1', unitPrice: amount }],
          actor: {},
        },
      )
    ).id;
  const run = (rows: StagedRow[], mode: 'all' | 'rows' = 'all') =>
    runStaged(db, {
      orgId: org.id,
      kind: 'aging',
      importer: agingImporter,
      rows,
      mode,
      actor: { userId: user.id },
    });
  const reviews = () =>
    db
      .selectFrom('import_reviews')
      .select(['id', 'kind', 'document_id', 'erp_id', 'reason', 'params', 'status', 'resolved_by'])
      .where('org_id', '=', org.id)
      .orderBy('erp_id')
      .execute();
  const open = async (id: string) =>
    (
      await db
        .selectFrom('invoices')
        .select('open_amount')
        .where('org_id', '=', org.id)
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).open_amount;
  return { org, user, c1, c2, invoice, run, reviews, open };
}

async function journalNetsToZero(orgId: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from (
      select e.id from journal_entries e join journal_lines l on l.org_id = e.org_id and l.entry_id = e.id
       where e.org_id = ${orgId} group by e.id having sum(l.amount) <> 0) x`.execute(db);
  return rows[0]!.n === 0;
}

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? { code: e.code, params: e.params } : e),
  );

describe('importing the ERP’s aging report', () => {
  test('lists each difference once, changes nothing, and corrects what the ERP shows as paid', async () => {
    const s = await seller();
    const f1 = await s.invoice('F-1', '100.00');
    const f2 = await s.invoice('F-2', '50.00');
    const f3 = await s.invoice('F-3', '80.00');
    const f4 = await s.invoice('F-4', '10.00');
    await s.invoice('F-5', '5.00');
    await s.invoice('F-9', '99.00', s.c2.id); // a customer the file does not list
    await recordPayment(
      { db },
      {
        orgId: s.org.id,
        customerId: s.c1.id,
        amount: 2000n,
        receivedOn: '2025-01-05',
        method: 'cash',
        allocations: [{ invoiceId: f2, amount: 2000n }],
        actor: {},
      },
    );
    const rows = [
      { customer_erp_id: 'C-1', document_number: 'F-1', open_amount: '100' },
      { customer_erp_id: 'A-1', document_number: 'F-2', open_amount: '30.00', document_type: 'invoice' },
      { customer_erp_id: 'C-1', document_number: 'F-3', open_amount: '50' },
      { customer_erp_id: 'C-1', document_number: 'F-NEW', open_amount: '40' },
      { customer_erp_id: 'C-1', document_number: 'F-5', open_amount: '5', currency: 'USD' },
      { customer_erp_id: 'C-1', document_number: 'F-OLD', open_amount: '0' },
    ];
    const first = await s.run(rows);
    expect(first.errors).toEqual([]);
    expect(first.counts).toMatchObject({ documents: 6, unchanged: 3, flagged: 4, created: 0, updated: 0 });
    expect([await s.open(f1), await s.open(f3), await s.open(f4)]).toEqual([10000n, 8000n, 1000n]);
    const listed = await s.reviews();
    expect(listed).toMatchObject([
      {
        erp_id: 'F-3',
        kind: 'aging',
        document_id: f3,
        reason: 'open_amount_differs',
        params: { number: 'F-3', type: 'invoice', currency: 'MXN', erpOpen: '5000', saldoOpen: '8000' },
        status: 'open',
      },
      {
        erp_id: 'F-4',
        document_id: f4,
        reason: 'open_in_saldo_only',
        params: { number: 'F-4', type: 'invoice', currency: 'MXN', erpOpen: '0', saldoOpen: '1000' },
      },
      {
        erp_id: 'F-5',
        reason: 'currency_differs',
        params: { number: 'F-5', erpCurrency: 'USD', saldoCurrency: 'MXN' },
      },
      {
        erp_id: 'F-NEW',
        document_id: null,
        reason: 'missing_in_saldo',
        params: { number: 'F-NEW', type: 'invoice', currency: 'MXN', erpOpen: '4000' },
      },
    ]);

    const again = await s.run(rows);
    expect(again.counts).toMatchObject({ unchanged: 3, flagged: 4 });
    expect(await s.reviews()).toHaveLength(4);

    const byReason = (erpId: string) => listed.find((r) => r.erp_id === erpId)!.id;
    const corrected = await correctAgingDifference(
      { db },
      { orgId: s.org.id, reviewId: byReason('F-3'), actor: { userId: s.user.id } },
    );
    expect(corrected.payment).toMatchObject({ amount: 3000n, number: expect.stringMatching(/^PAY-\d{6}$/) });
    expect(await s.open(f3)).toBe(5000n);
    const payment = await db
      .selectFrom('payments')
      .selectAll()
      .where('org_id', '=', s.org.id)
      .where('id', '=', corrected.payment!.id)
      .executeTakeFirstOrThrow();
    expect(payment).toMatchObject({
      source: 'erp',
      method: 'other',
      amount: 3000n,
      unapplied_amount: 0n,
      customer_id: s.c1.id,
    });
    const f4Fixed = await correctAgingDifference(
      { db },
      { orgId: s.org.id, reviewId: byReason('F-4'), actor: {} },
    );
    expect(f4Fixed.payment).toMatchObject({ amount: 1000n });
    expect(await s.open(f4)).toBe(0n);
    expect(await journalNetsToZero(s.org.id)).toBe(true);
    const audited = await db
      .selectFrom('audit_log')
      .select(['action', 'after', 'actor_user_id'])
      .where('org_id', '=', s.org.id)
      .where('entity_id', '=', byReason('F-3'))
      .execute();
    expect(audited).toMatchObject([
      {
        action: 'import_review.resolved',
        actor_user_id: s.user.id,
        after: { status: 'resolved', reason: 'open_amount_differs', paymentId: corrected.payment!.id },
      },
    ]);
    expect((await s.reviews()).filter((r) => r.status === 'resolved').map((r) => r.erp_id)).toEqual([
      'F-3',
      'F-4',
    ]);

    expect(
      await caught(correctAgingDifference({ db }, { orgId: s.org.id, reviewId: byReason('F-3'), actor: {} })),
    ).toEqual({
      code: 'conflict',
      params: {},
    });
    for (const erpId of ['F-NEW', 'F-5'])
      expect(
        await caught(
          correctAgingDifference({ db }, { orgId: s.org.id, reviewId: byReason(erpId), actor: {} }),
        ),
      ).toEqual({
        code: 'aging_import_document',
        params: { number: erpId },
      });
    const other = await createOrg(db);
    expect(
      await caught(
        correctAgingDifference({ db }, { orgId: other.id, reviewId: byReason('F-NEW'), actor: {} }),
      ),
    ).toMatchObject({
      code: 'not_found',
    });

    // F-3 matches now: the next report lists it as unchanged.
    const third = await s.run(rows);
    expect(third.counts).toMatchObject({ unchanged: 4, flagged: 2 });
  });

  test('the ERP showing more open than Saldo is not corrected here; credit memos and payments are compared by size', async () => {
    const s = await seller();
    await s.invoice('F-1', '100.00');
    await recordPayment(
      { db },
      {
        orgId: s.org.id,
        customerId: s.c1.id,
        amount: 2500n,
        receivedOn: '2025-01-05',
        method: 'cash',
        actor: {},
      },
    );
    const cash = await db
      .selectFrom('payments')
      .select('number')
      .where('org_id', '=', s.org.id)
      .executeTakeFirstOrThrow();
    const result = await s.run([
      { customer_erp_id: 'C-1', document_number: 'F-1', open_amount: '120' },
      { customer_erp_id: 'C-1', document_number: cash.number, document_type: 'payment', open_amount: '-25' },
    ]);
    expect(result.counts).toMatchObject({ unchanged: 1, flagged: 1 });
    const [review] = await s.reviews();
    expect(
      await caught(correctAgingDifference({ db }, { orgId: s.org.id, reviewId: review!.id, actor: {} })),
    ).toEqual({
      code: 'aging_erp_higher',
      params: { number: 'F-1' },
    });
  });

  test('bad rows are reported by line; row mode compares the rest', async () => {
    const s = await seller();
    await s.invoice('F-1', '100.00');
    await s.invoice('F-2', '1.00'); // named on a rejected row: not "open in Saldo only"
    const other = await createOrg(db);
    await createCustomerAccount(db, other.id, { erp_id: 'X-1' });
    const rows = [
      { customer_erp_id: 'C-1', document_number: 'F-1', open_amount: '100' },
      { customer_erp_id: 'X-1', document_number: 'F-1', open_amount: '100' },
      { customer_erp_id: 'C-1', document_number: 'F-1', open_amount: '100' },
      { customer_erp_id: 'C-1', document_number: 'F-2', open_amount: '1.001' },
    ];
    const all = await s.run(rows);
    expect(all.applied).toBe(false);
    expect(all.errors).toEqual([
      { line: 3, field: 'customer_erp_id', code: 'unknown_customer', params: { customer: 'X-1' } },
      { line: 4, field: 'document_number', code: 'duplicate_in_file', params: { number: 'F-1', line: 2 } },
      { line: 5, field: 'open_amount', code: 'too_many_decimals', params: { digits: 2 } },
    ]);
    expect(await s.reviews()).toEqual([]);
    const byRow = await s.run(rows, 'rows');
    expect(byRow.counts).toMatchObject({ documents: 4, rejected: 3, unchanged: 1, flagged: 0 });
  });
});
