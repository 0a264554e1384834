import { pipeline } from 'node:stream';
import ExcelJS from 'exceljs';
import { type ByteSource, ImportFileError } from '../../domain/integration/import-types.ts';
import { ByteCountStream } from './import-bytes.ts';
import { headerOf, type ImportTable, rowOf } from './import-table.ts';

/** The parts of exceljs's streaming reader used here (its published types leave them out). */
interface StreamCell {
  value: unknown;
  numFmt?: string;
}
interface StreamRow {
  number: number;
  eachCell(options: { includeEmpty: boolean }, fn: (cell: StreamCell, col: number) => void): void;
}
interface StreamSheet extends AsyncIterable<StreamRow> {
  name?: string;
}
interface StreamWorkbook extends AsyncIterable<StreamSheet> {
  model?: { sheets?: { name: string }[] };
  properties?: { date1904?: boolean };
}

/** Excel's own rule for a date format: a y, m, d, h or s outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhs]/i.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** A serial day number (1900 system) as a date, for a formula whose result is formatted as a date. */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - (date1904 ? 24107 : 25569)) * 86_400_000));
}

/**
 * A number as the decimal a person reads in Excel: 15 significant digits (what Excel keeps and
 * shows), so binary artefacts such as 0.30000000000000004 read as 0.3; never in exponent form.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const shortest = String(Number(value.toPrecision(15)));
  return shortest.includes('e') ? expandExponent(shortest) : shortest;
}

function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, int = '', frac = '', exp = '0'] = match;
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/0+$/, '');
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function cellValueText(value: unknown, numFmt: string | undefined, date1904: boolean): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return isDateFormat(numFmt) ? isoDate(serialDate(value, date1904)) : numberText(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return v.richText.map((part: { text?: string }) => part.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return cellValueText(v.result, numFmt, date1904);
    if (typeof v.error === 'string') return v.error;
    if ('text' in v) return cellValueText(v.text, numFmt, date1904);
  }
  return String(value);
}

function rowCells(row: StreamRow, date1904: boolean): (string | null)[] {
  const cells: (string | null)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    while (cells.length < col - 1) cells.push(null);
    cells[col - 1] = cellValueText(cell.value, cell.numFmt, date1904);
  });
  return cells;
}

const malformed = (error: unknown) =>
  error instanceof ImportFileError
    ? error
    : new ImportFileError('malformed_xlsx', null, {
        reason: error instanceof Error ? error.message.slice(0, 200) : String(error),
      });

/**
 * Streams one sheet of a workbook (the named one, else the first) as a table, through exceljs's
 * streaming reader: shared strings are kept (the format needs them), rows are not. The header is
 * the sheet's first row with a value; a row's line is its row number in the sheet. Date cells
 * read as yyyy-mm-dd, numbers as Excel shows them, formulas as their last computed result.
 */
export async function openXlsxTable(
  source: ByteSource,
  options: { sheet?: string },
  onProgress?: (bytesRead: number) => void,
): Promise<ImportTable & { sheets: string[] }> {
  const raw = source.open(0);
  const counter = new ByteCountStream(onProgress);
  pipeline(raw as NodeJS.ReadableStream, counter, () => {
    // A read error surfaces through the workbook reader.
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(counter, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as StreamWorkbook;
  const sheetIterator = workbook[Symbol.asyncIterator]();
  const close = () => {
    counter.destroy();
    (raw as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    // Lets exceljs's reader run its cleanup (temporary files of sheets read out of order).
    sheetIterator.return?.(undefined).catch(() => undefined);
  };
  let rowIterator: AsyncIterator<StreamRow> | null = null;
  let sheets: string[] = [];
  try {
    for (;;) {
      const step = await sheetIterator.next();
      if (step.done) break;
      sheets = (workbook.model?.sheets ?? []).map((s) => s.name);
      if (options.sheet === undefined || step.value.name === options.sheet) {
        rowIterator = step.value[Symbol.asyncIterator]();
        break;
      }
    }
  } catch (error) {
    close();
    throw malformed(error);
  }
  if (rowIterator === null) {
    close();
    if (options.sheet !== undefined && sheets.length > 0) {
      throw new ImportFileError('sheet_not_found', null, { sheet: options.sheet, sheets: sheets.join(', ') });
    }
    throw new ImportFileError('malformed_xlsx', null, { reason: 'no_worksheet' });
  }
  const date1904 = Boolean(workbook.properties?.date1904);
  const rowsOf = rowIterator;
  const next = async (): Promise<StreamRow | null> => {
    try {
      const step = await rowsOf.next();
      return step.done ? null : step.value;
    } catch (error) {
      throw malformed(error);
    }
  };
  let header: string[] = [];
  let headerRow: StreamRow | null;
  try {
    for (headerRow = await next(); headerRow !== null; headerRow = await next()) {
      const cells = rowCells(headerRow, date1904);
      if (cells.some((c) => c !== null && c.trim() !== '')) {
        header = headerOf(cells, headerRow.number);
        break;
      }
    }
  } catch (error) {
    close();
    throw error;
  }
  if (header.length === 0) {
    close();
    throw new ImportFileError('empty_file');
  }
  async function* rows() {
    try {
      for (let row = await next(); row !== null; row = await next()) {
        const out = rowOf(row.number, rowCells(row, date1904), header.length);
        if (out) yield out;
      }
    } finally {
      close();
    }
  }
  return { header, rows: rows(), sheets };
}
