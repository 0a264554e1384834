import { createHash } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import type { PaymentMethod } from '../../db/schema.ts';
import { type Allocation, allocateOldestFirst, applyToInvoices } from '../applications/apply-to-invoices.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { orgTodayOf } from '../customers/balances.ts';
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
  /**
   * A retried request with the same key returns the payment already recorded, never a second one;
   * the same key with any other request is refused (`idempotency_key_reused`).
   */
  idempotencyKey?: string | null;
  locale?: string;
}

/**
 * The fingerprint of a request to record a payment: SHA-256 of everything that decides what is
 * recorded (customer, amount, currency as given, date, method, reference, allocation), in a fixed
 * order. Not the locale: the same request asked in another language is the same request.
 */
export function paymentFingerprint(input: NewPayment): string {
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
async function replay(db: Database, input: NewPayment, fingerprint: string): Promise<Recorded | null> {
  const existing = await db
    .selectFrom('payments')
    .select(['id', 'number', 'amount', 'unapplied_amount', 'customer_id', 'idempotency_fingerprint'])
    .where('org_id', '=', input.orgId)
    .where('idempotency_key', '=', input.idempotencyKey!)
    .executeTakeFirst();
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

/** Thrown inside the transaction when another request took the key first; never leaves this file. */
class KeyTaken extends Error {}

/**
 * Records a payment received outside Saldo (check, cash, transfer, card terminal) and applies it.
 * Online payments (a later release) arrive through the same application logic.
 *
 * Rules: the amount is positive and within ±10^15 minor units; the date received is not after the
 * seller's today in its own time zone; the currency is the customer's own or one it has a balance
 * in (customerCurrencies).
 *
 * Idempotency: under an `Idempotency-Key`, the identical request replays the payment first
 * recorded (`replayed: true`), whoever asks and however many ask at once — concurrent duplicates
 * wait on the key's unique index for the first to commit, then replay it; any other request under
 * the key is refused with `idempotency_key_reused`.
 */
export async function recordPayment(db: Database, input: NewPayment, actor: Actor): Promise<Recorded> {
  assertDocumentAmount(input.amount);
  const fingerprint = input.idempotencyKey ? paymentFingerprint(input) : null;
  if (fingerprint) {
    const replayed = await replay(db, input, fingerprint);
    if (replayed) return replayed;
  }
  try {
    return await record(db, input, fingerprint, actor);
  } catch (error) {
    if (!(error instanceof KeyTaken)) throw error;
    const replayed = await replay(db, input, fingerprint!);
    if (replayed) return replayed;
    throw new AppError('conflict');
  }
}

async function record(
  db: Database,
  input: NewPayment,
  fingerprint: string | null,
  actor: Actor,
): Promise<Recorded> {
  return db.transaction().execute(async (trx) => {
    const currency = await resolveCustomerCurrency(trx, input, { offeredOnly: true });
    const today = (await orgTodayOf(trx, input.orgId))!;
    if (input.receivedOn > today)
      throw new AppError('validation_failed', {}, [
        { field: 'receivedOn', code: 'maximum', params: { limit: today } },
      ]);
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
        idempotency_fingerprint: fingerprint,
        created_by: actor.userId ?? null,
      })
      .onConflict((oc) =>
        oc.columns(['org_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new KeyTaken();
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
