import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { normalizeEmail } from '../shared/email.ts';
import { findRecipients, replaceRecipients } from './deposits.repository.ts';

export const MAX_DEPOSIT_RECIPIENTS = 20;

/** One plain address, as the outbox takes it: no display name, no list, nothing that breaks a header. */
const singleAddress = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+\.[^\s@,;:<>()[\]"\\]+$/;

/**
 * Sets who receives the deposit reports (the whole list, in order; empty: nobody). Addresses are
 * trimmed and lower-cased and repeats dropped; one that is not a single e-mail address refuses
 * the whole list (`deposit_recipient_invalid`, naming it and its place), leaving the list as it was.
 */
export async function setDepositReportRecipients(
  deps: { db: Database },
  input: { orgId: string; emails: string[]; actor: Actor },
): Promise<{ emails: string[] }> {
  const emails: string[] = [];
  input.emails.forEach((raw, i) => {
    const email = normalizeEmail(raw);
    if (!singleAddress.test(email) || email.length > 254)
      throw new AppError('deposit_recipient_invalid', { email: raw.trim() }, [
        { field: `emails/${i}`, code: 'invalid' },
      ]);
    if (!emails.includes(email)) emails.push(email);
  });
  if (emails.length > MAX_DEPOSIT_RECIPIENTS)
    throw new AppError('validation_failed', {}, [
      { field: 'emails', code: 'maxItems', params: { limit: MAX_DEPOSIT_RECIPIENTS } },
    ]);
  return inTransaction(deps.db, async (trx) => {
    const before = await findRecipients(trx, input.orgId);
    await replaceRecipients(trx, {
      orgId: input.orgId,
      emails,
      updatedBy: input.actor.userId ?? null,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'deposit_recipients.updated',
      entityType: 'organization',
      entityId: input.orgId,
      before: { emails: before },
      after: { emails },
    });
    return { emails };
  });
}
