import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { normalizeEmail } from '../shared/email.ts';

/** Five wrong passwords in a row for one e-mail lock it for 15 minutes. */
export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MINUTES = 15;

/** Failed sign-ins per e-mail, 15 minutes apart at most, kept for every e-mail asked: known or not. */
const failuresKey = (email: string) => `sign-in:failures:${email}`;

/**
 * The lockout lives in rate_limits under the e-mail, not on the login, so an e-mail without a
 * login locks exactly like one with a login: the answer never tells which e-mails exist. `hits`
 * counts failures in a row, `window_started_at` is the time of the last one; the fifth locks the
 * e-mail for LOCKOUT_MINUTES from then.
 */
export async function lockedForSeconds(db: Database, email: string): Promise<number | null> {
  const { rows } = await sql<{ seconds: number }>`
    select ceil(extract(epoch from (window_started_at + make_interval(mins => ${LOCKOUT_MINUTES}) - now())))::int as seconds
    from rate_limits
    where key = ${failuresKey(email)} and hits >= ${LOCKOUT_AFTER}
      and window_started_at > now() - make_interval(mins => ${LOCKOUT_MINUTES})`.execute(db);
  return rows[0] ? rows[0].seconds : null;
}

/** Counts a wrong password for the e-mail; true when this one locks it. */
export async function recordSignInFailure(db: Database, email: string): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`
    insert into rate_limits as r (key, window_started_at, hits) values (${failuresKey(email)}, now(), 1)
    on conflict (key) do update set
      hits = case
        when r.hits >= ${LOCKOUT_AFTER} or r.window_started_at <= now() - make_interval(mins => ${LOCKOUT_MINUTES})
        then 1 else r.hits + 1 end,
      window_started_at = now()
    returning hits >= ${LOCKOUT_AFTER} as locked`.execute(db);
  return rows[0]?.locked ?? false;
}

/** Forgets an e-mail's failed sign-ins (a right password, a password reset): lifts its lockout. */
export async function clearSignInFailures(db: Database, email: string): Promise<void> {
  await db
    .deleteFrom('rate_limits')
    .where('key', '=', failuresKey(normalizeEmail(email)))
    .execute();
}
