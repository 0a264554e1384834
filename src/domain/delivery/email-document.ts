import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { createCollectionPayLinks, payLinkDaysOf } from '../collections/create-collection-pay-links.ts';
import { buildCreditMemoDocument } from '../documents/credit-memo-document.ts';
import type { CreditMemoDocumentView, InvoiceDocumentView } from '../documents/document-views.ts';
import { buildInvoiceDocument } from '../documents/invoice-document.ts';
import { AppError } from '../errors.ts';
import type { Mailer } from '../mail/mail-port.ts';
import { listContactsWithEmail } from '../pay-now/pay-now.repository.ts';
import type { DeliveryPreference } from './delivery.repository.ts';
import type { DeliverableType } from './load-e-invoice.ts';

/** What e-mailing a document needs besides the database: the outbox, Saldo's address, the PDF writers. */
export interface EmailDeliveryDeps {
  mailer: Mailer;
  /** Saldo's public address: pay links are `<publicUrl>/pay/<token>`, the portal `<publicUrl>/portal`. */
  publicUrl: string;
  invoicePdf: (view: InvoiceDocumentView) => Promise<Buffer>;
  creditMemoPdf: (view: CreditMemoDocumentView) => Promise<Buffer>;
}

export interface EmailedDocument {
  channel: 'email';
  documentType: DeliverableType;
  documentId: string;
  documentNumber: string;
  recipients: string[];
  pdfAttached: boolean;
  ublAttached: boolean;
}

const DAY_MS = 86_400_000;
/** A document's PDF attachment name: its number with anything but letters, digits, `.`, `_`, `-` as `_`. */
export const pdfAttachmentName = (number: string) => `${number.replace(/[^\p{L}\p{N}._-]+/gu, '_')}.pdf`;

/**
 * E-mails an invoice or credit memo, in the caller's transaction, to each of the customer's contacts
 * who receive invoices (the others are fallbacks should delivery fail for good). An invoice carries
 * its PDF unless the customer asked for the link only, and a pay link for what is left to pay (none
 * when nothing is, or while a payment is on its way: then the PDF goes attached, so the message
 * always shows the document). A credit memo always carries its PDF and links to the portal. A UBL
 * customer that takes its e-invoice by e-mail gets the UBL document attached too (`ubl`). The
 * messages are the customer's (its activity lists them, with their delivery status) and the
 * delivery is audited on the document.
 */
