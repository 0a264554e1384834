import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { nextBusinessDay } from '../../domain/calendar/business-days.ts';
import type {
  ChargeFailure,
  ChargeResult,
  MethodKind,
  ProcessorMethod,
} from '../../domain/payments/payment-gateway.ts';
import type {
  SandboxChargesTable,
  SandboxDb,
  SandboxEventType,
  SandboxMethodsTable,
  SandboxRefundsTable,
} from './sandbox-tables.ts';

/**
 * The sandbox's state changes, shared by the gateway, its pages and its clock: each writes the
 * charge or refund, the balance entry its payout will carry, and the event its webhook delivers,
 * in the caller's transaction.
 */

export type ChargeRow = Selectable<SandboxChargesTable>;
export type RefundRow = Selectable<SandboxRefundsTable>;
export type MethodRow = Selectable<SandboxMethodsTable>;

/** The sandbox's bank days are the US Federal Reserve's; its days are UTC days. */
export const SANDBOX_COUNTRY = 'US';

/** A processor-style id: prefix and 144 random bits in base64url (no long digit runs). */
export function sandboxId(prefix: string): string {
  return `${prefix}${randomBytes(18).toString('base64url')}`;
}

export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The business day whose payout carries a balance movement made at `instant`. */
export function payoutDayOf(instant: Date): string {
  return nextBusinessDay(SANDBOX_COUNTRY, dayOf(instant));
}

/** SHA-256 of a request with its keys sorted: what an idempotency key is held to. */
export function requestHash(request: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (typeof value === 'bigint') return `${value}n`;
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => [k, canonical(v)]),
      );
    return value;
  };
  // base64url, not hex: a hex digest is often a long run of digits, which a scan for card numbers flags.
  return createHash('sha256')
    .update(JSON.stringify(canonical(request)))
    .digest('base64url');
}

