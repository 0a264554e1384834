import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import { enforceRateLimit } from '../shared/rate-limit.ts';

/** Look-ups of tokens that open no link, per address and window. */
export const PAY_LINK_MISSES = { limit: 30, windowSeconds: 900 };

const missKey = (ip: string) => `pay-link:miss:${ip}`;

/**
 * Refuses an address that already guessed too many tokens in this window, before it looks up
 * another (so a lucky guess from it opens nothing). Only misses count: fifty payers of one real
 * link at the same moment are never slowed down.
 */
export async function refuseGuessers(db: Database, ip: string): Promise<void> {
  const { rows } = await sql<{ hits: number; retry_after: number }>`
    select hits, greatest(1, ceil(extract(epoch from (window_started_at
             + make_interval(secs => ${PAY_LINK_MISSES.windowSeconds}) - now()))))::int as retry_after
      from rate_limits
     where key = ${missKey(ip)}
       and window_started_at > now() - make_interval(secs => ${PAY_LINK_MISSES.windowSeconds})`.execute(db);
  const row = rows[0];
  if (row && row.hits >= PAY_LINK_MISSES.limit)
    throw new AppError('rate_limited', { seconds: row.retry_after });
}

/** Counts a miss (an unknown or altered token); throws rate_limited once over the limit. */
export async function countGuess(db: Database, ip: string): Promise<void> {
  await enforceRateLimit(db, missKey(ip), PAY_LINK_MISSES.limit, PAY_LINK_MISSES.windowSeconds);
}
