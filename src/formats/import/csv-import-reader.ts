import { pipeline } from 'node:stream';
import { CsvError, type Options, parse } from 'csv-parse';
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
export function openCsvTable(
  source: ByteSource,
  options: { encoding: ImportEncoding; delimiter: string },
  onProgress?: (bytesRead: number) => void,
): Promise<ImportTable> {
  return openCsv(source, options, onProgress, false);
}

/**
 * `locate`: the slow way, used only to say where a parse error is. The parser runs ahead of the
 * reader and an error drops the records it had buffered, so the file is read again counting lines
 * as the parser goes.
 */
async function openCsv(
  source: ByteSource,
  options: { encoding: ImportEncoding; delimiter: string },
  onProgress: ((bytesRead: number) => void) | undefined,
  locate: boolean,
): Promise<ImportTable> {
  const raw = source.open(0);
  const decoder = new TextDecodeStream(options.encoding, onProgress, 'utf8-bytes');
  const base: Options = {
    delimiter: options.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARS,
  };
  let parsedEnd = 0;
  const parser = parse(
    locate
      ? {
          ...base,
          on_record: (record: string[]) => {
            parsedEnd += 1 + lineBreaksIn(record);
            return record;
          },
        }
      : base,
  );
  pipeline(raw as NodeJS.ReadableStream, decoder, parser, () => {
    // Errors reach the reader through the parser's iterator.
  });
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const close = () => {
    parser.destroy();
    decoder.destroy();
    (raw as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  };
  const failure = async (error: unknown): Promise<Error> => {
    close();
    if (!(error instanceof CsvError)) return error as Error;
    if (locate) return csvFileError(error, parsedEnd + 1);
    try {
      const again = await openCsv(source, options, undefined, true);
      for await (const _ of again.rows) {
        // Read to the error, which says where it is.
      }
    } catch (located) {
      return located as Error;
    }
    return csvFileError(error, null);
  };
  // Physical lines, counted here (csv-parse counts a CRLF inside a quoted cell as two lines); a
  // blank line comes as a record of one empty cell, counted and then skipped.
  let end = 0;
  const lineOf = (record: string[]) => {
    const line = end + 1;
    end = line + lineBreaksIn(record);
    return line;
  };

  let header: string[] = [];
  try {
    for (;;) {
      const step = await records.next();
      if (step.done) break;
      const line = lineOf(step.value);
      if (step.value.every((cell) => cell.trim() === '')) continue;
      header = headerOf(step.value, line);
      break;
    }
  } catch (error) {
    throw await failure(error);
  }
  if (header.length === 0) {
    close();
    throw new ImportFileError('empty_file');
  }
  const width = header.length;
  async function* rows() {
    try {
      const rest = { [Symbol.asyncIterator]: () => records };
      for await (const record of rest) {
        const row = rowOf(lineOf(record), record, width);
        if (row) yield row;
      }
    } catch (error) {
      throw await failure(error);
    } finally {
      close();
    }
  }
  return { header, rows: rows() };
}

function csvFileError(error: unknown, line: number | null): Error {
  if (error instanceof ImportFileError) return error;
  if (error instanceof CsvError) {
    switch (error.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        return new ImportFileError('unclosed_quote', line);
      case 'CSV_MAX_RECORD_SIZE':
        // Most often a quote that never closes, read on to the limit.
        return new ImportFileError('record_too_large', line, { limit: MAX_RECORD_CHARS });
      default:
        return new ImportFileError('malformed_csv', line, {
          reason: error.code.replace(/^CSV_/, '').toLowerCase(),
        });
    }
  }
  return error as Error;
}
