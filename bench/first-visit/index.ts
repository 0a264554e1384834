import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { cleanEnv, freePort, spawnChild, waitForHttp } from '../support/processes.ts';
import { ratioOf, roundTo } from '../support/result.ts';
import { tempDir } from '../support/temp.ts';
import type { BenchContext, Benchmark } from '../support/types.ts';

/** What a first visit downloads, per the browser's own accounting (bytes on the wire, compressed). */
interface Visit {
  /** Response bodies as transferred (compressed when the server compressed them). */
  bodyBytes: number;
  /** The same plus response headers: everything the browser downloaded. */
  totalBytes: number;
  requests: number;
  byKind: Record<string, number>;
  resources: { url: string; status: number; encoding: string | null; bytes: number }[];
}

/** The budget the issue set for a first visit (sign-in or the portal dashboard), compressed. */
const BUDGET_KB = 300;
/** A demo customer user with one account (no chooser): Abarrotes San José's accountant. */
const PORTAL_LOGIN = 'contador@despachoruiz.example';
const DEMO_PASSWORD = 'saldo-demo-2026';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function kindOf(url: string, contentType: string): string {
  const { pathname } = new URL(url);
  if (pathname.startsWith('/api/')) return 'api';
  if (/javascript/.test(contentType) || pathname.endsWith('.js')) return 'js';
  if (/css/.test(contentType) || pathname.endsWith('.css')) return 'css';
  if (/html/.test(contentType)) return 'html';
  if (/font|woff/.test(contentType)) return 'font';
  if (/image/.test(contentType)) return 'image';
  return 'other';
}

/** Opens `target` in a fresh browser context (empty cache), optionally signed in first, and counts what it downloads. */
async function firstVisit(
  browser: Browser,
  baseUrl: string,
  target: string,
  ready: (page: Page) => Promise<void>,
  options: { signInAs?: string; identity?: boolean } = {},
): Promise<Visit> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'es-MX',
    viewport: { width: 1280, height: 800 },
  });
  try {
    if (options.identity) await context.setExtraHTTPHeaders({ 'accept-encoding': 'identity' });
    if (options.signInAs) {
      // The session cookie, as signing in would leave it; the visit itself starts with an empty cache.
      const r = await context.request.post('/api/v1/auth/sign-in', {
        data: { email: options.signInAs, password: DEMO_PASSWORD },
        headers: { origin: baseUrl },
      });
      if (!r.ok())
        throw new Error(`sign-in as ${options.signInAs} answered ${r.status()}: ${await r.text()}`);
    }
    const page = await context.newPage();
    const finished: Promise<Visit['resources'][number] & { kind: string; headers: number }>[] = [];
    page.on('requestfinished', (request) => {
      finished.push(
        (async () => {
          const response = await request.response();
          const sizes = await request.sizes();
          const headers = response ? await response.allHeaders() : {};
          return {
            url: request.url().replace(baseUrl, ''),
            status: response?.status() ?? 0,
            encoding: headers['content-encoding'] ?? null,
            bytes: sizes.responseBodySize,
            headers: sizes.responseHeadersSize,
            kind: kindOf(request.url(), headers['content-type'] ?? ''),
          };
        })(),
      );
    });
    await page.goto(target, { waitUntil: 'networkidle' });
    await ready(page);
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(finished);
    const byKind: Record<string, number> = {};
    for (const r of all) byKind[r.kind] = (byKind[r.kind] ?? 0) + r.bytes;
    return {
      bodyBytes: all.reduce((s, r) => s + r.bytes, 0),
      totalBytes: all.reduce((s, r) => s + r.bytes + r.headers, 0),
      requests: all.length,
      byKind,
      resources: all.map(({ url, status, encoding, bytes }) => ({ url, status, encoding, bytes })),
    };
  } finally {
    await context.close();
  }
}

const kB = (bytes: number) => roundTo(bytes / 1000, 2);

