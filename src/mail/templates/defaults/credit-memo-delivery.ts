import type { Locale } from '../../../db/schema.ts';
import type { MailTemplateSources } from '../../../domain/mail/mail-templates.ts';
import { composeCustomerMessage } from './customer-message.ts';

/** A credit memo sent to the customer: the PDF attached (and its UBL credit note when it takes UBL by e-mail). */
export const creditMemoDelivery: Record<Locale, MailTemplateSources> = {
  es: composeCustomerMessage({
    subject: 'Nota de crédito {{ credit_memo_number }} de {{ org_name }}',
    preheader: 'Por {{ amount }}.',
    greeting: 'Hola{% if name != "" %}, {{ name }}{% endif %}:',
    paragraphs: [
      '{{ org_name }} te envía la nota de crédito {{ credit_memo_number }} de {{ account_name }}, emitida el {{ issued_on }}, por {{ amount }}{% if invoice_number != "" %}, sobre la factura {{ invoice_number }}{% endif %}.',
      'La nota de crédito va adjunta en PDF.{% if available != amount %} Quedan {{ available }} por aplicar.{% endif %}',
    ],
    actionLabel: 'Ver mi cuenta',
    closing: 'Gracias por tu preferencia.',
  }),
  en: composeCustomerMessage({
    subject: 'Credit memo {{ credit_memo_number }} from {{ org_name }}',
    preheader: 'For {{ amount }}.',
    greeting: 'Hello{% if name != "" %} {{ name }}{% endif %},',
    paragraphs: [
      '{{ org_name }} sends you credit memo {{ credit_memo_number }} for {{ account_name }}, issued on {{ issued_on }}, for {{ amount }}{% if invoice_number != "" %}, against invoice {{ invoice_number }}{% endif %}.',
      'The credit memo is attached as a PDF.{% if available != amount %} {{ available }} remains to be applied.{% endif %}',
    ],
    actionLabel: 'See my account',
    closing: 'Thank you for your business.',
  }),
};
