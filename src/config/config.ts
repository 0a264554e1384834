import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Everything Saldo reads from the environment, typed, in one place. */
export interface Config {
  /** A PostgreSQL server to use; when absent Saldo runs its embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  /** With DATABASE_URL: a role that owns the schema, for migrations (default: DATABASE_URL itself). */
  databaseOwnerUrl: string | undefined;
  port: number;
  host: string;
  /** The address people reach Saldo at; used in e-mailed links. */
  publicUrl: string;
  /** An SMTP server; when absent every message is captured in the database (the console's Outbox). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** 32-byte key (base64 or hex) that encrypts secrets at rest. Generated into dataDir when absent. */
  secretKey: Buffer;
  dataDir: string;
  /** Load the demo sellers on first start. Default: on with the embedded database, off with DATABASE_URL. */
  demo: boolean;
  logLevel: string;
  /** Serve cookies with the Secure flag (behind TLS). Default: when publicUrl is https. */
  secureCookies: boolean;
  /** Jobs one worker process runs at once. */
  workerConcurrency: number;
  /** Serve the web app (built on start when stale). SALDO_WEB=0 serves the API alone. */
  serveWeb: boolean;
  /** SALDO_STRIPE_API_URL: another Stripe API address (a local fake in tests); unset: Stripe itself. */
  stripeApiUrl: string | undefined;
  /** SALDO_DROP_FOLDER: sellers' import drop folders (`<root>/<org-slug>/<kind>/`); default <dataDir>/dropbox. */
  dropFolderRoot: string;
}

export class ConfigError extends Error {}

function parseBool(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 0 or 1 (got "${value}")`);
}

function parseInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number (got "${value}")`);
  return n;
}

function decodeKey(raw: string, name: string): Buffer {
  const trimmed = raw.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new ConfigError(`${name} must be 32 bytes, base64 or hex encoded`);
  return key;
}

/** Reads SALDO_SECRET_KEY, or the key file kept in the data directory (made on first use). */
function loadSecretKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  if (env.SALDO_SECRET_KEY) return decodeKey(env.SALDO_SECRET_KEY, 'SALDO_SECRET_KEY');
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return decodeKey(readFileSync(file, 'utf8'), file);
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const dataDir = path.resolve(cwd, env.SALDO_DATA_DIR || 'data');
  const port = parseInteger(env.PORT, 3000, 'PORT');
  const host = env.HOST || 'localhost';
  const publicUrl = (env.SALDO_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    databaseUrl,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || undefined,
    port,
    host,
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.SALDO_MAIL_FROM || 'Saldo <no-reply@saldo.localhost>',
    secretKey: loadSecretKey(env, dataDir),
    dataDir,
    demo: parseBool(env.SALDO_DEMO, databaseUrl === undefined, 'SALDO_DEMO'),
    logLevel: env.LOG_LEVEL || 'info',
    secureCookies: parseBool(
      env.SALDO_SECURE_COOKIES,
      publicUrl.startsWith('https://'),
      'SALDO_SECURE_COOKIES',
    ),
    workerConcurrency: parseInteger(env.SALDO_WORKER_CONCURRENCY, 4, 'SALDO_WORKER_CONCURRENCY'),
    serveWeb: parseBool(env.SALDO_WEB, true, 'SALDO_WEB'),
    stripeApiUrl: env.SALDO_STRIPE_API_URL || undefined,
    dropFolderRoot: path.resolve(cwd, env.SALDO_DROP_FOLDER || path.join(dataDir, 'dropbox')),
  };
}
