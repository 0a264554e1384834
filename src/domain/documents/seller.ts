import type { Database } from '../../db/client.ts';
import { AppError } from '../errors.ts';

/** The seller as printed on its documents. */
export interface Seller {
  name: string;
  legalName: string | null;
  taxId: string | null;
  country: string;
  timeZone: string;
}

/** The seller with the language and currency a sample document takes. */
export interface SellerProfile extends Seller {
  locale: 'es' | 'en';
  defaultCurrency: string;
}

/** Only what a document prints of the seller. */
export function printedSeller(profile: SellerProfile): Seller {
  const { name, legalName, taxId, country, timeZone } = profile;
  return { name, legalName, taxId, country, timeZone };
}

/** The seller as its documents print it. */
export async function loadSeller(db: Database, orgId: string): Promise<SellerProfile> {
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
