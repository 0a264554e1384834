import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { lockPayLink, markPayLinkCancelled } from './pay-links.repository.ts';

/**
 * Staff withdraw a link nobody has paid: under the link's lock, so a payer who got there first
 * keeps the payment (then the link is paid or in progress, and cancelling is refused).
 */
export function cancelPayLink(
  deps: { db: Database },
  input: { orgId: string; payLinkId: string; actor: Actor; reason?: 'staff' | 'superseded' },
): Promise<void> {
  return inTransaction(deps.db, async (trx) => {
    const link = await lockPayLink(trx, { orgId: input.orgId, id: input.payLinkId });
    if (!link) throw new AppError('not_found');
    if (link.state === 'paid') throw new AppError('pay_link_paid');
    if (link.state === 'processing') throw new AppError('pay_link_in_progress');
    if (link.state === 'cancelled') return;
    const reason = input.reason ?? 'staff';
    await markPayLinkCancelled(trx, { orgId: input.orgId, id: input.payLinkId, reason });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'pay_link.cancelled',
      entityType: 'pay_link',
      entityId: input.payLinkId,
      before: { state: link.state },
      after: { state: 'cancelled', reason },
    });
  });
}
