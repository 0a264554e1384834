import { run, runOnce } from 'graphile-worker';
import type { Kysely } from 'kysely';
import type { Logger as PinoLogger } from 'pino';
import type { Config } from '../config/config.ts';
import type { DB } from '../db/schema.ts';
import type { AutopayMailer } from '../domain/autopay/autopay-mail-port.ts';
import type { BatchMailer } from '../domain/collections/collection-mail-port.ts';
import { ediOutboundRootOf } from '../domain/delivery/deliver-document.ts';
import type { DepositReportMailer } from '../domain/deposits/send-deposit-report.ts';
import type { ErpExportMailer } from '../domain/integration/sync/send-export-mail.ts';
import type { Mailer } from '../domain/mail/mail-port.ts';
import { resolveGateways } from '../gateways/resolve-gateways.ts';
import { createBatchMailer } from '../mail/batch-mailer.ts';
import { createOutboxMailer } from '../mail/outbox-mailer.ts';
import { createAutopayMailer } from '../mail/templates/autopay-mail.ts';
import { createDepositReportMailer } from '../mail/templates/deposit-report-mail.ts';
import { createMailTransport, type MailTransport } from '../mail/transports.ts';
import { parsedCronItems } from './crontab.ts';
import { graphileLogger } from './graphile-logger.ts';
import { buildTaskList } from './task-list.ts';
import { createErpExportMailer } from './tasks/erp-sync-jobs.ts';
import type { PaymentTaskDeps } from './tasks/payment-jobs.ts';
import { createWorkerPgPool } from './worker-pool.ts';

export interface StartWorkerOptions {
  connectionString: string;
  db: Kysely<DB>;
  config: Pick<Config, 'smtpUrl' | 'workerConcurrency'> &
    Partial<
      Pick<Config, 'publicUrl' | 'secretKey' | 'stripeApiUrl' | 'mailFrom' | 'dropFolderRoot' | 'dataDir'>
    >;
  logger: PinoLogger;
  /** Jobs run at once; default config.workerConcurrency. */
  concurrency?: number;
  /** How often to look for retries and scheduled jobs, in ms (new jobs arrive at once by LISTEN/NOTIFY). */
  pollInterval?: number;
}

export interface RunningWorker {
  /** Settles when the worker ends: after stop(), or rejected if it fails on its own (exit then). */
  done: Promise<void>;
  /** Finishes the jobs in hand, stops taking new ones and closes the mail transport. */
  stop(): Promise<void>;
}

/**
 * Runs the job worker (and the crontab) until stopped. Any number of processes may run one: they
 * share the queue in PostgreSQL. Signals are left to the caller (`saldo start`/`saldo worker`).
 */
export async function startWorker(opts: StartWorkerOptions): Promise<RunningWorker> {
  const concurrency = Math.max(1, opts.concurrency ?? opts.config.workerConcurrency);
  const transport = createMailTransport(opts.config);
  const pgPool = createWorkerPgPool(opts.connectionString, Math.max(10, concurrency + 2), opts.logger);
  const release = async () => {
    transport.close();
    await pgPool.end();
  };
  let runner: Awaited<ReturnType<typeof run>>;
  try {
    runner = await run({
      pgPool,
      concurrency,
      noHandleSignals: true,
      pollInterval: opts.pollInterval ?? 2000,
      logger: graphileLogger(opts.logger),
      taskList: buildTaskList({
        db: opts.db,
        transport,
        ...paymentDeps(opts),
        ...mailerDeps(opts.config),
        ...(opts.config.dropFolderRoot ? { dropFolderRoot: opts.config.dropFolderRoot } : {}),
        ...(opts.config.dataDir ? { ediOutboundRoot: ediOutboundRootOf(opts.config.dataDir) } : {}),
      }),
      parsedCronItems: parsedCronItems(),
    });
  } catch (err) {
    await release();
    throw err;
  }
  opts.logger.info({ concurrency, mailTransport: transport.kind }, 'job worker started');
  const done = runner.promise.then(release, async (err: unknown) => {
    opts.logger.error({ err }, 'job worker stopped with an error');
    await release();
    throw err;
  });
  // Logged above; whoever awaits `done` still sees the rejection.
  done.catch(() => {});
  let stopping: Promise<void> | undefined;
  return {
    done,
    stop() {
      stopping ??= runner.stop().then(() => done);
      return stopping;
    },
  };
}

/** The payment jobs' deps, when the worker knows the public address and the instance key. */
function paymentDeps(opts: StartWorkerOptions): { payments?: PaymentTaskDeps } {
  const { publicUrl, secretKey, stripeApiUrl } = opts.config;
  if (!publicUrl || !secretKey) return {};
  const config = { publicUrl, secretKey, stripeApiUrl };
  return {
    payments: { db: opts.db, gateways: resolveGateways({ db: opts.db, config }), publicUrl, secretKey },
  };
}

/**
 * Jobs that write mail (payment receipts, autopay's notices and declines, deposit reports) run
 * when the worker knows who mail is from.
 */
function mailerDeps(config: StartWorkerOptions['config']): {
  mailer?: Mailer;
  autopayMailer?: AutopayMailer;
  depositReportMailer?: DepositReportMailer;
  erpExportMailer?: ErpExportMailer;
  batchMailer?: BatchMailer;
  publicUrl?: string;
} {
  if (!config.mailFrom) return {};
  return {
    mailer: createOutboxMailer({ mailFrom: config.mailFrom }),
    autopayMailer: createAutopayMailer({ mailFrom: config.mailFrom }),
    depositReportMailer: createDepositReportMailer({ mailFrom: config.mailFrom }),
    erpExportMailer: createErpExportMailer({ mailFrom: config.mailFrom }),
    batchMailer: createBatchMailer({ mailFrom: config.mailFrom }),
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  };
}

export interface RunJobsOnceOptions {
  connectionString: string;
  db: Kysely<DB>;
  transport: MailTransport;
  logger: PinoLogger;
  /** With a mailer, jobs that write mail (payment receipts) run too. */
  mailer?: Mailer;
  publicUrl?: string;
}

/** Runs every job that is due now, then returns: for tests and one-off maintenance. */
export async function runJobsOnce(opts: RunJobsOnceOptions): Promise<void> {
  const pgPool = createWorkerPgPool(opts.connectionString, 4, opts.logger);
  try {
    await runOnce({
      pgPool,
      noHandleSignals: true,
      logger: graphileLogger(opts.logger),
      taskList: buildTaskList({
        db: opts.db,
        transport: opts.transport,
        ...(opts.mailer ? { mailer: opts.mailer } : {}),
        ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}),
      }),
    });
  } finally {
    await pgPool.end();
  }
}
