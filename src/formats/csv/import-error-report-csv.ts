import type { ImportErrorRecord } from '../../domain/integration/import-types.ts';
import { t } from '../../i18n/index.ts';

/** The languages a report is written in. */
type Locale = 'es' | 'en';

/**
 * Text a spreadsheet would take for a formula ("=HYPERLINK(…)", "+1", "-2", "@SUM") gets a
 * leading apostrophe (OWASP's advice against CSV injection): a report quotes the file's own cells
 * and column names, which came from outside.
 */
function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field: quoted when it holds a comma, a quote or a line break (quotes doubled). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const row = (cells: string[]) => `${cells.map((c) => csvField(safeText(c))).join(',')}\r\n`;

/** The reason for one error in words of `locale` (`importErrors.<code>`; the code itself when unknown). */
export function importErrorReason(error: ImportErrorRecord, locale: Locale): string {
  const key = `importErrors.${error.code}`;
  const text = t(locale, key, error.params ?? {});
  return text === key ? error.code : text;
}

/**
 * A run's error report, streamed as it is read (a report of 100,000 errors is never all in
 * memory): RFC 4180 CSV with CRLF line ends, UTF-8 with a byte-order mark so Excel reads accents
 * right. Columns: line (empty for the whole file), column (the file's header), value (the cell as
 * the file wrote it, when the error kept it), reason in the reader's language.
 */
export async function* importErrorReportCsv(
  errors: AsyncIterable<ImportErrorRecord> | Iterable<ImportErrorRecord>,
  locale: Locale,
): AsyncGenerator<string> {
  yield `\uFEFF${row(['line', 'column', 'value', 'reason'].map((name) => t(locale, `importReport.${name}`)))}`;
  let batch = '';
  for await (const error of errors) {
    const value = error.params?.value;
    batch += row([
      error.line === null ? '' : String(error.line),
      error.column ?? '',
      value === undefined ? '' : String(value),
      importErrorReason(error, locale),
    ]);
    if (batch.length >= 64 * 1024) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}
