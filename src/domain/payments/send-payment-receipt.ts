import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { findAccountRecipients } from '../customers/customers.repository.ts';
import type { Mailer, MailTemplateData } from '../mail/mail-port.ts';
import { deliveredRecipientsOfLink } from '../pay-now/pay-now.repository.ts';
import { claimPaymentReceipt, findReceiptContext } from './payment-receipts.repository.ts';

/** The job capturePayment queues when the money arrived; its key makes a duplicate one job. */
export const PAYMENT_RECEIPT_TASK = 'payment.receipt';
export interface PaymentReceiptPayload {
  orgId: string;
  paymentId: string;
}
export const paymentReceiptJobKey = (paymentId: string) => `payment-receipt:${paymentId}`;

/**
 * Mails a completed online payment's receipt to the customer's people who may pay (account admins
 * and payers) and its contacts that asked for receipts, each once and in their own language.
 * The payment is claimed (`receipt_sent_at`) in the transaction that writes the messages to the
 * outbox, so however often the capture or this job is retried the receipt goes out once; a
 * payment that is not completed (pending, failed, returned…) sends nothing. The link opens the
 * payment in the portal after signing in; it carries no token.
 */
export function sendPaymentReceipt(
  deps: { db: Database; mailer: Mailer; publicUrl?: string | undefined },
  input: PaymentReceiptPayload,
): Promise<{ sent: number }> {
  return inTransaction(deps.db, async (trx) => {
    const payment = await claimPaymentReceipt(trx, input);
    if (!payment) return { sent: 0 };
    const context = await findReceiptContext(trx, {
      orgId: input.orgId,
      customerId: payment.customerId,
      paymentId: payment.id,
      paymentMethodId: payment.paymentMethodId,
    });
    const recipients = await findAccountRecipients(trx, {
      orgId: input.orgId,
      customerId: payment.customerId,
      contactsReceiving: ['receipts'],
    });
    // Paid through a pay-now e-mail's link: whoever that e-mail reached hears of it too.
    const link = await trx
      .selectFrom('payments')
      .select('pay_link_id')
      .where('org_id', '=', input.orgId)
      .where('id', '=', payment.id)
      .executeTakeFirst();
    if (link?.pay_link_id) {
      const known = new Set(recipients.map((r) => r.email));
      for (const r of await deliveredRecipientsOfLink(trx, {
        orgId: input.orgId,
        payLinkId: link.pay_link_id,
      }))
        if (!known.has(r.email)) {
          known.add(r.email);
          recipients.push({ email: r.email, name: '', locale: r.locale });
        }
    }
    const kind = payment.method === 'ach' ? 'ach' : 'card';
    const data: Omit<MailTemplateData['payment_receipt'], 'name'> = {
      orgName: context.orgName,
      accountName: context.accountName,
      paymentNumber: payment.number,
      paidOn: payment.receivedOn,
      currency: payment.currency,
      country: context.country,
      amount: payment.amount,
      fee: payment.feeAmount,
      method: context.method ?? { kind, brand: null, bankName: null, last4: null },
      invoices: context.invoices,
      url: deps.publicUrl ? `${deps.publicUrl.replace(/\/+$/, '')}/portal/payments/${payment.id}` : null,
    };
    for (const recipient of recipients) {
      await deps.mailer.enqueue(trx, {
        orgId: input.orgId,
        to: recipient.email,
        locale: recipient.locale,
        template: 'payment_receipt',
        data: { ...data, name: recipient.name },
        customerId: payment.customerId,
      });
    }
    return { sent: recipients.length };
  });
}