export async function emailDocument(
  deps: EmailDeliveryDeps,
  trx: Transaction<DB>,
  input: {
    orgId: string;
    type: DeliverableType;
    documentId: string;
    customerId: string;
    preference: DeliveryPreference;
    ubl: { fileName: string; content: Buffer } | null;
    actor: Actor;
  },
): Promise<EmailedDocument> {
  const { orgId, customerId } = input;
  const contacts = await listContactsWithEmail(trx, { orgId, customerId });
  const seen = new Set<string>();
  const recipients = contacts.filter(
    (c) => c.receives.includes('invoices') && !seen.has(c.email) && seen.add(c.email),
  );
  if (recipients.length === 0) throw new AppError('no_delivery_recipients');
  const fallbacks = [...new Set(contacts.map((c) => c.email))].filter((e) => !seen.has(e));
  const [org, customer] = await Promise.all([
    trx
      .selectFrom('organizations')
      .select(['name', 'country', 'time_zone'])
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('customer_accounts')
      .select('name')
      .where('org_id', '=', orgId)
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow(),
  ]);
  const base = deps.publicUrl.replace(/\/+$/, '');
  const ublAttachment = input.ubl
    ? [{ filename: input.ubl.fileName, contentType: 'application/xml', content: input.ubl.content }]
    : [];

  let mails: Parameters<Mailer['enqueue']>[1][];
  let number: string;
  let pdfAttached: boolean;
  if (input.type === 'invoice') {
    const view = await buildInvoiceDocument({ db: trx }, { orgId, invoiceId: input.documentId });
    const invoice = await trx
      .selectFrom('invoices')
      .select(['number', 'issue_date', 'due_date', 'total', 'open_amount', 'pending_amount', 'currency'])
      .where('org_id', '=', orgId)
      .where('id', '=', input.documentId)
      .executeTakeFirstOrThrow();
    number = invoice.number;
    let payLinkId: string | null = null;
    let url: string | null = null;
    if (invoice.open_amount > 0n && invoice.pending_amount === 0n) {
      const days = await payLinkDaysOf(trx, orgId);
      const [link] = await createCollectionPayLinks(trx, {
        orgId,
        expiresAt: new Date(Date.now() + days * DAY_MS),
        userId: input.actor.userId ?? null,
        links: [
          {
            customerId,
            currency: invoice.currency.trim(),
            invoices: [{ invoiceId: input.documentId, amount: invoice.open_amount }],
          },
        ],
      });
      payLinkId = link!.id;
      url = `${base}/pay/${link!.token}`;
    }
    pdfAttached = input.preference.emailAttachPdf || url === null;
    const attachments = [
      ...(pdfAttached
        ? [
            {
              filename: pdfAttachmentName(number),
              contentType: 'application/pdf',
              content: await deps.invoicePdf(view),
            },
          ]
        : []),
      ...ublAttachment,
    ];
    mails = recipients.map((r) => ({
      orgId,
      to: r.email,
      locale: r.locale,
      template: 'invoice_delivery' as const,
      data: {
        name: r.name,
        orgName: org.name,
        accountName: customer.name,
        country: org.country,
        currency: invoice.currency.trim(),
        invoice: {
          number: invoice.number,
          issuedOn: invoice.issue_date,
          dueOn: invoice.due_date,
          total: invoice.total,
          open: invoice.open_amount,
        },
        pdfAttached,
        url,
      },
      customerId,
      fallbackAddresses: fallbacks,
      attachments,
      payLinkId,
    }));
  } else {
    const view = await buildCreditMemoDocument({ db: trx }, { orgId, creditMemoId: input.documentId });
    const memo = await trx
      .selectFrom('credit_memos as m')
      .leftJoin('invoices as i', (j) =>
        j.onRef('i.org_id', '=', 'm.org_id').onRef('i.id', '=', 'm.invoice_id'),
      )
      .select([
        'm.number',
        'm.issue_date',
        'm.amount',
        'm.unapplied_amount',
        'm.currency',
        'i.number as invoice_number',
      ])
      .where('m.org_id', '=', orgId)
      .where('m.id', '=', input.documentId)
      .executeTakeFirstOrThrow();
    number = memo.number;
    pdfAttached = true;
    const attachments = [
      {
        filename: pdfAttachmentName(number),
        contentType: 'application/pdf',
        content: await deps.creditMemoPdf(view),
      },
      ...ublAttachment,
    ];
    mails = recipients.map((r) => ({
      orgId,
      to: r.email,
      locale: r.locale,
      template: 'credit_memo_delivery' as const,
      data: {
        name: r.name,
        orgName: org.name,
        accountName: customer.name,
        country: org.country,
        currency: memo.currency.trim(),
        creditMemo: {
          number: memo.number,
          issuedOn: memo.issue_date,
          amount: memo.amount,
          available: memo.unapplied_amount,
          invoiceNumber: memo.invoice_number,
        },
        url: `${base}/portal`,
      },
      customerId,
      fallbackAddresses: fallbacks,
      attachments,
    }));
  }
  for (const mail of mails) await deps.mailer.enqueue(trx, mail);
  await recordAudit(trx, {
    orgId,
    actor: input.actor,
    action: `${input.type}.delivery_queued`,
    entityType: input.type,
    entityId: input.documentId,
    after: {
      channel: 'email',
      recipients: recipients.map((r) => r.email),
      pdfAttached,
      ublAttached: input.ubl !== null,
    },
  });
  return {
    channel: 'email',
    documentType: input.type,
    documentId: input.documentId,
    documentNumber: number,
    recipients: recipients.map((r) => r.email),
    pdfAttached,
    ublAttached: input.ubl !== null,
  };
}
