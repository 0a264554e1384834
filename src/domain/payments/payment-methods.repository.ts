import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, MethodKind, ProcessorName } from '../../db/schema.ts';
import { isUuid, newId } from '../shared/ids.ts';
import type { MethodDetails } from './payment-gateway.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A saved payment method: the processor's token and what to show; never a card or account number. */
export interface SavedMethod extends MethodDetails {
  id: string;
  customerId: string;
  processor: ProcessorName;
  token: string;
  createdAt: Date;
}

function toSavedMethod(row: {
  id: string;
  customer_id: string;
  processor: ProcessorName;
  token: string;
  kind: MethodKind;
  brand: string | null;
  last4: string;
  exp_month: number | null;
  exp_year: number | null;
  bank_name: string | null;
  account_type: 'checking' | 'savings' | null;
  created_at: Date;
}): SavedMethod {
  return {
    id: row.id,
    customerId: row.customer_id,
    processor: row.processor,
    token: row.token,
    kind: row.kind,
    brand: row.brand,
    last4: row.last4,
    expMonth: row.exp_month,
    expYear: row.exp_year,
    bankName: row.bank_name,
    accountType: row.account_type,
    createdAt: row.created_at,
  };
}

/** The account's saved methods at its seller's current processor, newest first. */
export async function findSavedMethods(
  db: Db,
  input: { orgId: string; customerId: string; processor: ProcessorName },
): Promise<SavedMethod[]> {
  const rows = await db
    .selectFrom('payment_methods')
    .selectAll()
    .where('org_id', '=', input.orgId)
    .where('customer_id', '=', input.customerId)
    .where('processor', '=', input.processor)
    .where('removed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toSavedMethod);
}

/** One saved method of the account; undefined when it is another account's, removed or unknown. */
export async function findSavedMethod(
  db: Db,
  input: { orgId: string; customerId: string; methodId: string },
): Promise<SavedMethod | undefined> {
  if (!isUuid(input.methodId)) return undefined;
  const row = await db
    .selectFrom('payment_methods')
    .selectAll()
    .where('org_id', '=', input.orgId)
    .where('customer_id', '=', input.customerId)
    .where('id', '=', input.methodId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row ? toSavedMethod(row) : undefined;
}

/** Saves a method (idempotent on its token: the same token saved twice is one method). */
export async function insertSavedMethod(
  trx: Db,
  input: {
    orgId: string;
    customerId: string;
    processor: ProcessorName;
    token: string;
    details: MethodDetails;
    createdBy: string | null;
  },
): Promise<string> {
  const d = input.details;
  const inserted = await trx
    .insertInto('payment_methods')
    .values({
      org_id: input.orgId,
      id: newId(),
      customer_id: input.customerId,
      processor: input.processor,
      token: input.token,
      kind: d.kind,
      brand: d.brand,
      last4: d.last4,
      exp_month: d.expMonth,
      exp_year: d.expYear,
      bank_name: d.bankName,
      account_type: d.accountType,
      created_by: input.createdBy,
    })
    .onConflict((oc) => oc.columns(['org_id', 'processor', 'token']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await trx
    .selectFrom('payment_methods')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('processor', '=', input.processor)
    .where('token', '=', input.token)
    .executeTakeFirstOrThrow();
  return existing.id;
}

export async function markMethodRemoved(trx: Db, input: { orgId: string; methodId: string }): Promise<void> {
  await trx
    .updateTable('payment_methods')
    .set({ removed_at: sql`now()` })
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.methodId)
    .execute();
}

export async function findProcessorCustomerId(
  db: Db,
  input: { orgId: string; customerId: string; processor: ProcessorName },
): Promise<string | null> {
  const row = await db
    .selectFrom('processor_customers')
    .select('processor_customer_id')
    .where('org_id', '=', input.orgId)
    .where('customer_id', '=', input.customerId)
    .where('processor', '=', input.processor)
    .executeTakeFirst();
  return row?.processor_customer_id ?? null;
}

export async function saveProcessorCustomerId(
  trx: Db,
  input: { orgId: string; customerId: string; processor: ProcessorName; processorCustomerId: string },
): Promise<void> {
  await trx
    .insertInto('processor_customers')
    .values({
      org_id: input.orgId,
      customer_id: input.customerId,
      processor: input.processor,
      processor_customer_id: input.processorCustomerId,
    })
    .onConflict((oc) => oc.columns(['org_id', 'customer_id', 'processor']).doNothing())
    .execute();
}
