import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
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

  test('a bad date and a value outside a list read as words, each field named once', async () => {
    const r = await request({
      method: 'POST',
      url: '/api/v1/console/payments',
      payload: {
        customerId: '01890000-0000-7000-8000-000000000000',
        amount: 100,
        currency: 'MXN',
        method: 'bitcoin',
        receivedOn: '0000-01-01',
      },
    });
    expect(r.statusCode).toBe(400);
    const errors = r.json().errors as { field: string; code: string; message: string }[];
    expect(errors.filter((e) => e.field === 'method')).toEqual([
      expect.objectContaining({
        code: 'enum',
        message: expect.stringMatching(/^method debe ser uno de: .*check/),
      }),
    ]);
    expect(errors.filter((e) => e.field === 'receivedOn')).toEqual([
      expect.objectContaining({
        code: 'format',
        message: expect.stringContaining('una fecha válida (AAAA-MM-DD'),
      }),
    ]);
    expect(r.json().detail).not.toMatch(/\bdate\b/);
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

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
};
type Operation = {
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  parameters?: { in: string; name: string; schema: JsonSchema }[];
};

/** Every row Saldo keeps (bar the session the requests below are made with), as one hash. */
async function everything(): Promise<string> {
  const { rows } = await sql<{ h: string }>`
    select string_agg(table_name || ':' || (xpath('/row/h/text()', query_to_xml(format(
             'select md5(coalesce(string_agg(t::text, %L order by t::text), %L)) as h from %I.%I t',
             ',', '', table_schema, table_name), false, true, '')))[1]::text, ' ' order by table_name) as h
      from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('sessions')`.execute(
    db,
  );
  return rows[0]!.h;
}

/**
 * One body per operation with every string field of its schema present (unions: every branch that
 * is an object), and the path of each string field in it. Enumerations and constants are skipped.
 */
type Field = { path: string; format?: string | undefined };

function stringFields(
  schema: JsonSchema | undefined,
  components: Record<string, JsonSchema>,
  path = '',
): {
  body: unknown;
  fields: Field[];
} {
  if (!schema) return { body: {}, fields: [] };
  if (schema.$ref) return stringFields(components[schema.$ref.split('/').pop()!], components, path);
  const branches = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (branches) {
    const parts = branches.map((b) => stringFields(b, components, path));
    const objects = parts.filter(
      (p) => p.body !== null && typeof p.body === 'object' && !Array.isArray(p.body),
    );
    if (objects.length > 0)
      return {
        body: Object.assign({}, ...objects.map((p) => p.body)),
        fields: objects.flatMap((p) => p.fields),
      };
    return parts.find((p) => p.fields.length > 0) ?? parts[0] ?? { body: null, fields: [] };
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object' || schema.properties) {
    const body: Record<string, unknown> = {};
    const fields: Field[] = [];
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      const part = stringFields(sub, components, path ? `${path}.${key}` : key);
      body[key] = part.body;
      fields.push(...part.fields);
    }
    return { body, fields };
  }
  if (type === 'array') {
    const part = stringFields(schema.items, components, path ? `${path}.0` : '0');
    return { body: [part.body], fields: part.fields };
  }
  if (
    type === 'string' &&
    schema.const === undefined &&
    schema.enum === undefined &&
    schema.format !== 'binary'
  )
    return { body: 'text', fields: [{ path, format: schema.format }] };
  return { body: type === 'string' ? (schema.const ?? schema.enum?.[0]) : 1, fields: [] };
}

function setAt(body: unknown, path: string, value: string): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return copy;
}

