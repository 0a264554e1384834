import type { Database } from '../../db/client.ts';
import type { AutopayScope, AutopayTiming, CustomerRole, Locale } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { assertSafeAmount } from '../money/money.ts';
import { findSavedMethod } from '../payments/payment-methods.repository.ts';
import { onlineEligibility } from '../payments/quote-online-payment.ts';
import { newId } from '../shared/ids.ts';
import {
  type AutopayEnrollment,
  findEnrollment,
  insertAuthorization,
  insertEnrollment,
  lockAccountAutopay,
  replaceEnrollmentTerms,
} from './autopay.repository.ts';
import { autopayAuthorizationText } from './autopay-authorization-text.ts';

export interface EnrolAutopayInput {
  orgId: string;
  customerId: string;
  paymentMethodId: string;
  timing: AutopayTiming;
  daysBefore: number | null;
  scope: AutopayScope;
  maxPerCharge: bigint | null;
  /** The text the person was shown and accepted: it must be today's text, word for word. */
  authorizationText: string;
  /** The language it was shown in. */
  locale: Locale;
  /** Saldo's default text per language (the edge's catalog), used when the seller has none. */
  defaultTexts: Record<Locale, string>;
  /** The customer role of who enrols; null for staff enrolling on the account's behalf. */
  role: CustomerRole | null;
  acceptedBy: { kind: 'customer' | 'staff'; userId: string; name: string; email: string };
  client: { ip?: string | null; userAgent?: string | null };
  actor: Actor;
}

/**
 * Enrols an account in autopay, or replaces the rules of its live enrollment (which becomes
 * active again): the account may pay online, the method is one of its saved methods at the
 * seller's processor and of a kind the seller accepts, the rules are coherent, and the text
 * accepted is exactly the text shown (else `autopay_text_changed`). Every call records a new
 * authorization — text, language, who, when, address and browser, the rules agreed to — and an
 * audit entry; older ones are kept.
 */
export function enrolAutopay(
  deps: { db: Database },
  input: EnrolAutopayInput,
): Promise<{ enrollment: AutopayEnrollment; created: boolean }> {
  return inTransaction(deps.db, async (trx) => {
    if (input.timing === 'days_before' && input.daysBefore === null)
      throw new AppError('validation_failed', {}, [{ field: 'daysBefore', code: 'required' }]);
    if (input.timing === 'due_date' && input.daysBefore !== null)
      throw new AppError('validation_failed', {}, [{ field: 'daysBefore', code: 'invalid' }]);
    if (input.maxPerCharge !== null) {
      if (input.maxPerCharge <= 0n) throw new AppError('amount_not_positive');
      assertSafeAmount(input.maxPerCharge);
    }
    const eligibility = await onlineEligibility(trx, input);
    if (eligibility.blockedReason)
      throw new AppError('online_payments_disabled', { reason: eligibility.blockedReason });
    const expected = autopayAuthorizationText({
      sellerText: eligibility.settings.autopayText,
      defaults: input.defaultTexts,
      locale: input.locale,
      sellerName: eligibility.sellerName,
      customerName: eligibility.customerName,
    });
    if (input.authorizationText !== expected) throw new AppError('autopay_text_changed');
    const method = await findSavedMethod(trx, {
      orgId: input.orgId,
      customerId: input.customerId,
      methodId: input.paymentMethodId,
    });
    if (!method || method.processor !== eligibility.settings.processor) throw new AppError('not_found');
    if (!eligibility.methods.includes(method.kind))
      throw new AppError('method_not_accepted', { kind: method.kind });
    const account = await trx
      .selectFrom('customer_accounts')
      .select('currency')
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.customerId)
      .executeTakeFirstOrThrow();
    const currency = account.currency.trim();

    await lockAccountAutopay(trx, input);
    const live = await findEnrollment(trx, { ...input, forUpdate: true });
    const enrollmentId = live?.id ?? newId();
    const authorizationId = newId();
    const values = {
      paymentMethodId: method.id,
      timing: input.timing,
      daysBefore: input.daysBefore,
      scope: input.scope,
      maxPerCharge: input.maxPerCharge,
      currency,
    };
    const terms = {
      paymentMethod: { id: method.id, kind: method.kind, brand: method.brand, last4: method.last4 },
      timing: input.timing,
      daysBefore: input.daysBefore,
      scope: input.scope,
      maxPerCharge: input.maxPerCharge?.toString() ?? null,
      currency,
    };
    if (live) {
      await replaceEnrollmentTerms(trx, { orgId: input.orgId, id: live.id, authorizationId, ...values });
    } else {
      await insertEnrollment(trx, {
        orgId: input.orgId,
        id: enrollmentId,
        customerId: input.customerId,
        authorizationId,
        createdBy: input.acceptedBy.userId,
        ...values,
      });
    }
    await insertAuthorization(trx, {
      orgId: input.orgId,
      id: authorizationId,
      enrollmentId,
      text: input.authorizationText,
      locale: input.locale,
      acceptedBy: input.acceptedBy,
      ip: input.client.ip ?? null,
      userAgent: input.client.userAgent ?? null,
      terms,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: live ? 'autopay.changed' : 'autopay.enrolled',
      entityType: 'autopay_enrollment',
      entityId: enrollmentId,
      ...(live
        ? {
            before: {
              status: live.status,
              paymentMethodId: live.paymentMethodId,
              timing: live.timing,
              daysBefore: live.daysBefore,
              scope: live.scope,
              maxPerCharge: live.maxPerCharge?.toString() ?? null,
            },
          }
        : {}),
      after: { status: 'active', ...terms, authorizationId, acceptedBy: input.acceptedBy.kind },
    });
    const enrollment = (await findEnrollment(trx, { ...input, liveOnly: true }))!;
    return { enrollment, created: !live };
  });
}
