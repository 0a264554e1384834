import type { Database } from '../../db/client.ts';
import type { DisputeReason, InquiryKind } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { recordIntegrationEvent } from '../integration/webhooks/record-integration-event.ts';
import { assertSafeAmount } from '../money/money.ts';
import { newId } from '../shared/ids.ts';
import { appendInquiryMessage } from './inquiries.repository.ts';
import { inquiryText } from './inquiry-text.ts';

export interface NewInquiry {
  orgId: string;
  /** The account asking: the invoice must be its own. */
  customerId: string;
  invoiceId: string;
  kind: InquiryKind;
  /** Disputes only (required there). */
  reason?: DisputeReason | null | undefined;
  /** Disputes only: the part disputed, in minor units; omitted, the whole open amount. */
  disputedAmount?: bigint | null | undefined;
  message: string;
  openedBy: 'customer' | 'staff';
  actor: Actor;
}

/**
 * A question about an invoice, or a dispute of all or part of it, with its first message. The
 * invoice must be the customer's and open (not a draft, not void); a dispute needs a reason, its
 * amount may not exceed what is open, and an invoice has at most one open dispute at a time.
 * Audited on the invoice, so it shows in the customer's activity.
 */
export function openInquiry(deps: { db: Database }, input: NewInquiry): Promise<{ id: string }> {
  const message = inquiryText(input.message);
  const dispute = input.kind === 'dispute';
  if (dispute && !input.reason)
    throw new AppError('validation_failed', {}, [{ field: 'reason', code: 'required' }]);
  if (!dispute && (input.reason || input.disputedAmount != null))
    throw new AppError('validation_failed', {}, [{ field: 'kind', code: 'invalid' }]);
  if (input.disputedAmount != null) {
    if (input.disputedAmount <= 0n) throw new AppError('amount_not_positive');
    assertSafeAmount(input.disputedAmount);
  }
  return inTransaction(deps.db, async (trx) => {
    const invoice = await trx
      .selectFrom('invoices')
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.invoiceId)
      .where('customer_id', '=', input.customerId)
      .select(['id', 'number', 'status', 'open_amount', 'currency'])
      .forUpdate()
      .executeTakeFirst();
    if (!invoice || invoice.status === 'draft') throw new AppError('not_found');
    if (invoice.status !== 'open' || (dispute && invoice.open_amount <= 0n))
      throw new AppError('invoice_not_open', { number: invoice.number, status: invoice.status });
    if (dispute) {
      if (input.disputedAmount != null && input.disputedAmount > invoice.open_amount)
        throw new AppError('exceeds_open_amount', {
          amount: invoice.open_amount.toString(),
          currency: invoice.currency,
        });
      const already = await trx
        .selectFrom('invoice_inquiries')
        .where('org_id', '=', input.orgId)
        .where('invoice_id', '=', input.invoiceId)
        .where('kind', '=', 'dispute')
        .where('status', '=', 'open')
        .select('id')
        .executeTakeFirst();
      if (already) throw new AppError('dispute_already_open');
    }
    const id = newId();
    await trx
      .insertInto('invoice_inquiries')
      .values({
        org_id: input.orgId,
        id,
        customer_id: input.customerId,
        invoice_id: input.invoiceId,
        kind: input.kind,
        reason: dispute ? (input.reason ?? null) : null,
        disputed_amount: dispute ? (input.disputedAmount ?? null) : null,
        currency: invoice.currency,
        opened_by: input.openedBy,
        opened_by_user_id: input.actor.userId ?? null,
      })
      .execute();
    await appendInquiryMessage(trx, {
      orgId: input.orgId,
      inquiryId: id,
      author: input.openedBy,
      authorUserId: input.actor.userId ?? null,
      body: message,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: dispute ? 'invoice.disputed' : 'invoice.question_asked',
      entityType: 'invoice',
      entityId: input.invoiceId,
      after: {
        inquiryId: id,
        number: invoice.number,
        reason: input.reason ?? null,
        disputedAmount: dispute ? (input.disputedAmount ?? invoice.open_amount).toString() : null,
        currency: invoice.currency,
        openedBy: input.openedBy,
      },
    });
    if (dispute)
      await recordIntegrationEvent(trx, {
        orgId: input.orgId,
        type: 'invoice.disputed',
        data: {
          invoiceId: input.invoiceId,
          number: invoice.number,
          customerId: input.customerId,
          reason: input.reason ?? 'other',
          disputedAmount: input.disputedAmount ?? invoice.open_amount,
          currency: invoice.currency,
        },
      });
    return { id };
  });
}
