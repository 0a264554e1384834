import type { Database } from '../../../db/client.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { type Actor, recordAudit } from '../../audit/record-audit.ts';
import { AppError } from '../../errors.ts';
import { normalizeEmail } from '../../shared/email.ts';
import {
  type ErpSyncSettings,
  loadErpSyncSettings,
  saveErpSyncSettings,
} from './erp-sync-settings.repository.ts';

export const MAX_SYNC_RECIPIENTS = 20;

/** One plain address, as the outbox takes it: no display name, no list, nothing that breaks a header. */
const singleAddress = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+\.[^\s@,;:<>()[\]"\\]+$/;

/**
 * Saves a seller's sync settings (the whole set). Recipients are trimmed, lower-cased and
 * deduplicated; one that is not an address refuses the change (`deposit_recipient_invalid`, the
 * field `recipients/<i>`). ERP accounts are trimmed, empty meaning none. A changed schedule
 * starts from now: the first scheduled export is the next slot.
 */
export function updateErpSyncSettings(
  deps: { db: Database },
  input: { orgId: string; settings: ErpSyncSettings; actor: Actor },
): Promise<ErpSyncSettings> {
  const recipients: string[] = [];
  input.settings.recipients.forEach((raw, i) => {
    const email = normalizeEmail(raw);
    if (!singleAddress.test(email) || email.length > 254)
      throw new AppError('deposit_recipient_invalid', { email: raw.trim() }, [
        { field: `recipients/${i}`, code: 'invalid' },
      ]);
    if (!recipients.includes(email)) recipients.push(email);
  });
  if (recipients.length > MAX_SYNC_RECIPIENTS)
    throw new AppError('validation_failed', {}, [
      { field: 'recipients', code: 'maxItems', params: { limit: MAX_SYNC_RECIPIENTS } },
    ]);
  const erpAccounts = Object.fromEntries(
    Object.entries(input.settings.erpAccounts).map(([method, account]) => [
      method,
      account?.trim() ? account.trim() : null,
    ]),
  ) as ErpSyncSettings['erpAccounts'];
  const settings: ErpSyncSettings = { ...input.settings, recipients, erpAccounts };
  return inTransaction(deps.db, async (trx) => {
    const { lastError: _, ...before } = await loadErpSyncSettings(trx, input.orgId);
    const scheduleChanged = before.frequency !== settings.frequency || before.dailyAt !== settings.dailyAt;
    await saveErpSyncSettings(trx, {
      orgId: input.orgId,
      settings,
      scheduleChanged,
      updatedBy: input.actor.userId ?? null,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'erp_sync_settings.updated',
      entityType: 'organization',
      entityId: input.orgId,
      before,
      after: settings,
    });
    return settings;
  });
}
