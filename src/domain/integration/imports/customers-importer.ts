import { type RawBuilder, sql } from 'kysely';
import type { KindImporter, StagingContext } from './kind-importer.ts';
import {
  addErrors,
  amountParams,
  amountProblem,
  auditRows,
  documentCounts,
  exponentOf,
  flagDuplicates,
  lockKind,
  rejectErrored,
  requireFields,
  rows,
  run,
  staged,
} from './staging-sql.ts';

/**
 * Customers from the ERP, upserted by the ERP's id with the console's rules (create-customer.ts,
 * update-customer.ts): the account number defaults to the ERP id and is the seller's only once;
 * terms 0–3650 days; a credit limit ≥ 0 in the customer's currency's minor units; a collector is
 * one of the seller's staff, named by e-mail; the currency changes only while no document names
 * the customer. A customer made by hand whose account number is the
 * ERP's id (and has no ERP id yet) is that customer: the import links it instead of refusing it.
 *
 * An empty cell (or an unmapped column) keeps what the customer has; a new customer gets the
 * seller's currency and language and 30 days. Addresses merge the parts given; tags (split on
 * `,` or `;`) replace the customer's. An `email` or `phone` sets the customer's billing contact
 * (role 'billing', made when there is none). Each customer created or changed gets one audit row,
 * as the console writes them (changed fields before → after); an identical row is unchanged.
 */

/** The seller's customer a staged row is: by ERP id, else a customer with no ERP id under that account number. */
function matchOf(ctx: StagingContext): RawBuilder<string | null> {
  return sql<string | null>`coalesce(
    (select c.id from customer_accounts c where c.org_id = ${ctx.orgId} and c.erp_id = s.erp_id),
    (select c.id from customer_accounts c
      where c.org_id = ${ctx.orgId} and c.erp_id is null and c.account_number = coalesce(s.account_number, s.erp_id)))`;
}

/** The staff member of the seller with this e-mail (users keep e-mails lower-cased). */
function collectorOf(ctx: StagingContext, email: RawBuilder<unknown>): RawBuilder<string | null> {
  return sql<string | null>`(select u.id from users u join staff_memberships m on m.user_id = u.id
                               where m.org_id = ${ctx.orgId} and u.email = ${email})`;
}

const changes = 'import_customer_changes';

/** A customer's fields as the audit log shows them (update-customer.ts's names), from columns prefixed `p`. */
function auditDoc(p: string): RawBuilder<unknown> {
  const c = (name: string) => sql.ref(`${p}${name}`);
  return sql`jsonb_build_object(
    'accountNumber', ${c('account_number')}, 'name', ${c('name')}, 'taxId', ${c('tax_id')},
    'currency', ${c('currency')}, 'locale', ${c('locale')}, 'paymentTermsDays', ${c('payment_terms_days')},
    'creditLimit', ${c('credit_limit')}::text, 'billingAddress', ${c('billing_address')},
    'collectorUserId', ${c('collector_user_id')}, 'tags', to_jsonb(${c('tags')}), 'erpId', ${c('erp_id')})`;
}

