import { simpleParser } from 'mailparser';
import pino from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, test } from 'vitest';
import { placeHold } from '../../src/domain/customers/place-hold.ts';
import {
  claimDueDunningDays,
  insertDunningRun,
  reminderStats,
} from '../../src/domain/dunning/dunning.repository.ts';
import {
  getCustomerDunning,
  updateCustomerDunning,
  updateDunning,
} from '../../src/domain/dunning/dunning-settings.ts';
import { previewDunning } from '../../src/domain/dunning/preview-dunning.ts';
import { queueDueDunning } from '../../src/domain/dunning/queue-due-dunning.ts';
import { runDunning } from '../../src/domain/dunning/run-dunning.ts';
import { sendReminderNow } from '../../src/domain/dunning/send-reminder-now.ts';
import { AppError } from '../../src/domain/errors.ts';
import { openInquiry } from '../../src/domain/inquiries/open-inquiry.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import type { OutgoingMail } from '../../src/domain/mail/mail-port.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { recordPromise } from '../../src/domain/promises/record-promise.ts';
import { newId } from '../../src/domain/shared/ids.ts';
import { runJobsOnce } from '../../src/jobs/worker.ts';
import { createBatchMailer } from '../../src/mail/batch-mailer.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { addDays, todayIn } from '../support/dates.ts';
import { testDatabaseUrl, useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';
import { useSmtpSink } from '../support/smtp-sink.ts';

/**
 * Dunning steps and automatic holds against PostgreSQL and a real SMTP server: each step goes at
 * most once per invoice with its own template; a missed day catches up with the latest step only;
 * money in flight, disputes, promises and opted-out customers are never chased; a run that dies
 * half-way and is retried sends nothing twice; the sweep fires at local wall-clock time across DST;
 * hold rules place and release only their own holds and tell the ERP; the statistics count
 * invoices paid within 7, 14 and 30 days.
 */
const { db } = useTestDb();
const logger = pino({ level: 'silent' });
const batchMailer = createBatchMailer({ mailFrom: 'Saldo <no-reply@saldo.test>' });
const actor = {};
const publicUrl = 'https://saldo.test';

const sink = useSmtpSink();
const { received } = sink;

const org = await createOrg(db, { time_zone: 'America/Mexico_City' });
const T = todayIn('America/Mexico_City');
let seq = 0;
async function invoice(customerId: string, pesos: number, dueDate: string) {
  seq += 1;
  const number = `R-${seq}`;
  const { id } = await createInvoice(
    { db },
    {
      orgId: org.id,
      customerId,
      number,
      issueDate: addDays(dueDate, -30),
      dueDate,
      lines: [{ description: 'Producto', quantity: '1', unitPrice: pesos.toFixed(2) }],
      actor,
    },
  );
  return { id, number };
}
async function customer(name: string, email: string | null) {
  const account = await createCustomerAccount(db, org.id, { name });
  await db
    .insertInto('customer_contacts')
    .values({ org_id: org.id, id: uuidv7(), account_id: account.id, name, email, locale: 'es' })
    .execute();
  return account;
}

/** A run for the seller's day `day` (a run's day is what its steps are counted from). */
async function runOn(day: string, deps: { enqueueMany?: (typeof batchMailer)['enqueueMany'] } = {}) {
  const runId = newId();
  await insertDunningRun(db, { orgId: org.id, id: runId, runOn: day, trigger: 'manual', userId: null });
  return runDunning(
    { db, enqueueMany: deps.enqueueMany ?? ((trx, mails) => batchMailer.enqueueMany(trx, mails)), publicUrl },
    { orgId: org.id, runId },
  );
}
async function sends(invoiceId: string) {
  const rows = await db
    .selectFrom('reminder_sends')
    .select(['offset_days', 'template', 'amount', 'mail_message_ids'])
    .where('org_id', '=', org.id)
    .where('invoice_id', '=', invoiceId)
    .orderBy('sent_at')
    .execute();
  return rows;
}

const steps = [
  { offsetDays: -3, template: 'reminder_upcoming' as const },
  { offsetDays: 0, template: 'reminder' as const },
  { offsetDays: 7, template: 'reminder' as const },
  { offsetDays: 15, template: 'reminder' as const },
  { offsetDays: 30, template: 'reminder_final' as const },
];

const ana = await customer('Abarrotes Ana', 'ana@cliente.test');
const soon = await invoice(ana.id, 100, addDays(T, 3)); // −3 today
const late = await invoice(ana.id, 200, addDays(T, -10)); // +7 reached, 0 and −3 missed
const beto = await customer('Bodega Beto', 'beto@cliente.test');
const inFlight = await invoice(beto.id, 300, addDays(T, -7));
await db.updateTable('invoices').set({ pending_amount: 30_000n }).where('id', '=', inFlight.id).execute();
const disputed = await invoice(beto.id, 400, addDays(T, -7));
const partly = await invoice(beto.id, 500, addDays(T, -7));
const promised = await invoice(beto.id, 600, addDays(T, -7));
const caro = await customer('Cafetería Caro', null);
const unreachable = await invoice(caro.id, 700, addDays(T, 0));
const dani = await customer('Dulcería Dani', 'dani@cliente.test');
const optedOut = await invoice(dani.id, 800, addDays(T, 0));

describe('settings', () => {
  test('two steps on the same day are refused, saying which', async () => {
    const error = await updateDunning(
      { db },
      {
        orgId: org.id,
        actor,
        enabled: true,
        hour: 9,
        holdRules: { overdueDays: null, overLimit: false },
        steps: [
          { offsetDays: 7, template: 'reminder' },
          { offsetDays: 7, template: 'reminder_final' },
        ],
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fields).toEqual([{ field: 'steps/1/offsetDays', code: 'duplicate_offset' }]);
  });

  test('the steps are saved in order', async () => {
    await updateDunning(
      { db },
      {
        orgId: org.id,
        actor,
        enabled: true,
        hour: 9,
        holdRules: { overdueDays: null, overLimit: false },
        steps: [...steps].reverse(),
      },
    );
    const rows = await db
      .selectFrom('dunning_steps')
      .select(['offset_days', 'template'])
      .where('org_id', '=', org.id)
      .orderBy('offset_days')
      .execute();
    expect(rows.map((r) => r.offset_days)).toEqual([-3, 0, 7, 15, 30]);
  });
});

describe('pauses', () => {
  test('a dispute, a promise and reminders off hold reminders back; a partial dispute chases the rest', async () => {
    await openInquiry(
      { db },
      {
        orgId: org.id,
        customerId: beto.id,
        invoiceId: disputed.id,
        kind: 'dispute',
        reason: 'damaged_goods',
        message: 'Llegó roto',
        openedBy: 'customer',
        actor,
      },
    );
    await openInquiry(
      { db },
      {
        orgId: org.id,
        customerId: beto.id,
        invoiceId: partly.id,
        kind: 'dispute',
        reason: 'price',
        disputedAmount: 10_000n,
        message: 'Precio distinto',
        openedBy: 'customer',
        actor,
      },
    );
    await recordPromise(
      { db },
      {
        orgId: org.id,
        customerId: beto.id,
        invoiceId: promised.id,
        promisedOn: addDays(T, 5),
        amount: 60_000n,
        recordedBy: 'staff',
        actor,
      },
    );
    await updateCustomerDunning({ db }, { orgId: org.id, customerId: dani.id, actor, mode: 'off' });
    const preview = await previewDunning({ db }, { orgId: org.id, days: 1 });
    const today = Object.fromEntries(preview.items.map((i) => [i.invoiceNumber, i]));
    expect(today[soon.number]).toMatchObject({ offsetDays: -3, template: 'reminder_upcoming', skip: null });
    expect(today[late.number]).toMatchObject({ offsetDays: 7, template: 'reminder', skip: null });
    expect(today[inFlight.number]!.skip).toBe('pending_payment');
    expect(today[disputed.number]!.skip).toBe('dispute');
    expect(today[promised.number]!.skip).toBe('promise');
    expect(today[partly.number]).toMatchObject({ skip: null, amountDue: 40_000n });
    expect(today[unreachable.number]!.skip).toBe('no_recipients');
    expect(today[optedOut.number]!.skip).toBe('opted_out');
  });
});

describe('a run', () => {
  test('each customer gets one message per template, its steps recorded once; nothing for the paused', async () => {
    received.length = 0;
    const result = await runOn(T);
    expect(result).toMatchObject({ reminders: 3, messages: 3, holdsPlaced: 0, holdsReleased: 0 });
    expect((await sends(soon.id)).map((s) => [s.offset_days, s.template])).toEqual([
      [-3, 'reminder_upcoming'],
    ]);
    // Ten days late with nothing sent: the latest step reached (+7) goes, once; not 0 and −3 too.
    expect((await sends(late.id)).map((s) => s.offset_days)).toEqual([7]);
    expect((await sends(partly.id)).map((s) => s.amount)).toEqual([40_000n]);
    for (const paused of [inFlight, disputed, promised, unreachable, optedOut])
      expect(await sends(paused.id)).toEqual([]);
    await runJobsOnce({ connectionString: testDatabaseUrl(), db, transport: sink.transport(), logger });
    const mails = await Promise.all(received.map((r) => simpleParser(r.raw)));
    const toAna = mails.filter((m) => m.to && JSON.stringify(m.to).includes('ana@cliente.test'));
    expect(toAna.map((m) => m.subject).sort()).toEqual(
      [
        'Pago pendiente con Distribuidora Ejemplo: $200.00',
        'Próximo vencimiento con Distribuidora Ejemplo: $100.00',
      ].sort(),
    );
    const toBeto = mails.find((m) => JSON.stringify(m.to).includes('beto@cliente.test'))!;
    expect(toBeto.text).toContain(partly.number);
    expect(toBeto.text).not.toContain(disputed.number);
    expect(toBeto.text).toMatch(/https:\/\/saldo\.test\/pay\/[A-Za-z0-9_-]{43}/);
  });

  test('the same day again sends nothing; later days send each next step once', async () => {
    expect(await runOn(T)).toMatchObject({ reminders: 0, messages: 0 });
    expect(await runOn(addDays(T, 3))).toMatchObject({ reminders: 1 }); // soon: due today (0)
    expect((await sends(soon.id)).map((s) => s.offset_days)).toEqual([-3, 0]);
    // Down from day +4 to day +40: one run sends the latest step reached, the final notice, once.
    expect(await runOn(addDays(T, 40))).toMatchObject({ reminders: 3 });
    expect((await sends(soon.id)).map((s) => [s.offset_days, s.template])).toEqual([
      [-3, 'reminder_upcoming'],
      [0, 'reminder'],
      [30, 'reminder_final'],
    ]);
    expect((await sends(late.id)).map((s) => s.offset_days)).toEqual([7, 30]);
    expect(await runOn(addDays(T, 41))).toMatchObject({ reminders: 0 });
  });

  test('a run that died half-way and is retried sends nothing twice', async () => {
    const eve = await customer('Estanquillo Eve', 'eve@cliente.test');
    const fer = await customer('Ferretería Fer', 'fer@cliente.test');
    const e1 = await invoice(eve.id, 10, addDays(T, 0));
    const f1 = await invoice(fer.id, 20, addDays(T, 0));
    const runId = newId();
    await insertDunningRun(db, { orgId: org.id, id: runId, runOn: T, trigger: 'manual', userId: null });
    let calls = 0;
    const dying = async (trx: Parameters<(typeof batchMailer)['enqueueMany']>[0], mails: OutgoingMail[]) => {
      calls += 1;
      if (calls === 2) throw new Error('worker died');
      return batchMailer.enqueueMany(trx, mails);
    };
    const deps = { db, enqueueMany: dying, publicUrl };
    await expect(runDunning(deps, { orgId: org.id, runId, pageSize: 1 })).rejects.toThrow('worker died');
    const again = await runDunning(
      { db, enqueueMany: (trx, mails) => batchMailer.enqueueMany(trx, mails), publicUrl },
      { orgId: org.id, runId, pageSize: 1 },
    );
    expect(again?.reminders).toBe(1);
    expect((await sends(e1.id)).length + (await sends(f1.id)).length).toBe(2);
    const messages = await db
      .selectFrom('mail_messages')
      .select('to_address')
      .where('org_id', '=', org.id)
      .where('to_address', 'in', ['eve@cliente.test', 'fer@cliente.test'])
      .execute();
    expect(messages.map((m) => m.to_address).sort()).toEqual(['eve@cliente.test', 'fer@cliente.test']);
    // A run done is not done again.
    expect(await runDunning(deps, { orgId: org.id, runId })).toBeNull();
  });

  test('a customer on its own steps follows them instead of the seller’s', async () => {
    const gil = await customer('Gasolinera Gil', 'gil@cliente.test');
    const g1 = await invoice(gil.id, 30, addDays(T, -2));
    await updateCustomerDunning(
      { db },
      {
        orgId: org.id,
        customerId: gil.id,
        actor,
        mode: 'custom',
        steps: [{ offsetDays: 2, template: 'reminder_final' }],
      },
    );
    const view = await getCustomerDunning({ db }, { orgId: org.id, customerId: gil.id });
    expect(view).toMatchObject({ mode: 'custom', steps: [{ offsetDays: 2, template: 'reminder_final' }] });
    await runOn(T);
    expect((await sends(g1.id)).map((s) => [s.offset_days, s.template])).toEqual([[2, 'reminder_final']]);
    expect((await getCustomerDunning({ db }, { orgId: org.id, customerId: gil.id })).recent).toHaveLength(1);
  });
});

describe('send reminder now', () => {
  const mailer = createOutboxMailer({ mailFrom: 'Saldo <no-reply@saldo.test>' });

  test('sends the chaseable invoices, says why the others were left out', async () => {
    const result = await sendReminderNow(
      { db, mailer, publicUrl },
      { orgId: org.id, customerId: beto.id, actor },
    );
    expect(result.messages).toBe(1);
    expect(result.invoices.map((i) => [i.number, i.amountDue])).toEqual([[partly.number, 40_000n]]);
    expect(Object.fromEntries(result.skipped.map((s) => [s.number, s.reason]))).toEqual({
      [inFlight.number]: 'pending_payment',
      [disputed.number]: 'dispute',
      [promised.number]: 'promise',
    });
  });

  test('refused with nothing to remind, with nobody to receive it, and for another seller’s invoice', async () => {
    const code = (p: Promise<unknown>) => p.then(() => null).catch((e: AppError) => e.code);
    expect(
      await code(
        sendReminderNow(
          { db, mailer, publicUrl },
          { orgId: org.id, customerId: beto.id, invoiceIds: [disputed.id], actor },
        ),
      ),
    ).toBe('nothing_to_remind');
    expect(
      await code(sendReminderNow({ db, mailer, publicUrl }, { orgId: org.id, customerId: caro.id, actor })),
    ).toBe('no_reminder_recipients');
    const other = await createOrg(db);
    const stranger = await createCustomerAccount(db, other.id, { name: 'Ajeno' });
    expect(
      await code(
        sendReminderNow(
          { db, mailer, publicUrl },
          { orgId: other.id, customerId: stranger.id, invoiceIds: [late.id], actor },
        ),
      ),
    ).toBe('not_found');
    expect(
      await code(
        sendReminderNow(
          { db, mailer, publicUrl },
          { orgId: org.id, customerId: ana.id, invoiceIds: [partly.id], actor },
        ),
      ),
    ).toBe('not_found');
  });
});

describe('statistics', () => {
  test('an invoice paid after its reminder counts as paid within 7, 14 and 30 days', async () => {
    await recordPayment(
      { db },
      {
        orgId: org.id,
        customerId: ana.id,
        amount: 20_000n,
        receivedOn: T,
        method: 'bank_transfer',
        allocations: [{ invoiceId: late.id, amount: 20_000n }],
        actor,
      },
    );
    const paidAt = await db
      .selectFrom('invoices')
      .select('paid_at')
      .where('id', '=', late.id)
      .executeTakeFirstOrThrow();
    expect(paidAt.paid_at).toBeInstanceOf(Date);
    const rows = await reminderStats(db, org.id);
    const plus7 = rows.find((r) => r.template === 'reminder' && r.offsetDays === 7)!;
    // late's +7 reminder, paid minutes later, counts at every horizon; partly's (unpaid, sent minutes ago) not yet.
    expect(plus7).toMatchObject({ sent: 2, eligible7: 1, paid7: 1, eligible14: 1, paid14: 1, paid30: 1 });
    // soon's −3 reminder went minutes ago and is unpaid: not yet counted either way.
    const upcoming = rows.find((r) => r.template === 'reminder_upcoming' && r.offsetDays === -3)!;
    expect(upcoming).toMatchObject({ sent: 1, eligible7: 0, paid7: 0 });
    const manual = rows.find((r) => r.offsetDays === null)!;
    expect(manual.sent).toBe(1);
  });
});

describe('hold rules', () => {
  test('overdue more than N days places a hold the ERP hears of; paying releases it; staff holds stay', async () => {
    const seller = await createOrg(db, { time_zone: 'America/Mexico_City' });
    const mk = async (name: string, days: number) => {
      const account = await createCustomerAccount(db, seller.id, { name });
      seq += 1;
      const inv = await createInvoice(
        { db },
        {
          orgId: seller.id,
          customerId: account.id,
          number: `H-${seq}`,
          issueDate: addDays(T, -days - 30),
          dueDate: addDays(T, -days),
          lines: [{ description: 'Producto', quantity: '1', unitPrice: '100.00' }],
          actor,
        },
      );
      return { account, inv };
    };
    const old = await mk('Muy vencido', 45);
    const fresh = await mk('Poco vencido', 5);
    const manual = await mk('Retenido a mano', 5);
    await placeHold(
      { db },
      { orgId: seller.id, customerId: manual.account.id, reason: 'Cheque devuelto', actor },
    );
    await updateDunning(
      { db },
      {
        orgId: seller.id,
        actor,
        enabled: true,
        hour: 9,
        steps: [],
        holdRules: { overdueDays: 30, overLimit: false },
      },
    );
    const run = async () => {
      const runId = newId();
      await insertDunningRun(db, { orgId: seller.id, id: runId, runOn: T, trigger: 'manual', userId: null });
      return runDunning(
        { db, enqueueMany: (trx, mails) => batchMailer.enqueueMany(trx, mails), publicUrl },
        { orgId: seller.id, runId },
      );
    };
    const holdOf = (id: string) =>
      db
        .selectFrom('customer_accounts')
        .select(['hold_status', 'hold_rule', 'hold_reason'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    expect(await run()).toMatchObject({ holdsPlaced: 1, holdsReleased: 0 });
    expect(await holdOf(old.account.id)).toEqual({
      hold_status: 'on_hold',
      hold_rule: 'overdue',
      hold_reason: 'Retención automática: facturas vencidas hace más de 30 días',
    });
    expect((await holdOf(fresh.account.id)).hold_status).toBe('active');
    // The same transition as staff's own holds: audited, and a customer.hold_changed event for the ERP.
    const audit = await db
      .selectFrom('audit_log')
      .select('after')
      .where('org_id', '=', seller.id)
      .where('entity_id', '=', old.account.id)
      .where('action', '=', 'customer_account.hold_placed')
      .execute();
    expect(audit.map((a) => (a.after as { rule?: string }).rule)).toEqual(['overdue']);
    // A rule run again changes nothing.
    expect(await run()).toMatchObject({ holdsPlaced: 0, holdsReleased: 0 });
    await recordPayment(
      { db },
      {
        orgId: seller.id,
        customerId: old.account.id,
        amount: 10_000n,
        receivedOn: T,
        method: 'bank_transfer',
        allocations: 'auto',
        actor,
      },
    );
    expect(await run()).toMatchObject({ holdsPlaced: 0, holdsReleased: 1 });
    expect(await holdOf(old.account.id)).toMatchObject({ hold_status: 'active', hold_rule: null });
    // Over the credit limit: 100.00 owed against a limit of 50.00.
    await db
      .updateTable('customer_accounts')
      .set({ credit_limit: 5_000n })
      .where('id', '=', fresh.account.id)
      .execute();
    await updateDunning(
      { db },
      {
        orgId: seller.id,
        actor,
        enabled: true,
        hour: 9,
        steps: [],
        holdRules: { overdueDays: null, overLimit: true },
      },
    );
    expect(await run()).toMatchObject({ holdsPlaced: 1 });
    expect(await holdOf(fresh.account.id)).toMatchObject({ hold_status: 'on_hold', hold_rule: 'over_limit' });
    // Staff's own hold is never released by a rule.
    expect(await holdOf(manual.account.id)).toMatchObject({ hold_status: 'on_hold', hold_rule: null });
  });
});

describe('the daily sweep', () => {
  test('a day runs once at its local hour; a missed day catches up once, never twice', async () => {
    const seller = await createOrg(db, { time_zone: 'America/Mexico_City' });
    await db
      .insertInto('dunning_settings')
      .values({ org_id: seller.id, enabled: true, hour: 9, last_run_on: '2026-11-08' })
      .execute();
    const mine = async (now: string) =>
      (await claimDueDunningDays(db, new Date(now))).filter((s) => s.orgId === seller.id);
    // 09:00 in Mexico City (UTC−6) is 15:00 UTC.
    expect(await mine('2026-11-09T14:59:00Z')).toEqual([]);
    expect(await mine('2026-11-09T15:00:00Z')).toEqual([{ orgId: seller.id, runOn: '2026-11-09' }]);
    expect(await mine('2026-11-09T23:00:00Z')).toEqual([]);
    // Down for three weeks: one run, today's.
    expect(await mine('2026-12-02T16:00:00Z')).toEqual([{ orgId: seller.id, runOn: '2026-12-02' }]);
    expect(await mine('2026-12-02T16:05:00Z')).toEqual([]);
  });

  test('the run fires at local 09:00 on both sides of a DST change (America/New_York)', async () => {
    const seller = await createOrg(db, {
      time_zone: 'America/New_York',
      country: 'US',
      default_currency: 'USD',
    });
    await db
      .insertInto('dunning_settings')
      .values({ org_id: seller.id, enabled: true, hour: 9, last_run_on: '2026-10-30' })
      .execute();
    const runsAt = async (now: string) => {
      await queueDueDunning({ db }, { now: new Date(now) });
      const rows = await db
        .selectFrom('dunning_runs')
        .select((eb) => eb.cast<string>('run_on', 'text').as('run_on'))
        .where('org_id', '=', seller.id)
        .orderBy('run_on')
        .execute();
      return rows.map((r) => r.run_on);
    };
    // Saturday 31 Oct, EDT (UTC−4): 09:00 is 13:00 UTC.
    expect(await runsAt('2026-10-31T12:59:00Z')).toEqual([]);
    expect(await runsAt('2026-10-31T13:00:00Z')).toEqual(['2026-10-31']);
    // Clocks go back on Sunday 1 Nov: 09:00 EST is 14:00 UTC, not 13:00.
    expect(await runsAt('2026-11-01T13:30:00Z')).toEqual(['2026-10-31']);
    expect(await runsAt('2026-11-01T14:00:00Z')).toEqual(['2026-10-31', '2026-11-01']);
    // Spring forward on Sunday 14 Mar 2027: 09:00 EDT is 13:00 UTC again.
    await db
      .updateTable('dunning_settings')
      .set({ last_run_on: '2027-03-13' })
      .where('org_id', '=', seller.id)
      .execute();
    expect(await runsAt('2027-03-14T12:59:00Z')).toHaveLength(2);
    expect((await runsAt('2027-03-14T13:00:00Z')).at(-1)).toBe('2027-03-14');
  });
});
