import type { Locale } from '../../db/schema.ts';
import type { MailTemplateData, OutgoingMail } from '../../domain/mail/mail-port.ts';
import type { MailTemplateKey } from '../../domain/mail/mail-templates.ts';
import { formatDays, formatMinutes } from './durations.ts';
import { roleName } from './role-names.ts';

/** What a message renders from: the subject's words chosen here, so templates stay plain Liquid. */
export type MailVariables = Record<string, string>;

function webLink(url: string): string {
  if (!/^https?:\/\//i.test(url)) throw new Error('Mail links must be http(s) URLs');
  return url;
}

/**
 * A message's data as its template's variables (domain/mail/mail-templates.ts lists them): names
 * trimmed, the role and the expiry in the message's language, links checked to be http(s).
 */
export function mailVariables(mail: OutgoingMail): MailVariables {
  const { locale } = mail;
  switch (mail.template) {
    case 'invitation_staff':
      return invitationVariables(locale, mail.data);
    case 'invitation_customer':
      return { ...invitationVariables(locale, mail.data), account_name: mail.data.accountName };
    case 'password_reset':
      return {
        name: mail.data.name.trim(),
        url: webLink(mail.data.url),
        expires_in: formatMinutes(locale, mail.data.expiresInMinutes),
      };
  }
}

function invitationVariables(locale: Locale, data: MailTemplateData['invitation_staff']): MailVariables {
  return {
    inviter_name: data.inviterName.trim(),
    org_name: data.orgName,
    role: roleName(locale, data.role),
    url: webLink(data.url),
    expires_in: formatDays(locale, data.expiresInDays),
  };
}

/** Data a template is tried with before a version is kept (and shown by a preview without a real case). */
export const sampleData: { [K in MailTemplateKey]: MailTemplateData[K] } = {
  invitation_staff: {
    inviterName: 'Ana López',
    orgName: 'Distribuidora del Valle',
    role: 'ar_agent',
    url: 'https://saldo.example/invitations/sample',
    expiresInDays: 7,
  },
  invitation_customer: {
    inviterName: 'Ana López',
    orgName: 'Distribuidora del Valle',
    accountName: 'Restaurante La Esquina',
    role: 'payer',
    url: 'https://saldo.example/invitations/sample',
    expiresInDays: 7,
  },
  password_reset: { name: 'Ana', url: 'https://saldo.example/reset-password/sample', expiresInMinutes: 60 },
};
