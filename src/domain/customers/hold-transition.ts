import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { HoldRule } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { recordIntegrationEvent } from '../integration/webhooks/record-integration-event.ts';
import { lockCustomer, updateCustomerRow } from './customers.repository.ts';

export interface HoldRow {
  hold_status: 'active' | 'on_hold';
  hold_reason: string | null;
  hold_message: string | null;
  hold_rule: HoldRule | null;
}

export interface HoldTransition {
  status: 'on_hold' | 'active';
  reason: string | null;
  message: string | null;
  action: 'customer_account.hold_placed' | 'customer_account.hold_released';
  /** The automatic rule placing the hold (dunning's hold rules); absent for staff's own holds. */
  rule?: HoldRule | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * Locks the account, asks `plan` what to do given its current hold (null: nothing), then sets the
 * hold status and reason with who and when, and records the audit row, in one transaction. Shared
 * by placeHold and releaseHold.
 */
export function transitionHold(
  db: Database,
  input: { orgId: string; customerId: string; actor: Actor },
  plan: (current: HoldRow) => HoldTransition | null,
): Promise<void> {
  return inTransaction(db, async (trx) => {
    const current = await lockCustomer(trx, input);
    if (!current) throw new AppError('not_found');
    const change = plan(current);
    if (!change) return;
    await updateCustomerRow(trx, {
      orgId: input.orgId,
      customerId: input.customerId,
      set: {
        hold_status: change.status,
        hold_reason: change.reason,
        hold_message: change.message,
        hold_rule: change.rule ?? null,
        hold_by: input.actor.userId ?? null,
        hold_at: sql`now()`,
      },
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: change.action,
      entityType: 'customer_account',
      entityId: input.customerId,
      before: change.before,
      after: change.after,
    });
    await recordIntegrationEvent(trx, {
      orgId: input.orgId,
      type: 'customer.hold_changed',
      data: {
        customerId: input.customerId,
        holdStatus: change.status,
        reason: change.reason,
        customerMessage: change.message,
        ...(change.rule ? { rule: change.rule } : {}),
      },
    });
  });
}
