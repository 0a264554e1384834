import ExcelJS from 'exceljs';
import { currencyExponent } from '../money/currency.ts';
import { toMajorString } from '../money/money.ts';
import { type AgingBuckets, type AgingReconciliation, type AgingReport, BUCKET_KEYS } from './aging-report.ts';

/**
 * The aging report as files people open in a spreadsheet: CSV (RFC 4180) and XLSX. Amounts are in
 * major units, exactly (toMajorString: "1234.56", never a float rounding), one row per customer
 * and currency, and a total row per currency; each row reconciles (total − unapplied cash −
 * unapplied credits = balance). Header labels follow the caller's language.
 */
export type ExportLocale = 'es' | 'en';

const labels = {
  es: {
    accountNumber: 'Número de cuenta',
    customer: 'Cliente',
    currency: 'Moneda',
    current: 'Al corriente',
    d1_30: '1–30',
    d31_60: '31–60',
    d61_90: '61–90',
    d90_plus: '90+',
    total: 'Total',
    unappliedCash: 'Cobros sin aplicar',
    unappliedCredits: 'Notas de crédito sin aplicar',
    balance: 'Saldo',
    totalRow: 'Total',
    sheet: 'Antigüedad',
    title: 'Antigüedad de saldos al {asOf}',
  },
  en: {
    accountNumber: 'Account number',
    customer: 'Customer',
    currency: 'Currency',
    current: 'Current',
    d1_30: '1–30',
    d31_60: '31–60',
    d61_90: '61–90',
    d90_plus: '90+',
    total: 'Total',
    unappliedCash: 'Unapplied cash',
    unappliedCredits: 'Unapplied credits',
    balance: 'Balance',
    totalRow: 'Total',
    sheet: 'Aging',
    title: 'Aging report as of {asOf}',
  },
} as const;

export function agingHeader(locale: ExportLocale): string[] {
  const l = labels[locale];
  return [
    l.accountNumber,
    l.customer,
    l.currency,
    ...BUCKET_KEYS.map((k) => l[k]),
    l.total,
    l.unappliedCash,
    l.unappliedCredits,
    l.balance,
  ];
}

/**
 * Text a spreadsheet would take for a formula ("=HYPERLINK(…)", "+1", "-2", "@SUM") gets a
 * leading apostrophe (OWASP's advice against CSV injection). Only names and account numbers,
 * which people type, go through this; amounts are written by us.
 */
function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The amount columns of a row: the five buckets, total, unapplied cash, unapplied credits, balance. */
function amountsOf(row: { buckets: AgingBuckets } & AgingReconciliation): bigint[] {
  return [
    ...BUCKET_KEYS.map((k) => row.buckets[k]),
    row.total,
    row.unappliedCash,
    row.unappliedCredits,
    row.balance,
  ];
}

function amounts(row: { buckets: AgingBuckets } & AgingReconciliation, currency: string): string[] {
  return amountsOf(row).map((amount) => toMajorString(amount, currency));
}

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when needed, UTF-8 with a byte-order mark so Excel
 * reads accents right. Columns: account number, customer, currency, the five buckets, total,
 * unapplied cash, unapplied credits and balance (total − unapplied cash − unapplied credits); per
 * currency its customers (largest total first) and then a total row (account number empty,
 * customer "Total").
 */
export function agingCsv(report: AgingReport, locale: ExportLocale): string {
  const rows: string[][] = [agingHeader(locale)];
  for (const c of report.currencies) {
    for (const customer of c.customers) {
      rows.push([
        safeText(customer.accountNumber),
        safeText(customer.name),
        c.currency,
        ...amounts(customer, c.currency),
      ]);
    }
    rows.push(['', labels[locale].totalRow, c.currency, ...amounts(c, c.currency)]);
  }
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

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
  const l = labels[locale];
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
      sheet.addRow([
        customer.accountNumber,
        customer.name,
        c.currency,
        ...values(customer),
      ]);
    }
    const totalRow = sheet.addRow(['', l.totalRow, c.currency, ...values(c)]);
    totalRow.font = { bold: true };
    for (let col = 4; col <= header.length; col++) sheet.getColumn(col).numFmt = format;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
