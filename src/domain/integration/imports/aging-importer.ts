import { sql } from 'kysely';
import type { KindImporter } from './kind-importer.ts';
import {
  addErrors,
  amountParams,
  amountProblem,
  customerByRef,
  documentCounts,
  flagDuplicates,
  flagUnknownCustomers,
  lockKind,
  minorOf,
  rejectErrored,
  requireFields,
  rows,
  run,
  staged,
} from './staging-sql.ts';

/**
 * The ERP's aging report (its open items), reconciled against Saldo's: nothing is applied. Each
 * document of the file is found in Saldo by number (else ERP id) — an invoice's open amount, a
 * credit memo's or a payment's unapplied amount (the ERP may write those negative: compared by
 * size) — and compared: missing in Saldo (`missing_in_saldo`, unless the ERP has nothing open on
 * it either), another customer's (`customer_differs`), another currency (`currency_differs`),
 * another open amount (`open_amount_differs`). Then Saldo's open documents of the customers the
 * file lists, of the document types it lists, that the file does not name are `open_in_saldo_only`
 * (the ERP has nothing open on them). Each difference is one import_reviews row (kind 'aging';
 * params: number, type, currency, erpOpen and saldoOpen in minor units as decimal strings, the
 * currencies when they differ); the same open difference is not listed twice, and an open
 * difference of a document that now matches is resolved. Counts: unchanged = matching documents,
 * flagged = differences. correct-aging-difference.ts corrects what the ERP shows as paid.
 */

const compared = 'import_aging_compared';

