import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { composeCustomerMessage } from './customer-message.ts';

/**
 * One dunning step. The same template serves every step: the wording follows `days_from_due`
 * (before the due date a friendly heads-up, on it a note, after it a reminder that grows firmer).
 */
export const reminder: Record<Locale, MailTemplateSources> = {
  es: composeCustomerMessage({
    subject:
      '{% if days_from_due < 0 %}Recordatorio: {{ amount_due }} {{ due_phrase }}{% elsif days_from_due == 0 %}Hoy vence tu pago a {{ org_name }}{% else %}Pago pendiente con {{ org_name }}: {{ amount_due }}{% endif %}',
    preheader: '{{ account_name }}: {{ amount_due }}, {{ due_phrase }}.',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    paragraphs: [
      '{% if days_from_due < 0 %}Te recordamos que las facturas de {{ account_name }} con {{ org_name }} por {{ amount_due }} {{ due_phrase }}.{% elsif days_from_due == 0 %}Las facturas de {{ account_name }} con {{ org_name }} por {{ amount_due }} vencen hoy.{% else %}Aún no hemos recibido el pago de las facturas de {{ account_name }} por {{ amount_due }}: la más antigua {{ due_phrase }}.{% endif %}',
      'Si ya pagaste, gracias, y no hagas caso de este mensaje.',
    ],
    invoices: {
      label: 'Facturas',
      cells: ['{{ invoice.number }}', 'vence el {{ invoice.due_on }}', '{{ invoice.amount }}'],
    },
    actionLabel: 'Pagar ahora',
    closing: 'Si tienes dudas sobre estas facturas, responde a este correo.',
  }),
  en: composeCustomerMessage({
    subject:
      '{% if days_from_due < 0 %}Reminder: {{ amount_due }} {{ due_phrase }}{% elsif days_from_due == 0 %}Your payment to {{ org_name }} is due today{% else %}Payment overdue with {{ org_name }}: {{ amount_due }}{% endif %}',
    preheader: '{{ account_name }}: {{ amount_due }}, {{ due_phrase }}.',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    paragraphs: [
      "{% if days_from_due < 0 %}A friendly reminder that {{ account_name }}'s invoices with {{ org_name }} for {{ amount_due }} are {{ due_phrase }}.{% elsif days_from_due == 0 %}{{ account_name }}'s invoices with {{ org_name }} for {{ amount_due }} are due today.{% else %}We have not yet received payment of {{ account_name }}'s invoices for {{ amount_due }}: the oldest is {{ due_phrase }}.{% endif %}",
      'If you have already paid, thank you, and please disregard this message.',
    ],
    invoices: {
      label: 'Invoices',
      cells: ['{{ invoice.number }}', 'due {{ invoice.due_on }}', '{{ invoice.amount }}'],
    },
    actionLabel: 'Pay now',
    closing: 'Questions about these invoices? Reply to this e-mail.',
  }),
};
