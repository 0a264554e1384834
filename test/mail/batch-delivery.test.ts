import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { addJob } from '../../src/db/jobs.ts';
import { deliverMailBatch } from '../../src/domain/mail/deliver-mail-message.ts';
import type { OutgoingMail } from '../../src/domain/mail/mail-port.ts';
import { runJobsOnce } from '../../src/jobs/worker.ts';
import { createBatchMailer, SEND_EMAIL_BATCH_TASK } from '../../src/mail/batch-mailer.ts';
import { createMailTransport, type MailTransport } from '../../src/mail/transports.ts';
import { testDatabaseUrl, useTestDb } from '../support/db.ts';
import { createOrg } from '../support/factories.ts';

/**
 * The weekly run's delivery jobs (`send-email.batch`, deliverMailBatch) against PostgreSQL and a
 * real SMTP server: each message arrives once, also when a batch is run again; a temporary refusal
 * hands the message to its own `send-email` job (retries, backoff); a permanent one fails it at
 * once and queues the copy to the next contact; a sensitive body is erased once delivered.
 */
const { db } = useTestDb();
const logger = pino({ level: 'silent' });
const batchMailer = createBatchMailer({ mailFrom: 'Saldo <no-reply@saldo.test>' });

let received: string[] = [];
/** Recipients the server refuses: 451 (try later) or 550 (no such mailbox). */
const refuse = new Map<string, 451 | 550>();
const server = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  onData(stream, session: SMTPServerSession, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map((r) => r.address);
      const code = to.map((a) => refuse.get(a)).find(Boolean);
      if (code) {
        callback(
          Object.assign(new Error(code === 451 ? 'Mailbox busy' : 'No such user'), { responseCode: code }),
        );
        return;
      }
      received.push(...to);
      callback();
    });
  },
});
let transport: MailTransport;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}/?pool=true&maxConnections=3` });
});
afterAll(async () => {
  transport.close();
  await new Promise<void>((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
  refuse.clear();
});

const runJobs = () => runJobsOnce({ connectionString: testDatabaseUrl(), db, transport, logger });
const org = await createOrg(db);
let seq = 0;

/** `n` password-reset messages (sensitive: a single-use link) through the batch mailer, one job. */
async function queueBatch(n: number, extra: Partial<OutgoingMail> = {}) {
  const run = ++seq;
  const mails = Array.from(
    { length: n },
    (_, i) =>
      ({
        orgId: org.id,
        to: `r${run}-${i}@cliente.test`,
        locale: 'es',
        template: 'password_reset',
        data: {
          name: `Cliente ${i}`,
          url: `https://saldo.test/reset?token=t${run}_${i}`,
          expiresInMinutes: 60,
        },
        ...extra,
      }) as OutgoingMail,
  );
  const { ids } = await db.transaction().execute((trx) => batchMailer.enqueueMany(trx, mails));
  return { ids, to: mails.map((m) => m.to) };
}

async function rows(ids: string[]) {
  return db.selectFrom('mail_messages').selectAll().where('id', 'in', ids).orderBy('to_address').execute();
}

async function ownJob(messageId: string) {
  return db
    .selectFrom('graphile_worker.jobs' as never)
    .select(['attempts', 'max_attempts', 'run_at', 'task_identifier'] as never[])
    .where('key' as never, '=', `mail:${messageId}` as never)
    .executeTakeFirst() as Promise<
    { attempts: number; max_attempts: number; run_at: Date; task_identifier: string } | undefined
  >;
}

async function makeDueNow(messageId: string) {
  await db
    .updateTable('graphile_worker._private_jobs' as never)
    .set({ run_at: new Date() } as never)
    .where('key' as never, '=', `mail:${messageId}` as never)
    .execute();
}

