import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import type { Seller } from './pdf-layout.ts';

/** The seller as its documents print it. */
export async function loadSeller(
  db: Kysely<DB> | Transaction<DB>,
  orgId: string,
): Promise<Seller & { locale: 'es' | 'en'; defaultCurrency: string }> {
  const org = await db
    .selectFrom('organizations')
    .select(['name', 'legal_name', 'tax_id', 'country', 'time_zone', 'locale', 'default_currency'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org) throw new AppError('not_found');
  return {
    name: org.name,
    legalName: org.legal_name,
    taxId: org.tax_id,
    country: org.country,
    timeZone: org.time_zone,
    locale: org.locale,
    defaultCurrency: org.default_currency,
  };
}
