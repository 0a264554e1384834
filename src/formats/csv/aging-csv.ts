import { toMajorString } from '../../domain/money/money.ts';
import type { AgingBuckets, AgingReconciliation, AgingReport } from '../../domain/reports/aging-report.ts';
import { agingHeader, agingLabels, amountsOf, type ExportLocale } from '../aging-columns.ts';

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
    rows.push(['', agingLabels[locale].totalRow, c.currency, ...amounts(c, c.currency)]);
  }
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
