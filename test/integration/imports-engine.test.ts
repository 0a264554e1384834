import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importFields } from '../../src/domain/integration/import-fields.ts';
import type { ImportRow, ImportSettings } from '../../src/domain/integration/import-types.ts';
import {
  parseDateText,
  parseDecimalText,
  parseImportValue,
} from '../../src/domain/integration/imports/parse-import-value.ts';
import { runImport } from '../../src/domain/integration/imports/run-import.ts';
import { formatDecimal, parseDecimal } from '../../src/domain/money/money.ts';
import { useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';
import { collect, createRunRow, importRecords, rowsOf } from '../support/import-engine.ts';

/**
 * The import engine (run-import.ts): cells read by their field's type with the profile's decimal
 * mark and date format, missing columns refused before anything is read, errors kept with the
 * file's own headers in line order, and everything in one transaction.
 */
const { db } = useTestDb();

const field = (kind: keyof typeof importFields, name: string) =>
  importFields[kind].find((f) => f.name === name)!;
type ValueSettings = Pick<ImportSettings, 'decimalMark' | 'dateFormat'>;
const es: ValueSettings = { decimalMark: ',', dateFormat: 'dd/mm/yyyy' };
const en: ValueSettings = { decimalMark: '.', dateFormat: 'mm/dd/yyyy' };

describe('reading cells', () => {
  test('amounts: thousands, negatives, symbols, codes, with the profile’s decimal mark', () => {
    const amount = field('invoices', 'total');
    const read = (text: string, s = es) => parseImportValue(amount, text, s);
    expect(read('1.234,56')).toEqual({ ok: true, value: '1234.56' });
    expect(read('-1.234,56')).toEqual({ ok: true, value: '-1234.56' });
    expect(read('1.234,56-')).toEqual({ ok: true, value: '-1234.56' });
    expect(read('(1,234.56)', en)).toEqual({ ok: true, value: '-1234.56' });
    expect(read('$1,234.56', en)).toEqual({ ok: true, value: '1234.56' });
    expect(read('MXN 1.234,56')).toEqual({ ok: true, value: '1234.56' });
    expect(read('1.234,56 €')).toEqual({ ok: true, value: '1234.56' });
    expect(read('1 234 567,8')).toEqual({ ok: true, value: '1234567.8' });
    expect(read('  12  ')).toEqual({ ok: true, value: '12' });
    // A point-decimal number in a comma-decimal file is not read as something else.
    expect(read('1.5')).toEqual({ ok: false, code: 'invalid_number' });
    expect(read('(-12)', en)).toEqual({ ok: false, code: 'invalid_number' });
    expect(read('=1+2')).toEqual({ ok: false, code: 'invalid_number' });
    expect(read('1e5', en)).toEqual({ ok: false, code: 'invalid_number' });
    expect(read('12345678901234567890')).toEqual({ ok: false, code: 'too_large' });
    expect(read('')).toEqual({ ok: true, value: null });
  });

  test('property: any exact decimal, written as ERPs write it, reads back exactly', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(',', '.'),
        fc.constantFrom('minus', 'trailing', 'parens'),
        fc.boolean(),
        (value, scale, mark, negativeStyle, grouped) => {
          const plain = formatDecimal(value < 0n ? -value : value, scale);
          const [int, frac] = plain.split('.');
          const group = mark === ',' ? '.' : ',';
          const intText = grouped ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, group) : int!;
          const body = frac ? `${intText}${mark}${frac}` : intText;
          const text =
            value >= 0n
              ? body
              : negativeStyle === 'minus'
                ? `-${body}`
                : negativeStyle === 'trailing'
                  ? `${body}-`
                  : `(${body})`;
          const parsed = parseDecimalText(text, mark);
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(parseDecimal(parsed.value!, 12)).toBe(value * 10n ** BigInt(12 - scale));
        },
      ),
    );
  });

  test('dates per the profile; dates that do not exist are impossible_date, never rolled over', () => {
    expect(parseDateText('31/01/2026', 'dd/mm/yyyy')).toEqual({ ok: true, value: '2026-01-31' });
    expect(parseDateText('01/31/2026', 'mm/dd/yyyy')).toEqual({ ok: true, value: '2026-01-31' });
    expect(parseDateText('2026-01-31', 'dd/mm/yyyy')).toEqual({ ok: true, value: '2026-01-31' });
    expect(parseDateText('31/01/2026 00:00:00', 'dd/mm/yyyy')).toEqual({ ok: true, value: '2026-01-31' });
    expect(parseDateText('29/02/2028', 'dd/mm/yyyy')).toEqual({ ok: true, value: '2028-02-29' });
    expect(parseDateText('31/02/2026', 'dd/mm/yyyy')).toEqual({
      ok: false,
      code: 'impossible_date',
      params: { value: '31/02/2026' },
    });
    expect(parseDateText('29/02/2026', 'dd/mm/yyyy')).toMatchObject({ ok: false, code: 'impossible_date' });
    expect(parseDateText('13/13/2026', 'mm/dd/yyyy')).toMatchObject({ ok: false, code: 'impossible_date' });
    expect(parseDateText('31.01.26', 'dd/mm/yyyy')).toMatchObject({ ok: false, code: 'invalid_date' });
  });

  test('enums in the ERP’s words; text, e-mail, currency, locale, integers', () => {
    const status = field('invoices', 'status');
    for (const word of ['void', 'Cancelada', 'ANULADA', 'cancelado', 'cancelled'])
      expect(parseImportValue(status, word, es)).toEqual({ ok: true, value: 'void' });
    for (const word of ['abierta', 'Vigente', 'open'])
      expect(parseImportValue(status, word, es)).toEqual({ ok: true, value: 'open' });
    expect(parseImportValue(status, 'pagada', es)).toEqual({
      ok: false,
      code: 'invalid_enum',
      params: { values: 'open, void' },
    });
    const hold = field('holds', 'status');
    for (const word of ['bloqueado', 'Suspendido', 'yes', 'Sí', '1'])
      expect(parseImportValue(hold, word, es)).toEqual({ ok: true, value: 'on_hold' });
    const method = field('payments', 'method');
    expect(parseImportValue(method, 'Transferencia electrónica', es)).toEqual({
      ok: true,
      value: 'bank_transfer',
    });
    expect(parseImportValue(method, '02', es)).toEqual({ ok: true, value: 'check' });
    const notes = field('invoices', 'notes');
    expect(parseImportValue(notes, '=HYPERLINK("http://x","y")', es)).toEqual({
      ok: true,
      value: '=HYPERLINK("http://x","y")',
    });
    expect(parseImportValue(notes, 'a\u0000b', es)).toEqual({ ok: false, code: 'invalid_characters' });
    expect(parseImportValue(notes, 'a\ud800b', es)).toEqual({ ok: false, code: 'invalid_characters' });
    expect(parseImportValue(notes, 'ñ'.repeat(2001), es)).toEqual({
      ok: false,
      code: 'too_long',
      params: { max: 2000 },
    });
    expect(parseImportValue(field('invoices', 'number'), '  ', es)).toEqual({ ok: false, code: 'required' });
    expect(parseImportValue(field('customers', 'email'), 'ana@@x', es)).toEqual({
      ok: false,
      code: 'invalid_email',
    });
    expect(parseImportValue(field('invoices', 'currency'), 'mxn', es)).toEqual({ ok: true, value: 'MXN' });
    expect(parseImportValue(field('invoices', 'currency'), 'PESOS', es)).toMatchObject({
      code: 'unknown_currency',
    });
    expect(parseImportValue(field('customers', 'locale'), 'Español', es)).toEqual({ ok: true, value: 'es' });
    expect(parseImportValue(field('customers', 'locale'), 'en-US', es)).toEqual({ ok: true, value: 'en' });
    const terms = field('customers', 'payment_terms_days');
    expect(parseImportValue(terms, '30', es)).toEqual({ ok: true, value: '30' });
    expect(parseImportValue(terms, '30,5', es)).toEqual({ ok: false, code: 'invalid_integer' });
    expect(parseImportValue(terms, '99999999999', es)).toEqual({ ok: false, code: 'too_large' });
  });
});

