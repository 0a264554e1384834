import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { CreditChecksTable, DB } from '../../db/schema.ts';

/**
 * The credit check aggregate's data layer: the checks themselves, and the sums a check reads —
 * orders approved or being prepaid that no invoice has billed yet, and what was prepaid for one
 * order. Plain functions over a pool or a transaction: the caller owns the transaction.
 */
type Db = Kysely<DB> | Transaction<DB>;

export type CreditDecision = 'approved' | 'payment_required';
export type PayLinkUnavailable = 'seller_off' | 'customer_off' | 'no_methods';

export interface CreditCheck {
  id: string;
  customerId: string;
  orderReference: string;
  orderAmount: bigint;
  currency: string;
  creditLimit: bigint | null;
  balance: bigint;
  pendingOrders: bigint;
  prepaid: bigint;
  availableCredit: bigint | null;
  decision: CreditDecision;
  amountToPay: bigint;
  payLinkId: string | null;
  payLinkUnavailable: PayLinkUnavailable | null;
  createdAt: Date;
}

/** An order keeps its place in the customer's credit this long without an invoice. */
export const PENDING_ORDER_DAYS = 30;

type Row = Awaited<ReturnType<ReturnType<typeof selectChecks>['executeTakeFirstOrThrow']>>;

function selectChecks(db: Db, orgId: string) {
  return db.selectFrom('credit_checks').selectAll().where('org_id', '=', orgId);
}

/** The one mapper of a check row. */
function toCreditCheck(row: Row): CreditCheck {
  return {
    id: row.id,
    customerId: row.customer_id,
    orderReference: row.order_reference,
    orderAmount: row.order_amount,
    currency: row.currency.trim(),
    creditLimit: row.credit_limit,
    balance: row.balance,
    pendingOrders: row.pending_orders,
    prepaid: row.prepaid,
    availableCredit: row.available_credit,
    decision: row.decision,
    amountToPay: row.amount_to_pay,
    payLinkId: row.pay_link_id,
    payLinkUnavailable: row.pay_link_unavailable,
    createdAt: row.created_at,
  };
}

export async function insertCreditCheck(trx: Db, row: Insertable<CreditChecksTable>): Promise<void> {
  await trx.insertInto('credit_checks').values(row).execute();
}

export async function findCreditCheck(db: Db, input: { orgId: string; id: string }) {
  const row = await selectChecks(db, input.orgId).where('id', '=', input.id).executeTakeFirst();
  return row ? toCreditCheck(row) : undefined;
}

/** The latest answer for one order of a customer. */
export async function latestCreditCheck(
  db: Db,
  input: { orgId: string; customerId: string; orderReference: string },
): Promise<CreditCheck | undefined> {
  const row = await selectChecks(db, input.orgId)
    .where('customer_id', '=', input.customerId)
    .where('order_reference', '=', input.orderReference)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? toCreditCheck(row) : undefined;
}

/** A customer's checks, newest first (the console panel). */
export async function listCreditChecks(
  db: Db,
  input: { orgId: string; customerId: string; limit: number },
): Promise<CreditCheck[]> {
  const rows = await selectChecks(db, input.orgId)
    .where('customer_id', '=', input.customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit)
    .execute();
  return rows.map(toCreditCheck);
}

/**
 * Checks of one customer queue behind each other (a transaction-scoped advisory lock), so two
 * orders checked at once cannot both take the same available credit.
 */
