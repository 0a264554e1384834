import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateKey, MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { accountOnHold } from './account-on-hold.ts';
import { autopayFailed, autopayUpcoming } from './autopay.ts';
import { creditMemoDelivery } from './credit-memo-delivery.ts';
import { inquiryReply } from './inquiry-reply.ts';
import { invitationCustomer } from './invitation-customer.ts';
import { invitationStaff } from './invitation-staff.ts';
import { invoiceDelivery } from './invoice-delivery.ts';
import { passwordReset } from './password-reset.ts';
import { payNowMail } from './pay-now.ts';
import { paymentReceipt } from './payment-receipt.ts';
import { reminder } from './reminder.ts';
import { reminderFinal, reminderUpcoming } from './reminder-steps.ts';
import { statementMail } from './statement.ts';
import { weeklyCollection } from './weekly-collection.ts';

/** Saldo's shipped templates, es and en, in code: the bundled server reads no template files. */
const defaults: Record<MailTemplateKey, Record<Locale, MailTemplateSources>> = {
  invitation_staff: invitationStaff,
  invitation_customer: invitationCustomer,
  password_reset: passwordReset,
  payment_receipt: paymentReceipt,
  pay_now: payNowMail,
  invoice_delivery: invoiceDelivery,
  reminder,
  account_on_hold: accountOnHold,
  autopay_upcoming: autopayUpcoming,
  autopay_failed: autopayFailed,
  weekly_collection: weeklyCollection,
  statement: statementMail,
  inquiry_reply: inquiryReply,
  reminder_upcoming: reminderUpcoming,
  reminder_final: reminderFinal,
  credit_memo_delivery: creditMemoDelivery,
};

export function defaultMailTemplate(key: MailTemplateKey, locale: Locale): MailTemplateSources {
  return defaults[key][locale];
}
