import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** A directory whose owner never wrote its lock yet is left alone this long (it may be starting). */
const STARTING_GRACE_MS = 10 * 60_000;

function ownerAlive(pidFile: string): boolean {
  if (!existsSync(pidFile)) return false;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the test clusters (`<root>/saldo-test-*`, gigabytes each) of earlier runs that died
 * before their teardown: neither the run that made one (its `saldo.lock`) nor a PostgreSQL on it
 * (`pg/postmaster.pid`) is alive. A directory without a lock is kept while it is young: another
 * run may have just made it. Returns the directories removed.
 */
export function sweepAbandonedClusters(root: string, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    if (!name.startsWith('saldo-test-')) continue;
    const dir = path.join(root, name);
    const lock = path.join(dir, 'saldo.lock');
    if (ownerAlive(lock) || ownerAlive(path.join(dir, 'pg', 'postmaster.pid'))) continue;
    if (!existsSync(lock) && now - statSync(dir).mtimeMs < STARTING_GRACE_MS) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
