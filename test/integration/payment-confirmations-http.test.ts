import { randomUUID } from 'node:crypto';
import { Logger, runOnce } from 'graphile-worker';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, describe, expect, test } from 'vitest';
import { addJob } from '../../src/db/jobs.ts';
import type { ApiKeyScope } from '../../src/domain/identity/api-key-scopes.ts';
import { createApiKey } from '../../src/domain/identity/create-api-key.ts';
import { queueDueExports } from '../../src/domain/integration/sync/queue-due-exports.ts';
import { runScheduledExport } from '../../src/domain/integration/sync/run-scheduled-export.ts';
import { sendExportMail } from '../../src/domain/integration/sync/send-export-mail.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { renderPaymentConfirmations } from '../../src/formats/csv/payment-confirmations-csv.ts';
import { buildTaskList } from '../../src/jobs/task-list.ts';
import { createErpExportMailer, ERP_EXPORT_TASK } from '../../src/jobs/tasks/erp-sync-jobs.ts';
import { createWorkerPgPool } from '../../src/jobs/worker-pool.ts';
import { createMailTransport } from '../../src/mail/transports.ts';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';
import { testDatabaseUrl } from '../support/db.ts';

/**
 * The sync settings, "Export now" and downloads for staff, the ERP's pull with an API key, the
 * e-mail in manual marking, and the schedule's slots — through the HTTP API and the jobs' use cases.
 */
const { app, db } = await useTestApp();

const settingsBody = {
  frequency: 'daily',
  dailyAt: '07:30',
  marking: 'manual',
  csv: { delimiter: ';', decimalMark: ',', dates: 'dmy' },
  erpAccounts: { check: ' CHEQUES ', cash: '', bank_transfer: 'BANCO', card_terminal: null, other: null },
  recipients: [' AR@Example.com ', 'ar@example.com', 'tesoreria@example.com'],
};

async function seller() {
  const s = await seedSeller(db, { locale: 'en' });
  const orgId = s.org.id;
  const signInStaff = async (role: 'owner' | 'ar_agent' | 'viewer') =>
    as(app, await signInTo(app, s.staff[role].email, { kind: 'staff', orgId }));
  const pay = async (amount: bigint) => {
    const invoice = await createInvoice(
      { db },
      {
        orgId,
        customerId: s.account.id,
        number: `H-${randomUUID().slice(0, 8)}`,
        issueDate: '2026-11-01',
        dueDate: '2026-11-30',
        status: 'open',
        lines: [{ description: 'x', quantity: '1', unitPrice: '1000.00' }],
        actor: {},
      },
    );
    return recordPayment(
      { db },
      {
        orgId,
        customerId: s.account.id,
        amount,
        receivedOn: '2026-11-20',
        method: 'check',
        allocations: [{ invoiceId: invoice.id, amount }],
        actor: {},
      },
    );
  };
  const key = async (scopes: ApiKeyScope[] = ['integration:read']) =>
    (await createApiKey({ db }, { orgId, name: 'ERP', scopes, createdBy: null, actor: {} })).key;
  return { ...s, orgId, signInStaff, pay, key };
}

const jobsFor = async (prefix: string) => {
  const { rows } = await sql<{ key: string; task: string }>`
    select key, task_identifier as task from graphile_worker.jobs where key like ${`${prefix}%`}`.execute(db);
  return rows;
};

