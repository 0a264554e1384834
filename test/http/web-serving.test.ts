import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { errorsPlugin } from '../../src/http/plugins/errors.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { testConfig, useTestApp } from '../support/app.ts';

const { db } = await useTestApp();

// A built web app as Vite writes it: index.html, hashed assets with their .br and .gz beside them.
const dist = mkdtempSync(path.join(tmpdir(), 'saldo-web-'));
mkdirSync(path.join(dist, 'assets'));
writeFileSync(
  path.join(dist, 'index.html'),
  '<html><head><meta name="csp-nonce" content="__CSP_NONCE__"></head><body>SPA</body></html>',
);
const js = `export const answer = ${JSON.stringify('forty-two '.repeat(200))};\n`;
writeFileSync(path.join(dist, 'assets', 'app-1234.js'), js);
writeFileSync(path.join(dist, 'assets', 'app-1234.js.br'), brotliCompressSync(js));
writeFileSync(path.join(dist, 'assets', 'app-1234.js.gz'), gzipSync(js));
writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

const config = testConfig();
const web = await buildApp({
  db,
  config,
  mailer: createOutboxMailer(config),
  webDist: dist,
  logLevel: false,
});
afterAll(async () => {
  await web.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the front door', () => {
  test('GET / opens the app (index.html with its nonce), with or without Accept-Encoding', async () => {
    for (const headers of [{}, { 'accept-encoding': 'gzip, deflate, br' }]) {
      const r = await web.inject({ method: 'GET', url: '/', headers });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('text/html');
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.body).toContain('SPA');
      expect(r.body).not.toContain('__CSP_NONCE__');
    }
    expect((await web.inject({ method: 'HEAD', url: '/' })).statusCode).toBe(200);
  });

  test('a directory of the build is neither a page nor a server or validation error: 404', async () => {
    for (const url of ['/assets', '/assets/']) {
      const r = await web.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().code).toBe('not_found');
    }
  });

  test('a missing asset is a 404 problem, not the app and not a validation failure', async () => {
    const r = await web.inject({ method: 'GET', url: '/assets/nope-0000.js' });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toContain('problem+json');
    expect(r.json().code).not.toBe('validation_failed');
  });
});

describe('pre-compressed assets', () => {
  test('brotli when accepted, gzip when only gzip is, identity otherwise; always Vary: Accept-Encoding', async () => {
    const br = await web.inject({
      method: 'GET',
      url: '/assets/app-1234.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);

    const gz = await web.inject({
      method: 'GET',
      url: '/assets/app-1234.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(String(gz.headers.vary)).toMatch(/accept-encoding/i);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);

    for (const headers of [{}, { 'accept-encoding': 'identity' }]) {
      const plain = await web.inject({ method: 'GET', url: '/assets/app-1234.js', headers });
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
      expect(plain.body).toBe(js);
    }
  });

  test('a file without compressed copies is served as it is', async () => {
    const r = await web.inject({
      method: 'GET',
      url: '/favicon.svg',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['cache-control']).toBe('no-cache');
  });
});

describe('errors raised by plugins keep their meaning', () => {
  const app = Fastify({ logger: false });
  app.register(errorsPlugin);
  const fail = (statusCode: number, code?: string) =>
    Object.assign(new Error(`status ${statusCode}`), { statusCode, ...(code ? { code } : {}) });
  app.register(async (scope) => {
    scope.get('/403', async () => {
      throw fail(403);
    });
    scope.get('/404', async () => {
      throw fail(404);
    });
    scope.get('/405', async () => {
      throw fail(405);
    });
    scope.get('/409', async () => {
      throw fail(409);
    });
    scope.get('/412', async () => {
      throw fail(412);
    });
    scope.get('/416', async () => {
      throw fail(416);
    });
    scope.get('/413', async () => {
      throw fail(413, 'FST_ERR_SOMETHING_ELSE');
    });
    scope.get('/400', async () => {
      throw fail(400, 'FST_ERR_BAD_URL');
    });
  });
  afterAll(() => app.close());

  test.each([
    [403, 'forbidden'],
    [404, 'not_found'],
    [405, 'method_not_allowed'],
    [409, 'conflict'],
    [412, 'precondition_failed'],
    [413, 'body_too_large'],
    [416, 'range_not_satisfiable'],
    [400, 'bad_request'],
  ])('a %i is answered as %s', async (status, code) => {
    const r = await app.inject({ method: 'GET', url: `/${status}`, headers: { 'accept-language': 'en' } });
    expect(r.statusCode).toBe(status);
    expect(r.headers['content-type']).toContain('problem+json');
    expect(r.json().code).toBe(code);
    expect(r.json().detail).not.toMatch(/^error\./);
  });
});
