import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { hashToken } from '../shared/tokens.ts';
import { assertResetUsable, findPasswordResetLink } from './password-reset-link.ts';
import { assertPasswordAcceptable, hashPassword } from './passwords.ts';
import { type ClientInfo, recordSecurityEvent } from './security-events.ts';
import { createSession } from './sessions.ts';
import { clearSignInFailures } from './sign-in-lockout.ts';

/**
 * Sets the new password, spends the link, lifts any lockout, ends every other session of the
 * login (whoever knew the old password is out) and signs the person in.
 */
export async function resetPassword(
  deps: { db: Database },
  input: { token: string; password: string; client: ClientInfo },
): Promise<{ token: string; csrfToken: string; userId: string }> {
  return inTransaction(deps.db, async (trx) => {
    const link = await findPasswordResetLink(trx, input.token, { forUpdate: true });
    assertResetUsable(link);
    assertPasswordAcceptable(input.password, link.email);
    const passwordHash = await hashPassword(input.password);
    await trx
      .updateTable('password_resets')
      .set({ used_at: sql`now()` })
      .where('token_hash', '=', hashToken(input.token))
      .execute();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: sql`now()` })
      .where('id', '=', link.userId)
      .execute();
    await clearSignInFailures(trx, link.email);
    await trx.deleteFrom('sessions').where('user_id', '=', link.userId).execute();
    await recordSecurityEvent(trx, {
      type: 'password_reset',
      userId: link.userId,
      email: link.email,
      client: input.client,
    });
    const session = await createSession(trx, { userId: link.userId, client: input.client });
    return { ...session, userId: link.userId };
  });
}
