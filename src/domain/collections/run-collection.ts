import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit, systemActor } from '../audit/record-audit.ts';
import type { OutgoingMail } from '../mail/mail-port.ts';
import type { BatchMailer } from './collection-mail-port.ts';
import {
  claimCollectionRun,
  collectionPage,
  finishCollectionRun,
  loadCollectionSchedule,
  recipientsOf,
} from './collections.repository.ts';
import { createCollectionPayLinks, payLinkDaysOf } from './create-collection-pay-links.ts';

export const COLLECTION_RUN_TASK = 'collections.run';
export interface CollectionRunPayload {
  orgId: string;
  runId: string;
}
export const collectionRunJobKey = (runId: string) => `collection-run:${runId}`;

/** Customers per page: one transaction, one selection, two pay-link inserts, the messages' inserts. */
export const COLLECTION_PAGE_SIZE = 500;

export interface RunCollectionDeps {
  db: Database;
  mailer: BatchMailer;
  /** Saldo's public address: the pay link is `<publicUrl>/pay/<token>`. */
  publicUrl: string;
  now?: () => Date;
}

/**
 * One seller's weekly run: every subscribed customer with something to collect gets one e-mail
 * per receiving contact, listing all its documents with one pay link for them. Customers go by id
 * in pages; each page commits with the run's progress (`last_customer_id`), so a retried job
 * resumes after the customers already mailed and nobody gets the week's e-mail twice. A run
 * already done does nothing.
 */
export async function runCollection(
  deps: RunCollectionDeps,
  input: { orgId: string; runId: string; pageSize?: number },
): Promise<{ customers: number; messages: number } | null> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  if (!(await claimCollectionRun(db, input.orgId, input.runId))) return null;
  const [schedule, org, days, run] = await Promise.all([
    loadCollectionSchedule(db, input.orgId),
    db
      .selectFrom('organizations')
      .select(['name', 'country'])
      .where('id', '=', input.orgId)
      .executeTakeFirstOrThrow(),
    payLinkDaysOf(db, input.orgId),
    db
      .selectFrom('collection_runs')
      .select(['last_customer_id', 'customers', 'messages', 'created_by'])
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.runId)
      .executeTakeFirstOrThrow(),
  ]);
  const pageSize = input.pageSize ?? COLLECTION_PAGE_SIZE;
  let customers = run.customers;
  let messages = run.messages;
  const base = deps.publicUrl.replace(/\/+$/, '');

  /**
   * One page in its own transaction. It tells `selected` where it ends as soon as it has chosen
   * its customers (the next page starts from there at once), and records the run's progress only
   * once the page before it has committed (`before`): pages commit in order, and should one fail,
   * the pages after it roll back too, so a retried run resumes exactly after the last page mailed.
   */
  const runPage = (
    after: string | null,
    before: Promise<void>,
    selected: (next: { last: string | null; more: boolean }) => void,
  ) =>
    inTransaction(db, async (trx) => {
      const page = await collectionPage(trx, {
        orgId: input.orgId,
        documents: schedule.documents,
        after,
        limit: pageSize,
      });
      selected({ last: page.at(-1)?.customerId ?? null, more: page.length === pageSize });
      if (page.length === 0) return;
      const recipients = await recipientsOf(
        trx,
        input.orgId,
        page.map((c) => c.customerId),
      );
      const mailed = page.filter((c) => (recipients.get(c.customerId)?.length ?? 0) > 0);
      const links = await createCollectionPayLinks(trx, {
        orgId: input.orgId,
        expiresAt: new Date(now().getTime() + days * 86_400_000),
        userId: run.created_by,
        links: mailed.map((c) => ({
          customerId: c.customerId,
          currency: c.currency,
          invoices: c.documents.map((d) => ({ invoiceId: d.invoiceId, amount: d.amountDue })),
        })),
      });
      const mails: OutgoingMail[] = [];
      mailed.forEach((c, i) => {
        const link = links[i]!;
        const to = recipients.get(c.customerId)!;
        for (const contact of to) {
          mails.push({
            orgId: input.orgId,
            to: contact.email,
            locale: contact.locale,
            template: 'weekly_collection',
            customerId: c.customerId,
            payLinkId: link.id,
            data: {
              name: contact.name,
              orgName: org.name,
              accountName: c.name,
              country: org.country,
              currency: c.currency,
              documents: c.documents.map((d) => ({
                number: d.number,
                issueDate: d.issueDate,
                dueDate: d.dueDate,
                amountDue: d.amountDue,
                daysOverdue: d.daysOverdue,
              })),
              url: `${base}/pay/${link.token}`,
              expiresInDays: days,
            },
          });
        }
      });
      await deps.mailer.enqueueMany(trx, mails);
      await before; // throws when the page before failed: this one rolls back with it
      customers += mailed.length;
      messages += mails.length;
      await trx
        .updateTable('collection_runs')
        .set({ last_customer_id: page[page.length - 1]!.customerId, customers, messages })
        .where('org_id', '=', input.orgId)
        .where('id', '=', input.runId)
        .execute();
    });

  // Two pages in flight: the next one selects and renders while the one before inserts and commits.
  const committed: Promise<void>[] = [];
  let after = run.last_customer_id;
  let failure: unknown = null;
  for (;;) {
    if (committed.length >= 2) {
      const error = await committed.at(-2)!.then(
        () => null,
        (err: unknown) => err ?? new Error('collection page failed'),
      );
      if (error) {
        failure = error;
        break;
      }
    }
    let selected!: (next: { last: string | null; more: boolean }) => void;
    const chosen = new Promise<{ last: string | null; more: boolean }>((resolve) => {
      selected = resolve;
    });
    const page = runPage(after, committed.at(-1) ?? Promise.resolve(), selected);
    page.catch(() => {}); // settled below, in order
    committed.push(page);
    const next = await Promise.race([chosen, page.then(() => chosen)]).catch(() => null);
    if (!next?.more || !next.last) break;
    after = next.last;
  }
  // Every page settled; the first failure (in page order) is the run's.
  for (const page of committed) {
    const error = await page.then(
      () => null,
      (err: unknown) => err ?? new Error('collection page failed'),
    );
    failure ??= error;
  }
  if (failure) throw failure;
  await inTransaction(db, async (trx) => {
    await finishCollectionRun(trx, { orgId: input.orgId, runId: input.runId, customers, messages });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: run.created_by ? { userId: run.created_by } : systemActor,
      action: 'collection.run',
      entityType: 'collection_run',
      entityId: input.runId,
      after: { customers, messages, documents: schedule.documents },
    });
  });
  return { customers, messages };
}
