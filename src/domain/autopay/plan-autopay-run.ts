import type { Database } from '../../db/client.ts';
import { isBusinessDay } from '../calendar/business-days.ts';
import { enqueueDueCharges, type SweepDay, sweepCalendars } from './autopay.repository.ts';
import { chargeHorizon, SWEEP_FROM_HOUR } from './autopay-rules.ts';

/**
 * The daily sweep: for every seller whose day it is (its own time zone, from 06:00), or for one
 * seller on a given day (`today`: the CLI and tests), selects every active enrollment with an
 * invoice whose charge day has come and every soft decline whose retry day has come — one
 * set-based query — and enqueues their `autopay.charge` jobs in the same statement (charges
 * grouped by a hash of their enrollment, each group a job under a stable key: see
 * enqueueDueCharges). Charges run on business days only:
 * on a weekend or bank holiday nothing is planned (the rules moved those charges to the business
 * day before). Running it again plans nothing twice: an enrollment charged today, or waiting for
 * its job, is skipped, and its job claims the attempt before charging.
 */
export async function planAutopayRun(
  deps: { db: Database },
  input: { orgId?: string; today?: string },
): Promise<{ enqueued: number; jobs: number; days: SweepDay[] }> {
  const explicitDay = input.today !== undefined;
  const calendars = (await sweepCalendars(deps.db, { orgId: input.orgId }))
    .filter((c) => explicitDay || c.hour >= SWEEP_FROM_HOUR)
    .map((c) => ({ country: c.country, today: input.today ?? c.today }));
  const seen = new Set<string>();
  const days: SweepDay[] = [];
  for (const c of calendars) {
    const key = `${c.country}:${c.today}`;
    if (seen.has(key) || !isBusinessDay(c.country, c.today)) continue;
    seen.add(key);
    days.push({ country: c.country, today: c.today, horizon: chargeHorizon(c.country, c.today) });
  }
  if (days.length === 0) return { enqueued: 0, jobs: 0, days };
  const { charges, jobs } = await enqueueDueCharges(deps.db, { days, orgId: input.orgId, explicitDay });
  return { enqueued: charges, jobs, days };
}
