import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { ReminderTemplate } from '../../db/schema.ts';
import { formatDay, parseDay } from '../calendar/calendar-day.ts';
import { orgTodayOf } from '../customers/balances.ts';
import { pausedAmountSql, pausedBySql } from '../promises/chase-pauses.ts';
import { type DunningStep, loadDunningSettings, loadSteps, type ReminderSkip } from './dunning.repository.ts';

export type PreviewSkip = ReminderSkip | 'no_recipients';

export interface DunningPreviewItem {
  date: string;
  customerId: string;
  customerName: string;
  accountNumber: string;
  invoiceId: string;
  invoiceNumber: string;
  dueDate: string;
  currency: string;
  amountDue: bigint;
  offsetDays: number;
  template: ReminderTemplate;
  recipients: number;
  skip: PreviewSkip | null;
}

interface Row {
  id: string;
  customer_id: string;
  customer_name: string;
  account_number: string;
  number: string;
  due_date: string;
  currency: string;
  amount: bigint;
  pending: boolean;
  fully_paused: boolean;
  paused_by: 'dispute' | 'promise' | null;
  mode: 'custom' | 'off' | null;
  last_offset: number | null;
  recipients: number;
}

const MAX_ITEMS = 500;
/** The most a step may precede the due date (the steps' check constraint): what the window must look past. */
const EARLIEST_OFFSET = 90;

const addDays = (ymd: string, days: number) => formatDay(parseDay(ymd) + days);

/**
 * What the daily runs will send over the next `days` days if nothing is paid meanwhile: for each
 * open invoice, the step today's run catches up (the latest reached and not yet sent), then each
 * later step on its own day. Invoices held back today say why (a payment in flight, a dispute, a
 * promise, reminders off for the customer, nobody to receive them). From tomorrow when today's
 * run already went. At most 500 entries, soonest first.
 */
export async function previewDunning(
  deps: { db: Database },
  input: { orgId: string; days: number },
): Promise<{ from: string; to: string; truncated: boolean; items: DunningPreviewItem[] }> {
  const { db } = deps;
  const [settings, sellerSteps, today, customSteps] = await Promise.all([
    loadDunningSettings(db, input.orgId),
    loadSteps(db, input.orgId, null),
    orgTodayOf(db, input.orgId).then((d) => d!),
    db
      .selectFrom('dunning_steps')
      .select(['customer_id', 'offset_days', 'template'])
      .where('org_id', '=', input.orgId)
      .where('customer_id', 'is not', null)
      .orderBy('offset_days')
      .execute(),
  ]);
  const from = settings.lastRunOn && settings.lastRunOn >= today ? addDays(today, 1) : today;
  const to = addDays(from, input.days - 1);
  const own = new Map<string, DunningStep[]>();
  for (const s of customSteps) {
    const list = own.get(s.customer_id!) ?? [];
    list.push({ offsetDays: s.offset_days, template: s.template });
    own.set(s.customer_id!, list);
  }
  const { rows } = await sql<Row>`
    select i.id, i.customer_id, c.name as customer_name, c.account_number, i.number,
           i.due_date::text as due_date, i.currency, (case when paused.amount >= i.open_amount then i.open_amount
                 else i.open_amount - paused.amount end)::int8 as amount,
           i.pending_amount > 0 as pending, paused.amount >= i.open_amount as fully_paused,
           ${pausedBySql(input.orgId, 'i')} as paused_by, p.mode,
           (select max(r.offset_days) from reminder_sends r
             where r.org_id = i.org_id and r.invoice_id = i.id and r.kind = 'step') as last_offset,
           (select count(*) from customer_contacts cc
             where cc.org_id = i.org_id and cc.account_id = i.customer_id and cc.email is not null
               and 'reminders' = any(cc.receives))::int as recipients
      from invoices i
      join customer_accounts c on c.org_id = i.org_id and c.id = i.customer_id
      left join dunning_customer_policies p on p.org_id = i.org_id and p.customer_id = i.customer_id
      cross join lateral (select ${pausedAmountSql(input.orgId, 'i')} as amount) paused
     where i.org_id = ${input.orgId} and i.status = 'open' and i.open_amount > 0
       and i.due_date <= ${to}::date + ${EARLIEST_OFFSET}::int
     order by i.due_date, i.number
  `.execute(db);
  const items: DunningPreviewItem[] = [];
  for (const r of rows) {
    const steps = r.mode === 'custom' ? (own.get(r.customer_id) ?? []) : sellerSteps;
    const skip: PreviewSkip | null =
      r.mode === 'off'
        ? 'opted_out'
        : r.pending
          ? 'pending_payment'
          : r.fully_paused
            ? (r.paused_by ?? 'dispute')
            : r.recipients === 0
              ? 'no_recipients'
              : null;
    let last = r.last_offset ?? Number.NEGATIVE_INFINITY;
    // The first day catches up: the latest step whose day has come.
    const caught = steps.filter((s) => addDays(r.due_date, s.offsetDays) <= from).at(-1);
    const fires: { date: string; step: DunningStep }[] = [];
    if (caught && caught.offsetDays > last) {
      fires.push({ date: from, step: caught });
      last = caught.offsetDays;
    }
    for (const step of steps) {
      const date = addDays(r.due_date, step.offsetDays);
      if (date > from && date <= to && step.offsetDays > last) {
        fires.push({ date, step });
        last = step.offsetDays;
      }
    }
    for (const { date, step } of fires)
      items.push({
        date,
        customerId: r.customer_id,
        customerName: r.customer_name,
        accountNumber: r.account_number,
        invoiceId: r.id,
        invoiceNumber: r.number,
        dueDate: r.due_date,
        currency: r.currency,
        amountDue: r.amount,
        offsetDays: step.offsetDays,
        template: step.template,
        recipients: r.recipients,
        skip,
      });
  }
  items.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.customerName.localeCompare(b.customerName) ||
      a.invoiceNumber.localeCompare(b.invoiceNumber),
  );
  return { from, to, truncated: items.length > MAX_ITEMS, items: items.slice(0, MAX_ITEMS) };
}
