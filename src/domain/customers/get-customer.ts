import type { Kysely, Transaction } from 'kysely';
import type { Address, ContactMessage, DB, Locale } from '../../db/schema.ts';
import { type Aging, agingFor, type Balance, balancesFor } from './balances.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface PersonRef {
  userId: string;
  name: string;
}

export interface CustomerSummary {
  id: string;
  accountNumber: string;
  name: string;
  taxId: string | null;
  currency: string;
  holdStatus: 'active' | 'on_hold';
  holdReason: string | null;
  collector: PersonRef | null;
  tags: string[];
  balances: Balance[];
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

export interface CustomerDetail extends CustomerSummary {
  locale: Locale;
  paymentTermsDays: number;
  creditLimit: bigint | null;
  billingAddress: Address;
  shippingAddress: Address;
  erpId: string | null;
  /** `reason` is internal (staff only); `customerMessage` is what the portal shows, if any. */
  hold: {
    status: 'active' | 'on_hold';
    reason: string | null;
    customerMessage: string | null;
    by: PersonRef | null;
    at: Date | null;
  };
  contacts: Contact[];
  aging: Aging[];
}

/** The columns of a customer a summary needs, with its collector's name (one join). */
export function selectSummaryColumns(db: Db, orgId: string) {
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

export interface SummaryRow {
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

export function toSummary(row: SummaryRow, balances: Balance[]): CustomerSummary {
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
    balances,
  };
}

export async function listContacts(db: Db, orgId: string, customerId: string): Promise<Contact[]> {
  const rows = await db
    .selectFrom('customer_contacts')
    .select(['id', 'name', 'email', 'phone', 'role', 'locale', 'receives'])
    .where('org_id', '=', orgId)
    .where('account_id', '=', customerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows;
}

/** One customer of the seller with contacts, balances and aging; null when it is not the seller's. */
export async function getCustomer(db: Db, orgId: string, customerId: string): Promise<CustomerDetail | null> {
  const row = await selectSummaryColumns(db, orgId)
    .leftJoin('users as holder', 'holder.id', 'c.hold_by')
    .select([
      'c.locale',
      'c.payment_terms_days',
      'c.credit_limit',
      'c.billing_address',
      'c.shipping_address',
      'c.erp_id',
      'c.hold_by',
      'c.hold_at',
      'c.hold_message',
      'holder.name as hold_by_name',
    ])
    .where('c.id', '=', customerId)
    .executeTakeFirst();
  if (!row) return null;
  const currency = row.currency.trim();
  const [balances, contacts, aging] = await Promise.all([
    balancesFor(db, orgId, [{ id: row.id, currency }]),
    listContacts(db, orgId, customerId),
    agingFor(db, orgId, customerId),
  ]);
  const summary = toSummary(row, balances.get(row.id) ?? []);
  return {
    ...summary,
    locale: row.locale,
    paymentTermsDays: row.payment_terms_days,
    creditLimit: row.credit_limit,
    billingAddress: row.billing_address as Address,
    shippingAddress: row.shipping_address as Address,
    erpId: row.erp_id,
    hold: {
      status: row.hold_status,
      reason: row.hold_reason,
      customerMessage: row.hold_message,
      by: row.hold_by ? { userId: row.hold_by, name: row.hold_by_name ?? '' } : null,
      at: row.hold_at,
    },
    contacts,
    aging,
  };
}
