import type { Task } from 'graphile-worker';
import { validate as isUuid } from 'uuid';
import type { Database } from '../../db/client.ts';
import { addJob } from '../../db/jobs.ts';
import { listSellersToSync } from '../../domain/deposits/list-sellers-to-sync.ts';
import {
  type DepositReportMailer,
  type DepositReportPayload,
  sendDepositReport,
} from '../../domain/deposits/send-deposit-report.ts';
import { syncDeposits } from '../../domain/deposits/sync-deposits.ts';
import type { Gateways } from '../../domain/payments/payment-gateway.ts';
import { depositReportFiles } from '../../formats/xlsx/deposit-report-files.ts';

/** Hourly sweep: one sync job per seller that takes online payments. */
export const DEPOSITS_SWEEP_TASK = 'deposits.sweep';
/** One seller's deposits taken from its processor (domain/deposits/sync-deposits.ts). */
export const DEPOSITS_SYNC_TASK = 'deposits.sync';

export interface DepositSyncTaskDeps {
  db: Database;
  gateways: Gateways;
}

function orgIdOf(payload: unknown): string | undefined {
  const orgId = (payload as { orgId?: unknown } | null)?.orgId;
  return typeof orgId === 'string' && isUuid(orgId) ? orgId : undefined;
}

/** Fans out one `deposits.sync` job per seller, keyed per seller: a slow one is never queued twice. */
export function depositsSweepTask(deps: DepositSyncTaskDeps): Task {
  return async (_payload, helpers) => {
    const sellers = await listSellersToSync(deps);
    for (const orgId of sellers)
      await addJob(deps.db, DEPOSITS_SYNC_TASK, { orgId }, { jobKey: `deposits-sync:${orgId}` });
    if (sellers.length) helpers.logger.info(`deposit sync queued for ${sellers.length} seller(s)`);
  };
}

export function depositsSyncTask(deps: DepositSyncTaskDeps): Task {
  return async (payload, helpers) => {
    const orgId = orgIdOf(payload);
    if (!orgId) {
      helpers.logger.error(`deposits.sync job ${helpers.job.id} has a malformed payload; dropped`);
      return;
    }
    const { created } = await syncDeposits(deps, { orgId });
    if (created) helpers.logger.info(`${created} deposit(s) stored for ${orgId}`);
  };
}

/** Mails one deposit's reports (CSV and XLSX of both) to the seller's recipients, once. */
export function depositReportTask(deps: { db: Database; mailer: DepositReportMailer }): Task {
  return async (payload, helpers) => {
    const orgId = orgIdOf(payload);
    const depositId = (payload as { depositId?: unknown } | null)?.depositId;
    if (!orgId || typeof depositId !== 'string' || !isUuid(depositId)) {
      helpers.logger.error(`deposits.report job ${helpers.job.id} has a malformed payload; dropped`);
      return;
    }
    const input: DepositReportPayload = { orgId, depositId };
    const { sent } = await sendDepositReport({ ...deps, renderFiles: depositReportFiles }, input);
    if (sent) helpers.logger.info(`reports of deposit ${depositId} queued to ${sent} recipient(s)`);
  };
}
