import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type {
  CustomerAccountsTable,
  CustomerRole,
  DB,
  Organization,
  OrganizationsTable,
  StaffRole,
  User,
  UsersTable,
} from '../../src/db/schema.ts';

/**
 * Small data factories for tests: each call makes rows with unique slugs, e-mails and account
 * numbers, so tests sharing a database never collide. Defaults are Spanish (a Mexican seller);
 * pass `locale: 'en'` for an English-speaking one.
 */
type Db = Kysely<DB> | Transaction<DB>;

let sequence = 0;
function unique(): string {
  sequence += 1;
  return `${sequence}-${randomBytes(3).toString('hex')}`;
}

export type CustomerAccount = Selectable<CustomerAccountsTable>;

export async function createOrg(
  db: Db,
  overrides: Partial<Insertable<OrganizationsTable>> = {},
): Promise<Organization> {
  const english = overrides.locale === 'en';
  const values: Insertable<OrganizationsTable> = {
    id: uuidv7(),
    slug: `org-${unique()}`,
    name: english ? 'Harbor Supply Co.' : 'Distribuidora Ejemplo',
    legal_name: null,
    tax_id: null,
    country: english ? 'US' : 'MX',
    time_zone: english ? 'America/New_York' : 'America/Mexico_City',
    default_currency: english ? 'USD' : 'MXN',
    locale: 'es',
    ...overrides,
    branding:
      typeof overrides.branding === 'string' ? overrides.branding : JSON.stringify(overrides.branding ?? {}),
  };
  return db.insertInto('organizations').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function createUser(db: Db, overrides: Partial<Insertable<UsersTable>> = {}): Promise<User> {
  const english = overrides.locale === 'en';
  return db
    .insertInto('users')
    .values({
      id: uuidv7(),
      email: `user-${unique()}@example.test`,
      name: english ? 'Alex Morgan' : 'Ana García',
      password_hash: null,
      locale: 'es',
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function addStaff(
  db: Db,
  orgId: string,
  userId: string,
  role: StaffRole = 'admin',
): Promise<void> {
  await db.insertInto('staff_memberships').values({ org_id: orgId, user_id: userId, role }).execute();
}

/** A customer account of the org; currency and locale default to the org's. */
export async function createCustomerAccount(
  db: Db,
  orgId: string,
  overrides: Partial<Omit<Insertable<CustomerAccountsTable>, 'org_id'>> = {},
): Promise<CustomerAccount> {
  const org = await db
    .selectFrom('organizations')
    .select(['default_currency', 'locale'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const locale = overrides.locale ?? org.locale;
  return db
    .insertInto('customer_accounts')
    .values({
      id: uuidv7(),
      account_number: `C-${unique()}`,
      name: locale === 'en' ? 'Corner Bistro LLC' : 'Restaurante La Esquina',
      tax_id: null,
      currency: org.default_currency,
      locale,
      ...overrides,
      org_id: orgId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function addCustomerUser(
  db: Db,
  orgId: string,
  accountId: string,
  userId: string,
  role: CustomerRole = 'payer',
): Promise<void> {
  await db
    .insertInto('customer_memberships')
    .values({ org_id: orgId, account_id: accountId, user_id: userId, role })
    .execute();
}
