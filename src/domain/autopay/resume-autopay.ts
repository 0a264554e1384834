import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { findSavedMethod } from '../payments/payment-methods.repository.ts';
import {
  type AutopayEnrollment,
  findEnrollment,
  lockAccountAutopay,
  setEnrollmentStatus,
} from './autopay.repository.ts';

/**
 * Resumes a paused autopay under the consent on record. Refused when its method was removed in
 * the meantime: enrolling again (with another method) is the way back then. Resuming an active
 * enrollment changes nothing.
 */
export function resumeAutopay(
  deps: { db: Database },
  input: { orgId: string; customerId: string; actor: Actor },
): Promise<AutopayEnrollment> {
  return inTransaction(deps.db, async (trx) => {
    await lockAccountAutopay(trx, input);
    const live = await findEnrollment(trx, { ...input, forUpdate: true });
    if (!live) throw new AppError('not_found');
    if (live.status === 'active') return live;
    const method = await findSavedMethod(trx, { ...input, methodId: live.paymentMethodId });
    if (!method) throw new AppError('validation_failed', {}, [{ field: 'paymentMethodId', code: 'invalid' }]);
    await setEnrollmentStatus(trx, { orgId: input.orgId, id: live.id, status: 'active' });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'autopay.resumed',
      entityType: 'autopay_enrollment',
      entityId: live.id,
      before: { status: live.status, pauseReason: live.pauseReason },
      after: { status: 'active' },
    });
    return (await findEnrollment(trx, { ...input, liveOnly: true }))!;
  });
}
