import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { addJob } from '../../src/db/jobs.ts';
import { runJobsOnce } from '../../src/jobs/worker.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { createMailTransport, type MailTransport } from '../../src/mail/transports.ts';
import { testDatabaseUrl, useTestDb } from '../support/db.ts';
import { createOrg, createUser } from '../support/factories.ts';

const { db } = useTestDb();
const logger = pino({ level: 'silent' });
const mailer = createOutboxMailer({ mailFrom: 'Saldo <no-reply@saldo.test>' });

interface Received {
  raw: Buffer;
  rcptTo: string[];
}
let received: Received[] = [];
/** How many of the next deliveries the server refuses with a temporary (4xx) error. */
let refuseNext = 0;

const server = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  onData(stream, session: SMTPServerSession, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      if (refuseNext > 0) {
        refuseNext -= 1;
        callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
        return;
      }
      received.push({ raw: Buffer.concat(chunks), rcptTo: session.envelope.rcptTo.map((r) => r.address) });
      callback();
    });
  },
});
let transport: MailTransport;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}` });
});
afterAll(async () => {
  transport.close();
  await new Promise<void>((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
  refuseNext = 0;
});

const runJobs = () => runJobsOnce({ connectionString: testDatabaseUrl(), db, transport, logger });

async function messageRow(id: string) {
  return db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function jobOf(messageId: string) {
  return db
    .selectFrom('graphile_worker.jobs' as never)
    .select(['attempts', 'max_attempts', 'run_at', 'last_error'] as never[])
    .where('key' as never, '=', `mail:${messageId}` as never)
    .executeTakeFirst() as Promise<
    { attempts: number; max_attempts: number; run_at: Date; last_error: string | null } | undefined
  >;
}

/** Makes a job waiting out its retry backoff due now. */
async function makeDueNow(messageId: string) {
  await db
    .updateTable('graphile_worker._private_jobs' as never)
    .set({ run_at: new Date() } as never)
    .where('key' as never, '=', `mail:${messageId}` as never)
    .execute();
}

describe('delivery over SMTP', () => {
  test('a Spanish invitation arrives as multipart text + HTML with accents intact, then its body is erased', async () => {
    const org = await createOrg(db, { name: 'Distribuidora del Valle, S.A. de C.V.' });
    const url = 'http://localhost:3000/invitations/accept?token=tok_123';
    const { id } = await db.transaction().execute((tx) =>
      mailer.enqueue(tx, {
        orgId: org.id,
        to: 'Maria.Lopez@Example.test',
        locale: 'es',
        template: 'invitation_staff',
        data: { inviterName: 'José Peña', orgName: org.name, role: 'ar_agent', url, expiresInDays: 7 },
      }),
    );
    expect((await messageRow(id)).status).toBe('queued');

    await runJobs();

    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery!.rcptTo).toEqual(['maria.lopez@example.test']);
    const parsed = await simpleParser(delivery!.raw);
    expect(parsed.subject).toBe(
      'José Peña te invitó a unirte a Distribuidora del Valle, S.A. de C.V. en Saldo',
    );
    expect(parsed.from?.value).toEqual([{ name: 'Saldo', address: 'no-reply@saldo.test' }]);
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value.map((a) => a.address)).toEqual(['maria.lopez@example.test']);
    expect(parsed.messageId).toBe(`<${id}@saldo.test>`);
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });

    const text = parsed.text ?? '';
    const html = typeof parsed.html === 'string' ? parsed.html : '';
    for (const part of [text, html]) {
      expect(part).toContain('José Peña');
      expect(part).toContain('Distribuidora del Valle, S.A. de C.V.');
      expect(part).toContain('agente de cobranza');
      expect(part).toContain('tendrás acceso');
      expect(part).toContain('Aceptar invitación');
      expect(part).toContain('vence en 7 días');
    }
    expect(text).toContain(url);
    expect(html).toContain(`href="${url}"`);
    expect(html).toContain('<table role="presentation"');

    const row = await messageRow(id);
    expect(row).toMatchObject({
      status: 'sent',
      transport: 'smtp',
      attempts: 1,
      sensitive: true,
      text_body: null,
      html_body: null,
      last_error: null,
    });
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(row.smtp_message_id).toBe(`<${id}@saldo.test>`);
    expect(await jobOf(id)).toBeUndefined();
  });

  test('a refused delivery is retried after backoff and arrives exactly once', async () => {
    const user = await createUser(db, { name: 'Ana García' });
    refuseNext = 1;
    const { id } = await mailer.enqueue(db, {
      orgId: null,
      to: user.email,
      locale: 'es',
      template: 'password_reset',
      data: { name: user.name, url: 'http://localhost:3000/reset?token=r_1', expiresInMinutes: 60 },
    });

    await runJobs();
    expect(received).toHaveLength(0);
    let row = await messageRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.last_error).toContain('451');
    expect(row.text_body).toContain('r_1');
    const job = await jobOf(id);
    expect(job?.attempts).toBe(1);
    expect(job!.run_at.getTime()).toBeGreaterThan(Date.now());

    // Still backing off: nothing is due yet.
    await runJobs();
    expect(received).toHaveLength(0);

    await makeDueNow(id);
    await runJobs();
    expect(received).toHaveLength(1);
    expect(received[0]!.rcptTo).toEqual([user.email]);
    row = await messageRow(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, text_body: null, html_body: null });
    expect(await jobOf(id)).toBeUndefined();

    // A stray second job for the same message does not send it again.
    await addJob(db, 'send-email', { messageId: id });
    await runJobs();
    expect(received).toHaveLength(1);
    expect((await messageRow(id)).attempts).toBe(2);
  });

  test("a refusal on the job's last attempt marks the message failed and keeps its body", async () => {
    const user = await createUser(db, { locale: 'en' });
    refuseNext = 1;
    const { id } = await mailer.enqueue(db, {
      orgId: null,
      to: user.email,
      locale: 'en',
      template: 'password_reset',
      data: { name: user.name, url: 'http://localhost:3000/reset?token=r_2', expiresInMinutes: 60 },
    });
    expect((await jobOf(id))?.max_attempts).toBe(10);
    await db
      .updateTable('graphile_worker._private_jobs' as never)
      .set({ max_attempts: 1 } as never)
      .where('key' as never, '=', `mail:${id}` as never)
      .execute();

    await runJobs();

    expect(received).toHaveLength(0);
    const row = await messageRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, sent_at: null });
    expect(row.last_error).toContain('451');
    expect(row.text_body).toContain('r_2');
  });
});
