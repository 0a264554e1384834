import { describe, expect, test } from 'vitest';
import { as, seedSeller, signIn, TEST_PASSWORD, useTestApp } from '../support/app.ts';

const { app, db } = await useTestApp();
const seller = await seedSeller(db);

describe('sign-in', () => {
  test('opens a session: httpOnly, SameSite=Lax cookie; Me with the only context chosen', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: seller.staff.owner.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'saldo_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const me = response.json();
    expect(me.user.email).toBe(seller.staff.owner.email);
    expect(me.context).toEqual({
      kind: 'staff',
      orgId: seller.org.id,
      orgName: seller.org.name,
      role: 'owner',
    });
    const stored = await db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', seller.staff.owner.id)
      .execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((s) => s.token_hash.toString('base64url') !== cookie.value)).toBe(true);
  });

  test('a wrong password and an unknown e-mail get the same translated 401', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { email: seller.staff.viewer.email, password: 'not-the-password' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'accept-language': 'es-MX' },
      payload: { email: 'nadie@example.test', password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json()).toMatchObject({
      code: 'invalid_credentials',
      detail: 'The e-mail or password is not correct.',
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({
      code: 'invalid_credentials',
      detail: 'El correo o la contraseña no son correctos.',
    });
  });

  test('five wrong passwords lock the login for 15 minutes, even for the right password', async () => {
    const email = seller.staff.ar_agent.email;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password: `wrong-${i}` },
      });
      codes.push(r.json().code);
    }
    expect(codes).toEqual([
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'invalid_credentials',
      'account_locked',
    ]);
    const right = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(423);
    expect(right.json().detail).toMatch(/15 minutos/);
    // Fifteen minutes later.
    await db
      .updateTable('rate_limits')
      .set({ window_started_at: new Date(Date.now() - 15 * 60_000 - 1000) })
      .where('key', '=', `sign-in:failures:${email}`)
      .execute();
    const later = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(later.statusCode).toBe(200);
  });

  test('the lockout answers an unknown e-mail exactly as a known one: it reveals no account', async () => {
    const known = seller.staff.admin.email;
    const unknown = 'no.such.person@example.test';
    const answers: Record<string, { status: number; body: unknown }[]> = { [known]: [], [unknown]: [] };
    for (const email of [known, unknown]) {
      for (let i = 0; i < 7; i++) {
        const r = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          remoteAddress: '192.0.2.77',
          headers: { 'accept-language': 'en' },
          payload: { email, password: `wrong-${i}` },
        });
        answers[email]!.push({ status: r.statusCode, body: r.json() });
      }
    }
    expect(answers[unknown]).toEqual(answers[known]);
    expect(answers[known]!.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423, 423]);
    expect(answers[known]![5]!.body).toMatchObject({
      code: 'account_locked',
      detail: 'Too many failed sign-ins. Try again in 15 minutes or reset your password.',
    });
  });

  test('successful sign-ins do not count against the limits: the right password always works', async () => {
    for (let i = 0; i < 25; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress: '203.0.113.50',
        payload: { email: seller.staff.owner.email, password: TEST_PASSWORD },
      });
      expect(r.statusCode, `sign-in ${i + 1}: ${r.body}`).toBe(200);
    }
  });

  test('failures of one e-mail are limited to 10 in 15 minutes; the wait is given in minutes', async () => {
    const email = 'target@example.test';
    const statuses: number[] = [];
    let last:
      | { statusCode: number; headers: Record<string, unknown>; json: () => { detail: string } }
      | undefined;
    for (let i = 0; i < 11; i++) {
      last = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress: `198.51.100.${i + 20}`,
        headers: { 'accept-language': 'es' },
        payload: { email, password: `wrong-${i}` },
      });
      statuses.push(last.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(last!.json().detail).toBe('Demasiados intentos. Vuelve a intentarlo en 15 minutos.');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(840);
  });

  test('one address is rate limited after 20 attempts in 5 minutes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        remoteAddress: '203.0.113.9',
        payload: { email: `guess-${i}@example.test`, password: 'whatever-password' },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: '203.0.113.9',
      headers: { 'accept-language': 'en' },
      payload: { email: 'guess-x@example.test', password: 'whatever-password' },
    });
    expect(again.json().detail).toBe('Too many attempts. Try again in 5 minutes.');
  });

  test('sign-in from another origin is refused', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin: 'https://evil.example' },
      payload: { email: seller.staff.owner.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf_failed');
  });

  test('sign-out ends the session on the server', async () => {
    const session = await signIn(app, seller.customers.payer.email);
    const request = as(app, session);
    expect((await request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    const out = await request({ method: 'POST', url: '/api/v1/auth/sign-out' });
    expect(out.statusCode).toBe(204);
    expect((await request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  test('a cookie-authenticated change without the CSRF token is refused and changes nothing', async () => {
    const session = await signIn(app, seller.customers.accountant.email);
    const without = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/locale',
      cookies: { saldo_session: session.cookie },
      payload: { locale: 'en' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const user = await db
      .selectFrom('users')
      .select('locale')
      .where('id', '=', seller.customers.accountant.id)
      .executeTakeFirstOrThrow();
    expect(user.locale).toBe('es');
    const withToken = await as(
      app,
      session,
    )({ method: 'PUT', url: '/api/v1/me/locale', payload: { locale: 'en' } });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.json().user.locale).toBe('en');
  });
});

describe('CSRF: cross-site changes are refused even with a session and its token', () => {
  const change = (session: Awaited<ReturnType<typeof signIn>>, headers: Record<string, string>) =>
    as(app, session)({ method: 'PUT', url: '/api/v1/me/locale', headers, payload: { locale: 'es' } });

  test('a cross-site Origin or Sec-Fetch-Site: cross-site is refused and changes nothing', async () => {
    const session = await signIn(app, seller.customers.payer.email);
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', seller.customers.payer.id).execute();
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'http://saldo.test', 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ];
    for (const headers of crossSite) {
      const r = await change(session, headers);
      expect(r.statusCode, JSON.stringify(headers)).toBe(403);
      expect(r.json().code).toBe('csrf_failed');
    }
    const user = await db
      .selectFrom('users')
      .select('locale')
      .where('id', '=', seller.customers.payer.id)
      .executeTakeFirstOrThrow();
    expect(user.locale).toBe('en');
  });

  test('same-origin and same-site requests, and the public origin, keep working', async () => {
    const session = await signIn(app, seller.customers.payer.email);
    const ours: Record<string, string>[] = [
      {},
      { origin: 'http://saldo.test' },
      { 'sec-fetch-site': 'same-origin', origin: 'http://saldo.test' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'none' },
    ];
    for (const headers of ours) {
      const r = await change(session, headers);
      expect(r.statusCode, JSON.stringify(headers)).toBe(200);
    }
  });
});

describe('secure cookies', async () => {
  const secure = await useTestApp({ secureCookies: true, publicUrl: 'https://saldo.test' });
  const other = await seedSeller(secure.db);
  test('the cookie is Secure when Saldo is served over TLS', async () => {
    const response = await secure.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: other.staff.owner.email, password: TEST_PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === 'saldo_session')?.secure).toBe(true);
    expect(response.headers['strict-transport-security']).toContain('max-age=');
  });
});
