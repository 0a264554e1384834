import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { MethodKind } from '../../domain/payments/payment-gateway.ts';
import type { Behaviour } from './sandbox-test-numbers.ts';

/**
 * The sandbox processor's own tables (migration 0007-sandbox-processor), typed here rather than in
 * db/schema.ts: they are the fake processor's state, not Saldo's. Every table is one seller's
 * sandbox "account": `org_id` leads its keys. No table has a column for a card or bank number.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** A calendar date kept as 'YYYY-MM-DD' (db/client.ts parses `date` so). */
type Day = string;

export type ChargeStatus = 'requires_action' | 'succeeded' | 'processing' | 'settled' | 'returned' | 'failed';
export type RefundStatus = 'pending' | 'succeeded';
export type SandboxEventType =
  | 'charge.succeeded'
  | 'charge.settled'
  | 'charge.failed'
  | 'charge.returned'
  | 'refund.succeeded'
  | 'payout.paid';

export interface SandboxCustomersTable {
  org_id: string;
  id: string;
  name: string;
  email: string | null;
  saldo_customer_id: string;
  created_at: Generated<Date>;
}

export interface SandboxEntrySessionsTable {
  org_id: string;
  id: string;
  kind: MethodKind;
  locale: 'es' | 'en';
  return_url: string;
  cancel_url: string;
  reference: string;
  saldo_customer_id: string;
  expires_at: Timestamp;
  completed_at: Timestamp | null;
  method_token: string | null;
  created_at: Generated<Date>;
}

export interface SandboxMethodsTable {
  org_id: string;
  token: string;
  kind: MethodKind;
  brand: string | null;
  last4: string;
  exp_month: number | null;
  exp_year: number | null;
  bank_name: string | null;
  account_type: 'checking' | 'savings' | null;
  behaviour: Behaviour;
  customer_id: string | null;
  /** When an unattached method was first charged: it may not be charged or attached again (as at Stripe). */
  used_at: Timestamp | null;
  detached_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface SandboxMethodSavesTable {
  org_id: string;
  idempotency_key: string;
  request_hash: string;
  method_token: string;
  customer_id: string;
  created_at: Generated<Date>;
}

export interface FailureColumns {
  failure_code: string | null;
  failure_retryable: boolean | null;
  failure_processor_code: string | null;
  failure_message: string | null;
}

export interface SandboxChargesTable extends FailureColumns {
  org_id: string;
  id: string;
  idempotency_key: string;
  request_hash: string;
  kind: MethodKind;
  method_token: string;
  customer_id: string | null;
  amount: bigint;
  currency: string;
  off_session: boolean;
  description: string;
  metadata: Json<Record<string, string>>;
  /** Where the 3-D Secure page sends the payer back (metadata.returnUrl). */
  return_url: string | null;
  status: ChargeStatus;
  /** What the charge call answered first: an idempotent replay answers it again. */
  initial_status: Exclude<ChargeStatus, 'settled' | 'returned'>;
  fee_amount: bigint;
  refunded_amount: Generated<bigint>;
  return_code: string | null;
  /** ACH: the business day the debit settles or comes back. */
  settles_on: Day | null;
  completed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface SandboxRefundsTable {
  org_id: string;
  id: string;
  idempotency_key: string;
  request_hash: string;
  charge_id: string;
  method_kind: MethodKind;
  amount: bigint;
  currency: string;
  reason: string | null;
  metadata: Json<Record<string, string>>;
  status: RefundStatus;
  created_at: Timestamp;
  succeeded_at: Timestamp | null;
}

/** A movement of the seller's sandbox balance: what its payouts are made of. */
export interface SandboxBalanceEntriesTable {
  org_id: string;
  id: string;
  /** Insertion order: a payout lists its lines in the order they happened. */
  seq: Generated<bigint>;
  method_kind: MethodKind;
  currency: string;
  type: 'charge' | 'refund';
  charge_id: string;
  refund_id: string | null;
  /** Signed: a charge positive, a refund negative. */
  amount: bigint;
  fee: bigint;
  /** The business day whose payout carries it. */
  payout_day: Day;
  payout_id: string | null;
  created_at: Timestamp;
}

export interface SandboxPayoutsTable {
  org_id: string;
  id: string;
  method_kind: MethodKind;
  currency: string;
  payout_day: Day;
  arrival_date: Day;
  amount: bigint;
  status: 'in_transit' | 'paid';
  created_at: Timestamp;
  paid_at: Timestamp | null;
}

export interface SandboxEventsTable {
  org_id: string;
  id: string;
  /** Insertion order, for events recorded in the same instant. */
  seq: Generated<bigint>;
  type: SandboxEventType;
  created_at: Timestamp;
  data: Json<Record<string, unknown>>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  delivered_at: Timestamp | null;
  last_status: number | null;
  gave_up_at: Timestamp | null;
}

export interface SandboxTables {
  sandbox_customers: SandboxCustomersTable;
  sandbox_entry_sessions: SandboxEntrySessionsTable;
  sandbox_methods: SandboxMethodsTable;
  sandbox_method_saves: SandboxMethodSavesTable;
  sandbox_charges: SandboxChargesTable;
  sandbox_refunds: SandboxRefundsTable;
  sandbox_balance_entries: SandboxBalanceEntriesTable;
  sandbox_payouts: SandboxPayoutsTable;
  sandbox_events: SandboxEventsTable;
}

export type SandboxDb = Kysely<SandboxTables> | Transaction<SandboxTables>;

/** Saldo's pool seen with the sandbox's tables (they live in the same database). */
export function sandboxDb(db: Database): Kysely<SandboxTables> {
  return db as unknown as Kysely<SandboxTables>;
}