export const customersImporter: KindImporter = {
  kind: 'customers',

  async validate(ctx) {
    await lockKind(ctx, 'customers');
    const s = staged(ctx);
    await requireFields(ctx, ['erp_id', 'name']);
    await rejectErrored(ctx);
    await flagDuplicates(ctx, sql`s.erp_id`, 'erp_id');
    await rejectErrored(ctx);
    await flagDuplicates(
      ctx,
      sql`coalesce(s.account_number, s.erp_id)`,
      'account_number',
      sql`coalesce(s.account_number, s.erp_id)`,
    );
    await rejectErrored(ctx);

    await addErrors(
      ctx,
      sql`select s.line, 'payment_terms_days', 'terms_out_of_range', jsonb_build_object('min', 0, 'max', 3650)
            from ${s} s where not s.rejected and s.payment_terms_days not between 0 and 3650`,
    );
    const currency = sql`coalesce(s.currency, c.currency::text, o.default_currency::text)`;
    const problem = amountProblem(sql`s.credit_limit`, currency, 'not_negative');
    await addErrors(
      ctx,
      sql`select x.line, 'credit_limit', x.problem, x.params from (
            select s.line, ${problem} as problem, ${amountParams(problem, currency)} as params
              from ${s} s
              join organizations o on o.id = ${ctx.orgId}
              left join customer_accounts c on c.org_id = ${ctx.orgId} and c.id = ${matchOf(ctx)}
             where not s.rejected and s.credit_limit is not null) x
           where x.problem is not null`,
    );
    await addErrors(
      ctx,
      sql`select s.line, 'collector_email', 'unknown_collector', jsonb_build_object('email', s.collector_email)
            from ${s} s
           where not s.rejected and s.collector_email is not null
             and ${collectorOf(ctx, sql`s.collector_email`)} is null`,
    );
    // As in the console: a customer's currency is fixed once a document names it.
    await addErrors(
      ctx,
      sql`select s.line, 'currency', 'currency_locked', jsonb_build_object('currency', c.currency::text)
            from ${s} s
            join customer_accounts c on c.org_id = ${ctx.orgId} and c.id = ${matchOf(ctx)}
           where not s.rejected and s.currency is not null and s.currency <> c.currency::text
             and (exists (select 1 from invoices i where i.org_id = c.org_id and i.customer_id = c.id)
                  or exists (select 1 from credit_memos m where m.org_id = c.org_id and m.customer_id = c.id)
                  or exists (select 1 from payments p where p.org_id = c.org_id and p.customer_id = c.id))`,
    );
    // The account number the customer will have must not be another customer's.
    await addErrors(
      ctx,
      sql`select x.line, case when x.given then 'account_number' else 'erp_id' end, 'account_number_taken',
                 jsonb_build_object('number', x.number)
            from (select s.line, s.account_number is not null as given, m.id as match_id,
                         coalesce(s.account_number, m.account_number, s.erp_id) as number
                    from ${s} s
                    left join customer_accounts m on m.org_id = ${ctx.orgId} and m.id = ${matchOf(ctx)}
                   where not s.rejected) x
           where exists (select 1 from customer_accounts c
                          where c.org_id = ${ctx.orgId} and c.account_number = x.number
                            and c.id is distinct from x.match_id)`,
    );
    await rejectErrored(ctx);
  },

  async apply(ctx) {
    const s = staged(ctx);
    const org = ctx.orgId;
    await run(
      ctx,
      sql`select 1 from customer_accounts c
           where c.org_id = ${org} and c.id in (select ${matchOf(ctx)} from ${s} s where not s.rejected)
           order by c.id for update`,
    );
    await run(ctx, sql`drop table if exists ${sql.table(changes)}`);
    // Every accepted row with what its customer has (o_*) and will have (n_*); new ids in line order.
    await run(
      ctx,
      sql`create temporary table ${sql.table(changes)} on commit drop as
          with base as (
            select s.*, c.id as match_id,
                   coalesce(s.currency, c.currency::text, o.default_currency::text) as n_currency,
                   c.account_number as o_account_number, c.name as o_name, c.tax_id as o_tax_id,
                   c.currency::text as o_currency, c.locale as o_locale,
                   c.payment_terms_days as o_payment_terms_days, c.credit_limit as o_credit_limit,
                   c.billing_address as o_billing_address, c.collector_user_id as o_collector_user_id,
                   c.tags as o_tags, c.erp_id as o_erp_id,
                   o.locale as org_locale
              from ${s} s
              join organizations o on o.id = ${org}
              left join customer_accounts c on c.org_id = ${org} and c.id = ${matchOf(ctx)}
             where not s.rejected
          )
          select q.*, coalesce(q.match_id, uuidv7()) as id from (
          select b.*, b.match_id is not null as existing,
                 coalesce(b.account_number, b.o_account_number, b.erp_id) as n_account_number,
                 coalesce(b.name, b.o_name) as n_name,
                 coalesce(b.tax_id, b.o_tax_id) as n_tax_id,
                 coalesce(b.locale, b.o_locale, b.org_locale) as n_locale,
                 coalesce(b.payment_terms_days, b.o_payment_terms_days, 30) as n_payment_terms_days,
                 case when b.credit_limit is null then b.o_credit_limit
                      else (b.credit_limit * power(10::numeric, ${exponentOf(sql`b.n_currency`)}))::bigint
                 end as n_credit_limit,
                 coalesce(b.o_billing_address, '{}'::jsonb) || jsonb_strip_nulls(jsonb_build_object(
                   'line1', b.billing_line1, 'line2', b.billing_line2, 'city', b.billing_city,
                   'region', b.billing_region, 'postalCode', b.billing_postal_code,
                   'country', upper(b.billing_country))) as n_billing_address,
                 case when b.collector_email is null then b.o_collector_user_id
                      else ${collectorOf(ctx, sql`b.collector_email`)} end as n_collector_user_id,
                 case when b.tags is null then coalesce(b.o_tags, '{}')
                      else coalesce((select array_agg(t.tag order by t.first)
                                       from (select btrim(u.tag) as tag, min(u.n) as first
                                               from unnest(regexp_split_to_array(b.tags, '[,;]')) with ordinality u(tag, n)
                                              where btrim(u.tag) <> '' group by btrim(u.tag)) t), '{}')
                 end as n_tags,
                 b.erp_id as n_erp_id
            from base b
           order by b.line) q`,
    );
    await run(
      ctx,
      sql`alter table ${sql.table(changes)} add column changed boolean;
          update ${sql.table(changes)} set changed = not existing or
            (o_account_number, o_name, o_tax_id, o_currency, o_locale, o_payment_terms_days, o_credit_limit,
             o_billing_address, o_collector_user_id, o_tags, o_erp_id)
            is distinct from
            (n_account_number, n_name, n_tax_id, n_currency, n_locale, n_payment_terms_days, n_credit_limit,
             n_billing_address, n_collector_user_id, n_tags, n_erp_id)`,
    );
    await run(
      ctx,
      sql`insert into customer_accounts (org_id, id, account_number, name, tax_id, currency, locale,
                                         payment_terms_days, credit_limit, billing_address, collector_user_id,
                                         tags, erp_id)
          select ${org}, x.id, x.n_account_number, x.n_name, x.n_tax_id, x.n_currency, x.n_locale,
                 x.n_payment_terms_days, x.n_credit_limit, x.n_billing_address, x.n_collector_user_id,
                 x.n_tags, x.n_erp_id
            from ${sql.table(changes)} x where not x.existing order by x.line`,
    );
    await run(
      ctx,
      sql`update customer_accounts c
             set account_number = x.n_account_number, name = x.n_name, tax_id = x.n_tax_id,
                 currency = x.n_currency, locale = x.n_locale, payment_terms_days = x.n_payment_terms_days,
                 credit_limit = x.n_credit_limit, billing_address = x.n_billing_address,
                 collector_user_id = x.n_collector_user_id, tags = x.n_tags, erp_id = x.n_erp_id,
                 updated_at = now()
            from ${sql.table(changes)} x
           where x.existing and x.changed and c.org_id = ${org} and c.id = x.id`,
    );
    await auditRows(
      ctx,
      sql`select 'customer_account.created', 'customer_account', x.id,
                 null::jsonb,
                 jsonb_build_object('org_id', ${org}::text, 'id', x.id, 'account_number', x.n_account_number,
                   'name', x.n_name, 'tax_id', x.n_tax_id, 'currency', x.n_currency, 'locale', x.n_locale,
                   'payment_terms_days', x.n_payment_terms_days, 'credit_limit', x.n_credit_limit::text,
                   'billing_address', x.n_billing_address, 'collector_user_id', x.n_collector_user_id,
                   'tags', to_jsonb(x.n_tags), 'erp_id', x.n_erp_id)
            from ${sql.table(changes)} x where not x.existing
          union all
          select 'customer_account.updated', 'customer_account', x.id,
                 (select jsonb_object_agg(k, d.before -> k) from jsonb_object_keys(d.after) k
                   where d.before -> k is distinct from d.after -> k),
                 (select jsonb_object_agg(k, d.after -> k) from jsonb_object_keys(d.after) k
                   where d.before -> k is distinct from d.after -> k)
            from ${sql.table(changes)} x,
                 lateral (select ${auditDoc('x.o_')} as before, ${auditDoc('x.n_')} as after) d
           where x.existing and x.changed`,
    );
    const contactChanged = await applyBillingContacts(ctx);

    const [counted] = await rows<{ created: number; updated: number }>(
      ctx,
      sql`select count(*) filter (where not x.existing)::int as created,
                 count(*) filter (where x.existing and (x.changed or x.id = any(${contactChanged}::uuid[])))::int
                   as updated
            from ${sql.table(changes)} x`,
    );
    const counts = await documentCounts(ctx, sql`s.line`);
    const created = counted?.created ?? 0;
    const updated = counted?.updated ?? 0;
    return {
      documents: counts.documents,
      rejected: counts.rejected,
      created,
      updated,
      unchanged: counts.documents - counts.rejected - created - updated,
      flagged: 0,
      voided: 0,
      sums: [],
    };
  },
};

