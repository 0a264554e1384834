import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { AppError } from '../errors.ts';

/**
 * A fixed-window counter kept in PostgreSQL, so every web process shares it (web processes are
 * stateless). One statement per hit; it returns how many hits the window has seen.
 */
export async function hitRateLimit(
  db: Database,
  key: string,
  windowSeconds: number,
): Promise<{ hits: number; retryAfterSeconds: number }> {
  const { rows } = await sql<{ hits: number; retry_after: number }>`
    insert into rate_limits as r (key, window_started_at, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when r.window_started_at <= now() - make_interval(secs => ${windowSeconds}) then 1 else r.hits + 1 end,
      window_started_at = case when r.window_started_at <= now() - make_interval(secs => ${windowSeconds})
        then now() else r.window_started_at end
    returning hits,
      greatest(1, ceil(extract(epoch from (window_started_at + make_interval(secs => ${windowSeconds}) - now()))))::int as retry_after
  `.execute(db);
  const row = rows[0]!;
  return { hits: row.hits, retryAfterSeconds: row.retry_after };
}

/**
 * Counts a hit and throws rate_limited once the window holds more than `limit`, with the seconds
 * left to wait (the edge says it in minutes and sends it as Retry-After).
 */
export async function enforceRateLimit(
  db: Database,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<void> {
  const { hits, retryAfterSeconds } = await hitRateLimit(db, key, windowSeconds);
  if (hits > limit) throw new AppError('rate_limited', { seconds: retryAfterSeconds });
}

/**
 * Gives back one hit counted by enforceRateLimit, for limits that count failures only: the
 * attempt is counted before it runs (so a burst of concurrent attempts cannot slip past the limit)
 * and refunded when it succeeds.
 */
export async function refundRateLimit(db: Database, key: string): Promise<void> {
  await sql`update rate_limits set hits = hits - 1 where key = ${key} and hits > 0`.execute(db);
}
