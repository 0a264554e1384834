import pino from 'pino';
import { describe, expect, test } from 'vitest';
import { addJob } from '../../src/db/jobs.ts';
import { runJobsOnce, startWorker } from '../../src/jobs/worker.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { createMailTransport } from '../../src/mail/transports.ts';
import { testDatabaseUrl, useTestDb } from '../support/db.ts';
import { createOrg } from '../support/factories.ts';

const { db } = useTestDb();
const logger = pino({ level: 'silent' });
const mailer = createOutboxMailer({ mailFrom: 'Saldo <no-reply@saldo.test>' });
const capture = createMailTransport({ smtpUrl: undefined });
const runJobs = () => runJobsOnce({ connectionString: testDatabaseUrl(), db, transport: capture, logger });

async function jobCount(key: string): Promise<number> {
  const row = await db
    .selectFrom('graphile_worker.jobs' as never)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('key' as never, '=', key as never)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const invitation = (orgId: string, orgName: string, to: string) =>
  ({
    orgId,
    to,
    locale: 'en',
    template: 'invitation_customer',
    data: {
      inviterName: 'Dana Reyes',
      orgName,
      accountName: 'Corner Bistro LLC',
      role: 'payer',
      url: 'http://localhost:3000/invitations/accept?token=cap_1',
      expiresInDays: 7,
    },
  }) as const;

describe('delivery with the capture transport', () => {
  test('marks the message sent and keeps its body: the captured outbox is the mailbox', async () => {
    const org = await createOrg(db, {
      locale: 'en',
      name: 'Harbor Supply Co.',
      branding: { accentColor: '#e8590c' },
    });
    const { id } = await mailer.enqueue(db, invitation(org.id, org.name, 'payables@corner.example'));
    const queued = await db
      .selectFrom('mail_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(queued).toMatchObject({
      status: 'queued',
      org_id: org.id,
      template: 'invitation_customer',
      locale: 'en',
      from_address: 'Saldo <no-reply@saldo.test>',
      sensitive: true,
      subject: "You're invited to Harbor Supply Co.'s customer portal",
    });
    expect(queued.html_body).toContain('#e8590c');
    expect(await jobCount(`mail:${id}`)).toBe(1);

    await runJobs();

    const sent = await db
      .selectFrom('mail_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(sent).toMatchObject({
      status: 'sent',
      transport: 'capture',
      attempts: 1,
      smtp_message_id: `<${id}@saldo.test>`,
      text_body: queued.text_body,
      html_body: queued.html_body,
    });
    expect(sent.text_body).toContain('token=cap_1');
    expect(await jobCount(`mail:${id}`)).toBe(0);
  });

  test('a message enqueued in a transaction that rolls back leaves neither a row nor a job', async () => {
    const org = await createOrg(db);
    let id = '';
    await expect(
      db.transaction().execute(async (tx) => {
        ({ id } = await mailer.enqueue(tx, invitation(org.id, org.name, 'nobody@corner.example')));
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    expect(id).not.toBe('');
    expect(
      await db.selectFrom('mail_messages').select('id').where('id', '=', id).executeTakeFirst(),
    ).toBeUndefined();
    expect(await jobCount(`mail:${id}`)).toBe(0);
  });

  test('refuses a recipient that is not one plain address', async () => {
    const org = await createOrg(db);
    await expect(
      mailer.enqueue(db, invitation(org.id, org.name, 'a@x.example, b@y.example')),
    ).rejects.toThrow();
    await expect(
      mailer.enqueue(db, invitation(org.id, org.name, 'a@x.example\r\nBcc: b@y.example')),
    ).rejects.toThrow();
  });

  test('a job with a malformed payload is dropped, not retried', async () => {
    const { jobId } = await addJob(db, 'send-email', { messageId: 'not-a-uuid' }, { jobKey: 'malformed-1' });
    expect(jobId).toMatch(/^\d+$/);
    await runJobs();
    expect(await jobCount('malformed-1')).toBe(0);
  });

  test('a running worker delivers mail committed after it started, and stops cleanly', async () => {
    const worker = await startWorker({
      connectionString: testDatabaseUrl(),
      db,
      config: { smtpUrl: undefined, workerConcurrency: 2 },
      logger,
      // New jobs normally arrive by LISTEN/NOTIFY; the poll is the safety net if the notification
      // lands before the worker's listener is connected.
      pollInterval: 500,
    });
    try {
      const org = await createOrg(db);
      const { id } = await mailer.enqueue(db, invitation(org.id, org.name, 'live@corner.example'));
      const deadline = Date.now() + 20_000;
      let status = 'queued';
      while (status !== 'sent' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        ({ status } = await db
          .selectFrom('mail_messages')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow());
      }
      expect(status).toBe('sent');
    } finally {
      await worker.stop();
    }
    await expect(worker.done).resolves.toBeUndefined();
  });
});
