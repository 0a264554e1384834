import { describe, expect, test } from 'vitest';
import { applyCredit } from '../../src/domain/credits/apply-credit.ts';
import { useTestDb } from '../support/db.ts';
import { addStaff, createCustomerAccount, createOrg, createUser } from '../support/factories.ts';
import { importRecords, ledgerProblems } from '../support/import-engine.ts';

/** Credit memos from the ERP: issued, applied to their invoice, upserted by ERP id, voided, flagged. */
const { db } = useTestDb();

const invoiceHeader = [
  'number',
  'customer_erp_id',
  'issue_date',
  'line_description',
  'line_quantity',
  'line_unit_price',
];
const header = [
  'number',
  'erp_id',
  'customer_erp_id',
  'invoice_number',
  'issue_date',
  'amount',
  'reason',
  'status',
];

async function seller() {
  const org = await createOrg(db);
  const user = await createUser(db);
  await addStaff(db, org.id, user.id);
  const customer = await createCustomerAccount(db, org.id, { erp_id: 'CLI-1' });
  const actor = { userId: user.id };
  // Two invoices of 100.00 from the ERP to credit.
  await importRecords(db, {
    orgId: org.id,
    kind: 'invoices',
    header: invoiceHeader,
    records: ['F-1', 'F-2'].map((number) => ({
      number,
      customer_erp_id: 'CLI-1',
      issue_date: '2026-03-01',
      line_description: 'Servicio',
      line_quantity: '1',
      line_unit_price: '100',
    })),
  });
  return { org, customer, actor };
}

type Rec = Record<string, string | null>;
const memo = (over: Rec): Rec => ({
  customer_erp_id: 'CLI-1',
  issue_date: '2026-03-10',
  amount: '30.00',
  ...over,
});
const run = (orgId: string, records: Rec[], mode: 'all' | 'rows' = 'all') =>
  importRecords(db, { orgId, kind: 'credit_memos', header, records, settings: { mode } });

const memoOf = (orgId: string, number: string) =>
  db
    .selectFrom('credit_memos')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
const invoiceOf = (orgId: string, number: string) =>
  db
    .selectFrom('invoices')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('number', '=', number)
    .executeTakeFirstOrThrow();

describe('credit memos import', () => {
  test('issued and applied to the invoice named, as the credits’ own rules apply them; twice is a no-op', async () => {
    const { org } = await seller();
    const records = [
      memo({ number: 'NC-1', invoice_number: 'F-1', amount: '30,00' }),
      memo({ number: 'NC-2', invoice_number: 'F-2', amount: '150,00' }),
      memo({ number: 'NC-3', reason: 'Bonificación', amount: '$30' }),
      // A second memo on F-1: it takes what F-1 still owes after NC-1.
      memo({ number: 'NC-4', invoice_number: 'F-1', amount: '80,00' }),
    ];
    const first = await importRecords(db, {
      orgId: org.id,
      kind: 'credit_memos',
      header,
      records,
      settings: { decimalMark: ',' },
    });
    expect(first.errors).toEqual([]);
    expect(first.summary).toMatchObject({ documents: 4, created: 4, committed: true });
    expect(first.summary.sums).toEqual([{ currency: 'MXN', amount: '29000' }]);
    expect((await invoiceOf(org.id, 'F-1')).open_amount).toBe(0n);
    expect((await memoOf(org.id, 'NC-4')).unapplied_amount).toBe(1000n);
    // More credit than the invoice owes: it is paid off, the rest stays on the account.
    expect((await invoiceOf(org.id, 'F-2')).open_amount).toBe(0n);
    expect((await memoOf(org.id, 'NC-2')).unapplied_amount).toBe(5000n);
    expect((await memoOf(org.id, 'NC-3')).unapplied_amount).toBe(3000n);
    expect(await ledgerProblems(db, org.id)).toEqual([]);
    const again = await importRecords(db, {
      orgId: org.id,
      kind: 'credit_memos',
      header,
      records,
      settings: { decimalMark: ',' },
    });
    expect(again.summary).toMatchObject({ documents: 4, unchanged: 4, created: 0, committed: false });
  });

  test('bad rows: unknown customer or invoice, another customer’s invoice, duplicates, nothing positive', async () => {
    const { org } = await seller();
    await createCustomerAccount(db, org.id, { erp_id: 'CLI-2' });
    const { errors, summary } = await run(
      org.id,
      [
        memo({ number: 'NC-1', customer_erp_id: 'NADIE' }),
        memo({ number: 'NC-2', invoice_number: 'F-404' }),
        memo({ number: 'NC-3', customer_erp_id: 'CLI-2', invoice_number: 'F-1' }),
        memo({ number: 'NC-4' }),
        memo({ number: 'NC-4', erp_id: 'other' }),
        memo({ number: 'NC-5', amount: '0' }),
        memo({ number: 'NC-6', amount: '1.005' }),
      ],
      'rows',
    );
    expect(errors).toEqual([
      { line: 2, column: 'customer_erp_id', code: 'unknown_customer', params: { customer: 'NADIE' } },
      { line: 3, column: 'invoice_number', code: 'unknown_invoice', params: { number: 'F-404' } },
      { line: 4, column: 'invoice_number', code: 'invoice_other_customer', params: { number: 'F-1' } },
      { line: 6, column: 'number', code: 'duplicate_in_file', params: { number: 'NC-4' } },
      { line: 7, column: 'amount', code: 'amount_not_positive', params: { number: 'NC-5' } },
      { line: 8, column: 'amount', code: 'too_precise', params: { digits: 2 } },
    ]);
    expect(summary).toMatchObject({ documents: 7, created: 1, rejected: 6 });
  });

  test('a changed amount is adjusted; below what is applied it is flagged; void reverses the issue', async () => {
    const { org, actor } = await seller();
    await run(org.id, [memo({ number: 'NC-1', invoice_number: 'F-1' }), memo({ number: 'NC-2' })]);
    const up = await run(org.id, [
      memo({ number: 'NC-1', invoice_number: 'F-1', amount: '40' }),
      memo({ number: 'NC-2' }),
    ]);
    expect(up.summary).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await memoOf(org.id, 'NC-1')).toMatchObject({ amount: 4000n, unapplied_amount: 1000n });
    const down = await run(org.id, [memo({ number: 'NC-1', invoice_number: 'F-1', amount: '10' })]);
    expect(down.summary).toMatchObject({ flagged: 1, updated: 0 });
    expect(await memoOf(org.id, 'NC-1')).toMatchObject({ amount: 4000n });
    const nc2 = await memoOf(org.id, 'NC-2');
    const voided = await run(org.id, [memo({ number: 'NC-2', status: 'cancelada' })]);
    expect(voided.summary).toMatchObject({ voided: 1 });
    expect(await memoOf(org.id, 'NC-2')).toMatchObject({ status: 'void' });
    const refused = await run(org.id, [
      memo({ number: 'NC-1', invoice_number: 'F-1', amount: '40', status: 'void' }),
    ]);
    expect(refused.errors).toEqual([
      { line: 2, column: 'status', code: 'credit_memo_has_applications', params: { number: 'NC-1' } },
    ]);
    const f2 = await invoiceOf(org.id, 'F-2');
    await expect(
      applyCredit(
        { db },
        { orgId: org.id, creditMemoId: nc2.id, allocations: [{ invoiceId: f2.id, amount: 100n }], actor },
      ),
    ).rejects.toMatchObject({ code: 'credit_memo_void' });
    expect(await ledgerProblems(db, org.id)).toEqual([]);
  });
});
