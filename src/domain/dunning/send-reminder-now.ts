import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { parseDay } from '../calendar/calendar-day.ts';
import { recipientsOf } from '../collections/collections.repository.ts';
import { orgTodayOf } from '../customers/balances.ts';
import { AppError } from '../errors.ts';
import type { Mailer, OutgoingMail } from '../mail/mail-port.ts';
import { pausedAmountSql, pausedBySql } from '../promises/chase-pauses.ts';
import { groupReminders, sendReminderGroups } from './reminder-mail.ts';

export type ReminderNowSkip = 'paid' | 'pending_payment' | 'dispute' | 'promise';

interface Row {
  id: string;
  number: string;
  due_date: string;
  currency: string;
  status: string;
  open_amount: bigint;
  pending_amount: bigint;
  paused: bigint;
  paused_by: 'dispute' | 'promise' | null;
}

/**
 * "Send reminder now" from the console: one reminder (the `reminder` template) per currency to
 * every contact of the customer that receives reminders, for the invoices named — by default
 * every open one — less what is paused. An invoice paid, with a payment in flight, disputed or
 * covered by a promise is left out and said why; with nothing left it is refused. Invoices of
 * another customer or seller are not found. It is recorded beside the steps (kind 'manual'),
 * counts in the statistics and shows in the customer's activity with the message.
 */
export async function sendReminderNow(
  deps: { db: Database; mailer: Mailer; publicUrl: string; now?: () => Date },
  input: { orgId: string; customerId: string; invoiceIds?: string[] | undefined; actor: Actor },
) {
  return inTransaction(deps.db, async (trx) => {
    const customer = await trx
      .selectFrom('customer_accounts')
      .select(['id', 'name'])
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.customerId)
      .executeTakeFirst();
    if (!customer) throw new AppError('not_found');
    const named = input.invoiceIds ? [...new Set(input.invoiceIds)] : null;
    const { rows } = await sql<Row>`
      select i.id, i.number, i.due_date::text as due_date, i.currency, i.status, i.open_amount, i.pending_amount,
             case when i.status = 'open' and i.open_amount > 0 then ${pausedAmountSql(input.orgId, 'i')} else 0 end::int8 as paused,
             case when i.status = 'open' and i.open_amount > 0 then ${pausedBySql(input.orgId, 'i')} end as paused_by
        from invoices i
       where i.org_id = ${input.orgId} and i.customer_id = ${input.customerId}
         and ${
           named === null
             ? sql`i.status = 'open' and i.open_amount > 0`
             : sql`i.id = any(${named}::uuid[]) and i.status <> 'draft'`
         }
       order by i.due_date, i.number
    `.execute(trx);
    if (named && rows.length !== named.length) throw new AppError('not_found');
    const recipients = await recipientsOf(trx, input.orgId, [input.customerId]);
    if (!recipients.get(input.customerId)?.length) throw new AppError('no_reminder_recipients');
    const skipped: { invoiceId: string; number: string; reason: ReminderNowSkip }[] = [];
    const chased: Row[] = [];
    for (const r of rows) {
      const reason: ReminderNowSkip | null =
        r.status !== 'open' || r.open_amount <= 0n
          ? 'paid'
          : r.pending_amount > 0n
            ? 'pending_payment'
            : r.paused >= r.open_amount
              ? (r.paused_by ?? 'dispute')
              : null;
      if (reason) skipped.push({ invoiceId: r.id, number: r.number, reason });
      else chased.push(r);
    }
    if (chased.length === 0) throw new AppError('nothing_to_remind');
    const [today, org] = await Promise.all([
      orgTodayOf(trx, input.orgId),
      trx
        .selectFrom('organizations')
        .select(['name', 'country'])
        .where('id', '=', input.orgId)
        .executeTakeFirstOrThrow(),
    ]);
    const groups = groupReminders(
      chased.map((r) => ({
        invoiceId: r.id,
        customerId: input.customerId,
        customerName: customer.name,
        number: r.number,
        dueDate: r.due_date,
        currency: r.currency,
        amountDue: r.open_amount - r.paused,
        daysFromDue: parseDay(today!) - parseDay(r.due_date),
        offsetDays: null,
        template: 'reminder' as const,
      })),
      'manual',
    );
    const enqueueMany = async (db: Database, mails: OutgoingMail[]) => {
      const ids: string[] = [];
      for (const mail of mails) ids.push((await deps.mailer.enqueue(db, mail)).id);
      return { ids };
    };
    const sent = await sendReminderGroups(
      { db: trx, enqueueMany, publicUrl: deps.publicUrl, ...(deps.now ? { now: deps.now } : {}) },
      trx,
      { orgId: input.orgId, today: today!, runId: null, userId: input.actor.userId ?? null, org, groups },
    );
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'customer_account.reminder_sent',
      entityType: 'customer_account',
      entityId: input.customerId,
      after: { invoices: chased.map((r) => r.number), messages: sent.messages },
    });
    return {
      messages: sent.messages,
      invoices: chased.map((r) => ({
        invoiceId: r.id,
        number: r.number,
        amountDue: r.open_amount - r.paused,
      })),
      skipped,
    };
  });
}
