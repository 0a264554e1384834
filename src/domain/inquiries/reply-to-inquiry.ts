import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import type { Mailer } from '../mail/mail-port.ts';
import { appendInquiryMessage, lockInquiry } from './inquiries.repository.ts';
import { inquiryText } from './inquiry-text.ts';
import { notifyInquiryReply } from './notify-inquiry-reply.ts';

/**
 * A message added to an inquiry's thread: by staff (e-mailed to the customer) or by the customer
 * (from the portal; `customerId` keeps it to its own inquiries). A resolved inquiry takes no more
 * messages: the customer opens a new one.
 */
export function replyToInquiry(
  deps: { db: Database; mailer: Mailer; publicUrl: string },
  input: {
    orgId: string;
    inquiryId: string;
    /** Set for a customer's reply: the inquiry must be this account's. */
    customerId?: string;
    author: 'customer' | 'staff';
    message: string;
    actor: Actor;
  },
): Promise<{ position: number }> {
  const body = inquiryText(input.message);
  return inTransaction(deps.db, async (trx) => {
    const inquiry = await lockInquiry(trx, {
      orgId: input.orgId,
      inquiryId: input.inquiryId,
      ...(input.customerId ? { customerId: input.customerId } : {}),
    });
    if (!inquiry) throw new AppError('not_found');
    if (inquiry.status !== 'open') throw new AppError('inquiry_resolved');
    const position = await appendInquiryMessage(trx, {
      orgId: input.orgId,
      inquiryId: input.inquiryId,
      author: input.author,
      authorUserId: input.actor.userId ?? null,
      body,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'invoice.inquiry_replied',
      entityType: 'invoice',
      entityId: inquiry.invoice_id,
      after: { inquiryId: inquiry.id, kind: inquiry.kind, author: input.author, position },
    });
    if (input.author === 'staff')
      await notifyInquiryReply(deps, trx, {
        orgId: input.orgId,
        inquiryId: inquiry.id,
        position,
        resolved: false,
      });
    return { position };
  });
}
