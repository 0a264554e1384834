import type { Database } from '../../db/client.ts';
import { assertResetUsable, findPasswordResetLink } from './password-reset-link.ts';

/** What the reset page shows before the new password is typed. */
export async function inspectPasswordReset(
  deps: { db: Database },
  input: { token: string },
): Promise<{ email: string }> {
  const link = await findPasswordResetLink(deps.db, input.token);
  assertResetUsable(link);
  return { email: link.email };
}
