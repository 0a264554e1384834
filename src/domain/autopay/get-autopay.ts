import type { Database } from '../../db/client.ts';
import type { CustomerRole, Locale } from '../../db/schema.ts';
import { isBusinessDay, nextBusinessDay } from '../calendar/business-days.ts';
import { orgTodayOf } from '../customers/balances.ts';
import { findSavedMethods, type SavedMethod } from '../payments/payment-methods.repository.ts';
import { type OnlineBlockedReason, onlineEligibility } from '../payments/quote-online-payment.ts';
import {
  type AutopayAttempt,
  type AutopayAuthorization,
  type AutopayEnrollment,
  autopayMethodIds,
  findAttempt,
  findAttemptItems,
  findAuthorization,
  findChargeableInvoices,
  findEnrollment,
  findPendingRetry,
  type HistoryRow,
  listAttempts,
  payableNow,
} from './autopay.repository.ts';
import { autopayAuthorizationText } from './autopay-authorization-text.ts';
import { addDays, allocateUnderMax, chargeDayOf } from './autopay-rules.ts';

export const HISTORY_LIMIT = 24;

export interface AutopayEnrollmentView extends AutopayEnrollment {
  paymentMethod: Pick<SavedMethod, 'id' | 'kind' | 'brand' | 'last4' | 'bankName'> | null;
  authorization: AutopayAuthorization;
  nextCharge: { on: string; amount: bigint; invoiceCount: number } | null;
  history: HistoryRow[];
}

export interface AutopayView {
  available: boolean;
  unavailableReason: OnlineBlockedReason | null;
  authorizationText: string;
  /** The account's currency: what a maximum per charge is in. */
  currency: string;
  methods: (SavedMethod & { usedByAutopay: boolean })[];
  enrollment: AutopayEnrollmentView | null;
}

/**
 * An account's autopay as the portal and the console show it: whether it may enrol (and why not),
 * the authorization text in the reader's language, the saved methods it may choose from, and its
 * enrollment (the live one, else the latest cancelled) with the consent on record, the next
 * charge as things stand today and the latest attempts. `role` null: staff on its behalf.
 */
export async function getAutopay(
  deps: { db: Database },
  input: {
    orgId: string;
    customerId: string;
    role: CustomerRole | null;
    locale: Locale;
    defaultTexts: Record<Locale, string>;
  },
): Promise<AutopayView> {
  const { db } = deps;
  const eligibility = await onlineEligibility(db, input);
  const [saved, inUse, enrollment] = await Promise.all([
    findSavedMethods(db, {
      orgId: input.orgId,
      customerId: input.customerId,
      processor: eligibility.settings.processor,
    }),
    autopayMethodIds(db, input),
    findEnrollment(db, input),
  ]);
  return {
    available: eligibility.blockedReason === null,
    unavailableReason: eligibility.blockedReason,
    authorizationText: autopayAuthorizationText({
      sellerText: eligibility.settings.autopayText,
      defaults: input.defaultTexts,
      locale: input.locale,
      sellerName: eligibility.sellerName,
      customerName: eligibility.customerName,
    }),
    currency: eligibility.customerCurrency,
    methods: saved
      .filter((m) => eligibility.methods.includes(m.kind))
      .map((m) => ({ ...m, usedByAutopay: inUse.has(m.id) })),
    enrollment: enrollment
      ? await enrollmentView(db, {
          orgId: input.orgId,
          enrollment,
          partial: {
            allowed: eligibility.settings.partialAllowed,
            minimum: eligibility.settings.partialMinimum,
          },
        })
      : null,
  };
}

