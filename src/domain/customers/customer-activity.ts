import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { customerExists } from './customers.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface ActivityItem {
  /**
   * The business date ('YYYY-MM-DD'): an invoice's issue date, a payment's received date, a credit
   * memo's date for the entry that created the document; for everything else the seller's calendar
   * day on which it happened. Activity is ordered by it, newest first.
   */
  date: string;
  /** When it was recorded. */
  at: Date;
  action: string;
  actor: { name: string } | null;
  entityType: string;
  entityId: string;
  /** A short, language-neutral description: a document's number, a hold's reason, a contact's name. */
  summary: string;
}

interface ActivityRow {
  date: string;
  at: Date;
  action: string;
  actor_name: string | null;
  entity_type: string;
  entity_id: string;
  document_number: string | null;
  after: Record<string, unknown> | null;
  before: Record<string, unknown> | null;
}

function summarize(row: ActivityRow): string {
  if (row.document_number) return row.document_number;
  const after = row.after ?? {};
  const before = row.before ?? {};
  if (row.action === 'customer_account.hold_placed') return String(after.holdReason ?? '');
  if (row.action === 'customer_account.hold_released') return String(after.reason ?? '');
  if (row.action.startsWith('customer_contact.')) return String(after.name ?? before.name ?? '');
  if (row.action === 'customer_account.updated') return Object.keys(after).join(', ');
  if (row.action === 'customer_account.created') return String(after.account_number ?? '');
  return '';
}

/** The audit entries that create a document, whose business date is the document's own date. */
const CREATING = ['invoice.created', 'payment.recorded', 'credit_memo.issued'];

/**
 * What happened to a customer, newest business date first (then newest recorded first): its own
 * audit entries and those of its invoices, payments and credit memos (each reached through
 * audit_log_entity_idx). Null when the customer is not the seller's.
 */
export async function customerActivity(
  deps: { db: Db },
  input: { orgId: string; customerId: string; page: number; pageSize: number },
): Promise<{ items: ActivityItem[]; total: number } | null> {
  const { db } = deps;
  const { orgId, customerId } = input;
  if (!(await customerExists(db, input))) return null;
  const entries = sql`(
    select a.*, null::text as document_number, null::date as document_date from audit_log a
     where a.org_id = ${orgId} and a.entity_type = 'customer_account' and a.entity_id = ${customerId}
    union all
    select a.*, d.number, d.issue_date from invoices d
      join audit_log a on a.org_id = d.org_id and a.entity_type = 'invoice' and a.entity_id = d.id::text
     where d.org_id = ${orgId} and d.customer_id = ${customerId}
    union all
    select a.*, d.number, d.received_on from payments d
      join audit_log a on a.org_id = d.org_id and a.entity_type = 'payment' and a.entity_id = d.id::text
     where d.org_id = ${orgId} and d.customer_id = ${customerId}
    union all
    select a.*, d.number, d.issue_date from credit_memos d
      join audit_log a on a.org_id = d.org_id and a.entity_type = 'credit_memo' and a.entity_id = d.id::text
     where d.org_id = ${orgId} and d.customer_id = ${customerId}
  )`;
  const [{ rows }, { rows: counted }] = await Promise.all([
    sql<ActivityRow>`
      with dated as (
        select e.*,
               case when e.action = any(${CREATING}::text[]) and e.document_date is not null
                    then e.document_date
                    else (e.at at time zone o.time_zone)::date end as business_date
          from ${entries} e
          join organizations o on o.id = e.org_id
      )
      select e.business_date::text as date, e.at, e.action, coalesce(u.name, k.name) as actor_name, e.entity_type, e.entity_id,
             e.document_number, e.after, e.before
        from dated e
        left join users u on u.id = e.actor_user_id
        left join api_keys k on k.org_id = e.org_id and k.id = e.actor_api_key_id
       order by e.business_date desc, e.at desc, e.id desc
       limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from ${entries} e`.execute(db),
  ]);
  return {
    items: rows.map((r) => ({
      date: r.date,
      at: r.at,
      action: r.action,
      actor: r.actor_name === null ? null : { name: r.actor_name },
      entityType: r.entity_type,
      entityId: r.entity_id,
      summary: summarize(r),
    })),
    total: counted[0]?.n ?? 0,
  };
}
