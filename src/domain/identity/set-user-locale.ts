import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type ClientInfo, recordSecurityEvent } from './security-events.ts';

/** Keeps the person's language; every page and e-mail for them follows it. */
export async function setUserLocale(
  deps: { db: Database },
  input: { userId: string; locale: Locale; client: ClientInfo },
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select('locale')
      .where('id', '=', input.userId)
      .executeTakeFirstOrThrow();
    if (before.locale === input.locale) return;
    await trx
      .updateTable('users')
      .set({ locale: input.locale, updated_at: sql`now()` })
      .where('id', '=', input.userId)
      .execute();
    await recordSecurityEvent(trx, {
      type: 'locale_changed',
      userId: input.userId,
      client: input.client,
      detail: { from: before.locale, to: input.locale },
    });
  });
}
