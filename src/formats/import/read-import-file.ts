import {
  type ByteSource,
  type ImportEncoding,
  ImportFileError,
  type ImportFileInfo,
  type ImportFileSettings,
  type ImportFormat,
  type ImportKind,
  type ImportRow,
} from '../../domain/integration/import-types.ts';
import { detectDelimiter, openCsvTable } from './csv-import-reader.ts';
import {
  assertReadableAs,
  decodeSample,
  detectEncoding,
  guessFormat,
  hasUtf8Bom,
  readHead,
} from './import-bytes.ts';
import type { ImportTable } from './import-table.ts';
import { openJsonTable } from './json-import-reader.ts';
import { openUblTable } from './ubl-import-reader.ts';
import { openXlsxTable } from './xlsx-import-reader.ts';

export type { ByteSource, ImportFileInfo } from '../../domain/integration/import-types.ts';
export { ImportFileError } from '../../domain/integration/import-types.ts';

/** Files over this are refused before a byte is read, unless the caller sets `maxBytes`. */
export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;
/** Rows a preview shows. */
export const SAMPLE_ROWS = 20;

/** Where a file may be read from: the settings a profile stores, plus the caller's size limit. */
export type ReadImportSettings = Partial<ImportFileSettings> & {
  /** Refuse bigger files with `file_too_large` (default 2 GiB). */
  maxBytes?: number;
};

interface OpenedFile {
  format: ImportFormat;
  table: ImportTable;
  encoding: ImportEncoding | null;
  detectedEncoding: ImportEncoding | null;
  bom: boolean;
  delimiter: string | null;
  detectedDelimiter: string | null;
  sheets: string[];
  kindHint: ImportKind | null;
}

function checkDelimiter(delimiter: string): string {
  if ([...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new TypeError(
      `A CSV delimiter is one character other than a quote or a line break: ${JSON.stringify(delimiter)}`,
    );
  }
  return delimiter;
}

async function openImportFile(
  source: ByteSource,
  settings: ReadImportSettings,
  onProgress?: (bytesRead: number) => void,
): Promise<OpenedFile> {
  const limit = settings.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source.size > limit) throw new ImportFileError('file_too_large', null, { size: source.size, limit });
  if (source.size === 0) throw new ImportFileError('empty_file');
  const head = await readHead(source);
  if (head.length === 0) throw new ImportFileError('empty_file');
  const format = settings.format ?? guessFormat(source.name, head);
  assertReadableAs(format, head);
  const none = {
    encoding: null,
    detectedEncoding: null,
    bom: false,
    delimiter: null,
    detectedDelimiter: null,
  };
  switch (format) {
    case 'csv': {
      const detectedEncoding = detectEncoding(head);
      const encoding = settings.encoding ?? detectedEncoding;
      const text = decodeSample(head, encoding);
      if (text.trim() === '') throw new ImportFileError('empty_file');
      const detectedDelimiter = detectDelimiter(text);
      const delimiter = checkDelimiter(settings.delimiter ?? detectedDelimiter ?? ',');
      const table = await openCsvTable(source, { encoding, delimiter }, onProgress);
      return {
        format,
        table,
        encoding,
        detectedEncoding,
        bom: hasUtf8Bom(head),
        delimiter,
        detectedDelimiter,
        sheets: [],
        kindHint: null,
      };
    }
    case 'xlsx': {
      const { sheets, ...table } = await openXlsxTable(
        source,
        settings.sheet === undefined ? {} : { sheet: settings.sheet },
        onProgress,
      );
      return { format, table, ...none, sheets, kindHint: null };
    }
    case 'json':
      return { format, table: await openJsonTable(source, onProgress), ...none, sheets: [], kindHint: null };
    case 'ubl': {
      const { kind, ...table } = await openUblTable(source);
      onProgress?.(source.size);
      return { format, table, ...none, sheets: [], kindHint: kind };
    }
  }
}

/**
 * Looks at a file for the preview: its format (the settings', else guessed from the name and the
 * first bytes), encoding and delimiter (CSV: detected, and the ones used), sheets (XLSX), header
 * and first 20 data rows. Reads only as far as the sample needs. Throws ImportFileError.
 */
export async function inspectImportFile(
  source: ByteSource,
  settings: ReadImportSettings = {},
): Promise<ImportFileInfo> {
  const opened = await openImportFile(source, settings);
  const sample: ImportRow[] = [];
  try {
    for await (const row of opened.table.rows) {
      sample.push(row);
      if (sample.length >= SAMPLE_ROWS) break;
    }
  } finally {
    await opened.table.rows.return(undefined);
  }
  if (sample.length === 0) throw new ImportFileError('no_data_rows');
  const { table, ...info } = opened;
  return {
    ...info,
    header: table.header,
    sample,
    impliedSettings: impliedSettings(opened.format, table.header),
  };
}

/**
 * What a format fixes whatever the profile says: UBL writes ISO dates, '.' decimals and its
 * columns are the fields; JSON's numbers are '.' decimals (read with a profile's ',' they would
 * silently lose their point; a JSON string written "1.234,56" is refused instead).
 */
function impliedSettings(format: ImportFormat, header: string[]): ImportFileInfo['impliedSettings'] {
  if (format === 'ubl') {
    return {
      dateFormat: 'yyyy-mm-dd',
      decimalMark: '.',
      mapping: Object.fromEntries(header.map((name) => [name, name])),
    };
  }
  return format === 'json' ? { decimalMark: '.' } : {};
}

/**
 * The header of a file and a stream of every data row (constant memory: rows are read as the
 * consumer takes them, so back-pressure holds), `onProgress(bytesRead)` about once a MiB and at the
 * end. Lines: CSV the file's physical lines (header = 1), XLSX the sheet's row numbers, JSON the
 * document's place in the file (1-based), UBL the row's place in the document. A header with no
 * rows under it throws `no_data_rows` when the rows are read.
 */
export async function openImportRows(
  source: ByteSource,
  settings: ReadImportSettings & { format: ImportFormat },
  onProgress?: (bytesRead: number) => void,
): Promise<{ header: string[]; rows: AsyncIterable<ImportRow> }> {
  const { table } = await openImportFile(source, settings, onProgress);
  async function* rows() {
    let count = 0;
    try {
      for await (const row of table.rows) {
        count++;
        yield row;
      }
    } finally {
      await table.rows.return(undefined);
    }
    if (count === 0) throw new ImportFileError('no_data_rows');
  }
  return { header: table.header, rows: rows() };
}

/** Every data row of a file (see openImportRows; the header is inspectImportFile's or openImportRows'). */
export async function* readImportRows(
  source: ByteSource,
  settings: ImportFileSettings & { encoding?: ImportEncoding; delimiter?: string; maxBytes?: number },
  onProgress?: (bytesRead: number) => void,
): AsyncIterable<ImportRow> {
  const { table } = await openImportFile(source, settings, onProgress);
  let count = 0;
  try {
    for await (const row of table.rows) {
      count++;
      yield row;
    }
  } finally {
    await table.rows.return(undefined);
  }
  if (count === 0) throw new ImportFileError('no_data_rows');
}
