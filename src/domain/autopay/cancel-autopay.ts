import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import {
  type AutopayEnrollment,
  findEnrollment,
  findEnrollmentById,
  lockAccountAutopay,
  setEnrollmentStatus,
} from './autopay.repository.ts';

/**
 * Cancels an account's autopay: nothing more is charged or noticed (a charge already with the
 * processor finishes). The enrollment, its authorizations and its history are kept; enrolling
 * again starts a new one.
 */
export function cancelAutopay(
  deps: { db: Database },
  input: { orgId: string; customerId: string; actor: Actor },
): Promise<AutopayEnrollment> {
  return inTransaction(deps.db, async (trx) => {
    await lockAccountAutopay(trx, input);
    const live = await findEnrollment(trx, { ...input, forUpdate: true });
    if (!live) throw new AppError('not_found');
    await setEnrollmentStatus(trx, { orgId: input.orgId, id: live.id, status: 'cancelled' });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'autopay.cancelled',
      entityType: 'autopay_enrollment',
      entityId: live.id,
      before: { status: live.status },
      after: { status: 'cancelled' },
    });
    return (await findEnrollmentById(trx, { orgId: input.orgId, enrollmentId: live.id }))!;
  });
}