describe('NUL and lone surrogates are refused at the edge, for every string of every operation', () => {
  const doc = async () =>
    (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, JsonSchema> };
    };
  const bad = { nul: 'a\u0000b', surrogate: 'a\ud800b', lowSurrogate: 'a\udc00b' };

  test('in every string field of every body, in ?q=, in every path parameter: 400 naming the field, nothing written', async () => {
    const { paths, components } = await doc();
    // A fresh session of its own; signing out (were it let through) goes last so it cannot end the walk.
    const walker = as(app, await signIn(app, seller.staff.owner.email));
    const before = await everything();
    const seen: string[] = [];
    const wrong: string[] = [];
    const id = '0190a3c4-0000-7000-8000-000000000000';
    const ordered = Object.entries(paths).sort(
      ([a], [b]) => Number(a.includes('sign-out')) - Number(b.includes('sign-out')),
    );
    for (const [template, operations] of ordered) {
      for (const [method, operation] of Object.entries(operations)) {
        const url = template.replace(/\{\w+\}/g, id);
        const json = operation.requestBody?.content['application/json']?.schema;
        const { body, fields } = stringFields(json, components.schemas);
        const attempts: { url: string; payload?: unknown; field: string }[] = [
          { url: `${url}?q=${encodeURIComponent('a\u0000b')}`, field: 'q' },
          { url: `${url}?q=${encodeURIComponent('a\u0000b')}&page=1`, field: 'q' },
        ];
        for (const { path: field } of fields)
          for (const value of Object.values(bad))
            attempts.push({ url, payload: setAt(body, field, value), field });
        for (const param of (operation.parameters ?? []).filter((p) => p.in === 'path'))
          attempts.push({
            url: template.replace(/\{(\w+)\}/g, (_, name) => (name === param.name ? 'a%00b' : id)),
            field: param.name,
          });
        for (const attempt of attempts) {
          const r = await walker({
            method: method.toUpperCase() as 'GET',
            url: attempt.url,
            ...(attempt.payload !== undefined ? { payload: attempt.payload as object } : {}),
          });
          const label = `${method.toUpperCase()} ${template} ${attempt.field}`;
          seen.push(label);
          const problem = String(r.headers['content-type']).includes('problem+json') ? r.json() : {};
          const errors = r.statusCode === 400 ? problem.errors : undefined;
          if (
            problem.code !== 'validation_failed' ||
            !errors?.some(
              (e: { field: string; code: string }) =>
                e.field === attempt.field && e.code === 'invalid_characters',
            )
          )
            wrong.push(`${label}: ${r.statusCode} ${r.body.slice(0, 160)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(seen.length).toBeGreaterThan(300);
    // the walk reached the text fields people type (customer names, invoice lines, references…)
    for (const label of [
      'POST /api/v1/console/customers name',
      'POST /api/v1/console/invoices lines.0.description',
      'POST /api/v1/console/payments reference',
      'POST /api/v1/auth/sign-in email',
    ])
      expect(seen).toContain(label);
    expect(await everything()).toBe(before);
  });

  test('a NUL in the Idempotency-Key header is refused too', async () => {
    const before = await everything();
    const r = await request({
      method: 'POST',
      url: '/api/v1/console/payments',
      headers: { 'idempotency-key': 'key\u0000x' },
      payload: { customerId: seller.account.id, amount: 100, receivedOn: '2025-01-01', method: 'cash' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([
      expect.objectContaining({ field: 'idempotency-key', code: 'invalid_characters' }),
    ]);
    expect(r.json().detail).toContain('idempotency-key contiene un carácter que no se admite');
    expect(await everything()).toBe(before);
  });

  test('a surrogate pair (an emoji) is text like any other', async () => {
    const r = await request({
      method: 'GET',
      url: `/api/v1/console/customers?q=${encodeURIComponent('😀')}`,
    });
    expect(r.statusCode).toBe(200);
  });
});

describe('dates and integers are bounded at the edge, on every operation', () => {
  test('year 0000 or 2200 in any date, a 21-digit integer in any query: 400 naming the field, nothing written', async () => {
    const { paths, components } = (
      await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    ).json() as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, JsonSchema> };
    };
    const walker = as(app, await signIn(app, seller.staff.owner.email));
    const before = await everything();
    const wrong: string[] = [];
    const seen: string[] = [];
    const id = '0190a3c4-0000-7000-8000-000000000000';
    for (const [template, operations] of Object.entries(paths)) {
      if (template.includes('sign-out')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const url = template.replace(/\{\w+\}/g, id);
        const { body, fields } = stringFields(
          operation.requestBody?.content['application/json']?.schema,
          components.schemas,
        );
        const attempts: { url: string; payload?: unknown; field: string; code: string }[] = [];
        for (const { path: field } of fields.filter((f) => f.format === 'date'))
          for (const date of ['0000-01-01', '1899-12-31', '2200-01-01'])
            attempts.push({ url, payload: setAt(body, field, date), field, code: 'format' });
        for (const param of (operation.parameters ?? []).filter((p) => p.in === 'query')) {
          const type = param.schema.type;
          if (type === 'integer')
            attempts.push({
              url: `${url}?${param.name}=99999999999999999999`,
              field: param.name,
              code: 'maximum',
            });
          if (param.schema.format === 'date')
            attempts.push({ url: `${url}?${param.name}=0000-01-01`, field: param.name, code: 'format' });
        }
        for (const attempt of attempts) {
          const r = await walker({
            method: method.toUpperCase() as 'GET',
            url: attempt.url,
            ...(attempt.payload !== undefined ? { payload: attempt.payload as object } : {}),
          });
          const label = `${method.toUpperCase()} ${template} ${attempt.field}`;
          seen.push(label);
          const problem = String(r.headers['content-type']).includes('problem+json') ? r.json() : {};
          if (
            r.statusCode !== 400 ||
            !problem.errors?.some(
              (e: { field: string; code: string }) => e.field === attempt.field && e.code === attempt.code,
            )
          )
            wrong.push(`${label}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    for (const label of [
      'POST /api/v1/console/invoices issueDate',
      'POST /api/v1/console/payments receivedOn',
      'GET /api/v1/console/invoices page',
      'GET /api/v1/console/customers page',
      'GET /api/v1/console/reports/aging asOf',
    ])
      expect(seen).toContain(label);
    expect(await everything()).toBe(before);
  });

  test('the edges of the window are accepted', async () => {
    for (const date of ['1900-01-01', '2199-12-31']) {
      const r = await request({ method: 'GET', url: `/api/v1/console/reports/aging?asOf=${date}` });
      expect(r.statusCode, date).toBe(200);
    }
    const r = await request({ method: 'GET', url: '/api/v1/console/invoices?page=1000000' });
    expect(r.statusCode).toBe(200);
    expect(r.json().items).toEqual([]);
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
    await logged.inject({ method: 'GET', url: `/api/v1/pay-links/${token}` });
    await logged.inject({ method: 'POST', url: `/api/v1/pay-links/${token}/entry`, payload: {} });
    await logged.inject({ method: 'GET', url: `/pay/${token}?lang=en` });
    await logged.inject({ method: 'GET', url: '/pay/return/0190f1a2-0000-7000-8000-000000000001' });
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
    // A pay link's return page names the link, not its token: kept as it is.
    expect(all).toContain('/pay/return/0190f1a2-0000-7000-8000-000000000001');
  });
});
