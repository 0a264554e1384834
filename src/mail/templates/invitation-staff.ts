import type { Locale } from '../../db/schema.ts';
import type { MailTemplateData } from '../../domain/mail/mail-port.ts';
import { formatDays } from './durations.ts';
import type { MailContent } from './layout.ts';
import { roleName } from './role-names.ts';

type Data = MailTemplateData['invitation_staff'];

const wording: Record<Locale, (d: Data, role: string, expiresIn: string) => MailContent> = {
  es: (d, role, expiresIn) => {
    const inviter = d.inviterName.trim();
    return {
      subject: inviter
        ? `${inviter} te invitó a unirte a ${d.orgName} en Saldo`
        : `Te invitaron a unirte a ${d.orgName} en Saldo`,
      preheader: `Acepta la invitación para empezar a trabajar con el equipo de ${d.orgName}.`,
      greeting: 'Hola:',
      paragraphs: [
        `${inviter ? `${inviter} te invitó` : 'Te invitaron'} a unirte al equipo de ${d.orgName} en Saldo con el rol de ${role}.`,
        `Desde Saldo tendrás acceso a las cuentas por cobrar de ${d.orgName}: facturas, pagos de clientes, recordatorios y estados de cuenta.`,
      ],
      action: { label: 'Aceptar invitación', url: d.url },
      expiry: `Esta invitación vence en ${expiresIn}.`,
      closing: ['Si no esperabas esta invitación, puedes ignorar este correo.'],
    };
  },
  en: (d, role, expiresIn) => {
    const inviter = d.inviterName.trim();
    return {
      subject: inviter
        ? `${inviter} invited you to join ${d.orgName} on Saldo`
        : `You've been invited to join ${d.orgName} on Saldo`,
      preheader: `Accept the invitation to start working with the ${d.orgName} team.`,
      greeting: 'Hello,',
      paragraphs: [
        `${inviter ? `${inviter} has invited you` : "You've been invited"} to join the ${d.orgName} team on Saldo with the ${role} role.`,
        `With Saldo you'll have access to ${d.orgName}'s accounts receivable: invoices, customer payments, reminders and statements.`,
      ],
      action: { label: 'Accept invitation', url: d.url },
      expiry: `This invitation expires in ${expiresIn}.`,
      closing: ["If you weren't expecting this invitation, you can ignore this email."],
    };
  },
};

export function invitationStaffContent(locale: Locale, data: Data): MailContent {
  return wording[locale](data, roleName(locale, data.role), formatDays(locale, data.expiresInDays));
}
