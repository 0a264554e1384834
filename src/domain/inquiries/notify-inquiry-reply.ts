import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import type { Mailer } from '../mail/mail-port.ts';

/**
 * E-mails staff's answer to a customer's question or dispute, in the caller's transaction: to the
 * person who asked (when a customer user opened it) and the account's contacts that receive
 * invoices, each once, in their own language. Recorded in the customer's activity (customer_id).
 */
export async function notifyInquiryReply(
  deps: { mailer: Mailer; publicUrl: string },
  db: Database,
  input: { orgId: string; inquiryId: string; position: number; resolved: boolean },
): Promise<number> {
  const row = await db
    .selectFrom('invoice_inquiries as q')
    .innerJoin('organizations as o', 'o.id', 'q.org_id')
    .innerJoin('customer_accounts as c', (j) =>
      j.onRef('c.org_id', '=', 'q.org_id').onRef('c.id', '=', 'q.customer_id'),
    )
    .innerJoin('invoices as i', (j) =>
      j.onRef('i.org_id', '=', 'q.org_id').onRef('i.id', '=', 'q.invoice_id'),
    )
    .innerJoin('invoice_inquiry_messages as m', (j) =>
      j
        .onRef('m.org_id', '=', 'q.org_id')
        .onRef('m.inquiry_id', '=', 'q.id')
        .on('m.position', '=', input.position),
    )
    .leftJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'q.opened_by_user_id').on('q.opened_by', '=', 'customer'),
    )
    .where('q.org_id', '=', input.orgId)
    .where('q.id', '=', input.inquiryId)
    .select([
      'q.kind',
      'q.resolution',
      'q.customer_id',
      'q.invoice_id',
      'o.name as org_name',
      'o.country',
      'c.name as account_name',
      'c.locale as account_locale',
      'i.number',
      'i.currency',
      'm.body',
      'u.email as opener_email',
      'u.name as opener_name',
      'u.locale as opener_locale',
    ])
    .executeTakeFirst();
  if (!row) return 0;
  const contacts = await db
    .selectFrom('customer_contacts')
    .where('org_id', '=', input.orgId)
    .where('account_id', '=', row.customer_id)
    .where('email', 'is not', null)
    .where((eb) => eb(eb.val('invoices'), '=', eb.fn.any('receives')))
    .select(['name', 'email', 'locale'])
    .orderBy('created_at')
    .execute();
  const recipients = new Map<string, { name: string; locale: Locale }>();
  if (row.opener_email)
    recipients.set(row.opener_email.toLowerCase(), {
      name: row.opener_name ?? '',
      locale: row.opener_locale ?? row.account_locale,
    });
  for (const contact of contacts)
    if (contact.email && !recipients.has(contact.email.toLowerCase()))
      recipients.set(contact.email.toLowerCase(), { name: contact.name, locale: contact.locale });
  for (const [to, who] of recipients)
    await deps.mailer.enqueue(db, {
      orgId: input.orgId,
      to,
      locale: who.locale,
      template: 'inquiry_reply',
      customerId: row.customer_id,
      data: {
        name: who.name,
        orgName: row.org_name,
        accountName: row.account_name,
        country: row.country,
        currency: row.currency,
        invoiceNumber: row.number,
        kind: row.kind,
        reply: row.body,
        resolution: input.resolved ? row.resolution : null,
        url: `${deps.publicUrl}/portal/invoices/${row.invoice_id}`,
      },
    });
  return recipients.size;
}
