import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';

/**
 * Puts a customer on credit hold, with the internal reason (staff and the audit log only), an
 * optional message for the customer (what the portal shows; without one it shows a neutral "on
 * hold" text), who and when. Placing it again changes both and keeps one audit row per change.
 */
export async function placeHold(
  db: Database,
  input: { orgId: string; customerId: string; reason: string; customerMessage?: string | null | undefined },
  actor: Actor,
): Promise<void> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('validation_failed', {}, [{ field: 'reason', code: 'required' }]);
  const message = input.customerMessage?.trim() || null;
  await transitionHold(db, input, actor, (current) => ({
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

/**
 * Releases a credit hold; the reason for releasing goes to the audit log (the account keeps who
 * and when). Releasing an account that is not on hold changes nothing.
 */
export async function releaseHold(
  db: Database,
  input: { orgId: string; customerId: string; reason?: string | null | undefined },
  actor: Actor,
): Promise<void> {
  await transitionHold(db, input, actor, (current) =>
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

interface HoldRow {
  hold_status: 'active' | 'on_hold';
  hold_reason: string | null;
  hold_message: string | null;
}

interface HoldTransition {
  status: 'on_hold' | 'active';
  reason: string | null;
  message: string | null;
  action: 'customer_account.hold_placed' | 'customer_account.hold_released';
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * Locks the account, asks `plan` what to do given its current hold (null: nothing), then sets the
 * hold status and reason with who and when, and records the audit row, in one transaction.
 */
async function transitionHold(
  db: Database,
  input: { orgId: string; customerId: string },
  actor: Actor,
  plan: (current: HoldRow) => HoldTransition | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('customer_accounts')
      .select(['hold_status', 'hold_reason', 'hold_message'])
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.customerId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('not_found');
    const change = plan(current);
    if (!change) return;
    await trx
      .updateTable('customer_accounts')
      .set({
        hold_status: change.status,
        hold_reason: change.reason,
        hold_message: change.message,
        hold_by: actor.userId ?? null,
        hold_at: sql`now()`,
        updated_at: sql`now()`,
      })
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.customerId)
      .execute();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: change.action,
      entityType: 'customer_account',
      entityId: input.customerId,
      before: change.before,
      after: change.after,
    });
  });
}
