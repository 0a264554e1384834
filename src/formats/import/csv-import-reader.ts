import { pipeline } from 'node:stream';
import Papa from 'papaparse';
import {
  type ByteSource,
  type ImportEncoding,
  ImportFileError,
} from '../../domain/integration/import-types.ts';
import { TextDecodeStream } from './import-bytes.ts';
import { headerOf, type ImportTable, rowOf } from './import-table.ts';

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/** A record (one row, all its cells) longer than this is refused: it is a runaway quote or not a CSV. */
export const MAX_RECORD_CHARS = 1 << 20;

/**
 * The delimiter of a CSV from its first lines: the candidate that splits the header at least once
 * and then the most lines into as many cells as the header (quotes respected: a `;` or `,` inside
 * a quoted cell does not count, nor does a decimal comma that is quoted). Null when none splits
 * the header (a one-column file).
 */
export function detectDelimiter(text: string): string | null {
  const lines = logicalLines(text, 30);
  let best: { delimiter: string; score: number; width: number } | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const width = counts[0] ?? 0;
    if (width === 0) continue;
    const score = counts.filter((n) => n === width).length;
    if (!best || score > best.score || (score === best.score && width > best.width)) {
      best = { delimiter, score, width };
    }
  }
  return best?.delimiter ?? null;
}

/** The first `max` non-empty records of a text, a line break inside quotes kept in its record. */
function logicalLines(text: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) {
      const line = text.slice(start, i).replace(/\r$/, '');
      if (line.trim() !== '') out.push(line);
      start = i + 1;
    }
  }
  // The last line is whole only when the text ended there (not cut by the sample's end).
  if (out.length === 0 && start < text.length) out.push(text.slice(start));
  return out;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

/** Line breaks inside a record's (quoted) cells: CRLF, LF or CR, each one line. */
function lineBreaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    if (cell.length < 1 || (!cell.includes('\n') && !cell.includes('\r'))) continue;
    n += cell.match(/\r\n|\n|\r/g)?.length ?? 0;
  }
  return n;
}

/**
 * Streams a CSV as a table. Lines are the file's physical lines: the header is line 1, a row is
 * numbered by the line it starts on, a quoted cell spanning lines counts every line it spans, and
 * blank lines (skipped) count too.
 */
export async function openCsvTable(
  source: ByteSource,
  options: { encoding: ImportEncoding; delimiter: string },
  onProgress?: (bytesRead: number) => void,
): Promise<ImportTable> {
  const raw = source.open(0) as NodeJS.ReadableStream & { destroy?: () => void };
  const decoder = new TextDecodeStream(options.encoding, onProgress);
  // Errors of the source or the decoder reach the reader through the decoder's iterator.
  pipeline(raw, decoder, () => {});
  const texts = decoder[Symbol.asyncIterator]() as AsyncIterator<string>;
  const records = new CsvRecords(options.delimiter);
  const close = () => {
    decoder.destroy();
    raw.destroy?.();
  };
  // Physical lines, counted here as the records come; a blank line comes as a record of one empty
  // cell, counted and then skipped.
  let end = 0;
  const lineOf = (record: string[]) => {
    const line = end + 1;
    end = line + lineBreaksIn(record);
    return line;
  };
  let batch: string[][] = [];
  let at = 0;
  let failure: CsvFailure | null = null;
  let done = false;
  /**
   * Reads on until records are waiting in `batch` (false at the end). A bad record's error is
   * thrown once the records before it have been taken.
   */
  const refill = async (): Promise<boolean> => {
    while (at >= batch.length) {
      if (failure) throw new ImportFileError(failure.code, end + 1, failure.params);
      if (done) return false;
      const step = await texts.next();
      const got = step.done ? records.end() : records.push(step.value);
      done = step.done === true;
      batch = got.records;
      at = 0;
      if (got.failure) {
        batch = batch.slice(0, got.failure.row);
        failure = got.failure;
      }
    }
    return true;
  };

  let header: string[] = [];
  try {
    while (await refill()) {
      const record = batch[at++]!;
      const line = lineOf(record);
      if (record.every((cell) => cell.trim() === '')) continue;
      header = headerOf(record, line);
      break;
    }
  } catch (error) {
    close();
    throw error;
  }
  if (header.length === 0) {
    close();
    throw new ImportFileError('empty_file');
  }
  const width = header.length;
  async function* rows() {
    try {
      // A batch's records are taken without an await each (a million rows cost a million less).
      while (await refill())
        while (at < batch.length) {
          const record = batch[at++]!;
          const row = rowOf(lineOf(record), record, width);
          if (row) yield row;
        }
    } finally {
      close();
    }
  }
  return { header, rows: rows() };
}

interface CsvFailure {
  /** The place, in the records answered with it, of the record that cannot be read. */
  row: number;
  code: 'unclosed_quote' | 'malformed_csv' | 'record_too_large';
  params?: Record<string, string | number>;
}

/**
 * The records of a CSV text given in pieces, by Papa Parse's parser (RFC 4180 quoting, a quote
 * inside an unquoted cell kept as text): each piece answers the records it completes, and the
 * start of an unfinished one waits for the next. The line break is the file's first one outside
 * quotes (CRLF, LF or CR); a record still unfinished after MAX_RECORD_CHARS is refused (a runaway
 * quote would otherwise hold the rest of the file in memory).
 */
class CsvRecords {
  private parser: Papa.Parser | null = null;
  private pending = '';

  constructor(private readonly delimiter: string) {}

  push(text: string): { records: string[][]; failure?: CsvFailure } {
    return this.parse(this.pending + text, false);
  }

  end(): { records: string[][]; failure?: CsvFailure } {
    return this.parse(this.pending, true);
  }

  private parse(text: string, last: boolean): { records: string[][]; failure?: CsvFailure } {
    this.pending = '';
    if (!this.parser) {
      const newline = lineBreakOf(text, last);
      if (newline === null) {
        this.pending = text;
        return text.length > MAX_RECORD_CHARS ? { records: [], failure: tooLarge(0) } : { records: [] };
      }
      this.parser = new Papa.Parser({ delimiter: this.delimiter, newline, quoteChar: '"', escapeChar: '"' });
    }
    if (text === '') return { records: [] };
    const result = this.parser.parse(text, 0, !last) as Papa.ParseResult<string[]>;
    const records = result.data;
    const error = result.errors[0];
    if (error) {
      const row = error.row ?? records.length - 1;
      const reason = error.code.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
      return {
        records,
        failure:
          error.code === 'MissingQuotes'
            ? { row, code: 'unclosed_quote' }
            : { row, code: 'malformed_csv', params: { reason } },
      };
    }
    if (!last) {
      this.pending = text.slice(result.meta.cursor);
      if (this.pending.length > MAX_RECORD_CHARS) return { records, failure: tooLarge(records.length) };
    }
    return { records };
  }
}

/** The record at `row` has run past MAX_RECORD_CHARS without ending. */
function tooLarge(row: number): CsvFailure {
  return { row, code: 'record_too_large', params: { limit: MAX_RECORD_CHARS } };
}

/**
 * The file's line break: the first one outside quotes. Null while the text read so far has none
 * (or ends in a CR that may be half of a CRLF); at the end of a file with none, LF.
 */
function lineBreakOf(text: string, last: boolean): '\r\n' | '\n' | '\r' | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n') return '\n';
    else if (ch === '\r') {
      if (i + 1 < text.length) return text[i + 1] === '\n' ? '\r\n' : '\r';
      return last ? '\r' : null;
    }
  }
  return last ? '\n' : null;
}
