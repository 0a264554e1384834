import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, test } from 'vitest';
import { useTestApp } from '../support/app.ts';

/**
 * Integrators generate clients from /api/v1/openapi.json: the served document passes a standard
 * linter's recommended rules with no error and no warning.
 */
const { app } = await useTestApp();
const served = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
const doc = served.json();

describe('the OpenAPI document', () => {
  test("lints clean with Redocly's recommended ruleset", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: served.body,
      absoluteRef: '/api/v1/openapi.json',
      config,
    });
    const found = problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`,
    );
    expect(found).toEqual([]);
  });

  test('every operation has a stable, unique, camelCase operationId', () => {
    const ids = Object.entries(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
      ([, ops]) => Object.values(ops).map((op) => op.operationId),
    );
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/v1/console/payments/{id}'].get.operationId).toBe('getConsolePaymentsById');
    expect(doc.paths['/api/v1/console/payments'].post.operationId).toBe('postConsolePayments');
  });

  test('license, servers, and the logo upload body are documented', () => {
    expect(doc.info.license).toMatchObject({ name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' });
    expect(doc.servers).toEqual([{ url: 'http://saldo.test', description: expect.any(String) }]);
    const upload = doc.paths['/api/v1/console/settings/documents/logo'].put;
    expect(Object.keys(upload.requestBody.content).sort()).toEqual(['image/jpeg', 'image/png']);
    expect(upload.requestBody.content['image/png'].schema).toMatchObject({
      type: 'string',
      format: 'binary',
    });
  });
});
