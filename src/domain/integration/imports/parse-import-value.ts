import { isCurrency } from '../../money/currency.ts';
import type { ImportField } from '../import-fields.ts';
import type { DateFormat, ImportSettings } from '../import-types.ts';

/**
 * Reads one cell of an import file as its field's type says (import-fields.ts), with the profile's
 * decimal mark and date format, into the text the staging table takes (kind-importer.ts): exact
 * decimals still in major units (the kind knows the currency's exponent), ISO dates, an enum's own
 * value for the ERP's word, upper-case currency codes, 'es' | 'en'. Never through a JavaScript
 * number: amounts and decimals stay digit strings. Pure; a refusal is a code with its params.
 */
export type ParsedValue =
  | { ok: true; value: string | null }
  | { ok: false; code: string; params?: Record<string, string | number> };

type ValueSettings = Pick<ImportSettings, 'decimalMark' | 'dateFormat'>;

const ok = (value: string | null): ParsedValue => ({ ok: true, value });
const fail = (code: string, params?: Record<string, string | number>): ParsedValue =>
  params ? { ok: false, code, params } : { ok: false, code };

/** Digits before the decimal mark: anything longer is beyond every amount Saldo keeps (10^15 minor units). */
const MAX_INTEGER_DIGITS = 16;
/** Digits after it: more than any quantity, price or rate takes; the kind refuses what its scale does not. */
const MAX_FRACTION_DIGITS = 12;

const surrogate = /[\ud800-\udfff]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// ajv-formats' full e-mail format: what the API's `format: 'email'` accepts.
const emailPattern =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** Lower case, no accents, runs of space, '_' and '-' as one space: how ERP words are compared. */
export function foldWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/**
 * The ERP's words for each enum value, Spanish and English (folded). Only the values a field
 * accepts are looked up, so a word may stand for values of different fields ('activo').
 */
const enumWords: Record<string, readonly string[]> = {
  open: [
    'open',
    'opened',
    'abierta',
    'abierto',
    'vigente',
    'activa',
    'activo',
    'pendiente',
    'emitida',
    'issued',
  ],
  void: ['void', 'voided', 'cancelled', 'canceled', 'cancelada', 'cancelado', 'anulada', 'anulado', 'nula'],
  on_hold: [
    'on hold',
    'hold',
    'blocked',
    'bloqueado',
    'bloqueada',
    'suspendido',
    'suspendida',
    'retenido',
    'yes',
    'y',
    'si',
    '1',
    'true',
  ],
  active: ['active', 'activo', 'activa', 'released', 'liberado', 'liberada', 'no', 'n', '0', 'false'],
  check: ['check', 'cheque', 'chq', '02'],
  cash: ['cash', 'efectivo', '01'],
  bank_transfer: [
    'bank transfer',
    'transfer',
    'wire',
    'ach',
    'transferencia',
    'transferencia electronica',
    'spei',
    'deposito',
    '03',
  ],
  card_terminal: [
    'card terminal',
    'card',
    'terminal',
    'tpv',
    'tarjeta',
    'tarjeta de credito',
    'tarjeta de debito',
    '04',
    '28',
  ],
  other: ['other', 'otro', 'otros', 'otra', '99'],
  invoice: ['invoice', 'inv', 'factura', 'fac', 'fa'],
  credit_memo: ['credit memo', 'credit note', 'credit', 'cm', 'nota de credito', 'nc', 'nota credito'],
  payment: ['payment', 'pay', 'pago', 'abono', 'cobro', 'recibo'],
};

const localeWords: Record<string, 'es' | 'en'> = {
  es: 'es',
  espanol: 'es',
  spanish: 'es',
  castellano: 'es',
  en: 'en',
  english: 'en',
  ingles: 'en',
};

/** The enum value a cell names, or undefined. */
export function enumValue(values: readonly string[], text: string): string | undefined {
  const word = foldWord(text);
  for (const value of values) if (word === foldWord(value)) return value;
  for (const value of values) if (enumWords[value]?.includes(word)) return value;
  return undefined;
}

/**
 * An amount or decimal as written in the file, with `mark` as the decimal mark: the other mark,
 * spaces and apostrophes group thousands (in groups of three); a negative as "-1.234,56",
 * "1.234,56-" or "(1,234.56)"; a currency code or symbol at either end. Answers the exact decimal
 * ("-1234.56"), or a refusal.
 */
