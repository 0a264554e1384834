import { type RawBuilder, sql } from 'kysely';
import type { KindImporter, StagingContext } from './kind-importer.ts';
import {
  customerByRef,
  documentCounts,
  flagDuplicates,
  flagUnknownCustomers,
  lockKind,
  rejectErrored,
  requireFields,
  rows,
  run,
  staged,
} from './staging-sql.ts';

/**
 * Contacts of the seller's customers (named by the customer's ERP id or account number), upserted
 * per customer by e-mail, else by name: a row with an e-mail is the contact with that e-mail, or
 * a contact of that name that has none yet; a row without one is the contact of that name. The
 * e-mail is the API's format (the engine reads it so, lower-cased). An empty cell keeps what the
 * contact has; a new contact speaks the customer's language and receives everything. Each
 * contact added or changed is audited on its customer account, as the console's are.
 */

/** The existing contact a staged row `s` (customer `cust`) is, or null. */
function contactOf(ctx: StagingContext, cust: RawBuilder<unknown>): RawBuilder<string | null> {
  return sql<string | null>`coalesce(
    (select k.id from customer_contacts k
      where k.org_id = ${ctx.orgId} and k.account_id = ${cust} and s.email is not null and k.email = s.email
      order by k.created_at, k.id limit 1),
    (select k.id from customer_contacts k
      where k.org_id = ${ctx.orgId} and k.account_id = ${cust} and lower(btrim(k.name)) = lower(btrim(s.name))
        and (s.email is null or k.email is null)
      order by k.created_at, k.id limit 1))`;
}

const changes = 'import_contact_changes';

export const contactsImporter: KindImporter = {
  kind: 'contacts',

  async validate(ctx) {
    await lockKind(ctx, 'contacts');
    await requireFields(ctx, ['customer_erp_id', 'name']);
    await rejectErrored(ctx);
    await flagUnknownCustomers(ctx);
    await rejectErrored(ctx);
    const cust = customerByRef(ctx, sql`s.customer_erp_id`);
    await flagDuplicates(
      ctx,
      sql`case when s.email is not null then (${cust})::text || ' ' || s.email end`,
      'email',
    );
    await flagDuplicates(
      ctx,
      sql`case when s.email is null then (${cust})::text || ' ' || lower(btrim(s.name)) end`,
      'name',
    );
    await rejectErrored(ctx);
    // Two rows that are one existing contact (one by e-mail, one by name).
    await flagDuplicates(ctx, sql`${contactOf(ctx, cust)}`, 'name');
    await rejectErrored(ctx);
  },

  async apply(ctx) {
    const org = ctx.orgId;
    const cust = customerByRef(ctx, sql`s.customer_erp_id`);
    await run(ctx, sql`drop table if exists ${sql.table(changes)}`);
    await run(
      ctx,
      // New ids are drawn in line order (the subquery's), so contacts list in the file's order.
      sql`create temporary table ${sql.table(changes)} on commit drop as
          select q.*, coalesce(q.contact_id, uuidv7()) as id from (
          select t.*, k.id is not null as existing,
                 btrim(t.name) as n_name, coalesce(t.email, k.email) as n_email,
                 coalesce(nullif(btrim(t.phone), ''), k.phone) as n_phone,
                 coalesce(nullif(btrim(t.role), ''), k.role) as n_role,
                 coalesce(t.locale, k.locale, c.locale) as n_locale,
                 to_jsonb(k) - 'org_id' - 'account_id' - 'created_at' as before,
                 (k.name, k.email, k.phone, k.role, k.locale) is distinct from
                   (btrim(t.name), coalesce(t.email, k.email), coalesce(nullif(btrim(t.phone), ''), k.phone),
                    coalesce(nullif(btrim(t.role), ''), k.role), coalesce(t.locale, k.locale, c.locale)) as changed
            from (select s.*, ${cust} as customer_id, ${contactOf(ctx, cust)} as contact_id
                    from ${staged(ctx)} s where not s.rejected) t
            join customer_accounts c on c.org_id = ${org} and c.id = t.customer_id
            left join customer_contacts k on k.org_id = ${org} and k.id = t.contact_id
           order by t.line) q`,
    );
    const { actor } = ctx;
    await run(
      ctx,
      sql`with added as (
            insert into customer_contacts (org_id, id, account_id, name, email, phone, role, locale)
            select ${org}, x.id, x.customer_id, x.n_name, x.n_email, x.n_phone, x.n_role, x.n_locale
              from ${sql.table(changes)} x where not x.existing order by x.line
            returning id, account_id, name, email, phone, role, locale, receives
          ), updated as (
            update customer_contacts k
               set name = x.n_name, email = x.n_email, phone = x.n_phone, role = x.n_role, locale = x.n_locale
              from ${sql.table(changes)} x
             where x.existing and x.changed and k.org_id = ${org} and k.id = x.id
            returning k.id, k.account_id, k.name, k.email, k.phone, k.role, k.locale, k.receives, x.before
          )
          insert into audit_log (org_id, id, actor_user_id, actor_api_key_id, action, entity_type, entity_id,
                                 before, after, request_id, ip)
          select ${org}, uuidv7(), ${actor.userId ?? null}::uuid, ${actor.apiKeyId ?? null}::uuid,
                 a.action, 'customer_account', a.account_id::text, a.before, a.after,
                 ${actor.requestId ?? null}, ${actor.ip ?? null}::inet
            from (select 'customer_contact.added' as action, d.account_id, null::jsonb as before,
                         to_jsonb(d) - 'account_id' as after
                    from added d
                  union all
                  select 'customer_contact.updated', u.account_id, u.before,
                         to_jsonb(u) - 'account_id' - 'before'
                    from updated u) a`,
    );
    const [counted] = await rows<{ created: number; updated: number }>(
      ctx,
      sql`select count(*) filter (where not x.existing)::int as created,
                 count(*) filter (where x.existing and x.changed)::int as updated
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
