import type { Locale } from '../../db/schema.ts';
import type { MailTemplateData } from '../../domain/mail/mail-port.ts';

type Data = MailTemplateData['inquiry_reply'];

const kindWords: Record<Locale, Record<Data['kind'], string>> = {
  es: { question: 'tu consulta', dispute: 'tu disputa' },
  en: { question: 'your question', dispute: 'your dispute' },
};

const resolutionWords: Record<Locale, Record<NonNullable<Data['resolution']>, string>> = {
  es: {
    answered: 'quedó respondida',
    credit_issued: 'se emitió una nota de crédito',
    adjusted: 'se ajustó la factura',
    rejected: 'no procede',
    withdrawn: 'la retiraste',
  },
  en: {
    answered: 'it was answered',
    credit_issued: 'a credit note was issued',
    adjusted: 'the invoice was adjusted',
    rejected: 'it was not upheld',
    withdrawn: 'you withdrew it',
  },
};

/** The variables of a staff answer to a customer's question or dispute (mail-templates.ts lists them). */
export function inquiryReplyVariables(locale: Locale, data: Data) {
  return {
    name: data.name.trim(),
    org_name: data.orgName,
    account_name: data.accountName,
    invoice_number: data.invoiceNumber,
    kind: kindWords[locale][data.kind],
    reply: data.reply,
    resolved: data.resolution !== null,
    resolution: data.resolution ? resolutionWords[locale][data.resolution] : '',
    url: data.url && /^https?:\/\//i.test(data.url) ? data.url : '',
  };
}

export const inquiryReplySampleData: Data = {
  name: 'Ana López',
  orgName: 'Distribuidora del Valle',
  accountName: 'Restaurante La Esquina',
  country: 'MX',
  currency: 'MXN',
  invoiceNumber: 'F-1042',
  kind: 'dispute',
  reply: 'Revisamos la entrega: faltaron dos cajas. Emitimos una nota de crédito por ellas.',
  resolution: 'credit_issued',
  url: 'https://saldo.example/portal/invoices/sample',
};
