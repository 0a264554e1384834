import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { newId } from '../shared/ids.ts';
import { hashToken, newToken } from '../shared/tokens.ts';
import type { ApiKeyScope } from './api-key-scopes.ts';

/**
 * Keys look like `saldo_k7x2m9qa_<secret>`. The part before the secret is the visible prefix people
 * recognise their key by; only the SHA-256 of the whole key is stored, and it is shown once.
 */
export async function createApiKey(
  deps: { db: Database },
  input: { orgId: string; name: string; scopes: ApiKeyScope[]; createdBy: string | null; actor: Actor },
): Promise<{ id: string; key: string; prefix: string; name: string; scopes: string[]; createdAt: Date }> {
  const prefix = `saldo_${randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').toLowerCase()}`;
  const key = `${prefix}_${newToken()}`;
  const id = newId();
  return inTransaction(deps.db, async (trx) => {
    const row = await trx
      .insertInto('api_keys')
      .values({
        org_id: input.orgId,
        id,
        name: input.name,
        prefix,
        key_hash: hashToken(key),
        scopes: input.scopes,
        created_by: input.createdBy,
      })
      .returning(['created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: id,
      after: { name: input.name, prefix, scopes: input.scopes },
    });
    return { id, key, prefix, name: input.name, scopes: input.scopes, createdAt: row.created_at };
  });
}
