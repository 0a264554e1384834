import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { composeCustomerMessage } from './customer-message.ts';

/** An invoice sent to the customer: the PDF attached, or a link to see it. */
export const invoiceDelivery: Record<Locale, MailTemplateSources> = {
  es: composeCustomerMessage({
    subject: 'Factura {{ invoice_number }} de {{ org_name }}',
    preheader: 'Total {{ total }}, vence el {{ due_on }}.',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    paragraphs: [
      '{{ org_name }} te envía la factura {{ invoice_number }} de {{ account_name }}, emitida el {{ issued_on }}, por {{ total }}. Vence el {{ due_on }}.',
      '{% if pdf_attached %}La factura va adjunta en PDF.{% else %}Puedes verla y descargarla desde el enlace de abajo.{% endif %}{% if amount_due != total %} Queda por pagar {{ amount_due }}.{% endif %}',
    ],
    actionLabel: 'Ver y pagar la factura',
    closing: 'Gracias por tu preferencia.',
  }),
  en: composeCustomerMessage({
    subject: 'Invoice {{ invoice_number }} from {{ org_name }}',
    preheader: 'Total {{ total }}, due {{ due_on }}.',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    paragraphs: [
      '{{ org_name }} sends you invoice {{ invoice_number }} for {{ account_name }}, issued on {{ issued_on }}, for {{ total }}. It is due on {{ due_on }}.',
      '{% if pdf_attached %}The invoice is attached as a PDF.{% else %}You can view and download it from the link below.{% endif %}{% if amount_due != total %} {{ amount_due }} remains to be paid.{% endif %}',
    ],
    actionLabel: 'View and pay the invoice',
    closing: 'Thank you for your business.',
  }),
};
