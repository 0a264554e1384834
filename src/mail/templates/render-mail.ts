import type { OutgoingMail } from '../../domain/mail/mail-port.ts';
import { invitationCustomerContent } from './invitation-customer.ts';
import { invitationStaffContent } from './invitation-staff.ts';
import { type MailBrand, type MailContent, type RenderedMail, renderHtml, renderText } from './layout.ts';
import { passwordResetContent } from './password-reset.ts';

export type { RenderedMail } from './layout.ts';

/** The seller a message is sent for, as far as the message shows it. */
export interface MailOrg {
  name: string;
  branding: { accentColor?: string; footer?: string };
}

function contentOf(mail: OutgoingMail): MailContent {
  switch (mail.template) {
    case 'password_reset':
      return passwordResetContent(mail.locale, mail.data);
    case 'invitation_staff':
      return invitationStaffContent(mail.locale, mail.data);
    case 'invitation_customer':
      return invitationCustomerContent(mail.locale, mail.data);
  }
}

/** Subject, plain-text and HTML parts of a message in its locale, branded for its seller (or Saldo). */
export function renderMail(mail: OutgoingMail, org: MailOrg | null): RenderedMail {
  const content = contentOf(mail);
  const brand: MailBrand = org
    ? { name: org.name, accentColor: org.branding.accentColor, footer: org.branding.footer, isSeller: true }
    : { name: 'Saldo', isSeller: false };
  return {
    // A subject is one line whatever a name holds.
    subject: content.subject.replace(/\s+/g, ' ').trim(),
    text: renderText(mail.locale, content, brand),
    html: renderHtml(mail.locale, content, brand),
  };
}
