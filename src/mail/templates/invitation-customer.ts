import type { Locale } from '../../db/schema.ts';
import type { MailTemplateData } from '../../domain/mail/mail-port.ts';
import { formatDays } from './durations.ts';
import type { MailContent } from './layout.ts';
import { roleName } from './role-names.ts';

type Data = MailTemplateData['invitation_customer'];

const wording: Record<Locale, (d: Data, role: string, expiresIn: string) => MailContent> = {
  es: (d, role, expiresIn) => {
    const inviter = d.inviterName.trim();
    return {
      subject: `Invitación al portal de clientes de ${d.orgName}`,
      preheader: `Consulta y paga en línea las facturas de ${d.accountName}.`,
      greeting: 'Hola:',
      paragraphs: [
        `${inviter ? `${inviter} te invitó` : 'Te invitaron'} a acceder a la cuenta de ${d.accountName} en el portal de clientes de ${d.orgName}, con el rol de ${role}.`,
        'Desde el portal podrás consultar y descargar tus facturas y estados de cuenta, y pagar en línea de forma segura.',
      ],
      action: { label: 'Aceptar invitación', url: d.url },
      expiry: `Esta invitación vence en ${expiresIn}.`,
      closing: ['Si no esperabas esta invitación, puedes ignorar este correo.'],
    };
  },
  en: (d, role, expiresIn) => {
    const inviter = d.inviterName.trim();
    return {
      subject: `You're invited to ${d.orgName}'s customer portal`,
      preheader: `View and pay ${d.accountName}'s invoices online.`,
      greeting: 'Hello,',
      paragraphs: [
        `${inviter ? `${inviter} has invited you` : "You've been invited"} to access the ${d.accountName} account on ${d.orgName}'s customer portal with the ${role} role.`,
        'In the portal you can view and download your invoices and statements, and pay online securely.',
      ],
      action: { label: 'Accept invitation', url: d.url },
      expiry: `This invitation expires in ${expiresIn}.`,
      closing: ["If you weren't expecting this invitation, you can ignore this email."],
    };
  },
};

export function invitationCustomerContent(locale: Locale, data: Data): MailContent {
  return wording[locale](data, roleName(locale, data.role), formatDays(locale, data.expiresInDays));
}
