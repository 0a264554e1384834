/**
 * The one error type of Saldo. `code` is stable for integrators; the message a person reads is
 * translated from the code at the edge (src/i18n/error-message.ts), which also formats `params`:
 * the domain raises raw values (an amount with its currency, a status, a number of seconds),
 * never words or amounts formatted for a language.
 */
export const errorCodes = {
  validation_failed: 400,
  bad_request: 400,
  invalid_json: 400,
  body_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 423,
  rate_limited: 429,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  precondition_failed: 412,
  range_not_satisfiable: 416,
  conflict: 409,
  email_taken: 409,
  weak_password: 400,
  token_invalid: 410,
  token_expired: 410,
  token_used: 410,
  invitation_email_mismatch: 409,
  already_member: 409,
  cannot_invite_self: 409,
  no_such_context: 404,
  amount_not_positive: 400,
  due_before_issue: 400,
  exceeds_unapplied: 422,
  exceeds_open_amount: 422,
  currency_mismatch: 422,
  customer_mismatch: 422,
  invoice_not_open: 409,
  dispute_already_open: 409,
  inquiry_resolved: 409,
  invoice_has_applications: 409,
  payment_reversed: 409,
  credit_memo_void: 409,
  application_already_reversed: 409,
  duplicate_number: 409,
  idempotency_key_reused: 422,
  payment_state_conflict: 409,
  payment_in_progress: 409,
  online_payments_disabled: 403,
  partial_not_allowed: 422,
  below_partial_minimum: 422,
  method_not_accepted: 422,
  method_in_use: 409,
  autopay_text_changed: 409,
  ach_authorization_required: 422,
  refund_exceeds_payment: 422,
  payment_not_refundable: 409,
  deposit_recipient_invalid: 422,
  webhook_rejected: 400,
  processor_unavailable: 503,
  processor_refused: 502,
  pay_link_not_found: 404,
  pay_link_expired: 410,
  pay_link_cancelled: 410,
  pay_link_paid: 409,
  pay_link_in_progress: 409,
  invoice_already_paid: 409,
  pay_now_no_recipients: 422,
  order_currency_mismatch: 422,
  stripe_keys_invalid: 422,
  webhook_url_refused: 422,
  file_too_large: 413,
  erp_sync_manual_marking: 409,
  import_file_unreadable: 422,
  aging_import_document: 422,
  aging_erp_higher: 422,
  aging_not_invoice: 422,
  delivery_not_resendable: 409,
  nothing_to_print: 409,
  delivery_setup_incomplete: 422,
  collection_no_recipients: 422,
  statement_period_invalid: 400,
  statement_no_recipients: 422,
  nothing_to_remind: 409,
  no_reminder_recipients: 422,
  no_delivery_recipients: 422,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** An amount in minor units with its ISO 4217 currency: the edge formats it in the reader's language. */
export interface MoneyParam {
  amount: bigint;
  currency: string;
}

export type ErrorParam = string | number | bigint | MoneyParam;
export type ErrorParams = Record<string, ErrorParam>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    /** Per-field problems, for validation errors: pointer → error code. */
    readonly fields: { field: string; code: string; params?: ErrorParams }[] = [],
  ) {
    super(code);
    this.name = 'AppError';
    this.status = errorCodes[code];
  }
}

export const notFound = () => new AppError('not_found');
