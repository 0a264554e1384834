import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import {
  type DocumentSettings,
  normalizeSettings,
  type PublicDocumentSettings,
  publicSettings,
} from './document-template.ts';
import { loadDocumentTemplate, saveDocumentTemplate } from './document-templates.repository.ts';

/** Saves the template's settings (the logo is kept); audited with before → after. */
export async function updateDocumentSettings(
  deps: { db: Database },
  input: { orgId: string; settings: DocumentSettings; actor: Actor },
): Promise<PublicDocumentSettings> {
  const settings = normalizeSettings(input.settings);
  return inTransaction(deps.db, async (trx) => {
    const before = publicSettings(await loadDocumentTemplate(trx, input.orgId));
    await saveDocumentTemplate(trx, {
      orgId: input.orgId,
      updatedBy: input.actor.userId ?? null,
      settings,
    });
    const after = { ...settings, hasLogo: before.hasLogo };
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'document_template.updated',
      entityType: 'document_template',
      entityId: input.orgId,
      before,
      after,
    });
    return after;
  });
}