export async function lockCustomerCredit(trx: Transaction<DB>, input: { orgId: string; customerId: string }) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`credit-check:${input.orgId}:${input.customerId}`}, 0))`.execute(
    trx,
  );
}

/**
 * Orders of the customer other than `exceptOrder` that hold credit without an invoice yet: the
 * latest check of each order in the last PENDING_ORDER_DAYS days, approved, or with a pay link
 * still open, being paid or paid. An order stops counting once an invoice names it (its amount
 * is then in the balance) or once its link expired or was cancelled unpaid.
 */
export async function pendingOrdersTotal(
  db: Db,
  input: { orgId: string; customerId: string; currency: string; exceptOrder: string },
): Promise<bigint> {
  const { rows } = await sql<{ pending: bigint }>`
    select coalesce(sum(c.order_amount), 0)::int8 as pending
      from (select distinct on (order_reference) order_reference, order_amount, decision, pay_link_id
              from credit_checks
             where org_id = ${input.orgId} and customer_id = ${input.customerId}
               and currency = ${input.currency} and order_reference <> ${input.exceptOrder}
               and created_at > now() - make_interval(days => ${PENDING_ORDER_DAYS})
             order by order_reference, created_at desc, id desc) c
      left join pay_links l on l.org_id = ${input.orgId} and l.id = c.pay_link_id
      left join payments p on p.org_id = l.org_id and p.id = l.payment_id
     where not exists (
             select 1 from invoices i
              where i.org_id = ${input.orgId} and i.customer_id = ${input.customerId}
                and i.order_reference = c.order_reference and i.status <> 'void')
       and (c.decision = 'approved'
            or (l.id is not null and l.cancelled_at is null
                and (p.status in ('initiated', 'processing', 'requires_action', 'pending',
                                  'completed', 'refunded', 'disputed')
                     or l.expires_at > now())))`.execute(db);
  return rows[0]?.pending ?? 0n;
}

/**
 * What was prepaid for one order: the unapplied cash of its completed payments (it is in the
 * balance as unapplied cash) and the amount of those still in flight.
 */
export async function orderPrepayments(
  db: Db,
  input: { orgId: string; customerId: string; currency: string; orderReference: string },
): Promise<{ unapplied: bigint; inFlight: bigint }> {
  const { rows } = await sql<{ unapplied: bigint; in_flight: bigint }>`
    select coalesce(sum(unapplied_amount) filter (where status = 'completed'), 0)::int8 as unapplied,
           coalesce(sum(amount) filter (where status in ('initiated', 'processing', 'requires_action', 'pending')), 0)::int8
             as in_flight
      from payments
     where org_id = ${input.orgId} and customer_id = ${input.customerId} and currency = ${input.currency}
       and order_reference = ${input.orderReference}`.execute(db);
  return { unapplied: rows[0]?.unapplied ?? 0n, inFlight: rows[0]?.in_flight ?? 0n };
}

/** How the seller's orders over the limit are paid, and whether they may be at all. */
export interface CreditCheckSettings {
  onlineOrders: boolean;
  orderPayment: 'excess' | 'whole';
}

export async function loadCreditCheckSettings(db: Db, orgId: string): Promise<CreditCheckSettings> {
  const row = await db
    .selectFrom('payment_settings')
    .select(['online_orders', 'order_payment'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  // A seller without a settings row has the defaults (payment-settings.repository.ts).
  return { onlineOrders: row?.online_orders ?? false, orderPayment: row?.order_payment ?? 'excess' };
}

export async function saveCreditCheckSettings(
  db: Db,
  input: { orgId: string; settings: CreditCheckSettings; updatedBy: string | null },
): Promise<void> {
  const values = {
    online_orders: input.settings.onlineOrders,
    order_payment: input.settings.orderPayment,
    updated_by: input.updatedBy,
    updated_at: sql<Date>`now()`,
  };
  await db
    .insertInto('payment_settings')
    .values({ org_id: input.orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

/** How the ERP names the customer: Saldo's id, the ERP's own id, or the account number. */
export type CustomerRef = { id: string } | { erpId: string } | { accountNumber: string };

/** The customer a check is about, with its credit limit (null: no limit; 0: no credit). */
export async function findCreditCustomer(
  db: Db,
  input: { orgId: string; customer: CustomerRef },
): Promise<{ id: string; name: string; currency: string; creditLimit: bigint | null } | undefined> {
  let query = db
    .selectFrom('customer_accounts')
    .select(['id', 'name', 'currency', 'credit_limit'])
    .where('org_id', '=', input.orgId);
  const ref = input.customer;
  if ('id' in ref) query = query.where('id', '=', ref.id);
  else if ('erpId' in ref) query = query.where('erp_id', '=', ref.erpId);
  else query = query.where('account_number', '=', ref.accountNumber);
  const row = await query.executeTakeFirst();
  return row && { id: row.id, name: row.name, currency: row.currency.trim(), creditLimit: row.credit_limit };
}

/** The open invoices that bill an order, oldest due first (the order applications take). */
export async function openOrderInvoiceIds(
  db: Db,
  input: { orgId: string; customerId: string; orderReference: string; currency: string },
): Promise<string[]> {
  const rows = await db
    .selectFrom('invoices')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('customer_id', '=', input.customerId)
    .where('order_reference', '=', input.orderReference)
    .where('currency', '=', input.currency)
    .where('status', '=', 'open')
    .orderBy('due_date')
    .orderBy('issue_date')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
