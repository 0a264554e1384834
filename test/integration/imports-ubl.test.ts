import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ImportKind, ImportSettings } from '../../src/domain/integration/import-types.ts';
import { runImport } from '../../src/domain/integration/imports/run-import.ts';
import { inspectImportFile, openImportRows } from '../../src/formats/import/read-import-file.ts';
import { useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';
import { collect, createRunRow, ledgerProblems } from '../support/import-engine.ts';
import { fileByteSource } from '../support/import-files.ts';

/**
 * Every UBL 2.1 sample of ../shared/samples/ubl imported whole through the reader and the engine,
 * exactly: each invoice's total is the document's TaxInclusiveAmount (its PayableAmount before any
 * prepayment), a negative InvoicedQuantity is a return line inside the invoice, a taxed document
 * allowance a credit line with its tax, and the ledger agrees with the documents.
 */
const { db } = useTestDb();

const samples = path.resolve(import.meta.dirname, '../../../shared/samples/ubl');

async function importSample(orgId: string, name: string) {
  const source = () => fileByteSource(path.join(samples, name));
  const info = await inspectImportFile(source());
  const kind = info.kindHint as ImportKind;
  const settings: ImportSettings = {
    format: 'ubl',
    decimalMark: '.',
    dateFormat: 'yyyy-mm-dd',
    mapping: info.impliedSettings.mapping ?? {},
    mode: 'all',
  };
  const { header, rows } = await openImportRows(source(), settings);
  const importId = await createRunRow(db, orgId, kind);
  const result = await runImport({ db }, { orgId, importId, kind, header, rows, settings, actor: {} });
  return { kind, summary: result.summary, errors: await collect(result.errors) };
}

const invoiceOf = async (orgId: string, number: string) => {
  const invoice = await db
    .selectFrom('invoices')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
  const lines = await db
    .selectFrom('invoice_lines')
    .select([
      'line_no',
      'description',
      'quantity',
      'unit_price',
      'discount_amount',
      'net_amount',
      'tax_amount',
    ])
    .where('org_id', '=', orgId)
    .where('invoice_id', '=', invoice.id)
    .orderBy('line_no')
    .execute();
  const charges = await db
    .selectFrom('invoice_charges')
    .select(['kind', 'name', 'amount'])
    .where('org_id', '=', orgId)
    .where('invoice_id', '=', invoice.id)
    .orderBy('seq')
    .execute();
  return { invoice, lines, charges };
};

async function seller() {
  const org = await createOrg(db);
  await createCustomerAccount(db, org.id, { erp_id: 'FR23342', currency: 'EUR' });
  await createCustomerAccount(db, org.id, { erp_id: '4598375937', currency: 'EUR' });
  await createCustomerAccount(db, org.id, { erp_id: '12345678', currency: 'GBP' });
  return org;
}

describe('UBL samples imported exactly', () => {
  test('base-example: a return line (quantity −3) inside the invoice; total = TaxInclusiveAmount 1656.25', async () => {
    const org = await seller();
    const { summary, errors } = await importSample(org.id, 'base-example.xml');
    expect(errors).toEqual([]);
    expect(summary).toMatchObject({ created: 1, rejected: 0, sums: [{ currency: 'EUR', amount: '165625' }] });
    const { invoice, lines, charges } = await invoiceOf(org.id, 'Snippet1');
    expect(invoice).toMatchObject({
      subtotal: 132500n,
      tax_total: 33125n,
      fee_total: 0n,
      total: 165625n,
      open_amount: 165625n,
    });
    expect(lines.map((l) => [l.quantity, l.net_amount, l.tax_amount])).toEqual([
      ['7.0000', 280000n, 70000n],
      ['-3.0000', -150000n, -37500n],
      ['1.0000', 2500n, 625n],
    ]);
    expect(charges).toEqual([]);
    expect(await ledgerProblems(db, org.id)).toEqual([]);
    // The same document again changes nothing.
    const again = await importSample(org.id, 'base-example.xml');
    expect(again.summary).toMatchObject({ unchanged: 1, created: 0, committed: false });
  });

  test('Allowance-example: line allowances and charges, a taxed document charge and allowance; total 7125', async () => {
    const org = await seller();
    const { summary, errors } = await importSample(org.id, 'Allowance-example.xml');
    expect(errors).toEqual([]);
    expect(summary).toMatchObject({ created: 1, sums: [{ currency: 'EUR', amount: '712500' }] });
    const { invoice, lines } = await invoiceOf(org.id, 'Snippet1');
    // LineExtensionAmount 5900 = TaxExclusiveAmount (charge 200 − allowance 200), tax 1225,
    // TaxInclusiveAmount 7125 (PayableAmount 6125 is after the 1000 prepaid).
    expect(invoice).toMatchObject({ subtotal: 590000n, tax_total: 122500n, fee_total: 0n, total: 712500n });
    expect(
      lines.map((l) => [l.description, l.quantity, l.discount_amount, l.net_amount, l.tax_amount]),
    ).toEqual([
      ['item name', '10.0000', 10000n, 400000n, 100000n],
      ['item name', '10.0000', 0n, 100000n, 0n],
      ['item name', '10.0000', 10000n, 90000n, 22500n],
      ['Cleaning', '1.0000', 0n, 20000n, 5000n],
      ['Discount', '-1.0000', 0n, -20000n, -5000n],
    ]);
    expect(await ledgerProblems(db, org.id)).toEqual([]);
  });

  test('vat-category-E: an exempt invoice in GBP, 1200.00', async () => {
    const org = await seller();
    const { summary, errors } = await importSample(org.id, 'vat-category-E.xml');
    expect(errors).toEqual([]);
    expect(summary).toMatchObject({ created: 1, sums: [{ currency: 'GBP', amount: '120000' }] });
    const { invoice } = await invoiceOf(org.id, 'Vat-Z');
    expect(invoice).toMatchObject({ subtotal: 120000n, tax_total: 0n, total: 120000n });
    expect(await ledgerProblems(db, org.id)).toEqual([]);
  });

  test('base-creditnote-correction: a credit memo of 1656.25 against the invoice it corrects', async () => {
    const org = await seller();
    expect((await importSample(org.id, 'base-example.xml')).errors).toEqual([]);
    const { kind, summary, errors } = await importSample(org.id, 'base-creditnote-correction.xml');
    expect(kind).toBe('credit_memos');
    expect(errors).toEqual([]);
    expect(summary).toMatchObject({ created: 1, sums: [{ currency: 'EUR', amount: '165625' }] });
    const memo = await db
      .selectFrom('credit_memos')
      .select(['number', 'amount', 'currency'])
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(memo).toEqual({ number: 'Snippet1', amount: 165625n, currency: 'EUR' });
    expect(await ledgerProblems(db, org.id)).toEqual([]);
  });
});
