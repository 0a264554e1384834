import { sql } from 'kysely';
import { applyToInvoices } from '../../applications/apply-to-invoices.ts';
import { lockInvoice } from '../../invoices/invoices.repository.ts';
import { postEntriesFrom } from '../../ledger/post-entries.ts';
import { MINOR_UNIT_EXPONENTS } from '../../money/exponents.ts';
import type { AppliedCounts, KindImporter, StagingContext } from './kind-importer.ts';

/**
 * Credit memos from the ERP, one row each, upserted by ERP id (the number when the file has none;
 * a memo Saldo has under that number and no ERP id is adopted). New → issued as issueCreditMemo
 * issues it (credit.issued: sales returns up, the customer's credit up) and, when the row names an
 * invoice of the same customer and currency that is still open, applied to it through the
 * applications' own rules (applyToInvoices: as much as the invoice still owes). Identical →
 * unchanged. A changed amount posts `credit.adjusted` for the difference — unless the new amount
 * is below what is already applied: then it is held for review ('amount_below_applied'). Status
 * void reverses the issue entry (credit.voided) while nothing is applied; the memo keeps its
 * amounts, as a reversed payment does, and holds no credit.
 */
const DOCS = 'import_credit_docs';

const exponentRows = () =>
  sql.raw(
    Object.entries(MINOR_UNIT_EXPONENTS)
      .map(([code, ex]) => `('${code}', ${ex})`)
      .join(', '),
  );

async function validate(ctx: StagingContext): Promise<void> {
  const { trx, orgId } = ctx;
  const t = sql.table(ctx.table);
  const D = sql.table(DOCS);
  // A caller's transaction may run more than one import: start from no tables of this importer.
  await sql`drop table if exists ${D}, import_credit_existing, import_credit_entries`.execute(trx);
  await sql`
    create temporary table ${D} on commit drop as
    select t.line, coalesce(t.erp_id, t.number) as doc, t.rejected, t.number, t.customer_erp_id as customer_ref,
           t.invoice_number, t.issue_date, t.amount as amount_given, t.reason, coalesce(t.status, 'open') as status,
           coalesce(c1.id, c2.id) as customer_id,
           coalesce(t.currency, trim(coalesce(c1.currency, c2.currency))) as cur,
           coalesce(m1.id, m2.id) as existing_id,
           null::integer as ex, null::numeric as amount, null::uuid as invoice_id,
           row_number() over (partition by coalesce(t.erp_id, t.number) order by t.line) as nth_doc,
           row_number() over (partition by t.number order by t.line) as nth_number
      from ${t} t
      left join customer_accounts c1 on c1.org_id = ${orgId} and c1.erp_id = t.customer_erp_id
      left join customer_accounts c2 on c2.org_id = ${orgId} and c2.account_number = t.customer_erp_id
        and c1.id is null
      left join credit_memos m1 on m1.org_id = ${orgId} and m1.erp_id = coalesce(t.erp_id, t.number)
      left join credit_memos m2 on m2.org_id = ${orgId} and m2.number = t.number and m2.erp_id is null
        and m1.id is null`.execute(trx);
  await sql`
    update ${D} d
       set ex = coalesce((select x.ex from (values ${exponentRows()}) x(code, ex) where x.code = d.cur), 2)`.execute(
    trx,
  );
  await sql`
    update ${D} d set amount = d.amount_given * 10::numeric ^ d.ex,
           invoice_id = (select i.id from invoices i where i.org_id = ${orgId} and i.number = d.invoice_number)`.execute(
    trx,
  );
  await sql`
    create temporary table import_credit_existing on commit drop as
    select m.id, m.number, m.erp_id, m.customer_id, trim(m.currency) as currency, m.status, m.amount,
           m.unapplied_amount, m.issue_date, m.reason, m.invoice_id
      from credit_memos m
     where m.org_id = ${orgId} and m.id in (select existing_id from ${D} where existing_id is not null)
     order by m.id
       for update`.execute(trx);

  await sql`
    insert into import_errors_stage (line, field, code, params)
    select d.line, v.field, v.code, v.params
      from ${D} d
      left join import_credit_existing e on e.id = d.existing_id
      left join invoices i on i.org_id = ${orgId} and i.id = d.invoice_id
      cross join lateral (values
        (d.customer_id is null, 'customer_erp_id', 'unknown_customer', jsonb_build_object('customer', d.customer_ref)),
        (d.amount <> round(d.amount), 'amount', 'too_precise', jsonb_build_object('digits', d.ex)),
        (d.amount <= 0, 'amount', 'amount_not_positive', jsonb_build_object('number', d.number)),
        (d.amount > 1e15, 'amount', 'too_large', '{}'::jsonb),
        (d.invoice_number is not null and d.invoice_id is null, 'invoice_number', 'unknown_invoice',
           jsonb_build_object('number', d.invoice_number)),
        (i.customer_id <> d.customer_id, 'invoice_number', 'invoice_other_customer', jsonb_build_object('number', i.number)),
        (trim(i.currency) <> d.cur, 'invoice_number', 'invoice_currency_differs',
           jsonb_build_object('number', i.number, 'invoiceCurrency', trim(i.currency), 'currency', d.cur)),
        (exists (select 1 from credit_memos n where n.org_id = ${orgId} and n.number = d.number
                   and n.id is distinct from d.existing_id), 'number', 'duplicate_number',
           jsonb_build_object('number', d.number)),
        (d.nth_doc > 1 or d.nth_number > 1, 'number', 'duplicate_in_file', jsonb_build_object('number', d.number)),
        (e.customer_id <> d.customer_id, 'customer_erp_id', 'credit_memo_customer_changed',
           jsonb_build_object('number', d.number)),
        (e.currency <> d.cur, 'currency', 'credit_memo_currency_changed', jsonb_build_object('number', d.number)),
        (e.status = 'void' and d.status = 'open', 'status', 'credit_memo_void', jsonb_build_object('number', d.number)),
        (e.status = 'open' and d.status = 'void' and e.unapplied_amount <> e.amount, 'status',
           'credit_memo_has_applications', jsonb_build_object('number', d.number))
      ) v(bad, field, code, params)
     where not d.rejected and coalesce(v.bad, false)`.execute(trx);
  await sql`
    update ${D} d set rejected = true
     where not d.rejected and d.line in (select line from import_errors_stage)`.execute(trx);
  await sql`
    update ${t} t set rejected = true
      from ${D} d where d.line = t.line and d.rejected and not t.rejected`.execute(trx);
}

