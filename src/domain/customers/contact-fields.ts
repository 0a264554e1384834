import type { ContactMessage, Locale } from '../../db/schema.ts';
import { normalizeEmail } from '../shared/email.ts';

export interface ContactFields {
  name: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  role?: string | null | undefined;
  locale?: Locale | undefined;
  receives?: ContactMessage[] | undefined;
}

/** The fields given, as stored: trimmed, e-mail normalised, blanks as null, `receives` without repeats. */
export function cleanContact(fields: Partial<ContactFields>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (fields.name !== undefined) out.name = fields.name.trim();
  if (fields.email !== undefined) out.email = fields.email ? normalizeEmail(fields.email) : null;
  if (fields.phone !== undefined) out.phone = fields.phone?.trim() || null;
  if (fields.role !== undefined) out.role = fields.role?.trim() || null;
  if (fields.locale !== undefined) out.locale = fields.locale;
  if (fields.receives !== undefined) out.receives = [...new Set(fields.receives)];
  return out;
}
