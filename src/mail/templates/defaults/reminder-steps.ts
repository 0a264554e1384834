import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { composeCustomerMessage } from './customer-message.ts';

/**
 * The dunning steps' other two templates (reminder.ts holds the one for the due date and after):
 * a friendly heads-up before the due date, and the last notice once the sequence ends.
 */
export const reminderUpcoming: Record<Locale, MailTemplateSources> = {
  es: composeCustomerMessage({
    subject: 'Próximo vencimiento con {{ org_name }}: {{ amount_due }}',
    preheader: '{{ account_name }}: {{ amount_due }}, {{ due_phrase }}.',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    paragraphs: [
      'Te avisamos con tiempo: las facturas de {{ account_name }} con {{ org_name }} por {{ amount_due }} {{ due_phrase }}.',
      'Puedes pagarlas desde ahora con el botón de abajo. Si ya programaste el pago, gracias.',
    ],
    invoices: {
      label: 'Facturas',
      cells: ['{{ invoice.number }}', 'vence el {{ invoice.due_on }}', '{{ invoice.amount }}'],
    },
    actionLabel: 'Pagar ahora',
    closing: 'Si tienes dudas sobre estas facturas, responde a este correo.',
  }),
  en: composeCustomerMessage({
    subject: 'Coming due with {{ org_name }}: {{ amount_due }}',
    preheader: '{{ account_name }}: {{ amount_due }}, {{ due_phrase }}.',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    paragraphs: [
      "A heads-up: {{ account_name }}'s invoices with {{ org_name }} for {{ amount_due }} are {{ due_phrase }}.",
      'You can pay them now with the button below. If the payment is already scheduled, thank you.',
    ],
    invoices: {
      label: 'Invoices',
      cells: ['{{ invoice.number }}', 'due {{ invoice.due_on }}', '{{ invoice.amount }}'],
    },
    actionLabel: 'Pay now',
    closing: 'Questions about these invoices? Reply to this e-mail.',
  }),
};

export const reminderFinal: Record<Locale, MailTemplateSources> = {
  es: composeCustomerMessage({
    subject: 'Aviso final: {{ amount_due }} vencido con {{ org_name }}',
    preheader: '{{ account_name }}: {{ amount_due }}, {{ due_phrase }}.',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    paragraphs: [
      'Pese a nuestros recordatorios, las facturas de {{ account_name }} por {{ amount_due }} siguen sin pagarse: la más antigua {{ due_phrase }}.',
      'Te pedimos pagarlas o ponerte en contacto con nosotros cuanto antes, para evitar que la cuenta quede en retención de crédito.',
    ],
    invoices: {
      label: 'Facturas vencidas',
      cells: ['{{ invoice.number }}', 'venció el {{ invoice.due_on }}', '{{ invoice.amount }}'],
    },
    actionLabel: 'Pagar ahora',
    closing: 'Si ya pagaste o hay un problema con alguna factura, responde a este correo.',
  }),
  en: composeCustomerMessage({
    subject: 'Final notice: {{ amount_due }} overdue with {{ org_name }}',
    preheader: '{{ account_name }}: {{ amount_due }}, {{ due_phrase }}.',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    paragraphs: [
      "Despite our reminders, {{ account_name }}'s invoices for {{ amount_due }} remain unpaid: the oldest is {{ due_phrase }}.",
      'Please pay them or contact us as soon as possible, so that the account is not placed on credit hold.',
    ],
    invoices: {
      label: 'Overdue invoices',
      cells: ['{{ invoice.number }}', 'due {{ invoice.due_on }}', '{{ invoice.amount }}'],
    },
    actionLabel: 'Pay now',
    closing: 'If you have already paid or there is a problem with an invoice, reply to this e-mail.',
  }),
};
