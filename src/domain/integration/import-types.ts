/**
 * The shapes every import shares, whatever the channel (console upload, `saldo import`, the drop
 * folder, the integration API) and whatever the format (CSV, XLSX, JSON, UBL): a file is read into
 * rows of cells under a header (formats/import), the profile's mapping names which column holds which
 * field (import-fields.ts), and the run's result is one ImportSummary plus one ImportErrorRecord per
 * rejected row.
 */
export const importKinds = [
  'customers',
  'contacts',
  'invoices',
  'credit_memos',
  'payments',
  'holds',
  'aging',
] as const;
export type ImportKind = (typeof importKinds)[number];

export const importFormats = ['csv', 'xlsx', 'json', 'ubl'] as const;
export type ImportFormat = (typeof importFormats)[number];

export const importEncodings = ['utf-8', 'windows-1252'] as const;
export type ImportEncoding = (typeof importEncodings)[number];

export const dateFormats = ['dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd'] as const;
export type DateFormat = (typeof dateFormats)[number];

/**
 * How a file is read: what the profile stores, what the preview shows and lets the user override.
 * `encoding` and `delimiter` left out are detected (and the detection shown).
 */
export interface ImportFileSettings {
  format: ImportFormat;
  /** CSV only. */
  encoding?: ImportEncoding;
  /** CSV only: one character (`,` `;` tab `|`). */
  delimiter?: string;
  /** XLSX only: the sheet's name; default the first. */
  sheet?: string;
}

/** How values are read and where they are. */
export interface ImportSettings extends ImportFileSettings {
  /** '.' or ','; the other mark (and spaces, apostrophes) group thousands. */
  decimalMark: '.' | ',';
  dateFormat: DateFormat;
  /** Field name (import-fields.ts) → the file's column header that holds it. */
  mapping: Record<string, string>;
  /** 'all': the whole file commits or nothing does; 'rows': each good document commits, each bad one is reported. */
  mode: 'all' | 'rows';
}

/** One data row of a file: `line` is where it is in the file (1-based, header included), for error reports. */
export interface ImportRow {
  line: number;
  /** Aligned to the header; null for an empty or missing cell. */
  cells: (string | null)[];
  /** How many non-empty cells the row had beyond the header's last column (cut off); absent when none. */
  overflow?: number;
}

/** One rejected row (or a problem with the whole file when `line` is null). */
export interface ImportErrorRecord {
  line: number | null;
  /** The file's column header, when one column is at fault. */
  column: string | null;
  /** A stable code; its message is in src/i18n (`importErrors.<code>`), rendered in the reader's language. */
  code: string;
  params?: Record<string, string | number>;
}

export interface ImportSummary {
  /** Data rows read. */
  rows: number;
  /** Documents (customers, invoices…) those rows made. */
  documents: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Documents not applied because of an error (every one has an error record). */
  rejected: number;
  /** Documents held for review instead of applied (import_reviews). */
  flagged: number;
  voided: number;
  /** Per currency, the sum of the documents' totals applied (minor units as a decimal string). */
  sums: { currency: string; amount: string }[];
  /** Whether anything was written (false: an 'all' run with errors, or nothing to change). */
  committed: boolean;
  errors: number;
}

/**
 * Why a file could not be read at all (formats/import throws these as ImportFileError; the run
 * records the code, its line and params; messages are `importErrors.<code>` in src/i18n).
 */
export const importFileErrorCodes = [
  'file_too_large',
  'empty_file',
  'no_data_rows',
  'looks_like_xlsx',
  'looks_like_pdf',
  'legacy_xls',
  'binary_file',
  'unsupported_encoding',
  'nul_byte',
  'invalid_utf8',
  'unclosed_quote',
  'malformed_csv',
  'record_too_large',
  'duplicate_header',
  'malformed_xlsx',
  'sheet_not_found',
  'malformed_json',
  'json_not_documents',
  'malformed_xml',
  'not_ubl',
] as const;
export type ImportFileErrorCode = (typeof importFileErrorCodes)[number];

/** A file's bytes, readable again from any offset (a local file, the stored chunks of a run, a buffer). */
export interface ByteSource {
  open: (start?: number) => NodeJS.ReadableStream | import('node:stream').Readable;
  size: number;
  name: string;
}

/** What formats/import's inspectImportFile found in a file: for the preview and the mapping suggestion. */
export interface ImportFileInfo {
  /** From the settings, else guessed from the name and the first bytes. */
  format: ImportFormat;
  /** CSV: the encoding used (the override, else the detected one); null otherwise. */
  encoding: ImportEncoding | null;
  detectedEncoding: ImportEncoding | null;
  /** CSV: whether the file starts with a UTF-8 byte order mark. */
  bom: boolean;
  /** CSV: the delimiter used (the override, else the detected one); null otherwise. */
  delimiter: string | null;
  detectedDelimiter: string | null;
  /** XLSX: the sheets' names; [] otherwise. */
  sheets: string[];
  /** Column headers as written (trimmed); UBL: canonical field names; JSON: the keys (flattened). */
  header: string[];
  /** The first 20 data rows, cells aligned to the header. */
  sample: ImportRow[];
  /** UBL Invoice → 'invoices', CreditNote → 'credit_memos'; null otherwise. */
  kindHint: ImportKind | null;
  /** Settings the format fixes (UBL: ISO dates, '.' decimals, columns = fields; JSON: '.' decimals), over a profile's. */
  impliedSettings: Partial<Pick<ImportSettings, 'dateFormat' | 'decimalMark' | 'mapping'>>;
}

/** A file that cannot be read; `line` is where (1-based, as ImportRow.line), null for the whole file. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    readonly code: ImportFileErrorCode,
    readonly line: number | null = null,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}${line === null ? '' : ` at line ${line}`} ${JSON.stringify(params)}`);
  }
}