describe('the engine', () => {
  const header = ['Folio', 'Cliente', 'Fecha', 'Concepto', 'Cantidad', 'Precio unitario', 'Observaciones'];
  const mapping = {
    number: 'Folio',
    customer_erp_id: 'Cliente',
    issue_date: 'Fecha',
    line_description: 'Concepto',
    line_quantity: 'Cantidad',
    line_unit_price: 'Precio unitario',
    notes: 'Observaciones',
  };
  const settings: ImportSettings = {
    format: 'csv',
    decimalMark: ',',
    dateFormat: 'dd/mm/yyyy',
    mapping,
    mode: 'all',
  };

  test('a required field without a column is an error of the whole file, and no row is read', async () => {
    const org = await createOrg(db);
    const importId = await createRunRow(db, org.id, 'invoices');
    let read = 0;
    async function* rows(): AsyncIterable<ImportRow> {
      read++;
      yield { line: 2, cells: ['F-1', 'C', '01/01/2026', 'x', '1', '1', null] };
    }
    const { number: _, ...withoutNumber } = mapping;
    const result = await runImport(
      { db },
      {
        orgId: org.id,
        importId,
        kind: 'invoices',
        header: header.filter((h) => h !== 'Fecha'),
        rows: rows(),
        settings: { ...settings, mapping: withoutNumber },
        actor: {},
      },
    );
    expect(read).toBe(0);
    expect(result.summary).toMatchObject({ rows: 0, committed: false, errors: 2 });
    expect(await collect(result.errors)).toEqual([
      { line: null, column: 'number', code: 'missing_column', params: { field: 'number' } },
      {
        line: null,
        column: 'Fecha',
        code: 'missing_column',
        params: { field: 'issue_date', column: 'Fecha' },
      },
    ]);
  });

  test('errors name the file’s own columns, in line order; blank rows are skipped', async () => {
    const org = await createOrg(db);
    await createCustomerAccount(db, org.id, { erp_id: 'C-1' });
    const importId = await createRunRow(db, org.id, 'invoices');
    const result = await runImport(
      { db },
      {
        orgId: org.id,
        importId,
        kind: 'invoices',
        header,
        rows: rowsOf([
          ['F-2', 'C-1', '31/02/2026', 'x', '1', '1,5', null],
          [null, '', null, null, null, null, null],
          ['F-1', 'C-1', '01/03/2026', 'x', 'dos', '1.5', 'bad\u0000'],
          ['F-3', 'NADIE', '01/03/2026', 'x', '1', '1', null],
        ]),
        settings: { ...settings, mode: 'rows' },
        actor: {},
      },
    );
    expect(await collect(result.errors)).toEqual([
      { line: 2, column: 'Fecha', code: 'impossible_date', params: { value: '31/02/2026' } },
      { line: 4, column: 'Cantidad', code: 'invalid_number', params: {} },
      { line: 4, column: 'Precio unitario', code: 'invalid_number', params: {} },
      { line: 4, column: 'Observaciones', code: 'invalid_characters', params: {} },
      { line: 5, column: 'Cliente', code: 'unknown_customer', params: { customer: 'NADIE' } },
    ]);
    expect(result.summary).toMatchObject({ rows: 3, documents: 3, rejected: 3, created: 0, errors: 5 });
    const kept = await db
      .selectFrom('import_errors')
      .select(['seq', 'line'])
      .where('import_id', '=', importId)
      .orderBy('seq')
      .execute();
    expect(kept.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  test('thousands of rows stage in batches and import in one go', async () => {
    const org = await createOrg(db);
    await createCustomerAccount(db, org.id, { erp_id: 'C-1' });
    const records = Array.from({ length: 45_000 }, (_, i) => ({
      Folio: `B-${Math.floor(i / 9)}`,
      Cliente: 'C-1',
      Fecha: '01/03/2026',
      Concepto: `Línea ${i % 9}`,
      Cantidad: '1',
      'Precio unitario': '1.000,25',
    }));
    const progress: number[] = [];
    const importId = await createRunRow(db, org.id, 'invoices');
    const result = await runImport(
      { db },
      {
        orgId: org.id,
        importId,
        kind: 'invoices',
        header,
        rows: rowsOf(records.map((r) => header.map((h) => r[h as keyof typeof r] ?? null))),
        settings,
        actor: {},
        onProgress: (n) => progress.push(n),
      },
    );
    expect(result.summary).toMatchObject({ rows: 45_000, documents: 5_000, created: 5_000, errors: 0 });
    expect(result.summary.sums).toEqual([{ currency: 'MXN', amount: String(45_000 * 100025) }]);
    expect(progress.at(-1)).toBe(45_000);
    expect(progress.length).toBeGreaterThan(1);
  });

  test('a file with more bad cells than are held at once keeps every error, in order', async () => {
    const org = await createOrg(db);
    await createCustomerAccount(db, org.id, { erp_id: 'C-1' });
    const importId = await createRunRow(db, org.id, 'invoices');
    const result = await runImport(
      { db },
      {
        orgId: org.id,
        importId,
        kind: 'invoices',
        header,
        rows: rowsOf(
          Array.from({ length: 12_001 }, (_, i) => [
            `E-${i}`,
            'C-1',
            i === 6_000 ? '01/03/2026' : '30/02/2026',
            'x',
            '1',
            '1',
            null,
          ]),
        ),
        settings: { ...settings, mode: 'rows' },
        actor: {},
      },
    );
    expect(result.summary).toMatchObject({ rows: 12_001, created: 1, rejected: 12_000, errors: 12_000 });
    const errors = await collect(result.errors);
    expect(errors).toHaveLength(12_000);
    expect(
      errors.every((e, i) => e.line === (i < 6_000 ? i + 2 : i + 3) && e.code === 'impossible_date'),
    ).toBe(true);
  });

  test('a file that fails to read halfway fails the import whole, and the connection is fine after', async () => {
    const org = await createOrg(db);
    await createCustomerAccount(db, org.id, { erp_id: 'C-1' });
    const importId = await createRunRow(db, org.id, 'invoices');
    async function* rows(): AsyncIterable<ImportRow> {
      for (let i = 0; i < 30_000; i++)
        yield { line: i + 2, cells: [`X-${i}`, 'C-1', '01/03/2026', 'x', '1', '1', null] };
      throw new Error('malformed_csv at line 30002');
    }
    await expect(
      runImport(
        { db },
        { orgId: org.id, importId, kind: 'invoices', header, rows: rows(), settings, actor: {} },
      ),
    ).rejects.toThrow('malformed_csv');
    const landed = await db.selectFrom('invoices').select('id').where('org_id', '=', org.id).execute();
    expect(landed).toEqual([]);
  });

  test('an unknown mapping key is an error of the file', async () => {
    const org = await createOrg(db);
    const run = await importRecords(db, {
      orgId: org.id,
      kind: 'credit_memos',
      header: ['number', 'customer_erp_id', 'issue_date', 'amount'],
      records: [],
      settings: {
        mapping: {
          number: 'number',
          customer_erp_id: 'customer_erp_id',
          issue_date: 'issue_date',
          amount: 'amount',
          color: 'amount',
        },
      },
    });
    expect(run.errors).toEqual([
      { line: null, column: 'amount', code: 'unknown_field', params: { field: 'color' } },
    ]);
  });
});
