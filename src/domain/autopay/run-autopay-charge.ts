import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { orgTodayOf } from '../customers/balances.ts';
import { findAccountRecipients } from '../customers/customers.repository.ts';
import { AppError } from '../errors.ts';
import { payOnline } from '../payments/pay-online.ts';
import type { Gateways } from '../payments/payment-gateway.ts';
import { findSavedMethod } from '../payments/payment-methods.repository.ts';
import { loadPaymentSettings } from '../payments/payment-settings.repository.ts';
import {
  type AutopayAttempt,
  autopayChargeKey,
  claimAttempt,
  findAttempt,
  findAttemptItems,
  findChargeableInvoices,
  findEnrollmentById,
  findInvoiceNumbers,
  findMailContext,
  finishAttempt,
  insertAttemptItems,
  payableNow,
  setAttemptPayment,
  setEnrollmentStatus,
} from './autopay.repository.ts';
import type { AutopayMailer } from './autopay-mail-port.ts';
import {
  allocateUnderMax,
  chargeDayOf,
  isMethodUnusable,
  MAX_ATTEMPTS,
  nextRetryDay,
} from './autopay-rules.ts';

export interface AutopayChargeJob {
  orgId: string;
  enrollmentId: string;
  /** The charge day the sweep planned (a retry keeps its first day's). */
  chargeOn: string;
  attempt: number;
}

export type AutopayChargeOutcome =
  | 'not_active'
  | 'already_done'
  | 'nothing_due'
  | 'succeeded'
  | 'pending'
  | 'processing'
  | 'failed';

/** Soft declines: the money may be there another day. Everything else stops autopay for those invoices. */
const softDeclines: ReadonlySet<string> = new Set(['insufficient_funds', 'processing_error']);

const changedUnderUs: ReadonlySet<string> = new Set([
  'payment_in_progress',
  'exceeds_open_amount',
  'invoice_not_open',
]);

interface AutopayChargeDeps {
  db: Database;
  gateways: Gateways;
  mailer: AutopayMailer;
  publicUrl?: string | undefined;
}

/**
 * One planned autopay charge, as its job runs it. First, in one transaction, the attempt is
 * claimed — inserted under (enrollment, day, attempt): a second job or a re-run finds it and
 * charges nothing new — with what it pays: the first attempt takes the invoices whose charge day
 * has come, oldest due first, up to the maximum per charge (the invoices it leaves out are
 * recorded, and not charged automatically); a retry takes its first attempt's invoices again, as
 * far as they still owe. Then the payment goes through the online lifecycle (source autopay,
 * off-session, the saved method) under the idempotency key autopay:<enrollment>:<day>:<attempt>,
 * so a job that dies midway and runs again replays the same charge. Last, the answer: paid or
 * pending (ACH) ends it; a soft decline (insufficient funds, a processing error) schedules the
 * next try 1, 3 and 5 business days after the first day, then stops; a hard decline stops at
 * once — and pauses the enrollment when the method itself is unusable (expired, closed, removed).
 * Every decline mails the account's payers (and billing contacts) once.
 */
