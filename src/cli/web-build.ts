import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';

/**
 * bin/build.mjs (the builds and their freshness rule), loaded at run time from the installation
 * rather than bundled into the server: one copy, the one bin/saldo.mjs has already loaded.
 */
function builds(root: string): Promise<typeof import('../../bin/build.mjs')> {
  return import(pathToFileURL(path.join(root, 'bin', 'build.mjs')).href);
}

/**
 * The SPA is built into web/dist by `npm run build`. `saldo start` and `saldo web` build it when
 * it is missing or older than its sources (the freshness rule the server bundle follows too,
 * bin/build.mjs), so `npm install && npm start` needs nothing else.
 * Returns the directory to serve, or null when there is no build and Vite is not installed.
 */
export async function ensureWebBuild(root: string, logger: Logger): Promise<string | null> {
  const { buildWeb, isStale, webPaths } = await builds(root);
  const { web, dist, stamp, sources } = webPaths(root);
  if (!isStale(stamp, sources)) return dist;
  const built = existsSync(stamp);
  if (!existsSync(path.join(web, 'index.html')))
    return existsSync(path.join(dist, 'index.html')) ? dist : null;
  try {
    await import('vite');
  } catch {
    if (existsSync(path.join(dist, 'index.html'))) return dist;
    logger.warn(
      'the web app is not built and Vite is not installed: serving the API only (run `npm install`, then `npm run build`)',
    );
    return null;
  }
  logger.info(built ? 'web app sources changed: rebuilding' : 'building the web app (first start)');
  const { ms } = await buildWeb(root);
  logger.info({ ms }, 'web app built');
  return dist;
}
