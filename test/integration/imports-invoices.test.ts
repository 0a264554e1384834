import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildInvoiceDocument } from '../../src/domain/documents/invoice-document.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { loadInvoice } from '../../src/domain/invoices/invoices.repository.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { invoicePdf } from '../../src/formats/pdf/invoice-pdf.ts';
import { useTestDb } from '../support/db.ts';
import { addStaff, createCustomerAccount, createOrg, createUser } from '../support/factories.ts';
import { importRecords, ledgerProblems } from '../support/import-engine.ts';

/**
 * Invoices from the ERP through the import engine (runImport): grouped by number, computed with
 * the console's one rule, posted like console invoices, upserted by ERP id — and every bad input
 * of issue 9 that is an invoice's reported with its line and column, nothing half applied.
 */
const { db } = useTestDb();

const header = [
  'number',
  'erp_id',
  'customer_erp_id',
  'issue_date',
  'due_date',
  'currency',
  'status',
  'total',
  'order_reference',
  'notes',
  'line_description',
  'line_quantity',
  'line_unit_price',
  'line_discount',
  'line_tax_rate',
  'line_tax_amount',
  'fee_name',
  'fee_amount',
];

async function seller() {
  const org = await createOrg(db);
  const user = await createUser(db);
  await addStaff(db, org.id, user.id);
  const customer = await createCustomerAccount(db, org.id, { erp_id: 'CLI-1', payment_terms_days: 30 });
  return { org, user, customer, actor: { userId: user.id } };
}

type Rec = Record<string, string | null>;
const line = (over: Rec): Rec => ({
  customer_erp_id: 'CLI-1',
  issue_date: '2026-03-01',
  line_description: 'Tornillos',
  line_quantity: '2',
  line_unit_price: '10.50',
  line_tax_rate: '16',
  ...over,
});

const run = (
  orgId: string,
  records: Rec[],
  extra: { mode?: 'all' | 'rows'; actor?: { userId: string } } = {},
) =>
  importRecords(db, {
    orgId,
    kind: 'invoices',
    header,
    records,
    ...(extra.actor ? { actor: extra.actor } : {}),
    settings: { mode: extra.mode ?? 'all' },
  });

const invoiceOf = (orgId: string, number: string) =>
  db
    .selectFrom('invoices')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('number', '=', number)
    .executeTakeFirst();

