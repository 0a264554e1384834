import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { InquiryResolution } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { recordIntegrationEvent } from '../integration/webhooks/record-integration-event.ts';
import type { Mailer } from '../mail/mail-port.ts';
import { appendInquiryMessage, lockInquiry } from './inquiries.repository.ts';
import { inquiryText } from './inquiry-text.ts';
import { notifyInquiryReply } from './notify-inquiry-reply.ts';

/**
 * Closes an inquiry with its outcome, and a last message when staff write one (e-mailed to the
 * customer). A customer may only withdraw its own. Resolving a dispute lets reminders chase the
 * invoice again and tells the ERP (`invoice.dispute_resolved`). Resolving twice is refused.
 */
export function resolveInquiry(
  deps: { db: Database; mailer: Mailer; publicUrl: string },
  input: {
    orgId: string;
    inquiryId: string;
    resolution: InquiryResolution;
    message?: string | null | undefined;
    /** Set when the customer withdraws it from the portal. */
    customerId?: string;
    by: 'customer' | 'staff';
    actor: Actor;
  },
): Promise<void> {
  if (input.by === 'customer' && input.resolution !== 'withdrawn') throw new AppError('forbidden');
  const body = input.message?.trim() ? inquiryText(input.message) : null;
  return inTransaction(deps.db, async (trx) => {
    const inquiry = await lockInquiry(trx, {
      orgId: input.orgId,
      inquiryId: input.inquiryId,
      ...(input.customerId ? { customerId: input.customerId } : {}),
    });
    if (!inquiry) throw new AppError('not_found');
    if (inquiry.status !== 'open') throw new AppError('inquiry_resolved');
    const position = body
      ? await appendInquiryMessage(trx, {
          orgId: input.orgId,
          inquiryId: inquiry.id,
          author: input.by,
          authorUserId: input.actor.userId ?? null,
          body,
        })
      : null;
    await trx
      .updateTable('invoice_inquiries')
      .set({
        status: 'resolved',
        resolution: input.resolution,
        resolved_at: sql`now()`,
        resolved_by_user_id: input.actor.userId ?? null,
        updated_at: sql`now()`,
      })
      .where('org_id', '=', input.orgId)
      .where('id', '=', inquiry.id)
      .execute();
    const invoice = await trx
      .selectFrom('invoices')
      .where('org_id', '=', input.orgId)
      .where('id', '=', inquiry.invoice_id)
      .select(['number'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'invoice.inquiry_resolved',
      entityType: 'invoice',
      entityId: inquiry.invoice_id,
      before: { status: 'open' },
      after: {
        inquiryId: inquiry.id,
        kind: inquiry.kind,
        number: invoice.number,
        resolution: input.resolution,
      },
    });
    if (inquiry.kind === 'dispute')
      await recordIntegrationEvent(trx, {
        orgId: input.orgId,
        type: 'invoice.dispute_resolved',
        data: {
          invoiceId: inquiry.invoice_id,
          number: invoice.number,
          customerId: inquiry.customer_id,
          reason: inquiry.reason ?? 'other',
          disputedAmount: inquiry.disputed_amount,
          currency: inquiry.currency,
          resolution: input.resolution,
        },
      });
    if (input.by === 'staff' && position !== null)
      await notifyInquiryReply(deps, trx, {
        orgId: input.orgId,
        inquiryId: inquiry.id,
        position,
        resolved: true,
      });
  });
}
