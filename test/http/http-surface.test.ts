import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { as, seedSeller, signIn, TEST_PASSWORD, testConfig, useTestApp } from '../support/app.ts';

const { app, db } = await useTestApp();
const seller = await seedSeller(db);

const request = as(app, await signIn(app, seller.staff.owner.email));

describe('bad input', () => {
  test('malformed JSON is a 400 problem and changes nothing', async () => {
    const r = await request({
      method: 'PUT',
      url: '/api/v1/me/locale',
      headers: { 'content-type': 'application/json' },
      payload: '{"locale": "en"',
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().code).toBe('invalid_json');
    const user = await db
      .selectFrom('users')
      .select('locale')
      .where('id', '=', seller.staff.owner.id)
      .executeTakeFirstOrThrow();
    expect(user.locale).toBe('es');
  });

  test('wrong types and unknown fields are named, not coerced or dropped', async () => {
    const r = await request({
      method: 'POST',
      url: '/api/v1/console/api-keys',
      headers: { 'accept-language': 'en' },
      payload: { name: 42, scopes: ['integration:read'], admin: true },
    });
    expect(r.statusCode).toBe(400);
    const fields = r.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(fields).toEqual(expect.arrayContaining(['name:type', 'admin:additionalProperties']));
    expect(r.json().detail).toContain('admin no es un campo conocido'); // the login's language (es) wins over Accept-Language
    expect(
      await db.selectFrom('api_keys').select('id').where('org_id', '=', seller.org.id).execute(),
    ).toEqual([]);
  });

  test('an oversized body is a 413 problem', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(600 * 1024) }),
    });
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('body_too_large');
  });

  test('an unsupported content type is a 415 problem', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(r.statusCode).toBe(415);
    expect(r.json().code).toBe('unsupported_media_type');
  });

  test('a malformed id in a path is a 400 naming the parameter', async () => {
    const r = await request({ method: 'GET', url: '/api/v1/console/outbox/not-a-uuid' });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0]).toMatchObject({ field: 'id', code: 'format' });
  });

  test('unknown API routes are 404 problems', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en' },
    });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({
      code: 'route_not_found',
      detail: 'There is no GET /api/v1/nothing-here in this API.',
    });
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/me' })).statusCode).toBe(404);
  });
});

describe('HTTP surface', () => {
  test('security headers with a strict Content-Security-Policy, and a request id', async () => {
    const r = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'trace-abc-123' },
    });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'( 'nonce-[0-9a-f]+')?;/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('same-origin');
    expect(r.headers['x-request-id']).toBe('trace-abc-123');
    const generated = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('OpenAPI 3.1 document lists every route with its schemas; the docs page is served', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/auth/sign-in'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/v1/me'].get.responses['200']).toBeDefined();
    expect(doc.components.schemas.Problem).toBeDefined();
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  test('readiness checks the database and migrations', async () => {
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});

const dist = mkdtempSync(path.join(tmpdir(), 'saldo-web-'));
mkdirSync(path.join(dist, 'assets'));
writeFileSync(
  path.join(dist, 'index.html'),
  '<html><head><meta name="csp-nonce" content="__CSP_NONCE__"></head><body>SPA</body></html>',
);
writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
const config = testConfig();
const web = await buildApp({
  db,
  config,
  mailer: createOutboxMailer(config),
  webDist: dist,
  logLevel: false,
});
afterAll(() => web.close());

describe('web app serving', () => {
  test('SPA routes get index.html with this response’s style nonce; API paths stay problems', async () => {
    const page = await web.inject({ method: 'GET', url: '/console/outbox' });
    expect(page.statusCode).toBe(200);
    const nonce = /style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(
      String(page.headers['content-security-policy']),
    )?.[1];
    expect(nonce).toBeTruthy();
    expect(page.body).toContain(`content="${nonce}"`);
    expect((await web.inject({ method: 'GET', url: '/api/v1/unknown' })).headers['content-type']).toContain(
      'problem+json',
    );
    const asset = await web.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await web.inject({ method: 'GET', url: '/index.html' })).body).not.toContain('__CSP_NONCE__');
  });
});

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(chunk.toString());
    done();
  },
});
const logged = await buildApp({
  db,
  config,
  mailer: createOutboxMailer(config),
  webDist: null,
  logLevel: 'info',
  logStream: sink,
});
afterAll(() => logged.close());

describe('logs', () => {
  test('no passwords, cookies, CSRF tokens or link tokens reach the logs', async () => {
    const people = await seedSeller(db);
    const response = await logged.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: people.staff.owner.email, password: TEST_PASSWORD },
    });
    const cookie = response.cookies.find((c) => c.name === 'saldo_session')!.value;
    const csrf = response.json().csrfToken;
    await logged.inject({ method: 'GET', url: '/api/v1/me', cookies: { saldo_session: cookie } });
    const token = 'A'.repeat(43);
    await logged.inject({ method: 'GET', url: `/api/v1/auth/password-resets/${token}` });
    await logged.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    await logged.inject({
      method: 'PUT',
      url: '/api/v1/me/locale',
      cookies: { saldo_session: cookie },
      headers: { 'x-csrf-token': csrf },
      payload: { locale: 'en' },
    });
    const all = lines.join('');
    expect(lines.length).toBeGreaterThan(4);
    expect(all).toContain('[redacted]');
    for (const secret of [TEST_PASSWORD, cookie, csrf, token]) expect(all).not.toContain(secret);
  });
});
