import { currencyExponent } from '../../domain/money/currency.ts';
import { toMajorString } from '../../domain/money/money.ts';
import type { AgingBuckets, AgingReconciliation, AgingReport } from '../../domain/reports/aging-report.ts';
import { agingHeader, agingLabels, amountsOf, type ExportLocale } from '../aging-columns.ts';

/** Excel's number format for the currency's minor unit: "#,##0.00" for 2 decimals, "#,##0" for 0. */
export function numberFormat(currency: string): string {
  const exponent = currencyExponent(currency);
  return exponent === 0 ? '#,##0' : `#,##0.${'0'.repeat(exponent)}`;
}

/** An exact decimal string as the number a spreadsheet stores (a double, as Excel itself does). */
function cellNumber(amount: bigint, currency: string): number {
  return Number(toMajorString(amount, currency));
}

/**
 * XLSX (exceljs): one sheet per currency named by its code (an empty report has one sheet with
 * the header only). Bold, frozen header row; amounts are numeric cells with the currency's
 * decimals as number format; the last row is the bold total.
 */
export async function agingXlsx(report: AgingReport, locale: ExportLocale): Promise<Buffer> {
  const l = agingLabels[locale];
  // Loaded at the first export, not at every start of the server (exceljs takes ~0.1 s to load).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Saldo';
  workbook.title = l.title.replace('{asOf}', report.asOf);
  const header = agingHeader(locale);
  const addSheet = (name: string) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = header.map((h, i) => ({
      header: h,
      width: i === 1 ? 36 : i === 0 ? 18 : i === 2 ? 10 : 16,
    }));
    sheet.getRow(1).font = { bold: true };
    return sheet;
  };
  if (report.currencies.length === 0) addSheet(l.sheet);
  for (const c of report.currencies) {
    const sheet = addSheet(c.currency);
    const format = numberFormat(c.currency);
    const values = (row: { buckets: AgingBuckets } & AgingReconciliation) =>
      amountsOf(row).map((amount) => cellNumber(amount, c.currency));
    for (const customer of c.customers) {
      sheet.addRow([customer.accountNumber, customer.name, c.currency, ...values(customer)]);
    }
    const totalRow = sheet.addRow(['', l.totalRow, c.currency, ...values(c)]);
    totalRow.font = { bold: true };
    for (let col = 4; col <= header.length; col++) sheet.getColumn(col).numFmt = format;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
