import type { Database } from '../../db/client.ts';
import { type ApplicationView, loadPayment, type PaymentSummary } from './payments.repository.ts';

/** docs/api.md `PaymentDetail`: the summary, every application (live and undone), the reversal. */
export interface PaymentDetail extends PaymentSummary {
  applications: ApplicationView[];
  reversedAt: Date | null;
  reverseReason: string | null;
}

/**
 * One payment of the org with its applications, read from the payment aggregate (loadPayment), or
 * undefined when the org has no such payment (or, with `customerId`, when it belongs to another
 * customer account).
 */
export async function getPayment(
  deps: { db: Database },
  input: { orgId: string; paymentId: string; customerId?: string | undefined },
): Promise<PaymentDetail | undefined> {
  const payment = await loadPayment(deps.db, input);
  if (!payment) return undefined;
  return {
    id: payment.id,
    number: payment.number,
    customer: {
      id: payment.customer.id,
      name: payment.customer.name,
      accountNumber: payment.customer.accountNumber,
    },
    receivedOn: payment.receivedOn,
    method: payment.method,
    reference: payment.reference,
    currency: payment.currency,
    amount: payment.amount,
    unappliedAmount: payment.unappliedAmount,
    status: payment.status,
    applications: payment.applications.map(({ invoice: _invoice, ...a }) => a),
    reversedAt: payment.reversedAt,
    reverseReason: payment.reverseReason,
  };
}
