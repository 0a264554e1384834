import type { Database } from '../../db/client.ts';
import type { Branding, Locale } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { type Actor, recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { newId } from '../shared/ids.ts';

export interface NewOrganization {
  name: string;
  slug?: string;
  legalName?: string | null;
  taxId?: string | null;
  country: string;
  timeZone: string;
  defaultCurrency: string;
  locale: Locale;
  branding?: Branding;
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug.length >= 2 ? slug : `org-${slug}`.slice(0, 60);
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}

function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf('currency').includes(code);
}

/** Creates a seller. Checks the time zone and currency against the IANA and ISO 4217 lists Node knows. */
export async function createOrganization(
  deps: { db: Database },
  input: NewOrganization & { actor: Actor },
): Promise<{ id: string; slug: string }> {
  const fields: { field: string; code: string }[] = [];
  if (!isTimeZone(input.timeZone)) fields.push({ field: 'timeZone', code: 'invalid' });
  if (!isCurrency(input.defaultCurrency)) fields.push({ field: 'defaultCurrency', code: 'invalid' });
  if (!/^[A-Z]{2}$/.test(input.country)) fields.push({ field: 'country', code: 'invalid' });
  if (!input.name.trim()) fields.push({ field: 'name', code: 'required' });
  if (fields.length) throw new AppError('validation_failed', {}, fields);
  const id = newId();
  const slug = input.slug ?? slugify(input.name);
  const values = {
    id,
    slug,
    name: input.name.trim(),
    legal_name: input.legalName ?? null,
    tax_id: input.taxId ?? null,
    country: input.country,
    time_zone: input.timeZone,
    default_currency: input.defaultCurrency,
    locale: input.locale,
    branding: JSON.stringify(input.branding ?? {}),
  };
  return inTransaction(deps.db, async (trx) => {
    const inserted = await trx
      .insertInto('organizations')
      .values(values)
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('conflict');
    await recordAudit(trx, {
      orgId: id,
      actor: input.actor,
      action: 'organization.created',
      entityType: 'organization',
      entityId: id,
      after: values,
    });
    return { id, slug };
  });
}
