import type { ChargeFailure, FailureCode } from '../../domain/payments/payment-gateway.ts';

/**
 * Stripe's decline and error codes in Saldo's words. `retryable` marks the soft declines autopay may
 * try again on its schedule; everything else stops and tells the payer.
 *
 * | Stripe code (decline_code, else code)                                   | FailureCode             | retry |
 * |-------------------------------------------------------------------------|-------------------------|-------|
 * | generic_decline, card_declined, do_not_honor, call_issuer, pickup_card, | card_declined           | no    |
 * |   lost_card, stolen_card, fraudulent, restricted_card, security_violation,|                       |       |
 * |   transaction_not_allowed, card_not_supported, not_permitted, …          |                         |       |
 * | card_velocity_exceeded, withdrawal_count_limit_exceeded                 | card_declined           | yes   |
 * | insufficient_funds (card; ACH R01/R09)                                  | insufficient_funds      | yes   |
 * | expired_card                                                            | expired_card            | no    |
 * | incorrect_cvc, invalid_cvc                                              | incorrect_cvc           | no    |
 * | authentication_required (off-session; the payer must pay on-session)   | authentication_required | no    |
 * | processing_error, try_again_later, issuer_not_available,               | processing_error        | yes   |
 * |   reenter_transaction, approve_with_id                                  |                         |       |
 * | amount_too_large, invalid_amount                                        | amount_too_large        | no    |
 * | account_closed, bank_account_closed (ACH R02)                           | account_closed          | no    |
 * | no_account, invalid_account_number, bank_account_invalid_details,      | invalid_account         | no    |
 * |   bank_account_restricted, bank_account_frozen, bank_account_unusable,  |                         |       |
 * |   account_frozen (ACH R03 R04 R16 R20)                                  |                         |       |
 * | debit_not_authorized (ACH R05 R07 R08 R10 R11 R29 R31)                  | unauthorized_debit      | no    |
 * | anything else                                                           | unknown                 | no    |
 *
 * The ACH column follows Stripe's "network decline codes" table, which puts the raw return code in
 * `network_decline_code`.
 */
const byCode: Record<string, { code: FailureCode; retryable: boolean }> = {
  generic_decline: { code: 'card_declined', retryable: false },
  card_declined: { code: 'card_declined', retryable: false },
  do_not_honor: { code: 'card_declined', retryable: false },
  call_issuer: { code: 'card_declined', retryable: false },
  pickup_card: { code: 'card_declined', retryable: false },
  lost_card: { code: 'card_declined', retryable: false },
  stolen_card: { code: 'card_declined', retryable: false },
  fraudulent: { code: 'card_declined', retryable: false },
  merchant_blacklist: { code: 'card_declined', retryable: false },
  restricted_card: { code: 'card_declined', retryable: false },
  security_violation: { code: 'card_declined', retryable: false },
  transaction_not_allowed: { code: 'card_declined', retryable: false },
  card_not_supported: { code: 'card_declined', retryable: false },
  currency_not_supported: { code: 'card_declined', retryable: false },
  not_permitted: { code: 'card_declined', retryable: false },
  revocation_of_authorization: { code: 'card_declined', retryable: false },
  stop_payment_order: { code: 'card_declined', retryable: false },
  incorrect_number: { code: 'card_declined', retryable: false },
  invalid_number: { code: 'card_declined', retryable: false },
  card_velocity_exceeded: { code: 'card_declined', retryable: true },
  withdrawal_count_limit_exceeded: { code: 'card_declined', retryable: true },
  insufficient_funds: { code: 'insufficient_funds', retryable: true },
  expired_card: { code: 'expired_card', retryable: false },
  incorrect_cvc: { code: 'incorrect_cvc', retryable: false },
  invalid_cvc: { code: 'incorrect_cvc', retryable: false },
  authentication_required: { code: 'authentication_required', retryable: false },
  processing_error: { code: 'processing_error', retryable: true },
  try_again_later: { code: 'processing_error', retryable: true },
  issuer_not_available: { code: 'processing_error', retryable: true },
  reenter_transaction: { code: 'processing_error', retryable: true },
  approve_with_id: { code: 'processing_error', retryable: true },
  amount_too_large: { code: 'amount_too_large', retryable: false },
  invalid_amount: { code: 'amount_too_large', retryable: false },
  account_closed: { code: 'account_closed', retryable: false },
  bank_account_closed: { code: 'account_closed', retryable: false },
  no_account: { code: 'invalid_account', retryable: false },
  invalid_account_number: { code: 'invalid_account', retryable: false },
  bank_account_invalid_details: { code: 'invalid_account', retryable: false },
  bank_account_restricted: { code: 'invalid_account', retryable: false },
  bank_account_frozen: { code: 'invalid_account', retryable: false },
  bank_account_unusable: { code: 'invalid_account', retryable: false },
  account_frozen: { code: 'invalid_account', retryable: false },
  debit_not_authorized: { code: 'unauthorized_debit', retryable: false },
};

