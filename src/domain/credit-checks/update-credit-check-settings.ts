import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import {
  type CreditCheckSettings,
  loadCreditCheckSettings,
  saveCreditCheckSettings,
} from './credit-checks.repository.ts';

/**
 * Whether orders over the credit limit may be paid online at all (payment_settings.online_orders),
 * and whether they pay the part over the limit or the whole order. Audited before → after.
 */
export function updateCreditCheckSettings(
  deps: { db: Database },
  input: { orgId: string; settings: CreditCheckSettings; actor: Actor },
): Promise<CreditCheckSettings> {
  return inTransaction(deps.db, async (trx) => {
    const before = await loadCreditCheckSettings(trx, input.orgId);
    await saveCreditCheckSettings(trx, {
      orgId: input.orgId,
      settings: input.settings,
      updatedBy: input.actor.userId ?? null,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'credit_check_settings.updated',
      entityType: 'payment_settings',
      entityId: input.orgId,
      before,
      after: input.settings,
    });
    return input.settings;
  });
}