describe('a delivery batch', () => {
  test('every message arrives once, is marked sent with its Message-ID, and a sensitive body is erased', async () => {
    const { ids, to } = await queueBatch(23);
    await runJobs();
    expect(received.sort()).toEqual([...to].sort());
    for (const row of await rows(ids))
      expect(row).toMatchObject({
        status: 'sent',
        transport: 'smtp',
        attempts: 1,
        text_body: null,
        html_body: null,
        smtp_message_id: `<${row.id}@saldo.test>`,
        last_error: null,
      });
  });

  test('run again (a retried job), it sends none of what it sent twice', async () => {
    const { ids, to } = await queueBatch(12);
    // The batch's first half went out before the process died: sent and marked.
    const sent = await deliverMailBatch(
      { db, transport, handOff: async () => {} },
      { messageIds: ids.slice(0, 6), concurrency: 4 },
    );
    expect(sent).toEqual({ sent: 6, skipped: 0, failed: 0, handedOff: 0 });
    expect(received).toHaveLength(6);
    await runJobs(); // the whole batch's job
    expect(received.sort()).toEqual([...to].sort());
    // A stray copy of the same job sends nothing.
    await addJob(db, SEND_EMAIL_BATCH_TASK, { messageIds: ids });
    await runJobs();
    expect(received).toHaveLength(12);
    expect((await rows(ids)).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  test('a message refused for now gets its own send-email job with backoff; the rest go out, and it arrives once', async () => {
    const { ids, to } = await queueBatch(8);
    refuse.set(to[3]!, 451);
    await runJobs();
    expect(received.sort()).toEqual(to.filter((_, i) => i !== 3).sort());
    const refused = (await rows(ids)).find((r) => r.to_address === to[3])!;
    expect(refused).toMatchObject({ status: 'queued', attempts: 1 });
    expect(refused.last_error).toContain('451');
    expect(refused.text_body).toContain('token=');
    const job = await ownJob(refused.id);
    expect(job).toMatchObject({ task_identifier: 'send-email', attempts: 0, max_attempts: 9 });
    expect(job!.run_at.getTime()).toBeGreaterThan(Date.now());

    // The batch run again does not send it: its own job owns it now.
    await addJob(db, SEND_EMAIL_BATCH_TASK, { messageIds: ids });
    await runJobs();
    expect(received).toHaveLength(7);

    refuse.clear();
    await makeDueNow(refused.id);
    await runJobs();
    expect(received.filter((a) => a === to[3])).toEqual([to[3]]);
    expect((await rows([refused.id]))[0]).toMatchObject({ status: 'sent', attempts: 2, text_body: null });
    expect(await ownJob(refused.id)).toBeUndefined();
  });

  test('a permanent refusal fails the message at once and queues a copy to the next contact', async () => {
    const { ids, to } = await queueBatch(3, {
      template: 'weekly_collection',
      data: {
        name: 'Ana',
        orgName: 'Distribuidora',
        accountName: 'Abarrotes Ana',
        country: 'MX',
        currency: 'MXN',
        documents: [
          {
            number: 'F-1',
            issueDate: '2026-11-01',
            dueDate: '2026-11-30',
            amountDue: 100_00n,
            daysOverdue: 2,
          },
        ],
        url: 'https://saldo.test/pay/x',
        expiresInDays: 14,
      },
      fallbackAddresses: ['luis@cliente.test'],
    });
    refuse.set(to[0]!, 550);
    await runJobs();
    const [failed] = await rows([ids[0]!]);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.last_error).toContain('550');
    // The copy to the next contact is delivered (by its own job); the refused one is never retried.
    await runJobs();
    expect(received.filter((a) => a === 'luis@cliente.test')).toHaveLength(1);
    expect(received).not.toContain(to[0]);
    const copy = await db
      .selectFrom('mail_messages')
      .select(['to_address', 'status'])
      .where('fallback_of', '=', ids[0]!)
      .executeTakeFirstOrThrow();
    expect(copy).toEqual({ to_address: 'luis@cliente.test', status: 'sent' });
    expect(await ownJob(ids[0]!)).toBeUndefined();
  });
});
