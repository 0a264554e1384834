import type { Database } from '../../db/client.ts';
import type { MethodKind } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { type PayOnlineResult, payOnline } from '../payments/pay-online.ts';
import type { Gateways } from '../payments/payment-gateway.ts';
import { openPayLink } from './open-pay-link.ts';
import { lockPayLink, type PayLinkState, setPayLinkPayment } from './pay-links.repository.ts';

export interface PayLinkPayment {
  token: string;
  kind: MethodKind;
  /** The token the processor's entry page gave back: a pay link never uses a saved method. */
  methodToken: string;
  achAuthorizationAccepted: boolean;
  /** The payer's Idempotency-Key: a retry of the same request replays, never charges twice. */
  idempotencyKey: string;
  client: { ip?: string | null; userAgent?: string | null };
  requestId?: string | null;
  /** Where 3-D Secure sends the payer back; the payment's id is appended. */
  returnUrl: string;
  /**
   * A link of invoices paid in part (when the seller's payment settings allow it): this much, taken
   * by the link's invoices in their order (oldest due first). None: everything the link names.
   */
  amount?: bigint | null | undefined;
}

/** What a partial amount pays on each of the link's invoices, oldest due first. */
export function allocateLinkAmount(
  invoices: { id: string; number: string; amount: bigint }[],
  amount: bigint,
  currency: string,
): { invoiceId: string; amount: bigint }[] {
  const total = invoices.reduce((sum, i) => sum + i.amount, 0n);
  if (amount <= 0n) throw new AppError('amount_not_positive');
  if (amount > total)
    throw new AppError('exceeds_open_amount', {
      number: invoices.map((i) => i.number).join(', '),
      available: { amount: total, currency },
    });
  const allocations: { invoiceId: string; amount: bigint }[] = [];
  let left = amount;
  for (const invoice of invoices) {
    if (left <= 0n) break;
    const take = invoice.amount < left ? invoice.amount : left;
    allocations.push({ invoiceId: invoice.id, amount: take });
    left -= take;
  }
  return allocations;
}

const refusals: Record<Exclude<PayLinkState, 'open'>, () => AppError> = {
  paid: () => new AppError('pay_link_paid'),
  processing: () => new AppError('pay_link_in_progress'),
  expired: () => new AppError('pay_link_expired'),
  cancelled: () => new AppError('pay_link_cancelled'),
};

/**
 * Pays what a link names, through the online payment's usual life (payOnline): an order's
 * prepayment (source `credit_check`, no invoice yet: it waits as unapplied cash for the order's
 * invoice) or the link's invoices (source `pay_link`). The link pays once: inside the payment's
 * start, the link's row is locked and must still be open — no payment in flight or completed —,
 * so of fifty concurrent payers one is charged and the others are told the link is being paid.
 * A failed payment leaves the link open for another try.
 */
export async function payPayLink(
  deps: { db: Database; gateways: Gateways },
  input: PayLinkPayment,
): Promise<PayOnlineResult> {
  const link = await openPayLink(deps, { token: input.token });
  const order =
    link.purpose === 'order'
      ? { reference: link.orderReference!, amount: link.amount, currency: link.currency }
      : null;
  if (!input.methodToken)
    throw new AppError('validation_failed', {}, [{ field: 'methodToken', code: 'required' }]);
  return payOnline(deps, {
    orgId: link.orgId,
    customerId: link.customer.id,
    kind: input.kind,
    allocations:
      input.amount != null && link.purpose === 'invoices'
        ? allocateLinkAmount(link.invoices, input.amount, link.currency)
        : link.invoices.map((i) => ({ invoiceId: i.id, amount: i.amount })),
    order,
    payLinkId: link.id,
    methodToken: input.methodToken,
    saveMethod: false,
    achAuthorizationAccepted: input.achAuthorizationAccepted,
    idempotencyKey: `pay-link:${link.id}:${input.idempotencyKey}`,
    source: link.purpose === 'order' ? 'credit_check' : 'pay_link',
    role: null,
    actor: { requestId: input.requestId ?? null, ip: input.client.ip ?? null },
    client: input.client,
    customer: { name: link.customer.name, email: null },
    returnUrl: input.returnUrl,
    onStarted: async (trx, payment) => {
      const locked = await lockPayLink(trx, { orgId: link.orgId, id: link.id });
      if (!locked) throw new AppError('pay_link_not_found');
      if (locked.state !== 'open') throw refusals[locked.state]();
      await setPayLinkPayment(trx, { orgId: link.orgId, id: link.id, paymentId: payment.id });
    },
  });
}
