import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (max, name) => Math.max(max, newestMtime(path.join(entry, name))),
    stat.mtimeMs,
  );
}

/**
 * The SPA is built into web/dist by `npm run build`. `saldo start` and `saldo web` build it when
 * it is missing or older than its sources, so `npm install && npm start` needs nothing else.
 * Returns the directory to serve, or null when there is no build and Vite is not installed.
 */
export async function ensureWebBuild(root: string, logger: Logger): Promise<string | null> {
  const webDir = path.join(root, 'web');
  const dist = path.join(webDir, 'dist');
  const stamp = path.join(dist, '.built');
  const sources = ['src', 'index.html', 'vite.config.ts', 'public'].map((p) => path.join(webDir, p));
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = Math.max(...sources.map(newestMtime));
  if (built && built >= changed) return dist;
  if (!existsSync(path.join(webDir, 'index.html')))
    return existsSync(path.join(dist, 'index.html')) ? dist : null;
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    if (existsSync(path.join(dist, 'index.html'))) return dist;
    logger.warn(
      'the web app is not built and Vite is not installed: serving the API only (run `npm install`, then `npm run build`)',
    );
    return null;
  }
  const started = Date.now();
  logger.info(built ? 'web app sources changed: rebuilding' : 'building the web app (first start)');
  await vite.build({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stamp, new Date().toISOString());
  logger.info({ ms: Date.now() - started }, 'web app built');
  return dist;
}