const plainComma = /^-?\d{1,16}(?:,\d{1,12})?$/;
const plainPoint = /^-?\d{1,16}(?:\.\d{1,12})?$/;
// Grouped in thousands, no other sign or symbol ("1.234,56", "-12,345,678.9"): at most 16 digits
// before the mark (5 full groups after a first of 1–3 digits not starting with 0).
const groupedComma = /^(-?)([1-9]\d{0,2}(?:\.\d{3}){1,4})(?:,(\d{1,12}))?$/;
const groupedPoint = /^(-?)([1-9]\d{0,2}(?:,\d{3}){1,4})(?:\.(\d{1,12}))?$/;

export function parseDecimalText(text: string, mark: '.' | ','): ParsedValue {
  // Most cells are plain ("1234,56", "-12") or grouped ("1.234,56"): read at once. A grouped one
  // comes out exactly as the long way below writes it ("1.000,50" → "1000.5").
  if (mark === ',' ? plainComma.test(text) : plainPoint.test(text))
    return ok(mark === ',' ? text.replace(',', '.') : text);
  const grouped = (mark === ',' ? groupedComma : groupedPoint).exec(text);
  if (grouped) {
    const integer = grouped[2]!.replaceAll(mark === ',' ? '.' : ',', '');
    const fraction = grouped[3]?.endsWith('0') ? grouped[3].replace(/0+$/, '') : grouped[3];
    return ok(`${grouped[1]}${integer}${fraction ? `.${fraction}` : ''}`);
  }
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s
    .replace(/^[A-Za-z]{3}(?=[-\u2212\d.,\p{Sc}])/u, '')
    .replace(/(?<=[\d.,\p{Sc}])[A-Za-z]{3}$/u, '')
    .replace(/^\p{Sc}+|\p{Sc}+$/gu, '');
  const sign = /^[-\u2212+]|[-\u2212]$/.exec(s);
  if (sign) {
    if (negative && sign[0] !== '+') return fail('invalid_number');
    negative = negative || sign[0] !== '+';
    s = sign.index === 0 ? s.slice(1) : s.slice(0, -1);
    s = s.replace(/^\p{Sc}+/u, '');
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return fail('invalid_number');
  const group = mark === ',' ? '.' : ',';
  const parts = s.split(mark);
  if (parts.length > 2) return fail('invalid_number');
  const [integerText = '', fraction = ''] = parts;
  if (fraction.includes(group)) return fail('invalid_number');
  const groups = integerText.split(group);
  if (
    groups.length > 1 &&
    (groups[0]!.length === 0 || groups[0]!.length > 3 || groups.slice(1).some((g) => g.length !== 3))
  )
    return fail('invalid_number');
  const integer = groups.join('') || '0';
  if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction)) return fail('invalid_number');
  const digits = integer.replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_INTEGER_DIGITS) return fail('too_large');
  const frac = fraction.replace(/0+$/, '');
  if (frac.length > MAX_FRACTION_DIGITS) return fail('too_precise', { digits: MAX_FRACTION_DIGITS });
  const value = frac ? `${digits}.${frac}` : digits;
  return ok(negative && /[1-9]/.test(value) ? `-${value}` : value);
}

const INT4_MAX = 2147483647n;

function parseInteger(text: string, mark: '.' | ','): ParsedValue {
  const parsed = parseDecimalText(text, mark);
  if (!parsed.ok) return parsed.code === 'too_large' ? parsed : fail('invalid_integer');
  if (parsed.value!.includes('.')) return fail('invalid_integer');
  const n = BigInt(parsed.value!);
  if (n > INT4_MAX || n < -INT4_MAX - 1n) return fail('too_large');
  return parsed;
}

const datePatterns: Record<DateFormat, RegExp> = {
  'dd/mm/yyyy': /^(?<d>\d{1,2})[/.-](?<m>\d{1,2})[/.-](?<y>\d{4})$/,
  'mm/dd/yyyy': /^(?<m>\d{1,2})[/.-](?<d>\d{1,2})[/.-](?<y>\d{4})$/,
  'yyyy-mm-dd': /^(?<y>\d{4})[/.-](?<m>\d{1,2})[/.-](?<d>\d{1,2})$/,
};
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isoDate = /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$/;

