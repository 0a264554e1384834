import { MINOR_UNIT_EXPONENTS } from './exponents.ts';

/**
 * The one amount parser, shared by the server (`money.ts: parseAmount`, which turns a refusal into
 * its AppError) and the web (`web/src/app/money-input.ts: parseMoneyInput`). Pure: no Node, no
 * AppError, no floating point; it answers a result with a reason code instead of throwing.
 *
 * Accepted: "1234.56", "1,234.56", "1.234,56", "1 234,56", "1'234.56", "$1,234.56", "MX$1,234.56",
 * "1.234,56 €", "1234.56 MXN"; a negative as "-12", "−12" (U+2212), "-$12", "$-12", "USD -12" or
 * "(1,234.56)" — one sign only ("(-12)", "--12" are refused, never read as positive).
 *
 * Which mark is the decimal one:
 * - both "." and "," appear: the last one; the other groups thousands (in groups of three);
 * - one mark, used more than once: it groups thousands ("1.234.567");
 * - one mark, used once: the decimal mark, except the ambiguous case — exactly three digits after
 *   it, a currency with fewer than three decimals, and not "0" before it ("10.005", "1,234" USD):
 *   - with a `locale`, the locale decides: its own decimal mark is the decimal mark ("10.005" in
 *     en-US or es-419 is 10.005, too precise for USD), the other mark groups thousands ("10.005"
 *     in es-ES is 10005). A person types the way the screen writes amounts, so that reading is theirs.
 *   - without one (a file, an import, an integrator), it groups thousands: "1,234" and "1.234" are
 *     one thousand two hundred thirty-four MXN whichever convention wrote them, as both Mexican
 *     and US accounting exports write them; a decimal amount in a two-decimal currency written
 *     with exactly three decimals would be too precise anyway, so that reading is never lost.
 * More decimals than the currency has is refused (`too_precise`), never rounded; trailing zeros
 * count ("10.500" USD is too precise in en, not 10.50), so what is typed is what is read.
 */
export type ParseMoneyFailure =
  /** Nothing but white space. */
  | 'empty'
  /** Not an amount: letters, misplaced marks, groups that are not three digits, two signs. */
  | 'invalid'
  /** More decimals than the currency has (`digits` says how many it has). */
  | 'too_precise'
  /** Beyond ±10^15 minor units, the bound of every amount Saldo stores. */
  | 'too_large'
  /** Not an ISO 4217 code Saldo knows. */
  | 'unknown_currency';

export type ParsedMoney =
  | { ok: true; minor: bigint }
  | {
      ok: false;
      reason: ParseMoneyFailure /** The currency's decimals, for `too_precise`. */;
      digits?: number;
    };

export interface ParseMoneyOptions {
  /** The BCP 47 tag of the person typing ("es", "en-US"): decides the ambiguous case (see above). */
  locale?: string;
}

/** The bound of every amount (minor units): far beyond any invoice, far inside int8. */
export const MAX_MINOR = 10n ** 15n;

/** "." or ",": the decimal mark `locale` writes, through Intl (the same in Node and the browser). */
export function decimalMarkOf(locale: string): '.' | ',' {
  const mark = new Intl.NumberFormat(locale)
    .formatToParts(1.5)
    .find((part) => part.type === 'decimal')?.value;
  return mark === ',' ? ',' : '.';
}

let known: Set<string> | undefined;
/** ISO 4217 codes as Intl knows them (the same list `currency.ts: isCurrency` checks). */
function knownCurrencies(): Set<string> {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known;
}

export function parseMoney(text: string, currency: string, options: ParseMoneyOptions = {}): ParsedMoney {
  if (!/^[A-Z]{3}$/.test(currency) || !knownCurrencies().has(currency))
    return { ok: false, reason: 'unknown_currency' };
  const exponent = MINOR_UNIT_EXPONENTS[currency] ?? 2;
  const invalid = { ok: false, reason: 'invalid' } as const;
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!s) return { ok: false, reason: 'empty' };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  // A code or symbol at either end: "USD 12", "12 MXN", "$12", "12 €".
  s = s
    .replace(/^[A-Z]{3}/, '')
    .replace(/[A-Z]{3}$/, '')
    .replace(/\p{Sc}+$/u, '');
  // The minus may stand before or after a symbol or code ("-$12", "$-12", "USD -12").
  const prefix = /^[^\d.,]*/.exec(s)![0];
  const minuses = (prefix.match(/[-\u2212]/g) ?? []).length;
  if (minuses > 1 || (minuses === 1 && negative)) return invalid;
  if (minuses === 1) negative = true;
  s = s.slice(prefix.length);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return invalid;

  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimalMark: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const count = s.split(mark).length - 1;
    const after = s.length - s.lastIndexOf(mark) - 1;
    const ambiguous = count === 1 && after === 3 && exponent < 3 && !/^0[.,]/.test(s);
    if (count > 1) decimalMark = null;
    else if (!ambiguous) decimalMark = mark;
    else if (options.locale) decimalMark = decimalMarkOf(options.locale) === mark ? mark : null;
    else decimalMark = null;
  }
  const cut = decimalMark ? s.lastIndexOf(decimalMark) : s.length;
  const integerPart = s.slice(0, cut);
  const fraction = decimalMark ? s.slice(cut + 1) : '';
  const groups = integerPart.split(decimalMark === null ? /[.,]/ : decimalMark === '.' ? ',' : '.');
  if (
    groups.length > 1 &&
    (groups.slice(1).some((g) => g.length !== 3) || groups[0]!.length === 0 || groups[0]!.length > 3)
  )
    return invalid;
  const integer = groups.join('');
  if (!/^\d+$/.test(integer) || (decimalMark && !/^\d+$/.test(fraction))) return invalid;
  if (fraction.length > exponent) return { ok: false, reason: 'too_precise', digits: exponent };
  const minor = BigInt(integer + fraction.padEnd(exponent, '0'));
  if (minor > MAX_MINOR) return { ok: false, reason: 'too_large' };
  return { ok: true, minor: negative ? -minor : minor };
}
