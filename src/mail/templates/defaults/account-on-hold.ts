import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { composeCustomerMessage } from './customer-message.ts';

/** The account was placed on hold: new orders wait until what is overdue is paid. */
export const accountOnHold: Record<Locale, MailTemplateSources> = {
  es: composeCustomerMessage({
    subject: 'Tu cuenta con {{ org_name }} está retenida',
    preheader: 'Saldo vencido: {{ amount_due }}.',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    paragraphs: [
      '{{ org_name }} ha retenido la cuenta {{ account_name }}: los pedidos nuevos esperarán hasta que se pague el saldo vencido de {{ amount_due }}.',
      '{% if message != "" %}{{ message }}{% else %}En cuanto recibamos el pago, la cuenta vuelve a quedar activa.{% endif %}',
    ],
    actionLabel: 'Pagar el saldo vencido',
    closing: 'Si crees que es un error, responde a este correo.',
  }),
  en: composeCustomerMessage({
    subject: 'Your account with {{ org_name }} is on hold',
    preheader: 'Overdue balance: {{ amount_due }}.',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    paragraphs: [
      '{{ org_name }} has placed the account {{ account_name }} on hold: new orders will wait until the overdue balance of {{ amount_due }} is paid.',
      '{% if message != "" %}{{ message }}{% else %}As soon as we receive payment, the account is active again.{% endif %}',
    ],
    actionLabel: 'Pay the overdue balance',
    closing: 'If you think this is a mistake, reply to this e-mail.',
  }),
};
