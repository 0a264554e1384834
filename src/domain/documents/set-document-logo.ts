import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import {
  detectImageType,
  MAX_LOGO_BYTES,
  type PublicDocumentSettings,
  publicSettings,
} from './document-template.ts';
import { loadDocumentTemplate, saveDocumentTemplate } from './document-templates.repository.ts';

/**
 * Whether the documents' writer can place the image (src/formats/pdf/embeddable-image.ts): a
 * truncated or exotic file would break every later document. A port, so the domain holds no PDF library.
 */
export type CanEmbedImage = (data: Buffer) => Promise<boolean>;

/** Replaces the logo: PNG or JPEG (by magic bytes), at most 512 KiB, that a PDF can embed. Audited. */
export async function setDocumentLogo(
  deps: { db: Database; canEmbedImage: CanEmbedImage },
  input: { orgId: string; image: Buffer; actor: Actor },
): Promise<PublicDocumentSettings> {
  if (input.image.length > MAX_LOGO_BYTES) throw new AppError('body_too_large');
  const type = detectImageType(input.image);
  if (!type || !(await deps.canEmbedImage(input.image)))
    throw new AppError('validation_failed', {}, [{ field: 'logo', code: 'invalid' }]);
  return inTransaction(deps.db, async (trx) => {
    const before = publicSettings(await loadDocumentTemplate(trx, input.orgId));
    await saveDocumentTemplate(trx, {
      orgId: input.orgId,
      updatedBy: input.actor.userId ?? null,
      logo: { data: input.image, type },
    });
    await recordAudit(trx, {
      orgId: input.orgId,
      actor: input.actor,
      action: 'document_template.logo_set',
      entityType: 'document_template',
      entityId: input.orgId,
      before: { hasLogo: before.hasLogo },
      after: { hasLogo: true, logoType: type, bytes: input.image.length },
    });
    return { ...before, hasLogo: true };
  });
}