const digitAt = (text: string, i: number) => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** dd/mm/yyyy or mm/dd/yyyy written whole with '/', '.' or '-'; null when it is not (the long way decides). */
function fastDate(text: string, dayFirst: boolean): ParsedValue | null {
  const sep = text[2];
  if ((sep !== '/' && sep !== '.' && sep !== '-') || text[5] !== sep) return null;
  const digits = [0, 1, 3, 4, 6, 7, 8, 9].map((i) => digitAt(text, i));
  if (digits.includes(-1)) return null;
  const [a1, a2, b1, b2, y1, y2, y3, y4] = digits as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const y = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const d = dayFirst ? a1 * 10 + a2 : b1 * 10 + b2;
  const m = dayFirst ? b1 * 10 + b2 : a1 * 10 + a2;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return null;
  const days = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : monthDays[m - 1]!;
  if (d > days) return null;
  return ok(`${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`);
}

/**
 * A date as the profile writes it; an ISO date (what XLSX and JSON readers give) is always read.
 * A time after the date ("31/01/2026 00:00:00", "2026-01-31T00:00:00") is dropped. A date that
 * does not exist (31/02/2026) is `impossible_date`, never rolled over into March.
 */
export function parseDateText(text: string, format: DateFormat): ParsedValue {
  // Most cells are the profile's own ten characters ("31/01/2026"): read digit by digit.
  if (text.length === 10 && format !== 'yyyy-mm-dd') {
    const fast = fastDate(text, format === 'dd/mm/yyyy');
    if (fast) return fast;
  }
  const s =
    text.length <= 10
      ? text
      : text.trim().replace(/(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?Z?)$/i, '');
  const match = datePatterns[format].exec(s) ?? isoDate.exec(s);
  if (!match?.groups) return fail('invalid_date', { format });
  const y = Number(match.groups.y);
  const m = Number(match.groups.m);
  const d = Number(match.groups.d);
  if (y < 1900 || y > 2199) return fail('invalid_date', { format });
  const days = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : monthDays[m - 1];
  if (m < 1 || m > 12 || d < 1 || d > days!) return fail('impossible_date', { value: s });
  return ok(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** Reads one cell for its field; an empty cell (null or blanks) is null, a required one `required`. */
export function parseImportValue(
  field: ImportField,
  cell: string | null,
  settings: ValueSettings,
): ParsedValue {
  if (cell === null) return field.required ? fail('required') : ok(null);
  if (cell.includes('\u0000') || (surrogate.test(cell) && loneSurrogate.test(cell)))
    return fail('invalid_characters');
  const text = cell.trim();
  if (!text) return field.required ? fail('required') : ok(null);
  switch (field.type) {
    case 'text': {
      // UTF-16 units count at least the characters: only a long text is counted exactly.
      if (
        field.maxLength !== undefined &&
        text.length > field.maxLength &&
        [...text].length > field.maxLength
      )
        return fail('too_long', { max: field.maxLength });
      return ok(text);
    }
    case 'amount':
    case 'decimal':
      return parseDecimalText(text, settings.decimalMark);
    case 'integer':
      return parseInteger(text, settings.decimalMark);
    case 'date':
      return parseDateText(text, settings.dateFormat);
    case 'currency': {
      const code = text.toUpperCase();
      return isCurrency(code) ? ok(code) : fail('unknown_currency', { value: text.slice(0, 20) });
    }
    case 'locale': {
      const word = foldWord(text).split(/[ _-]/)[0]!;
      const locale = localeWords[word] ?? localeWords[foldWord(text)];
      return locale ? ok(locale) : fail('invalid_locale', { value: text.slice(0, 20) });
    }
    case 'email': {
      if (field.maxLength !== undefined && text.length > field.maxLength)
        return fail('too_long', { max: field.maxLength });
      return emailPattern.test(text) ? ok(text.toLowerCase()) : fail('invalid_email');
    }
    case 'enum': {
      const value = enumValue(field.values ?? [], text);
      return value ? ok(value) : fail('invalid_enum', { values: (field.values ?? []).join(', ') });
    }
  }
}
