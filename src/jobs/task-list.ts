import type { TaskList } from 'graphile-worker';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AutopayMailer } from '../domain/autopay/autopay-mail-port.ts';
import type { BatchMailer } from '../domain/collections/collection-mail-port.ts';
import { DEPOSIT_REPORT_TASK, type DepositReportMailer } from '../domain/deposits/send-deposit-report.ts';
import type { ErpExportMailer } from '../domain/integration/sync/send-export-mail.ts';
import type { Mailer } from '../domain/mail/mail-port.ts';
import { PAYMENT_RECEIPT_TASK } from '../domain/payments/send-payment-receipt.ts';
import { statementPdf } from '../formats/pdf/statement-pdf.ts';
import { SEND_EMAIL_TASK } from '../mail/outbox-mailer.ts';
import type { MailTransport } from '../mail/transports.ts';
import { autopayTasks } from './tasks/autopay-jobs.ts';
import { collectionTasks } from './tasks/collection-jobs.ts';
import { deliverNewTask, deliveryTasks } from './tasks/delivery-jobs.ts';
import {
  DEPOSITS_SWEEP_TASK,
  DEPOSITS_SYNC_TASK,
  depositReportTask,
  depositsSweepTask,
  depositsSyncTask,
} from './tasks/deposit-jobs.ts';
import { dunningTasks } from './tasks/dunning-jobs.ts';
import { erpSyncTasks } from './tasks/erp-sync-jobs.ts';
import { importTasks } from './tasks/import-jobs.ts';
import {
  type PaymentTaskDeps,
  RECONCILE_PAYMENTS_TASK,
  reconcilePaymentsTask,
  SANDBOX_CLOCK_TASK,
  sandboxClockTask,
} from './tasks/payment-jobs.ts';
import { paymentReceiptTask } from './tasks/payment-receipt.ts';
import { sendEmailTask } from './tasks/send-email.ts';
import { type WebhookTaskDeps, webhookTaskDeps, webhookTasks } from './tasks/webhook-jobs.ts';

export interface TaskDeps {
  db: Kysely<DB>;
  transport: MailTransport;
  /** Online payments' jobs (reconciliation, the sandbox's clock); absent in mail-only test workers. */
  payments?: PaymentTaskDeps;
  /** Writes messages jobs send (payment receipts) to the outbox; absent in delivery-only test workers. */
  mailer?: Mailer;
  /** Saldo's public address, for links in those messages. */
  publicUrl?: string | undefined;
  /** Writes autopay's notices and decline e-mails to the outbox (mail/templates/autopay-mail.ts). */
  autopayMailer?: AutopayMailer;
  /** Writes the deposit report e-mails (with their files) to the outbox (mail/templates/deposit-report-mail.ts). */
  depositReportMailer?: DepositReportMailer;
  /** Outbound webhooks (jobs/tasks/webhook-jobs.ts); default: from `payments` (the instance key). */
  webhooks?: WebhookTaskDeps;
  /** Writes the payment confirmation exports' e-mails (manual marking) to the outbox (jobs/tasks/erp-sync-jobs.ts). */
  erpExportMailer?: ErpExportMailer;
  /** Writes the weekly collection's messages a page at a time (mail/batch-mailer.ts). */
  batchMailer?: BatchMailer;
  /** The sellers' import drop folders (config.dropFolderRoot); without it the drop-folder sweep does nothing. */
  dropFolderRoot?: string | undefined;
  /** Where EDI 810 files go (`<dataDir>/edi-outbound`); without it new documents are not delivered on their own. */
  ediOutboundRoot?: string | undefined;
}

/** Every task the worker runs, by identifier. */
export function buildTaskList(deps: TaskDeps): TaskList {
  return {
    [SEND_EMAIL_TASK]: sendEmailTask(deps),
    ...(deps.mailer
      ? {
          [PAYMENT_RECEIPT_TASK]: paymentReceiptTask({
            db: deps.db,
            mailer: deps.mailer,
            publicUrl: deps.publicUrl ?? deps.payments?.publicUrl,
          }),
        }
      : {}),
    ...(deps.payments
      ? {
          [RECONCILE_PAYMENTS_TASK]: reconcilePaymentsTask(deps.payments),
          [SANDBOX_CLOCK_TASK]: sandboxClockTask(deps.payments),
          [DEPOSITS_SWEEP_TASK]: depositsSweepTask(deps.payments),
          [DEPOSITS_SYNC_TASK]: depositsSyncTask(deps.payments),
        }
      : {}),
    ...(deps.payments && deps.autopayMailer
      ? autopayTasks({
          db: deps.db,
          gateways: deps.payments.gateways,
          mailer: deps.autopayMailer,
          publicUrl: deps.publicUrl ?? deps.payments.publicUrl,
        })
      : {}),
    ...(deps.depositReportMailer
      ? { [DEPOSIT_REPORT_TASK]: depositReportTask({ db: deps.db, mailer: deps.depositReportMailer }) }
      : {}),
    ...(deps.webhooks
      ? webhookTasks(deps.webhooks)
      : deps.payments
        ? webhookTasks(webhookTaskDeps({ ...deps.payments, db: deps.db }))
        : {}),
    ...erpSyncTasks({ db: deps.db, mailer: deps.erpExportMailer }),
    ...importTasks({ db: deps.db, dropFolderRoot: deps.dropFolderRoot }),
    ...collectionTasks({
      db: deps.db,
      transport: deps.transport,
      batchMailer: deps.batchMailer,
      mailer: deps.mailer,
      statementPdf,
      publicUrl: deps.publicUrl ?? deps.payments?.publicUrl,
      secretKey: deps.payments?.secretKey,
    }),
    ...dunningTasks({
      db: deps.db,
      batchMailer: deps.batchMailer,
      publicUrl: deps.publicUrl ?? deps.payments?.publicUrl,
    }),
    ...(deps.payments
      ? deliveryTasks({
          db: deps.db,
          secretKey: deps.payments.secretKey,
          publicUrl: deps.publicUrl ?? deps.payments.publicUrl,
        })
      : {}),
    ...(deps.mailer && deps.ediOutboundRoot && (deps.publicUrl ?? deps.payments?.publicUrl)
      ? deliverNewTask({
          db: deps.db,
          mailer: deps.mailer,
          publicUrl: (deps.publicUrl ?? deps.payments?.publicUrl)!,
          ediOutboundRoot: deps.ediOutboundRoot,
        })
      : {}),
  };
}
