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