async function apply(ctx: StagingContext): Promise<AppliedCounts> {
  const { trx, orgId, importId } = ctx;
  const userId = ctx.actor.userId ?? null;
  const D = sql.table(DOCS);
  await sql`alter table ${D} add column action text, add column new_id uuid`.execute(trx);
  await sql`
    update ${D} d set action = case
        when d.status = 'void' then case when e.status = 'open' then 'void' else 'unchanged' end
        when e.id is null then 'create'
        when e.number = d.number and e.amount = d.amount and e.issue_date = d.issue_date
         and e.reason is not distinct from d.reason and e.erp_id is not distinct from d.doc
         and e.invoice_id is not distinct from d.invoice_id then 'unchanged'
        when d.amount < e.amount - e.unapplied_amount then 'flag'
        else 'update' end,
      new_id = case when e.id is null and d.status = 'open' then uuidv7() end
      from ${D} d2 left join import_credit_existing e on e.id = d2.existing_id
     where d2.line = d.line and not d.rejected`.execute(trx);

  await sql`
    insert into import_reviews (org_id, id, import_id, kind, document_id, erp_id, reason, params)
    select ${orgId}, uuidv7(), ${importId}, 'credit_memo', e.id, d.doc, 'amount_below_applied',
           jsonb_build_object('number', d.number, 'currency', d.cur, 'amount', d.amount::bigint::text,
             'applied', (e.amount - e.unapplied_amount)::text)
      from ${D} d join import_credit_existing e on e.id = d.existing_id
     where d.action = 'flag'
       and not exists (select 1 from import_reviews r where r.org_id = ${orgId} and r.document_id = e.id
                         and r.reason = 'amount_below_applied' and r.status = 'open'
                         and r.params ->> 'amount' = d.amount::bigint::text)`.execute(trx);
  await sql`
    update ${D} set action = 'unchanged'
     where action = 'flag' and existing_id not in (
       select document_id from import_reviews where org_id = ${orgId} and import_id = ${importId})`.execute(
    trx,
  );

  // Entries: issued (new), adjusted (amount changed), voided (the issue reversed).
  await sql`
    create temporary table import_credit_entries on commit drop as
    select uuidv7() as entry_id, s.*, null::uuid as invoice_id, 'sales_returns' as debit,
           'customer_credits' as credit from (
      select d.new_id as credit_memo_id, d.customer_id, d.cur as currency, d.amount::bigint as amount,
             d.number as memo, 'credit.issued' as kind
        from ${D} d where d.action = 'create'
      union all
      select e.id, e.customer_id, e.currency, (d.amount::bigint - e.amount), d.number, 'credit.adjusted'
        from ${D} d join import_credit_existing e on e.id = d.existing_id
       where d.action = 'update' and d.amount <> e.amount
      union all
      select e.id, e.customer_id, e.currency, -e.amount, d.number, 'credit.voided'
        from ${D} d join import_credit_existing e on e.id = d.existing_id where d.action = 'void'
    ) s`.execute(trx);

  await sql`
    insert into credit_memos (org_id, id, customer_id, number, erp_id, invoice_id, issue_date, currency,
                              amount, unapplied_amount, reason, created_by)
    select ${orgId}, d.new_id, d.customer_id, d.number, d.doc, d.invoice_id, d.issue_date, d.cur,
           d.amount::bigint, d.amount::bigint, d.reason, ${userId}
      from ${D} d where d.action = 'create' order by d.line`.execute(trx);
  await sql`
    update credit_memos m
       set number = d.number, erp_id = d.doc, issue_date = d.issue_date, reason = d.reason,
           invoice_id = d.invoice_id, amount = d.amount::bigint,
           unapplied_amount = m.unapplied_amount + (d.amount::bigint - m.amount)
      from ${D} d where d.action = 'update' and m.org_id = ${orgId} and m.id = d.existing_id`.execute(trx);
  await sql`
    update credit_memos m set status = 'void', voided_at = now()
      from ${D} d where d.action = 'void' and m.org_id = ${orgId} and m.id = d.existing_id`.execute(trx);
  await postEntriesFrom(trx, { orgId, table: 'import_credit_entries', createdBy: userId });
  await sql`
    insert into audit_log (org_id, id, actor_user_id, actor_api_key_id, action, entity_type, entity_id,
                           before, after, request_id, ip)
    select ${orgId}, uuidv7(), ${userId}, ${ctx.actor.apiKeyId ?? null},
           case d.action when 'create' then 'credit_memo.issued' when 'update' then 'credit_memo.updated'
                         else 'credit_memo.voided' end,
           'credit_memo', coalesce(d.new_id, d.existing_id)::text,
           case when d.action = 'create' then null else jsonb_build_object('status', e.status, 'amount', e.amount::text) end,
           jsonb_build_object('number', d.number, 'amount', d.amount::bigint::text, 'currency', d.cur,
             'invoiceId', d.invoice_id, 'reason', d.reason, 'importId', ${importId}::text),
           ${ctx.actor.requestId ?? null}, ${ctx.actor.ip ?? null}::inet
      from ${D} d left join import_credit_existing e on e.id = d.existing_id
     where d.action in ('create', 'update', 'void')`.execute(trx);

  // A new memo against an open invoice is applied to it: as much as the invoice still owes when
  // its turn comes (two memos of the file may credit one invoice), in the file's order.
  const { rows: toApply } = await sql<{
    id: string;
    customer_id: string;
    cur: string;
    invoice_id: string;
    amount: bigint;
  }>`
    select d.new_id as id, d.customer_id, d.cur, d.invoice_id, d.amount::bigint as amount
      from ${D} d where d.action = 'create' and d.invoice_id is not null
     order by d.line`.execute(trx);
  for (const memo of toApply) {
    const invoice = await lockInvoice(trx, { orgId, invoiceId: memo.invoice_id });
    const owed = invoice && invoice.status === 'open' ? invoice.openAmount - invoice.pendingAmount : 0n;
    if (owed <= 0n) continue;
    const amount = memo.amount < owed ? memo.amount : owed;
    await applyToInvoices(
      trx,
      orgId,
      {
        kind: 'credit',
        id: memo.id,
        customerId: memo.customer_id,
        currency: memo.cur,
        available: memo.amount,
      },
      [{ invoiceId: memo.invoice_id, amount }],
      userId,
    );
  }

  const { rows } = await sql<Omit<AppliedCounts, 'sums'>>`
    select count(*)::int as documents, (count(*) filter (where rejected))::int as rejected,
           (count(*) filter (where action = 'create'))::int as created,
           (count(*) filter (where action = 'update'))::int as updated,
           (count(*) filter (where action = 'unchanged'))::int as unchanged,
           (count(*) filter (where action = 'flag'))::int as flagged,
           (count(*) filter (where action = 'void'))::int as voided
      from ${D}`.execute(trx);
  const { rows: sums } = await sql<{ currency: string; amount: string }>`
    select cur as currency, sum(amount)::bigint::text as amount from ${D}
     where action in ('create', 'update') group by cur order by cur`.execute(trx);
  return { ...rows[0]!, sums };
}

export const creditMemosImporter: KindImporter = { kind: 'credit_memos', validate, apply };
