import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { applyPrepayments } from '../../credit-checks/apply-prepayments.ts';
import { postEntriesFrom } from '../../ledger/post-entries.ts';
import { MINOR_UNIT_EXPONENTS } from '../../money/exponents.ts';
import { recordIntegrationEvent } from '../webhooks/record-integration-event.ts';
import { findSubscribedEndpoints } from '../webhooks/webhooks.repository.ts';
import type { AppliedCounts, KindImporter, StagingContext } from './kind-importer.ts';

/**
 * Invoices from the ERP, one row per line (the invoice's own columns repeated on its lines, which
 * need not be adjacent), all set-based: a handful of statements whatever the file's size, no query
 * per row or per invoice (except the rare invoice with a prepayment waiting for its order).
 *
 * The amounts follow computeInvoice's one rule (compute-invoice.ts), here in SQL numerics, exactly:
 * each line's net is quantity × unit price rounded half away from zero to the minor unit, less
 * its discount; its tax is the ERP's amount when given, else the rate on that net rounded the same
 * way; a row with a fee amount adds a fee charge (a negative one a document discount: kind
 * 'discount', counted in fee_total). A line may have a negative quantity — a return or credit line
 * inside the invoice (its net and tax negative, no discount on it); the invoice's total must still
 * be above zero. test/integration/imports-invoices-compute.test.ts
 * holds the two to the same results (a property test).
 *
 * Upsert by ERP id (the number when the file has none; an invoice Saldo already has under that
 * number and no ERP id is adopted): new → created and posted exactly as createInvoice posts it
 * (invoice.posted: receivable up, sales down), identical → unchanged, changed → lines replaced and,
 * when the total moves, an `invoice.adjusted` entry for the difference (open amount moves with
 * it); a new total below what is already paid, credited or in flight is not applied but held for
 * review (import_reviews 'total_below_paid'). Status void voids it as voidInvoice does (refused
 * while anything is applied to it or a payment is on its way).
 */

// The temporary tables this importer builds beside the engine's staging table.
const DOCS = 'import_invoice_docs';
const LINES = 'import_invoice_lines';

/** Header columns that must agree across an invoice's lines. */
const headerFields = [
  'number',
  'customer_erp_id',
  'issue_date',
  'due_date',
  'currency',
  'po_number',
  'order_reference',
  'status',
  'total',
  'notes',
] as const;

const exponentRows = () =>
  sql.raw(
    Object.entries(MINOR_UNIT_EXPONENTS)
      .map(([code, ex]) => `('${code}', ${ex})`)
      .join(', '),
  );

/**
 * What each data row is checked for (condition over `l`, field, code, params): a line needs its
 * description, quantity and price, every amount as precise as its scale and within the bounds.
 */
const rowChecks: [string, string, string, string][] = [
  ['l.is_line and l.description is null', 'line_description', 'required', "'{}'"],
  ['l.is_line and l.quantity is null', 'line_quantity', 'required', "'{}'"],
  ['l.is_line and l.unit_price is null', 'line_unit_price', 'required', "'{}'"],
  ['not l.is_line and not l.is_fee', 'line_description', 'required', "'{}'"],
  ['l.quantity <> round(l.quantity, 4)', 'line_quantity', 'too_precise', `'{"digits": 4}'`],
  ['l.quantity = 0', 'line_quantity', 'zero_quantity', "'{}'"],
  ['abs(l.quantity) >= 1e14', 'line_quantity', 'too_large', "'{}'"],
  ['l.unit_price <> round(l.unit_price, 6)', 'line_unit_price', 'too_precise', `'{"digits": 6}'`],
  ['l.unit_price < 0', 'line_unit_price', 'negative', "'{}'"],
  ['l.unit_price >= 1e18', 'line_unit_price', 'too_large', "'{}'"],
  ['l.tax_rate <> round(l.tax_rate, 4)', 'line_tax_rate', 'too_precise', `'{"digits": 4}'`],
  ['abs(l.tax_rate) >= 100000', 'line_tax_rate', 'too_large', "'{}'"],
  ['l.discount <> round(l.discount)', 'line_discount', 'too_precise', "jsonb_build_object('digits', l.ex)"],
  [
    'l.discount_given is not null and (l.discount < 0 or l.discount > l.gross)',
    'line_discount',
    'discount_invalid',
    "'{}'",
  ],
  [
    'l.tax_amount_given * l.scale <> round(l.tax_amount_given * l.scale)',
    'line_tax_amount',
    'too_precise',
    "jsonb_build_object('digits', l.ex)",
  ],
  ['l.fee <> round(l.fee)', 'fee_amount', 'too_precise', "jsonb_build_object('digits', l.ex)"],
  [
    'abs(l.quantity) < 1e14 and l.unit_price < 1e18 and (abs(l.gross) > 1e15 or abs(l.tax) > 1e15 or abs(l.fee) > 1e15)',
    'line_unit_price',
    'too_large',
    "'{}'",
  ],
];