export async function runAutopayCharge(
  deps: AutopayChargeDeps,
  input: AutopayChargeJob,
): Promise<AutopayChargeOutcome> {
  const { db } = deps;
  const claimed = await inTransaction(db, async (trx) => {
    const enrollment = await findEnrollmentById(trx, {
      orgId: input.orgId,
      enrollmentId: input.enrollmentId,
      forUpdate: true,
    });
    if (enrollment?.status !== 'active') return { outcome: 'not_active' as const };
    const existing = await findAttempt(trx, { ...input, forUpdate: true });
    if (existing) {
      if (existing.status !== 'processing') return { outcome: 'already_done' as const };
      const items = await findAttemptItems(trx, { orgId: input.orgId, attemptId: existing.id });
      return {
        outcome: 'charge' as const,
        enrollment,
        attempt: existing,
        items: items.filter((i) => i.amount > 0n),
      };
    }
    const org = await trx
      .selectFrom('organizations')
      .select(['country'])
      .where('id', '=', input.orgId)
      .executeTakeFirstOrThrow();
    const settings = await loadPaymentSettings(trx, input.orgId);
    let paid: { invoiceId: string; amount: bigint }[];
    let leftOut: string[] = [];
    if (input.attempt === 1) {
      const due = (
        await findChargeableInvoices(trx, {
          orgId: input.orgId,
          customerId: enrollment.customerId,
          currency: enrollment.currency,
          authorizationId: enrollment.authorizationId,
        })
      ).filter((i) => chargeDayOf(org.country, enrollment, i.dueDate) <= input.chargeOn);
      ({ paid, leftOut } = allocateUnderMax(due, enrollment.maxPerCharge, {
        allowed: settings.partialAllowed,
        minimum: settings.partialMinimum,
      }));
    } else {
      const previous = await findAttempt(trx, { ...input, attempt: input.attempt - 1 });
      if (previous?.status !== 'failed' || previous.stopped || input.attempt > MAX_ATTEMPTS)
        return { outcome: 'already_done' as const };
      const items = (await findAttemptItems(trx, { orgId: input.orgId, attemptId: previous.id })).filter(
        (i) => i.amount > 0n,
      );
      const now = await payableNow(trx, {
        orgId: input.orgId,
        customerId: enrollment.customerId,
        invoiceIds: items.map((i) => i.invoiceId),
      });
      paid = items.flatMap((i) => {
        const p = now.get(i.invoiceId);
        return p ? [{ invoiceId: i.invoiceId, amount: i.amount < p.payable ? i.amount : p.payable }] : [];
      });
    }
    const amount = paid.reduce((s, p) => s + p.amount, 0n);
    const attemptId = await claimAttempt(trx, {
      orgId: input.orgId,
      enrollmentId: enrollment.id,
      authorizationId: enrollment.authorizationId,
      customerId: enrollment.customerId,
      chargeOn: input.chargeOn,
      attempt: input.attempt,
      runOn: (await orgTodayOf(trx, input.orgId))!,
      status: paid.length > 0 ? 'processing' : 'skipped',
      amount,
      currency: enrollment.currency,
    });
    if (!attemptId) return { outcome: 'already_done' as const };
    // Autopay takes one turn per invoice and consent: what the maximum left out is recorded too.
    if (input.attempt === 1)
      await insertAttemptItems(trx, {
        orgId: input.orgId,
        attemptId,
        authorizationId: enrollment.authorizationId,
        items: [...paid, ...leftOut.map((invoiceId) => ({ invoiceId, amount: 0n }))],
      });
    else
      await insertAttemptItems(trx, {
        orgId: input.orgId,
        attemptId,
        authorizationId: enrollment.authorizationId,
        items: paid,
      });
    if (paid.length === 0) return { outcome: 'nothing_due' as const };
    const attempt = (await findAttempt(trx, input))!;
    return { outcome: 'charge' as const, enrollment, attempt, items: paid };
  });
  if (claimed.outcome !== 'charge') return claimed.outcome;
  const { enrollment, attempt, items } = claimed;

  const method = await findSavedMethod(db, {
    orgId: input.orgId,
    customerId: enrollment.customerId,
    methodId: enrollment.paymentMethodId,
  });
  if (!method)
    return decline(deps, {
      orgId: input.orgId,
      attempt,
      enrollment,
      items,
      code: 'method_removed',
      paymentId: null,
    });
  const account = await db
    .selectFrom('customer_accounts')
    .select('name')
    .where('org_id', '=', input.orgId)
    .where('id', '=', enrollment.customerId)
    .executeTakeFirstOrThrow();
  const key = autopayChargeKey(enrollment.id, input.chargeOn, input.attempt);
  let payment: Awaited<ReturnType<typeof payOnline>>['payment'];
  try {
    ({ payment } = await payOnline(
      { db, gateways: deps.gateways },
      {
        orgId: input.orgId,
        customerId: enrollment.customerId,
        kind: method.kind,
        allocations: items,
        paymentMethodId: method.id,
        // Given again so a replay of a payment that never reached the processor can charge it.
        methodToken: method.token,
        saveMethod: false,
        achAuthorizationAccepted: true,
        idempotencyKey: key,
        source: 'autopay',
        role: null,
        actor: systemActor,
        client: {},
        customer: { name: account.name, email: null },
        returnUrl: `${(deps.publicUrl ?? '').replace(/\/+$/, '')}/portal/payments/`,
      },
    ));
  } catch (error) {
    // The invoices changed under the charge (someone is paying them right now, or just did): no
    // decline to tell anyone about; the attempt ends skipped.
    if (error instanceof AppError && changedUnderUs.has(error.code)) {
      await finishAttempt(db, {
        orgId: input.orgId,
        attemptId: attempt.id,
        status: 'skipped',
        paymentId: null,
      });
      return 'nothing_due';
    }
    // A rule of paying online refuses it (the seller or the account switched online payment off,
    // the method's kind is no longer accepted…): a hard stop, said to the payer like a decline.
    if (error instanceof AppError && error.status < 500)
      return decline(deps, {
        orgId: input.orgId,
        attempt,
        enrollment,
        items,
        code: error.code === 'not_found' ? 'method_removed' : 'not_allowed',
        paymentId: null,
      });
    throw error;
  }
  await setAttemptPayment(db, { orgId: input.orgId, attemptId: attempt.id, paymentId: payment.id });
  switch (payment.status) {
    case 'completed':
    case 'pending': {
      const status = payment.status === 'completed' ? 'succeeded' : 'pending';
      await finishAttempt(db, { orgId: input.orgId, attemptId: attempt.id, status, paymentId: payment.id });
      return status;
    }
    case 'failed':
      return decline(deps, {
        orgId: input.orgId,
        attempt,
        enrollment,
        items,
        code: payment.failureCode ?? 'unknown',
        paymentId: payment.id,
      });
    default:
      // In doubt with the processor: reconciliation settles the payment; the history shows its state.
      return 'processing';
  }
}

