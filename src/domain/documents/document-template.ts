import type { Kysely, Transaction } from 'kysely';
import PDFDocument from 'pdfkit';
import type { DB } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What staff edit in settings: the look of every invoice, credit memo and receipt of the seller. */
export interface DocumentSettings {
  accentColor: string;
  footerText: string;
  showSku: boolean;
  showUnit: boolean;
  showDiscount: boolean;
  showTaxDetail: boolean;
  showPoNumber: boolean;
}

export type LogoType = 'image/png' | 'image/jpeg';

/** The settings plus the logo itself, as the renderers need them. */
export interface DocumentTemplate extends DocumentSettings {
  logo: { data: Buffer; type: LogoType } | null;
}

export const DEFAULT_DOCUMENT_SETTINGS: Readonly<DocumentSettings> = Object.freeze({
  accentColor: '#0f766e',
  footerText: '',
  showSku: true,
  showUnit: true,
  showDiscount: true,
  showTaxDetail: true,
  showPoNumber: true,
});

export const MAX_LOGO_BYTES = 512 * 1024;
export const MAX_FOOTER_LENGTH = 1000;
export const ACCENT_COLOR_PATTERN = '^#[0-9a-fA-F]{6}$';

/**
 * The seller's template. Never edited: the defaults, with the seller's own branding (accent colour
 * and footer from the organization) where it has one.
 */
export async function loadDocumentTemplate(db: Db, orgId: string): Promise<DocumentTemplate> {
  const row = await db
    .selectFrom('document_templates')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) {
    const org = await db
      .selectFrom('organizations')
      .select('branding')
      .where('id', '=', orgId)
      .executeTakeFirst();
    const branding = (org?.branding ?? {}) as { accentColor?: string; footer?: string };
    return {
      ...DEFAULT_DOCUMENT_SETTINGS,
      ...(branding.accentColor && new RegExp(ACCENT_COLOR_PATTERN).test(branding.accentColor)
        ? { accentColor: branding.accentColor }
        : {}),
      ...(branding.footer ? { footerText: branding.footer.slice(0, MAX_FOOTER_LENGTH) } : {}),
      logo: null,
    };
  }
  return {
    accentColor: row.accent_color,
    footerText: row.footer_text,
    showSku: row.show_sku,
    showUnit: row.show_unit,
    showDiscount: row.show_discount,
    showTaxDetail: row.show_tax_detail,
    showPoNumber: row.show_po_number,
    logo: row.logo && row.logo_type ? { data: row.logo, type: row.logo_type } : null,
  };
}

/** The settings as the console shows them: whether there is a logo, not its bytes. */
export function publicSettings(template: DocumentTemplate): DocumentSettings & { hasLogo: boolean } {
  const { logo, ...settings } = template;
  return { ...settings, hasLogo: logo !== null };
}

export async function getDocumentSettings(db: Db, orgId: string) {
  return publicSettings(await loadDocumentTemplate(db, orgId));
}

function checkSettings(settings: DocumentSettings): DocumentSettings {
  const fields: { field: string; code: string; params?: Record<string, number> }[] = [];
  if (!new RegExp(ACCENT_COLOR_PATTERN).test(settings.accentColor))
    fields.push({ field: 'accentColor', code: 'pattern' });
  if (settings.footerText.length > MAX_FOOTER_LENGTH)
    fields.push({ field: 'footerText', code: 'maxLength', params: { limit: MAX_FOOTER_LENGTH } });
  if (fields.length) throw new AppError('validation_failed', {}, fields);
  return {
    accentColor: settings.accentColor.toLowerCase(),
    footerText: settings.footerText.replace(/\r\n?/g, '\n').trim(),
    showSku: settings.showSku,
    showUnit: settings.showUnit,
    showDiscount: settings.showDiscount,
    showTaxDetail: settings.showTaxDetail,
    showPoNumber: settings.showPoNumber,
  };
}

/** Settings as sent by a form, checked and normalized (colour in lower case, footer trimmed), for saving or previewing. */
export function normalizeSettings(settings: DocumentSettings): DocumentSettings {
  return checkSettings(settings);
}

/** Saves the template's settings (the logo is kept); audited with before → after. */
export async function updateDocumentSettings(
  db: Kysely<DB>,
  input: { orgId: string; settings: DocumentSettings },
  actor: Actor,
) {
  const settings = checkSettings(input.settings);
  return db.transaction().execute(async (trx) => {
    const before = publicSettings(await loadDocumentTemplate(trx, input.orgId));
    const values = {
      accent_color: settings.accentColor,
      footer_text: settings.footerText,
      show_sku: settings.showSku,
      show_unit: settings.showUnit,
      show_discount: settings.showDiscount,
      show_tax_detail: settings.showTaxDetail,
      show_po_number: settings.showPoNumber,
      updated_by: actor.userId ?? null,
      updated_at: new Date(),
    };
    await trx
      .insertInto('document_templates')
      .values({ org_id: input.orgId, ...values })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
      .execute();
    const after = { ...settings, hasLogo: before.hasLogo };
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'document_template.updated',
      entityType: 'document_template',
      entityId: input.orgId,
      before,
      after,
    });
    return after;
  });
}

/** PNG or JPEG by its first bytes (what a file claims to be does not count). */
export function detectImageType(data: Buffer): LogoType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length >= 8 && png.every((b, i) => data[i] === b)) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}

/** True when pdfkit can place the image (a truncated or exotic file would break every later document). */
function embeddable(data: Buffer): boolean {
  try {
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as {
      openImage(src: Buffer): { width: number; height: number };
    };
    const image = doc.openImage(data);
    return image.width > 0 && image.height > 0;
  } catch {
    return false;
  }
}

/** Replaces the logo: PNG or JPEG (by magic bytes), at most 512 KiB, that a PDF can embed. Audited. */
export async function setDocumentLogo(db: Kysely<DB>, input: { orgId: string; image: Buffer }, actor: Actor) {
  if (input.image.length > MAX_LOGO_BYTES) throw new AppError('body_too_large');
  const type = detectImageType(input.image);
  if (!type || !embeddable(input.image))
    throw new AppError('validation_failed', {}, [{ field: 'logo', code: 'invalid' }]);
  return db.transaction().execute(async (trx) => {
    const before = publicSettings(await loadDocumentTemplate(trx, input.orgId));
    const values = {
      logo: input.image,
      logo_type: type,
      updated_by: actor.userId ?? null,
      updated_at: new Date(),
    };
    await trx
      .insertInto('document_templates')
      .values({ org_id: input.orgId, ...values })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      orgId: input.orgId,
      actor,
      action: 'document_template.logo_set',
      entityType: 'document_template',
      entityId: input.orgId,
      before: { hasLogo: before.hasLogo },
      after: { hasLogo: true, logoType: type, bytes: input.image.length },
    });
    return { ...before, hasLogo: true };
  });
}

/** Removes the logo (nothing to do when there is none). Audited when something changed. */
export async function removeDocumentLogo(db: Kysely<DB>, input: { orgId: string }, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .updateTable('document_templates')
      .set({ logo: null, logo_type: null, updated_by: actor.userId ?? null, updated_at: new Date() })
      .where('org_id', '=', input.orgId)
      .where('logo', 'is not', null)
      .returning('org_id')
      .executeTakeFirst();
    if (removed) {
      await recordAudit(trx, {
        orgId: input.orgId,
        actor,
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