export const agingImporter: KindImporter = {
  kind: 'aging',

  async validate(ctx) {
    await lockKind(ctx, 'aging');
    const s = staged(ctx);
    await requireFields(ctx, ['customer_erp_id', 'document_number', 'open_amount']);
    await rejectErrored(ctx);
    await flagUnknownCustomers(ctx);
    await rejectErrored(ctx);
    await flagDuplicates(
      ctx,
      sql`coalesce(s.document_type, 'invoice') || ' ' || s.document_number`,
      'document_number',
    );
    await rejectErrored(ctx);
    const currency = sql`coalesce(s.currency, c.currency::text)`;
    const problem = amountProblem(sql`s.open_amount`, currency, 'any');
    await addErrors(
      ctx,
      sql`select x.line, 'open_amount', x.problem, x.params from (
            select s.line, ${problem} as problem, ${amountParams(problem, currency)} as params
              from ${s} s
              join customer_accounts c on c.org_id = ${ctx.orgId} and c.id = ${customerByRef(ctx, sql`s.customer_erp_id`)}
             where not s.rejected) x
           where x.problem is not null`,
    );
    await rejectErrored(ctx);
  },

  async apply(ctx) {
    const org = sql`${ctx.orgId}::uuid`;
    await run(ctx, sql`drop table if exists ${sql.table(compared)}`);
    // Each accepted row with Saldo's document of that type and number, if any.
    await run(
      ctx,
      sql`create temporary table ${sql.table(compared)} on commit drop as
          select r.*, coalesce(r.currency, r.doc_currency, r.customer_currency) as erp_currency,
                 abs(${minorOf(sql`r.open_amount`, sql`coalesce(r.currency, r.doc_currency, r.customer_currency)`)})::bigint
                   as erp_open
            from (
              select s.line, s.document_number, coalesce(s.document_type, 'invoice') as type, s.currency,
                     s.open_amount, c.id as customer_id, c.currency::text as customer_currency,
                     d.id as doc_id, d.number as doc_number, d.customer_id as doc_customer_id,
                     d.currency as doc_currency, d.open as saldo_open
                from ${staged(ctx)} s
                join customer_accounts c on c.org_id = ${org} and c.id = ${customerByRef(ctx, sql`s.customer_erp_id`)}
                left join lateral (select u.* from (
                  select i.id, i.number, i.customer_id, i.currency::text as currency,
                         case when i.status = 'open' then i.open_amount else 0 end as open
                    from invoices i
                   where coalesce(s.document_type, 'invoice') = 'invoice' and i.org_id = ${org}
                     and (i.number = s.document_number or i.erp_id = s.document_number)
                  union all
                  select m.id, m.number, m.customer_id, m.currency::text,
                         case when m.status = 'open' then m.unapplied_amount else 0 end
                    from credit_memos m
                   where s.document_type = 'credit_memo' and m.org_id = ${org}
                     and (m.number = s.document_number or m.erp_id = s.document_number)
                  union all
                  select p.id, p.number, p.customer_id, p.currency::text,
                         case when p.status = 'completed' then p.unapplied_amount else 0 end
                    from payments p
                   where s.document_type = 'payment' and p.org_id = ${org}
                     and (p.number = s.document_number or p.erp_id = s.document_number)
                  ) u order by u.number = s.document_number desc limit 1) d on true
               where not s.rejected) r`,
    );
    await run(ctx, sql`alter table ${sql.table(compared)} add column reason text`);
    await run(
      ctx,
      sql`update ${sql.table(compared)} set reason = case
            when doc_id is null then case when erp_open = 0 then null else 'missing_in_saldo' end
            when doc_customer_id <> customer_id then 'customer_differs'
            when erp_currency <> doc_currency then 'currency_differs'
            when erp_open <> saldo_open then 'open_amount_differs'
          end`,
    );
    const by = ctx.actor.userId ?? null;
    const [result] = await rows<{ matching: number; differences: number }>(
      ctx,
      sql`with only_saldo as (
            select d.* from (
              select 'invoice' as type, i.id, i.number, i.customer_id, i.currency::text as currency,
                     i.open_amount as open
                from invoices i
               where i.org_id = ${org} and i.status = 'open' and i.open_amount > 0
              union all
              select 'credit_memo', m.id, m.number, m.customer_id, m.currency::text, m.unapplied_amount
                from credit_memos m
               where m.org_id = ${org} and m.status = 'open' and m.unapplied_amount > 0
              union all
              select 'payment', p.id, p.number, p.customer_id, p.currency::text, p.unapplied_amount
                from payments p
               where p.org_id = ${org} and p.status = 'completed' and p.unapplied_amount > 0) d
             where (d.customer_id, d.type) in (select x.customer_id, x.type from ${sql.table(compared)} x)
               and d.id not in (select x.doc_id from ${sql.table(compared)} x where x.doc_id is not null)
               -- a document the file names on a rejected row is not "missing from the ERP's list"
               and d.number not in (select s.document_number from ${staged(ctx)} s where s.document_number is not null)
          ), differences as (
            select x.doc_id as document_id, x.document_number as number, x.reason,
                   jsonb_strip_nulls(jsonb_build_object(
                     'number', x.document_number, 'type', x.type, 'currency', x.erp_currency,
                     'erpOpen', x.erp_open::text,
                     'saldoOpen', case when x.doc_id is not null then x.saldo_open::text end,
                     'erpCurrency', case when x.reason = 'currency_differs' then x.erp_currency end,
                     'saldoCurrency', case when x.reason = 'currency_differs' then x.doc_currency end)) as params
              from ${sql.table(compared)} x where x.reason is not null
            union all
            select o.id, o.number, 'open_in_saldo_only',
                   jsonb_build_object('number', o.number, 'type', o.type, 'currency', o.currency,
                                      'erpOpen', '0', 'saldoOpen', o.open::text)
              from only_saldo o
          ), reviewed as (
            insert into import_reviews (org_id, id, import_id, kind, document_id, erp_id, reason, params)
            select ${org}, uuidv7(), ${ctx.importId}::uuid, 'aging', d.document_id, d.number, d.reason, d.params
              from differences d
             where not exists (select 1 from import_reviews v
                                where v.org_id = ${org} and v.kind = 'aging' and v.status = 'open'
                                  and v.erp_id = d.number and v.reason = d.reason and v.params = d.params)
          ), settled as (
            -- a document that matches now: its open differences are settled
            update import_reviews v set status = 'resolved', resolved_at = now(), resolved_by = ${by}::uuid
             where v.org_id = ${org} and v.kind = 'aging' and v.status = 'open'
               and v.document_id in (select x.doc_id from ${sql.table(compared)} x
                                      where x.reason is null and x.doc_id is not null)
          )
          select (select count(*) from ${sql.table(compared)} x where x.reason is null)::int as matching,
                 (select count(*) from differences)::int as differences`,
    );
    const counts = await documentCounts(ctx, sql`s.line`);
    return {
      documents: counts.documents,
      rejected: counts.rejected,
      created: 0,
      updated: 0,
      unchanged: result?.matching ?? 0,
      flagged: result?.differences ?? 0,
      voided: 0,
      sums: [],
    };
  },
};
