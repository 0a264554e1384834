import { type Command, InvalidArgumentError } from 'commander';
import { Logger, runOnce } from 'graphile-worker';
import pg from 'pg';
import { loadConfig } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import type { AutopayMailer } from '../domain/autopay/autopay-mail-port.ts';
import { planAutopayRun } from '../domain/autopay/plan-autopay-run.ts';
import { sendAutopayNotices } from '../domain/autopay/send-autopay-notices.ts';
import { parseDay as parseCalendarDay } from '../domain/calendar/calendar-day.ts';
import { orgTodayOf } from '../domain/customers/balances.ts';
import type { Gateways } from '../domain/payments/payment-gateway.ts';
import { isUuid } from '../domain/shared/ids.ts';
import { resolveGateways } from '../gateways/resolve-gateways.ts';
import { autopayTasks } from '../jobs/tasks/autopay-jobs.ts';
import { createAutopayMailer } from '../mail/templates/autopay-mail.ts';
import { withDatabase } from './with-database.ts';

/**
 * `saldo autopay run`: autopay's daily sweep for one seller on a given day, now — its notices,
 * its due charges planned, and those charges made at once (the jobs the sweep queued run in this
 * process) — so a person trying Saldo, or a browser test, sees autopay charge without waiting for
 * the hourly schedule or a due date. The same rules as the schedule: a weekend or bank holiday
 * charges nothing; what was charged that day is not charged again.
 */

/** A refusal the person can act on: printed as one line, exit code 1. */
export class AutopayCommandError extends Error {}

export interface AutopayDayResult {
  org: { id: string; slug: string };
  day: string;
  notices: number;
  charges: number;
}

export async function runAutopayDay(
  deps: {
    db: Database;
    connectionString: string;
    gateways: Gateways;
    mailer: AutopayMailer;
    publicUrl?: string | undefined;
  },
  input: { org: string; day?: string },
): Promise<AutopayDayResult> {
  if (input.day !== undefined) {
    try {
      parseCalendarDay(input.day);
    } catch {
      throw new AutopayCommandError('--date must be a calendar date, YYYY-MM-DD');
    }
  }
  const org = await deps.db
    .selectFrom('organizations')
    .select(['id', 'slug'])
    .$call((q) => (isUuid(input.org) ? q.where('id', '=', input.org) : q.where('slug', '=', input.org)))
    .executeTakeFirst();
  if (!org) throw new AutopayCommandError(`no seller with slug or id "${input.org}"`);
  const day = input.day ?? (await orgTodayOf(deps.db, org.id))!;
  const { sent } = await sendAutopayNotices(deps, { orgId: org.id, today: day });
  const { enqueued } = await planAutopayRun(deps, { orgId: org.id, today: day });
  if (enqueued > 0) {
    const pgPool = new pg.Pool({ connectionString: deps.connectionString, max: 2 });
    const onError = (err: Error) =>
      process.stderr.write(`saldo: job database connection error: ${err.message}\n`);
    pgPool.on('error', onError);
    pgPool.on('connect', (client) => client.on('error', onError));
    try {
      // Only autopay's own tasks: everything else queued stays for the worker.
      await runOnce({ pgPool, taskList: autopayTasks(deps), noHandleSignals: true, logger: quiet });
    } finally {
      await pgPool.end();
    }
  }
  return { org, day, notices: sent, charges: enqueued };
}

const quiet = new Logger(() => () => {});

function parseDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError('a date, YYYY-MM-DD');
  return value;
}

export function registerAutopayCommands(program: Command) {
  const autopay = program.command('autopay').description("autopay's daily sweep, run by hand");
  autopay
    .command('run')
    .description(
      "run a seller's autopay for a day now: notices for the charges ahead, then the charges due that day (made at once)",
    )
    .requiredOption('--org <slug-or-id>', 'the seller')
    .option('--date <YYYY-MM-DD>', "the day to run (default: the seller's today)", parseDay)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nUse the same environment as `saldo start`. For example\n  saldo autopay run --org harbor-foods-supply --date 2026-12-24',
    )
    .action(async (o: { org: string; date?: string; json?: boolean }) => {
      const config = loadConfig();
      try {
        const result = await withDatabase((db, url) =>
          runAutopayDay(
            {
              db,
              connectionString: url,
              gateways: resolveGateways({ db, config }),
              mailer: createAutopayMailer(config),
              publicUrl: config.publicUrl,
            },
            { org: o.org, ...(o.date ? { day: o.date } : {}) },
          ),
        );
        process.stdout.write(
          o.json
            ? `${JSON.stringify(result, null, 2)}\n`
            : `autopay for ${result.org.slug} on ${result.day}: ${result.notices} notice e-mail(s), ${result.charges} charge(s)\n`,
        );
      } catch (err) {
        if (!(err instanceof AutopayCommandError)) throw err;
        process.stderr.write(`saldo: ${err.message}\n`);
        process.exitCode = 1;
      }
    });
}
