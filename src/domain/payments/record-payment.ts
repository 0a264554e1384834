import type { Database } from '../../db/client.ts';
import type { PaymentMethod } from '../../db/schema.ts';
import { type Allocation, allocateOldestFirst, applyToInvoices } from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { assertDocumentAmount, resolveCustomerCurrency } from '../customers/resolve-customer-currency.ts';
import { AppError } from '../errors.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { nextDocumentNumber } from '../shared/document-numbers.ts';
import { newId } from '../shared/ids.ts';

export interface NewPayment {
  orgId: string;
  customerId: string;
  amount: bigint;
  currency?: string | null;
  receivedOn: string;
  method: PaymentMethod;
  reference?: string | null;
  /** 'auto': oldest due first; a list: exactly as chosen; none: all kept as unapplied cash. */
  allocations?: 'auto' | Allocation[];
  /** A retried request with the same key returns the payment already recorded, never a second one. */
  idempotencyKey?: string | null;
  locale?: string;
}

/**
 * Records a payment received outside Saldo (check, cash, transfer, card terminal) and applies it.
 * Online payments (a later release) arrive through the same application logic.
 */
export async function recordPayment(
  db: Database,
  input: NewPayment,
  actor: Actor,
): Promise<{ id: string; number: string; applied: bigint; replayed: boolean }> {
  assertDocumentAmount(input.amount);
  if (input.idempotencyKey) {
    const existing = await db
      .selectFrom('payments')
      .select(['id', 'number', 'amount', 'unapplied_amount', 'customer_id'])
      .where('org_id', '=', input.orgId)
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (existing) {
      if (existing.amount !== input.amount || existing.customer_id !== input.customerId)
        throw new AppError('conflict');
      return {
        id: existing.id,
        number: existing.number,
        applied: existing.amount - existing.unapplied_amount,
        replayed: true,
      };
    }
  }
  return db.transaction().execute(async (trx) => {
    const currency = await resolveCustomerCurrency(trx, input);
    const id = newId();
    const number = await nextDocumentNumber(trx, input.orgId, 'payment', 'PAY-');
    const inserted = await trx
      .insertInto('payments')
      .values({
        org_id: input.orgId,
        id,
        customer_id: input.customerId,
        number,
        currency,
        amount: input.amount,
        unapplied_amount: input.amount,
        received_on: input.receivedOn,
        method: input.method,
        reference: input.reference ?? null,
        idempotency_key: input.idempotencyKey ?? null,
        created_by: actor.userId ?? null,
      })
      .onConflict((oc) =>
        oc.columns(['org_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('conflict');
    await postEntry(trx, {
      orgId: input.orgId,
      currency,
      kind: 'payment.received',
      memo: number,
      createdBy: actor.userId ?? null,
      lines: [
        { account: 'cash_clearing', customerId: input.customerId, paymentId: id, amount: input.amount },
        { account: 'unapplied_cash', customerId: input.customerId, paymentId: id, amount: -input.amount },
      ],
    });
    const allocations =
      input.allocations === 'auto'
        ? await allocateOldestFirst(trx, input.orgId, input.customerId, currency, input.amount)
        : (input.allocations ?? []);
    const source = {
      kind: 'payment' as const,
      id,
      customerId: input.customerId,
      currency,
      available: input.amount,
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
      action: 'payment.recorded',
      entityType: 'payment',
      entityId: id,
      after: {
        number,
        amount: input.amount.toString(),
        currency,
        method: input.method,
        reference: input.reference ?? null,
        applied: applied.toString(),
      },
    });
    return { id, number, applied, replayed: false };
  });
}
