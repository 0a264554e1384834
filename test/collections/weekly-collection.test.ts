import { simpleParser } from 'mailparser';
import pino from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, test } from 'vitest';
import { claimDueCollectionSlots } from '../../src/domain/collections/collections.repository.ts';
import { previewCollectionRun } from '../../src/domain/collections/preview-collection-run.ts';
import { queueDueCollections } from '../../src/domain/collections/queue-due-collections.ts';
import { runCollection } from '../../src/domain/collections/run-collection.ts';
import { runCollectionNow } from '../../src/domain/collections/run-collection-now.ts';
import { setCollectionSubscription } from '../../src/domain/collections/set-collection-subscription.ts';
import { updateCollectionSchedule } from '../../src/domain/collections/update-collection-schedule.ts';
import { AppError } from '../../src/domain/errors.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { runJobsOnce } from '../../src/jobs/worker.ts';
import { createBatchMailer } from '../../src/mail/batch-mailer.ts';
import { addDays, todayIn } from '../support/dates.ts';
import { testDatabaseUrl, useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';
import { useSmtpSink } from '../support/smtp-sink.ts';

/**
 * The weekly automatic collection end to end against PostgreSQL and a real SMTP server: one
 * e-mail per receiving contact of each subscribed customer, listing all its documents with one
 * pay link; nothing for the unsubscribed; money in flight never chased; subscription needs a
 * contact with an e-mail; a slot runs once, a missed week catches up once, and the run fires at
 * local 09:00 on both sides of a DST change (an injected clock).
 */
const { db } = useTestDb();
const logger = pino({ level: 'silent' });
const batchMailer = createBatchMailer({ mailFrom: 'Saldo <no-reply@saldo.test>' });
const actor = {};

const sink = useSmtpSink();
const { received } = sink;

const org = await createOrg(db, { time_zone: 'America/Mexico_City' });
const T = todayIn('America/Mexico_City');
let seq = 0;
async function invoice(customerId: string, pesos: number, issueDate: string, dueDate: string) {
  seq += 1;
  const number = `F-${seq}`;
  const { id } = await createInvoice(
    { db },
    {
      orgId: org.id,
      customerId,
      number,
      issueDate,
      dueDate,
      lines: [{ description: 'Producto', quantity: '1', unitPrice: pesos.toFixed(2) }],
      actor,
    },
  );
  return { id, number };
}
async function contact(
  accountId: string,
  name: string,
  email: string | null,
  receives: ('invoices' | 'statements' | 'reminders' | 'receipts')[] = [
    'invoices',
    'statements',
    'reminders',
    'receipts',
  ],
) {
  await db
    .insertInto('customer_contacts')
    .values({ org_id: org.id, id: uuidv7(), account_id: accountId, name, email, receives, locale: 'es' })
    .execute();
}

const ana = await createCustomerAccount(db, org.id, { name: 'Abarrotes Ana' });
await contact(ana.id, 'Ana', 'ana@cliente.test');
await contact(ana.id, 'Luis', 'luis@cliente.test');
await contact(ana.id, 'Solo facturas', 'facturas@cliente.test', ['invoices']);
const a1 = await invoice(ana.id, 1000, addDays(T, -40), addDays(T, -10));
const a2 = await invoice(ana.id, 250, addDays(T, -5), addDays(T, 25));
const aPending = await invoice(ana.id, 77, addDays(T, -30), addDays(T, -2));
// An ACH debit in flight on this one: it is never chased.
await db.updateTable('invoices').set({ pending_amount: 7_700n }).where('id', '=', aPending.id).execute();

const beto = await createCustomerAccount(db, org.id, { name: 'Bodega Beto' });
await contact(beto.id, 'Beto', 'beto@cliente.test');
await invoice(beto.id, 500, addDays(T, -20), addDays(T, -1));

const caro = await createCustomerAccount(db, org.id, { name: 'Cafetería Caro' });
await contact(caro.id, 'Sin correo', null);
await invoice(caro.id, 300, addDays(T, -20), addDays(T, -1));

const dani = await createCustomerAccount(db, org.id, { name: 'Dulcería Dani' });
await contact(dani.id, 'Dani', 'dani@cliente.test');
await invoice(dani.id, 400, addDays(T, -20), addDays(T, -1));

describe('subscriptions', () => {
  test('a customer without a contact with an e-mail cannot be subscribed, and says why', async () => {
    const error = await setCollectionSubscription(
      { db },
      { orgId: org.id, customerId: caro.id, subscribed: true, actor },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('collection_no_recipients');
  });

  test('subscribing shows the contacts who will receive it', async () => {
    const result = await setCollectionSubscription(
      { db },
      { orgId: org.id, customerId: ana.id, subscribed: true, actor },
    );
    expect(result.subscription.subscribed).toBe(true);
    expect(result.recipients.map((r) => r.email)).toEqual(['ana@cliente.test', 'luis@cliente.test']);
    await setCollectionSubscription({ db }, { orgId: org.id, customerId: beto.id, subscribed: true, actor });
    const off = await setCollectionSubscription(
      { db },
      { orgId: org.id, customerId: beto.id, subscribed: false, actor },
    );
    expect(off.subscription.subscribed).toBe(false);
  });
});

describe('a run', () => {
  test('the preview lists what the run will send, without the invoice whose payment is in flight', async () => {
    const preview = await previewCollectionRun({ db }, { orgId: org.id });
    expect(preview.customers.map((c) => c.customerId)).toEqual([ana.id]);
    expect(preview.customers[0]!.documents.map((d) => d.number)).toEqual([a1.number, a2.number]);
    expect(preview.customers[0]!.totalDue).toBe(125_000n);
  });

  test('one e-mail per receiving contact listing every document, with a pay link; none for the unsubscribed', async () => {
    received.length = 0;
    const { runId } = await runCollectionNow({ db }, { orgId: org.id, actor });
    const result = await runCollection(
      { db, mailer: batchMailer, publicUrl: 'https://saldo.test' },
      { orgId: org.id, runId },
    );
    expect(result).toEqual({ customers: 1, messages: 2 });
    // A run done is not done again (a retried job).
    expect(
      await runCollection(
        { db, mailer: batchMailer, publicUrl: 'https://saldo.test' },
        { orgId: org.id, runId },
      ),
    ).toBeNull();
    await runJobsOnce({ connectionString: testDatabaseUrl(), db, transport: sink.transport(), logger });
    expect(received.flatMap((r) => r.to).sort()).toEqual(['ana@cliente.test', 'luis@cliente.test']);
    for (const message of received) {
      const mail = await simpleParser(message.raw);
      expect(mail.text).toContain(a1.number);
      expect(mail.text).toContain(a2.number);
      expect(mail.text).not.toContain(aPending.number);
      expect(mail.text).toMatch(/https:\/\/saldo\.test\/pay\/[A-Za-z0-9_-]{43}/);
      expect(mail.subject).toContain('1,250.00');
    }
    const rows = await db
      .selectFrom('mail_messages')
      .select(['customer_id', 'status', 'template', 'pay_link_id'])
      .where('org_id', '=', org.id)
      .where('template', '=', 'weekly_collection')
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.customer_id === ana.id && r.status === 'sent' && r.pay_link_id)).toBe(true);
    const link = await db
      .selectFrom('pay_link_invoices')
      .select(['invoice_id', 'amount'])
      .where('pay_link_id', '=', rows[0]!.pay_link_id!)
      .orderBy('amount', 'desc')
      .execute();
    expect(link).toEqual([
      { invoice_id: a1.id, amount: 100_000n },
      { invoice_id: a2.id, amount: 25_000n },
    ]);
  });

  test('"only overdue" leaves out what is not yet due', async () => {
    await updateCollectionSchedule(
      { db },
      { orgId: org.id, enabled: false, weekday: 1, hour: 9, documents: 'overdue', actor },
    );
    const preview = await previewCollectionRun({ db }, { orgId: org.id });
    expect(preview.customers[0]!.documents.map((d) => d.number)).toEqual([a1.number]);
  });

  test('a run that stopped half-way resumes after the customers it already mailed', async () => {
    await setCollectionSubscription({ db }, { orgId: org.id, customerId: dani.id, subscribed: true, actor });
    const { runId } = await runCollectionNow({ db }, { orgId: org.id, actor });
    let calls = 0;
    const failing = {
      enqueueMany: async (
        trx: Parameters<typeof batchMailer.enqueueMany>[0],
        mails: Parameters<typeof batchMailer.enqueueMany>[1],
      ) => {
        calls += 1;
        if (calls === 2) throw new Error('worker died');
        return batchMailer.enqueueMany(trx, mails);
      },
    };
    await expect(
      runCollection(
        { db, mailer: failing, publicUrl: 'https://saldo.test' },
        { orgId: org.id, runId, pageSize: 1 },
      ),
    ).rejects.toThrow('worker died');
    const result = await runCollection(
      { db, mailer: batchMailer, publicUrl: 'https://saldo.test' },
      { orgId: org.id, runId, pageSize: 1 },
    );
    expect(result).toEqual({ customers: 2, messages: 3 });
    const perCustomer = await db
      .selectFrom('mail_messages')
      .select(['customer_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('org_id', '=', org.id)
      .where('template', '=', 'weekly_collection')
      .where('created_at', '>', new Date(Date.now() - 60_000))
      .groupBy('customer_id')
      .execute();
    const counts = Object.fromEntries(perCustomer.map((r) => [r.customer_id, Number(r.n)]));
    expect(counts[dani.id]).toBe(1);
    expect(counts[ana.id]).toBe(4); // two contacts, this run and the previous one
  });
});

describe('the schedule', () => {
  test('a slot runs once; a missed run catches up once, never twice', async () => {
    const seller = await createOrg(db, { time_zone: 'America/Mexico_City' });
    // Mondays at 09:00 in Mexico City (UTC−6 all year): 15:00 UTC.
    await db
      .insertInto('collection_schedules')
      .values({
        org_id: seller.id,
        enabled: true,
        weekday: 1,
        hour: 9,
        last_slot: new Date('2026-11-02T15:00:00Z'),
      })
      .execute();
    const mine = async (now: string) =>
      (await claimDueCollectionSlots(db, new Date(now))).filter((s) => s.orgId === seller.id);
    expect(await mine('2026-11-09T14:59:00Z')).toEqual([]);
    expect(await mine('2026-11-09T15:00:00Z')).toEqual([
      { orgId: seller.id, slot: new Date('2026-11-09T15:00:00Z') },
    ]);
    expect(await mine('2026-11-09T15:05:00Z')).toEqual([]);
    // Down for three weeks: one run, for the latest slot only.
    expect(await mine('2026-12-02T10:00:00Z')).toEqual([
      { orgId: seller.id, slot: new Date('2026-11-30T15:00:00Z') },
    ]);
    expect(await mine('2026-12-02T10:05:00Z')).toEqual([]);
  });

  test('the run fires at local 09:00 on both sides of a DST change (America/New_York)', async () => {
    const seller = await createOrg(db, {
      time_zone: 'America/New_York',
      country: 'US',
      default_currency: 'USD',
    });
    await db
      .insertInto('collection_schedules')
      .values({
        org_id: seller.id,
        enabled: true,
        weekday: 1,
        hour: 9,
        last_slot: new Date('2026-10-19T13:00:00Z'),
      })
      .execute();
    const runsAt = async (now: string) => {
      await queueDueCollections({ db }, { now: new Date(now) });
      const rows = await db
        .selectFrom('collection_runs')
        .select('slot')
        .where('org_id', '=', seller.id)
        .orderBy('slot')
        .execute();
      return rows.map((r) => r.slot?.toISOString());
    };
    // Monday 26 Oct 2026, EDT (UTC−4): 09:00 is 13:00 UTC.
    expect(await runsAt('2026-10-26T12:59:00Z')).toEqual([]);
    expect(await runsAt('2026-10-26T13:00:00Z')).toEqual(['2026-10-26T13:00:00.000Z']);
    // Clocks go back on Sunday 1 Nov. Monday 2 Nov, EST (UTC−5): 09:00 is 14:00 UTC, not 13:00.
    expect(await runsAt('2026-11-02T13:30:00Z')).toHaveLength(1);
    expect(await runsAt('2026-11-02T14:00:00Z')).toEqual([
      '2026-10-26T13:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
    // Spring forward on Sunday 14 Mar 2027: Monday 8 Mar at 14:00 UTC, Monday 15 Mar at 13:00 UTC.
    await db
      .updateTable('collection_schedules')
      .set({ last_slot: new Date('2027-03-01T14:00:00Z') })
      .where('org_id', '=', seller.id)
      .execute();
    expect(await runsAt('2027-03-08T13:59:00Z')).toHaveLength(2);
    expect((await runsAt('2027-03-08T14:00:00Z')).at(-1)).toBe('2027-03-08T14:00:00.000Z');
    expect(await runsAt('2027-03-15T12:59:00Z')).toHaveLength(3);
    expect((await runsAt('2027-03-15T13:00:00Z')).at(-1)).toBe('2027-03-15T13:00:00.000Z');
    // Each slot queued its run job once.
    const jobs = await db
      .selectFrom('graphile_worker.jobs' as never)
      .select('key' as never)
      .where('task_identifier' as never, '=', 'collections.run' as never)
      .execute();
    expect(jobs.length).toBeGreaterThanOrEqual(4);
  });
});
