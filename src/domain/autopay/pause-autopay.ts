import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import {
  type AutopayEnrollment,
  findEnrollment,
  lockAccountAutopay,
  setEnrollmentStatus,
} from './autopay.repository.ts';

/**
 * Pauses an account's autopay: no charge and no notice until it is resumed; what is due meanwhile
 * is charged at the first run after resuming. Pausing a paused enrollment changes nothing.
 */
export function pauseAutopay(
  deps: { db: Database },
  input: { orgId: string; customerId: string; by: 'customer' | 'staff'; actor: Actor },
): Promise<AutopayEnrollment> {
  return inTransaction(deps.db, async (trx) => {
    await lockAccountAutopay(trx, input);
    const live = await findEnrollment(trx, { ...input, forUpdate: true });
    if (!live) throw new AppError('not_found');
    if (live.status === 'paused') return live;
    await setEnrollmentStatus(trx, {
      orgId: input.orgId,
      id: live.id,
      status: 'paused',
      pauseReason: input.by,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'autopay.paused',
      entityType: 'autopay_enrollment',
      entityId: live.id,
      before: { status: live.status },
      after: { status: 'paused', by: input.by },
    });
    return (await findEnrollment(trx, { ...input, liveOnly: true }))!;
  });
}