/**
 * A charge that did not go through: its next try or the stop, recorded once, the enrollment paused
 * when the method cannot be used again, and the account's people told, in one transaction.
 */
async function decline(
  deps: AutopayChargeDeps,
  input: {
    orgId: string;
    attempt: AutopayAttempt;
    enrollment: { id: string; customerId: string; paymentMethodId: string; currency: string };
    items: { invoiceId: string; amount: bigint }[];
    code: string;
    paymentId: string | null;
  },
): Promise<'failed'> {
  const { attempt, enrollment } = input;
  const { orgId } = input;
  const context = await findMailContext(deps.db, {
    orgId,
    customerId: enrollment.customerId,
    paymentMethodId: enrollment.paymentMethodId,
  });
  const soft = softDeclines.has(input.code);
  const nextRetryOn = soft ? nextRetryDay(context.country, attempt.chargeOn, attempt.attempt) : null;
  const paused = isMethodUnusable(input.code);
  await inTransaction(deps.db, async (trx) => {
    const first = await finishAttempt(trx, {
      orgId,
      attemptId: attempt.id,
      status: 'failed',
      paymentId: input.paymentId,
      failureCode: input.code,
      failureRetryable: soft,
      nextRetryOn,
      stopped: nextRetryOn === null,
    });
    if (!first) return;
    if (paused) {
      const current = await findEnrollmentById(trx, { orgId, enrollmentId: enrollment.id, forUpdate: true });
      if (current?.status === 'active') {
        await setEnrollmentStatus(trx, {
          orgId,
          id: enrollment.id,
          status: 'paused',
          pauseReason: 'method_unusable',
        });
        await recordAudit(trx, {
          orgId,
          actor: systemActor,
          action: 'autopay.paused',
          entityType: 'autopay_enrollment',
          entityId: enrollment.id,
          before: { status: 'active' },
          after: { status: 'paused', by: 'method_unusable', failureCode: input.code },
        });
      }
    }
    const numbers = await findInvoiceNumbers(trx, { orgId, invoiceIds: input.items.map((i) => i.invoiceId) });
    const recipients = await findAccountRecipients(trx, {
      contactsReceiving: ['invoices', 'receipts'],
      orgId,
      customerId: enrollment.customerId,
    });
    for (const r of recipients)
      await deps.mailer.enqueue(trx, {
        orgId,
        to: r.email,
        locale: r.locale,
        template: 'autopay_failed',
        data: {
          name: r.name,
          orgName: context.orgName,
          accountName: context.accountName,
          country: context.country,
          currency: enrollment.currency,
          method: context.method ?? { kind: 'card', brand: null, bankName: null, last4: null },
          invoices: input.items.map((i) => ({ number: numbers.get(i.invoiceId) ?? '', amount: i.amount })),
          amount: input.items.reduce((s, i) => s + i.amount, 0n),
          url: deps.publicUrl ? `${deps.publicUrl.replace(/\/+$/, '')}/portal/autopay` : null,
          attemptedOn: attempt.runOn,
          failureCode: input.code,
          nextRetryOn,
          paused,
        },
      });
  });
  return 'failed';
}
