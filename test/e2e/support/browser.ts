import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, inject } from 'vitest';

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

/** A fresh browser context (its own cookies) with the language preference given. */
export async function newPage(
  locale: 'es-MX' | 'en-US' = 'es-MX',
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
    viewport: { width: 1280, height: 800 },
    baseURL: baseUrl,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  (page as Page & { problems: string[] }).problems = problems;
  return { page, context };
}

/** Console errors and uncaught exceptions the page has shown (CSP violations included). */
export function pageProblems(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

export async function screenshot(page: Page, name: string): Promise<void> {
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