export async function enrollmentView(
  db: Database,
  input: {
    orgId: string;
    enrollment: AutopayEnrollment;
    partial: { allowed: boolean; minimum: bigint | null };
  },
): Promise<AutopayEnrollmentView> {
  const { orgId, enrollment } = input;
  const [method, authorization, history, nextCharge] = await Promise.all([
    db
      .selectFrom('payment_methods')
      .select(['id', 'kind', 'brand', 'last4', 'bank_name'])
      .where('org_id', '=', orgId)
      .where('id', '=', enrollment.paymentMethodId)
      .executeTakeFirst(),
    findAuthorization(db, { orgId, id: enrollment.authorizationId }),
    listAttempts(db, { orgId, enrollmentId: enrollment.id, limit: HISTORY_LIMIT }),
    enrollment.status === 'active'
      ? projectNextCharge(db, { orgId, enrollment, partial: input.partial })
      : null,
  ]);
  return {
    ...enrollment,
    paymentMethod: method
      ? {
          id: method.id,
          kind: method.kind,
          brand: method.brand,
          last4: method.last4,
          bankName: method.bank_name,
        }
      : null,
    authorization: authorization!,
    nextCharge,
    history,
  };
}

/**
 * The next charge as things stand: the earliest run day (today if it is a business day and
 * today's run has not charged yet, else the next business day) on which invoices fall due under
 * the rules, or a soft decline's retry day, whichever comes first; its amount under the maximum.
 */
async function projectNextCharge(
  db: Database,
  input: {
    orgId: string;
    enrollment: AutopayEnrollment;
    partial: { allowed: boolean; minimum: bigint | null };
  },
): Promise<{ on: string; amount: bigint; invoiceCount: number } | null> {
  const { orgId, enrollment } = input;
  const org = await db
    .selectFrom('organizations')
    .select('country')
    .where('id', '=', orgId)
    .executeTakeFirst();
  const today = await orgTodayOf(db, orgId);
  if (!org || !today) return null;
  const country = org.country;
  const ranToday = await findAttempt(db, { orgId, enrollmentId: enrollment.id, chargeOn: today, attempt: 1 });
  const firstRun =
    isBusinessDay(country, today) && !ranToday ? today : nextBusinessDay(country, addDays(today, 1));

  let best: { on: string; amount: bigint; invoiceCount: number } | null = null;
  const invoices = await findChargeableInvoices(db, {
    orgId,
    customerId: enrollment.customerId,
    currency: enrollment.currency,
    authorizationId: enrollment.authorizationId,
  });
  if (invoices.length > 0) {
    const runDay = (dueDate: string) => {
      const day = chargeDayOf(country, enrollment, dueDate);
      return day < firstRun ? firstRun : day;
    };
    const on = invoices.map((i) => runDay(i.dueDate)).reduce((a, b) => (a < b ? a : b));
    const { paid } = allocateUnderMax(
      invoices.filter((i) => runDay(i.dueDate) === on),
      enrollment.maxPerCharge,
      input.partial,
    );
    if (paid.length > 0)
      best = { on, amount: paid.reduce((s, p) => s + p.amount, 0n), invoiceCount: paid.length };
  }
  const retry: AutopayAttempt | undefined = await findPendingRetry(db, {
    orgId,
    enrollmentId: enrollment.id,
    authorizationId: enrollment.authorizationId,
  });
  if (retry?.nextRetryOn && (!best || retry.nextRetryOn < best.on)) {
    const items = (await findAttemptItems(db, { orgId, attemptId: retry.id })).filter((i) => i.amount > 0n);
    const now = await payableNow(db, {
      orgId,
      customerId: enrollment.customerId,
      invoiceIds: items.map((i) => i.invoiceId),
    });
    const amounts = items.flatMap((i) => {
      const p = now.get(i.invoiceId);
      return p ? [i.amount < p.payable ? i.amount : p.payable] : [];
    });
    if (amounts.length > 0) {
      const on = retry.nextRetryOn < firstRun ? firstRun : retry.nextRetryOn;
      best = { on, amount: amounts.reduce((s, a) => s + a, 0n), invoiceCount: amounts.length };
    }
  }
  return best;
}
