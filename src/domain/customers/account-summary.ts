import type { Database } from '../../db/client.ts';
import type { PaymentLifecycleStatus, PaymentMethod } from '../../db/schema.ts';
import { type Balance, balancesFor, orgToday } from './balances.ts';
import { loadCustomer } from './customers.repository.ts';

export interface RecentPayment {
  id: string;
  number: string;
  customer: { id: string; name: string; accountNumber: string };
  receivedOn: string;
  method: PaymentMethod;
  reference: string | null;
  currency: string;
  amount: bigint;
  unappliedAmount: bigint;
  status: PaymentLifecycleStatus;
}

export interface AccountSummary {
  balances: Balance[];
  /** The open invoice due soonest that is not yet overdue (today counts), or null. */
  nextDue: {
    invoiceId: string;
    number: string;
    dueDate: string;
    openAmount: bigint;
    currency: string;
  } | null;
  recentPayments: RecentPayment[];
  /**
   * What the customer may know of a credit hold: its status and the seller's message for the
   * customer, if any (never the internal reason).
   */
  hold: { status: 'active' | 'on_hold'; message: string | null };
}

/** What a customer sees first in the portal: balances, the next due invoice, the last 5 payments, a hold. */
export async function accountSummary(
  deps: { db: Database },
  input: { orgId: string; customerId: string },
): Promise<AccountSummary | null> {
  const { db } = deps;
  const { orgId, customerId } = input;
  const account = await loadCustomer(db, { orgId, customerId });
  if (!account) return null;
  const [balances, next, payments] = await Promise.all([
    balancesFor(db, orgId, [{ id: account.id, currency: account.currency }]),
    db
      .selectFrom('invoices')
      .select(['id', 'number', 'due_date', 'open_amount', 'currency'])
      .where('org_id', '=', orgId)
      .where('customer_id', '=', customerId)
      .where('status', '=', 'open')
      .where('open_amount', '>', 0n)
      .where('due_date', '>=', orgToday(orgId))
      .orderBy('due_date')
      .orderBy('number')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('payments')
      .select([
        'id',
        'number',
        'received_on',
        'method',
        'reference',
        'currency',
        'amount',
        'unapplied_amount',
        'status',
      ])
      .where('org_id', '=', orgId)
      .where('customer_id', '=', customerId)
      .where('status', '=', 'completed')
      .orderBy('received_on', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(5)
      .execute(),
  ]);
  const customer = { id: account.id, name: account.name, accountNumber: account.accountNumber };
  return {
    balances: balances.get(account.id) ?? [],
    nextDue: next
      ? {
          invoiceId: next.id,
          number: next.number,
          dueDate: next.due_date,
          openAmount: next.open_amount,
          currency: next.currency.trim(),
        }
      : null,
    recentPayments: payments.map((p) => ({
      id: p.id,
      number: p.number,
      customer,
      receivedOn: p.received_on,
      method: p.method,
      reference: p.reference,
      currency: p.currency.trim(),
      amount: p.amount,
      unappliedAmount: p.unapplied_amount,
      status: p.status,
    })),
    hold: { status: account.hold.status, message: account.hold.customerMessage },
  };
}
