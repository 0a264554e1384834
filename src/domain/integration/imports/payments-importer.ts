import { type RawBuilder, sql } from 'kysely';
import { recordIntegrationEvent } from '../webhooks/record-integration-event.ts';
import { findSubscribedEndpoints } from '../webhooks/webhooks.repository.ts';
import type { KindImporter, StagingContext } from './kind-importer.ts';
import {
  addErrors,
  amountParams,
  amountProblem,
  customerByRef,
  documentCounts,
  flagUnknownCustomers,
  lockKind,
  majorText,
  minorOf,
  orgTodaySql,
  rejectErrored,
  requireFields,
  rows,
  run,
  staged,
} from './staging-sql.ts';

/**
 * Payments recorded in the ERP: one row per application, the payment's columns repeated on each,
 * grouped by the ERP's id. A new one is recorded as record-payment.ts records a manual payment —
 * numbered from the seller's payment numbers, cash in (cash_clearing ↔ unapplied_cash), then each
 * application moving unapplied cash to the invoice (unapplied_cash ↔ accounts_receivable), the
 * invoices' open amounts and the payment's unapplied amount moved with them — with the source
 * 'erp', its ERP id, and the method 'other' when the file names none. An application is at most
 * what the invoice still has open less what is in flight for it (an online payment pending), with
 * every application of the file to that invoice counted; the applications are at most the
 * payment, and the rest stays unapplied cash. A payment's ERP id seen before is never edited: with
 * the same data it is unchanged, with any other it is flagged for review (import_reviews 'payment').
 */

const docs = 'import_payment_docs';
const apps = 'import_payment_apps';

const resolvedRows = 'import_payment_rows';

/**
 * Looks up once what every staged row not rejected names — its customer, the payment's currency,
 * the payment already recorded under its ERP id, its invoice (locked first, in id order, so what
 * is open cannot move under the checks) — into a temporary table the checks and apply read.
 */
async function resolveRows(ctx: StagingContext): Promise<void> {
  const org = ctx.orgId;
  await run(
    ctx,
    sql`select 1 from invoices i
         where i.org_id = ${org}
           and (i.number in (select s.invoice_number from ${staged(ctx)} s where not s.rejected)
                or i.erp_id in (select s.invoice_number from ${staged(ctx)} s where not s.rejected))
         order by i.id for update`,
  );
  await run(ctx, sql`drop table if exists ${sql.table(resolvedRows)}`);
  await run(
    ctx,
    sql`create temporary table ${sql.table(resolvedRows)} on commit drop as
        select s.*, c.id as customer_id, c.currency::text as customer_currency,
               coalesce(s.currency, c.currency::text) as cur,
               p.id as payment_id,
               i.id as invoice_id, i.number as invoice_no, i.customer_id as invoice_customer_id,
               i.status as invoice_status, i.currency::text as invoice_currency,
               i.open_amount - i.pending_amount as invoice_available,
               count(*) filter (where s.invoice_number is not null) over (partition by s.erp_id) as invoice_rows
          from ${staged(ctx)} s
          left join customer_accounts c on c.org_id = ${org} and c.id = ${customerByRef(ctx, sql`s.customer_erp_id`)}
          left join payments p on p.org_id = ${org} and p.erp_id = s.erp_id
          left join lateral (
            select i.* from invoices i
             where i.org_id = ${org} and (i.number = s.invoice_number or i.erp_id = s.invoice_number)
             order by (i.number = s.invoice_number) desc limit 1) i on s.invoice_number is not null
         where not s.rejected`,
  );
  await run(ctx, sql`analyze ${sql.table(resolvedRows)}`);
}

/** The resolved rows (resolveRows) still not rejected. */
function resolved(ctx: StagingContext): RawBuilder<unknown> {
  return sql`(select r.* from ${sql.table(resolvedRows)} r
               where r.line in (select s.line from ${staged(ctx)} s where not s.rejected))`;
}

/** The minor units a row applies: its applied amount, else (one application) the payment's amount. */
const appliedMinor = sql`${minorOf(sql`coalesce(r.applied_amount, r.amount)`, sql`r.cur`)}`;

