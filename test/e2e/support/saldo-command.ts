import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { baseUrl } from './browser.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

/**
 * Runs `saldo <args>` the way the person running Saldo would, attached to the journeys' running
 * server (its data directory and address): the command's standard output.
 */
export async function saldo(args: string[], timeout = 90_000): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(root, 'bin/saldo.mjs'), ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      SALDO_DATA_DIR: inject('dataDir'),
      SALDO_PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'warn',
    },
    timeout,
  });
  return stdout;
}

/** `saldo <args> --json`, parsed. */
export async function saldoJson<T>(args: string[], timeout?: number): Promise<T> {
  return JSON.parse(await saldo([...args, '--json'], timeout)) as T;
}
