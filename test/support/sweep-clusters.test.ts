import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { sweepAbandonedClusters } from './sweep-clusters.ts';

const root = mkdtempSync(path.join(tmpdir(), 'sweep-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function cluster(name: string, files: Record<string, string>, ageMs = 0): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'pg'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  const when = (Date.now() - ageMs) / 1000;
  utimesSync(dir, when, when);
  return dir;
}

test('clusters of dead runs go; live, starting and unrelated directories stay', () => {
  const deadPid = 2 ** 22 + 12345; // above Linux's pid_max: never a live process
  const dead = cluster('saldo-test-dead', { 'saldo.lock': `${deadPid}\n` });
  const live = cluster('saldo-test-live', { 'saldo.lock': `${process.pid}\n` });
  const orphanPg = cluster('saldo-test-pg', {
    'saldo.lock': `${deadPid}\n`,
    'pg/postmaster.pid': `${process.pid}\n/data\n`,
  });
  const starting = cluster('saldo-test-starting', {});
  const oldUnlocked = cluster('saldo-test-old', {}, 60 * 60_000);
  const other = cluster('someone-else', { 'saldo.lock': `${deadPid}\n` });

  expect(sweepAbandonedClusters(root).sort()).toEqual([dead, oldUnlocked].sort());
  for (const kept of [live, orphanPg, starting, other]) expect(existsSync(kept), kept).toBe(true);
  for (const gone of [dead, oldUnlocked]) expect(existsSync(gone), gone).toBe(false);
  expect(sweepAbandonedClusters(root)).toEqual([]);
});