/**
 * The billing contact of each customer whose row gives an e-mail or a phone: the customer's
 * contact with role 'billing' (else the one with that e-mail), changed where the file differs, or
 * a new one named as the customer. Audited on the account as the console's contact changes are.
 * Answers the customers whose contact changed.
 */
async function applyBillingContacts(ctx: StagingContext): Promise<string[]> {
  const org = ctx.orgId;
  const found = await rows<{ customer_id: string }>(
    ctx,
    sql`with wanted as (
          select x.id as customer_id, x.n_name, x.n_locale, x.email, x.phone,
                 (select k.id from customer_contacts k
                   where k.org_id = ${org} and k.account_id = x.id and (k.role = 'billing' or k.email = x.email)
                   order by (k.role = 'billing') desc, k.created_at, k.id limit 1) as contact_id
            from ${sql.table(changes)} x
           where x.email is not null or x.phone is not null
        ), current as (
          select w.*, k.email as o_email, k.phone as o_phone,
                 coalesce(w.email, k.email) as n_email, coalesce(w.phone, k.phone) as n_phone
            from wanted w left join customer_contacts k on k.org_id = ${org} and k.id = w.contact_id
        ), added as (
          insert into customer_contacts (org_id, id, account_id, name, email, phone, role, locale)
          select ${org}, uuidv7(), c.customer_id, c.n_name, c.n_email, c.n_phone, 'billing', c.n_locale
            from current c where c.contact_id is null
          returning id, account_id, name, email, phone, role, locale, receives
        ), changed as (
          update customer_contacts k set email = c.n_email, phone = c.n_phone
            from current c
           where c.contact_id is not null and k.org_id = ${org} and k.id = c.contact_id
             and (k.email, k.phone) is distinct from (c.n_email, c.n_phone)
          returning k.id, k.account_id, k.name, c.o_email, c.o_phone, k.email, k.phone
        ), audited as (
          insert into audit_log (org_id, id, actor_user_id, actor_api_key_id, action, entity_type, entity_id,
                                 before, after, request_id, ip)
          select ${org}, uuidv7(), ${ctx.actor.userId ?? null}::uuid, ${ctx.actor.apiKeyId ?? null}::uuid,
                 a.action, 'customer_account', a.account_id::text, a.before, a.after,
                 ${ctx.actor.requestId ?? null}, ${ctx.actor.ip ?? null}::inet
            from (select 'customer_contact.added' as action, d.account_id, null::jsonb as before,
                         to_jsonb(d) - 'account_id' as after
                    from added d
                  union all
                  select 'customer_contact.updated', u.account_id,
                         jsonb_build_object('id', u.id, 'name', u.name, 'email', u.o_email, 'phone', u.o_phone),
                         jsonb_build_object('id', u.id, 'name', u.name, 'email', u.email, 'phone', u.phone)
                    from changed u) a
        )
        select account_id as customer_id from added
        union select account_id from changed`,
  );
  return found.map((r) => r.customer_id);
}