/** The error rows an SQL `select line, field, code, params` yields, staged. */
function stage(trx: Transaction<DB>, select: ReturnType<typeof sql>) {
  return sql`insert into import_errors_stage (line, field, code, params) ${select}`.execute(trx);
}

async function validate(ctx: StagingContext): Promise<void> {
  const { trx, orgId } = ctx;
  const t = sql.table(ctx.table);
  const doc = sql`coalesce(t.erp_id, t.number)`;
  const mismatch = headerFields.map(
    (f) => sql`case when min(t.${sql.ref(f)}) <> max(t.${sql.ref(f)}) then ${f} end`,
  );

  // A caller's transaction may run more than one import: start from no tables of this importer.
  await sql`drop table if exists ${sql.table(DOCS)}, ${sql.table(LINES)}, import_invoice_existing`.execute(
    trx,
  );

  // One row per invoice: its header (agreed on by its lines, checked below), customer, currency
  // and its minor unit, due date, and what Saldo already has under its ERP id. An invoice Saldo
  // does not have gets its id here: uuidv7 is evaluated after the sort, so the new ids ascend in
  // file order and the invoices, lines and taxes written later append to their indexes in order.
  await sql`
    create temporary table ${sql.table(DOCS)} on commit drop as
    select h.*, coalesce(x.ex, 2) as ex, ('1' || repeat('0', coalesce(x.ex, 2)))::numeric as scale,
           case when h.existing_id is null then uuidv7() end as new_id
      from (
    with d as (
      select ${doc} as doc, min(t.line) as first_line, bool_or(t.rejected) as row_rejected,
             min(t.number) as number, min(t.customer_erp_id) as customer_ref,
             min(t.issue_date) as issue_date, min(t.due_date) as due_date, min(t.currency) as currency,
             min(t.po_number) as po_number, min(t.order_reference) as order_reference,
             coalesce(min(t.status), 'open') as status, min(t.total) as declared_total, min(t.notes) as notes,
             array_remove(array[${sql.join(mismatch)}]::text[], null) as mismatched
        from ${t} t group by 1
    )
    select d.*, coalesce(c1.id, c2.id) as customer_id,
           coalesce(d.currency, trim(coalesce(c1.currency, c2.currency))) as cur,
           coalesce(d.due_date, d.issue_date + coalesce(c1.payment_terms_days, c2.payment_terms_days)) as due,
           coalesce(i1.id, i2.id) as existing_id, false as rejected
      from d
      left join customer_accounts c1 on c1.org_id = ${orgId} and c1.erp_id = d.customer_ref
      left join customer_accounts c2 on c2.org_id = ${orgId} and c2.account_number = d.customer_ref
        and c1.id is null
      left join invoices i1 on i1.org_id = ${orgId} and i1.erp_id = d.doc
      left join invoices i2 on i2.org_id = ${orgId} and i2.number = d.number and i2.erp_id is null
        and i1.id is null
      ) h
      left join (values ${exponentRows()}) x(code, ex) on x.code = h.cur
     order by h.first_line`.execute(trx);
  // Its statistics tell the planner each key is unique (a hash join to it, not a sort of every row).
  await sql`
    create index on ${sql.table(DOCS)} (doc);
    analyze ${sql.table(DOCS)};`.execute(trx);

  // What Saldo has for the invoices the file names, locked (id order, as every lock of invoices).
  await sql`
    create temporary table import_invoice_existing on commit drop as
    select i.id, i.number, i.erp_id, i.customer_id, trim(i.currency) as currency, i.status, i.total,
           i.open_amount, i.pending_amount, i.subtotal, i.discount_total, i.tax_total, i.fee_total,
           i.issue_date, i.due_date, i.po_number, i.order_reference, i.notes
      from invoices i
     where i.org_id = ${orgId} and i.id in (select existing_id from ${sql.table(DOCS)} where existing_id is not null)
     order by i.id
       for update`.execute(trx);

  // One row per data row, with its amounts in minor units (numerics until applied: a bad row may
  // hold a value beyond bigint, refused below).
  await sql`
    create temporary table ${sql.table(LINES)} on commit drop as
    select t.line, d.doc, d.first_line as doc_line, coalesce(d.existing_id, d.new_id) as invoice_id,
           d.ex, d.scale, t.rejected,
           t.line_sku as sku, t.line_description as description, t.line_quantity as quantity,
           t.line_unit as unit, t.line_unit_price as unit_price, t.line_tax_name as tax_name,
           t.line_tax_rate as tax_rate, t.line_tax_amount as tax_amount_given,
           t.line_discount as discount_given, t.fee_name, t.fee_amount as fee_given,
           a.is_line, t.fee_amount is not null as is_fee,
           case when a.is_line then count(*) filter (where a.is_line) over w end as line_no,
           case when t.fee_amount is not null then count(*) filter (where t.fee_amount is not null) over w end as fee_seq,
           g.gross, g.discount, g.gross - g.discount as net,
           coalesce(g.tax_given, round((g.gross - g.discount) * t.line_tax_rate / 100)) as tax,
           g.fee
      from ${t} t
      join ${sql.table(DOCS)} d on d.doc = ${doc}
      cross join lateral (select (t.line_description is not null or t.line_quantity is not null
                                  or t.line_unit_price is not null) as is_line) a
      cross join lateral (select round(t.line_quantity * t.line_unit_price * d.scale) as gross,
                                 coalesce(t.line_discount, 0) * d.scale as discount,
                                 t.line_tax_amount * d.scale as tax_given,
                                 t.fee_amount * d.scale as fee) g
    window w as (partition by d.first_line order by t.line)`.execute(trx);

  // Rows: a line needs its description, quantity and price; amounts as precise as their scale.
  await stage(
    trx,
    sql`select l.line, v.field, v.code, v.params from ${sql.table(LINES)} l
        cross join lateral (values ${sql.join(rowChecks.map((c) => sql`(${sql.raw(c[0])}, ${c[1]}, ${c[2]}, ${sql.raw(c[3])}::jsonb)`))})
          v(bad, field, code, params)
        where not l.rejected and (${sql.raw(rowChecks.map((c) => `coalesce(${c[0]}, false)`).join(' or '))})
          and coalesce(v.bad, false)`,
  );

  // Invoices: their totals, the header their lines agree on, their customer, what Saldo has.
  await sql`
    alter table ${sql.table(DOCS)}
      add column subtotal numeric, add column discount_total numeric, add column tax_total numeric,
      add column fee_total numeric, add column total numeric, add column line_count integer,
      add column row_errors boolean not null default false;
    update ${sql.table(DOCS)} d
       set subtotal = s.subtotal, discount_total = s.discount_total, tax_total = s.tax_total,
           fee_total = s.fee_total, total = s.subtotal + s.tax_total + s.fee_total, line_count = s.line_count
      from (select doc_line, (count(*) filter (where is_line))::int as line_count,
                   coalesce(sum(net) filter (where is_line), 0) as subtotal,
                   coalesce(sum(discount) filter (where is_line), 0) as discount_total,
                   coalesce(sum(tax) filter (where is_line), 0) as tax_total,
                   coalesce(sum(fee), 0) as fee_total
              from ${sql.table(LINES)} group by doc_line) s
     where s.doc_line = d.first_line`.execute(trx);

  // An invoice with a bad line has no total worth checking: its lines' errors say what is wrong.
  await sql`
    update ${sql.table(DOCS)} set row_errors = true
     where doc in (select l.doc from ${sql.table(LINES)} l join import_errors_stage e on e.line = l.line)`.execute(
    trx,
  );

  const major = (v: ReturnType<typeof sql>) => sql`trim_scale(${v} / d.scale)::text`;
  // What each invoice is checked for (condition over `d` and what Saldo has, `e`; field; code). A
  // clean invoice is passed over by the checks' OR before any row of them is built.
  const docChecks: [ReturnType<typeof sql>, string, string][] = [
    [sql`d.customer_id is null`, 'customer_erp_id', 'unknown_customer'],
    [sql`d.line_count = 0`, 'line_description', 'required'],
    [sql`not d.row_errors and d.status = 'open' and d.total <= 0`, 'total', 'amount_not_positive'],
    [
      sql`not d.row_errors and (abs(d.total) > 1e15 or abs(d.subtotal) > 1e15 or abs(d.tax_total) > 1e15)`,
      'total',
      'too_large',
    ],
    [sql`not d.row_errors and d.declared_total * d.scale <> d.total`, 'total', 'lines_do_not_add_up'],
    [sql`d.due < d.issue_date`, 'due_date', 'due_before_issue'],
    [
      sql`exists (select 1 from invoices n where n.org_id = ${orgId} and n.number = d.number
                    and n.id is distinct from d.existing_id)`,
      'number',
      'duplicate_number',
    ],
    [sql`e.customer_id <> d.customer_id`, 'customer_erp_id', 'invoice_customer_changed'],
    [sql`e.currency <> d.cur`, 'currency', 'invoice_currency_changed'],
    [sql`e.status = 'draft'`, 'status', 'invoice_is_draft'],
    [sql`e.status = 'void' and d.status = 'open'`, 'status', 'invoice_void'],
    [
      sql`e.status = 'open' and d.status = 'void' and e.open_amount <> e.total`,
      'status',
      'invoice_has_applications',
    ],
    [sql`e.status = 'open' and d.status = 'void' and e.pending_amount > 0`, 'status', 'payment_in_progress'],
  ];
  await stage(
    trx,
    // The params are built only for the checks that failed (the select list of rows kept).
    sql`select d.first_line, v.field, v.code,
               case v.code
                 when 'unknown_customer' then jsonb_build_object('customer', d.customer_ref)
                 when 'required' then '{}'::jsonb
                 when 'too_large' then '{}'::jsonb
                 when 'lines_do_not_add_up' then jsonb_build_object('number', d.number, 'currency', d.cur,
                   'declared', trim_scale(d.declared_total)::text, 'computed', ${major(sql`d.total`)})
                 when 'due_before_issue' then jsonb_build_object('due', d.due::text, 'issue', d.issue_date::text)
                 when 'invoice_currency_changed' then jsonb_build_object('number', d.number, 'currency', e.currency)
                 else jsonb_build_object('number', d.number) end
          from ${sql.table(DOCS)} d
          left join import_invoice_existing e on e.id = d.existing_id
          cross join lateral (values ${sql.join(docChecks.map(([bad, field, code]) => sql`(${bad}, ${field}, ${code})`))})
            v(bad, field, code)
         where not d.row_rejected and d.doc is not null
           and (${sql.join(
             docChecks.map(([bad]) => sql`coalesce(${bad}, false)`),
             sql` or `,
           )}) and coalesce(v.bad, false)
        union all
        select d.first_line, f.field, 'header_mismatch', jsonb_build_object('number', d.number)
          from ${sql.table(DOCS)} d cross join unnest(d.mismatched) f(field)
        union all
        select d.first_line, 'number', 'duplicate_in_file', jsonb_build_object('number', d.number)
          from (select first_line, number, row_number() over (partition by number order by first_line) as nth
                  from ${sql.table(DOCS)} where number is not null) d
         where d.nth > 1`,
  );

  // Every row of an invoice with any error is rejected with it.
  await sql`
    update ${sql.table(DOCS)} d set rejected = true
     where d.row_rejected or d.doc is null
        or d.doc in (select l.doc from ${sql.table(LINES)} l join import_errors_stage e on e.line = l.line);
    update ${t} t set rejected = true
     where not t.rejected and ${doc} in (select doc from ${sql.table(DOCS)} where rejected)`.execute(trx);
}

