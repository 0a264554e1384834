import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { composeCustomerMessage } from './customer-message.ts';

/** Staff answered a customer's question or dispute about an invoice (and maybe resolved it). */
export const inquiryReply: Record<Locale, MailTemplateSources> = {
  es: composeCustomerMessage({
    subject: '{{ org_name }} respondió sobre la factura {{ invoice_number }}',
    preheader: '{% if resolved %}Resuelta: {{ resolution }}.{% else %}Respuesta a {{ kind }}.{% endif %}',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    paragraphs: [
      '{{ org_name }} respondió a {{ kind }} sobre la factura {{ invoice_number }} de {{ account_name }}:',
      '{{ reply }}',
      '{% if resolved %}Con esto quedó resuelta: {{ resolution }}.{% else %}Puedes contestar desde la factura en el portal.{% endif %}',
    ],
    actionLabel: 'Ver la factura',
    closing: 'Gracias.',
  }),
  en: composeCustomerMessage({
    subject: '{{ org_name }} replied about invoice {{ invoice_number }}',
    preheader: '{% if resolved %}Resolved: {{ resolution }}.{% else %}A reply to {{ kind }}.{% endif %}',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    paragraphs: [
      '{{ org_name }} replied to {{ kind }} about invoice {{ invoice_number }} of {{ account_name }}:',
      '{{ reply }}',
      '{% if resolved %}This resolves it: {{ resolution }}.{% else %}You can answer from the invoice in the portal.{% endif %}',
    ],
    actionLabel: 'See the invoice',
    closing: 'Thank you.',
  }),
};
