import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { as, seedSeller, signIn, TEST_PASSWORD, useTestApp } from '../support/app.ts';

const { app, db } = await useTestApp();
const seller = await seedSeller(db);

/** The reset link in the newest captured message to `email`. */
async function resetLinkFor(email: string): Promise<string> {
  const message = await db
    .selectFrom('mail_messages')
    .select(['text_body', 'template'])
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  expect(message.template).toBe('password_reset');
  const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(message.text_body ?? '')?.[1];
  if (!token) throw new Error('no link in the message');
  return token;
}

const requestReset = (email: string, remoteAddress = '198.51.100.1') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset-requests',
    remoteAddress,
    payload: { email },
  });

describe('password reset by e-mailed link', () => {
  test('the link sets a new password, signs in, ends the other sessions and works once', async () => {
    const email = seller.staff.admin.email;
    const oldSession = await signIn(app, email);
    expect((await requestReset(email.toUpperCase())).statusCode).toBe(202);
    const token = await resetLinkFor(email);

    const look = await app.inject({ method: 'GET', url: `/api/v1/auth/password-resets/${token}` });
    expect(look.json()).toEqual({ email });

    const weak = await app.inject({
      method: 'POST',
      url: `/api/v1/auth/password-resets/${token}`,
      headers: { 'accept-language': 'en' },
      payload: { password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      code: 'weak_password',
      detail: 'The password is too weak: use at least 10 characters',
    });

    const reset = await app.inject({
      method: 'POST',
      url: `/api/v1/auth/password-resets/${token}`,
      payload: { password: 'a brand new passphrase' },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().user.email).toBe(email);
    expect(reset.cookies.some((c) => c.name === 'saldo_session')).toBe(true);

    expect((await as(app, oldSession)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email, password: 'a brand new passphrase' },
        })
      ).statusCode,
    ).toBe(200);

    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/auth/password-resets/${token}`,
      payload: { password: 'yet another passphrase' },
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('token_used');
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/auth/password-resets/${token}` })).json().code,
    ).toBe('token_used');
  });

  test('an unknown e-mail gets the same 202 and no message', async () => {
    const before = await db
      .selectFrom('mail_messages')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const response = await requestReset('nobody@example.test');
    expect(response.statusCode).toBe(202);
    const after = await db
      .selectFrom('mail_messages')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  test('an expired link says so; an invented one says it is not valid', async () => {
    const email = seller.customers.payer.email;
    await requestReset(email);
    const token = await resetLinkFor(email);
    await db
      .updateTable('password_resets')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('user_id', '=', seller.customers.payer.id)
      .execute();
    const expired = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/password-resets/${token}`,
      headers: { 'accept-language': 'es' },
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({
      code: 'token_expired',
      detail: 'Este enlace ha caducado. Solicita uno nuevo.',
    });
    const invented = await app.inject({
      method: 'GET',
      url: `/api/v1/auth/password-resets/${'x'.repeat(43)}`,
    });
    expect(invented.json().code).toBe('token_invalid');
  });

  test('a new link replaces the earlier one; at most three links per address per 15 minutes', async () => {
    const email = seller.customers.accountant.email;
    await requestReset(email, '198.51.100.7');
    const first = await resetLinkFor(email);
    await requestReset(email, '198.51.100.7');
    const second = await resetLinkFor(email);
    expect(second).not.toBe(first);
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/auth/password-resets/${first}` })).statusCode,
    ).toBe(410);
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/auth/password-resets/${second}` })).statusCode,
    ).toBe(200);
    await requestReset(email, '198.51.100.7');
    await requestReset(email, '198.51.100.7');
    const sent = await db.selectFrom('mail_messages').select('id').where('to_address', '=', email).execute();
    expect(sent).toHaveLength(3);
  });

  test('the stored token is a hash, never the link itself', async () => {
    const email = seller.staff.viewer.email;
    await requestReset(email);
    const token = await resetLinkFor(email);
    const rows = await db
      .selectFrom('password_resets')
      .select('token_hash')
      .where('user_id', '=', seller.staff.viewer.id)
      .execute();
    for (const row of rows) {
      expect(row.token_hash.length).toBe(32);
      expect(row.token_hash.toString('utf8')).not.toContain(token);
      expect(row.token_hash.toString('base64url')).not.toBe(token);
    }
  });

  test('a reset lifts a lockout', async () => {
    const email = seller.staff.ar_agent.email;
    for (let i = 0; i < 5; i++)
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress: '192.0.2.40',
        payload: { email, password: `wrong-${i}` },
      });
    const locked = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: '192.0.2.40',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(423);
    await requestReset(email);
    const token = await resetLinkFor(email);
    await app.inject({
      method: 'POST',
      url: `/api/v1/auth/password-resets/${token}`,
      payload: { password: 'unlocked passphrase 1' },
    });
    const signInAgain = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: 'unlocked passphrase 1' },
    });
    expect(signInAgain.statusCode).toBe(200);
  });
});
