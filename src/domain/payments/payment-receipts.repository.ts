import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, MethodKind } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What a receipt says of its payment, as claimed. */
export interface ClaimedReceipt {
  id: string;
  number: string;
  customerId: string;
  currency: string;
  amount: bigint;
  feeAmount: bigint;
  receivedOn: string;
  method: string;
  paymentMethodId: string | null;
}

/**
 * Marks a completed online payment's receipt as sent, once: the row is answered only by the call
 * that set `receipt_sent_at` (a second call, concurrent or later, waits on the row lock and then
 * finds it set). Answers nothing for a payment not (or no longer) completed, or not online.
 */
export async function claimPaymentReceipt(
  trx: Db,
  input: { orgId: string; paymentId: string },
): Promise<ClaimedReceipt | undefined> {
  const row = await trx
    .updateTable('payments')
    .set({ receipt_sent_at: sql`now()` })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.paymentId)
    .where('status', '=', 'completed')
    .where('processor', 'is not', null)
    .where('receipt_sent_at', 'is', null)
    .returning([
      'id',
      'number',
      'customer_id',
      'currency',
      'amount',
      'fee_amount',
      'received_on',
      'method',
      'payment_method_id',
    ])
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        number: row.number,
        customerId: row.customer_id,
        currency: row.currency,
        amount: row.amount,
        feeAmount: row.fee_amount,
        receivedOn: row.received_on,
        method: row.method,
        paymentMethodId: row.payment_method_id,
      }
    : undefined;
}

export interface ReceiptContext {
  orgName: string;
  country: string;
  accountName: string;
  /** The saved method charged, for display: never more than brand, bank and last four. */
  method: { kind: MethodKind; brand: string | null; bankName: string | null; last4: string } | null;
  /** Live applications, oldest first. */
  invoices: { number: string; amount: bigint }[];
}

export async function findReceiptContext(
  db: Db,
  input: { orgId: string; customerId: string; paymentId: string; paymentMethodId: string | null },
): Promise<ReceiptContext> {
  const [org, account, method, invoices, kept] = await Promise.all([
    db
      .selectFrom('organizations')
      .select(['name', 'country'])
      .where('id', '=', input.orgId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('customer_accounts')
      .select('name')
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.customerId)
      .executeTakeFirstOrThrow(),
    input.paymentMethodId
      ? db
          .selectFrom('payment_methods')
          .select(['kind', 'brand', 'bank_name', 'last4'])
          .where('org_id', '=', input.orgId)
          .where('id', '=', input.paymentMethodId)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom('payment_applications as a')
      .innerJoin('invoices as i', (join) =>
        join.onRef('i.org_id', '=', 'a.org_id').onRef('i.id', '=', 'a.invoice_id'),
      )
      .select(['i.number', 'a.amount'])
      .where('a.org_id', '=', input.orgId)
      .where('a.payment_id', '=', input.paymentId)
      .where('a.unapplied_at', 'is', null)
      .orderBy('a.created_at')
      .orderBy('a.id')
      .execute(),
    // A one-time method: what the payment itself keeps of it (migration 0009).
    db
      .selectFrom('payments')
      .select(['method', 'method_brand', 'method_last4', 'method_bank_name'])
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.paymentId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    orgName: org.name,
    country: org.country,
    accountName: account.name,
    method: method
      ? { kind: method.kind, brand: method.brand, bankName: method.bank_name, last4: method.last4 }
      : kept.method_last4 && (kept.method === 'card' || kept.method === 'ach')
        ? {
            kind: kept.method,
            brand: kept.method_brand,
            bankName: kept.method_bank_name,
            last4: kept.method_last4,
          }
        : null,
    invoices: invoices.map((i) => ({ number: i.number, amount: i.amount })),
  };
}