/** NACHA return codes Stripe reports for ACH debits, by the code Stripe gives the failure. */
const achReturnCodeByStripeCode: Record<string, string> = {
  insufficient_funds: 'R01',
  account_closed: 'R02',
  bank_account_closed: 'R02',
  no_account: 'R03',
  bank_account_invalid_details: 'R03',
  invalid_account_number: 'R04',
  debit_not_authorized: 'R10',
  bank_account_restricted: 'R16',
  bank_account_frozen: 'R16',
  account_frozen: 'R16',
  bank_account_unusable: 'R20',
};

const failureByReturnCode: Record<string, { code: FailureCode; retryable: boolean }> = {
  R01: { code: 'insufficient_funds', retryable: true },
  R09: { code: 'insufficient_funds', retryable: true },
  R02: { code: 'account_closed', retryable: false },
  R03: { code: 'invalid_account', retryable: false },
  R04: { code: 'invalid_account', retryable: false },
  R16: { code: 'invalid_account', retryable: false },
  R20: { code: 'invalid_account', retryable: false },
  R05: { code: 'unauthorized_debit', retryable: false },
  R07: { code: 'unauthorized_debit', retryable: false },
  R08: { code: 'unauthorized_debit', retryable: false },
  R10: { code: 'unauthorized_debit', retryable: false },
  R11: { code: 'unauthorized_debit', retryable: false },
  R29: { code: 'unauthorized_debit', retryable: false },
  R31: { code: 'unauthorized_debit', retryable: false },
};

export interface StripeFailureFields {
  code?: string | null;
  decline_code?: string | null;
  network_decline_code?: string | null;
  message?: string | null;
}

/** The failure of a charge from Stripe's error (thrown) or `last_payment_error` (on the intent). */
export function toChargeFailure(error: StripeFailureFields | null | undefined): ChargeFailure {
  const processorCode = error?.decline_code || error?.code || 'unknown';
  const known = byCode[processorCode] ??
    (error?.code ? byCode[error.code] : undefined) ?? { code: 'unknown' as const, retryable: false };
  return {
    code: known.code,
    retryable: known.retryable,
    processorCode,
    processorMessage: error?.message ?? null,
  };
}

/** An ACH return's NACHA code: Stripe's raw network code when it gives one, else derived from its code. */
export function achReturnCode(error: StripeFailureFields | null | undefined): string {
  const raw = error?.network_decline_code;
  if (raw && /^R\d{2}$/.test(raw)) return raw;
  const code = error?.decline_code || error?.code;
  return (code && achReturnCodeByStripeCode[code]) || code || 'unknown';
}

/** An ACH failure in Saldo's words, preferring the return code when Stripe gives one. */
export function toAchFailure(error: StripeFailureFields | null | undefined): ChargeFailure {
  const base = toChargeFailure(error);
  const byReturn = failureByReturnCode[achReturnCode(error)];
  return byReturn ? { ...base, code: byReturn.code, retryable: byReturn.retryable } : base;
}
