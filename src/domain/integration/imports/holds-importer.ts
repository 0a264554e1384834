import { sql } from 'kysely';
import { recordIntegrationEvent } from '../webhooks/record-integration-event.ts';
import { findSubscribedEndpoints } from '../webhooks/webhooks.repository.ts';
import type { KindImporter } from './kind-importer.ts';
import {
  customerByRef,
  documentCounts,
  flagDuplicates,
  flagUnknownCustomers,
  lockKind,
  rejectErrored,
  requireFields,
  rows,
  staged,
} from './staging-sql.ts';

/** What a hold from the ERP says internally when the file gives no reason (the hold rule needs one). */
const defaultReason = { es: 'Bloqueo de crédito desde el ERP', en: 'Credit hold from the ERP' } as const;

/**
 * Credit holds from the ERP: one row per customer, on_hold or active, through the console's hold
 * rules (customers/place-hold.ts, release-hold.ts): a hold has an internal reason (the file's, else
 * a fixed text in the seller's language) and an optional message for the customer; a release
 * clears both. A customer already so is unchanged; each change is audited as the console's is,
 * with who and when on the account.
 */
export const holdsImporter: KindImporter = {
  kind: 'holds',

  async validate(ctx) {
    await lockKind(ctx, 'holds');
    await requireFields(ctx, ['customer_erp_id', 'status']);
    await rejectErrored(ctx);
    await flagUnknownCustomers(ctx);
    await rejectErrored(ctx);
    await flagDuplicates(ctx, sql`${customerByRef(ctx, sql`s.customer_erp_id`)}`, 'customer_erp_id');
    await rejectErrored(ctx);
  },

  async apply(ctx) {
    const by = ctx.actor.userId ?? null;
    const changed = await rows<{
      id: string;
      status: 'on_hold' | 'active';
      reason: string | null;
      message: string | null;
    }>(
      ctx,
      sql`with wanted as (
            select c.id, s.status,
                   case when s.status = 'on_hold'
                        then coalesce(nullif(btrim(s.reason), ''), c.hold_reason,
                                      case o.locale when 'en' then ${defaultReason.en} else ${defaultReason.es} end)
                   end as reason,
                   case when s.status = 'on_hold'
                        then coalesce(nullif(btrim(s.customer_message), ''),
                                      case when c.hold_status = 'on_hold' then c.hold_message end)
                   end as message,
                   nullif(btrim(s.reason), '') as release_reason,
                   c.hold_status as old_status, c.hold_reason as old_reason, c.hold_message as old_message
              from ${staged(ctx)} s
              join customer_accounts c on c.org_id = ${ctx.orgId} and c.id = ${customerByRef(ctx, sql`s.customer_erp_id`)}
              join organizations o on o.id = ${ctx.orgId}
             where not s.rejected
             for update of c
          ), changes as (
            select * from wanted w
             where (w.status = 'active' and w.old_status = 'on_hold')
                or (w.status = 'on_hold' and (w.old_status = 'active' or w.reason is distinct from w.old_reason
                                              or w.message is distinct from w.old_message))
          ), updated as (
            update customer_accounts c
               set hold_status = x.status, hold_reason = x.reason, hold_message = x.message,
                   hold_by = ${by}::uuid, hold_at = now(), updated_at = now()
              from changes x
             where c.org_id = ${ctx.orgId} and c.id = x.id
            returning c.id
          ), audited as (
            -- data-modifying CTEs run whether or not the final select reads them
            insert into audit_log (org_id, id, actor_user_id, actor_api_key_id, action, entity_type, entity_id,
                                   before, after, request_id, ip)
            select ${ctx.orgId}, uuidv7(), ${by}::uuid, ${ctx.actor.apiKeyId ?? null}::uuid,
                   case x.status when 'on_hold' then 'customer_account.hold_placed'
                                 else 'customer_account.hold_released' end,
                   'customer_account', x.id::text,
                   jsonb_build_object('holdStatus', x.old_status, 'holdReason', x.old_reason,
                                      'customerMessage', x.old_message),
                   case x.status
                     when 'on_hold' then jsonb_build_object('holdStatus', 'on_hold', 'holdReason', x.reason,
                                                            'customerMessage', x.message)
                     else jsonb_build_object('holdStatus', 'active', 'reason', x.release_reason) end,
                   ${ctx.actor.requestId ?? null}, ${ctx.actor.ip ?? null}::inet
              from changes x
          )
          select x.id, x.status, case x.status when 'on_hold' then x.reason else x.release_reason end as reason,
                 x.message
            from changes x`,
    );
    const counts = await documentCounts(ctx, sql`s.line`);
    const updated = changed.length;
    // The ERP's listeners hear of each change as of the console's (one look-up when none listens).
    if (
      updated > 0 &&
      (await findSubscribedEndpoints(ctx.trx, { orgId: ctx.orgId, type: 'customer.hold_changed' })).length
    )
      for (const c of changed)
        await recordIntegrationEvent(ctx.trx, {
          orgId: ctx.orgId,
          type: 'customer.hold_changed',
          data: { customerId: c.id, holdStatus: c.status, reason: c.reason, customerMessage: c.message },
        });
    return {
      documents: counts.documents,
      rejected: counts.rejected,
      created: 0,
      updated,
      unchanged: counts.documents - counts.rejected - updated,
      flagged: 0,
      voided: 0,
      sums: [],
    };
  },
};
