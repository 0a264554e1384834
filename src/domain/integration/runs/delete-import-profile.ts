import type { Database } from '../../../db/client.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { type Actor, recordAudit } from '../../audit/record-audit.ts';
import { notFound } from '../../errors.ts';
import { removeProfile } from './import-profiles.repository.ts';

/** Deletes a mapping profile; the runs made with it keep their own copy of its settings. */
export async function deleteImportProfile(
  deps: { db: Database },
  input: { orgId: string; profileId: string; actor: Actor },
): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const removed = await removeProfile(trx, input);
    if (!removed) throw notFound();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'import_profile.deleted',
      entityType: 'import_profile',
      entityId: removed.id,
      before: { kind: removed.kind, name: removed.name, settings: removed.settings },
    });
  });
}
