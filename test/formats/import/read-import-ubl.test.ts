import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFields } from '../../../src/domain/integration/import-fields.ts';
import type { ImportRow } from '../../../src/domain/integration/import-types.ts';
import { ImportFileError, inspectImportFile } from '../../../src/formats/import/read-import-file.ts';
import { byteSource, fileByteSource } from '../../support/import-files.ts';

const samples = path.resolve(import.meta.dirname, '../../../../shared/samples/ubl');
const sample = (name: string) => fileByteSource(path.join(samples, name));

async function fileError(work: Promise<unknown>): Promise<ImportFileError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

/** A row as { column: value }, empty cells left out. */
function record(header: string[], row: ImportRow | undefined): Record<string, string> {
  return Object.fromEntries(
    header.flatMap((name, i) => (row?.cells[i] == null ? [] : [[name, row.cells[i] as string]])),
  );
}

describe('UBL 2.1 (Peppol BIS Billing 3.0)', () => {
  test('an invoice: canonical columns, one row per line, a taxed charge as a line; ISO dates and "." decimals implied', async () => {
    const info = await inspectImportFile(sample('base-example.xml'));
    expect(info).toMatchObject({ format: 'ubl', kindHint: 'invoices', encoding: null, sheets: [] });
    expect(info.impliedSettings).toMatchObject({ dateFormat: 'yyyy-mm-dd', decimalMark: '.' });
    // Every column is a field of the kind, mapped to itself.
    const names = importFields.invoices.map((f) => f.name);
    for (const column of info.header) expect(names).toContain(column);
    expect(info.impliedSettings.mapping).toEqual(Object.fromEntries(info.header.map((c) => [c, c])));
    const document = {
      number: 'Snippet1',
      customer_erp_id: 'FR23342',
      issue_date: '2017-11-13',
      due_date: '2017-12-01',
      currency: 'EUR',
      total: '1656.25',
    };
    expect(info.sample.map((row) => record(info.header, row))).toEqual([
      {
        ...document,
        line_sku: '21382183120983',
        line_description: 'item name',
        line_quantity: '7',
        line_unit: 'DAY',
        line_unit_price: '400',
        line_tax_name: 'VAT',
        line_tax_rate: '25.0',
      },
      {
        ...document,
        line_sku: '21382183120983',
        line_description: 'item name 2',
        line_quantity: '-3',
        line_unit: 'DAY',
        line_unit_price: '500',
        line_tax_name: 'VAT',
        line_tax_rate: '25.0',
      },
      {
        ...document,
        line_description: 'Insurance',
        line_quantity: '1',
        line_unit_price: '25',
        line_tax_name: 'VAT',
        line_tax_rate: '25.0',
      },
    ]);
    expect(info.sample.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  test('allowances and charges: line ones net into the discount, price per base quantity per unit, a taxed document charge a line and a taxed document allowance a credit line (quantity −1)', async () => {
    const info = await inspectImportFile(sample('Allowance-example.xml'));
    const rows = info.sample.map((row) => record(info.header, row));
    expect(
      rows.map((r) => [
        r.line_description ?? r.fee_name,
        r.line_quantity,
        r.line_unit_price,
        r.line_discount,
        r.line_tax_rate,
        r.fee_amount,
      ]),
    ).toEqual([
      ['item name', '10', '410', '100', '25.0', undefined],
      ['item name', '10', '100', undefined, '0.0', undefined],
      ['item name', '10', '100', '100', '25.0', undefined],
      ['Cleaning', '1', '200', undefined, '25', undefined],
      ['Discount', '-1', '200', undefined, '25', undefined],
    ]);
    // The document's total before its prepayment (PayableAmount is 6125 after 1000 prepaid).
    expect(new Set(rows.map((r) => r.total))).toEqual(new Set(['7125']));
    expect(rows[0]).toMatchObject({
      customer_erp_id: '4598375937',
      notes: expect.stringContaining('new phone number'),
    });
  });

  test('the buyer falls back to EndpointID when it has no PartyIdentification', async () => {
    const info = await inspectImportFile(sample('vat-category-E.xml'));
    expect(record(info.header, info.sample[0])).toMatchObject({
      number: 'Vat-Z',
      customer_erp_id: '12345678',
      currency: 'GBP',
      total: '1200.00',
      line_tax_rate: '0',
    });
  });

  test('a credit note reads as a credit memo row, pointing at the invoice it corrects', async () => {
    const info = await inspectImportFile(sample('base-creditnote-correction.xml'));
    expect(info.kindHint).toBe('credit_memos');
    const names = importFields.credit_memos.map((f) => f.name);
    for (const column of info.header) expect(names).toContain(column);
    expect(info.sample.map((row) => record(info.header, row))).toEqual([
      {
        number: 'Snippet1',
        customer_erp_id: 'FR23342',
        invoice_number: 'Snippet1',
        issue_date: '2017-11-13',
        currency: 'EUR',
        amount: '1656.25',
        reason: 'Please note we have a new phone number: 22 22 22 22',
      },
    ]);
  });

  test('XML that is not UBL, and XML that is not well formed', async () => {
    const other = await fileError(
      inspectImportFile(byteSource('<?xml version="1.0"?><Order><ID>1</ID></Order>', 'x.xml')),
    );
    expect(other).toMatchObject({ code: 'not_ubl', params: { root: 'Order' } });
    const broken = await fileError(
      inspectImportFile(
        byteSource('<?xml version="1.0"?>\n<Invoice>\n<cbc:ID>1</cbc:ID>\n</Invoce>', 'x.xml'),
      ),
    );
    expect(broken).toMatchObject({ code: 'malformed_xml', line: 4 });
    const big = { ...byteSource('<Invoice/>', 'x.xml'), size: 40 << 20 };
    expect((await fileError(inspectImportFile(big))).code).toBe('file_too_large');
  });
});
