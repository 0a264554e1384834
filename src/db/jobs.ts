import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

export interface AddJobOptions {
  /** Jobs with the same key replace each other while queued: at most one runs. */
  jobKey?: string;
  runAt?: Date;
  maxAttempts?: number;
  /** Jobs in one named queue run one at a time, in order. */
  queueName?: string;
  /** Smaller runs first (default 0). */
  priority?: number;
}

/**
 * Queues a graphile-worker job through `graphile_worker.add_job` on the handle given, so a job
 * added inside a transaction exists only if that transaction commits: jobs commit with their cause.
 */
export async function addJob(
  db: Kysely<DB> | Transaction<DB>,
  identifier: string,
  payload: object,
  opts: AddJobOptions = {},
): Promise<{ jobId: string }> {
  const { rows } = await sql<{ id: string }>`
    select job.id::text as id from graphile_worker.add_job(
      identifier => ${identifier}::text,
      payload => ${JSON.stringify(payload)}::json,
      queue_name => ${opts.queueName ?? null}::text,
      run_at => ${opts.runAt ?? null}::timestamptz,
      max_attempts => ${opts.maxAttempts ?? null}::integer,
      job_key => ${opts.jobKey ?? null}::text,
      priority => ${opts.priority ?? null}::integer
    ) as job
  `.execute(db);
  const id = rows[0]?.id;
  if (!id) throw new Error(`graphile_worker.add_job returned no job for task ${identifier}`);
  return { jobId: id };
}
