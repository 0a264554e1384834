import type { Database } from '../../db/client.ts';
import { addJob } from '../../db/jobs.ts';
import { inTransaction } from '../../db/transaction.ts';
import { applyToInvoices } from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit, systemActor } from '../audit/record-audit.ts';
import { applyArrivedPrepayment } from '../credit-checks/apply-arrived-prepayment.ts';
import { orgTodayOf } from '../customers/balances.ts';
import { AppError } from '../errors.ts';
import { recordIntegrationEvent } from '../integration/webhooks/record-integration-event.ts';
import { lockInvoices } from '../invoices/invoices.repository.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { assertTransition } from './payment-lifecycle.ts';
import { appendTimeline, lockOnlinePayment, updateOnlinePayment } from './payments.repository.ts';
import { releaseIntended } from './release-intended.ts';
import {
  PAYMENT_RECEIPT_TASK,
  type PaymentReceiptPayload,
  paymentReceiptJobKey,
} from './send-payment-receipt.ts';

export type StepOutcome = 'applied' | 'stale';

/**
 * The money arrived (a card captured, an ACH debit settled): the payment becomes completed, the
 * journal gets `payment.captured` — the processor's clearing account debited with what was
 * charged, unapplied cash credited with the payment and the convenience fee earned — and what the
 * payer meant for each invoice is applied, as far as each invoice still owes it (one paid or voided
 * meanwhile takes less; the rest stays as unapplied cash for staff to apply). Idempotent: a payment
 * already completed is `stale` and nothing moves.
 */
export function capturePayment(
  deps: { db: Database },
  input: {
    orgId: string;
    paymentId: string;
    processorPaymentId?: string | null;
    eventId?: string | null;
    actor?: Actor;
  },
): Promise<StepOutcome> {
  const actor = input.actor ?? systemActor;
  return inTransaction(deps.db, async (trx) => {
    const payment = await lockOnlinePayment(trx, input);
    if (!payment) throw new AppError('not_found');
    if (payment.status === 'completed') return 'stale';
    assertTransition(payment.status, 'completed');
    const by = actor.userId ?? null;
    const settled = payment.status === 'pending';
    const entryId = await postEntry(trx, {
      orgId: input.orgId,
      currency: payment.currency,
      kind: settled ? 'payment.settled' : 'payment.captured',
      memo: payment.number,
      createdBy: by,
      lines: [
        {
          account: 'processor_clearing',
          customerId: payment.customerId,
          paymentId: payment.id,
          amount: payment.amount + payment.feeAmount,
        },
        {
          account: 'unapplied_cash',
          customerId: payment.customerId,
          paymentId: payment.id,
          amount: -payment.amount,
        },
        {
          account: 'convenience_fees',
          customerId: payment.customerId,
          paymentId: payment.id,
          amount: -payment.feeAmount,
        },
      ],
    });
    const today = (await orgTodayOf(trx, input.orgId))!;
    await updateOnlinePayment(trx, {
      orgId: input.orgId,
      paymentId: payment.id,
      status: 'completed',
      completed: true,
      receivedOn: today,
      ...(input.processorPaymentId ? { processorPaymentId: input.processorPaymentId } : {}),
    });
    const intended = await releaseIntended(trx, { orgId: input.orgId, paymentId: payment.id });
    const invoices = new Map(
      (await lockInvoices(trx, { orgId: input.orgId, invoiceIds: intended.map((a) => a.invoiceId) })).map(
        (i) => [i.id, i],
      ),
    );
    const allocations = intended.flatMap((a) => {
      const invoice = invoices.get(a.invoiceId);
      if (invoice?.status !== 'open') return [];
      const owed = invoice.openAmount - invoice.pendingAmount;
      const amount = a.amount < owed ? a.amount : owed;
      return amount > 0n ? [{ invoiceId: a.invoiceId, amount }] : [];
    });
    let applied = await applyToInvoices(
      trx,
      input.orgId,
      {
        kind: 'payment',
        id: payment.id,
        customerId: payment.customerId,
        currency: payment.currency,
        available: payment.amount,
      },
      allocations,
      by,
    );
    // A prepayment for an order the ERP has invoiced meanwhile: what is left goes to that invoice.
    if (payment.orderReference)
      applied += await applyArrivedPrepayment(trx, {
        orgId: input.orgId,
        paymentId: payment.id,
        customerId: payment.customerId,
        currency: payment.currency,
        orderReference: payment.orderReference,
        available: payment.amount - applied,
        createdBy: by,
      });
    await appendTimeline(trx, {
      orgId: input.orgId,
      paymentId: payment.id,
      from: payment.status,
      to: 'completed',
      journalEntryId: entryId,
      processorEventId: input.eventId ?? null,
      detail: { applied: applied.toString(), unapplied: (payment.amount - applied).toString() },
      actorUserId: by,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: settled ? 'payment.settled' : 'payment.captured',
      entityType: 'payment',
      entityId: payment.id,
      before: { status: payment.status },
      after: { status: 'completed', applied: applied.toString() },
    });
    // The receipt e-mail commits with the capture; the job key makes a retried capture one job.
    const receipt: PaymentReceiptPayload = { orgId: input.orgId, paymentId: payment.id };
    await addJob(trx, PAYMENT_RECEIPT_TASK, receipt, { jobKey: paymentReceiptJobKey(payment.id) });
    await recordIntegrationEvent(trx, {
      orgId: input.orgId,
      type: 'payment.succeeded',
      data: {
        paymentId: payment.id,
        number: payment.number,
        customerId: payment.customerId,
        amount: payment.amount,
        currency: payment.currency,
        method: payment.method,
        source: payment.source,
        fee: payment.feeAmount,
        applied,
      },
    });
    return 'applied';
  });
}
