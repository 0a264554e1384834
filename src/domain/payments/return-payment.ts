import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { livePaymentApplications, reverseApplication } from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit, systemActor } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { recordIntegrationEvent } from '../integration/webhooks/record-integration-event.ts';
import { postEntry } from '../ledger/post-entry.ts';
import type { StepOutcome } from './capture-payment.ts';
import { assertTransition } from './payment-lifecycle.ts';
import { appendTimeline, lockOnlinePayment, updateOnlinePayment } from './payments.repository.ts';
import { releaseIntended } from './release-intended.ts';

/**
 * The bank sent an ACH debit back (R01 insufficient funds, R02 account closed, R10 not
 * authorised…), or a card dispute was lost. Before the money settled: its pending amounts are
 * released. After: every application is reversed (the invoices reopen, each by a reversing
 * entry), then `payment.returned` takes the cash back out (unapplied cash debited, the processor's
 * clearing account credited with what was charged, the fee given back). The payment keeps the
 * reason code; the invoices say why they are open again through the payment's timeline.
 * Idempotent (`stale`).
 */
export function returnPayment(
  deps: { db: Database },
  input: {
    orgId: string;
    paymentId: string;
    returnCode: string;
    eventId?: string | null;
    actor?: Actor;
  },
): Promise<StepOutcome> {
  const actor = input.actor ?? systemActor;
  const by = actor.userId ?? null;
  return inTransaction(deps.db, async (trx) => {
    const payment = await lockOnlinePayment(trx, input);
    if (!payment) throw new AppError('not_found');
    if (payment.status === 'returned') return 'stale';
    // A return reported while Saldo still thinks the debit is being submitted: it was submitted.
    const from = payment.status === 'processing' ? 'pending' : payment.status;
    assertTransition(from, 'returned');
    const reason = `return ${input.returnCode}`;
    let entryId: string | null = null;
    if (from === 'pending') {
      await releaseIntended(trx, { orgId: input.orgId, paymentId: payment.id });
    } else {
      for (const applicationId of await livePaymentApplications(trx, {
        orgId: input.orgId,
        paymentId: payment.id,
      })) {
        await reverseApplication(trx, input.orgId, 'payment', applicationId, { by, reason });
      }
      const remaining = payment.amount - payment.refundedAmount;
      entryId = await postEntry(trx, {
        orgId: input.orgId,
        currency: payment.currency,
        kind: 'payment.returned',
        memo: `${payment.number} ${input.returnCode}`,
        createdBy: by,
        lines: [
          {
            account: 'unapplied_cash',
            customerId: payment.customerId,
            paymentId: payment.id,
            amount: remaining,
          },
          {
            account: 'convenience_fees',
            customerId: payment.customerId,
            paymentId: payment.id,
            amount: payment.feeAmount,
          },
          {
            account: 'processor_clearing',
            customerId: payment.customerId,
            paymentId: payment.id,
            amount: -(remaining + payment.feeAmount),
          },
        ],
      });
    }
    await updateOnlinePayment(trx, {
      orgId: input.orgId,
      paymentId: payment.id,
      status: 'returned',
      returnCode: input.returnCode,
      reversed: { reason },
      unappliedAmount: payment.amount,
    });
    await appendTimeline(trx, {
      orgId: input.orgId,
      paymentId: payment.id,
      from: payment.status,
      to: 'returned',
      journalEntryId: entryId,
      processorEventId: input.eventId ?? null,
      detail: { returnCode: input.returnCode },
      actorUserId: by,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'payment.returned',
      entityType: 'payment',
      entityId: payment.id,
      before: { status: payment.status },
      after: { status: 'returned', returnCode: input.returnCode },
    });
    await recordIntegrationEvent(trx, {
      orgId: input.orgId,
      type: 'payment.returned',
      data: {
        paymentId: payment.id,
        number: payment.number,
        customerId: payment.customerId,
        amount: payment.amount,
        currency: payment.currency,
        method: payment.method,
        source: payment.source,
        returnCode: input.returnCode,
      },
    });
    return 'applied';
  });
}
