import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import { orgToday } from '../customers/balances.ts';
import type { MailPreviewContext } from './mail-templates.ts';

/**
 * The templates editor's reads beside mail_templates: how often each of a seller's templates
 * was used (its messages in the outbox, test sends and fallback copies left out) and when last,
 * and the real case a preview is written for.
 */
export interface MailTemplateUsage {
  key: string;
  locale: Locale;
  count: number;
  lastUsedAt: Date | null;
}

export async function mailTemplateUsage(db: Database, orgId: string): Promise<MailTemplateUsage[]> {
  const rows = await db
    .selectFrom('mail_messages')
    .select([
      'template',
      'locale',
      sql<string>`count(*)`.as('count'),
      sql<Date>`max(created_at)`.as('last_used_at'),
    ])
    .where('org_id', '=', orgId)
    .where('is_test', '=', false)
    .where('fallback_of', 'is', null)
    .groupBy(['template', 'locale'])
    .execute();
  return rows.map((row) => ({
    key: row.template,
    locale: row.locale,
    count: Number(row.count),
    lastUsedAt: row.last_used_at,
  }));
}

/** Who saved each version: the staff member's name or e-mail. */
export async function versionAuthors(db: Database, userIds: string[]): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', 'in', userIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name.trim() || row.email]));
}

/**
 * The seller, the staff member and (when chosen) the customer a preview is written for, with its
 * open invoices oldest due first. Undefined when the customer is not this seller's.
 */
export async function loadMailPreviewContext(
  db: Database,
  input: { orgId: string; userId: string; customerId: string | null; publicUrl: string },
): Promise<MailPreviewContext | undefined> {
  const org = await db
    .selectFrom('organizations')
    .select(['name', 'country', 'branding', orgToday(input.orgId).as('today')])
    .where('id', '=', input.orgId)
    .executeTakeFirstOrThrow();
  const user = await db
    .selectFrom('users')
    .select(['name', 'email'])
    .where('id', '=', input.userId)
    .executeTakeFirstOrThrow();
  const { accentColor, footer } = org.branding ?? {};
  const context: MailPreviewContext = {
    org: {
      name: org.name,
      country: org.country,
      branding: {
        ...(typeof accentColor === 'string' ? { accentColor } : {}),
        ...(typeof footer === 'string' ? { footer } : {}),
      },
    },
    recipient: { name: user.name, email: user.email },
    customer: null,
    today: String(org.today).slice(0, 10),
    publicUrl: input.publicUrl,
  };
  if (!input.customerId) return context;
  const customer = await db
    .selectFrom('customer_accounts')
    .select(['id', 'name', 'account_number', 'currency', 'hold_message'])
    .where('org_id', '=', input.orgId)
    .where('id', '=', input.customerId)
    .executeTakeFirst();
  if (!customer) return undefined;
  const contact = await db
    .selectFrom('customer_contacts')
    .select(['name'])
    .where('org_id', '=', input.orgId)
    .where('account_id', '=', customer.id)
    .where('email', 'is not', null)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  const invoices = await db
    .selectFrom('invoices')
    .select(['number', 'issue_date', 'due_date', 'total', 'open_amount'])
    .where('org_id', '=', input.orgId)
    .where('customer_id', '=', customer.id)
    .where('status', '=', 'open')
    .where('open_amount', '>', 0n)
    .orderBy('due_date')
    .orderBy('number')
    .limit(20)
    .execute();
  return {
    ...context,
    // The preview greets the customer's first contact, as its messages would.
    recipient: { name: contact?.name ?? '', email: user.email },
    customer: {
      name: customer.name,
      accountNumber: customer.account_number,
      currency: customer.currency,
      holdMessage: customer.hold_message,
      openInvoices: invoices.map((row) => ({
        number: row.number,
        issuedOn: String(row.issue_date).slice(0, 10),
        dueOn: String(row.due_date).slice(0, 10),
        total: BigInt(row.total),
        open: BigInt(row.open_amount),
      })),
    },
  };
}
