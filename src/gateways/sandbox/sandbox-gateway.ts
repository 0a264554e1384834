import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import { addBusinessDays } from '../../domain/calendar/business-days.ts';
import { isCurrency } from '../../domain/money/currency.ts';
import {
  type ChargeFailure,
  type ChargeRequest,
  type ChargeResult,
  type EntrySession,
  type EntrySessionRequest,
  GatewayRequestError,
  GatewayUnavailableError,
  type PaymentGateway,
  type Payout,
  type ProcessorMethod,
  type RefundRequest,
  type RefundResult,
  type SaveMethodRequest,
} from '../../domain/payments/payment-gateway.ts';
import {
  ACH_RETURN_REASON,
  announceFailure,
  type ChargeRow,
  captureCharge,
  chargeResultOf,
  completeRefund,
  dayOf,
  failureColumns,
  type MethodRow,
  methodOf,
  requestHash,
  SANDBOX_COUNTRY,
  sandboxId,
} from './sandbox.repository.ts';
import { sandboxFee } from './sandbox-fees.ts';
import type { ChargeStatus, SandboxTables } from './sandbox-tables.ts';
import { sandboxDb } from './sandbox-tables.ts';
import { cardFailures } from './sandbox-test-numbers.ts';
import { verifySandboxWebhook } from './sandbox-webhooks.ts';

/**
 * The sandbox processor: Saldo's built-in stand-in for a real one, behaving like Stripe in test
 * mode (test numbers in sandbox-test-numbers.ts, fees in sandbox-fees.ts, webhooks and the clock
 * in run-sandbox-clock.ts). Its state lives in the `sandbox_*` tables, one sandbox account per
 * seller; treat it as another system: give it the pool, never the caller's transaction (a charge
 * the sandbox recorded stays recorded whatever Saldo's transaction does, as at a real processor).
 *
 * Faithful where Saldo could trip on a real processor:
 * - a method token not attached to a customer can be charged once; attach it (saveMethod) first
 *   to charge it again or off-session;
 * - an idempotency key replays the first answer for the same request and refuses another request;
 * - ACH debits are USD only and answer `processing`; they settle or come back on a later business
 *   day, when runSandboxClock runs;
 * - amounts above 999,999.99 (99,999,999 minor units) fail with `amount_too_large`.
 */
export interface SandboxFaults {
  /** The next new charge is recorded, then `charge` throws GatewayUnavailableError (the flag resets). */
  timeoutNextCharge?: boolean;
}

export interface SandboxGatewayDeps {
  db: Database;
  publicUrl: string;
  orgId: string;
  webhookSecret: string;
  /** Business days before an ACH debit settles or comes back (default 2). */
  settlementDays?: number;
  now?: () => Date;
  faults?: SandboxFaults;
}

/**
 * The amount rule for the same fault, for tests that cannot reach the deps (browser journeys):
 * a charge of exactly 40,404.08 (4,040,408 minor units) is recorded and then times out.
 */
export const TIMEOUT_AMOUNT = 4_040_408n;

/** Stripe's limit for a single charge in a two-decimal currency. */
export const MAX_CHARGE_AMOUNT = 99_999_999n;

const SESSION_MINUTES = 30;

const amountTooLarge: ChargeFailure = {
  code: 'amount_too_large',
  retryable: false,
  processorCode: 'amount_too_large',
  processorMessage: 'Amount must be no more than 999,999.99',
};

function refuse(code: string, detail: string): never {
  throw new GatewayRequestError('sandbox', code, detail);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

function inTransaction<T>(
  db: Kysely<SandboxTables>,
  work: (trx: Transaction<SandboxTables>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<SandboxTables>);
  return db.transaction().execute(work);
}

/** Return and cancel URLs must be Saldo's own pages (the entry form's CSP allows no other target). */
function checkOwnUrl(url: string, publicUrl: string, field: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    refuse('url_invalid', `${field} is not an absolute URL`);
  }
  if (parsed.origin !== new URL(publicUrl).origin) refuse('url_invalid', `${field} is not on ${publicUrl}`);
}

