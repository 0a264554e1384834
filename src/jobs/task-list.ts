import type { TaskList } from 'graphile-worker';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { SEND_EMAIL_TASK } from '../mail/outbox-mailer.ts';
import type { MailTransport } from '../mail/transports.ts';
import {
  type PaymentTaskDeps,
  RECONCILE_PAYMENTS_TASK,
  reconcilePaymentsTask,
  SANDBOX_CLOCK_TASK,
  sandboxClockTask,
} from './tasks/payment-jobs.ts';
import { sendEmailTask } from './tasks/send-email.ts';

export interface TaskDeps {
  db: Kysely<DB>;
  transport: MailTransport;
  /** Online payments' jobs (reconciliation, the sandbox's clock); absent in mail-only test workers. */
  payments?: PaymentTaskDeps;
}

/** Every task the worker runs, by identifier. */
export function buildTaskList(deps: TaskDeps): TaskList {
  return {
    [SEND_EMAIL_TASK]: sendEmailTask(deps),
    ...(deps.payments
      ? {
          [RECONCILE_PAYMENTS_TASK]: reconcilePaymentsTask(deps.payments),
          [SANDBOX_CLOCK_TASK]: sandboxClockTask(deps.payments),
        }
      : {}),
  };
}
