import { toMajorString } from '../../domain/money/money.ts';
import type { ReportTable } from './deposit-report-columns.ts';

/** Text a spreadsheet would take for a formula gets a leading apostrophe (OWASP, CSV injection). */
function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A deposit report (deposit-report-columns.ts) as RFC 4180 CSV: CRLF line ends, UTF-8 with a
 * byte-order mark so Excel reads accents right; amounts in major units with a point ("-12.50"),
 * exactly; names people typed made safe from formula injection.
 */
export function depositReportCsv(table: ReportTable): string {
  const lines = [
    table.header,
    ...table.rows.map((row) =>
      row.cells.map((cell) =>
        typeof cell === 'string' ? safeText(cell) : toMajorString(cell.amount, cell.currency),
      ),
    ),
  ];
  return `\uFEFF${lines.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
