import type { Database } from '../../db/client.ts';
import { type PublicDocumentSettings, publicSettings } from './document-template.ts';
import { loadDocumentTemplate } from './document-templates.repository.ts';

/** The seller's document template as the console reads it (whether there is a logo, not its bytes). */
export async function getDocumentSettings(
  deps: { db: Database },
  input: { orgId: string },
): Promise<PublicDocumentSettings> {
  return publicSettings(await loadDocumentTemplate(deps.db, input.orgId));
}
