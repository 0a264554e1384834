import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../errors.ts';
import { normalizeEmail } from '../shared/email.ts';
import { enforceRateLimit, refundRateLimit } from '../shared/rate-limit.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { type ClientInfo, recordSecurityEvent } from './security-events.ts';
import { createSession } from './sessions.ts';
import {
  clearSignInFailures,
  LOCKOUT_MINUTES,
  lockedForSeconds,
  recordSignInFailure,
} from './sign-in-lockout.ts';

/** The wait travels as seconds; the edge says it in minutes, in the reader's language. */
const lockedError = (seconds: number) => new AppError('account_locked', { seconds });

/**
 * Checks an e-mail and password and opens a session. An unknown e-mail costs the same work as a
 * known one and gets the same answers, lockout included. Limits count failures only: 20 per
 * 5 minutes from one address, 10 per 15 minutes for one e-mail, and the lockout
 * (sign-in-lockout.ts); a right password gives its hit back (it is counted first, so concurrent
 * guesses cannot slip past). Call it on a pool, not inside a transaction of the caller's: a
 * refused attempt must stay counted, and a refusal is thrown.
 */
export async function signIn(
  deps: { db: Database },
  input: { email: string; password: string; client: ClientInfo },
): Promise<{ token: string; csrfToken: string; userId: string }> {
  const { db } = deps;
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
    const locked = await recordSignInFailure(db, email);
    await recordSecurityEvent(db, {
      type: 'sign_in_failed',
      userId: user?.id ?? null,
      email,
      client: input.client,
    });
    if (locked) throw lockedError(LOCKOUT_MINUTES * 60);
    throw new AppError('invalid_credentials');
  }

  return inTransaction(db, async (trx) => {
    await clearSignInFailures(trx, email);
    if (ipKey) await refundRateLimit(trx, ipKey);
    await refundRateLimit(trx, emailKey);
    await recordSecurityEvent(trx, { type: 'sign_in', userId: user.id, email, client: input.client });
    const session = await createSession(trx, { userId: user.id, client: input.client });
    return { ...session, userId: user.id };
  });
}
