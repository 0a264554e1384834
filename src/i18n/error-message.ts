import type { Locale } from '../db/schema.ts';
import type { AppError, ErrorParam, ErrorParams } from '../domain/errors.ts';
import { formatMoney } from '../domain/money/money.ts';
import { t } from './index.ts';

type Words = Record<string, string | number>;

const isMoney = (value: ErrorParam): value is { amount: bigint; currency: string } =>
  typeof value === 'object' && value !== null && typeof value.amount === 'bigint';

/**
 * Raw values that name something the catalog translates, by error code and param: an invoice
 * that is not open gives its `status` (`invoiceStatus.void` → "cancelada"), a weak password its
 * `reason` (`password.too_short`).
 */
const translated: Record<string, Record<string, string>> = {
  invoice_not_open: { status: 'invoiceStatus' },
  weak_password: { reason: 'password' },
  payment_state_conflict: { from: 'paymentStatus', to: 'paymentStatus' },
  online_payments_disabled: { reason: 'onlineBlocked' },
  method_not_accepted: { kind: 'methodKind' },
  payment_not_refundable: { status: 'paymentStatus' },
};

/**
 * The domain's raw error values in words of `locale`: amounts formatted with their currency,
 * statuses and reasons translated, a wait in `seconds` as "{minutes} minutes" (`{wait}`).
 */
export function errorWords(locale: Locale, code: string, params: ErrorParams = {}): Words {
  const words: Words = {};
  const names = translated[code] ?? {};
  for (const [name, value] of Object.entries(params)) {
    if (isMoney(value)) words[name] = formatMoney(value.amount, value.currency, locale);
    else if (typeof value === 'bigint') words[name] = value.toString();
    else words[name] = value;
  }
  // After every other value is in words: a translated reason may name them ("at least {min}").
  for (const [name, prefix] of Object.entries(names)) {
    const value = params[name];
    if (typeof value === 'string') words[name] = t(locale, `${prefix}.${value}`, words);
  }
  if (typeof params.seconds === 'number') {
    const minutes = Math.max(1, Math.ceil(params.seconds / 60));
    words.minutes = minutes;
    words.wait = t(locale, minutes === 1 ? 'wait.minute' : 'wait.minutes', { minutes });
  }
  return words;
}

/** The sentence a person reads for an error, without its per-field list. */
export function errorMessage(locale: Locale, error: AppError): string {
  return t(locale, `error.${error.code}`, errorWords(locale, error.code, error.params));
}

/** "amount debe ser …": one field's problem in words. */
export function fieldMessage(locale: Locale, field: AppError['fields'][number]): string {
  return `${field.field} ${t(locale, `field.${field.code}`, errorWords(locale, field.code, field.params))}`;
}
