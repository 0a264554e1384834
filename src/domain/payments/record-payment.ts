import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB, PaymentMethod } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { allocateOldestFirst } from '../applications/allocate-oldest-first.ts';
import { type Allocation, applyToInvoices } from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { orgTodayOf } from '../customers/balances.ts';
import { assertDocumentAmount, resolveCustomerCurrency } from '../customers/resolve-customer-currency.ts';
import { AppError } from '../errors.ts';
import { recordIntegrationEvent } from '../integration/webhooks/record-integration-event.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { nextDocumentNumber } from '../shared/document-numbers.ts';
import { newId } from '../shared/ids.ts';
import { findPaymentByIdempotencyKey, insertPayment, lockIdempotencyKey } from './payments.repository.ts';

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
  /**
   * A retried request with the same key returns the payment already recorded, never a second one;
   * the same key with any other request is refused (`idempotency_key_reused`).
   */
  idempotencyKey?: string | null;
  actor: Actor;
}

/**
 * The fingerprint of a request to record a payment: SHA-256 of everything that decides what is
 * recorded (customer, amount, currency as given, date, method, reference, allocation), in a fixed
 * order. Not who asks: the same request retried by another session is the same request.
 */
export function paymentFingerprint(input: Omit<NewPayment, 'actor'>): string {
  const allocations =
    input.allocations === undefined || input.allocations === 'auto'
      ? (input.allocations ?? null)
      : input.allocations.map((a) => [a.invoiceId, a.amount.toString()]);
  const canonical = JSON.stringify([
    input.customerId,
    input.amount.toString(),
    input.currency ?? null,
    input.receivedOn,
    input.method,
    input.reference ?? null,
    allocations,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

type Recorded = { id: string; number: string; applied: bigint; replayed: boolean };

/** The payment already recorded under the request's key: replayed when the request is the same one, refused when not. */
async function replay(
  trx: Transaction<DB>,
  input: NewPayment & { idempotencyKey: string },
  fingerprint: string,
): Promise<Recorded | null> {
  const existing = await findPaymentByIdempotencyKey(trx, input);
  if (!existing) return null;
  const same =
    existing.idempotency_fingerprint === null
      ? // recorded before fingerprints were kept (migration 0003): compare what was compared then
        existing.amount === input.amount && existing.customer_id === input.customerId
      : existing.idempotency_fingerprint === fingerprint;
  if (!same) throw new AppError('idempotency_key_reused');
  return {
    id: existing.id,
    number: existing.number,
    applied: existing.amount - existing.unapplied_amount,
    replayed: true,
  };
}

/**
 * Records a payment received outside Saldo (check, cash, transfer, card terminal) and applies it,
 * in the caller's transaction or one of its own. Online payments (a later release) arrive through
 * the same application logic.
 *
 * Rules: the amount is positive and within ±10^15 minor units; the date received is not after the
 * seller's today in its own time zone; the currency is the customer's own or one it has a balance
 * in (customerCurrencies).
 *
 * Idempotency: under an `Idempotency-Key`, the identical request replays the payment first
 * recorded (`replayed: true`), whoever asks and however many ask at once; any other request under
 * the key is refused with `idempotency_key_reused`. Concurrent duplicates queue on a transaction
 * advisory lock on (seller, key), taken first; each then looks the key up — under READ COMMITTED
 * the first one's committed payment is visible — and replays it. Nothing here ever fails on the
 * key's unique index, so the replay works inside a caller's transaction too (a caller under
 * REPEATABLE READ or SERIALIZABLE whose snapshot predates the first commit gets `conflict`).
 */
export async function recordPayment(deps: { db: Database }, input: NewPayment): Promise<Recorded> {
  assertDocumentAmount(input.amount);
  const key = input.idempotencyKey ?? null;
  return inTransaction(deps.db, async (trx) => {
    let fingerprint: string | null = null;
    if (key) {
      fingerprint = paymentFingerprint(input);
      await lockIdempotencyKey(trx, { orgId: input.orgId, idempotencyKey: key });
      const replayed = await replay(trx, { ...input, idempotencyKey: key }, fingerprint);
      if (replayed) return replayed;
    }
    return record(trx, input, fingerprint);
  });
}

async function record(
  trx: Transaction<DB>,
  input: NewPayment,
  fingerprint: string | null,
): Promise<Recorded> {
  const { actor } = input;
  const currency = await resolveCustomerCurrency(trx, input, { offeredOnly: true });
  const today = (await orgTodayOf(trx, input.orgId))!;
  if (input.receivedOn > today)
    throw new AppError('validation_failed', {}, [
      { field: 'receivedOn', code: 'maximum', params: { limit: today } },
    ]);
  const id = newId();
  const number = await nextDocumentNumber(trx, input.orgId, 'payment', 'PAY-');
  const inserted = await insertPayment(trx, {
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
    idempotency_fingerprint: fingerprint,
    created_by: actor.userId ?? null,
  });
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
      ? (
          await allocateOldestFirst(trx, {
            orgId: input.orgId,
            customerId: input.customerId,
            currency,
            amount: input.amount,
          })
        ).allocations
      : (input.allocations ?? []);
  const source = {
    kind: 'payment' as const,
    id,
    customerId: input.customerId,
    currency,
    available: input.amount,
  };
  const applied = await applyToInvoices(trx, input.orgId, source, allocations, actor.userId ?? null);
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
  await recordIntegrationEvent(trx, {
    orgId: input.orgId,
    type: 'payment.succeeded',
    data: {
      paymentId: id,
      number,
      customerId: input.customerId,
      amount: input.amount,
      currency,
      method: input.method,
      source: 'manual',
      fee: 0n,
      applied,
    },
  });
  return { id, number, applied, replayed: false };
}