export const paymentsImporter: KindImporter = {
  kind: 'payments',

  async validate(ctx) {
    await lockKind(ctx, 'payments');
    const org = ctx.orgId;
    await requireFields(ctx, ['erp_id', 'customer_erp_id', 'received_on', 'amount']);
    await rejectErrored(ctx, 'erp_id');
    await flagUnknownCustomers(ctx);
    await rejectErrored(ctx, 'erp_id');

    // The payment's own columns agree on all its rows (the first row of the payment says).
    const first = (column: string) =>
      sql`first_value(s.${sql.ref(column)}) over w as ${sql.ref(`f_${column}`)}`;
    const columns = ['customer_erp_id', 'received_on', 'amount', 'currency', 'method', 'reference'];
    await addErrors(
      ctx,
      sql`select x.line,
                 case when x.customer_erp_id is distinct from x.f_customer_erp_id then 'customer_erp_id'
                      when x.received_on is distinct from x.f_received_on then 'received_on'
                      when x.amount is distinct from x.f_amount then 'amount'
                      when x.currency is distinct from x.f_currency then 'currency'
                      when x.method is distinct from x.f_method then 'method'
                      else 'reference' end,
                 'payment_fields_differ', jsonb_build_object('line', x.f_line)
            from (select s.*, first_value(s.line) over w as f_line, ${sql.join(columns.map(first))}
                    from ${staged(ctx)} s where not s.rejected
                  window w as (partition by s.erp_id order by s.line)) x
           where x.line > x.f_line
             and (x.customer_erp_id, x.received_on, x.amount, x.currency, x.method, x.reference)
                 is distinct from (x.f_customer_erp_id, x.f_received_on, x.f_amount, x.f_currency, x.f_method,
                                   x.f_reference)`,
    );
    await rejectErrored(ctx, 'erp_id');
    await resolveRows(ctx);

    // A new payment's own rules (one already recorded is compared in apply, not refused).
    const amountIssue = amountProblem(sql`r.amount`, sql`r.cur`, 'positive');
    const appliedIssue = amountProblem(sql`r.applied_amount`, sql`r.cur`, 'positive');
    await addErrors(
      ctx,
      sql`select r.line, 'amount', ${amountIssue}, ${amountParams(amountIssue, sql`r.cur`)}
            from ${resolved(ctx)} r where r.payment_id is null and ${amountIssue} is not null
          union all
          select r.line, 'received_on', 'date_in_future', jsonb_build_object('today', (${orgTodaySql(ctx)})::text)
            from ${resolved(ctx)} r where r.payment_id is null and r.received_on > ${orgTodaySql(ctx)}
          union all
          select r.line, 'currency', 'currency_not_offered',
                 jsonb_build_object('currency', r.cur, 'currencies', o.currencies)
            from ${resolved(ctx)} r,
                 lateral (select string_agg(distinct x.cur, ', ') as currencies, bool_or(x.cur = r.cur) as offered
                            from (select r.customer_currency as cur
                                  union all select i.currency::text from invoices i
                                   where i.org_id = ${org} and i.customer_id = r.customer_id and i.status = 'open'
                                     and i.open_amount > 0
                                  union all select p.currency::text from payments p
                                   where p.org_id = ${org} and p.customer_id = r.customer_id
                                     and p.status = 'completed' and p.unapplied_amount > 0
                                  union all select m.currency::text from credit_memos m
                                   where m.org_id = ${org} and m.customer_id = r.customer_id and m.status = 'open'
                                     and m.unapplied_amount > 0) x) o
           where r.payment_id is null and not o.offered
          union all
          select r.line, 'applied_amount', 'applied_without_invoice', '{}'::jsonb
            from ${resolved(ctx)} r
           where r.payment_id is null and r.applied_amount is not null and r.invoice_number is null
          union all
          select r.line, 'applied_amount', 'applied_amount_required', '{}'::jsonb
            from ${resolved(ctx)} r
           where r.payment_id is null and r.invoice_number is not null and r.applied_amount is null
             and r.invoice_rows > 1
          union all
          select r.line, 'applied_amount', ${appliedIssue}, ${amountParams(appliedIssue, sql`r.cur`)}
            from ${resolved(ctx)} r
           where r.payment_id is null and r.invoice_number is not null and ${appliedIssue} is not null
          union all
          select r.line, 'invoice_number',
                 case when r.invoice_id is null then 'unknown_invoice'
                      when r.invoice_customer_id <> r.customer_id then 'invoice_other_customer'
                      when r.invoice_status <> 'open' then 'invoice_not_open'
                      else 'invoice_currency_differs' end,
                 case when r.invoice_id is null or r.invoice_customer_id <> r.customer_id
                        then jsonb_build_object('number', r.invoice_number)
                      when r.invoice_status <> 'open'
                        then jsonb_build_object('number', r.invoice_number, 'status', r.invoice_status)
                      else jsonb_build_object('number', r.invoice_number, 'invoiceCurrency', r.invoice_currency,
                                              'currency', r.cur) end
            from ${resolved(ctx)} r
           where r.payment_id is null and r.invoice_number is not null
             and (r.invoice_id is null or r.invoice_customer_id <> r.customer_id or r.invoice_status <> 'open'
                  or r.invoice_currency <> r.cur)`,
    );
    await rejectErrored(ctx, 'erp_id');

    // Σ applied ≤ the payment: the rows from the one that goes over.
    await addErrors(
      ctx,
      sql`select x.line, 'applied_amount', 'exceeds_payment_amount',
                 jsonb_build_object('amount', x.amount::text, 'currency', x.cur)
            from (select r.line, r.amount, r.cur,
                         sum(${appliedMinor}) over (partition by r.erp_id order by r.line) as running,
                         ${minorOf(sql`r.amount`, sql`r.cur`)} as total
                    from ${resolved(ctx)} r where r.payment_id is null and r.invoice_id is not null) x
           where x.running > x.total`,
    );
    await rejectErrored(ctx, 'erp_id');

    // Each application ≤ what the invoice still has open, less what is in flight, less what the
    // file's earlier rows apply to it (the invoices were locked by resolveRows).
    await addErrors(
      ctx,
      sql`select x.line, 'applied_amount', 'exceeds_open_amount',
                 jsonb_build_object('number', x.invoice_no, 'currency', x.cur,
                                    'available', ${majorText(sql`greatest(x.invoice_available - (x.running - x.applied), 0)`, sql`x.cur`)})
            from (select r.line, r.invoice_no, r.cur, r.invoice_available, ${appliedMinor} as applied,
                         sum(${appliedMinor}) over (partition by r.invoice_id order by r.line) as running
                    from ${resolved(ctx)} r where r.payment_id is null and r.invoice_id is not null) x
           where x.running > x.invoice_available`,
    );
    await rejectErrored(ctx, 'erp_id');
  },

  async apply(ctx) {
    const org = ctx.orgId;
    const by = ctx.actor.userId ?? null;
    await run(ctx, sql`drop table if exists ${sql.table(docs)}; drop table if exists ${sql.table(apps)}`);
    // One row per payment of the file; new ids drawn in the file's order.
    await run(
      ctx,
      sql`create temporary table ${sql.table(docs)} on commit drop as
          select q.*, coalesce(q.payment_id, uuidv7()) as id, uuidv7() as entry_id from (
            select distinct on (r.erp_id) r.erp_id, r.line, r.customer_id, r.cur as currency, r.received_on,
                   (${minorOf(sql`r.amount`, sql`r.cur`)})::bigint as amount,
                   coalesce(r.method, 'other') as method, nullif(btrim(r.reference), '') as reference, r.payment_id
              from ${resolved(ctx)} r
             order by r.erp_id, r.line) q
          order by q.line`,
    );
    await run(
      ctx,
      sql`create temporary table ${sql.table(apps)} on commit drop as
          select d.id as payment_id, d.customer_id, d.currency, a.invoice_id, a.amount, uuidv7() as entry_id,
                 uuidv7() as id, d.payment_id is not null as existing
            from (select r.erp_id, r.invoice_id, sum(${appliedMinor})::bigint as amount, min(r.line) as line
                    from ${resolved(ctx)} r where r.invoice_id is not null
                   group by r.erp_id, r.invoice_id) a
            join ${sql.table(docs)} d on d.erp_id = a.erp_id
           order by a.line`,
    );
    // Looked up per payment below: without these, a file of many payments would scan them per row.
    await run(ctx, sql`create index on ${sql.table(apps)} (payment_id)`);
    await run(ctx, sql`create index on ${sql.table(docs)} (erp_id)`);
    await run(ctx, sql`analyze ${sql.table(apps)}`);
    await run(ctx, sql`analyze ${sql.table(docs)}`);

    // Payments already recorded: what differs from the file, if anything.
    const flagged = await rows<{ n: number }>(
      ctx,
      sql`with compared as (
            select d.id, d.erp_id, p.number,
                   array_remove(array[
                     case when p.customer_id <> d.customer_id then 'customer' end,
                     case when p.amount <> d.amount or p.currency::text <> d.currency then 'amount' end,
                     case when p.received_on <> d.received_on then 'received_on' end,
                     case when p.method <> d.method then 'method' end,
                     case when p.reference is distinct from d.reference then 'reference' end,
                     case when coalesce((select jsonb_object_agg(a.invoice_id, a.amount::text) from ${sql.table(apps)} a
                                          where a.payment_id = d.id), '{}')
                            <> coalesce((select jsonb_object_agg(x.invoice_id, x.amount::text)
                                           from (select pa.invoice_id, sum(pa.amount) as amount
                                                   from payment_applications pa
                                                  where pa.org_id = ${org} and pa.payment_id = d.id
                                                    and pa.unapplied_at is null group by pa.invoice_id) x), '{}')
                          then 'applications' end], null) as fields
              from ${sql.table(docs)} d
              join payments p on p.org_id = ${org} and p.id = d.id
             where d.payment_id is not null
          ), differing as (
            select c.*, jsonb_build_object('number', c.number, 'fields', array_to_string(c.fields, ', ')) as params
              from compared c where cardinality(c.fields) > 0
          ), reviewed as (
            insert into import_reviews (org_id, id, import_id, kind, document_id, erp_id, reason, params)
            select ${org}, uuidv7(), ${ctx.importId}, 'payment', d.id, d.erp_id, 'payment_changed', d.params
              from differing d
             where not exists (select 1 from import_reviews v
                                where v.org_id = ${org} and v.kind = 'payment' and v.document_id = d.id
                                  and v.status = 'open' and v.params = d.params)
          )
          select count(*)::int as n from differing`,
    );

    const [{ count: newCount } = { count: 0 }] = await rows<{ count: number }>(
      ctx,
      sql`select count(*)::int as count from ${sql.table(docs)} where payment_id is null`,
    );
    if (newCount > 0) await recordNew(ctx, newCount, by);
    if (
      newCount > 0 &&
      (await findSubscribedEndpoints(ctx.trx, { orgId: org, type: 'payment.succeeded' })).length
    ) {
      // As record-payment.ts tells the ERP's listeners of a payment (one look-up when none listens).
      const recorded = await rows<{
        id: string;
        number: string;
        customer_id: string;
        amount: bigint;
        currency: string;
        method: string;
        applied: bigint;
      }>(
        ctx,
        sql`select d.id, d.number, d.customer_id, d.amount, d.currency, d.method,
                   coalesce((select sum(a.amount) from ${sql.table(apps)} a where a.payment_id = d.id), 0)::bigint
                     as applied
              from ${sql.table(docs)} d where d.payment_id is null order by d.line`,
      );
      for (const p of recorded)
        await recordIntegrationEvent(ctx.trx, {
          orgId: org,
          type: 'payment.succeeded',
          data: {
            paymentId: p.id,
            number: p.number,
            customerId: p.customer_id,
            amount: p.amount,
            currency: p.currency,
            method: p.method,
            source: 'erp',
            fee: 0n,
            applied: p.applied,
          },
        });
    }

    if (
      newCount > 0 &&
      (await findSubscribedEndpoints(ctx.trx, { orgId: org, type: 'invoice.paid' })).length
    ) {
      // As apply-to-invoices.ts does: an invoice the file's applications closed (nothing open or
      // pending left) is paid, by the payment of its last application.
      const paid = await rows<{
        id: string;
        number: string;
        customer_id: string;
        total: bigint;
        currency: string;
        payment_id: string;
      }>(
        ctx,
        sql`select i.id, i.number, i.customer_id, i.total, i.currency::text as currency,
                   (select a.payment_id from ${sql.table(apps)} a
                     where a.invoice_id = i.id and not a.existing order by a.id desc limit 1) as payment_id
              from invoices i
             where i.org_id = ${org} and i.open_amount = 0 and i.pending_amount = 0
               and i.id in (select a.invoice_id from ${sql.table(apps)} a where not a.existing)
             order by i.id`,
      );
      for (const i of paid)
        await recordIntegrationEvent(ctx.trx, {
          orgId: org,
          type: 'invoice.paid',
          data: {
            invoiceId: i.id,
            number: i.number,
            customerId: i.customer_id,
            total: i.total,
            currency: i.currency,
            paidBy: { kind: 'payment', paymentId: i.payment_id },
          },
        });
    }
    const sums = await rows<{ currency: string; amount: string }>(
      ctx,
      sql`select d.currency, sum(d.amount)::text as amount from ${sql.table(docs)} d
           where d.payment_id is null group by d.currency order by d.currency`,
    );
    const counts = await documentCounts(ctx, sql`s.erp_id`);
    const flaggedCount = flagged[0]?.n ?? 0;
    return {
      documents: counts.documents,
      rejected: counts.rejected,
      created: newCount,
      updated: 0,
      unchanged: counts.documents - counts.rejected - newCount - flaggedCount,
      flagged: flaggedCount,
      voided: 0,
      sums,
    };
  },
};