describe('the console', () => {
  test('settings: saved whole, recipients and accounts tidied, viewers read only, bad address refused', async () => {
    const s = await seller();
    const owner = await s.signInStaff('owner');
    const before = await owner({ method: 'GET', url: '/api/v1/console/erp-sync' });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({
      settings: {
        frequency: 'off',
        marking: 'manual',
        csv: { delimiter: ',', decimalMark: '.', dates: 'iso' },
      },
      lastExport: null,
      lastImport: null,
      onlineErpAccounts: { card: null, ach: null },
    });
    expect(before.json().dropFolder).toMatch(new RegExp(`dropbox/${s.org.slug}$`));

    const saved = await owner({
      method: 'PUT',
      url: '/api/v1/console/erp-sync/settings',
      payload: settingsBody,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().recipients).toEqual(['ar@example.com', 'tesoreria@example.com']);
    expect(saved.json().erpAccounts).toEqual({
      check: 'CHEQUES',
      cash: null,
      bank_transfer: 'BANCO',
      card_terminal: null,
      other: null,
    });
    const after = await owner({ method: 'GET', url: '/api/v1/console/erp-sync' });
    expect(after.json().settings).toMatchObject({ frequency: 'daily', dailyAt: '07:30' });

    const bad = await owner({
      method: 'PUT',
      url: '/api/v1/console/erp-sync/settings',
      payload: { ...settingsBody, recipients: ['not an address'] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('deposit_recipient_invalid');

    const viewer = await s.signInStaff('viewer');
    expect((await viewer({ method: 'GET', url: '/api/v1/console/erp-sync' })).statusCode).toBe(200);
    const refused = await viewer({
      method: 'PUT',
      url: '/api/v1/console/erp-sync/settings',
      payload: settingsBody,
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (await viewer({ method: 'POST', url: '/api/v1/console/erp-sync/exports', payload: {} })).statusCode,
    ).toBe(403);
  });

  test('export now, download it again, nothing new the second time; manual marking mails it once', async () => {
    const s = await seller();
    const owner = await s.signInStaff('owner');
    await owner({ method: 'PUT', url: '/api/v1/console/erp-sync/settings', payload: settingsBody });
    const paid = await s.pay(12_345n);
    const agent = await s.signInStaff('ar_agent');
    const made = await agent({ method: 'POST', url: '/api/v1/console/erp-sync/exports', payload: {} });
    expect(made.statusCode, made.body).toBe(201);
    const exported = made.json().export;
    expect(exported).toMatchObject({
      sequence: 1,
      format: 'csv',
      channel: 'console',
      marking: 'manual',
      itemCount: 2,
      fileName: 'payment-confirmations-000001.csv',
      createdBy: { id: s.staff.ar_agent.id },
    });

    const file = await owner({ method: 'GET', url: `/api/v1/console/erp-sync/exports/${exported.id}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.headers['content-disposition']).toContain('payment-confirmations-000001.csv');
    expect(file.body).toContain('123,45');
    expect(file.body).toContain('CHEQUES');
    expect(file.body).toContain(paid.number);

    const again = await agent({ method: 'POST', url: '/api/v1/console/erp-sync/exports', payload: {} });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ export: null });

    const list = await owner({ method: 'GET', url: '/api/v1/console/erp-sync/exports' });
    expect(list.json().exports.map((e: { id: string }) => e.id)).toEqual([exported.id]);
    expect((await owner({ method: 'GET', url: '/api/v1/console/erp-sync' })).json().lastExport.id).toBe(
      exported.id,
    );

    // The e-mail: queued with the export, written once however often its job runs.
    expect(await jobsFor(`erp-export-mail:${exported.id}`)).toHaveLength(1);
    const mailer = createErpExportMailer({ mailFrom: 'Saldo <no-reply@saldo.test>' });
    const sent = await sendExportMail({ db, mailer }, { orgId: s.orgId, exportId: exported.id });
    expect(sent).toEqual({ sent: 2 });
    expect(await sendExportMail({ db, mailer }, { orgId: s.orgId, exportId: exported.id })).toEqual({
      sent: 0,
    });
    const messages = await db
      .selectFrom('mail_messages as m')
      .innerJoin('mail_attachments as a', 'a.message_id', 'm.id')
      .select(['m.to_address', 'm.subject', 'a.filename', 'a.content'])
      .where('m.org_id', '=', s.orgId)
      .where('m.template', '=', 'erp_payment_confirmations')
      .orderBy('m.to_address')
      .execute();
    expect(messages.map((m) => m.to_address)).toEqual(['ar@example.com', 'tesoreria@example.com']);
    expect(messages[0]!.subject).toBe('Payment confirmations no. 1 for the ERP (2 changes)');
    expect(messages[0]!.filename).toBe('payment-confirmations-000001.csv');
    expect(Buffer.compare(messages[0]!.content, file.rawPayload)).toBe(0);
  });
});

describe('the ERP’s pull', () => {
  test('refused in manual marking; in automatic each call hands out what is new, fetchable again', async () => {
    const s = await seller();
    const key = await s.key();
    const erp = (url: string) =>
      app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
    const paid = await s.pay(5_000n);

    const manual = await erp('/api/v1/payment-confirmations?since=last');
    expect(manual.statusCode).toBe(409);
    expect(manual.json().code).toBe('erp_sync_manual_marking');

    const owner = await s.signInStaff('owner');
    await owner({
      method: 'PUT',
      url: '/api/v1/console/erp-sync/settings',
      payload: { ...settingsBody, marking: 'automatic', recipients: ['ar@example.com'] },
    });
    const first = await erp('/api/v1/payment-confirmations?since=last');
    expect(first.statusCode, first.body).toBe(200);
    const doc = first.json();
    expect(doc.payments.map((p: { id: string }) => p.id)).toEqual([paid.id]);
    expect(doc.payments[0]).toMatchObject({ amount: '50.00', unapplied: '0.00', erpAccount: 'CHEQUES' });
    expect(doc.cursor).toMatchObject({ sequence: 1, items: 2 });

    const empty = await erp('/api/v1/payment-confirmations?since=last');
    expect(empty.json()).toEqual({
      export: null,
      payments: [],
      changes: [],
      cursor: { exportId: null, sequence: 1, items: 0 },
    });
    expect((await erp('/api/v1/payment-confirmations?since=last&format=csv')).statusCode).toBe(204);

    const refetched = await erp(`/api/v1/payment-confirmations/exports/${doc.cursor.exportId}`);
    expect(refetched.statusCode).toBe(200);
    expect(refetched.body).toBe(first.body);
    const listed = await erp('/api/v1/payment-confirmations/exports?after=0');
    expect(
      listed.json().exports.map((e: { sequence: number; channel: string }) => [e.sequence, e.channel]),
    ).toEqual([[1, 'api']]);
    expect((await erp('/api/v1/payment-confirmations/exports?after=1')).json().exports).toEqual([]);
    // Pulled by the ERP: nothing is mailed.
    expect(await jobsFor(`erp-export-mail:${doc.cursor.exportId}`)).toEqual([]);

    const writer = await s.key(['integration:write']);
    const noScope = await app.inject({
      method: 'GET',
      url: '/api/v1/payment-confirmations?since=last',
      headers: { authorization: `Bearer ${writer}` },
    });
    expect(noScope.statusCode).toBe(403);
    const badSince = await erp('/api/v1/payment-confirmations?since=2026-01-01');
    expect(badSince.statusCode).toBe(400);
  });
});

describe('the schedule', () => {
  /** A seller in Mexico City (UTC−6, no DST) whose last slot was taken at 2026-12-01 00:00 UTC. */
  async function scheduled(frequency: string, dailyAt = '06:00') {
    const s = await seller();
    await db
      .updateTable('organizations')
      .set({ time_zone: 'America/Mexico_City' })
      .where('id', '=', s.orgId)
      .execute();
    await db
      .insertInto('erp_sync_settings')
      .values({
        org_id: s.orgId,
        frequency: frequency as 'daily',
        daily_at: dailyAt,
        last_slot: new Date('2026-12-01T00:00:00Z'),
      })
      .execute();
    return s;
  }
  const slotOf = async (orgId: string) =>
    (
      await db
        .selectFrom('erp_sync_settings')
        .select('last_slot')
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).last_slot;
  const queuedFor = async (orgId: string, now: string) => {
    await queueDueExports({ db }, { now: new Date(now) });
    return (await jobsFor(`erp-export:${orgId}`)).length;
  };

  test('daily at a local time: due once that time has passed in the seller’s zone, queued once', async () => {
    const s = await scheduled('daily', '07:30');
    // 07:29 in Mexico City (UTC−6) is 13:29 UTC.
    expect(await queuedFor(s.orgId, '2026-12-01T13:29:00Z')).toBe(0);
    expect(await queuedFor(s.orgId, '2026-12-01T13:31:00Z')).toBe(1);
    expect(await slotOf(s.orgId)).toEqual(new Date('2026-12-01T13:30:00Z'));
    // A second sweep in the same slot queues nothing more.
    await queueDueExports({ db }, { now: new Date('2026-12-01T20:00:00Z') });
    expect(await slotOf(s.orgId)).toEqual(new Date('2026-12-01T13:30:00Z'));
    // The next day's slot.
    await queueDueExports({ db }, { now: new Date('2026-12-02T13:30:00Z') });
    expect(await slotOf(s.orgId)).toEqual(new Date('2026-12-02T13:30:00Z'));
  });

  test('a missed run catches up once: the latest slot, not every slot missed', async () => {
    const s = await scheduled('hourly');
    expect(await queuedFor(s.orgId, '2026-12-01T09:15:00Z')).toBe(1);
    expect(await slotOf(s.orgId)).toEqual(new Date('2026-12-01T09:00:00Z'));
    const s4 = await scheduled('every_4_hours');
    // 09:15 UTC is 03:15 in Mexico City: the slot is local midnight (06:00 UTC).
    expect(await queuedFor(s4.orgId, '2026-12-01T09:15:00Z')).toBe(1);
    expect(await slotOf(s4.orgId)).toEqual(new Date('2026-12-01T06:00:00Z'));
    const off = await scheduled('off');
    expect(await queuedFor(off.orgId, '2026-12-01T09:15:00Z')).toBe(0);
  });

  test('the scheduled export: CSV in manual marking, its failure kept for the page', async () => {
    const s = await seller();
    await s.pay(700n);
    const result = await runScheduledExport({ db, render: renderPaymentConfirmations }, { orgId: s.orgId });
    expect(result.items).toBe(2);
    const row = await db
      .selectFrom('erp_confirmation_exports')
      .select(['format', 'channel'])
      .where('org_id', '=', s.orgId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ format: 'csv', channel: 'schedule' });

    await s.pay(300n);
    const failing = () => {
      throw new Error('disk full');
    };
    await expect(runScheduledExport({ db, render: failing }, { orgId: s.orgId })).rejects.toThrow(
      'disk full',
    );
    const owner = await s.signInStaff('owner');
    expect((await owner({ method: 'GET', url: '/api/v1/console/erp-sync' })).json().lastError).toMatchObject({
      code: 'internal',
    });
    // Nothing was claimed by the failed run: the next one hands it out and clears the error.
    expect(
      (await runScheduledExport({ db, render: renderPaymentConfirmations }, { orgId: s.orgId })).items,
    ).toBe(2);
    expect((await owner({ method: 'GET', url: '/api/v1/console/erp-sync' })).json().lastError).toBeNull();
  });
});

describe('the worker', () => {
  test('a scheduled export job exports, then its e-mail job mails the file to each recipient once', async () => {
    const pgPool = createWorkerPgPool(testDatabaseUrl(), 2, pino({ level: 'silent' }));
    afterAll(() => pgPool.end());
    const taskList = buildTaskList({
      db,
      transport: createMailTransport({ smtpUrl: undefined }),
      erpExportMailer: createErpExportMailer({ mailFrom: 'Saldo <no-reply@saldo.test>' }),
    });
    const s = await seller();
    const owner = await s.signInStaff('owner');
    await owner({ method: 'PUT', url: '/api/v1/console/erp-sync/settings', payload: settingsBody });
    await s.pay(4_200n);
    await addJob(db, ERP_EXPORT_TASK, { orgId: s.orgId, slot: new Date().toISOString() });
    const run = () =>
      runOnce({ pgPool, taskList, noHandleSignals: true, logger: new Logger(() => () => {}) });
    await run();
    const exports = await db
      .selectFrom('erp_confirmation_exports')
      .select(['channel', 'format', 'mailed_at'])
      .where('org_id', '=', s.orgId)
      .execute();
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({ channel: 'schedule', format: 'csv' });
    expect(exports[0]!.mailed_at).not.toBeNull();
    const mails = () =>
      db
        .selectFrom('mail_messages')
        .select(['to_address', 'status'])
        .where('org_id', '=', s.orgId)
        .where('template', '=', 'erp_payment_confirmations')
        .orderBy('to_address')
        .execute();
    expect(await mails()).toEqual([
      { to_address: 'ar@example.com', status: 'sent' },
      { to_address: 'tesoreria@example.com', status: 'sent' },
    ]);
    // The same job again: nothing new, nothing mailed.
    await addJob(db, ERP_EXPORT_TASK, { orgId: s.orgId, slot: new Date().toISOString() });
    await run();
    expect(await mails()).toHaveLength(2);
  });
});
