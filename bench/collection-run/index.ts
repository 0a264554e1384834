import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { run as runWorker } from 'graphile-worker';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { createDb } from '../../src/db/client.ts';
import { systemActor } from '../../src/domain/audit/record-audit.ts';
import { runCollection } from '../../src/domain/collections/run-collection.ts';
import { runCollectionNow } from '../../src/domain/collections/run-collection-now.ts';
import { createOrganization } from '../../src/domain/identity/create-organization.ts';
import { buildStatement, periodAgings } from '../../src/domain/statements/build-statement.ts';
import { statementPdf } from '../../src/formats/pdf/statement-pdf.ts';
import { collectionTasks } from '../../src/jobs/tasks/collection-jobs.ts';
import { sendEmailTask } from '../../src/jobs/tasks/send-email.ts';
import { createBatchMailer, SEND_EMAIL_BATCH_TASK } from '../../src/mail/batch-mailer.ts';
import { SEND_EMAIL_TASK } from '../../src/mail/outbox-mailer.ts';
import { createMailTransport } from '../../src/mail/transports.ts';
import { startBenchDatabase } from '../support/database.ts';
import { ratioOf, roundTo } from '../support/result.ts';
import { loadNow, machineDetails } from '../support/run-info.ts';
import type { Benchmark } from '../support/types.ts';

/** Mean of some pages' times in the mailer, ms. */
function pageSummary(pages: number[]) {
  return roundTo(pages.reduce((a, b) => a + b, 0) / Math.max(1, pages.length), 1);
}

/**
 * The weekly collection for N subscribed customers (one contact each, `invoices` open invoices
 * each) into a local SMTP sink: Saldo's whole run — select, pay links, render, outbox, delivery
 * jobs, SMTP over a pooled transport — measured from "run now" to the last message accepted by
 * the sink, vs nodemailer alone sending the same pre-rendered messages (read back from the
 * outbox) over a pooled connection to the same sink, in the same run. Then statement PDFs per
 * second (build from history + render) for a sample of the customers.
 */
