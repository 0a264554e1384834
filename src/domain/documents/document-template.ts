import { AppError } from '../errors.ts';

/**
 * The seller's document template: what staff edit in settings, its defaults and its checks. The
 * rows are read and written by document-templates.repository.ts; the use cases are one per file
 * (get-document-settings, update-document-settings, set-document-logo, remove-document-logo).
 */

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

/** The settings plus the logo itself, as the writers need them. */
export interface DocumentTemplate extends DocumentSettings {
  logo: { data: Buffer; type: LogoType } | null;
}

/** The settings as the console shows them: whether there is a logo, not its bytes. */
export type PublicDocumentSettings = DocumentSettings & { hasLogo: boolean };

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

export function publicSettings(template: DocumentTemplate): PublicDocumentSettings {
  const { logo, ...settings } = template;
  return { ...settings, hasLogo: logo !== null };
}

/** Settings as sent by a form, checked and normalized (colour in lower case, footer trimmed), for saving or previewing. */
export function normalizeSettings(settings: DocumentSettings): DocumentSettings {
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

/** PNG or JPEG by its first bytes (what a file claims to be does not count). */
export function detectImageType(data: Buffer): LogoType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length >= 8 && png.every((b, i) => data[i] === b)) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}
