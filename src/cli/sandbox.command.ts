import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import { loadPaymentSettings } from '../domain/payments/payment-settings.repository.ts';
import { isUuid } from '../domain/shared/ids.ts';
import { sandboxWebhookSecret } from '../gateways/resolve-gateways.ts';
import { runSandboxClock, type SandboxClockResult } from '../gateways/sandbox/run-sandbox-clock.ts';
import { webhookUrl } from '../gateways/sandbox/sandbox-webhooks.ts';
import { withDatabase } from './with-database.ts';

/**
 * `saldo sandbox advance`: the sandbox processor's clock, run now as if some days had passed, so
 * that a person trying Saldo (or a browser test) sees an ACH debit settle or come back, a refund
 * complete and a payout arrive without waiting for the business days. Its webhooks go to the
 * running Saldo at the public URL, signed at the wall clock (the endpoint checks the timestamp
 * against its own clock, and a signature dated days ahead would be refused as stale).
 */

const DAY_MS = 24 * 3600 * 1000;
/** A year ahead is more than any settlement, return window or payout needs. */
export const MAX_DAYS = 366;

/** A refusal the person can act on: printed as one line, exit code 1. */
export class SandboxCommandError extends Error {}

export interface SandboxAdvanceDeps {
  db: Database;
  publicUrl: string;
  secretKey: Buffer;
  /** The wall clock; default: the current time. */
  wallClock?: Date;
}

export interface SandboxAdvanceResult extends SandboxClockResult {
  /** The business time the clock ran at: the wall clock plus `days`. */
  asOf: string;
  days: number;
  /** The one seller it ran for, or null for every seller on the sandbox. */
  org: { id: string; slug: string } | null;
}

async function findSeller(db: Database, slugOrId: string) {
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'slug'])
    .$call((q) => (isUuid(slugOrId) ? q.where('id', '=', slugOrId) : q.where('slug', '=', slugOrId)))
    .executeTakeFirst();
  if (!org) throw new SandboxCommandError(`no seller with slug or id "${slugOrId}"`);
  return org;
}

export async function advanceSandbox(
  deps: SandboxAdvanceDeps,
  input: { days: number; org?: string },
): Promise<SandboxAdvanceResult> {
  if (!Number.isInteger(input.days) || input.days < 0 || input.days > MAX_DAYS)
    throw new SandboxCommandError(`--days must be a whole number from 0 to ${MAX_DAYS}`);
  const org = input.org ? await findSeller(deps.db, input.org) : null;
  if (org && (await loadPaymentSettings(deps.db, org.id)).processor !== 'sandbox')
    throw new SandboxCommandError(`${org.slug} takes payments through Stripe, not the sandbox`);
  const wall = deps.wallClock ?? new Date();
  const now = new Date(wall.getTime() + input.days * DAY_MS);
  const result = await runSandboxClock(
    {
      db: deps.db,
      publicUrl: deps.publicUrl,
      webhookSecret: (orgId) => sandboxWebhookSecret(deps.secretKey, orgId),
      now,
      signAt: wall,
    },
    org ? { orgId: org.id } : {},
  );
  return { ...result, asOf: now.toISOString(), days: input.days, org };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function formatAdvance(r: SandboxAdvanceResult): string {
  const scope = r.org ? ` for ${r.org.slug}` : '';
  const ahead = r.days === 0 ? 'now' : `${plural(r.days, 'day')} ahead`;
  return (
    `sandbox clock${scope} at ${r.asOf} (${ahead}): ${r.settled} settled, ${r.returned} returned, ` +
    `${plural(r.refunds, 'refund')} completed, ${plural(r.payoutsCreated, 'payout')} made, ` +
    `${r.payoutsPaid} paid; ${plural(r.delivered, 'webhook')} delivered` +
    `${r.deliveryFailures ? `, ${r.deliveryFailures} failed` : ''}\n`
  );
}

function parseDays(value: string): number {
  const days = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(days) || days > MAX_DAYS)
    throw new InvalidArgumentError(`a whole number of days from 0 to ${MAX_DAYS}`);
  return days;
}

export function registerSandboxCommands(program: Command) {
  const sandbox = program
    .command('sandbox')
    .description("the built-in sandbox processor's test controls (test numbers only, never real money)");
  sandbox
    .command('advance')
    .description(
      'run the sandbox clock as if days had passed: ACH debits due by then settle or come back, refunds complete, payouts are made; its webhooks are delivered to the running Saldo',
    )
    .option('--days <n>', 'how many days ahead; 0: only what is due now', parseDays, 0)
    .option('--org <slug-or-id>', 'only this seller (default: every seller on the sandbox)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nUse the same environment as `saldo start` (DATABASE_URL or SALDO_DATA_DIR, SALDO_SECRET_KEY, and\nSALDO_PUBLIC_URL or PORT): the webhooks go to that public URL, signed with that key. For example\n  saldo sandbox advance --days 4 --org harbor-foods-supply',
    )
    .action(async (o: { days: number; org?: string; json?: boolean }) => {
      const config = loadConfig();
      try {
        const result = await withDatabase((db) =>
          advanceSandbox(
            { db, publicUrl: config.publicUrl, secretKey: config.secretKey },
            { days: o.days, ...(o.org ? { org: o.org } : {}) },
          ),
        );
        process.stdout.write(o.json ? `${JSON.stringify(result, null, 2)}\n` : formatAdvance(result));
        if (result.deliveryFailures > 0) {
          const where = webhookUrl(config.publicUrl, result.org?.id ?? '<seller>');
          process.stderr.write(
            `saldo: ${plural(result.deliveryFailures, 'webhook delivery', 'webhook deliveries')} to ${where} failed: is Saldo running there? (SALDO_PUBLIC_URL or PORT must name it)\n`,
          );
          process.exitCode = 1;
        }
      } catch (err) {
        if (!(err instanceof SandboxCommandError)) throw err;
        process.stderr.write(`saldo: ${err.message}\n`);
        process.exitCode = 1;
      }
    });
}
