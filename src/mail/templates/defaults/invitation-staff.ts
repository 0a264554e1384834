import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { compose } from './compose.ts';

/** An invitation to join a seller's staff. */
export const invitationStaff: Record<Locale, MailTemplateSources> = {
  es: compose({
    subject:
      '{% if inviter_name != "" %}{{ inviter_name }} te invitó a unirte a {{ org_name }} en Saldo{% else %}Te invitaron a unirte a {{ org_name }} en Saldo{% endif %}',
    preheader: 'Acepta la invitación para empezar a trabajar con el equipo de {{ org_name }}.',
    greeting: 'Hola:',
    paragraphs: [
      '{% if inviter_name != "" %}{{ inviter_name }} te invitó{% else %}Te invitaron{% endif %} a unirte al equipo de {{ org_name }} en Saldo con el rol de {{ role }}.',
      'Desde Saldo tendrás acceso a las cuentas por cobrar de {{ org_name }}: facturas, pagos de clientes, recordatorios y estados de cuenta.',
    ],
    actionLabel: 'Aceptar invitación',
    expiry: 'Esta invitación vence en {{ expires_in }}.',
    linkHint: '¿El botón no funciona? Copia y pega este enlace en tu navegador:',
    closing: ['Si no esperabas esta invitación, puedes ignorar este correo.'],
  }),
  en: compose({
    subject:
      '{% if inviter_name != "" %}{{ inviter_name }} invited you to join {{ org_name }} on Saldo{% else %}You\'ve been invited to join {{ org_name }} on Saldo{% endif %}',
    preheader: 'Accept the invitation to start working with the {{ org_name }} team.',
    greeting: 'Hello,',
    paragraphs: [
      '{% if inviter_name != "" %}{{ inviter_name }} has invited you{% else %}You\'ve been invited{% endif %} to join the {{ org_name }} team on Saldo with the {{ role }} role.',
      "With Saldo you'll have access to {{ org_name }}'s accounts receivable: invoices, customer payments, reminders and statements.",
    ],
    actionLabel: 'Accept invitation',
    expiry: 'This invitation expires in {{ expires_in }}.',
    linkHint: 'Button not working? Copy and paste this link into your browser:',
    closing: ["If you weren't expecting this invitation, you can ignore this email."],
  }),
};
