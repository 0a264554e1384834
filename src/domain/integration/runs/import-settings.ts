import { AppError } from '../../errors.ts';
import { importField, importFields } from '../import-fields.ts';
import {
  type DateFormat,
  dateFormats,
  type ImportEncoding,
  type ImportFileInfo,
  type ImportFormat,
  type ImportKind,
  type ImportSettings,
  importEncodings,
  importFormats,
} from '../import-types.ts';

type FieldProblem = { field: string; code: string; params?: Record<string, string | number> };

const settingKeys = new Set([
  'format',
  'encoding',
  'delimiter',
  'sheet',
  'decimalMark',
  'dateFormat',
  'mapping',
  'mode',
]);
/** Delimiters a CSV may use: one character that is not a quote, a line break or a letter or digit. */
const delimiterPattern = /^[^"\r\n\p{L}\p{N}]$/u;
// NUL and lone surrogates are refused at every edge (DESIGN.md, Security rules).
export const hasBadText = (text: string) =>
  text.includes('\u0000') || /[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

/**
 * Checks settings that arrive from outside (a profile being saved, a run's options, a stored
 * profile read back) against the closed shape ImportSettings, for one kind: every mapping key a
 * field of that kind (import-fields.ts), every value a column name. Answers a fresh object with
 * only the known keys; refuses with `validation_failed` and one field error per problem.
 */
export function parseImportSettings(kind: ImportKind, value: unknown): ImportSettings {
  const problems: FieldProblem[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new AppError('validation_failed', {}, [
      { field: 'settings', code: 'type', params: { type: 'object' } },
    ]);
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input))
    if (!settingKeys.has(key)) problems.push({ field: key, code: 'additionalProperties' });
  if (!oneOf(importFormats, input.format))
    problems.push({ field: 'format', code: 'enum', params: { values: importFormats.join(', ') } });
  if (input.encoding !== undefined && !oneOf(importEncodings, input.encoding))
    problems.push({ field: 'encoding', code: 'enum', params: { values: importEncodings.join(', ') } });
  if (
    input.delimiter !== undefined &&
    !(typeof input.delimiter === 'string' && delimiterPattern.test(input.delimiter))
  )
    problems.push({ field: 'delimiter', code: 'invalid' });
  if (
    input.sheet !== undefined &&
    !(
      typeof input.sheet === 'string' &&
      input.sheet.length >= 1 &&
      input.sheet.length <= 100 &&
      !hasBadText(input.sheet)
    )
  )
    problems.push({ field: 'sheet', code: 'invalid' });
  if (input.decimalMark !== '.' && input.decimalMark !== ',')
    problems.push({ field: 'decimalMark', code: 'enum', params: { values: '., ,' } });
  if (!oneOf(dateFormats, input.dateFormat))
    problems.push({ field: 'dateFormat', code: 'enum', params: { values: dateFormats.join(', ') } });
  if (input.mode !== 'all' && input.mode !== 'rows')
    problems.push({ field: 'mode', code: 'enum', params: { values: 'all, rows' } });
  const mapping: Record<string, string> = {};
  if (typeof input.mapping !== 'object' || input.mapping === null || Array.isArray(input.mapping)) {
    problems.push({ field: 'mapping', code: 'type', params: { type: 'object' } });
  } else {
    for (const [field, column] of Object.entries(input.mapping as Record<string, unknown>)) {
      if (!importField(kind, field))
        problems.push({ field: `mapping.${field}`, code: 'not_an_import_field' });
      else if (
        typeof column !== 'string' ||
        column.trim() === '' ||
        column.length > 200 ||
        hasBadText(column)
      )
        problems.push({ field: `mapping.${field}`, code: 'invalid' });
      else mapping[field] = column;
    }
  }
  if (problems.length) throw new AppError('validation_failed', {}, problems);
  return {
    format: input.format as ImportFormat,
    ...(input.encoding !== undefined ? { encoding: input.encoding as ImportEncoding } : {}),
    ...(input.delimiter !== undefined ? { delimiter: input.delimiter as string } : {}),
    ...(input.sheet !== undefined ? { sheet: input.sheet as string } : {}),
    decimalMark: input.decimalMark as '.' | ',',
    dateFormat: input.dateFormat as DateFormat,
    mapping,
    mode: input.mode as 'all' | 'rows',
  };
}

/** Countries whose accounting exports write a decimal comma ("1.234,56"); elsewhere a point. */
const decimalCommaCountries = new Set([
  'AR',
  'BO',
  'BR',
  'CL',
  'CO',
  'CR',
  'EC',
  'ES',
  'PY',
  'UY',
  'VE',
  'DE',
  'FR',
  'IT',
  'PT',
  'NL',
  'BE',
  'AT',
]);

/**
 * How a seller's files are read when nothing says otherwise (no profile, no option): the number
 * and date habits of its country — a Mexican or US export writes "1,234.56", a Colombian or Spanish
 * one "1.234,56"; only the US writes the month first.
 */
export function defaultReadingSettings(
  country: string,
): Pick<ImportSettings, 'decimalMark' | 'dateFormat' | 'mode'> {
  return {
    decimalMark: decimalCommaCountries.has(country.toUpperCase()) ? ',' : '.',
    dateFormat: country.toUpperCase() === 'US' ? 'mm/dd/yyyy' : 'dd/mm/yyyy',
    mode: 'all',
  };
}

/**
 * The settings a file is read with when nobody is there to choose them (the CLI, the drop folder):
 * the profile's when there is one, else the mapping suggested from the file's header and the
 * seller's country's habits; the file's own format wins over the profile's (the same columns may
 * come as CSV one day and XLSX the next; the encoding and delimiter then are detected again), and
 * what the format itself fixes (UBL) over both; `overrides` (the command's options) over all.
 * `unmatchedRequired`: required fields that no column of this file holds.
 */
export function settingsForFile(input: {
  kind: ImportKind;
  info: Pick<ImportFileInfo, 'format' | 'header' | 'impliedSettings'>;
  profile: { settings: ImportSettings } | null;
  suggested: Record<string, string>;
  country: string;
  overrides?: Partial<ImportSettings> | undefined;
}): { settings: ImportSettings; unmatchedRequired: string[] } {
  const base: ImportSettings = input.profile
    ? { ...input.profile.settings }
    : { format: input.info.format, ...defaultReadingSettings(input.country), mapping: input.suggested };
  if (base.format !== input.info.format) {
    base.format = input.info.format;
    delete base.encoding;
    delete base.delimiter;
    delete base.sheet;
  }
  const implied = input.info.impliedSettings ?? {};
  const settings: ImportSettings = { ...base, ...implied, ...(input.overrides ?? {}) };
  settings.mapping = Object.fromEntries(
    Object.entries({
      ...base.mapping,
      ...(implied.mapping ?? {}),
      ...(input.overrides?.mapping ?? {}),
    }).filter(
      ([field, column]) =>
        importField(input.kind, field) && column.trim() !== '' && column.length <= 200 && !hasBadText(column),
    ),
  );
  const header = new Set(input.info.header.map((h) => h.trim().toLowerCase()));
  const unmatchedRequired = importFields[input.kind]
    .filter((f) => f.required)
    .map((f) => f.name)
    .filter((name) => {
      const column = settings.mapping[name];
      return column === undefined || !header.has(column.trim().toLowerCase());
    });
  return { settings, unmatchedRequired };
}
