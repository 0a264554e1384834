import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import { recipientsOf } from '../collections/collections.repository.ts';
import { balancesFor } from '../customers/balances.ts';
import type { OutgoingMail } from '../mail/mail-port.ts';
import { applyHoldRules } from './apply-hold-rules.ts';
import { addToDunningRun, claimDunningRun, dueReminders, loadDunningSettings } from './dunning.repository.ts';
import { groupReminders, type ReminderMailDeps, sendReminderGroups } from './reminder-mail.ts';

export const DUNNING_RUN_TASK = 'dunning.run';
export interface DunningRunPayload {
  orgId: string;
  runId: string;
}
export const dunningRunJobKey = (runId: string) => `dunning-run:${runId}`;

/** Customers per page: one transaction, one selection of what is due, one batch of messages. */
export const DUNNING_PAGE_SIZE = 500;

/**
 * One seller's daily run, on the day it was queued for: every reminder due (dueReminders) goes,
 * one message per customer, template and currency to each contact that receives reminders, with
 * a pay link for exactly those invoices; then the hold rules. Customers go by id in pages, each
 * committed whole; a page's sends are recorded unique per invoice and step, so a retried job (or
 * two at once) sends nothing twice. A run already done does nothing.
 */
export async function runDunning(
  deps: ReminderMailDeps,
  input: { orgId: string; runId: string; pageSize?: number },
): Promise<{ reminders: number; messages: number; holdsPlaced: number; holdsReleased: number } | null> {
  const { db } = deps;
  const run = await claimDunningRun(db, input.orgId, input.runId);
  if (!run) return null;
  const [settings, org] = await Promise.all([
    loadDunningSettings(db, input.orgId),
    db
      .selectFrom('organizations')
      .select(['name', 'country', 'locale'])
      .where('id', '=', input.orgId)
      .executeTakeFirstOrThrow(),
  ]);
  const today = run.runOn;
  const pageSize = input.pageSize ?? DUNNING_PAGE_SIZE;
  let after: string | null = null;
  let reminders = 0;
  let messages = 0;
  for (;;) {
    const page = await inTransaction(db, async (trx) => {
      const due = await dueReminders(trx, { orgId: input.orgId, today, after, customers: pageSize });
      if (due.length === 0) return null;
      const sent = await sendReminderGroups(deps, trx, {
        orgId: input.orgId,
        today,
        runId: input.runId,
        userId: run.createdBy,
        org,
        groups: groupReminders(due, 'step'),
      });
      await addToDunningRun(trx, {
        orgId: input.orgId,
        runId: input.runId,
        reminders: sent.reminders,
        messages: sent.messages,
      });
      return {
        last: due[due.length - 1]!.customerId,
        customers: new Set(due.map((d) => d.customerId)).size,
        sent,
      };
    });
    if (!page) break;
    reminders += page.sent.reminders;
    messages += page.sent.messages;
    after = page.last;
    if (page.customers < pageSize) break;
  }
  const holds = await inTransaction(db, async (trx) => {
    // With both rules off this only releases the holds they placed earlier.
    const changed = await applyHoldRules(
      { db: trx },
      { orgId: input.orgId, today, rules: settings.holdRules, locale: org.locale },
    );
    const notices = await holdNotices(deps, trx, {
      orgId: input.orgId,

      org,
      customerIds: changed.placed,
    });
    await addToDunningRun(trx, {
      orgId: input.orgId,
      runId: input.runId,
      messages: notices,
      holdsPlaced: changed.placed.length,
      holdsReleased: changed.released.length,
      done: true,
    });
    messages += notices;
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: run.createdBy ? { userId: run.createdBy } : systemActor,
      action: 'dunning.run',
      entityType: 'dunning_run',
      entityId: input.runId,
      after: {
        runOn: today,
        reminders,
        messages,
        holdsPlaced: changed.placed.length,
        holdsReleased: changed.released.length,
      },
    });
    return { holdsPlaced: changed.placed.length, holdsReleased: changed.released.length };
  });
  return { reminders, messages, ...holds };
}

/**
 * The "account on hold" e-mail to each contact that receives reminders of the accounts a rule
 * has just put on hold: what is overdue, and the portal.
 */
async function holdNotices(
  deps: ReminderMailDeps,
  trx: Database,
  input: { orgId: string; org: { name: string; country: string }; customerIds: string[] },
): Promise<number> {
  if (input.customerIds.length === 0) return 0;
  const recipients = await recipientsOf(trx, input.orgId, input.customerIds);
  const rows = await trx
    .selectFrom('customer_accounts')
    .select(['id', 'name', 'currency'])
    .where('org_id', '=', input.orgId)
    .where('id', 'in', input.customerIds)
    .execute();
  const balances = await balancesFor(trx, input.orgId, rows);
  const base = deps.publicUrl.replace(/\/+$/, '');
  const mails: OutgoingMail[] = rows.flatMap((c) =>
    (recipients.get(c.id) ?? []).map(
      (contact): OutgoingMail => ({
        orgId: input.orgId,
        to: contact.email,
        locale: contact.locale,
        template: 'account_on_hold',
        customerId: c.id,
        data: {
          name: contact.name,
          orgName: input.org.name,
          accountName: c.name,
          country: input.org.country,
          currency: c.currency,
          message: '',
          amountDue: balances.get(c.id)?.find((b) => b.currency === c.currency)?.overdue ?? 0n,
          url: `${base}/portal`,
        },
      }),
    ),
  );
  if (mails.length) await deps.enqueueMany(trx, mails);
  return mails.length;
}
