import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { type PublicDocumentSettings, publicSettings } from './document-template.ts';
import { clearDocumentLogo, loadDocumentTemplate } from './document-templates.repository.ts';

/** Removes the logo (nothing to do when there is none). Audited when something changed. */
export async function removeDocumentLogo(
  deps: { db: Database },
  input: { orgId: string; actor: Actor },
): Promise<PublicDocumentSettings> {
  return inTransaction(deps.db, async (trx) => {
    const removed = await clearDocumentLogo(trx, {
      orgId: input.orgId,
      updatedBy: input.actor.userId ?? null,
    });
    if (removed) {
      await recordAudit(trx, {
        orgId: input.orgId,
        actor: input.actor,
        action: 'document_template.logo_removed',
        entityType: 'document_template',
        entityId: input.orgId,
        before: { hasLogo: true },
        after: { hasLogo: false },
      });
    }
    return publicSettings(await loadDocumentTemplate(trx, input.orgId));
  });
}
