import type { Database } from '../../db/client.ts';
import type { Actor } from '../audit/record-audit.ts';
import { transitionHold } from './hold-transition.ts';

/**
 * Releases a credit hold; the reason for releasing goes to the audit log (the account keeps who
 * and when). Releasing an account that is not on hold changes nothing.
 */
export async function releaseHold(
  deps: { db: Database },
  input: { orgId: string; customerId: string; reason?: string | null | undefined; actor: Actor },
): Promise<void> {
  await transitionHold(deps.db, input, (current) =>
    current.hold_status === 'active'
      ? null
      : {
          status: 'active',
          reason: null,
          message: null,
          action: 'customer_account.hold_released',
          before: {
            holdStatus: 'on_hold',
            holdReason: current.hold_reason,
            customerMessage: current.hold_message,
          },
          after: { holdStatus: 'active', reason: input.reason?.trim() || null },
        },
  );
}
