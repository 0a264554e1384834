import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import type { ImportRow } from '../../../src/domain/integration/import-types.ts';
import {
  ImportFileError,
  inspectImportFile,
  readImportRows,
} from '../../../src/formats/import/read-import-file.ts';
import { byteSource } from '../../support/import-files.ts';

async function all(rows: AsyncIterable<ImportRow>): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function fileError(work: Promise<unknown>): Promise<ImportFileError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

/** A workbook as an ERP or a person in Excel would leave it: a cover sheet, then the data. */
async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('Resumen');
  cover.addRow(['Exportado de Contpaqi', 'Marzo 2026']);
  const ws = wb.addWorksheet('Facturas');
  ws.addRow(['Folio', 'Cliente', 'Fecha', 'Importe', 'Cantidad', 'Total', 'Pagada', 'Notas']);
  const r2 = ws.addRow(['F-1', 'CLI-001', new Date(Date.UTC(2026, 2, 31)), 0.1 + 0.2, 3, null, true, null]);
  r2.getCell(3).numFmt = 'dd/mm/yyyy';
  r2.getCell(6).value = { formula: 'D2*E2', result: (0.1 + 0.2) * 3 };
  r2.getCell(8).value = { richText: [{ text: 'Entrega ' }, { text: 'urgente', font: { bold: true } }] };
  ws.addRow([]); // a blank row: skipped, its number kept by the next
  const r4 = ws.addRow(['F-2', 'Ñandú S.A.', 46_000, 1234567.891, 1e-7, null, false, '=HYPERLINK("x")']);
  r4.getCell(3).numFmt = 'yyyy-mm-dd';
  r4.getCell(6).value = { formula: 'C4+1', result: 46_001 };
  r4.getCell(6).numFmt = 'd/m/yy';
  ws.addRow(['F-3', 'CLI-003', '15/04/2026', '1.234,56', 12345678901234, null, null, null, 'extra']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('XLSX', () => {
  test('reads the named sheet: dates as yyyy-mm-dd, numbers as Excel shows them, formulas as results', async () => {
    const file = await workbook();
    const info = await inspectImportFile(byteSource(file, 'facturas.xlsx'), { sheet: 'Facturas' });
    expect(info).toMatchObject({
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheets: ['Resumen', 'Facturas'],
      header: ['Folio', 'Cliente', 'Fecha', 'Importe', 'Cantidad', 'Total', 'Pagada', 'Notas'],
      kindHint: null,
    });
    expect(info.sample).toEqual([
      { line: 2, cells: ['F-1', 'CLI-001', '2026-03-31', '0.3', '3', '0.9', 'true', 'Entrega urgente'] },
      {
        line: 4,
        cells: [
          'F-2',
          'Ñandú S.A.',
          '2025-12-09',
          '1234567.891',
          '0.0000001',
          '2025-12-10',
          'false',
          '=HYPERLINK("x")',
        ],
      },
      {
        line: 5,
        cells: ['F-3', 'CLI-003', '15/04/2026', '1.234,56', '12345678901234', null, null, null],
        overflow: 1,
      },
    ]);
  });

  test('without a sheet named, the first (here a cover with no rows); every row streams with its row number', async () => {
    const file = await workbook();
    expect((await fileError(inspectImportFile(byteSource(file, 'x.xlsx', 1000)))).code).toBe('no_data_rows');
    const rows = await all(
      readImportRows(byteSource(file, 'x.xlsx', 777), { format: 'xlsx', sheet: 'Facturas' }),
    );
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
  });

  test('a workbook is recognised by its bytes whatever its name says, unless it says .csv', async () => {
    const file = await workbook();
    expect((await inspectImportFile(byteSource(file, 'upload'), { sheet: 'Facturas' })).format).toBe('xlsx');
    expect((await fileError(inspectImportFile(byteSource(file, 'facturas.csv')))).code).toBe(
      'looks_like_xlsx',
    );
  });

  test('bad workbooks: missing sheet, truncated, not a zip, an old .xls', async () => {
    const file = await workbook();
    const missing = await fileError(inspectImportFile(byteSource(file, 'x.xlsx'), { sheet: 'Ventas' }));
    expect(missing).toMatchObject({
      code: 'sheet_not_found',
      params: { sheet: 'Ventas', sheets: 'Resumen, Facturas' },
    });
    const truncated = await fileError(
      inspectImportFile(byteSource(file.subarray(0, file.length / 2), 'x.xlsx')),
    );
    expect(truncated.code).toBe('malformed_xlsx');
    const text = await fileError(inspectImportFile(byteSource('Folio,Cliente\n1,2\n', 'x.xlsx')));
    expect(text).toMatchObject({ code: 'malformed_xlsx', params: { reason: 'not_a_zip' } });
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    expect((await fileError(inspectImportFile(byteSource(xls, 'x.xls')))).code).toBe('legacy_xls');
  });
});
