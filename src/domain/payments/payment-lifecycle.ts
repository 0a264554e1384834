import type { PaymentLifecycleStatus } from '../../db/schema.ts';
import { AppError } from '../errors.ts';

export const paymentStatuses = [
  'initiated',
  'processing',
  'requires_action',
  'pending',
  'completed',
  'failed',
  'returned',
  'refunded',
  'disputed',
  'reversed',
] as const satisfies readonly PaymentLifecycleStatus[];

/**
 * What each step of a payment's life posts to the journal: the one table of its transitions.
 * A step not listed here is refused (`payment_state_conflict`), so an event that arrives out of
 * order (a "settled" before its "submitted" was seen, a second "failed") cannot move money twice.
 *
 * | from → to                        | journal entry                     | when                              |
 * |----------------------------------|-----------------------------------|-----------------------------------|
 * | initiated → processing           | —                                 | the processor was asked           |
 * | processing → requires_action     | —                                 | 3-D Secure                        |
 * | processing / requires_action → completed | payment.captured (+ applied) | card captured                   |
 * | processing → pending             | —                                 | ACH submitted; invoices pending   |
 * | pending → completed              | payment.settled (+ applied)       | ACH settled                       |
 * | initiated / processing / requires_action / pending → failed | — (pending released) | declined, or ACH failed before settling |
 * | pending → returned               | — (pending released)              | ACH returned before settling      |
 * | completed → returned             | payment.returned (applications reversed first) | ACH returned after settling |
 * | completed → refunded             | payment.refunded (whole amount)   | a refund of all that was paid     |
 * | refunded → completed | payment.refund_failed (reverses payment.refunded) | a whole refund failed later |
 * | completed → disputed             | —                                 | card dispute opened               |
 * | disputed → completed             | —                                 | dispute won                       |
 * | disputed → returned              | payment.returned                  | dispute lost                      |
 * | completed → reversed             | payment.reversed                  | staff reverse a manual payment    |
 *
 * A partial refund leaves the payment completed (its refunded_amount grows, entry payment.refunded).
 * refunded → completed is taken only by a refund's failure (`stepCauses`): to anything else (a
 * late capture, a dispute won) a refunded payment is past them, and the step is refused.
 */
export const paymentTransitions: Record<PaymentLifecycleStatus, readonly PaymentLifecycleStatus[]> = {
  initiated: ['processing', 'failed'],
  processing: ['requires_action', 'completed', 'pending', 'failed'],
  requires_action: ['completed', 'failed'],
  pending: ['completed', 'failed', 'returned'],
  completed: ['returned', 'refunded', 'disputed', 'reversed'],
  disputed: ['completed', 'returned'],
  failed: [],
  returned: [],
  refunded: ['completed'],
  reversed: [],
};

/** The money is with the processor or on its way: invoices show "payment pending" for it. */
export const inFlightStatuses: readonly PaymentLifecycleStatus[] = [
  'initiated',
  'processing',
  'requires_action',
  'pending',
];

/** What may cause a step that only one thing may cause (the journal entry it posts). */
export type PaymentStepCause = 'payment.refund_failed';

/**
 * The steps of the table only one cause may take. Without it, capturePayment and a dispute won
 * (both → completed) would move a refunded payment, and a late capture would post its money twice.
 */
const stepCauses: { from: PaymentLifecycleStatus; to: PaymentLifecycleStatus; cause: PaymentStepCause }[] = [
  { from: 'refunded', to: 'completed', cause: 'payment.refund_failed' },
];

export function canMove(
  from: PaymentLifecycleStatus,
  to: PaymentLifecycleStatus,
  cause?: PaymentStepCause,
): boolean {
  if (!paymentTransitions[from].includes(to)) return false;
  const only = stepCauses.find((step) => step.from === from && step.to === to);
  return only === undefined || only.cause === cause;
}

/** Refuses a step the table does not list, or one reserved for another cause. */
export function assertTransition(
  from: PaymentLifecycleStatus,
  to: PaymentLifecycleStatus,
  cause?: PaymentStepCause,
): void {
  if (!canMove(from, to, cause)) throw new AppError('payment_state_conflict', { from, to });
}
