import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import { describe, expect, test } from 'vitest';
import { type Config, loadConfig } from '../config/config.ts';
import { helmetOptions, securityHeaders } from './app.ts';

/** The headers @fastify/helmet itself sets with Saldo's settings, on a bare Fastify. */
async function pluginHeaders(config: Config): Promise<Record<string, string>> {
  const app = Fastify();
  await app.register(helmet, helmetOptions(config));
  app.get('/', async () => 'ok');
  const response = await app.inject('/');
  await app.close();
  const plain = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
  return Object.fromEntries(
    Object.entries(response.headers)
      .filter(([name]) => !plain.has(name))
      .map(([name, value]) => [name, String(value)]),
  );
}

describe('securityHeaders', () => {
  const env = { SALDO_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'), SALDO_DATA_DIR: '/nonexistent' };
  for (const publicUrl of ['http://localhost:3000', 'https://saldo.example']) {
    test(`are exactly what @fastify/helmet sets (${publicUrl})`, async () => {
      const config = loadConfig({ ...env, SALDO_PUBLIC_URL: publicUrl });
      const computed = securityHeaders(config);
      expect(computed).toEqual(await pluginHeaders(config));
      expect(Object.keys(computed)).toContain('content-security-policy');
      expect('strict-transport-security' in computed).toBe(config.secureCookies);
    });
  }
});
