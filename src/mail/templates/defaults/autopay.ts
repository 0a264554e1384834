import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { type CustomerWording, composeCustomerMessage } from './customer-message.ts';

/** Autopay's messages: the notice before a charge (autopay_upcoming) and the decline (autopay_failed). */
const invoices = (label: string) => ({ label, cells: ['{{ invoice.number }}', '{{ invoice.amount }}'] });

const upcoming: Record<Locale, CustomerWording> = {
  es: {
    subject: 'Pago automático: {{ org_name }} cobrará {{ amount }} el {{ charge_on }}',
    preheader: 'Cobraremos {{ amount }} con {{ method }} el {{ charge_on }}.',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    paragraphs: [
      'El {{ charge_on }}, el pago automático de {{ account_name }} cobrará {{ amount }} con {{ method }} por las facturas de abajo.',
      'Si quieres cambiar algo, pausa o cancela el pago automático en el portal antes de esa fecha. Si pagas estas facturas antes, no se cobrarán otra vez.',
    ],
    invoices: invoices('Facturas que se cobrarán'),
    actionLabel: 'Ver el pago automático en el portal',
    closing: 'Recibirás un recibo cuando se haga el cobro.',
  },
  en: {
    subject: 'Autopay: {{ org_name }} will charge {{ amount }} on {{ charge_on }}',
    preheader: 'We will charge {{ amount }} to {{ method }} on {{ charge_on }}.',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    paragraphs: [
      'On {{ charge_on }}, autopay for {{ account_name }} will charge {{ amount }} to {{ method }} for the invoices below.',
      'To change anything, pause or cancel autopay in the portal before that day. If you pay these invoices first, they will not be charged again.',
    ],
    invoices: invoices('Invoices to be charged'),
    actionLabel: 'View autopay in the portal',
    closing: 'You will receive a receipt once the charge is made.',
  },
};

const failed: Record<Locale, CustomerWording> = {
  es: {
    subject: 'Pago automático: no se pudo cobrar {{ amount }} a {{ account_name }}',
    preheader: '{{ reason }}',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    paragraphs: [
      'El {{ attempted_on }}, el pago automático de {{ account_name }} intentó cobrar {{ amount }} con {{ method }} para {{ org_name }}, y no se pudo: {{ reason }}',
      '{% if next_retry_on != "" %}Lo intentaremos otra vez el {{ next_retry_on }}. No tienes que hacer nada, aunque puedes pagar antes en el portal.{% elsif paused != "" %}El pago automático queda en pausa porque este método ya no se puede usar. Elige otro método en el portal para volver a activarlo; estas facturas no se cobrarán solas: págalas en el portal.{% else %}No lo intentaremos otra vez para estas facturas: págalas en el portal. El pago automático sigue activo para las próximas facturas.{% endif %}',
    ],
    invoices: invoices('Facturas sin pagar'),
    actionLabel: 'Abrir el portal',
    closing: 'Si tienes dudas, responde a {{ org_name }}.',
  },
  en: {
    subject: 'Autopay: we could not charge {{ amount }} for {{ account_name }}',
    preheader: '{{ reason }}',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    paragraphs: [
      'On {{ attempted_on }}, autopay for {{ account_name }} tried to charge {{ amount }} to {{ method }} for {{ org_name }}, and it did not go through: {{ reason }}',
      '{% if next_retry_on != "" %}We will try again on {{ next_retry_on }}. You need not do anything, though you may pay sooner in the portal.{% elsif paused != "" %}Autopay is paused because this method can no longer be used. Choose another method in the portal to turn it back on; these invoices will not be charged on their own: pay them in the portal.{% else %}We will not try again for these invoices: pay them in the portal. Autopay stays on for your next invoices.{% endif %}',
    ],
    invoices: invoices('Invoices still unpaid'),
    actionLabel: 'Open the portal',
    closing: 'Questions? Reply to {{ org_name }}.',
  },
};

export const autopayUpcoming: Record<Locale, MailTemplateSources> = {
  es: composeCustomerMessage(upcoming.es),
  en: composeCustomerMessage(upcoming.en),
};
export const autopayFailed: Record<Locale, MailTemplateSources> = {
  es: composeCustomerMessage(failed.es),
  en: composeCustomerMessage(failed.en),
};
