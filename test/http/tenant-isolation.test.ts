import { describe, expect, test } from 'vitest';
import { createApiKey } from '../../src/domain/identity/api-keys.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { as, seedSeller, signIn, signInTo, useTestApp } from '../support/app.ts';

/**
 * A person of one seller gets 404 for every resource of another. Every route in the OpenAPI
 * document must have a check here (the last test fails when a route is added without one).
 */
const { app, db, config } = await useTestApp();
const a = await seedSeller(db, { name: 'Seller A' });
const b = await seedSeller(db, { name: 'Seller B' });

// Seller B's resources that seller A's people try to reach.
const mailer = createOutboxMailer(config);
const bMessage = await mailer.enqueue(db, {
  orgId: b.org.id,
  to: b.customers.payer.email,
  locale: 'es',
  template: 'invitation_customer',
  data: {
    inviterName: 'B',
    orgName: 'Seller B',
    accountName: 'Cuenta B',
    role: 'payer',
    url: 'http://saldo.test/invitations/x',
    expiresInDays: 7,
  },
});
const bKey = await createApiKey(db, {
  orgId: b.org.id,
  name: 'ERP B',
  scopes: ['integration:read'],
  createdBy: b.staff.owner.id,
  actor: {},
});
const aKey = await createApiKey(db, {
  orgId: a.org.id,
  name: 'ERP A',
  scopes: ['integration:read'],
  createdBy: a.staff.owner.id,
  actor: {},
});

const aOwner = as(app, await signIn(app, a.staff.owner.email));
const aCustomer = as(
  app,
  await signInTo(app, a.customers.account_admin.email, {
    kind: 'customer',
    orgId: a.org.id,
    accountId: a.account.id,
  }),
);