/** Records the file's new payments, their journal entries and applications, set-based. */
async function recordNew(ctx: StagingContext, count: number, by: string | null): Promise<void> {
  const org = sql`${ctx.orgId}::uuid`;
  // The next `count` payment numbers, gap-free, as nextDocumentNumber hands them out one by one.
  const [{ first } = { first: 1n }] = await rows<{ first: bigint }>(
    ctx,
    sql`insert into document_sequences as s (org_id, kind, next_value) values (${org}, 'payment', ${count + 1})
        on conflict (org_id, kind) do update set next_value = s.next_value + ${count}
        returning s.next_value - ${count} as first`,
  );
  await run(ctx, sql`alter table ${sql.table(docs)} add column number text`);
  await run(
    ctx,
    sql`update ${sql.table(docs)} d set number = 'PAY-' || lpad(n.value::text, greatest(6, length(n.value::text)), '0')
          from (select erp_id, ${first}::bigint + row_number() over (order by line) - 1 as value
                  from ${sql.table(docs)} where payment_id is null) n
         where d.erp_id = n.erp_id`,
  );
  await run(
    ctx,
    sql`insert into payments (org_id, id, customer_id, number, currency, amount, unapplied_amount, received_on,
                              method, reference, created_by, source, erp_id)
        select ${org}, d.id, d.customer_id, d.number, d.currency, d.amount,
               d.amount - coalesce((select sum(a.amount) from ${sql.table(apps)} a where a.payment_id = d.id), 0),
               d.received_on, d.method, d.reference, ${by}::uuid, 'erp', d.erp_id
          from ${sql.table(docs)} d where d.payment_id is null order by d.line`,
  );
  // The journal: cash in per payment, then one entry per application (post-entry.ts's table).
  await run(
    ctx,
    sql`insert into journal_entries (org_id, id, currency, kind, memo, created_by)
        select ${org}, d.entry_id, d.currency, 'payment.received', d.number, ${by}::uuid
          from ${sql.table(docs)} d where d.payment_id is null
        union all
        select ${org}, a.entry_id, a.currency, 'payment.applied', null::text, ${by}::uuid
          from ${sql.table(apps)} a where not a.existing`,
  );
  await run(
    ctx,
    sql`insert into journal_lines (org_id, entry_id, line_no, account, customer_id, invoice_id, payment_id, amount)
        select ${org}, d.entry_id, 1, 'cash_clearing', d.customer_id, null::uuid, d.id, d.amount
          from ${sql.table(docs)} d where d.payment_id is null
        union all
        select ${org}, d.entry_id, 2, 'unapplied_cash', d.customer_id, null::uuid, d.id, -d.amount
          from ${sql.table(docs)} d where d.payment_id is null
        union all
        select ${org}, a.entry_id, 1, 'unapplied_cash', a.customer_id, a.invoice_id, a.payment_id, a.amount
          from ${sql.table(apps)} a where not a.existing
        union all
        select ${org}, a.entry_id, 2, 'accounts_receivable', a.customer_id, a.invoice_id, a.payment_id, -a.amount
          from ${sql.table(apps)} a where not a.existing`,
  );
  await run(
    ctx,
    sql`insert into payment_applications (org_id, id, payment_id, invoice_id, amount, journal_entry_id, created_by)
        select ${org}, a.id, a.payment_id, a.invoice_id, a.amount, a.entry_id, ${by}::uuid
          from ${sql.table(apps)} a where not a.existing`,
  );
  await run(
    ctx,
    sql`update invoices i set open_amount = i.open_amount - t.amount, updated_at = now()
          from (select a.invoice_id, sum(a.amount) as amount from ${sql.table(apps)} a
                 where not a.existing group by a.invoice_id) t
         where i.org_id = ${org} and i.id = t.invoice_id`,
  );
  const { actor } = ctx;
  await run(
    ctx,
    sql`insert into audit_log (org_id, id, actor_user_id, actor_api_key_id, action, entity_type, entity_id,
                               before, after, request_id, ip)
        select ${org}, uuidv7(), ${by}::uuid, ${actor.apiKeyId ?? null}::uuid, 'payment.recorded', 'payment',
               d.id::text, null,
               jsonb_build_object('number', d.number, 'amount', d.amount::text, 'currency', d.currency,
                 'method', d.method, 'reference', d.reference, 'source', 'erp', 'erpId', d.erp_id,
                 'applied', coalesce((select sum(a.amount) from ${sql.table(apps)} a where a.payment_id = d.id), 0)::text),
               ${actor.requestId ?? null}, ${actor.ip ?? null}::inet
          from ${sql.table(docs)} d where d.payment_id is null`,
  );
}
