import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Cleanup } from './cleanup.ts';

/** A fresh directory under the system's temp dir, removed by the cleanup. */
export function tempDir(cleanup: Cleanup, prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `saldo-bench-${prefix}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  cleanup.add(`remove ${dir}`, remove, remove);
  return dir;
}