export function createSandboxGateway(deps: SandboxGatewayDeps): PaymentGateway {
  const db = sandboxDb(deps.db);
  const now = deps.now ?? (() => new Date());
  const settlementDays = deps.settlementDays ?? 2;
  const { orgId, publicUrl } = deps;
  if (!Number.isSafeInteger(settlementDays) || settlementDays < 0 || settlementDays > 30)
    throw new RangeError('settlementDays must be a whole number from 0 to 30');

  const chargeByKey = (trx: Kysely<SandboxTables>, key: string) =>
    trx
      .selectFrom('sandbox_charges')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();

  const lockMethod = (trx: Transaction<SandboxTables>, token: string) =>
    trx
      .selectFrom('sandbox_methods')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('token', '=', token)
      .forUpdate()
      .executeTakeFirst();

  const replayCharge = (row: ChargeRow, hash: string): ChargeResult => {
    if (row.request_hash !== hash)
      refuse(
        'idempotency_key_reused',
        'Keys for idempotent requests can only be used with the same parameters they were first used with.',
      );
    return chargeResultOf(row, publicUrl, row.initial_status);
  };

  /** What charging this method does, decided by its test behaviour. */
  const outcomeOf = (
    request: ChargeRequest,
    method: MethodRow,
    at: Date,
  ): {
    status: Exclude<ChargeStatus, 'settled' | 'returned'>;
    failure: ChargeFailure | null;
    fee: bigint;
    settlesOn: string | null;
  } => {
    if (request.amount > MAX_CHARGE_AMOUNT)
      return { status: 'failed', failure: amountTooLarge, fee: 0n, settlesOn: null };
    const fee = sandboxFee(request.kind, request.amount, request.currency);
    if (method.kind === 'ach')
      return {
        status: 'processing',
        failure: null,
        fee,
        settlesOn: addBusinessDays(SANDBOX_COUNTRY, dayOf(at), settlementDays),
      };
    const behaviour = method.behaviour;
    if (behaviour === 'success') return { status: 'succeeded', failure: null, fee, settlesOn: null };
    if (behaviour === 'requires_authentication' && !request.offSession)
      return { status: 'requires_action', failure: null, fee, settlesOn: null };
    const failure = cardFailures[behaviour as keyof typeof cardFailures];
    return { status: 'failed', failure: failure ?? cardFailures.card_declined, fee: 0n, settlesOn: null };
  };

  const checkChargeable = (request: ChargeRequest, method: MethodRow | undefined): MethodRow => {
    if (!method) refuse('resource_missing', `No such payment method: '${request.methodToken}'`);
    if (method.detached_at) refuse('payment_method_unexpected_state', 'The payment method was detached.');
    if (method.kind !== request.kind)
      refuse(
        'payment_method_invalid_parameter',
        `The payment method is ${method.kind}, not ${request.kind}.`,
      );
    if (!method.customer_id && method.used_at)
      refuse(
        'payment_method_unexpected_state',
        'The payment method was previously used without being attached to a customer; it may not be used again.',
      );
    if (request.offSession && !method.customer_id)
      refuse('payment_method_unexpected_state', 'Off-session charges need a method attached to a customer.');
    const customerId = request.customer.processorCustomerId;
    if (customerId && method.customer_id && method.customer_id !== customerId)
      refuse('payment_method_invalid_parameter', 'The payment method belongs to another customer.');
    if (method.kind === 'ach' && request.currency !== 'USD')
      refuse('currency_not_supported', 'ACH debits are in USD only.');
    return method;
  };

  return {
    processor: 'sandbox',

    async createEntrySession(request: EntrySessionRequest): Promise<EntrySession> {
      checkOwnUrl(request.returnUrl, publicUrl, 'returnUrl');
      checkOwnUrl(request.cancelUrl, publicUrl, 'cancelUrl');
      const at = now();
      const id = sandboxId('ses_sb_');
      await db
        .insertInto('sandbox_entry_sessions')
        .values({
          org_id: orgId,
          id,
          kind: request.kind,
          locale: request.locale,
          return_url: request.returnUrl,
          cancel_url: request.cancelUrl,
          reference: request.reference,
          saldo_customer_id: request.customer.customerId,
          expires_at: new Date(at.getTime() + SESSION_MINUTES * 60_000),
          completed_at: null,
          method_token: null,
        })
        .execute();
      return {
        type: 'redirect',
        url: `${publicUrl.replace(/\/+$/, '')}/sandbox/entry/${id}`,
        sessionId: id,
      };
    },

    async saveMethod(request: SaveMethodRequest) {
      const hash = requestHash({
        methodToken: request.methodToken,
        kind: request.kind,
        processorCustomerId: request.customer.processorCustomerId,
        customerId: request.customer.customerId,
      });
      const replay = async () => {
        const save = await db
          .selectFrom('sandbox_method_saves')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('idempotency_key', '=', request.idempotencyKey)
          .executeTakeFirst();
        if (!save) return null;
        if (save.request_hash !== hash)
          refuse('idempotency_key_reused', 'This idempotency key was used with another request.');
        const method = await db
          .selectFrom('sandbox_methods')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('token', '=', save.method_token)
          .executeTakeFirstOrThrow();
        return { processorCustomerId: save.customer_id, method: methodOf(method) };
      };
      const first = await replay();
      if (first) return first;
      try {
        return await inTransaction(db, async (trx) => {
          const method = await lockMethod(trx, request.methodToken);
          if (!method) refuse('resource_missing', `No such payment method: '${request.methodToken}'`);
          if (method.detached_at)
            refuse('payment_method_unexpected_state', 'The payment method was detached.');
          if (method.kind !== request.kind)
            refuse('payment_method_invalid_parameter', `The payment method is ${method.kind}.`);
          if (!method.customer_id && method.used_at)
            refuse(
              'payment_method_unexpected_state',
              'The payment method was previously used without being attached to a customer.',
            );
          let customerId = request.customer.processorCustomerId;
          if (customerId) {
            const known = await trx
              .selectFrom('sandbox_customers')
              .select('id')
              .where('org_id', '=', orgId)
              .where('id', '=', customerId)
              .executeTakeFirst();
            if (!known) refuse('resource_missing', `No such customer: '${customerId}'`);
          } else {
            customerId = sandboxId('cus_sb_');
            await trx
              .insertInto('sandbox_customers')
              .values({
                org_id: orgId,
                id: customerId,
                name: request.customer.name,
                email: request.customer.email,
                saldo_customer_id: request.customer.customerId,
              })
              .execute();
          }
          if (method.customer_id && method.customer_id !== customerId)
            refuse('payment_method_unexpected_state', 'The payment method is attached to another customer.');
          const attached = await trx
            .updateTable('sandbox_methods')
            .set({ customer_id: customerId })
            .where('org_id', '=', orgId)
            .where('token', '=', method.token)
            .returningAll()
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('sandbox_method_saves')
            .values({
              org_id: orgId,
              idempotency_key: request.idempotencyKey,
              request_hash: hash,
              method_token: method.token,
              customer_id: customerId,
            })
            .execute();
          return { processorCustomerId: customerId, method: methodOf(attached) };
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await replay();
        if (!raced) throw error;
        return raced;
      }
    },

    async describeMethod(methodToken: string): Promise<ProcessorMethod> {
      const method = await db
        .selectFrom('sandbox_methods')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('token', '=', methodToken)
        .executeTakeFirst();
      if (!method) refuse('resource_missing', `No such payment method: '${methodToken}'`);
      return methodOf(method);
    },

    async detachMethod(methodToken: string): Promise<void> {
      const at = now();
      const method = await db
        .updateTable('sandbox_methods')
        .set((eb) => ({ customer_id: null, detached_at: eb.fn.coalesce('detached_at', eb.val(at)) }))
        .where('org_id', '=', orgId)
        .where('token', '=', methodToken)
        .returning('token')
        .executeTakeFirst();
      if (!method) refuse('resource_missing', `No such payment method: '${methodToken}'`);
    },

    async charge(request: ChargeRequest): Promise<ChargeResult> {
      if (request.amount <= 0n)
        refuse('parameter_invalid', 'amount must be a positive number of minor units');
      if (!isCurrency(request.currency)) refuse('parameter_invalid', 'currency is not an ISO 4217 code');
      const returnUrl = request.returnUrl ?? request.metadata.returnUrl ?? null;
      if (returnUrl !== null) checkOwnUrl(returnUrl, publicUrl, 'metadata.returnUrl');
      const hash = requestHash({
        amount: request.amount,
        currency: request.currency,
        kind: request.kind,
        methodToken: request.methodToken,
        processorCustomerId: request.customer.processorCustomerId,
        customerId: request.customer.customerId,
        offSession: request.offSession,
        description: request.description,
        metadata: request.metadata,
      });
      const existing = await chargeByKey(db, request.idempotencyKey);
      if (existing) return replayCharge(existing, hash);

      let row: ChargeRow;
      try {
        const recorded = await inTransaction(db, async (trx) => {
          const locked = await lockMethod(trx, request.methodToken);
          // Two requests with one key and one method meet at the lock: the second replays the
          // first, before the method is checked (a one-time token is already used by then).
          const raced = await chargeByKey(trx, request.idempotencyKey);
          if (raced) return { replay: raced };
          const method = checkChargeable(request, locked);
          const at = now();
          const outcome = outcomeOf(request, method, at);
          const inserted = await trx
            .insertInto('sandbox_charges')
            .values({
              org_id: orgId,
              id: sandboxId('ch_sb_'),
              idempotency_key: request.idempotencyKey,
              request_hash: hash,
              kind: request.kind,
              method_token: method.token,
              customer_id: method.customer_id,
              amount: request.amount,
              currency: request.currency,
              off_session: request.offSession,
              description: request.description,
              metadata: JSON.stringify(request.metadata),
              return_url: returnUrl,
              status: outcome.status,
              initial_status: outcome.status,
              fee_amount: outcome.fee,
              return_code: null,
              settles_on: outcome.settlesOn,
              ...(outcome.failure
                ? failureColumns(outcome.failure)
                : {
                    failure_code: null,
                    failure_retryable: null,
                    failure_processor_code: null,
                    failure_message: null,
                  }),
              completed_at: outcome.status === 'succeeded' || outcome.status === 'failed' ? at : null,
              created_at: at,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          if (outcome.status !== 'failed')
            await trx
              .updateTable('sandbox_methods')
              .set((eb) => ({ used_at: eb.fn.coalesce('used_at', eb.val(at)) }))
              .where('org_id', '=', orgId)
              .where('token', '=', method.token)
              .execute();
          if (outcome.status === 'succeeded') await captureCharge(trx, inserted, at);
          if (outcome.failure) await announceFailure(trx, inserted, outcome.failure, at);
          return { inserted };
        });
        if (recorded.replay) return replayCharge(recorded.replay, hash);
        row = recorded.inserted!;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await chargeByKey(db, request.idempotencyKey);
        if (!raced) throw error;
        return replayCharge(raced, hash);
      }
      // "Timed out, but it went through": the charge is recorded, the caller hears nothing.
      if (deps.faults?.timeoutNextCharge || request.amount === TIMEOUT_AMOUNT) {
        if (deps.faults) deps.faults.timeoutNextCharge = false;
        throw new GatewayUnavailableError('sandbox', 'timed out waiting for the processor');
      }
      return chargeResultOf(row, publicUrl, row.initial_status);
    },

    async retrieveCharge(lookup) {
      let row: ChargeRow | undefined;
      if (lookup.processorPaymentId)
        row = await db
          .selectFrom('sandbox_charges')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('id', '=', lookup.processorPaymentId)
          .executeTakeFirst();
      row ??= await chargeByKey(db, lookup.idempotencyKey);
      return row ? chargeResultOf(row, publicUrl) : null;
    },

    async refund(request: RefundRequest): Promise<RefundResult> {
      if (request.amount <= 0n)
        refuse('parameter_invalid', 'amount must be a positive number of minor units');
      const hash = requestHash({
        processorPaymentId: request.processorPaymentId,
        amount: request.amount,
        currency: request.currency,
        reason: request.reason,
        metadata: request.metadata,
      });
      const replay = async (trx: Kysely<SandboxTables>) => {
        const refund = await trx
          .selectFrom('sandbox_refunds')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('idempotency_key', '=', request.idempotencyKey)
          .executeTakeFirst();
        if (!refund) return null;
        if (refund.request_hash !== hash)
          refuse('idempotency_key_reused', 'This idempotency key was used with another request.');
        return {
          status: refund.method_kind === 'ach' ? 'pending' : 'succeeded',
          processorRefundId: refund.id,
        } as const;
      };
      const first = await replay(db);
      if (first) return first;
      try {
        return await inTransaction(db, async (trx) => {
          const charge = await trx
            .selectFrom('sandbox_charges')
            .selectAll()
            .where('org_id', '=', orgId)
            .where('id', '=', request.processorPaymentId)
            .forUpdate()
            .executeTakeFirst();
          if (!charge) refuse('resource_missing', `No such charge: '${request.processorPaymentId}'`);
          const raced = await replay(trx);
          if (raced) return raced;
          if (charge.currency !== request.currency)
            refuse('parameter_invalid', `The charge is in ${charge.currency}, not ${request.currency}.`);
          if (charge.status !== 'succeeded' && charge.status !== 'settled')
            refuse(
              'charge_not_refundable',
              charge.status === 'processing'
                ? 'An ACH debit can be refunded once it has settled.'
                : `A ${charge.status} charge cannot be refunded.`,
            );
          const left = charge.amount - charge.refunded_amount;
          if (left === 0n) refuse('charge_already_refunded', 'The charge has already been refunded in full.');
          if (request.amount > left)
            refuse(
              'amount_too_large',
              `Refund amount (${request.amount}) is greater than the unrefunded amount on the charge (${left}).`,
            );
          const at = now();
          const refund = await trx
            .insertInto('sandbox_refunds')
            .values({
              org_id: orgId,
              id: sandboxId('re_sb_'),
              idempotency_key: request.idempotencyKey,
              request_hash: hash,
              charge_id: charge.id,
              method_kind: charge.kind,
              amount: request.amount,
              currency: charge.currency,
              reason: request.reason,
              metadata: JSON.stringify(request.metadata),
              // Card refunds go through at once; ACH credits wait for the next clock tick.
              status: charge.kind === 'card' ? 'succeeded' : 'pending',
              created_at: at,
              succeeded_at: charge.kind === 'card' ? at : null,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await trx
            .updateTable('sandbox_charges')
            .set((eb) => ({ refunded_amount: eb('refunded_amount', '+', request.amount) }))
            .where('org_id', '=', orgId)
            .where('id', '=', charge.id)
            .execute();
          if (refund.status === 'succeeded') await completeRefund(trx, refund, at);
          return { status: refund.status, processorRefundId: refund.id };
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await replay(db);
        if (!raced) throw error;
        return raced;
      }
    },

    verifyWebhook(input) {
      return verifySandboxWebhook({ ...input, secret: input.secret || deps.webhookSecret });
    },

    async listPayouts(input: { since: string }): Promise<Payout[]> {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.since)) refuse('parameter_invalid', 'since must be YYYY-MM-DD');
      const payouts = await db
        .selectFrom('sandbox_payouts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('arrival_date', '>=', input.since)
        .orderBy('arrival_date')
        .orderBy('method_kind')
        .orderBy('currency')
        .execute();
      if (payouts.length === 0) return [];
      const lines = await db
        .selectFrom('sandbox_balance_entries as b')
        .leftJoin('sandbox_refunds as r', (join) =>
          join.onRef('r.org_id', '=', 'b.org_id').onRef('r.id', '=', 'b.refund_id'),
        )
        .selectAll('b')
        .select('r.reason as refund_reason')
        .where('b.org_id', '=', orgId)
        .where(
          'b.payout_id',
          'in',
          payouts.map((p) => p.id),
        )
        .orderBy('b.seq')
        .execute();
      return payouts.map((p) => ({
        id: p.id,
        amount: p.amount,
        currency: p.currency,
        arrivalDate: p.arrival_date,
        methodKind: p.method_kind,
        status: p.status,
        lines: lines
          .filter((l) => l.payout_id === p.id)
          .map((l) => ({
            // A settled debit the bank took back later is the payout's return line.
            type: l.refund_reason === ACH_RETURN_REASON ? ('return' as const) : l.type,
            processorPaymentId: l.charge_id,
            amount: l.amount,
            fee: l.fee,
          })),
      }));
    },
  };
}
