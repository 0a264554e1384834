import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import {
  type Allocation,
  allocateOldestFirst,
  applyToInvoices,
  reverseApplication,
} from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { postEntry } from '../ledger/post-entry.ts';

function lockPayment(trx: Transaction<DB>, orgId: string, paymentId: string) {
  return trx
    .selectFrom('payments')
    .select(['id', 'customer_id', 'currency', 'amount', 'unapplied_amount', 'status', 'number'])
    .where('org_id', '=', orgId)
    .where('id', '=', paymentId)
    .forUpdate()
    .executeTakeFirst();
}

/** Applies unapplied cash of a payment to invoices ('auto': oldest due first). */
export async function applyPayment(
  db: Database,
  input: { orgId: string; paymentId: string; allocations: 'auto' | Allocation[]; locale?: string },
  actor: Actor,
): Promise<{ applied: bigint }> {
  return db.transaction().execute(async (trx) => {
    const payment = await lockPayment(trx, input.orgId, input.paymentId);
    if (!payment) throw new AppError('not_found');
    if (payment.status !== 'completed') throw new AppError('payment_reversed');
    const allocations =
      input.allocations === 'auto'
        ? await allocateOldestFirst(
            trx,
            input.orgId,
            payment.customer_id,
            payment.currency,
            payment.unapplied_amount,
          )
        : input.allocations;
    const source = {
      kind: 'payment' as const,
      id: payment.id,
      customerId: payment.customer_id,
      currency: payment.currency,
      available: payment.unapplied_amount,
    };
    const applied = await applyToInvoices(
      trx,
      input.orgId,
      source,
      allocations,
      actor.userId ?? null,
      input.locale,
    );
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'payment.applied',
      entityType: 'payment',
      entityId: payment.id,
      before: { unapplied: payment.unapplied_amount.toString() },
      after: {
        unapplied: (payment.unapplied_amount - applied).toString(),
        allocations: allocations.map((a) => ({ invoiceId: a.invoiceId, amount: a.amount.toString() })),
      },
    });
    return { applied };
  });
}

/** Takes one application off its invoice; the cash returns to the payment's unapplied amount. */
export async function unapplyPayment(
  db: Database,
  input: { orgId: string; applicationId: string; reason: string },
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom('payment_applications')
      .select(['payment_id'])
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.applicationId)
      .executeTakeFirst();
    if (!application) throw new AppError('not_found');
    const payment = await lockPayment(trx, input.orgId, application.payment_id);
    const { amount, invoiceId } = await reverseApplication(trx, input.orgId, 'payment', input.applicationId, {
      by: actor.userId ?? null,
      reason: input.reason,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'payment.unapplied',
      entityType: 'payment',
      entityId: application.payment_id,
      before: { unapplied: payment!.unapplied_amount.toString() },
      after: {
        unapplied: (payment!.unapplied_amount + amount).toString(),
        invoiceId,
        amount: amount.toString(),
        reason: input.reason,
      },
    });
  });
}

/**
 * Reverses a payment (a bounced check, a mistake): every application undone, then the payment
 * itself reversed in the ledger. Nothing is deleted.
 */
export async function reversePayment(
  db: Database,
  input: { orgId: string; paymentId: string; reason: string },
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const payment = await lockPayment(trx, input.orgId, input.paymentId);
    if (!payment) throw new AppError('not_found');
    if (payment.status !== 'completed') throw new AppError('payment_reversed');
    const live = await trx
      .selectFrom('payment_applications')
      .select(['id'])
      .where('org_id', '=', input.orgId)
      .where('payment_id', '=', payment.id)
      .where('unapplied_at', 'is', null)
      .orderBy('invoice_id')
      .execute();
    for (const application of live) {
      await reverseApplication(trx, input.orgId, 'payment', application.id, {
        by: actor.userId ?? null,
        reason: input.reason,
      });
    }
    await postEntry(trx, {
      orgId: input.orgId,
      currency: payment.currency,
      kind: 'payment.reversed',
      memo: input.reason,
      createdBy: actor.userId ?? null,
      lines: [
        {
          account: 'unapplied_cash',
          customerId: payment.customer_id,
          paymentId: payment.id,
          amount: payment.amount,
        },
        {
          account: 'cash_clearing',
          customerId: payment.customer_id,
          paymentId: payment.id,
          amount: -payment.amount,
        },
      ],
    });
    await trx
      .updateTable('payments')
      .set({
        status: 'reversed',
        reversed_at: sql`now()`,
        reverse_reason: input.reason,
      })
      .where('org_id', '=', input.orgId)
      .where('id', '=', payment.id)
      .execute();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'payment.reversed',
      entityType: 'payment',
      entityId: payment.id,
      before: { status: 'completed', unapplied: payment.unapplied_amount.toString() },
      after: { status: 'reversed', reason: input.reason },
    });
  });
}