const checks: Record<string, () => Promise<void>> = {
  'GET /healthz': async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  },
  'GET /readyz': async () => {
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  },
  // Login-level routes: they act on the caller's own login, never on a seller's resources.
  'POST /api/v1/auth/sign-in': async () => {},
  'POST /api/v1/auth/sign-out': async () => {},
  'POST /api/v1/auth/password-reset-requests': async () => {},
  'GET /api/v1/auth/password-resets/{token}': async () => {},
  'POST /api/v1/auth/password-resets/{token}': async () => {},
  'PUT /api/v1/me/locale': async () => {},
  // Holding an invitation link is the permission to see and accept exactly that invitation.
  'GET /api/v1/invitations/{token}': async () => {},
  'POST /api/v1/invitations/{token}/accept': async () => {},
  'GET /api/v1/me': async () => {
    const me = (await aOwner({ method: 'GET', url: '/api/v1/me' })).json();
    expect(me.contexts.map((c: { orgId: string }) => c.orgId)).toEqual([a.org.id]);
  },
  'PUT /api/v1/me/context': async () => {
    const r = await aOwner({
      method: 'PUT',
      url: '/api/v1/me/context',
      payload: { kind: 'staff', orgId: b.org.id },
    });
    expect(r.statusCode).toBe(404);
    const r2 = await aCustomer({
      method: 'PUT',
      url: '/api/v1/me/context',
      payload: { kind: 'customer', orgId: b.org.id, accountId: b.account.id },
    });
    expect(r2.statusCode).toBe(404);
  },
  'GET /api/v1/console/team': async () => {
    const team = (await aOwner({ method: 'GET', url: '/api/v1/console/team' })).json();
    const emails = team.items.map((m: { email: string }) => m.email);
    expect(emails).toContain(a.staff.owner.email);
    expect(emails).not.toContain(b.staff.owner.email);
  },
  'POST /api/v1/console/invitations': async () => {
    await aOwner({
      method: 'POST',
      url: '/api/v1/console/invitations',
      payload: { email: 'cross@example.test', role: 'viewer' },
    });
    const rows = await db
      .selectFrom('invitations')
      .select('org_id')
      .where('email', '=', 'cross@example.test')
      .execute();
    expect(rows.map((r) => r.org_id)).toEqual([a.org.id]);
  },
  'GET /api/v1/console/outbox': async () => {
    const list = (await aOwner({ method: 'GET', url: '/api/v1/console/outbox?pageSize=100' })).json();
    expect(list.items.map((m: { id: string }) => m.id)).not.toContain(bMessage.id);
  },
  'GET /api/v1/console/outbox/{id}': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/outbox/${bMessage.id}` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/outbox/{id}/html': async () => {
    const r = await aOwner({ method: 'GET', url: `/api/v1/console/outbox/${bMessage.id}/html` });
    expect(r.statusCode).toBe(404);
  },
  'GET /api/v1/console/api-keys': async () => {
    const list = (await aOwner({ method: 'GET', url: '/api/v1/console/api-keys' })).json();
    expect(list.items.map((k: { id: string }) => k.id)).toEqual([aKey.id]);
  },
  'POST /api/v1/console/api-keys': async () => {
    const created = (
      await aOwner({
        method: 'POST',
        url: '/api/v1/console/api-keys',
        payload: { name: 'Another', scopes: ['integration:read'] },
      })
    ).json();
    const row = await db
      .selectFrom('api_keys')
      .select('org_id')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.org_id).toBe(a.org.id);
    await aOwner({ method: 'DELETE', url: `/api/v1/console/api-keys/${created.id}` });
  },
  'DELETE /api/v1/console/api-keys/{id}': async () => {
    const r = await aOwner({ method: 'DELETE', url: `/api/v1/console/api-keys/${bKey.id}` });
    expect(r.statusCode).toBe(404);
    const row = await db
      .selectFrom('api_keys')
      .select('revoked_at')
      .where('id', '=', bKey.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  },
  'GET /api/v1/console/organization': async () => {
    expect((await aOwner({ method: 'GET', url: '/api/v1/console/organization' })).json().id).toBe(a.org.id);
  },
  'GET /api/v1/portal/account': async () => {
    const account = (await aCustomer({ method: 'GET', url: '/api/v1/portal/account' })).json();
    expect(account.id).toBe(a.account.id);
    expect(account.users.map((u: { email: string }) => u.email)).not.toContain(b.customers.payer.email);
  },
  'POST /api/v1/portal/invitations': async () => {
    await aCustomer({
      method: 'POST',
      url: '/api/v1/portal/invitations',
      payload: { email: 'cross-customer@example.test', role: 'payer' },
    });
    const rows = await db
      .selectFrom('invitations')
      .select(['org_id', 'account_id'])
      .where('email', '=', 'cross-customer@example.test')
      .execute();
    expect(rows).toEqual([{ org_id: a.org.id, account_id: a.account.id }]);
  },
  'GET /api/v1/integration/whoami': async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/v1/integration/whoami',
      headers: { authorization: `Bearer ${aKey.key}` },
    });
    expect(r.json()).toMatchObject({ orgId: a.org.id, orgName: 'Seller A' });
    const revoked = await app.inject({
      method: 'GET',
      url: '/api/v1/integration/whoami',
      headers: { authorization: `Bearer ${bKey.key.slice(0, -2)}xx` },
    });
    expect(revoked.statusCode).toBe(401);
  },
};

const documented = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
  paths: Record<string, Record<string, unknown>>;
};
const routes = Object.entries(documented.paths).flatMap(([path, ops]) =>
  Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
);

describe('tenant isolation', () => {
  test.each(Object.keys(checks))('%s', async (route) => {
    await checks[route]!();
  });

  test('every route has a check', () => {
    expect(routes.filter((r) => !(r in checks))).toEqual([]);
    expect(Object.keys(checks).filter((r) => !routes.includes(r))).toEqual([]);
  });

  test("seller B resources are also invisible to seller A customers and to another seller's API key", async () => {
    expect(
      (await aCustomer({ method: 'GET', url: `/api/v1/console/outbox/${bMessage.id}` })).statusCode,
    ).toBe(403);
    const r = await app.inject({
      method: 'GET',
      url: '/api/v1/console/team',
      headers: { authorization: `Bearer ${aKey.key}` },
    });
    expect(r.statusCode).toBe(401);
  });
});
