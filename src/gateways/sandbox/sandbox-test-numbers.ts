import type { ChargeFailure } from '../../domain/payments/payment-gateway.ts';

/**
 * The sandbox's test numbers: Stripe's test-mode cards and US bank accounts, and what each one
 * does when charged. The entry page reads a number once, derives a behaviour class, brand and last
 * four from it here, and forgets it: nothing but the class reaches the database.
 */

export const cardBehaviours = [
  'success',
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_cvc',
  'requires_authentication',
  'processing_error',
] as const;
export type CardBehaviour = (typeof cardBehaviours)[number];

/** An ACH debit either settles or comes back with one of these NACHA return codes. */
export const achBehaviours = ['settles', 'R01', 'R02', 'R03', 'R10', 'R29'] as const;
export type AchBehaviour = (typeof achBehaviours)[number];

export type Behaviour = CardBehaviour | AchBehaviour;

/** Stripe's test cards; any other Luhn-valid number succeeds. */
export const testCards: { number: string; brand: string; behaviour: CardBehaviour }[] = [
  { number: '4242424242424242', brand: 'visa', behaviour: 'success' },
  { number: '5555555555554444', brand: 'mastercard', behaviour: 'success' },
  { number: '378282246310005', brand: 'amex', behaviour: 'success' },
  { number: '4000000000000002', brand: 'visa', behaviour: 'card_declined' },
  { number: '4000000000009995', brand: 'visa', behaviour: 'insufficient_funds' },
  { number: '4000000000000069', brand: 'visa', behaviour: 'expired_card' },
  { number: '4000000000000127', brand: 'visa', behaviour: 'incorrect_cvc' },
  { number: '4000002760003184', brand: 'visa', behaviour: 'requires_authentication' },
  { number: '4000000000000119', brand: 'visa', behaviour: 'processing_error' },
];

/**
 * Stripe's test routing number (any ABA-valid one works) and its test accounts; others settle.
 * `returnsAfterSettling`: the sandbox's own account (Stripe has none like it) whose debit settles
 * on its day and comes back `LATE_RETURN_BUSINESS_DAYS` business days later with that code, as an
 * unauthorised-debit claim (R10) can: the return of money Saldo already applied.
 */
export const TEST_ROUTING_NUMBER = '110000000';
export const testBankAccounts: {
  account: string;
  behaviour: AchBehaviour;
  returnsAfterSettling?: LateReturnCode;
}[] = [
  { account: '000123456789', behaviour: 'settles' },
  { account: '000111111116', behaviour: 'R01' },
  { account: '000111111113', behaviour: 'R02' },
  { account: '000222222227', behaviour: 'R03' },
  { account: '000333333335', behaviour: 'R10' },
  { account: '000444444440', behaviour: 'R29' },
  { account: '000666666661', behaviour: 'settles', returnsAfterSettling: 'R10' },
];

/** Return codes a settled debit can still come back with in the sandbox. */
export type LateReturnCode = 'R10';
/** Business days from a debit's settling to its late return. */
export const LATE_RETURN_BUSINESS_DAYS = 2;

/**
 * A method that settles and is returned later is known by its token: `pm_sb_late<code>_…`. The
 * stored behaviour classes are fixed by migration 0007's CHECK (`settles` is what such a debit does
 * first), and the token is the sandbox's own opaque id, so the mark lives there, readable by the
 * clock in SQL (`like`). A random token never starts so: its 24 characters would have to spell it.
 */
export function lateReturnTokenPrefix(code: LateReturnCode): string {
  return `pm_sb_late${code}_`;
}

export function lateReturnOf(token: string): LateReturnCode | null {
  const match = /^pm_sb_late(R10)_/.exec(token);
  return match ? (match[1] as LateReturnCode) : null;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The ABA routing-number checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10). */
export function abaValid(routing: string): boolean {
  if (!/^\d{9}$/.test(routing)) return false;
  const d = [...routing].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}

/** The card network from the number's prefix (IIN ranges). */
export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
  if (/^35/.test(digits)) return 'jcb';
  if (/^(30[0-5]|36|38)/.test(digits)) return 'diners';
  return 'unknown';
}

/** A plausible card number: 13–19 digits (15 for amex) passing Luhn. */
export function cardNumberValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits) || !luhnValid(digits)) return false;
  return cardBrand(digits) !== 'amex' || digits.length === 15;
}

export function cardBehaviourOf(digits: string): CardBehaviour {
  return testCards.find((c) => c.number === digits)?.behaviour ?? 'success';
}

export function achBehaviourOf(account: string): AchBehaviour {
  return testBankAccounts.find((a) => a.account === account)?.behaviour ?? 'settles';
}

export function lateReturnOfAccount(account: string): LateReturnCode | null {
  return testBankAccounts.find((a) => a.account === account)?.returnsAfterSettling ?? null;
}

/** What a declining card answers, in Stripe's decline codes and messages. */
export const cardFailures: Record<Exclude<CardBehaviour, 'success'>, ChargeFailure> = {
  card_declined: {
    code: 'card_declined',
    retryable: false,
    processorCode: 'generic_decline',
    processorMessage: 'Your card was declined.',
  },
  insufficient_funds: {
    code: 'insufficient_funds',
    retryable: true,
    processorCode: 'insufficient_funds',
    processorMessage: 'Your card has insufficient funds.',
  },
  expired_card: {
    code: 'expired_card',
    retryable: false,
    processorCode: 'expired_card',
    processorMessage: 'Your card has expired.',
  },
  incorrect_cvc: {
    code: 'incorrect_cvc',
    retryable: false,
    processorCode: 'incorrect_cvc',
    processorMessage: "Your card's security code is incorrect.",
  },
  requires_authentication: {
    code: 'authentication_required',
    retryable: false,
    processorCode: 'authentication_required',
    processorMessage: 'Your card was declined. This transaction requires authentication.',
  },
  processing_error: {
    code: 'processing_error',
    retryable: true,
    processorCode: 'processing_error',
    processorMessage: 'An error occurred while processing your card. Try again in a little bit.',
  },
};

/** What a returned ACH debit means in Saldo's words. R01 is a soft failure: the money may be there later. */
export const achReturns: Record<Exclude<AchBehaviour, 'settles'>, ChargeFailure> = {
  R01: {
    code: 'insufficient_funds',
    retryable: true,
    processorCode: 'R01',
    processorMessage: 'Insufficient funds',
  },
  R02: { code: 'account_closed', retryable: false, processorCode: 'R02', processorMessage: 'Account closed' },
  R03: {
    code: 'invalid_account',
    retryable: false,
    processorCode: 'R03',
    processorMessage: 'No account / unable to locate account',
  },
  R10: {
    code: 'unauthorized_debit',
    retryable: false,
    processorCode: 'R10',
    processorMessage: 'Customer advises not authorized',
  },
  R29: {
    code: 'unauthorized_debit',
    retryable: false,
    processorCode: 'R29',
    processorMessage: 'Corporate customer advises not authorized',
  },
};

/** The failure a returned debit reports, from its return code. */
export function returnFailure(code: string): ChargeFailure {
  return (
    achReturns[code as keyof typeof achReturns] ?? {
      code: 'unknown',
      retryable: false,
      processorCode: code,
      processorMessage: null,
    }
  );
}
