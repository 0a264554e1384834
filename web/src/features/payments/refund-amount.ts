import { minorToInput, type ParsedAmount, parseMoneyInput } from '../../app/money-input.ts';

/* The refund dialog's rules, pure (no React), so tests run them in Node. */

export type RefundAmount =
  | { ok: true; minor: bigint }
  | { ok: false; reason: Extract<ParsedAmount, { ok: false }>['reason'] | 'exceeds' };

/** What the amount field starts with: all that may still be refunded, as the person would type it. */
export function defaultRefundText(refundable: number | bigint, currency: string, locale: string): string {
  return minorToInput(refundable, currency, locale);
}

/**
 * A typed refund amount → minor units, exactly (the one parser, no floats), no more than what is
 * refundable (the server checks again, under its lock).
 */
export function readRefundAmount(
  text: string,
  currency: string,
  locale: string,
  refundable: number | bigint,
): RefundAmount {
  const parsed = parseMoneyInput(text, currency, locale);
  if (!parsed.ok) return parsed;
  if (parsed.minor > BigInt(refundable)) return { ok: false, reason: 'exceeds' };
  return parsed;
}

/**
 * Whether a failed refund may have reached the processor (no answer, a 5xx): then the next try
 * must carry the same Idempotency-Key, so it finishes that refund instead of making another. A
 * definite refusal (4xx, or 502 `processor_refused`: the processor said no) leaves nothing to
 * finish, and the next try is a new refund.
 */
export function outcomeUnknown(status: number | null): boolean {
  return status === null || status === 0 || (status >= 500 && status !== 502);
}
