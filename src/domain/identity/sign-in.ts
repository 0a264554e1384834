import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import { normalizeEmail } from '../shared/email.ts';
import { enforceRateLimit } from '../shared/rate-limit.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { type ClientInfo, recordSecurityEvent } from './security-events.ts';
import { createSession } from './sessions.ts';

/** Five wrong passwords in a row lock a login for 15 minutes. */
export const LOCKOUT_AFTER = 5;
export const LOCKOUT_MINUTES = 15;

/**
 * Checks an e-mail and password and opens a session. Unknown e-mails cost the same time as known
 * ones and get the same answer. Limits: 20 attempts per 5 minutes from one address, 10 per
 * 15 minutes for one e-mail, and the lockout above.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string; client: ClientInfo },
): Promise<{ token: string; csrfToken: string; userId: string }> {
  const email = normalizeEmail(input.email);
  if (input.client.ip) await enforceRateLimit(db, `sign-in:ip:${input.client.ip}`, 20, 300);
  await enforceRateLimit(db, `sign-in:email:${email}`, 10, 900);

  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'locked_until'])
    .where('email', '=', email)
    .executeTakeFirst();

  if (user?.locked_until && user.locked_until > new Date()) {
    await recordSecurityEvent(db, { type: 'sign_in_locked', userId: user.id, email, client: input.client });
    const minutes = Math.max(1, Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000));
    throw new AppError('account_locked', { minutes });
  }

  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  if (!user?.password_hash || !ok) {
    if (user) {
      const { rows } = await sql<{ locked: boolean }>`
        update users set
          failed_sign_ins = case when failed_sign_ins + 1 >= ${LOCKOUT_AFTER} then 0 else failed_sign_ins + 1 end,
          locked_until = case when failed_sign_ins + 1 >= ${LOCKOUT_AFTER}
            then now() + make_interval(mins => ${LOCKOUT_MINUTES}) else locked_until end
        where id = ${user.id}
        returning locked_until is not null and locked_until > now() as locked`.execute(db);
      await recordSecurityEvent(db, { type: 'sign_in_failed', userId: user.id, email, client: input.client });
      if (rows[0]?.locked) throw new AppError('account_locked', { minutes: LOCKOUT_MINUTES });
    } else {
      await recordSecurityEvent(db, { type: 'sign_in_failed', userId: null, email, client: input.client });
    }
    throw new AppError('invalid_credentials');
  }

  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_sign_ins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    await recordSecurityEvent(trx, { type: 'sign_in', userId: user.id, email, client: input.client });
    const session = await createSession(trx, { userId: user.id, client: input.client });
    return { ...session, userId: user.id };
  });
}
