import type { Database } from '../../db/client.ts';
import type { Actor } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { transitionHold } from './hold-transition.ts';

/**
 * Puts a customer on credit hold, with the internal reason (staff and the audit log only), an
 * optional message for the customer (what the portal shows; without one it shows a neutral "on
 * hold" text), who and when. Placing it again changes both and keeps one audit row per change.
 */
export async function placeHold(
  deps: { db: Database },
  input: {
    orgId: string;
    customerId: string;
    reason: string;
    customerMessage?: string | null | undefined;
    actor: Actor;
  },
): Promise<void> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('validation_failed', {}, [{ field: 'reason', code: 'required' }]);
  const message = input.customerMessage?.trim() || null;
  await transitionHold(deps.db, input, (current) => ({
    status: 'on_hold',
    reason,
    message,
    action: 'customer_account.hold_placed',
    before: {
      holdStatus: current.hold_status,
      holdReason: current.hold_reason,
      customerMessage: current.hold_message,
    },
    after: { holdStatus: 'on_hold', holdReason: reason, customerMessage: message },
  }));
}
