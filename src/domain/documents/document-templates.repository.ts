import type { Database } from '../../db/client.ts';
import {
  ACCENT_COLOR_PATTERN,
  DEFAULT_DOCUMENT_SETTINGS,
  type DocumentSettings,
  type DocumentTemplate,
  type LogoType,
  MAX_FOOTER_LENGTH,
} from './document-template.ts';

/**
 * The document template's data layer: the seller's one `document_templates` row (settings and
 * logo). Plain functions over a pool or a transaction: the caller owns the transaction.
 */

/**
 * The seller's template. Never edited: the defaults, with the seller's own branding (accent colour
 * and footer from the organization) where it has one.
 */
export async function loadDocumentTemplate(db: Database, orgId: string): Promise<DocumentTemplate> {
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

/** Writes the settings, or the logo, into the seller's row (made on first save, the rest at its defaults). */
export async function saveDocumentTemplate(
  db: Database,
  input: {
    orgId: string;
    updatedBy: string | null;
    settings?: DocumentSettings;
    logo?: { data: Buffer; type: LogoType };
  },
): Promise<void> {
  const { settings, logo } = input;
  const values = {
    ...(settings
      ? {
          accent_color: settings.accentColor,
          footer_text: settings.footerText,
          show_sku: settings.showSku,
          show_unit: settings.showUnit,
          show_discount: settings.showDiscount,
          show_tax_detail: settings.showTaxDetail,
          show_po_number: settings.showPoNumber,
        }
      : {}),
    ...(logo ? { logo: logo.data, logo_type: logo.type } : {}),
    updated_by: input.updatedBy,
    updated_at: new Date(),
  };
  await db
    .insertInto('document_templates')
    .values({ org_id: input.orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

/** Drops the logo; false when there was none (nothing changed). */
export async function clearDocumentLogo(
  db: Database,
  input: { orgId: string; updatedBy: string | null },
): Promise<boolean> {
  const removed = await db
    .updateTable('document_templates')
    .set({ logo: null, logo_type: null, updated_by: input.updatedBy, updated_at: new Date() })
    .where('org_id', '=', input.orgId)
    .where('logo', 'is not', null)
    .returning('org_id')
    .executeTakeFirst();
  return removed !== undefined;
}