export const collectionRun: Benchmark = {
  name: 'collection-run',
  description:
    'weekly collection run for N subscribed customers into a local SMTP sink (messages/s) vs nodemailer sending the same pre-rendered messages over a pooled connection; also statement PDFs/s',
  options: {
    customers: { description: 'subscribed customers', default: 50_000, min: 10, max: 200_000 },
    invoices: { description: 'open invoices per customer', default: 3, min: 1, max: 20 },
    workers: { description: 'graphile-worker concurrency for delivery jobs', default: 8, min: 1, max: 64 },
    connections: { description: 'SMTP pool connections (both sides)', default: 5, min: 1, max: 50 },
    statements: { description: 'statement PDFs to build and render', default: 300, min: 1, max: 10_000 },
  },
  async run(ctx) {
    const loadAtStart = loadNow();
    const { customers, invoices, workers, connections, statements } = ctx.options as Record<string, number>;
    const database = await startBenchDatabase(ctx);
    const owner = createDb(database.ownerUrl, { max: 2, applicationName: 'saldo-bench-collection-seed' });
    ctx.cleanup.add('close the seed pool', () => owner.close());
    const handle = createDb(database.url, { max: workers! + 4, applicationName: 'saldo-bench-collection' });
    ctx.cleanup.add('close the app pool', () => handle.close());
    const { db } = handle;

    // The sink: accepts and counts, keeps nothing.
    let accepted = 0;
    let waiter: { target: number; resolve: () => void } | null = null;
    const sink = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      size: 10 * 1024 * 1024,
      onData(stream, _session, callback) {
        stream.on('data', () => {});
        stream.on('end', () => {
          accepted += 1;
          if (waiter && accepted >= waiter.target) waiter.resolve();
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    ctx.cleanup.add('close the SMTP sink', () => new Promise<void>((resolve) => sink.close(resolve)));
    const { port } = sink.server.address() as AddressInfo;
    const until = (target: number) =>
      new Promise<void>((resolve) => {
        if (accepted >= target) resolve();
        else waiter = { target, resolve };
      });

    ctx.log(`seeding ${customers} subscribed customers × ${invoices} open invoices`);
    const org = await createOrganization(
      { db: owner.db },
      {
        name: `Distribuidora Bench ${randomUUID().slice(0, 6)}`,
        country: 'MX',
        timeZone: 'America/Mexico_City',
        defaultCurrency: 'MXN',
        locale: 'es',
        actor: systemActor,
      },
    );
    await owner.db.transaction().execute(async (trx) => {
      await sql`create temp table bench_customers on commit drop as
                  select gen_random_uuid() as id, g as n from generate_series(1, ${customers}) g`.execute(
        trx,
      );
      await sql`insert into customer_accounts (org_id, id, account_number, name, currency, locale)
                select ${org.id}, id, 'CB-' || n, 'Cliente Bench ' || n, 'MXN', 'es' from bench_customers`.execute(
        trx,
      );
      await sql`insert into customer_contacts (org_id, id, account_id, name, email, locale)
                select ${org.id}, gen_random_uuid(), id, 'Contacto ' || n, 'pagos' || n || '@cliente.test', 'es'
                  from bench_customers`.execute(trx);
      await sql`insert into collection_subscriptions (org_id, customer_id, subscribed, subscribed_at)
                select ${org.id}, id, true, now() from bench_customers`.execute(trx);
      await sql`insert into invoices (org_id, id, customer_id, number, issue_date, due_date, currency, status,
                                      subtotal, total, open_amount, posted_at)
                select ${org.id}, gen_random_uuid(), c.id, 'FB-' || c.n || '-' || k,
                       current_date - 60 + k * 10, current_date - 30 + k * 10, 'MXN', 'open',
                       100000 + k, 100000 + k, 100000 + k, now()
                  from bench_customers c, generate_series(1, ${invoices}) k`.execute(trx);
    });
    await sql`vacuum analyze`.execute(owner.db);

    // ── Saldo: run now → every message accepted by the sink ─────────────────
    const transport = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${port}/?pool=true&maxConnections=${connections}`,
    });
    ctx.cleanup.add('close the SMTP transport', () => transport.close());
    const tasks = {
      [SEND_EMAIL_BATCH_TASK]: collectionTasks({ db, transport })[SEND_EMAIL_BATCH_TASK]!,
      [SEND_EMAIL_TASK]: sendEmailTask({ db, transport }),
    };
    const runner = await runWorker({
      connectionString: database.url,
      concurrency: workers!,
      noHandleSignals: true,
      pollInterval: 200,
      taskList: tasks,
      logger: new (await import('graphile-worker')).Logger(() => () => {}),
    });
    ctx.cleanup.add('stop the worker', () => runner.stop());
    const batchMailer = createBatchMailer({ mailFrom: 'Distribuidora Bench <cobranza@bench.test>' });
    // Each page's time in the mailer (render, insert, jobs). Pages overlap (two in flight), so it
    // is no share of the total, but it shows whether late pages cost more than early ones.
    const pages: number[] = [];
    const mailer: typeof batchMailer = {
      async enqueueMany(trx, mails) {
        const at = performance.now();
        const out = await batchMailer.enqueueMany(trx, mails);
        pages.push(performance.now() - at);
        return out;
      },
    };
    const started = performance.now();
    const { runId } = await runCollectionNow({ db }, { orgId: org.id, actor: systemActor });
    const result = await runCollection(
      { db, mailer, publicUrl: 'https://saldo.bench' },
      { orgId: org.id, runId },
    );
    const enqueuedMs = performance.now() - started;
    if (result?.messages !== customers)
      throw new Error(`sanity check: the run wrote ${result?.messages} messages`);
    ctx.log(`run wrote ${result?.messages} messages in ${roundTo(enqueuedMs, 0)} ms; delivering`);
    await until(customers!);
    const saldoMs = performance.now() - started;
    await runner.stop();
    const sent = await sql<{
      n: number;
    }>`select count(*)::int as n from mail_messages where status = 'sent'`.execute(db);
    if (sent.rows[0]!.n !== customers) throw new Error(`sanity check: ${sent.rows[0]!.n} marked sent`);
    // Deliveries the batch jobs could not make at once (each retried by its own send-email job).
    const retried = await sql<{ messages: number; attempts: number }>`
      select count(*) filter (where attempts > 1)::int as messages, coalesce(sum(attempts), 0)::int as attempts
        from mail_messages where org_id = ${org.id}`.execute(db);
    // Rows the run's queries read by sequential scans, per table: a query that scans a table the
    // run keeps growing (the outbox, pay links) makes the run quadratic.
    const scans = await sql<{ relname: string; seq_tup_read: number; idx_scan: number }>`
      select relname, seq_tup_read::int, coalesce(idx_scan, 0)::int as idx_scan from pg_stat_user_tables
       where seq_tup_read > 10000 order by seq_tup_read desc limit 8`.execute(db);
    ctx.log(
      `sequential reads: ${scans.rows.map((r) => `${r.relname} ${r.seq_tup_read} (idx ${r.idx_scan})`).join(', ')}`,
    );
    const saldoRate = (customers! * 1000) / saldoMs;
    ctx.log(`Saldo: ${customers} messages in ${roundTo(saldoMs, 0)} ms (${roundTo(saldoRate, 1)}/s)`);

    // ── Baseline: nodemailer, pooled, the same pre-rendered messages ───────
    const messages = await db
      .selectFrom('mail_messages')
      .select(['from_address', 'to_address', 'subject', 'text_body', 'html_body', 'id'])
      .where('org_id', '=', org.id)
      .execute();
    const nodemailer = (await import('nodemailer')).default;
    const pooled = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: connections!,
    });
    ctx.cleanup.add('close the baseline transport', () => pooled.close());
    const before = accepted;
    const baseStarted = performance.now();
    await Promise.all(
      messages.map((m) =>
        pooled.sendMail({
          from: m.from_address,
          to: m.to_address,
          subject: m.subject,
          text: m.text_body ?? '',
          html: m.html_body ?? '',
          messageId: `<${m.id}@bench.test>`,
        }),
      ),
    );
    await until(before + messages.length);
    const baseMs = performance.now() - baseStarted;
    pooled.close();
    const baseRate = (messages.length * 1000) / baseMs;
    ctx.log(
      `nodemailer: ${messages.length} messages in ${roundTo(baseMs, 0)} ms (${roundTo(baseRate, 1)}/s)`,
    );

    // ── Statement PDFs per second ──────────────────────────────────────────
    const today = new Date().toISOString().slice(0, 10);
    const from = `${today.slice(0, 7)}-01` > today ? today : `${today.slice(0, 8)}01`;
    const agingsStarted = performance.now();
    const agings = await periodAgings(db, org.id, from, today);
    const agingsMs = performance.now() - agingsStarted;
    const sample = await db
      .selectFrom('customer_accounts')
      .select('id')
      .where('org_id', '=', org.id)
      .orderBy('id')
      .limit(statements!)
      .execute();
    const pdfStarted = performance.now();
    let bytes = 0;
    for (const { id } of sample) {
      const view = await buildStatement({ db }, { orgId: org.id, customerId: id, from, to: today, agings });
      bytes += (await statementPdf(view)).length;
    }
    const pdfMs = performance.now() - pdfStarted;
    const pdfRate = (sample.length * 1000) / pdfMs;
    ctx.log(`statements: ${sample.length} PDFs in ${roundTo(pdfMs, 0)} ms (${roundTo(pdfRate, 1)}/s)`);

    return {
      name: 'collection-run',
      metric: 'messages/s',
      value: roundTo(saldoRate, 2),
      baseline: roundTo(baseRate, 2),
      ratio: ratioOf(saldoRate, baseRate, 'higher-is-better'),
      details: {
        saldo: {
          messages: customers,
          totalMs: roundTo(saldoMs, 1),
          renderAndEnqueueMs: roundTo(enqueuedMs, 1),
          deliveryJobs: Math.ceil(customers! / 200),
          mailerMsPerPageFirst10: pageSummary(pages.slice(0, 10)),
          mailerMsPerPageMiddle10: pageSummary(
            pages.slice(Math.max(0, (pages.length >> 1) - 5)).slice(0, 10),
          ),
          mailerMsPerPageLast10: pageSummary(pages.slice(-10)),
          messagesRetried: retried.rows[0]!.messages,
          deliveryAttempts: retried.rows[0]!.attempts,
        },
        nodemailerPooled: { messages: messages.length, totalMs: roundTo(baseMs, 1) },
        statementPdfsPerSecond: roundTo(pdfRate, 2),
        statementPdfs: sample.length,
        statementAvgKb: roundTo(bytes / sample.length / 1024, 1),
        periodAgingsMs: roundTo(agingsMs, 1),
        settings: { customers, invoices, workers, connections, ...machineDetails(loadAtStart, database) },
      },
    };
  },
};
