import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { HoldRule, Locale } from '../../db/schema.ts';
import { t } from '../../i18n/index.ts';
import { systemActor } from '../audit/record-audit.ts';
import { transitionHold } from '../customers/hold-transition.ts';
import { pausedAmountSql } from '../promises/chase-pauses.ts';
import type { HoldRules } from './dunning.repository.ts';

interface RuleRow {
  customer_id: string;
  hold_status: 'active' | 'on_hold';
  hold_rule: HoldRule | null;
  matches: HoldRule | null;
}

/**
 * Which customers the seller's hold rules catch on `today`, as SQL: an invoice overdue more than
 * N days for what is not paused (a disputed or promised amount never places a hold, nor money in
 * flight), or a balance in the account's currency over its credit limit. Only accounts that may
 * change come back: active ones a rule catches, and automatically held ones.
 */
async function ruleMatches(db: Database, orgId: string, today: string, rules: HoldRules): Promise<RuleRow[]> {
  const days = rules.overdueDays;
  const { rows } = await sql<RuleRow>`
    select c.id as customer_id, c.hold_status, c.hold_rule,
           case
             when ${days}::int is not null and exists (
               select 1 from invoices i
                where i.org_id = c.org_id and i.customer_id = c.id and i.status = 'open'
                  and i.open_amount > 0 and i.pending_amount = 0
                  and i.due_date < ${today}::date - ${days}::int
                  and i.open_amount > ${pausedAmountSql(orgId, 'i')})
               then 'overdue'
             when ${rules.overLimit} and c.credit_limit is not null and (
               coalesce((select sum(i.open_amount) from invoices i
                          where i.org_id = c.org_id and i.customer_id = c.id and i.status = 'open'
                            and i.open_amount > 0 and i.currency = c.currency), 0)
               - coalesce((select sum(p.unapplied_amount) from payments p
                          where p.org_id = c.org_id and p.customer_id = c.id and p.status = 'completed'
                            and p.unapplied_amount > 0 and p.currency = c.currency), 0)
               - coalesce((select sum(m.unapplied_amount) from credit_memos m
                          where m.org_id = c.org_id and m.customer_id = c.id and m.status = 'open'
                            and m.unapplied_amount > 0 and m.currency = c.currency), 0)
             ) > c.credit_limit
               then 'over_limit'
           end as matches
      from customer_accounts c
     where c.org_id = ${orgId} and (c.hold_status = 'active' or c.hold_rule is not null)
  `.execute(db);
  return rows.filter((r) => (r.hold_status === 'active' ? r.matches !== null : r.matches !== r.hold_rule));
}

/**
 * The seller's automatic hold rules, applied on its day `today`: an active account a rule catches
 * is placed on hold (its reason says which rule, in the seller's language); an account a rule put
 * on hold that no rule catches any more (paid, a rule turned off) is released; one caught by the
 * other rule now keeps its hold under that rule. Holds staff placed are never touched. Each change
 * goes through the same transition as staff's own holds — an audit row and a
 * `customer.hold_changed` event for the ERP and webhooks — in the caller's transaction.
 */
export async function applyHoldRules(
  deps: { db: Database },
  input: { orgId: string; today: string; rules: HoldRules; locale: Locale },
): Promise<{ placed: string[]; released: string[] }> {
  const changes = await ruleMatches(deps.db, input.orgId, input.today, input.rules);
  const placed: string[] = [];
  const released: string[] = [];
  for (const change of changes) {
    const rule = change.matches;
    const reason = rule
      ? rule === 'overdue'
        ? t(input.locale, 'hold.rule.overdue', { days: input.rules.overdueDays ?? 0 })
        : t(input.locale, 'hold.rule.over_limit')
      : null;
    await transitionHold(
      deps.db,
      { orgId: input.orgId, customerId: change.customer_id, actor: systemActor },
      (current) => {
        // Staff may have changed the hold since the rules were read: leave their holds alone.
        if (current.hold_status === 'on_hold' && current.hold_rule === null) return null;
        if (rule === null) {
          if (current.hold_status !== 'on_hold') return null;
          released.push(change.customer_id);
          return {
            status: 'active',
            reason: null,
            message: null,
            action: 'customer_account.hold_released',
            before: { holdStatus: 'on_hold', holdReason: current.hold_reason, rule: current.hold_rule },
            after: { holdStatus: 'active' },
          };
        }
        if (current.hold_status === 'active') placed.push(change.customer_id);
        return {
          status: 'on_hold',
          reason,
          message: null,
          rule,
          action: 'customer_account.hold_placed',
          before: { holdStatus: current.hold_status, holdReason: current.hold_reason },
          after: { holdStatus: 'on_hold', holdReason: reason, rule },
        };
      },
    );
  }
  return { placed, released };
}
