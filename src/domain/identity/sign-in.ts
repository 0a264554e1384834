import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { normalizeEmail } from '../shared/email.ts';
import { enforceRateLimit, refundRateLimit, waitParams } from '../shared/rate-limit.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { type ClientInfo, recordSecurityEvent } from './security-events.ts';
import { createSession } from './sessions.ts';

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
async function lockedForSeconds(db: Database, email: string): Promise<number | null> {
  const { rows } = await sql<{ seconds: number }>`
    select ceil(extract(epoch from (window_started_at + make_interval(mins => ${LOCKOUT_MINUTES}) - now())))::int as seconds
    from rate_limits
    where key = ${failuresKey(email)} and hits >= ${LOCKOUT_AFTER}
      and window_started_at > now() - make_interval(mins => ${LOCKOUT_MINUTES})`.execute(db);
  return rows[0] ? rows[0].seconds : null;
}

async function recordFailure(db: Database, email: string): Promise<boolean> {
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
export async function clearSignInFailures(db: Database | Transaction<DB>, email: string): Promise<void> {
  await db
    .deleteFrom('rate_limits')
    .where('key', '=', failuresKey(normalizeEmail(email)))
    .execute();
}

const lockedError = (seconds: number) => {
  const { minutes, waitKey } = waitParams(seconds);
  return new AppError('account_locked', { minutes, waitKey });
};

/**
 * Checks an e-mail and password and opens a session. An unknown e-mail costs the same work as a
 * known one and gets the same answers, lockout included. Limits count failures only: 20 per
 * 5 minutes from one address, 10 per 15 minutes for one e-mail, and the lockout above; a right
 * password gives its hit back (it is counted first, so concurrent guesses cannot slip past).
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string; client: ClientInfo },
): Promise<{ token: string; csrfToken: string; userId: string }> {
  const email = normalizeEmail(input.email);
  const ipKey = input.client.ip ? `sign-in:ip:${input.client.ip}` : null;
  const emailKey = `sign-in:email:${email}`;
  if (ipKey) await enforceRateLimit(db, ipKey, 20, 300);
  await enforceRateLimit(db, emailKey, 10, 900);

  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();

  const lockedSeconds = await lockedForSeconds(db, email);
  if (lockedSeconds !== null) {
    await recordSecurityEvent(db, {
      type: 'sign_in_locked',
      userId: user?.id ?? null,
      email,
      client: input.client,
    });
    throw lockedError(lockedSeconds);
  }

  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  if (!user?.password_hash || !ok) {
    const locked = await recordFailure(db, email);
    await recordSecurityEvent(db, {
      type: 'sign_in_failed',
      userId: user?.id ?? null,
      email,
      client: input.client,
    });
    if (locked) throw lockedError(LOCKOUT_MINUTES * 60);
    throw new AppError('invalid_credentials');
  }

  return db.transaction().execute(async (trx) => {
    await clearSignInFailures(trx, email);
    if (ipKey) await refundRateLimit(trx, ipKey);
    await refundRateLimit(trx, emailKey);
    await recordSecurityEvent(trx, { type: 'sign_in', userId: user.id, email, client: input.client });
    const session = await createSession(trx, { userId: user.id, client: input.client });
    return { ...session, userId: user.id };
  });
}
