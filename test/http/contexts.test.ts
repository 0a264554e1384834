import { describe, expect, test } from 'vitest';
import { as, seedSeller, signIn, useTestApp } from '../support/app.ts';
import { addCustomerUser } from '../support/factories.ts';

const { app, db } = await useTestApp();
const mx = await seedSeller(db, { name: 'Distribuidora del Valle' });
const us = await seedSeller(db, { name: 'Harbor Foods Supply', locale: 'en' });
// One restaurant buys from both sellers with one login.
await addCustomerUser(db, us.org.id, us.account.id, mx.customers.account_admin.id, 'payer');

describe('switching seller and customer account', () => {
  test('a login of two sellers chooses one, then the other; only its own contexts are allowed', async () => {
    const session = await signIn(app, mx.customers.account_admin.email);
    expect(session.me.context).toBeNull();
    expect(session.me.contexts.map((c) => c.orgId).sort()).toEqual([mx.org.id, us.org.id].sort());
    const request = as(app, session);

    const toUs = await request({
      method: 'PUT',
      url: '/api/v1/me/context',
      payload: { kind: 'customer', orgId: us.org.id, accountId: us.account.id },
    });
    expect(toUs.json().context).toMatchObject({
      kind: 'customer',
      orgName: 'Harbor Foods Supply',
      role: 'payer',
    });
    expect((await request({ method: 'GET', url: '/api/v1/portal/account' })).json().orgName).toBe(
      'Harbor Foods Supply',
    );

    const toMx = await request({
      method: 'PUT',
      url: '/api/v1/me/context',
      payload: { kind: 'customer', orgId: mx.org.id, accountId: mx.account.id },
    });
    expect(toMx.json().context).toMatchObject({ orgName: 'Distribuidora del Valle', role: 'account_admin' });

    const notMine = await request({
      method: 'PUT',
      url: '/api/v1/me/context',
      payload: { kind: 'staff', orgId: us.org.id },
    });
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json().code).toBe('no_such_context');
    expect((await request({ method: 'GET', url: '/api/v1/me' })).json().context.orgId).toBe(mx.org.id);
  });

  test('losing a membership takes effect at once', async () => {
    const session = await signIn(app, us.customers.accountant.email);
    expect(session.me.context).not.toBeNull();
    await db.deleteFrom('customer_memberships').where('user_id', '=', us.customers.accountant.id).execute();
    const me = await as(app, session)({ method: 'GET', url: '/api/v1/me' });
    expect(me.json().context).toBeNull();
    expect((await as(app, session)({ method: 'GET', url: '/api/v1/portal/account' })).statusCode).toBe(403);
  });

  test('the language is kept per login and errors follow it', async () => {
    const session = await signIn(app, us.staff.viewer.email);
    const request = as(app, session);
    await request({ method: 'PUT', url: '/api/v1/me/locale', payload: { locale: 'es' } });
    const again = await signIn(app, us.staff.viewer.email);
    expect(again.me.user.locale).toBe('es');
    const forbidden = await as(
      app,
      again,
    )({
      method: 'POST',
      url: '/api/v1/console/invitations',
      headers: { 'accept-language': 'en' },
      payload: { email: 'z@example.test', role: 'viewer' },
    });
    expect(forbidden.json().detail).toBe('Tu rol no permite esta acción.');
    const bad = await request({ method: 'PUT', url: '/api/v1/me/locale', payload: { locale: 'fr' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('locale');
  });
});
