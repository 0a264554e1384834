import type { Database } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import { getPaymentStatus, type PaymentStatusView } from '../payments/get-payment-status.ts';
import type { PayLink } from './pay-links.repository.ts';
import { isLinkPayment } from './pay-links.repository.ts';

/**
 * A payment made through the link, as its payer follows it (the status page after paying, after
 * 3-D Secure). Only the link's own payments: any other id is `not_found`.
 */
export async function getPayLinkPayment(
  deps: { db: Database },
  input: { link: PayLink; paymentId: string },
): Promise<PaymentStatusView> {
  const { link } = input;
  const ours = await isLinkPayment(deps.db, {
    orgId: link.orgId,
    payLinkId: link.id,
    paymentId: input.paymentId,
  });
  const view = ours
    ? await getPaymentStatus(deps, {
        orgId: link.orgId,
        paymentId: input.paymentId,
        customerId: link.customer.id,
      })
    : undefined;
  if (!view) throw new AppError('not_found');
  return view;
}
