import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Mailer } from '../mail/mail-port.ts';
import { normalizeEmail } from '../shared/email.ts';
import { enforceRateLimit, hitRateLimit } from '../shared/rate-limit.ts';
import { hashToken, newToken } from '../shared/tokens.ts';
import { RESET_TTL_MINUTES } from './password-reset-link.ts';
import { type ClientInfo, recordSecurityEvent } from './security-events.ts';

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
  await inTransaction(deps.db, async (trx) => {
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
