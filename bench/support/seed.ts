import { randomBytes } from 'node:crypto';
import { createDb } from '../../src/db/client.ts';
import { systemActor } from '../../src/domain/audit/record-audit.ts';
import { createCustomerAccount } from '../../src/domain/customers/create-customer-account.ts';
import { addCustomerUser } from '../../src/domain/identity/add-customer-user.ts';
import { addStaffMember } from '../../src/domain/identity/add-staff-member.ts';
import { createOrganization } from '../../src/domain/identity/create-organization.ts';
import { createUser } from '../../src/domain/identity/create-user.ts';
import { createSession } from '../../src/domain/identity/sessions.ts';

export interface SeededSession {
  /** The `saldo_session` cookie value. */
  token: string;
  userId: string;
  email: string;
  /** How many contexts (seller staff + customer accounts) the login has. */
  contexts: number;
}

/**
 * A realistic signed-in person, made with Saldo's own domain functions: an admin of one seller
 * who is also a payer of a customer account at another seller (two contexts, so the session
 * query's json_agg has real work), with a session whose chosen context is the staff one.
 */
export async function seedSession(url: string): Promise<SeededSession> {
  const handle = createDb(url, { max: 2, applicationName: 'saldo-bench-seed' });
  try {
    const db = handle.db;
    const suffix = randomBytes(3).toString('hex');
    const seller = await createOrganization(
      { db },
      {
        name: `Bench Supply ${suffix}`,
        country: 'US',
        timeZone: 'America/New_York',
        defaultCurrency: 'USD',
        locale: 'en',
        actor: systemActor,
      },
    );
    const supplier = await createOrganization(
      { db },
      {
        name: `Distribuidora Bench ${suffix}`,
        country: 'MX',
        timeZone: 'America/Mexico_City',
        defaultCurrency: 'MXN',
        locale: 'es',
        actor: systemActor,
      },
    );
    const email = `bench-${suffix}@example.test`;
    const user = await createUser(
      { db },
      {
        email,
        name: 'Bench User',
        password: randomBytes(16).toString('base64url'),
        locale: 'en',
      },
    );
    await addStaffMember({ db }, { orgId: seller.id, userId: user.id, role: 'admin', actor: systemActor });
    const account = await createCustomerAccount(
      { db },
      {
        orgId: supplier.id,
        accountNumber: `C-${suffix}`,
        name: 'Bench Restaurant',
        currency: 'MXN',
        locale: 'es',
        actor: systemActor,
      },
    );
    await addCustomerUser(
      { db },
      {
        orgId: supplier.id,
        accountId: account.id,
        userId: user.id,
        role: 'payer',
        actor: systemActor,
      },
    );
    const { token } = await createSession(db, {
      userId: user.id,
      context: { orgId: seller.id },
      client: { ip: '127.0.0.1', userAgent: 'saldo-bench' },
    });
    return { token, userId: user.id, email, contexts: 2 };
  } finally {
    await handle.close();
  }
}
