import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

/**
 * The newest message to `to`, read the way the person running Saldo reads it: with
 * `saldo mail show --latest --to`, attached to the running server's database. No seller's Outbox
 * shows a reset or an invitation link, so the journeys do not look for one there.
 */
export async function latestMailTo(to: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [path.join(root, 'bin/saldo.mjs'), 'mail', 'show', '--latest', '--to', to],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', SALDO_DATA_DIR: inject('dataDir'), LOG_LEVEL: 'warn' },
    },
  );
  return stdout;
}

/** The first link in the newest message to `to` that matches `pattern`. */
export async function linkInLatestMailTo(to: string, pattern: RegExp): Promise<string> {
  const text = await latestMailTo(to);
  const link = pattern.exec(text)?.[0];
  if (!link) throw new Error(`no link matching ${pattern} in the newest message to ${to}:\n${text}`);
  return link;
}
