import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import type { Mailer } from '../mail/mail-port.ts';
import { normalizeEmail } from '../shared/email.ts';
import { enforceRateLimit, hitRateLimit } from '../shared/rate-limit.ts';
import { hashToken, newToken } from '../shared/tokens.ts';
import { assertPasswordAcceptable, hashPassword } from './passwords.ts';
import { type ClientInfo, recordSecurityEvent } from './security-events.ts';
import { createSession } from './sessions.ts';
import { clearSignInFailures } from './sign-in.ts';

export const RESET_TTL_MINUTES = 60;

/**
 * E-mails a single-use reset link when the address belongs to a login. The answer never says
 * whether it does. At most 3 links per address per 15 minutes; an earlier unused link stops
 * working when a new one is sent.
 */
export async function requestPasswordReset(
  deps: { db: Database; mailer: Mailer; publicUrl: string },
  input: { email: string; locale: Locale; client: ClientInfo },
): Promise<void> {
  const email = normalizeEmail(input.email);
  if (input.client.ip) await enforceRateLimit(deps.db, `reset:ip:${input.client.ip}`, 10, 900);
  const perEmail = await hitRateLimit(deps.db, `reset:email:${email}`, 900);
  if (perEmail.hits > 3) return;
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'name', 'locale'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!user) return;
  const token = newToken();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('password_resets')
      .set({ used_at: sql`now()` })
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('password_resets')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        expires_at: sql<Date>`now() + make_interval(mins => ${RESET_TTL_MINUTES})`,
      })
      .execute();
    await recordSecurityEvent(trx, {
      type: 'password_reset_requested',
      userId: user.id,
      email,
      client: input.client,
    });
    await deps.mailer.enqueue(trx, {
      orgId: null,
      to: email,
      locale: user.locale,
      template: 'password_reset',
      data: {
        name: user.name,
        url: `${deps.publicUrl}/reset-password/${token}`,
        expiresInMinutes: RESET_TTL_MINUTES,
      },
    });
  });
}

type ResetRow = { user_id: string; email: string; expires_at: Date; used_at: Date | null };

function checkUsable(row: ResetRow | undefined): asserts row is ResetRow {
  if (!row) throw new AppError('token_invalid');
  if (row.used_at) throw new AppError('token_used');
  if (row.expires_at <= new Date()) throw new AppError('token_expired');
}

/** What the reset page shows before the new password is typed. */
export async function inspectPasswordReset(db: Database, token: string): Promise<{ email: string }> {
  const row = await db
    .selectFrom('password_resets as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'u.email', 'r.expires_at', 'r.used_at'])
    .where('r.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  checkUsable(row);
  return { email: row.email };
}

/**
 * Sets the new password, spends the link, lifts any lockout, ends every other session of the
 * login (whoever knew the old password is out) and signs the person in.
 */
export async function resetPassword(
  db: Database,
  input: { token: string; password: string; client: ClientInfo },
): Promise<{ token: string; csrfToken: string; userId: string }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('password_resets as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.user_id', 'u.email', 'r.expires_at', 'r.used_at'])
      .where('r.token_hash', '=', hashToken(input.token))
      .forUpdate('r')
      .executeTakeFirst();
    checkUsable(row);
    assertPasswordAcceptable(input.password, row.email);
    const passwordHash = await hashPassword(input.password);
    await trx
      .updateTable('password_resets')
      .set({ used_at: sql`now()` })
      .where('token_hash', '=', hashToken(input.token))
      .execute();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: sql`now()` })
      .where('id', '=', row.user_id)
      .execute();
    await clearSignInFailures(trx, row.email);
    await trx.deleteFrom('sessions').where('user_id', '=', row.user_id).execute();
    await recordSecurityEvent(trx, {
      type: 'password_reset',
      userId: row.user_id,
      email: row.email,
      client: input.client,
    });
    const session = await createSession(trx, { userId: row.user_id, client: input.client });
    return { ...session, userId: row.user_id };
  });
}
