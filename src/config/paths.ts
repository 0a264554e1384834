import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder Saldo is installed in (the one holding its package.json), found by walking up from
 * this module: it runs from src/config under tsx and vitest, and from dist/server once bundled
 * (bin/build.mjs), so no path may be counted in `../` from `import.meta.url`.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'saldo')
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`no Saldo package.json above ${from}`);
  }
}

export const repoRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the installation: `fromRoot('docs', 'guide')`. */
export function fromRoot(...segments: string[]): string {
  return path.join(repoRoot, ...segments);
}
