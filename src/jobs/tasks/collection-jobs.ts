import type { Task, TaskList } from 'graphile-worker';
import { validate as isUuid } from 'uuid';
import type { Database } from '../../db/client.ts';
import { addJob } from '../../db/jobs.ts';
import type { BatchMailer } from '../../domain/collections/collection-mail-port.ts';
import { queueDueCollections } from '../../domain/collections/queue-due-collections.ts';
import { COLLECTION_RUN_TASK, runCollection } from '../../domain/collections/run-collection.ts';
import { deliverMailBatch } from '../../domain/mail/deliver-mail-message.ts';
import type { Mailer, MailTransport } from '../../domain/mail/mail-port.ts';
import { queueDueStatements } from '../../domain/statements/queue-due-statements.ts';
import { runMonthlyStatements, STATEMENT_RUN_TASK } from '../../domain/statements/run-monthly-statements.ts';
import type { StatementPdfWriter } from '../../domain/statements/statement-port.ts';
import { SEND_EMAIL_BATCH_TASK } from '../../mail/batch-mailer.ts';
import {
  queueMailFallback,
  SEND_EMAIL_TASK,
  type SendEmailPayload,
  sendEmailMaxAttempts,
} from '../../mail/outbox-mailer.ts';

/** Every few minutes: each seller whose weekly collection slot came gets one run. */
export const COLLECTIONS_SWEEP_TASK = 'collections.sweep';
/** Hourly: each seller whose statement day came gets this month's statements, once. */
export const STATEMENTS_SWEEP_TASK = 'statements.sweep';

/**
 * Messages a delivery job has in flight at once. Above the pooled SMTP transport's connections
 * (nodemailer's default is 5): the pool's own queue then always holds the next message, so no
 * connection waits on this job's database round trips.
 */
const DELIVERY_CONCURRENCY = 10;

function payloadOf(payload: unknown): { orgId: string; runId: string } | undefined {
  const p = payload as { orgId?: unknown; runId?: unknown } | null;
  return typeof p?.orgId === 'string' && isUuid(p.orgId) && typeof p.runId === 'string' && isUuid(p.runId)
    ? { orgId: p.orgId, runId: p.runId }
    : undefined;
}

/**
 * Delivers a batch of queued messages (the weekly run writes one job per 200) with
 * deliverMailBatch: one query loads the batch, sends go out side by side, and the sent ones are
 * marked in grouped updates. Each message is delivered once (what was sent, or handed to its own
 * job, is skipped when the batch is retried); one that fails gets its own `send-email` job, which
 * retries with backoff and falls back to the next contact, so one bad address never holds up or
 * repeats the rest.
 */
export function sendEmailBatchTask(deps: { db: Database; transport: MailTransport }): Task {
  return async (payload, helpers) => {
    const ids = (payload as { messageIds?: unknown } | null)?.messageIds;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && isUuid(id))) {
      helpers.logger.error(`${SEND_EMAIL_BATCH_TASK} job ${helpers.job.id} has a malformed payload; dropped`);
      return;
    }
    const outcome = await deliverMailBatch(
      {
        db: deps.db,
        transport: deps.transport,
        queueFallback: queueMailFallback,
        handOff: async (db, messageId) => {
          const retry: SendEmailPayload = { messageId };
          await addJob(db, SEND_EMAIL_TASK, retry, {
            jobKey: `mail:${messageId}`,
            maxAttempts: sendEmailMaxAttempts - 1,
            runAt: new Date(Date.now() + 60_000),
          });
        },
      },
      { messageIds: ids as string[], concurrency: DELIVERY_CONCURRENCY },
    );
    if (outcome.failed || outcome.handedOff)
      helpers.logger.warn(
        `${SEND_EMAIL_BATCH_TASK} job ${helpers.job.id}: ${outcome.sent} sent, ${outcome.handedOff} to retry, ${outcome.failed} refused for good`,
      );
  };
}

export interface CollectionTaskDeps {
  db: Database;
  transport: MailTransport;
  batchMailer?: BatchMailer | undefined;
  mailer?: Mailer | undefined;
  statementPdf?: StatementPdfWriter | undefined;
  publicUrl?: string | undefined;
  secretKey?: Buffer | undefined;
}

export function collectionTasks(deps: CollectionTaskDeps): TaskList {
  const tasks: TaskList = {
    [SEND_EMAIL_BATCH_TASK]: sendEmailBatchTask(deps),
    [COLLECTIONS_SWEEP_TASK]: async (_payload, helpers) => {
      const { queued } = await queueDueCollections(deps, { now: new Date() });
      if (queued) helpers.logger.info(`weekly collection queued for ${queued} seller(s)`);
    },
    [STATEMENTS_SWEEP_TASK]: async (_payload, helpers) => {
      const { queued } = await queueDueStatements(deps, { now: new Date() });
      if (queued) helpers.logger.info(`monthly statements queued for ${queued} seller(s)`);
    },
  };
  const { batchMailer, mailer, statementPdf, publicUrl, secretKey } = deps;
  if (batchMailer && publicUrl)
    tasks[COLLECTION_RUN_TASK] = async (payload, helpers) => {
      const p = payloadOf(payload);
      if (!p) {
        helpers.logger.error(`${COLLECTION_RUN_TASK} job ${helpers.job.id} has a malformed payload; dropped`);
        return;
      }
      const result = await runCollection({ db: deps.db, mailer: batchMailer, publicUrl }, p);
      if (result) helpers.logger.info(`collection run ${p.runId}: ${result.messages} message(s)`);
    };
  if (mailer && statementPdf && publicUrl && secretKey)
    tasks[STATEMENT_RUN_TASK] = async (payload, helpers) => {
      const p = payload as { orgId?: unknown; period?: unknown } | null;
      if (typeof p?.orgId !== 'string' || !isUuid(p.orgId) || typeof p.period !== 'string') {
        helpers.logger.error(`${STATEMENT_RUN_TASK} job ${helpers.job.id} has a malformed payload; dropped`);
        return;
      }
      const { sent } = await runMonthlyStatements(
        { db: deps.db, mailer, pdf: statementPdf, publicUrl, secretKey },
        { orgId: p.orgId, period: p.period },
      );
      if (sent) helpers.logger.info(`${sent} statement(s) of ${p.period} sent for ${p.orgId}`);
    };
  return tasks;
}
