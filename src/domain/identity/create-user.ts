import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { normalizeEmail } from '../shared/email.ts';
import { newId } from '../shared/ids.ts';
import { assertPasswordAcceptable, hashPassword } from './passwords.ts';

/** Creates a login (operators and the demo; people otherwise arrive through invitations). */
export async function createUser(
  deps: { db: Database },
  input: { email: string; name: string; password: string; locale: Locale },
): Promise<{ id: string }> {
  const email = normalizeEmail(input.email);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    throw new AppError('validation_failed', {}, [{ field: 'email', code: 'format' }]);
  assertPasswordAcceptable(input.password, email);
  const inserted = await deps.db
    .insertInto('users')
    .values({
      id: newId(),
      email,
      name: input.name.trim(),
      password_hash: await hashPassword(input.password),
      locale: input.locale,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new AppError('email_taken');
  return inserted;
}
