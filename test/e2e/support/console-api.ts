import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { auditAccessibility, baseUrl, formatViolations } from './browser.ts';

/**
 * The console's API as the signed-in person's browser calls it (its session, its CSRF token, an
 * Idempotency-Key on each POST): the journeys make their own customers and invoices with it, and
 * each call's status is checked with the answer's text in the failure message.
 */
export async function consoleApi(context: BrowserContext) {
  const me = (await (await context.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken, origin: baseUrl };
  const send = async (method: 'POST' | 'PUT', url: string, data: unknown, status: number) => {
    const response = await context.request.fetch(url, {
      method,
      data,
      headers: method === 'POST' ? { ...headers, 'idempotency-key': randomUUID() } : headers,
    });
    expect(response.status(), `${method} ${url}: ${await response.text()}`).toBe(status);
    return response.json();
  };
  return {
    get: async (url: string) => {
      const response = await context.request.get(url);
      expect(response.status(), `GET ${url}: ${await response.text()}`).toBe(200);
      return response.json();
    },
    post: (url: string, data: unknown, status = 201) => send('POST', url, data, status),
    put: (url: string, data: unknown, status = 200) => send('PUT', url, data, status),
  };
}
export type ConsoleApi = Awaited<ReturnType<typeof consoleApi>>;

/** The UTC calendar day `days` days ago, 'YYYY-MM-DD' (an invoice's dates). */
export const isoDaysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Axe on what is open now (a window opens without navigating, so it is not audited by itself). */
export async function auditOpen(page: Page) {
  const violations = await auditAccessibility(page);
  expect(violations, formatViolations(violations)).toEqual([]);
}