describe('invoices import: created as the console creates them', () => {
  test('lines grouped by number (not adjacent), taxes by rate or amount, fees, due date from terms', async () => {
    const { org, actor } = await seller();
    const records = [
      line({ number: 'F-1' }),
      line({ number: 'F-2', line_quantity: '1', line_unit_price: '100', line_tax_amount: '15.99' }),
      line({
        number: 'F-1',
        line_description: 'Tuercas',
        line_quantity: '3',
        line_unit_price: '0.333',
        line_discount: '0.10',
      }),
      line({
        number: 'F-1',
        line_description: null,
        line_quantity: null,
        line_unit_price: null,
        line_tax_rate: null,
        fee_name: 'Flete',
        fee_amount: '50',
      }),
    ];
    const first = await run(org.id, records, { actor });
    expect(first.errors).toEqual([]);
    expect(first.summary).toMatchObject({
      rows: 4,
      documents: 2,
      created: 2,
      unchanged: 0,
      committed: true,
      errors: 0,
    });
    const f1 = (await invoiceOf(org.id, 'F-1'))!;
    expect(f1.due_date).toBe('2026-03-31');
    expect(f1.erp_id).toBe('F-1');
    // The same invoice through the console, at another seller.
    const other = await seller();
    const made = await createInvoice(
      { db },
      {
        orgId: other.org.id,
        customerId: other.customer.id,
        number: 'F-1',
        issueDate: '2026-03-01',
        actor: other.actor,
        lines: [
          {
            description: 'Tornillos',
            quantity: '2',
            unitPrice: '10.50',
            taxes: [{ name: 'IVA', rate: '16' }],
          },
          {
            description: 'Tuercas',
            quantity: '3',
            unitPrice: '0.333',
            discountAmount: 10n,
            taxes: [{ name: 'IVA', rate: '16' }],
          },
        ],
        charges: [{ kind: 'fee', name: 'Flete', amount: 5000n }],
      },
    );
    expect(f1.total).toBe(made.total);
    const a = (await loadInvoice(db, { orgId: org.id, invoiceId: f1.id }))!;
    const b = (await loadInvoice(db, { orgId: other.org.id, invoiceId: made.id }))!;
    expect(a.lines).toEqual(b.lines);
    expect(a.charges).toEqual(b.charges);
    expect([a.subtotal, a.taxTotal, a.feeTotal, a.openAmount]).toEqual([
      b.subtotal,
      b.taxTotal,
      b.feeTotal,
      b.openAmount,
    ]);
    const f2 = (await invoiceOf(org.id, 'F-2'))!;
    expect(f2.tax_total).toBe(1599n); // the ERP's tax amount wins over the rate
    // Posted as postInvoiceEntry posts: one entry, receivable up, sales down.
    const entries = await db
      .selectFrom('journal_lines as l')
      .innerJoin('journal_entries as e', (j) =>
        j.onRef('e.org_id', '=', 'l.org_id').onRef('e.id', '=', 'l.entry_id'),
      )
      .select(['e.kind', 'e.memo', 'e.created_by', 'l.line_no', 'l.account', 'l.amount'])
      .where('l.invoice_id', '=', f1.id)
      .orderBy('l.line_no')
      .execute();
    expect(entries).toEqual([
      {
        kind: 'invoice.posted',
        memo: 'F-1',
        created_by: actor.userId,
        line_no: 1,
        account: 'accounts_receivable',
        amount: f1.total,
      },
      {
        kind: 'invoice.posted',
        memo: 'F-1',
        created_by: actor.userId,
        line_no: 2,
        account: 'sales',
        amount: -f1.total,
      },
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('org_id', '=', org.id)
      .where('entity_id', '=', f1.id)
      .execute();
    expect(audit).toEqual([{ action: 'invoice.created', actor_user_id: actor.userId }]);
    expect(await ledgerProblems(db, org.id)).toEqual([]);

    // The same file twice changes nothing and says so.
    const again = await run(org.id, records, { actor });
    expect(again.summary).toMatchObject({
      documents: 2,
      created: 0,
      updated: 0,
      unchanged: 2,
      committed: false,
    });
    expect(await db.selectFrom('invoices').select('id').where('org_id', '=', org.id).execute()).toHaveLength(
      2,
    );
  });

  test('currency defaults to the customer’s, a declared total that matches is accepted, sums per currency', async () => {
    const { org } = await seller();
    await createCustomerAccount(db, org.id, { erp_id: 'USD-1', currency: 'USD' });
    const { summary, errors } = await run(org.id, [
      line({ number: 'M-1', total: '24.36' }),
      line({ number: 'U-1', customer_erp_id: 'USD-1', line_tax_rate: null }),
    ]);
    expect(errors).toEqual([]);
    expect(summary.sums).toEqual([
      { currency: 'MXN', amount: '2436' },
      { currency: 'USD', amount: '2100' },
    ]);
    expect((await invoiceOf(org.id, 'U-1'))!.currency).toBe('USD');
  });
});

describe('invoices import: bad input', () => {
  test('unknown customers — another seller’s included — duplicates in the file, lines that do not add up', async () => {
    const { org } = await seller();
    const other = await seller();
    await createCustomerAccount(db, other.org.id, { erp_id: 'OTRO-9' });
    const { summary, errors } = await run(org.id, [
      line({ number: 'A-1' }), // line 2: fine
      line({ number: 'A-2', customer_erp_id: 'OTRO-9' }), // 3: another seller's customer
      line({ number: 'A-3', erp_id: 'X-1' }), // 4
      line({ number: 'A-3', erp_id: 'X-2' }), // 5: the same number for another ERP id
      line({ number: 'A-4', total: '100.00' }), // 6: declares 100, lines make 24.36
      line({ number: 'A-5', issue_date: '2026-03-01', due_date: '2026-02-01' }), // 7
    ]);
    expect(errors).toEqual([
      { line: 3, column: 'customer_erp_id', code: 'unknown_customer', params: { customer: 'OTRO-9' } },
      { line: 5, column: 'number', code: 'duplicate_in_file', params: { number: 'A-3' } },
      {
        line: 6,
        column: 'total',
        code: 'lines_do_not_add_up',
        params: { number: 'A-4', currency: 'MXN', declared: '100', computed: '24.36' },
      },
      {
        line: 7,
        column: 'due_date',
        code: 'due_before_issue',
        params: { due: '2026-02-01', issue: '2026-03-01' },
      },
    ]);
    // 'all': nothing applied.
    expect(summary).toMatchObject({
      rows: 6,
      documents: 6,
      rejected: 4,
      created: 0,
      committed: false,
      errors: 4,
    });
    expect(await invoiceOf(org.id, 'A-1')).toBeUndefined();
  });

  test('row mode: each good invoice commits whole, each bad one is reported whole', async () => {
    const { org } = await seller();
    const { summary, errors } = await run(
      org.id,
      [
        line({ number: 'R-1' }),
        line({ number: 'R-2' }),
        line({ number: 'R-1', line_description: 'Tuercas' }),
        line({ number: 'R-2', line_quantity: '0' }), // one bad line rejects all of R-2
        line({ number: 'R-3', issue_date: '2026-02-31' }),
      ],
      { mode: 'rows' },
    );
    expect(errors).toEqual([
      { line: 5, column: 'line_quantity', code: 'zero_quantity', params: {} },
      { line: 6, column: 'issue_date', code: 'impossible_date', params: { value: '2026-02-31' } },
    ]);
    expect(summary).toMatchObject({ documents: 3, created: 1, rejected: 2, committed: true });
    const r1 = (await invoiceOf(org.id, 'R-1'))!;
    expect(r1.total).toBe(4872n);
    expect(await invoiceOf(org.id, 'R-2')).toBeUndefined();
    expect(await ledgerProblems(db, org.id)).toEqual([]);
  });

  test('a negative quantity is a return line, a negative fee a document discount; the same file twice is unchanged', async () => {
    const { org } = await seller();
    const fee = (over: Rec): Rec =>
      line({
        line_description: null,
        line_quantity: null,
        line_unit_price: null,
        line_tax_rate: null,
        ...over,
      });
    const file = [
      line({ number: 'D-1' }), // 21.00 + 3.36
      line({ number: 'D-1', line_description: 'Devolución', line_quantity: '-1' }), // −10.50 − 1.68
      fee({ number: 'D-1', fee_name: 'Pronto pago', fee_amount: '-2.00' }),
      fee({ number: 'D-1', fee_amount: '-1' }),
      fee({ number: 'D-1', fee_name: 'Flete', fee_amount: '5' }),
      line({ number: 'D-2', line_quantity: '-2' }), // the total would be below zero
      line({ number: 'D-3', line_quantity: '-1', line_discount: '1' }), // no discount on a return
      line({ number: 'D-3' }),
    ];
    const { summary, errors } = await run(org.id, file, { mode: 'rows' });
    expect(errors).toEqual([
      { line: 7, column: 'total', code: 'amount_not_positive', params: { number: 'D-2' } },
      { line: 8, column: 'line_discount', code: 'discount_invalid', params: {} },
    ]);
    expect(summary).toMatchObject({ created: 1, rejected: 2, sums: [{ currency: 'MXN', amount: '1418' }] });
    const d1 = (await invoiceOf(org.id, 'D-1'))!;
    expect(d1).toMatchObject({ subtotal: 1050n, tax_total: 168n, fee_total: 200n, total: 1418n });
    expect(
      await db
        .selectFrom('invoice_charges')
        .select(['seq', 'kind', 'name', 'amount'])
        .where('org_id', '=', org.id)
        .where('invoice_id', '=', d1.id)
        .orderBy('seq')
        .execute(),
    ).toEqual([
      { seq: 1, kind: 'discount', name: 'Pronto pago', amount: -200n },
      { seq: 2, kind: 'discount', name: 'Descuento', amount: -100n },
      { seq: 3, kind: 'fee', name: 'Flete', amount: 500n },
    ]);
    expect(
      (
        await db
          .selectFrom('invoice_lines')
          .select(['quantity', 'net_amount', 'tax_amount'])
          .where('org_id', '=', org.id)
          .where('invoice_id', '=', d1.id)
          .orderBy('line_no')
          .execute()
      ).map((l) => [l.quantity, l.net_amount, l.tax_amount]),
    ).toEqual([
      ['2.0000', 2100n, 336n],
      ['-1.0000', -1050n, -168n],
    ]);
    expect(await ledgerProblems(db, org.id)).toEqual([]);
    // The PDF lists each discount under its name, negative, beside the fees (pdftotext reads it).
    const dir = mkdtempSync(path.join(tmpdir(), 'saldo-pdf-'));
    try {
      const pdf = path.join(dir, 'd1.pdf');
      writeFileSync(
        pdf,
        await invoicePdf(await buildInvoiceDocument({ db }, { orgId: org.id, invoiceId: d1.id })),
      );
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toMatch(/Pronto pago\s+-\s?\$?\s?2\.00/);
      expect(text).toMatch(/Descuento\s+-\s?\$?\s?1\.00/);
      expect(text).toMatch(/Flete\s+\$?\s?5\.00/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const again = await run(org.id, file.slice(0, 5));
    expect(again.summary).toMatchObject({ unchanged: 1, updated: 0, committed: false });
    // A discount that changes is an update, its difference posted.
    const changed = await run(org.id, [...file.slice(0, 2), fee({ number: 'D-1', fee_amount: '-3.00' })]);
    expect(changed.summary).toMatchObject({ updated: 1 });
    expect((await invoiceOf(org.id, 'D-1'))!).toMatchObject({
      fee_total: -300n,
      total: 918n,
      open_amount: 918n,
    });
    expect(await ledgerProblems(db, org.id)).toEqual([]);
  });

  test('header columns must agree across an invoice’s lines; a number Saldo has for another invoice is refused', async () => {
    const { org, customer, actor } = await seller();
    await createInvoice(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        number: 'CON-1',
        erpId: 'ERP-CON-1',
        issueDate: '2026-01-01',
        lines: [{ description: 'x', quantity: '1', unitPrice: '1' }],
        actor,
      },
    );
    const { errors } = await run(org.id, [
      line({ number: 'H-1', issue_date: '2026-03-01' }),
      line({ number: 'H-1', issue_date: '2026-03-02' }),
      line({ number: 'CON-1' }),
    ]);
    expect(errors).toEqual([
      { line: 2, column: 'issue_date', code: 'header_mismatch', params: { number: 'H-1' } },
      { line: 4, column: 'number', code: 'duplicate_number', params: { number: 'CON-1' } },
    ]);
  });

  test('formula text stays text; NUL, huge numbers and unreadable amounts are refused with their column', async () => {
    const { org } = await seller();
    const formula = '=HYPERLINK("http://evil.test","clic")';
    const { errors } = await run(
      org.id,
      [
        line({ number: 'T-1', line_description: formula, notes: '+SUM(A1:A9)' }),
        line({ number: 'T-2', line_description: 'bad\u0000byte' }),
        line({ number: 'T-3', line_unit_price: '99999999999999999999999' }),
        line({ number: 'T-4', line_unit_price: '1e308' }),
        line({ number: 'T-5', line_quantity: '1000000000000000' }),
      ],
      { mode: 'rows' },
    );
    expect(errors).toEqual([
      { line: 3, column: 'line_description', code: 'invalid_characters', params: {} },
      { line: 4, column: 'line_unit_price', code: 'too_large', params: {} },
      { line: 5, column: 'line_unit_price', code: 'invalid_number', params: {} },
      { line: 6, column: 'line_quantity', code: 'too_large', params: {} },
    ]);
    const t1 = (await invoiceOf(org.id, 'T-1'))!;
    expect(t1.notes).toBe('+SUM(A1:A9)');
    const lines = await db
      .selectFrom('invoice_lines')
      .select('description')
      .where('invoice_id', '=', t1.id)
      .execute();
    expect(lines).toEqual([{ description: formula }]);
  });
});

describe('invoices import: changes from the ERP', () => {
  test('a changed invoice has its lines replaced and the difference posted; unchanged ones stay', async () => {
    const { org, customer, actor } = await seller();
    await run(org.id, [line({ number: 'C-1' }), line({ number: 'C-2' })]);
    const before = (await invoiceOf(org.id, 'C-1'))!;
    await recordPayment(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        amount: 1000n,
        receivedOn: '2026-03-05',
        method: 'cash',
        allocations: [{ invoiceId: before.id, amount: 1000n }],
        actor,
      },
    );
    const { summary } = await run(org.id, [
      line({ number: 'C-1', line_quantity: '3' }),
      line({ number: 'C-1', line_description: 'Arandelas', line_quantity: '1', line_unit_price: '5' }),
      line({ number: 'C-2' }),
    ]);
    expect(summary).toMatchObject({ documents: 2, updated: 1, unchanged: 1, created: 0, committed: true });
    const after = (await loadInvoice(db, { orgId: org.id, invoiceId: before.id }))!;
    expect(after.lines.map((l) => l.description)).toEqual(['Tornillos', 'Arandelas']);
    expect(after.total).toBe(3654n + 580n);
    expect(after.openAmount).toBe(after.total - 1000n);
    const adjusted = await db
      .selectFrom('journal_entries as e')
      .innerJoin('journal_lines as l', (j) =>
        j.onRef('l.org_id', '=', 'e.org_id').onRef('l.entry_id', '=', 'e.id'),
      )
      .select(['l.account', 'l.amount'])
      .where('e.org_id', '=', org.id)
      .where('e.kind', '=', 'invoice.adjusted')
      .orderBy('l.line_no')
      .execute();
    expect(adjusted).toEqual([
      { account: 'accounts_receivable', amount: after.total - before.total },
      { account: 'sales', amount: before.total - after.total },
    ]);
    expect(await ledgerProblems(db, org.id)).toEqual([]);
  });

  test('a new total below what is already paid is flagged for review, not applied — once', async () => {
    const { org, customer, actor } = await seller();
    await run(org.id, [line({ number: 'P-1' })]);
    const invoice = (await invoiceOf(org.id, 'P-1'))!;
    await recordPayment(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        amount: 2000n,
        receivedOn: '2026-03-05',
        method: 'cash',
        allocations: [{ invoiceId: invoice.id, amount: 2000n }],
        actor,
      },
    );
    const smaller = [line({ number: 'P-1', line_quantity: '1' })]; // 12.18 < 20.00 paid
    const first = await run(org.id, smaller);
    expect(first.summary).toMatchObject({ flagged: 1, updated: 0, committed: true });
    expect((await invoiceOf(org.id, 'P-1'))!.total).toBe(invoice.total);
    const reviews = await db
      .selectFrom('import_reviews')
      .select(['kind', 'document_id', 'reason', 'params', 'status'])
      .where('org_id', '=', org.id)
      .execute();
    expect(reviews).toEqual([
      {
        kind: 'invoice',
        document_id: invoice.id,
        reason: 'total_below_paid',
        params: { number: 'P-1', currency: 'MXN', total: '1218', paid: '2000' },
        status: 'open',
      },
    ]);
    const second = await run(org.id, smaller);
    expect(second.summary).toMatchObject({ flagged: 0, unchanged: 1, committed: false });
    expect(
      await db.selectFrom('import_reviews').select('id').where('org_id', '=', org.id).execute(),
    ).toHaveLength(1);
    expect(await ledgerProblems(db, org.id)).toEqual([]);
  });

  test('void from the ERP voids as voidInvoice does, and is refused while a payment is applied', async () => {
    const { org, customer, actor } = await seller();
    await run(org.id, [line({ number: 'V-1' }), line({ number: 'V-2' })]);
    const v2 = (await invoiceOf(org.id, 'V-2'))!;
    await recordPayment(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        amount: 500n,
        receivedOn: '2026-03-05',
        method: 'cash',
        allocations: [{ invoiceId: v2.id, amount: 500n }],
        actor,
      },
    );
    const { summary, errors } = await run(
      org.id,
      [line({ number: 'V-1', status: 'cancelada' }), line({ number: 'V-2', status: 'Anulada' })],
      { mode: 'rows' },
    );
    expect(errors).toEqual([
      { line: 3, column: 'status', code: 'invoice_has_applications', params: { number: 'V-2' } },
    ]);
    expect(summary).toMatchObject({ voided: 1, rejected: 1 });
    const v1 = (await invoiceOf(org.id, 'V-1'))!;
    expect(v1.status).toBe('void');
    expect(v1.open_amount).toBe(v1.total);
    expect((await invoiceOf(org.id, 'V-2'))!.status).toBe('open');
    expect(await ledgerProblems(db, org.id)).toEqual([]);
    const again = await run(org.id, [line({ number: 'V-1', status: 'void' })]);
    expect(again.summary).toMatchObject({ unchanged: 1, voided: 0, committed: false });
    const reopen = await run(org.id, [line({ number: 'V-1' })]);
    expect(reopen.errors).toEqual([
      { line: 2, column: 'status', code: 'invoice_void', params: { number: 'V-1' } },
    ]);
  });

  test('a void from the ERP sends invoice.voided as a console void does (with the ERP id)', async () => {
    const { org } = await seller();
    await run(org.id, [line({ number: 'W-1', erp_id: 'ERP-W1' }), line({ number: 'W-2' })]);
    await db
      .insertInto('webhook_endpoints')
      .values({
        org_id: org.id,
        id: crypto.randomUUID(),
        url: 'https://erp.example.test/hooks',
        event_types: ['invoice.voided'],
        secret_sealed: 'sealed',
        secret_last4: 'abcd',
      })
      .execute();
    const w1 = (await invoiceOf(org.id, 'W-1'))!;
    const { summary } = await run(org.id, [
      line({ number: 'W-1', erp_id: 'ERP-W1', status: 'cancelada' }),
      line({ number: 'W-2' }),
    ]);
    expect(summary).toMatchObject({ voided: 1, unchanged: 1 });
    const events = await db
      .selectFrom('integration_events')
      .select('body')
      .where('org_id', '=', org.id)
      .where('type', '=', 'invoice.voided')
      .execute();
    expect(events.map((e) => JSON.parse(e.body).data)).toEqual([
      {
        invoiceId: w1.id,
        invoiceErpId: 'ERP-W1',
        number: 'W-1',
        customerId: w1.customer_id,
        customerErpId: 'CLI-1',
        total: String(w1.total),
        currency: 'MXN',
        reason: 'Cancelada en el ERP',
      },
    ]);
    const deliveries = await db
      .selectFrom('webhook_deliveries')
      .select('event_type')
      .where('org_id', '=', org.id)
      .execute();
    expect(deliveries).toEqual([{ event_type: 'invoice.voided' }]);
    // The same void again is unchanged: no second event.
    const again = await run(org.id, [line({ number: 'W-1', erp_id: 'ERP-W1', status: 'void' })]);
    expect(again.summary).toMatchObject({ unchanged: 1, voided: 0 });
    expect(
      await db.selectFrom('integration_events').select('id').where('org_id', '=', org.id).execute(),
    ).toHaveLength(1);
  });

  test('what was prepaid for the order is applied to its invoice, as createInvoice does', async () => {
    const { org, customer, actor } = await seller();
    const paid = await recordPayment(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        amount: 1500n,
        receivedOn: '2026-02-20',
        method: 'cash',
        actor,
      },
    );
    await db.updateTable('payments').set({ order_reference: 'PED-7' }).where('id', '=', paid.id).execute();
    await run(org.id, [line({ number: 'O-1', order_reference: 'PED-7' })]);
    const invoice = (await invoiceOf(org.id, 'O-1'))!;
    expect(invoice.open_amount).toBe(invoice.total - 1500n);
    expect(await ledgerProblems(db, org.id)).toEqual([]);
  });

  test('an invoice made in the console under the same number and no ERP id is adopted, not duplicated', async () => {
    const { org, customer, actor } = await seller();
    const made = await createInvoice(
      { db },
      {
        orgId: org.id,
        customerId: customer.id,
        number: 'AD-1',
        issueDate: '2026-03-01',
        lines: [
          {
            description: 'Tornillos',
            quantity: '2',
            unitPrice: '10.50',
            taxes: [{ name: 'IVA', rate: '16' }],
          },
        ],
        actor,
      },
    );
    const { summary } = await run(org.id, [line({ number: 'AD-1', erp_id: 'uuid-ad-1' })]);
    expect(summary).toMatchObject({ updated: 1, created: 0 });
    const adopted = (await invoiceOf(org.id, 'AD-1'))!;
    expect([adopted.id, adopted.erp_id, adopted.total]).toEqual([made.id, 'uuid-ad-1', made.total]);
  });
});
