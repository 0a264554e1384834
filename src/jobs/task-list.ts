import type { TaskList } from 'graphile-worker';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { SEND_EMAIL_TASK } from '../mail/outbox-mailer.ts';
import type { MailTransport } from '../mail/transports.ts';
import { sendEmailTask } from './tasks/send-email.ts';

export interface TaskDeps {
  db: Kysely<DB>;
  transport: MailTransport;
}

/** Every task the worker runs, by identifier. */
export function buildTaskList(deps: TaskDeps): TaskList {
  return {
    [SEND_EMAIL_TASK]: sendEmailTask(deps),
  };
}