async function apply(ctx: StagingContext): Promise<AppliedCounts> {
  const { trx, orgId, importId } = ctx;
  const userId = ctx.actor.userId ?? null;
  const D = sql.table(DOCS);
  const L = sql.table(LINES);

  // What each invoice comes to: created, unchanged, updated, flagged, voided (or nothing: a void
  // invoice Saldo never had).
  await sql`alter table ${D} add column action text, add column lines_print text`.execute(trx);

  const lang = await sql<{ locale: string }>`select locale from organizations where id = ${orgId}`.execute(
    trx,
  );
  const es = lang.rows[0]?.locale !== 'en';
  const taxName = es ? 'IVA' : 'Tax';
  const feeName = es ? 'Cargo' : 'Fee';
  const discountName = es ? 'Descuento' : 'Discount';
  const voidReason = es ? 'Cancelada en el ERP' : 'Voided in the ERP';
  await sql`
    update ${D} d set lines_print = p.print
      from (select doc, md5(coalesce(string_agg(concat_ws('|', line_no, coalesce(sku, '∅'), description,
                      quantity::numeric(18, 4), coalesce(unit, '∅'), unit_price::numeric(24, 6),
                      discount::bigint, net::bigint, coalesce(tax::bigint, 0),
                      case when tax is null then '∅' else coalesce(tax_name, ${taxName}) end,
                      case when tax is null then '∅' else coalesce(tax_rate::numeric(9, 4)::text, '∅') end),
                      E'\n' order by line_no)
                    filter (where is_line), '')
                    || '#' || coalesce(string_agg(concat_ws('|', fee_seq,
                      coalesce(fee_name, case when fee < 0 then ${discountName} else ${feeName} end), fee::bigint),
                      E'\n' order by fee_seq) filter (where is_fee), '')) as print
              from ${L} where doc in (select doc from ${D} where not rejected and existing_id is not null)
             group by doc) p
     where p.doc = d.doc`.execute(trx);
  await sql`
    with x as (
      select e.id, md5(coalesce(string_agg(concat_ws('|', l.line_no, coalesce(l.sku, '∅'), l.description,
                   l.quantity, coalesce(l.unit, '∅'), l.unit_price, l.discount_amount, l.net_amount,
                   l.tax_amount, coalesce(tx.name, '∅'), coalesce(tx.rate::text, '∅')), E'\n' order by l.line_no), '')
               || '#' || coalesce((select string_agg(concat_ws('|', c.seq, c.name, c.amount), E'\n' order by c.seq)
                                     from invoice_charges c where c.org_id = ${orgId} and c.invoice_id = e.id
                                      and c.kind in ('fee', 'discount')), '')) as print
        from import_invoice_existing e
        join invoice_lines l on l.org_id = ${orgId} and l.invoice_id = e.id
        left join lateral (select case when count(*) = 1 then min(name) else string_agg(name, '+') end as name,
                                  case when count(*) = 1 then min(rate) end as rate
                             from invoice_line_taxes lt
                            where lt.org_id = ${orgId} and lt.invoice_id = e.id and lt.line_no = l.line_no
                           having count(*) > 0) tx on true
       where e.status = 'open'
       group by e.id
    )
    update ${D} d set action = case
        when d.status = 'void' then case when e.status = 'open' then 'void' else 'unchanged' end
        when e.id is null then 'create'
        when e.number = d.number and e.issue_date = d.issue_date and e.due_date = d.due
         and e.po_number is not distinct from d.po_number
         and e.order_reference is not distinct from d.order_reference
         and e.notes is not distinct from d.notes and e.erp_id is not distinct from d.doc
         and e.subtotal = d.subtotal and e.discount_total = d.discount_total and e.tax_total = d.tax_total
         and e.fee_total = d.fee_total and e.total = d.total and x.print = d.lines_print then 'unchanged'
        when d.total < (e.total - e.open_amount) + e.pending_amount then 'flag'
        else 'update' end
      from ${D} d2
      left join import_invoice_existing e on e.id = d2.existing_id
      left join x on x.id = e.id
     where d2.doc = d.doc and d.doc = d2.doc and not d.rejected`.execute(trx);
  // Held for review: the ERP's new total is below what is already paid, credited or in flight.
  await sql`
    insert into import_reviews (org_id, id, import_id, kind, document_id, erp_id, reason, params)
    select ${orgId}, uuidv7(), ${importId}, 'invoice', e.id, d.doc, 'total_below_paid',
           jsonb_build_object('number', d.number, 'currency', d.cur,
             'total', d.total::bigint::text, 'paid', (e.total - e.open_amount + e.pending_amount)::text)
      from ${D} d join import_invoice_existing e on e.id = d.existing_id
     where d.action = 'flag'
       and not exists (select 1 from import_reviews r where r.org_id = ${orgId} and r.document_id = e.id
                         and r.reason = 'total_below_paid' and r.status = 'open'
                         and r.params ->> 'total' = d.total::bigint::text)`.execute(trx);
  // One flagged before with the same total is still held: nothing new to say about it.
  await sql`
    update ${D} set action = 'unchanged'
     where action = 'flag' and existing_id not in (
       select document_id from import_reviews where org_id = ${orgId} and import_id = ${importId})`.execute(
    trx,
  );

  // Voided in the ERP: the reversing entry voidInvoice posts, then the invoice marked void.
  await postEntries(
    trx,
    ctx,
    sql`
    select d.existing_id as invoice_id, e.customer_id, e.currency, e.total as amount, ${voidReason}::text as memo,
           'invoice.voided' as kind, 'sales' as debit, 'accounts_receivable' as credit
      from ${D} d join import_invoice_existing e on e.id = d.existing_id where d.action = 'void'`,
  );
  await sql`
    update invoices i set status = 'void', voided_at = now(), void_reason = ${voidReason}, updated_at = now()
      from ${D} d where d.action = 'void' and i.org_id = ${orgId} and i.id = d.existing_id`.execute(trx);
  // The ERP's listeners hear of each void as of a console void (one look-up when none listens).
  const { rows: voids } = await sql<{
    id: string;
    number: string;
    customer_id: string;
    total: string;
    currency: string;
  }>`
    select e.id, e.number, e.customer_id, e.total::text as total, e.currency
      from ${D} d join import_invoice_existing e on e.id = d.existing_id
     where d.action = 'void' order by d.first_line`.execute(trx);
  if (voids.length && (await findSubscribedEndpoints(trx, { orgId, type: 'invoice.voided' })).length)
    for (const v of voids)
      await recordIntegrationEvent(trx, {
        orgId,
        type: 'invoice.voided',
        data: {
          invoiceId: v.id,
          number: v.number,
          customerId: v.customer_id,
          total: BigInt(v.total),
          currency: v.currency,
          reason: voidReason,
        },
      });

  // Changed: lines replaced, header updated, the difference in total posted and moved to open.
  for (const table of ['invoice_charges', 'invoice_line_taxes', 'invoice_lines'])
    await sql`
      delete from ${sql.table(table)} x using ${D} d
       where d.action = 'update' and x.org_id = ${orgId} and x.invoice_id = d.existing_id`.execute(trx);
  await postEntries(
    trx,
    ctx,
    sql`
    select d.existing_id as invoice_id, e.customer_id, e.currency, (d.total - e.total)::bigint as amount,
           d.number as memo, 'invoice.adjusted' as kind, 'accounts_receivable' as debit, 'sales' as credit
      from ${D} d join import_invoice_existing e on e.id = d.existing_id
     where d.action = 'update' and d.total <> e.total`,
  );
  await sql`
    update invoices i
       set number = d.number, erp_id = d.doc, issue_date = d.issue_date, due_date = d.due,
           po_number = d.po_number, order_reference = d.order_reference, notes = d.notes,
           subtotal = d.subtotal::bigint, discount_total = d.discount_total::bigint,
           tax_total = d.tax_total::bigint, fee_total = d.fee_total::bigint, total = d.total::bigint,
           open_amount = i.open_amount + (d.total::bigint - i.total), updated_at = now()
      from ${D} d where d.action = 'update' and i.org_id = ${orgId} and i.id = d.existing_id`.execute(trx);

  // New: inserted as createInvoice inserts them, and posted.
  await sql`
    insert into invoices (org_id, id, customer_id, number, erp_id, issue_date, due_date, currency,
                          po_number, order_reference, status, subtotal, discount_total, tax_total,
                          fee_total, total, open_amount, notes, posted_at)
    select ${orgId}, d.new_id, d.customer_id, d.number, d.doc, d.issue_date, d.due, d.cur, d.po_number,
           d.order_reference, 'open', d.subtotal::bigint, d.discount_total::bigint, d.tax_total::bigint,
           d.fee_total::bigint, d.total::bigint, d.total::bigint, d.notes, now()
      from ${D} d where d.action = 'create' order by d.first_line`.execute(trx);
  // The lines of the invoices created or changed, each naming its invoice (validate gave the new
  // ones their ids). LINES is in file order, an invoice's lines together and in order, which is
  // the order of the new invoices' keys: no sort is needed for the indexes to be appended to.
  const written = sql`l.doc_line in (select first_line from ${D} where action in ('create', 'update'))`;
  await sql`
    insert into invoice_lines (org_id, invoice_id, line_no, sku, description, quantity, unit, unit_price,
                               discount_amount, net_amount, tax_amount, total_amount)
    select ${orgId}, l.invoice_id, l.line_no, l.sku, l.description, l.quantity, l.unit, l.unit_price,
           l.discount::bigint, l.net::bigint, coalesce(l.tax, 0)::bigint, (l.net + coalesce(l.tax, 0))::bigint
      from ${L} l where l.is_line and ${written}`.execute(trx);
  await sql`
    insert into invoice_line_taxes (org_id, invoice_id, line_no, seq, name, rate, amount)
    select ${orgId}, l.invoice_id, l.line_no, 1, coalesce(l.tax_name, ${taxName}), l.tax_rate, l.tax::bigint
      from ${L} l where l.is_line and l.tax is not null and ${written}`.execute(trx);
  await sql`
    insert into invoice_charges (org_id, invoice_id, seq, kind, name, rate, amount)
    select ${orgId}, l.invoice_id, l.fee_seq, case when l.fee < 0 then 'discount' else 'fee' end,
           coalesce(l.fee_name, case when l.fee < 0 then ${discountName} else ${feeName} end), null, l.fee::bigint
      from ${L} l where l.is_fee and ${written}`.execute(trx);
  await postEntries(
    trx,
    ctx,
    sql`
    select d.new_id as invoice_id, d.customer_id, d.cur as currency, d.total::bigint as amount, d.number as memo,
           'invoice.posted' as kind, 'accounts_receivable' as debit, 'sales' as credit
      from ${D} d where d.action = 'create' order by d.new_id`,
  );

  // Audited as the console audits each invoice (one row each, set-based), naming the import.
  await sql`
    insert into audit_log (org_id, id, actor_user_id, actor_api_key_id, action, entity_type, entity_id,
                           before, after, request_id, ip)
    select ${orgId}, uuidv7(), ${userId}, ${ctx.actor.apiKeyId ?? null},
           case d.action when 'create' then 'invoice.created' when 'update' then 'invoice.updated'
                         else 'invoice.voided' end,
           'invoice', coalesce(d.new_id, d.existing_id)::text,
           case when d.action = 'create' then null
                else jsonb_build_object('status', e.status, 'total', e.total::text) end,
           jsonb_build_object('number', d.number, 'customerId', d.customer_id, 'currency', d.cur,
             'total', d.total::bigint::text, 'status', case when d.action = 'void' then 'void' else 'open' end,
             'dueDate', d.due::text, 'importId', ${importId}::text),
           ${ctx.actor.requestId ?? null}, ${ctx.actor.ip ?? null}::inet
      from ${D} d left join import_invoice_existing e on e.id = d.existing_id
     where d.action in ('create', 'update', 'void')`.execute(trx);

  // What was prepaid for an order is applied to its invoice at once, as createInvoice does.
  const { rows: prepaid } = await sql<{
    id: string;
    customer_id: string;
    order_reference: string;
    cur: string;
  }>`
    select d.new_id as id, d.customer_id, d.order_reference, d.cur from ${D} d
     where d.action = 'create' and d.order_reference is not null
       and exists (select 1 from payments p where p.org_id = ${orgId} and p.customer_id = d.customer_id
                     and p.order_reference = d.order_reference and p.currency = d.cur
                     and p.status = 'completed' and p.unapplied_amount > 0)
     order by d.first_line`.execute(trx);
  for (const invoice of prepaid)
    await applyPrepayments(trx, {
      orgId,
      customerId: invoice.customer_id,
      invoiceId: invoice.id,
      orderReference: invoice.order_reference,
      currency: invoice.cur,
      createdBy: userId,
    });

  const { rows } = await sql<{
    documents: number;
    rejected: number;
    created: number;
    updated: number;
    unchanged: number;
    flagged: number;
    voided: number;
  }>`
    select count(*)::int as documents, (count(*) filter (where rejected))::int as rejected,
           (count(*) filter (where action = 'create'))::int as created,
           (count(*) filter (where action = 'update'))::int as updated,
           (count(*) filter (where action = 'unchanged'))::int as unchanged,
           (count(*) filter (where action = 'flag'))::int as flagged,
           (count(*) filter (where action = 'void'))::int as voided
      from ${D}`.execute(trx);
  const { rows: sums } = await sql<{ currency: string; amount: string }>`
    select cur as currency, sum(total)::bigint::text as amount from ${D}
     where action in ('create', 'update') group by cur order by cur`.execute(trx);
  return { ...rows[0]!, sums };
}

/**
 * One journal entry per invoice of `select` (invoice_id, customer_id, currency, amount, memo,
 * kind, debit, credit): `amount` on the debit account, its negation on the credit account, as
 * postEntry writes it (lines 1 and 2); a negative amount turns the entry around.
 */
async function postEntries(trx: Transaction<DB>, ctx: StagingContext, select: ReturnType<typeof sql>) {
  await sql`
    create temporary table if not exists import_invoice_entries (
      entry_id uuid, invoice_id uuid, credit_memo_id uuid, customer_id uuid, currency text, amount bigint,
      memo text, kind text, debit text, credit text
    ) on commit drop;
    truncate import_invoice_entries`.execute(ctx.trx);
  await sql`
    insert into import_invoice_entries
    select uuidv7(), s.invoice_id, null, s.customer_id, s.currency, s.amount, s.memo, s.kind, s.debit, s.credit
      from (${select}) s where s.amount <> 0`.execute(trx);
  await postEntriesFrom(trx, {
    orgId: ctx.orgId,
    table: 'import_invoice_entries',
    createdBy: ctx.actor.userId ?? null,
  });
}

export const invoicesImporter: KindImporter = { kind: 'invoices', validate, apply };
