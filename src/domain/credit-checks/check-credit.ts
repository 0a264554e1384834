import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { balancesFor } from '../customers/balances.ts';
import { AppError } from '../errors.ts';
import { currencyExponent } from '../money/currency.ts';
import { assertSafeAmount } from '../money/money.ts';
import { createPayLink, PAY_LINK_DAYS } from '../pay-links/create-pay-link.ts';
import { payLinkToken } from '../pay-links/pay-link-token.ts';
import { findPayLink, markPayLinkCancelled } from '../pay-links/pay-links.repository.ts';
import { onlineEligibility } from '../payments/quote-online-payment.ts';
import { newId } from '../shared/ids.ts';
import {
  type CreditCheck,
  type CustomerRef,
  findCreditCheck,
  findCreditCustomer,
  insertCreditCheck,
  latestCreditCheck,
  loadCreditCheckSettings,
  lockCustomerCredit,
  orderPrepayments,
  type PayLinkUnavailable,
  pendingOrdersTotal,
} from './credit-checks.repository.ts';
import { decideCredit } from './decide-credit.ts';

export interface CreditCheckRequest {
  orgId: string;
  customer: CustomerRef;
  /** The ERP's order: one answer per order, asked again as often as the ERP likes. */
  orderReference: string;
  orderAmount: bigint;
  currency: string;
  /** How long a pay link stays payable (default PAY_LINK_DAYS). */
  payLinkDays?: number | undefined;
  actor: Actor;
}

export interface CreditCheckAnswer {
  check: CreditCheck;
  /** The same order with the same amount asked again: the answer (and link) given before. */
  replayed: boolean;
  payLink: { id: string; token: string; expiresAt: Date } | null;
}

/** Whether the answer given before still stands for the same order and amount. */
async function standingAnswer(
  deps: { db: Database; secretKey: Buffer },
  orgId: string,
  previous: CreditCheck | undefined,
  request: { orderAmount: bigint; currency: string },
): Promise<CreditCheckAnswer | null> {
  if (!previous || previous.orderAmount !== request.orderAmount || previous.currency !== request.currency)
    return null;
  if (previous.decision === 'approved') return { check: previous, replayed: true, payLink: null };
  // No link was possible (online orders off): weigh it again, the seller may have switched them on.
  if (!previous.payLinkId) return null;
  const link = await findPayLink(deps.db, { orgId, id: previous.payLinkId });
  // Paid, expired or cancelled: the order is weighed again (a paid one is then approved).
  if (!link || (link.state !== 'open' && link.state !== 'processing')) return null;
  return {
    check: previous,
    replayed: true,
    payLink: { id: link.id, token: payLinkToken(deps.secretKey, orgId, link.id), expiresAt: link.expiresAt },
  };
}

/**
 * Does this order fit the customer's credit? `available = limit − balance − pending orders`,
 * where the balance is what the customer owes now (open invoices less unapplied cash and credits;
 * money still in flight frees no credit until it arrives) and pending orders are the other orders
 * approved or being prepaid that no invoice has billed yet. What was prepaid for this very order
 * is set apart and counted against what it must pay. No limit (null): approved. A limit of 0:
 * the whole order is paid online. Otherwise, per the seller's setting, the part over the limit
 * or the whole order gets a pay link; the money waits as unapplied cash for the order's invoice.
 *
 * Idempotent on the order: the same order with the same amount answers the same decision and
 * link while that link can still be paid; a changed amount is weighed anew, with a new link (the
 * previous unpaid one is cancelled as superseded). Checks of one customer queue behind each other.
 */
