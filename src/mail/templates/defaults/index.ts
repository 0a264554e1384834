import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateKey, MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { invitationCustomer } from './invitation-customer.ts';
import { invitationStaff } from './invitation-staff.ts';
import { passwordReset } from './password-reset.ts';
import { paymentReceipt } from './payment-receipt.ts';

/** Saldo's shipped templates, es and en, in code: the bundled server reads no template files. */
const defaults: Record<MailTemplateKey, Record<Locale, MailTemplateSources>> = {
  invitation_staff: invitationStaff,
  invitation_customer: invitationCustomer,
  password_reset: passwordReset,
  payment_receipt: paymentReceipt,
};

export function defaultMailTemplate(key: MailTemplateKey, locale: Locale): MailTemplateSources {
  return defaults[key][locale];
}
