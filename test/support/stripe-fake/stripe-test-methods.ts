/**
 * The test payment methods Stripe documents (docs.stripe.com/testing, and "ACH Direct Debit → test
 * account numbers"), and what each does in the fake. Using one clones it into a new `pm_…`, as Stripe
 * does.
 */
export type CardOutcome =
  | { type: 'succeed' }
  /** Stripe's 402 card_error: `code` and `decline_code`. */
  | { type: 'decline'; code: string; declineCode: string; message: string }
  /** 3-D Secure on every charge: off-session it declines with authentication_required. */
  | { type: 'authenticate' };

export type AchOutcome =
  | { type: 'succeed' }
  /** Stays `processing` for ever (pm_usBankAccount_processing). */
  | { type: 'processing' }
  /** Returned by the bank after processing: Stripe's failure code, decline code and raw R-code. */
  | { type: 'return'; failureCode: string; declineCode: string; returnCode: string; message: string };

export type TestMethod =
  | { kind: 'card'; brand: string; last4: string; outcome: CardOutcome }
  | { kind: 'us_bank_account'; last4: string; bankName: string; outcome: AchOutcome };

const decline = (code: string, declineCode: string, message: string): CardOutcome => ({
  type: 'decline',
  code,
  declineCode,
  message,
});

const achReturn = (
  failureCode: string,
  declineCode: string,
  returnCode: string,
  message: string,
): AchOutcome => ({
  type: 'return',
  failureCode,
  declineCode,
  returnCode,
  message,
});

const BANK = 'STRIPE TEST BANK';

export const testMethods: Record<string, TestMethod> = {
  pm_card_visa: { kind: 'card', brand: 'visa', last4: '4242', outcome: { type: 'succeed' } },
  pm_card_mastercard: { kind: 'card', brand: 'mastercard', last4: '4444', outcome: { type: 'succeed' } },
  pm_card_chargeDeclined: {
    kind: 'card',
    brand: 'visa',
    last4: '0002',
    outcome: decline('card_declined', 'generic_decline', 'Your card was declined.'),
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    kind: 'card',
    brand: 'visa',
    last4: '9995',
    outcome: decline('card_declined', 'insufficient_funds', 'Your card has insufficient funds.'),
  },
  pm_card_chargeDeclinedExpiredCard: {
    kind: 'card',
    brand: 'visa',
    last4: '0069',
    outcome: decline('expired_card', 'expired_card', 'Your card has expired.'),
  },
  pm_card_chargeDeclinedIncorrectCvc: {
    kind: 'card',
    brand: 'visa',
    last4: '0127',
    outcome: decline('incorrect_cvc', 'incorrect_cvc', "Your card's security code is incorrect."),
  },
  pm_card_chargeDeclinedProcessingError: {
    kind: 'card',
    brand: 'visa',
    last4: '0119',
    outcome: decline(
      'processing_error',
      'processing_error',
      'An error occurred while processing your card. Try again in a little bit.',
    ),
  },
  pm_card_authenticationRequired: {
    kind: 'card',
    brand: 'visa',
    last4: '3184',
    outcome: { type: 'authenticate' },
  },
  pm_usBankAccount_success: {
    kind: 'us_bank_account',
    last4: '6789',
    bankName: BANK,
    outcome: { type: 'succeed' },
  },
  pm_usBankAccount_processing: {
    kind: 'us_bank_account',
    last4: '0009',
    bankName: BANK,
    outcome: { type: 'processing' },
  },
  pm_usBankAccount_accountClosed: {
    kind: 'us_bank_account',
    last4: '1113',
    bankName: BANK,
    outcome: achReturn(
      'account_closed',
      'bank_account_closed',
      'R02',
      'The customer’s bank account has been closed.',
    ),
  },
  pm_usBankAccount_noAccount: {
    kind: 'us_bank_account',
    last4: '1116',
    bankName: BANK,
    outcome: achReturn(
      'no_account',
      'bank_account_invalid_details',
      'R03',
      'The bank account could not be located.',
    ),
  },
  pm_usBankAccount_insufficientFunds: {
    kind: 'us_bank_account',
    last4: '2227',
    bankName: BANK,
    outcome: achReturn(
      'insufficient_funds',
      'insufficient_funds',
      'R01',
      'The account has insufficient funds.',
    ),
  },
  pm_usBankAccount_debitNotAuthorized: {
    kind: 'us_bank_account',
    last4: '3335',
    bankName: BANK,
    outcome: achReturn(
      'debit_not_authorized',
      'debit_not_authorized',
      'R10',
      'The debit was not authorized.',
    ),
  },
  /** Settles, then the test opens a dispute on it (`openDispute`). */
  pm_usBankAccount_dispute: {
    kind: 'us_bank_account',
    last4: '5559',
    bankName: BANK,
    outcome: { type: 'succeed' },
  },
};