export function checkCredit(
  deps: { db: Database; secretKey: Buffer },
  input: CreditCheckRequest,
): Promise<CreditCheckAnswer> {
  if (input.orderAmount <= 0n) throw new AppError('amount_not_positive');
  assertSafeAmount(input.orderAmount, 'orderAmount');
  currencyExponent(input.currency);
  return inTransaction(deps.db, async (trx) => {
    const customer = await findCreditCustomer(trx, input);
    if (!customer) throw new AppError('not_found');
    if (customer.currency !== input.currency)
      throw new AppError('order_currency_mismatch', {
        currency: input.currency,
        customerCurrency: customer.currency,
      });
    await lockCustomerCredit(trx, { orgId: input.orgId, customerId: customer.id });
    const order = { orgId: input.orgId, customerId: customer.id, orderReference: input.orderReference };
    const previous = await latestCreditCheck(trx, order);
    const standing = await standingAnswer(
      { db: trx, secretKey: deps.secretKey },
      input.orgId,
      previous,
      input,
    );
    if (standing) return standing;

    const settings = await loadCreditCheckSettings(trx, input.orgId);
    const currency = customer.currency;
    const balance =
      (await balancesFor(trx, input.orgId, [{ id: customer.id, currency }]))
        .get(customer.id)
        ?.find((b) => b.currency === currency)?.total ?? 0n;
    const prepaid = await orderPrepayments(trx, { ...order, currency });
    const pendingOrders = await pendingOrdersTotal(trx, {
      orgId: input.orgId,
      customerId: customer.id,
      currency,
      exceptOrder: input.orderReference,
    });
    // This order's own prepayment sits in the balance as unapplied cash: set it apart.
    const owed = balance + prepaid.unapplied;
    const limit = customer.creditLimit;
    const alreadyPaid = prepaid.unapplied + prepaid.inFlight;
    const { available, amountToPay, decision } = decideCredit({
      limit,
      owed,
      pendingOrders,
      prepaid: alreadyPaid,
      orderAmount: input.orderAmount,
      orderPayment: settings.orderPayment,
    });

    // An unpaid link of this order's previous answer no longer stands.
    if (previous?.payLinkId) {
      const old = await findPayLink(trx, { orgId: input.orgId, id: previous.payLinkId });
      if (old?.state === 'open')
        await markPayLinkCancelled(trx, { orgId: input.orgId, id: old.id, reason: 'superseded' });
    }

    let payLink: CreditCheckAnswer['payLink'] = null;
    let unavailable: PayLinkUnavailable | null = null;
    if (decision === 'payment_required') {
      const eligibility = await onlineEligibility(trx, {
        orgId: input.orgId,
        customerId: customer.id,
        role: null,
        purpose: 'order',
      });
      const reason = eligibility.blockedReason;
      if (reason === 'seller_off' || reason === 'customer_off' || reason === 'no_methods')
        unavailable = reason;
      else {
        const days = input.payLinkDays ?? PAY_LINK_DAYS;
        payLink = await createPayLink(
          { db: trx, secretKey: deps.secretKey },
          {
            orgId: input.orgId,
            customerId: customer.id,
            purpose: 'order',
            orderReference: input.orderReference,
            amount: amountToPay,
            currency,
            expiresAt: new Date(Date.now() + days * 86_400_000),
            actor: input.actor,
          },
        );
      }
    }

    const id = newId();
    await insertCreditCheck(trx, {
      org_id: input.orgId,
      id,
      customer_id: customer.id,
      order_reference: input.orderReference,
      order_amount: input.orderAmount,
      currency,
      credit_limit: limit,
      balance: owed,
      pending_orders: pendingOrders,
      prepaid: alreadyPaid,
      available_credit: available,
      decision,
      amount_to_pay: amountToPay,
      pay_link_id: payLink?.id ?? null,
      pay_link_unavailable: unavailable,
      api_key_id: input.actor.apiKeyId ?? null,
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'credit_check.answered',
      entityType: 'credit_check',
      entityId: id,
      after: {
        customerId: customer.id,
        orderReference: input.orderReference,
        orderAmount: input.orderAmount.toString(),
        currency,
        decision,
        amountToPay: amountToPay.toString(),
        availableCredit: available?.toString() ?? null,
      },
    });
    const check = (await findCreditCheck(trx, { orgId: input.orgId, id }))!;
    return { check, replayed: false, payLink };
  });
}
