import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { compose } from './compose.ts';

/** An invitation to a customer account on a seller's portal. */
export const invitationCustomer: Record<Locale, MailTemplateSources> = {
  es: compose({
    subject: 'Invitación al portal de clientes de {{ org_name }}',
    preheader: 'Consulta y paga en línea las facturas de {{ account_name }}.',
    greeting: 'Hola:',
    paragraphs: [
      '{% if inviter_name != "" %}{{ inviter_name }} te invitó{% else %}Te invitaron{% endif %} a acceder a la cuenta de {{ account_name }} en el portal de clientes de {{ org_name }}, con el rol de {{ role }}.',
      'Desde el portal podrás consultar y descargar tus facturas y estados de cuenta, y pagar en línea de forma segura.',
    ],
    actionLabel: 'Aceptar invitación',
    expiry: 'Esta invitación vence en {{ expires_in }}.',
    linkHint: '¿El botón no funciona? Copia y pega este enlace en tu navegador:',
    closing: ['Si no esperabas esta invitación, puedes ignorar este correo.'],
  }),
  en: compose({
    subject: "You're invited to {{ org_name }}'s customer portal",
    preheader: "View and pay {{ account_name }}'s invoices online.",
    greeting: 'Hello,',
    paragraphs: [
      '{% if inviter_name != "" %}{{ inviter_name }} has invited you{% else %}You\'ve been invited{% endif %} to access the {{ account_name }} account on {{ org_name }}\'s customer portal with the {{ role }} role.',
      'In the portal you can view and download your invoices and statements, and pay online securely.',
    ],
    actionLabel: 'Accept invitation',
    expiry: 'This invitation expires in {{ expires_in }}.',
    linkHint: 'Button not working? Copy and paste this link into your browser:',
    closing: ["If you weren't expecting this invitation, you can ignore this email."],
  }),
};
