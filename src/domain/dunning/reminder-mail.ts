import type { Database } from '../../db/client.ts';
import type { ReminderTemplate } from '../../db/schema.ts';
import { recipientsOf } from '../collections/collections.repository.ts';
import { createCollectionPayLinks, payLinkDaysOf } from '../collections/create-collection-pay-links.ts';
import type { OutgoingMail } from '../mail/mail-port.ts';
import { newId } from '../shared/ids.ts';
import { attachReminderMessages, insertReminderSends, type ReminderSendRow } from './dunning.repository.ts';

/** One reminder message's worth: a customer's invoices at one template, in one currency. */
export interface ReminderGroup {
  customerId: string;
  customerName: string;
  currency: string;
  template: ReminderTemplate;
  kind: 'step' | 'manual';
  invoices: {
    invoiceId: string;
    number: string;
    dueDate: string;
    amountDue: bigint;
    daysFromDue: number;
    offsetDays: number | null;
  }[];
}

export interface ReminderMailDeps {
  db: Database;
  /** Writes many messages at once (mail/batch-mailer.ts), on the caller's transaction. */
  enqueueMany: (db: Database, mails: OutgoingMail[]) => Promise<{ ids: string[] }>;
  publicUrl: string;
  now?: () => Date;
}

/**
 * Sends reminder groups on `trx`: records each invoice chased (a step at most once per invoice:
 * what another run already recorded is dropped), makes one pay link per group for exactly its
 * invoices, writes one message per receiving contact, and ties the records to the messages. A
 * customer with no contact that receives reminders gets nothing and nothing is recorded. Answers
 * the invoices recorded and the messages written.
 */
export async function sendReminderGroups(
  deps: ReminderMailDeps,
  trx: Database,
  input: {
    orgId: string;
    today: string;
    runId: string | null;
    userId: string | null;
    org: { name: string; country: string };
    groups: ReminderGroup[];
  },
): Promise<{ reminders: number; messages: number; sent: ReminderGroup[] }> {
  const customerIds = [...new Set(input.groups.map((g) => g.customerId))];
  const recipients = await recipientsOf(trx, input.orgId, customerIds);
  const reachable = input.groups.filter((g) => (recipients.get(g.customerId)?.length ?? 0) > 0);
  const rows: (ReminderSendRow & { group: number })[] = reachable.flatMap((g, group) =>
    g.invoices.map((i) => ({
      id: newId(),
      group,
      customerId: g.customerId,
      invoiceId: i.invoiceId,
      kind: g.kind,
      offsetDays: i.offsetDays,
      template: g.template,
      daysFromDue: i.daysFromDue,
      currency: g.currency,
      amount: i.amountDue,
    })),
  );
  const kept = await insertReminderSends(trx, {
    orgId: input.orgId,
    runId: input.runId,
    userId: input.userId,
    rows,
  });
  const groups = reachable
    .map((g, index) => ({
      group: g,
      sendIds: rows.filter((r) => r.group === index && kept.has(r.id)).map((r) => r.id),
    }))
    .filter((g) => g.sendIds.length > 0)
    .map(({ group, sendIds }) => {
      const keptInvoices = new Set(rows.filter((r) => sendIds.includes(r.id)).map((r) => r.invoiceId));
      return {
        group: { ...group, invoices: group.invoices.filter((i) => keptInvoices.has(i.invoiceId)) },
        sendIds,
      };
    });
  if (groups.length === 0) return { reminders: 0, messages: 0, sent: [] };
  const now = deps.now ?? (() => new Date());
  const days = await payLinkDaysOf(trx, input.orgId);
  const links = await createCollectionPayLinks(trx, {
    orgId: input.orgId,
    expiresAt: new Date(now().getTime() + days * 86_400_000),
    userId: input.userId,
    links: groups.map(({ group }) => ({
      customerId: group.customerId,
      currency: group.currency,
      invoices: group.invoices.map((i) => ({ invoiceId: i.invoiceId, amount: i.amountDue })),
    })),
  });
  const base = deps.publicUrl.replace(/\/+$/, '');
  const mails: OutgoingMail[] = [];
  const owners: number[] = [];
  groups.forEach(({ group }, index) => {
    const link = links[index]!;
    for (const contact of recipients.get(group.customerId)!) {
      mails.push({
        orgId: input.orgId,
        to: contact.email,
        locale: contact.locale,
        template: group.template,
        customerId: group.customerId,
        payLinkId: link.id,
        data: {
          name: contact.name,
          orgName: input.org.name,
          accountName: group.customerName,
          country: input.org.country,
          currency: group.currency,
          invoices: group.invoices.map((i) => ({ number: i.number, dueOn: i.dueDate, open: i.amountDue })),
          today: input.today,
          url: `${base}/pay/${link.token}`,
        },
      });
      owners.push(index);
    }
  });
  const { ids } = await deps.enqueueMany(trx, mails);
  await attachReminderMessages(
    trx,
    input.orgId,
    groups.map(({ sendIds }, index) => ({
      sendIds,
      messageIds: ids.filter((_, m) => owners[m] === index),
    })),
  );
  return {
    reminders: groups.reduce((sum, g) => sum + g.sendIds.length, 0),
    messages: mails.length,
    sent: groups.map((g) => g.group),
  };
}

/** Reminders due, grouped as they are sent: per customer, template and currency, in order. */
export function groupReminders(
  due: {
    invoiceId: string;
    customerId: string;
    customerName: string;
    number: string;
    dueDate: string;
    currency: string;
    amountDue: bigint;
    daysFromDue: number;
    offsetDays: number | null;
    template: ReminderTemplate;
  }[],
  kind: 'step' | 'manual',
): ReminderGroup[] {
  const groups = new Map<string, ReminderGroup>();
  for (const d of due) {
    const key = `${d.customerId}:${d.template}:${d.currency}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        customerId: d.customerId,
        customerName: d.customerName,
        currency: d.currency,
        template: d.template,
        kind,
        invoices: [],
      };
      groups.set(key, g);
    }
    g.invoices.push({
      invoiceId: d.invoiceId,
      number: d.number,
      dueDate: d.dueDate,
      amountDue: d.amountDue,
      daysFromDue: d.daysFromDue,
      offsetDays: d.offsetDays,
    });
  }
  return [...groups.values()];
}
