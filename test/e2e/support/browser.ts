import { mkdirSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page, type Request } from 'playwright-core';
import { afterAll, afterEach, beforeEach, inject } from 'vitest';

export const baseUrl = inject('baseUrl');
const chromiumPath = inject('chromiumPath');
/** False when the machine has no Chromium (never under CI, which fails instead): journeys are skipped loudly. */
export const hasBrowser = chromiumPath !== null;

const artifacts = path.resolve(import.meta.dirname, '../../../test-artifacts/e2e');
mkdirSync(artifacts, { recursive: true });

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** A fresh browser context (its own cookies) with the language preference given. */
export async function newPage(
  locale: 'es-MX' | 'en-US' = 'es-MX',
  options: { viewport?: { width: number; height: number } } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  browser ??= await chromium.launch({
    executablePath: chromiumPath!,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({
    locale,
    viewport: options.viewport ?? DESKTOP,
    baseURL: baseUrl,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  (page as Page & { problems: string[] }).problems = problems;
  watchAccessibility(page, context);
  return { page, context };
}

/** Console errors and uncaught exceptions the page has shown (CSP violations included). */
export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/**
 * Adds every failed response of `page` (status ≥ 400) to its problems, with the request and the
 * start of the answer: which request a "Failed to load resource" console error was about.
 */
export function logFailedRequests(page: Page): void {
  page.on('response', async (response) => {
    if (response.status() < 400) return;
    const request = response.request();
    const body = await response.text().catch(() => '');
    pageProblems(page).push(
      `${response.status()} ${request.method()} ${response.url()} ${request.postData() ?? ''} → ${body.slice(0, 300)}`,
    );
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await flushAudit(page);
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

export const DEMO_PASSWORD = 'saldo-demo-2026';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page
    .getByLabel(/correo|e-mail|email/i)
    .first()
    .fill(email);
  await page
    .getByLabel(/contraseña|password/i)
    .first()
    .fill(password);
  await page.getByRole('button', { name: /iniciar sesión|sign in/i }).click();
}

// ---------------------------------------------------------------------------------------------
// Accessibility: axe-core audits every page a journey visits.
//
// Every page `newPage` opens is watched: each navigation of its main frame (full loads and the
// SPA's history changes alike) marks it "to audit". Before the journey's next action on that page
// (click, fill, goto, …, a screenshot, closing the page or its context) and after the test, the
// page is left to settle (no request in flight, no loader or skeleton, no transition running) and
// axe runs on it at its current viewport and language. Serious and critical violations of WCAG
// 2.0/2.1/2.2 A and AA fail the test that visited the page, listed with rule, target and address.
// ---------------------------------------------------------------------------------------------

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  target: string;
  html: string;
  summary: string;
  url: string;
  where: string;
}

interface AuditState {
  dirty: boolean;
  running: Promise<void> | undefined;
  inflight: Map<Request, number>;
  audited: number;
}

const states = new WeakMap<Page, AuditState>();
/** The pages opened during the current test, audited once more after it. */
let pagesOfTest: Page[] = [];
const violationsOfTest = new Map<string, AxeViolation>();

function watchAccessibility(page: Page, context: BrowserContext): void {
  if (states.has(page)) return;
  const state: AuditState = { dirty: false, running: undefined, inflight: new Map(), audited: 0 };
  states.set(page, state);
  pagesOfTest.push(page);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) state.dirty = true;
  });
  page.on('request', (request) => state.inflight.set(request, Date.now()));
  page.on('requestfinished', (request) => state.inflight.delete(request));
  page.on('requestfailed', (request) => state.inflight.delete(request));
  patchPrototypes(page);
  const ownedContexts = contexts.get(context);
  if (ownedContexts) ownedContexts.push(page);
  else {
    contexts.set(context, [page]);
    // Pages the journey opens itself in this context (a link to a new tab) are audited too.
    context.on('page', (opened) => watchAccessibility(opened, context));
    const close = context.close.bind(context);
    context.close = async (...args: Parameters<BrowserContext['close']>) => {
      for (const open of contexts.get(context) ?? []) await flushAudit(open);
      return close(...args);
    };
  }
}
const contexts = new WeakMap<BrowserContext, Page[]>();

/** Actions after which the journey may leave the page: each first audits what is on screen. */
const PAGE_ACTIONS = ['goto', 'reload', 'goBack', 'goForward', 'click', 'dblclick', 'fill', 'press', 'check'];
const LOCATOR_ACTIONS = [
  'click',
  'dblclick',
  'fill',
  'press',
  'pressSequentially',
  'type',
  'check',
  'uncheck',
  'setChecked',
  'selectOption',
  'setInputFiles',
  'tap',
  'clear',
];
let patched = false;

function patchPrototypes(page: Page): void {
  if (patched) return;
  patched = true;
  const wrap = (proto: Record<string, unknown>, names: string[], pageOf: (self: unknown) => Page) => {
    for (const name of names) {
      const original = proto[name];
      if (typeof original !== 'function') continue;
      proto[name] = async function (this: unknown, ...args: unknown[]) {
        await flushAudit(pageOf(this));
        return original.apply(this, args);
      };
    }
  };
  const pageProto = Object.getPrototypeOf(page) as Record<string, unknown>;
  wrap(pageProto, PAGE_ACTIONS, (self) => self as Page);
  const closePage = pageProto.close as Page['close'];
  pageProto.close = async function (this: Page, ...args: Parameters<Page['close']>) {
    await flushAudit(this);
    return closePage.apply(this, args);
  };
  const locatorProto = Object.getPrototypeOf(page.locator('body')) as Record<string, unknown>;
  wrap(locatorProto, LOCATOR_ACTIONS, (self) => (self as { page(): Page }).page());
}

/** What the page shows is still changing: data loading, a loader or skeleton, a transition. */
const BUSY = `(() => {
  if (document.readyState !== 'complete') return true;
  const visible = (el) => el.getClientRects().length > 0;
  if ([...document.querySelectorAll('.mantine-Loader-root, [aria-busy="true"], .mantine-Skeleton-root[data-visible]')].some(visible)) return true;
  return document.getAnimations().some((a) => a.playState === 'running' && a.effect && a.effect.getTiming().iterations !== Infinity);
})()`;

async function settle(page: Page, state: AuditState): Promise<void> {
  const deadline = Date.now() + 10_000;
  let quietSince = 0;
  while (Date.now() < deadline && !page.isClosed()) {
    const now = Date.now();
    const requests = [...state.inflight.values()].some((started) => now - started < 5_000);
    const busy = requests || (await page.evaluate(BUSY).catch(() => true));
    if (busy) quietSince = 0;
    else if (!quietSince) quietSince = now;
    else if (now - quietSince >= 300) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface RawViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string; html: string }[];
}

async function runAxe(page: Page, rules: { tags?: string[]; rules?: string[] }): Promise<RawViolation[]> {
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(axe.source);
  const runOnly = rules.rules ? { type: 'rule', values: rules.rules } : { type: 'tag', values: rules.tags };
  return (await page.evaluate(`(async () => {
    const result = await window.axe.run(document, ${JSON.stringify({ runOnly, resultTypes: ['violations'] })});
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => Array.isArray(t) ? t.join(' >>> ') : t).join(' '),
        summary: (n.failureSummary || '').split('\\n').slice(1).join(' ').replace(/\\s+/g, ' ').trim(),
        html: n.html.length > 160 ? n.html.slice(0, 157) + '...' : n.html,
      })),
    }));
  })()`)) as RawViolation[];
}

/**
 * Audits what the page shows now (after it settles) and returns its violations. Journeys need
 * not call it: it runs by itself after each navigation. Call it for a state reached without
 * navigating (an open dialog or menu). `rules` narrows or widens the rules (default: WCAG A/AA);
 * `impacts` which impacts count (default: serious and critical).
 */
export async function auditAccessibility(
  page: Page,
  options: { rules?: string[]; impacts?: string[]; record?: boolean } = {},
): Promise<AxeViolation[]> {
  const state = states.get(page);
  if (!state || page.isClosed()) return [];
  const previous = state.running;
  let release!: () => void;
  state.running = new Promise<void>((r) => (release = r));
  try {
    await previous;
    return await audit(page, state, options);
  } finally {
    release();
  }
}

async function audit(
  page: Page,
  state: AuditState,
  options: { rules?: string[]; impacts?: string[]; record?: boolean },
): Promise<AxeViolation[]> {
  state.dirty = false;
  const impacts = options.impacts ? new Set(options.impacts) : FAILING_IMPACTS;
  const selection = options.rules ? { rules: options.rules } : { tags: AXE_TAGS };
  const pass = async () => {
    await settle(page, state);
    if (page.isClosed()) return undefined;
    const isHtml = await page.evaluate('document.contentType === "text/html"').catch(() => false);
    if (!isHtml) return undefined;
    const lang = (await page.evaluate('document.documentElement.lang').catch(() => '')) as string;
    const size = page.viewportSize();
    const where = `${lang || '?'} ${size ? `${size.width}×${size.height}` : ''}`.trim();
    const url = page.url().replace(baseUrl, '');
    const found = new Map<string, AxeViolation>();
    for (const v of await runAxe(page, selection)) {
      if (!v.impact || !impacts.has(v.impact)) continue;
      for (const node of v.nodes) {
        const violation = {
          rule: v.id,
          impact: v.impact,
          help: v.help,
          target: node.target,
          html: node.html,
          summary: node.summary,
          url,
          where,
        };
        found.set(`${v.id} ${node.target} ${url} ${where}`, violation);
      }
    }
    return found;
  };
  try {
    const first = await pass();
    if (!first) return [];
    state.audited += 1;
    if (first.size === 0) return [];
    // A violation must still be there once the page has settled again: a frame caught in the
    // middle of a change is not what the person sees.
    const second = (await pass()) ?? new Map<string, AxeViolation>();
    const lasting = [...first.entries()].filter(([key]) => second.has(key));
    if (options.record !== false) for (const [key, v] of lasting) violationsOfTest.set(key, v);
    return lasting.map(([, v]) => v);
  } catch (error) {
    // The journey navigated away or closed the page mid-audit: the next page is audited instead.
    if (/Execution context was destroyed|Target .*closed|navigation/i.test(String(error))) return [];
    throw error;
  }
}

/** Audits the page if it navigated since its last audit (waiting for an audit under way). */
export async function flushAudit(page: Page): Promise<void> {
  const state = states.get(page);
  if (!state) return;
  if (state.running) await state.running;
  if (state.dirty && !page.isClosed()) await auditAccessibility(page);
}

/** How many audits ran on the page (for the accessibility journey's own checks). */
export function auditCount(page: Page): number {
  return states.get(page)?.audited ?? 0;
}

/** One block per page, one line per element: rule (impact), selector, the element, what is wrong. */
export function formatViolations(violations: AxeViolation[]): string {
  const byPage = new Map<string, AxeViolation[]>();
  for (const v of violations) {
    const key = `${v.url} [${v.where}]`;
    byPage.set(key, [...(byPage.get(key) ?? []), v]);
  }
  const blocks = [...byPage].map(
    ([page, list]) =>
      `${page}\n${list
        .map((v) => `  ${v.rule} (${v.impact}) at ${v.target}\n    ${v.html}\n    ${v.summary || v.help}`)
        .join('\n')}`,
  );
  const docs = `https://dequeuniversity.com/rules/axe/${axe.version.split('.').slice(0, 2).join('.')}/<rule>`;
  return `axe: ${violations.length} serious/critical WCAG 2.2 A/AA violation(s) on ${byPage.size} page(s) (rules: ${docs})\n${blocks.join('\n')}`;
}

beforeEach(() => {
  pagesOfTest = [];
  violationsOfTest.clear();
});

afterEach(async () => {
  for (const page of pagesOfTest) if (!page.isClosed()) await flushAudit(page);
  const violations = [...violationsOfTest.values()];
  pagesOfTest = [];
  violationsOfTest.clear();
  if (violations.length > 0) throw new Error(formatViolations(violations));
});
