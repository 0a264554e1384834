import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll } from 'vitest';
import { type Config, loadConfig } from '../../src/config/config.ts';
import type { Database } from '../../src/db/client.ts';
import type { CustomerRole, StaffRole } from '../../src/db/schema.ts';
import { hashPassword } from '../../src/domain/identity/passwords.ts';
import { buildApp } from '../../src/http/app.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { useTestDb } from './db.ts';
import { addCustomerUser, addStaff, createCustomerAccount, createOrg, createUser } from './factories.ts';

export const TEST_PASSWORD = 'correct-horse-battery-staple';
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      SALDO_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      SALDO_PUBLIC_URL: 'http://saldo.test',
      SALDO_DATA_DIR: '/nonexistent',
    }),
    ...overrides,
  };
}

/** Saldo's real HTTP app on the test file's own database, driven through app.inject(). */
export async function useTestApp(overrides: Partial<Config> = {}) {
  const { db } = useTestDb();
  const config = testConfig(overrides);
  const app = await buildApp({
    db,
    config,
    mailer: createOutboxMailer(config),
    webDist: null,
    logLevel: false,
  });
  afterAll(() => app.close());
  return { app, db, config };
}

/** A seller with one person per staff role and one customer account with one person per customer role. */
export async function seedSeller(db: Database, options: { locale?: 'es' | 'en'; name?: string } = {}) {
  const hash = await testPasswordHash();
  const org = await createOrg(db, {
    locale: options.locale ?? 'es',
    ...(options.name ? { name: options.name } : {}),
  });
  const staff = {} as Record<StaffRole, { id: string; email: string }>;
  for (const role of ['owner', 'admin', 'ar_agent', 'viewer'] as const) {
    const user = await createUser(db, {
      password_hash: hash,
      name: `Staff ${role}`,
      locale: options.locale ?? 'es',
    });
    await addStaff(db, org.id, user.id, role);
    staff[role] = { id: user.id, email: user.email };
  }
  const account = await createCustomerAccount(db, org.id);
  const customers = {} as Record<CustomerRole, { id: string; email: string }>;
  for (const role of ['account_admin', 'payer', 'accountant'] as const) {
    const user = await createUser(db, {
      password_hash: hash,
      name: `Customer ${role}`,
      locale: options.locale ?? 'es',
    });
    await addCustomerUser(db, org.id, account.id, user.id, role);
    customers[role] = { id: user.id, email: user.email };
  }
  return { org, account, staff, customers };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  me: {
    user: { id: string; locale: string };
    context: unknown;
    contexts: { kind: string; orgId: string; accountId?: string }[];
  };
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'saldo_session');
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return cookie.value;
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed ${response.statusCode}: ${response.body}`);
  const me = response.json();
  return { cookie: sessionCookie(response), csrfToken: me.csrfToken, me };
}

/** An injected request as the signed-in person: session cookie and CSRF header attached. */
export function as(app: FastifyInstance, session: Session) {
  return (options: InjectOptions) =>
    app.inject({
      ...options,
      cookies: { saldo_session: session.cookie, ...(options.cookies ?? {}) },
      headers: { 'x-csrf-token': session.csrfToken, ...(options.headers ?? {}) },
    });
}

/** Signs in and selects the given context (staff of org, or a customer account). */
export async function signInTo(
  app: FastifyInstance,
  email: string,
  context: { kind: 'staff'; orgId: string } | { kind: 'customer'; orgId: string; accountId: string },
): Promise<Session> {
  const session = await signIn(app, email);
  const response = await as(app, session)({ method: 'PUT', url: '/api/v1/me/context', payload: context });
  if (response.statusCode !== 200)
    throw new Error(`context switch failed ${response.statusCode}: ${response.body}`);
  return { ...session, me: response.json() };
}
