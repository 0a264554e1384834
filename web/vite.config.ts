import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = 'http://127.0.0.1:3000';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes `<file>.br` and `<file>.gz` beside every built asset worth compressing, once, at build
 * time, so the server sends them as they are (@fastify/static's `preCompressed`) instead of
 * compressing on every request. index.html is left out: the server writes a nonce into it.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'saldo-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
        .filter((f) => f.isFile() && /\.(js|mjs|css|svg|json|txt|woff2?|ttf)$/.test(f.name))
        .map((f) => path.join(f.parentPath, f.name))
        .filter((f) => f !== path.join(outDir, 'index.html'));
      await Promise.all(
        files.map(async (file) => {
          const content = await readFile(file);
          if (content.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            brotli(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gz(content, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
        }),
      );
    },
  };
}

/**
 * The single-page app. `vite build --config web/vite.config.ts` writes web/dist, which the
 * Fastify server serves; `vite --config web/vite.config.ts` runs it against a local server.
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        // No catch-all vendor chunk: a library only lazy pages use (charts, dates, forms) loads with them
        // (the bundler puts recharts and d3 in the aging report's own lazy chunk: a group of their own
        // broke their evaluation order).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 3,
            },
            {
              name: 'ui',
              test: /node_modules[\\/](@mantine[\\/](core|hooks|notifications)|@floating-ui|@tabler)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
});