export function authenticateUrl(publicUrl: string, chargeId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/sandbox/authenticate/${encodeURIComponent(chargeId)}`;
}

export function failureOf(row: ChargeRow): ChargeFailure {
  return {
    code: (row.failure_code ?? 'unknown') as ChargeFailure['code'],
    retryable: row.failure_retryable ?? false,
    processorCode: row.failure_processor_code ?? row.return_code ?? 'unknown',
    processorMessage: row.failure_message,
  };
}

export function failureColumns(failure: ChargeFailure) {
  return {
    failure_code: failure.code,
    failure_retryable: failure.retryable,
    failure_processor_code: failure.processorCode,
    failure_message: failure.processorMessage,
  };
}

/**
 * A charge as the port reports it. A settled ACH debit is `succeeded` (with its fee); a returned
 * one is `failed` with the return code as `processorCode` (the port's ChargeResult has no
 * settled/returned: the events carry those).
 */
export function chargeResultOf(row: ChargeRow, publicUrl: string, status = row.status): ChargeResult {
  switch (status) {
    case 'succeeded':
    case 'settled':
      return { status: 'succeeded', processorPaymentId: row.id, feeAmount: row.fee_amount };
    case 'processing':
      return { status: 'processing', processorPaymentId: row.id };
    case 'requires_action':
      return {
        status: 'requires_action',
        processorPaymentId: row.id,
        actionUrl: authenticateUrl(publicUrl, row.id),
      };
    case 'failed':
    case 'returned':
      return { status: 'failed', processorPaymentId: row.id, failure: failureOf(row) };
  }
}

export function methodOf(row: MethodRow): ProcessorMethod {
  return {
    token: row.token,
    details: {
      kind: row.kind,
      brand: row.brand,
      last4: row.last4,
      expMonth: row.exp_month,
      expYear: row.exp_year,
      bankName: row.bank_name,
      accountType: row.account_type,
    },
  };
}

export async function recordEvent(
  db: SandboxDb,
  orgId: string,
  type: SandboxEventType,
  data: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await db
    .insertInto('sandbox_events')
    .values({
      org_id: orgId,
      id: sandboxId('evt_sb_'),
      type,
      created_at: now,
      data: JSON.stringify(data),
      next_attempt_at: now,
    })
    .execute();
}

function chargeData(row: ChargeRow): Record<string, unknown> {
  return {
    chargeId: row.id,
    amount: row.amount.toString(),
    currency: row.currency,
    kind: row.kind,
    fee: row.fee_amount.toString(),
    metadata: row.metadata,
  };
}

async function addBalanceEntry(
  db: SandboxDb,
  entry: {
    orgId: string;
    kind: MethodKind;
    currency: string;
    chargeId: string;
    refundId: string | null;
    amount: bigint;
    fee: bigint;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('sandbox_balance_entries')
    .values({
      org_id: entry.orgId,
      id: sandboxId('txn_sb_'),
      method_kind: entry.kind,
      currency: entry.currency,
      type: entry.refundId ? 'refund' : 'charge',
      charge_id: entry.chargeId,
      refund_id: entry.refundId,
      amount: entry.amount,
      fee: entry.fee,
      payout_day: payoutDayOf(entry.now),
      payout_id: null,
      created_at: entry.now,
    })
    .execute();
}

/** A card charge captured (at once, or after 3-D Secure): into the balance, and its event. */
export async function captureCharge(db: SandboxDb, row: ChargeRow, now: Date): Promise<void> {
  await addBalanceEntry(db, {
    orgId: row.org_id,
    kind: row.kind,
    currency: row.currency,
    chargeId: row.id,
    refundId: null,
    amount: row.amount,
    fee: row.fee_amount,
    now,
  });
  await recordEvent(db, row.org_id, 'charge.succeeded', chargeData(row), now);
}

export async function announceFailure(db: SandboxDb, row: ChargeRow, failure: ChargeFailure, now: Date) {
  await recordEvent(db, row.org_id, 'charge.failed', { ...chargeData(row), failure }, now);
}

/** A 3-D Secure step answered on the sandbox's page; false when the charge no longer waits for it. */
export async function completeAuthentication(
  db: SandboxDb,
  chargeId: string,
  outcome: 'approve' | 'fail',
  failure: ChargeFailure,
  now: Date,
): Promise<ChargeRow | null> {
  const row = await db
    .updateTable('sandbox_charges')
    .set(
      outcome === 'approve'
        ? { status: 'succeeded', completed_at: now }
        : { status: 'failed', completed_at: now, fee_amount: 0n, ...failureColumns(failure) },
    )
    .where('id', '=', chargeId)
    .where('status', '=', 'requires_action')
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  if (outcome === 'approve') await captureCharge(db, row, now);
  else await announceFailure(db, row, failure, now);
  return row;
}

/** An ACH debit's due day came: it settles into the balance, or comes back with its return code. */
export async function settleOrReturn(
  db: SandboxDb,
  row: ChargeRow,
  returnCode: string | null,
  failure: ChargeFailure | null,
  now: Date,
): Promise<void> {
  if (returnCode && failure) {
    const returned = await db
      .updateTable('sandbox_charges')
      .set({
        status: 'returned',
        return_code: returnCode,
        completed_at: now,
        // A debit that never settled costs nothing (the sandbox charges no failure fee).
        fee_amount: 0n,
        ...failureColumns(failure),
      })
      .where('org_id', '=', row.org_id)
      .where('id', '=', row.id)
      .where('status', '=', 'processing')
      .returningAll()
      .executeTakeFirst();
    if (returned)
      await recordEvent(
        db,
        row.org_id,
        'charge.returned',
        { ...chargeData(returned), returnCode, failure, amount: returned.amount.toString() },
        now,
      );
    return;
  }
  const settled = await db
    .updateTable('sandbox_charges')
    .set({ status: 'settled', completed_at: now })
    .where('org_id', '=', row.org_id)
    .where('id', '=', row.id)
    .where('status', '=', 'processing')
    .returningAll()
    .executeTakeFirst();
  if (!settled) return;
  await addBalanceEntry(db, {
    orgId: settled.org_id,
    kind: settled.kind,
    currency: settled.currency,
    chargeId: settled.id,
    refundId: null,
    amount: settled.amount,
    fee: settled.fee_amount,
    now,
  });
  await recordEvent(db, settled.org_id, 'charge.settled', chargeData(settled), now);
}

/** The `reason` of the refund row a late return is kept as (see returnSettled). */
export const ACH_RETURN_REASON = 'ach_return';

/**
 * A settled ACH debit the bank sends back later (the sandbox's late-return test account): what it
 * still carries leaves the balance and `charge.returned` tells Saldo, which reverses what it
 * applied. The money out is kept as a refund row of its own (reason `ach_return`, its key
 * `return:<charge>`: once), since a balance entry that takes money out names a refund (0007's
 * CHECK); payouts list it as a return line. The fee is not given back, as a processor keeps it.
 * False when the charge is no longer settled (returned already, by another run).
 */
export async function returnSettled(
  db: SandboxDb,
  row: ChargeRow,
  returnCode: string,
  failure: ChargeFailure,
  now: Date,
): Promise<boolean> {
  const returned = await db
    .updateTable('sandbox_charges')
    .set({ status: 'returned', return_code: returnCode, completed_at: now, ...failureColumns(failure) })
    .where('org_id', '=', row.org_id)
    .where('id', '=', row.id)
    .where('status', '=', 'settled')
    .returningAll()
    .executeTakeFirst();
  if (!returned) return false;
  // What was refunded already went back to the payer: the bank takes back the rest.
  const amount = returned.amount - returned.refunded_amount;
  if (amount > 0n) {
    const refundId = sandboxId('re_sb_');
    await db
      .insertInto('sandbox_refunds')
      .values({
        org_id: returned.org_id,
        id: refundId,
        idempotency_key: `return:${returned.id}`,
        request_hash: requestHash({ returnOf: returned.id }),
        charge_id: returned.id,
        method_kind: returned.kind,
        amount,
        currency: returned.currency,
        reason: ACH_RETURN_REASON,
        metadata: JSON.stringify({ returnCode }),
        status: 'succeeded',
        created_at: now,
        succeeded_at: now,
      })
      .execute();
    await addBalanceEntry(db, {
      orgId: returned.org_id,
      kind: returned.kind,
      currency: returned.currency,
      chargeId: returned.id,
      refundId,
      amount: -amount,
      fee: 0n,
      now,
    });
  }
  await recordEvent(
    db,
    returned.org_id,
    'charge.returned',
    { ...chargeData(returned), returnCode, failure, amount: amount.toString(), afterSettlement: true },
    now,
  );
  return true;
}

/** A refund that went through: out of the balance (the fee is not given back), and its event. */
export async function completeRefund(db: SandboxDb, refund: RefundRow, now: Date): Promise<void> {
  await addBalanceEntry(db, {
    orgId: refund.org_id,
    kind: refund.method_kind,
    currency: refund.currency,
    chargeId: refund.charge_id,
    refundId: refund.id,
    amount: -refund.amount,
    fee: 0n,
    now,
  });
  await recordEvent(
    db,
    refund.org_id,
    'refund.succeeded',
    {
      refundId: refund.id,
      chargeId: refund.charge_id,
      amount: refund.amount.toString(),
      currency: refund.currency,
      metadata: refund.metadata,
    },
    now,
  );
}
