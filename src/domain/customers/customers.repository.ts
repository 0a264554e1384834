import { type Insertable, type Kysely, sql, type Transaction, type UpdateObject } from 'kysely';
import type { Address, ContactMessage, CustomerAccountsTable, DB, Locale } from '../../db/schema.ts';
import { containsPattern } from '../shared/search-pattern.ts';
import { orgToday } from './balances.ts';

/**
 * The customer aggregate's data layer: every query of `customer_accounts` and its contacts
 * (load, list, lock, changes) and the one mapper of a customer row. Plain functions over a pool or
 * a transaction: the caller owns the transaction.
 */
type Db = Kysely<DB> | Transaction<DB>;

/** A jsonb column's value as sent to PostgreSQL (the table type nests Generated around Json). */
export const jsonb = (value: Address) => JSON.stringify(value) as unknown as never;

/** Inserts a customer account row; false when its account number is already the seller's. */
export async function insertCustomer(db: Db, values: Insertable<CustomerAccountsTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('customer_accounts')
    .values(values)
    .onConflict((oc) => oc.columns(['org_id', 'account_number']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface PersonRef {
  userId: string;
  name: string;
}

/** A customer as lists show it, before its balances are added. */
export interface CustomerRecord {
  id: string;
  accountNumber: string;
  name: string;
  taxId: string | null;
  currency: string;
  holdStatus: 'active' | 'on_hold';
  holdReason: string | null;
  collector: PersonRef | null;
  tags: string[];
}

export interface Contact {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: string | null;
  locale: Locale;
  receives: ContactMessage[];
}

/** One customer with its terms, addresses, hold and contacts (balances and aging are read models beside it). */
export interface Customer extends CustomerRecord {
  locale: Locale;
  paymentTermsDays: number;
  creditLimit: bigint | null;
  billingAddress: Address;
  shippingAddress: Address;
  erpId: string | null;
  /** Whether this account may pay online (the seller's settings decide too). */
  onlinePayments: boolean;
  /** `reason` is internal (staff only); `customerMessage` is what the portal shows, if any. */
  hold: {
    status: 'active' | 'on_hold';
    reason: string | null;
    customerMessage: string | null;
    by: PersonRef | null;
    at: Date | null;
  };
  contacts: Contact[];
}

export const customerSorts = [
  'name',
  '-name',
  'accountNumber',
  '-accountNumber',
  'balance',
  '-balance',
  'overdue',
  '-overdue',
] as const;
export type CustomerSort = (typeof customerSorts)[number];

export interface CustomerListQuery {
  orgId: string;
  /** Part of the name, account number or tax id (ILIKE, its own % and _ taken literally). */
  q?: string | undefined;
  hold?: 'active' | 'on_hold' | undefined;
  collectorId?: string | undefined;
  /** Only customers with something overdue (in any currency). */
  overdue?: boolean | undefined;
  sort?: CustomerSort | undefined;
  page: number;
  pageSize: number;
}

/** The columns of a customer a summary needs, with its collector's name (one join). */
function selectSummaryColumns(db: Db, orgId: string) {
  return db
    .selectFrom('customer_accounts as c')
    .leftJoin('users as collector', 'collector.id', 'c.collector_user_id')
    .where('c.org_id', '=', orgId)
    .select([
      'c.id',
      'c.account_number',
      'c.name',
      'c.tax_id',
      'c.currency',
      'c.hold_status',
      'c.hold_reason',
      'c.collector_user_id',
      'collector.name as collector_name',
      'c.tags',
    ]);
}

interface SummaryRow {
  id: string;
  account_number: string;
  name: string;
  tax_id: string | null;
  currency: string;
  hold_status: 'active' | 'on_hold';
  hold_reason: string | null;
  collector_user_id: string | null;
  collector_name: string | null;
  tags: string[];
}

/** The one mapper of a customer row. */
function toCustomerRecord(row: SummaryRow): CustomerRecord {
  return {
    id: row.id,
    accountNumber: row.account_number,
    name: row.name,
    taxId: row.tax_id,
    currency: row.currency.trim(),
    holdStatus: row.hold_status,
    holdReason: row.hold_reason,
    collector: row.collector_user_id
      ? { userId: row.collector_user_id, name: row.collector_name ?? '' }
      : null,
    tags: row.tags,
  };
}

const contactColumns = ['id', 'name', 'email', 'phone', 'role', 'locale', 'receives'] as const;

export function findContacts(db: Db, input: { orgId: string; customerId: string }): Promise<Contact[]> {
  return db
    .selectFrom('customer_contacts')
    .select(contactColumns)
    .where('org_id', '=', input.orgId)
    .where('account_id', '=', input.customerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One customer of the seller with its terms, hold (and who placed it) and contacts; null when not the seller's. */
export async function loadCustomer(
  db: Db,
  input: { orgId: string; customerId: string },
): Promise<Customer | null> {
  const row = await selectSummaryColumns(db, input.orgId)
    .leftJoin('users as holder', 'holder.id', 'c.hold_by')
    .select([
      'c.locale',
      'c.payment_terms_days',
      'c.credit_limit',
      'c.billing_address',
      'c.shipping_address',
      'c.erp_id',
      'c.online_payments',
      'c.hold_by',
      'c.hold_at',
      'c.hold_message',
      'holder.name as hold_by_name',
    ])
    .where('c.id', '=', input.customerId)
    .executeTakeFirst();
  if (!row) return null;
  const contacts = await findContacts(db, input);
  return {
    ...toCustomerRecord(row),
    locale: row.locale,
    paymentTermsDays: row.payment_terms_days,
    creditLimit: row.credit_limit,
    billingAddress: row.billing_address as Address,
    shippingAddress: row.shipping_address as Address,
    erpId: row.erp_id,
    onlinePayments: row.online_payments,
    hold: {
      status: row.hold_status,
      reason: row.hold_reason,
      customerMessage: row.hold_message,
      by: row.hold_by ? { userId: row.hold_by, name: row.hold_by_name ?? '' } : null,
      at: row.hold_at,
    },
    contacts,
  };
}

/**
 * A page of the seller's customers (without balances). Sorting by balance or overdue happens in
 * the database: one grouped pass over the open invoices (the partial index invoices_open_idx,
 * `status = 'open' and open_amount > 0`) per customer, joined to the customers, ordered, then cut
 * to the page. Balance and overdue sorts use the amounts in each customer's own currency.
 * Sorting by name walks customer_accounts_name_idx and touches no invoices at all.
 */
export async function findCustomers(
  db: Db,
  query: CustomerListQuery,
): Promise<{ items: CustomerRecord[]; total: number }> {
  const { orgId } = query;
  const sort = query.sort ?? 'name';
  const needsOpen = query.overdue === true || sort.endsWith('balance') || sort.endsWith('overdue');

  let base = selectSummaryColumns(db, orgId);
  if (query.q?.trim()) {
    const pattern = containsPattern(query.q.trim());
    base = base.where((eb) =>
      eb.or([
        eb('c.name', 'ilike', pattern),
        eb('c.account_number', 'ilike', pattern),
        eb('c.tax_id', 'ilike', pattern),
      ]),
    );
  }
  if (query.hold) base = base.where('c.hold_status', '=', query.hold);
  if (query.collectorId) base = base.where('c.collector_user_id', '=', query.collectorId);

  const openPerCustomer = sql`(
    select i.customer_id, i.currency,
           sum(i.open_amount) as open_total,
           coalesce(sum(i.open_amount) filter (where i.due_date < (select ${orgToday(orgId)})), 0) as overdue
      from invoices i
     where i.org_id = ${orgId} and i.status = 'open' and i.open_amount > 0
     group by i.customer_id, i.currency
  )`;

  let filtered = base;
  if (query.overdue) {
    // The customers with an overdue invoice: one range scan of invoices_org_due_idx (due before today), hashed.
    filtered = filtered.where('c.id', 'in', (eb) =>
      eb
        .selectFrom('invoices as oi')
        .select('oi.customer_id')
        .where('oi.org_id', '=', orgId)
        .where('oi.status', '=', 'open')
        .where('oi.open_amount', '>', 0n)
        .where('oi.due_date', '<', orgToday(orgId)),
    );
  }

  const countQuery = filtered
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();

  let pageQuery = filtered;
  if (needsOpen) {
    const desc = sort.startsWith('-');
    const direction = desc ? sql`desc` : sql`asc`;
    if (sort.endsWith('overdue')) {
      pageQuery = pageQuery
        .leftJoin(
          sql<{ customer_id: string; currency: string; overdue: bigint }>`${openPerCustomer}`.as('o'),
          (join) => join.onRef('o.customer_id', '=', 'c.id').onRef('o.currency', '=', 'c.currency'),
        )
        .orderBy(sql`coalesce(o.overdue, 0) ${direction}`);
    } else if (sort.endsWith('balance')) {
      // Balance in the customer's own currency: open invoices − unapplied cash − unapplied credits,
      // each side one grouped pass filtered to what is still open.
      pageQuery = pageQuery
        .leftJoin(
          sql<{ customer_id: string; currency: string; balance: bigint }>`(
            select x.customer_id, x.currency, sum(x.amount) as balance from (
              select i.customer_id, i.currency, i.open_amount as amount
                from invoices i
               where i.org_id = ${orgId} and i.status = 'open' and i.open_amount > 0
              union all
              select p.customer_id, p.currency, -p.unapplied_amount
                from payments p
               where p.org_id = ${orgId} and p.status = 'completed' and p.unapplied_amount > 0
              union all
              select m.customer_id, m.currency, -m.unapplied_amount
                from credit_memos m
               where m.org_id = ${orgId} and m.status = 'open' and m.unapplied_amount > 0
            ) x
            group by x.customer_id, x.currency
          )`.as('b'),
          (join) => join.onRef('b.customer_id', '=', 'c.id').onRef('b.currency', '=', 'c.currency'),
        )
        .orderBy(sql`coalesce(b.balance, 0) ${direction}`);
    }
  }
  if (sort === 'accountNumber' || sort === '-accountNumber') {
    pageQuery = pageQuery.orderBy('c.account_number', sort.startsWith('-') ? 'desc' : 'asc');
  } else if (sort === '-name') {
    pageQuery = pageQuery.orderBy(sql`lower(c.name)`, 'desc');
  } else {
    pageQuery = pageQuery.orderBy(sql`lower(c.name)`, 'asc');
  }
  pageQuery = pageQuery.orderBy('c.id', 'asc');

  const [rows, count] = await Promise.all([
    pageQuery
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute() as Promise<SummaryRow[]>,
    countQuery,
  ]);
  return { items: rows.map(toCustomerRecord), total: count.n };
}

/** What new documents of a customer default to (currency, payment terms); undefined when not the seller's. */
export async function findCustomerDefaults(
  db: Db,
  input: { orgId: string; customerId: string },
): Promise<{ currency: string; paymentTermsDays: number } | undefined> {
  const row = await db
    .selectFrom('customer_accounts')
    .select(['currency', 'payment_terms_days'])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.customerId)
    .executeTakeFirst();
  return row && { currency: row.currency.trim(), paymentTermsDays: row.payment_terms_days };
}

export async function customerExists(db: Db, input: { orgId: string; customerId: string }): Promise<boolean> {
  const row = await db
    .selectFrom('customer_accounts')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.customerId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Locks a customer's row (SELECT … FOR UPDATE) and returns it as stored, for changes audited before → after. */
export function lockCustomer(trx: Db, input: { orgId: string; customerId: string }) {
  return trx
    .selectFrom('customer_accounts')
    .selectAll()
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.customerId)
    .forUpdate()
    .executeTakeFirst();
}

/** Writes changed columns of a customer (updated_at set with them). */
export async function updateCustomerRow(
  trx: Db,
  input: { orgId: string; customerId: string; set: UpdateObject<DB, 'customer_accounts'> },
): Promise<void> {
  await trx
    .updateTable('customer_accounts')
    .set({ ...input.set, updated_at: sql`now()` })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.customerId)
    .execute();
}

/** Whether another customer of the seller has the account number. */
export async function accountNumberTaken(
  db: Db,
  input: { orgId: string; accountNumber: string; exceptCustomerId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('customer_accounts')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('account_number', '=', input.accountNumber)
    .where('id', '<>', input.exceptCustomerId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The account number of the customer the seller created last that holds a digit (a series to follow). */
export async function findLatestAccountNumber(db: Db, input: { orgId: string }): Promise<string | null> {
  const row = await db
    .selectFrom('customer_accounts')
    .select('account_number')
    .where('org_id', '=', input.orgId)
    .where('account_number', '~', '\\d')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.account_number ?? null;
}

/** Which of these account numbers the seller's customers already have. */
export async function takenAccountNumbers(
  db: Db,
  input: { orgId: string; accountNumbers: string[] },
): Promise<Set<string>> {
  if (input.accountNumbers.length === 0) return new Set();
  const rows = await db
    .selectFrom('customer_accounts')
    .select('account_number')
    .where('org_id', '=', input.orgId)
    .where('account_number', 'in', input.accountNumbers)
    .execute();
  return new Set(rows.map((r) => r.account_number));
}

/**
 * Whether any document (invoice, credit memo or payment) names this customer: its currency is
 * then fixed, since its balances, aging and statements are kept in the currencies of those documents.
 */
export async function customerHasDocuments(
  db: Db,
  input: { orgId: string; customerId: string },
): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from invoices where org_id = ${input.orgId} and customer_id = ${input.customerId})
      or exists (select 1 from credit_memos where org_id = ${input.orgId} and customer_id = ${input.customerId})
      or exists (select 1 from payments where org_id = ${input.orgId} and customer_id = ${input.customerId})
      as found`.execute(db);
  return rows[0]?.found === true;
}

/** Whether a user is one of the seller's staff (a collector must be). */
export async function isStaffOf(db: Db, input: { orgId: string; userId: string }): Promise<boolean> {
  const row = await db
    .selectFrom('staff_memberships')
    .select('user_id')
    .where('org_id', '=', input.orgId)
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The seller's customers with these account numbers, by account number. */
export function findCustomersByAccountNumber(
  db: Db,
  input: { orgId: string; accountNumbers: string[] },
): Promise<{ id: string; number: string }[]> {
  if (input.accountNumbers.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('customer_accounts')
    .select(['id', 'account_number as number'])
    .where('org_id', '=', input.orgId)
    .where('account_number', 'in', input.accountNumbers)
    .orderBy('account_number')
    .execute();
}

// ── contacts ────────────────────────────────────────────────────────────────

export function insertContact(
  trx: Db,
  values: {
    org_id: string;
    id: string;
    account_id: string;
    name: string;
    email?: string | null;
    phone?: string | null;
    role?: string | null;
    locale?: Locale;
    receives?: ContactMessage[];
  },
): Promise<Contact> {
  return trx
    .insertInto('customer_contacts')
    .values(values)
    .returning(contactColumns)
    .executeTakeFirstOrThrow();
}

export function lockContact(
  trx: Db,
  input: { orgId: string; customerId: string; contactId: string },
): Promise<Contact | undefined> {
  return trx
    .selectFrom('customer_contacts')
    .select(contactColumns)
    .where('org_id', '=', input.orgId)
    .where('account_id', '=', input.customerId)
    .where('id', '=', input.contactId)
    .forUpdate()
    .executeTakeFirst();
}

export function updateContactRow(
  trx: Db,
  input: { orgId: string; contactId: string; set: Record<string, unknown> },
): Promise<Contact> {
  return trx
    .updateTable('customer_contacts')
    .set(input.set)
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.contactId)
    .returning(contactColumns)
    .executeTakeFirstOrThrow();
}

/** Deletes a contact of the customer; undefined when there was none. */
export function deleteContact(
  trx: Db,
  input: { orgId: string; customerId: string; contactId: string },
): Promise<Contact | undefined> {
  return trx
    .deleteFrom('customer_contacts')
    .where('org_id', '=', input.orgId)
    .where('account_id', '=', input.customerId)
    .where('id', '=', input.contactId)
    .returning(contactColumns)
    .executeTakeFirst();
}

export interface AccountRecipient {
  email: string;
  name: string;
  locale: Locale;
}

/** An address mail can go to as it is (no display name, list or comment). */
const plainAddress = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+\.[^\s@,;:<>()[\]"\\]+$/;

/**
 * Who hears about an account's payments: its people who may pay (account admins and payers), then
 * its contacts that receive any of `contactsReceiving`; each address once (a person's own language
 * first), lower-cased, and only plain addresses.
 */
export async function findAccountRecipients(
  db: Db,
  input: { orgId: string; customerId: string; contactsReceiving: readonly ContactMessage[] },
): Promise<AccountRecipient[]> {
  const [users, contacts] = await Promise.all([
    db
      .selectFrom('customer_memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.email', 'u.name', 'u.locale'])
      .where('m.org_id', '=', input.orgId)
      .where('m.account_id', '=', input.customerId)
      .where('m.role', 'in', ['account_admin', 'payer'])
      .orderBy('m.created_at')
      .orderBy('u.id')
      .execute(),
    db
      .selectFrom('customer_contacts')
      .select(['email', 'name', 'locale'])
      .where('org_id', '=', input.orgId)
      .where('account_id', '=', input.customerId)
      .where('email', 'is not', null)
      .where(sql<boolean>`receives && ${sql.val(input.contactsReceiving)}::text[]`)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  const seen = new Set<string>();
  return [...users, ...contacts].flatMap((r) => {
    const email = (r.email ?? '').trim().toLowerCase();
    if (seen.has(email) || !plainAddress.test(email)) return [];
    seen.add(email);
    return [{ email, name: r.name, locale: r.locale }];
  });
}
