import { sql } from 'kysely';
import { systemActor } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { monthBounds, periodAgings } from './build-statement.ts';
import { type SendStatementDeps, sendStatement } from './send-statement.ts';
import { monthlyStatementExists } from './statements.repository.ts';

export const STATEMENT_RUN_TASK = 'statements.run';

/**
 * A month's statements for one seller: every customer with something in the period or a balance
 * at either end, and a contact that receives statements, gets the month's statement once (unique
 * per customer and period: a retried job skips the customers already sent). The two agings are
 * computed once for the whole seller.
 */
export async function runMonthlyStatements(
  deps: SendStatementDeps,
  input: { orgId: string; period: string },
): Promise<{ sent: number }> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.period)) throw new AppError('statement_period_invalid');
  const { start, end } = monthBounds(input.period);
  const agings = await periodAgings(deps.db, input.orgId, start, end);
  const withBalance = new Set<string>();
  for (const report of [agings.opening, agings.closing])
    for (const c of report?.currencies ?? []) for (const k of c.customers) withBalance.add(k.customerId);
  const active = await deps.db
    .selectFrom('customer_accounts as c')
    .select('c.id')
    .where('c.org_id', '=', input.orgId)
    .where((eb) =>
      eb.or([
        eb('c.id', 'in', withBalance.size ? [...withBalance] : ['00000000-0000-0000-0000-000000000000']),
        eb.exists(
          eb
            .selectFrom('invoices as i')
            .select('i.id')
            .whereRef('i.customer_id', '=', 'c.id')
            .where('i.org_id', '=', input.orgId)
            .where('i.issue_date', '>=', start)
            .where('i.issue_date', '<=', end),
        ),
      ]),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('customer_contacts as k')
          .select('k.id')
          .whereRef('k.account_id', '=', 'c.id')
          .where('k.org_id', '=', input.orgId)
          .where('k.email', 'is not', null)
          .where(sql<boolean>`'statements' = any(k.receives)`),
      ),
    )
    .orderBy('c.id')
    .execute();
  let sent = 0;
  for (const { id } of active) {
    if (await monthlyStatementExists(deps.db, { orgId: input.orgId, customerId: id, periodStart: start }))
      continue;
    await sendStatement(deps, {
      orgId: input.orgId,
      customerId: id,
      from: start,
      to: end,
      channel: 'monthly',
      actor: systemActor,
      agings,
    });
    sent += 1;
  }
  return { sent };
}
