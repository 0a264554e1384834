import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';

/** Revokes a live key of the seller; an unknown or already revoked key is not_found. */
export async function revokeApiKey(
  deps: { db: Database },
  input: { orgId: string; id: string; actor: Actor },
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const row = await trx
      .updateTable('api_keys')
      .set({ revoked_at: sql`now()` })
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.id)
      .where('revoked_at', 'is', null)
      .returning(['name', 'prefix'])
      .executeTakeFirst();
    if (!row) throw new AppError('not_found');
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'api_key.revoked',
      entityType: 'api_key',
      entityId: input.id,
      before: row,
    });
  });
}
