import type { MethodKind } from '../../domain/payments/payment-gateway.ts';
import type { FieldErrors } from './sandbox-pages.ts';
import {
  abaValid,
  achBehaviourOf,
  type Behaviour,
  cardBehaviourOf,
  cardBrand,
  cardNumberValid,
  type LateReturnCode,
  lateReturnOfAccount,
} from './sandbox-test-numbers.ts';
import type { SandboxText } from './sandbox-text.ts';

/**
 * Reads the entry page's form. What comes out on success is all the sandbox keeps of the method
 * (brand, last four, expiry or bank details, and the behaviour class); the numbers themselves go
 * no further than this function.
 */
export interface EnteredMethod {
  kind: MethodKind;
  brand: string | null;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  bankName: string | null;
  accountType: 'checking' | 'savings' | null;
  behaviour: Behaviour;
  /** A test account whose debit settles, then comes back with this code (its token says so). */
  returnsAfterSettling: LateReturnCode | null;
}

export type EntryOutcome =
  | { ok: true; method: EnteredMethod }
  /** `values` holds only what the page may show again: never a number or the CVC. */
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

const SANDBOX_BANK_NAME = 'Sandbox Bank';

const digitsOnly = (value: string) => value.replace(/[\s-]/g, '');
const field = (form: URLSearchParams, name: string) => (form.get(name) ?? '').trim();

function parseExpiry(text: string): { month: number; year: number } | null {
  const match = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return null;
  return { month, year };
}

export function readCardForm(form: URLSearchParams, text: SandboxText, today: Date): EntryOutcome {
  const errors: FieldErrors = {};
  const number = digitsOnly(field(form, 'number'));
  const expiryText = field(form, 'expiry');
  const cvc = field(form, 'cvc');
  const name = field(form, 'name');
  const postalCode = field(form, 'postalCode');

  if (!number) errors.number = text.required;
  else if (!cardNumberValid(number)) errors.number = text.numberInvalid;

  const expiry = parseExpiry(expiryText);
  const thisYear = today.getUTCFullYear();
  const thisMonth = today.getUTCMonth() + 1;
  if (!expiryText) errors.expiry = text.required;
  else if (!expiry || expiry.year > thisYear + 20) errors.expiry = text.expiryInvalid;
  else if (expiry.year < thisYear || (expiry.year === thisYear && expiry.month < thisMonth))
    errors.expiry = text.expiryPast;

  const amex = !errors.number && cardBrand(number) === 'amex';
  if (!cvc) errors.cvc = text.required;
  else if (!(errors.number ? /^\d{3,4}$/ : amex ? /^\d{4}$/ : /^\d{3}$/).test(cvc))
    errors.cvc = text.cvcInvalid;

  if (!name || name.length > 100) errors.name = text.required;
  if (!postalCode) errors.postalCode = text.required;
  else if (!/^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$/.test(postalCode))
    errors.postalCode = text.postalInvalid;

  if (Object.keys(errors).length > 0 || !expiry)
    return { ok: false, errors, values: { expiry: expiryText, name, postalCode } };
  return {
    ok: true,
    method: {
      kind: 'card',
      brand: cardBrand(number),
      last4: number.slice(-4),
      expMonth: expiry.month,
      expYear: expiry.year,
      bankName: null,
      accountType: null,
      behaviour: cardBehaviourOf(number),
      returnsAfterSettling: null,
    },
  };
}

export function readBankForm(form: URLSearchParams, text: SandboxText): EntryOutcome {
  const errors: FieldErrors = {};
  const holderName = field(form, 'holderName');
  const routing = digitsOnly(field(form, 'routing'));
  const account = digitsOnly(field(form, 'account'));
  const accountType = field(form, 'accountType');

  if (!holderName || holderName.length > 100) errors.holderName = text.required;
  if (!routing) errors.routing = text.required;
  else if (!abaValid(routing)) errors.routing = text.routingInvalid;
  if (!account) errors.account = text.required;
  else if (!/^\d{4,17}$/.test(account)) errors.account = text.accountInvalid;
  if (accountType !== 'checking' && accountType !== 'savings') errors.accountType = text.accountTypeRequired;

  if (Object.keys(errors).length > 0)
    return {
      ok: false,
      errors,
      values: {
        holderName,
        ...(accountType === 'savings' || accountType === 'checking' ? { accountType } : {}),
      },
    };
  return {
    ok: true,
    method: {
      kind: 'ach',
      brand: null,
      last4: account.slice(-4),
      expMonth: null,
      expYear: null,
      bankName: SANDBOX_BANK_NAME,
      accountType: accountType as 'checking' | 'savings',
      behaviour: achBehaviourOf(account),
      returnsAfterSettling: lateReturnOfAccount(account),
    },
  };
}
