import type { Database } from '../../db/client.ts';
import type { Locale } from '../../db/schema.ts';

export interface OrganizationProfile {
  id: string;
  name: string;
  legalName: string | null;
  taxId: string | null;
  country: string;
  timeZone: string;
  defaultCurrency: string;
  locale: Locale;
}

/** A seller's profile as its staff and its API keys see it. */
export async function getOrganizationProfile(
  deps: { db: Database },
  input: { orgId: string },
): Promise<OrganizationProfile> {
  return deps.db
    .selectFrom('organizations')
    .select([
      'id',
      'name',
      'legal_name as legalName',
      'tax_id as taxId',
      'country',
      'time_zone as timeZone',
      'default_currency as defaultCurrency',
      'locale',
    ])
    .where('id', '=', input.orgId)
    .executeTakeFirstOrThrow();
}