export const firstVisitBench: Benchmark = {
  name: 'first-visit',
  description: `compressed kB a first visit downloads (chromium, empty cache): the portal dashboard (value) and sign-in, vs the ${BUDGET_KB} kB budget`,
  async run(ctx: BenchContext) {
    if (!existsSync(CHROMIUM))
      throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH`);
    const dataDir = tempDir(ctx.cleanup, 'first-visit');
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    ctx.log(`starting saldo start on ${baseUrl} (embedded PostgreSQL, demo, web app built if stale)`);
    const saldo = spawnChild(ctx.cleanup, {
      name: 'saldo start',
      command: process.execPath,
      args: [path.join(ctx.repoRoot, 'bin/saldo.mjs'), 'start'],
      cwd: ctx.repoRoot,
      env: cleanEnv({
        SALDO_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        SALDO_PUBLIC_URL: baseUrl,
        LOG_LEVEL: 'warn',
      }),
    });
    await waitForHttp(`${baseUrl}/readyz`, { child: saldo, timeoutMs: 300_000, intervalMs: 250 });
    await waitForHttp(`${baseUrl}/sign-in`, { child: saldo, timeoutMs: 60_000, intervalMs: 250 });

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    });
    ctx.cleanup.add('close chromium', () => browser.close());

    const signInReady = async (page: Page) => {
      await page.getByRole('button', { name: /iniciar sesión/i }).waitFor();
    };
    const dashboardReady = async (page: Page) => {
      await page.waitForURL(`${baseUrl}/portal`);
      await page.getByTestId('context-switcher').waitFor();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    };
    ctx.log('first visit: /sign-in');
    const signIn = await firstVisit(browser, baseUrl, '/sign-in', signInReady);
    ctx.log(`first visit: /portal as ${PORTAL_LOGIN}`);
    const dashboard = await firstVisit(browser, baseUrl, '/portal', dashboardReady, {
      signInAs: PORTAL_LOGIN,
    });
    ctx.log('the same visits without compression (Accept-Encoding: identity), for comparison');
    const signInPlain = await firstVisit(browser, baseUrl, '/sign-in', signInReady, { identity: true });
    const dashboardPlain = await firstVisit(browser, baseUrl, '/portal', dashboardReady, {
      signInAs: PORTAL_LOGIN,
      identity: true,
    });

    for (const [name, visit] of [
      ['sign-in', signIn],
      ['portal dashboard', dashboard],
    ] as const) {
      // The build compresses every asset of 1 KiB or more (web/vite.config.ts); smaller ones gain nothing.
      const uncompressed = visit.resources.filter(
        (r) => /\.(js|css)$/.test(r.url) && !r.encoding && r.bytes >= 1024,
      );
      if (uncompressed.length)
        throw new Error(
          `${name}: assets served without compression: ${uncompressed.map((r) => r.url).join(', ')}`,
        );
    }

    const value = kB(dashboard.totalBytes);
    return {
      name: 'first-visit',
      metric: 'kB (portal dashboard, first visit, compressed)',
      value,
      baseline: BUDGET_KB,
      ratio: ratioOf(value, BUDGET_KB, 'lower-is-better'),
      details: {
        portalDashboard: {
          totalKB: value,
          bodyKB: kB(dashboard.bodyBytes),
          requests: dashboard.requests,
          byKindKB: Object.fromEntries(Object.entries(dashboard.byKind).map(([k, v]) => [k, kB(v)])),
          uncompressedTotalKB: kB(dashboardPlain.totalBytes),
          resources: dashboard.resources,
        },
        signIn: {
          totalKB: kB(signIn.totalBytes),
          bodyKB: kB(signIn.bodyBytes),
          requests: signIn.requests,
          byKindKB: Object.fromEntries(Object.entries(signIn.byKind).map(([k, v]) => [k, kB(v)])),
          uncompressedTotalKB: kB(signInPlain.totalBytes),
          resources: signIn.resources,
        },
        settings: {
          budgetKB: BUDGET_KB,
          browser: `chromium ${browser.version()}`,
          portalLogin: PORTAL_LOGIN,
          cpus: availableParallelism(),
          loadAverage1m: roundTo(loadavg()[0]!, 2),
          notes: [
            'each visit is a fresh browser context (empty cache); bytes are what chromium counts on the wire: response bodies as transferred plus response headers, API calls included',
            'the portal visit signs in through the API first (the cookie only), then opens /portal',
            'ratio = budget ÷ value: ≥ 1 means within the budget',
          ],
        },
      },
    };
  },
};
