import type { Database } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import { hashToken } from '../shared/tokens.ts';

export const RESET_TTL_MINUTES = 60;

/** A reset link as its token finds it. */
export interface PasswordResetLink {
  userId: string;
  email: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** The link a token opens, whatever its state; `forUpdate` locks it until commit. */
export async function findPasswordResetLink(
  db: Database,
  token: string,
  options: { forUpdate?: boolean } = {},
): Promise<PasswordResetLink | undefined> {
  let query = db
    .selectFrom('password_resets as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.user_id', 'u.email', 'r.expires_at', 'r.used_at'])
    .where('r.token_hash', '=', hashToken(token));
  if (options.forUpdate) query = query.forUpdate('r');
  const row = await query.executeTakeFirst();
  return row
    ? {
        userId: row.user_id,
        email: row.email,
        expiresAt: row.expires_at as Date,
        usedAt: row.used_at as Date | null,
      }
    : undefined;
}

/** A link works once, until it expires; a newer link spends the older ones. */
export function assertResetUsable(link: PasswordResetLink | undefined): asserts link is PasswordResetLink {
  if (!link) throw new AppError('token_invalid');
  if (link.usedAt) throw new AppError('token_used');
  if (link.expiresAt <= new Date()) throw new AppError('token_expired');
}
