import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { type Change, invalidate, invalidatedBy, queryKeys } from '../../web/src/app/query-keys.ts';

/**
 * The web's query keys: what each change on the server makes stale. Every query a screen shows
 * after money moves must be under one of the invalidated prefixes.
 */
const moneyChanges: Change[] = ['payment', 'credit', 'invoice'];

/** Queries as the screens key them, and which changes must refresh each. */
const screens: [string, readonly unknown[], Change[]][] = [
  ['invoice list', queryKeys.invoices.list('console', { status: 'open' }), moneyChanges],
  ['invoice detail', queryKeys.invoices.detail('console', 'i1'), moneyChanges],
  ['portal invoices', queryKeys.invoices.list('portal', {}), moneyChanges],
  ['payment list', queryKeys.payments.list('console', {}), moneyChanges],
  ['payment detail', queryKeys.payments.detail('p1'), moneyChanges],
  ['payment status and refunds', queryKeys.payments.status('p1'), moneyChanges],
  ['portal payments', queryKeys.payments.list('portal', {}), moneyChanges],
  ['allocation preview', queryKeys.payments.allocationPreview('c1', 'USD', '100'), moneyChanges],
  ['credit list', queryKeys.credits.list('console', {}), moneyChanges],
  ['credit detail', queryKeys.credits.detail('m1'), moneyChanges],
  ['portal credits', queryKeys.credits.list('portal', {}), moneyChanges],
  ['customer list (balances)', queryKeys.customers.list({}), [...moneyChanges, 'hold', 'customer']],
  ['customer detail (aging)', queryKeys.customers.detail('c1'), [...moneyChanges, 'hold', 'customer']],
  ['customer activity', queryKeys.customers.activity('c1', 1), [...moneyChanges, 'hold', 'customer']],
  ['portal summary', queryKeys.portalSummary, [...moneyChanges, 'hold']],
  ['aging report', queryKeys.reports.aging(null), moneyChanges],
  ['aging report as of a day', queryKeys.reports.aging('2026-01-31'), moneyChanges],
  ['outbox', queryKeys.outbox.list(1, ''), [...moneyChanges, 'staffInvitation']],
  ['team', queryKeys.team, ['staffInvitation']],
  ['portal account', queryKeys.portalAccount, ['accountInvitation']],
  [
    'what staff may take for a customer',
    queryKeys.takePayment.options('c1'),
    [...moneyChanges, 'hold', 'customer'],
  ],
  [
    "a customer's credit checks and pay links",
    queryKeys.payLink.console('c1'),
    [...moneyChanges, 'hold', 'customer'],
  ],
  ['a staff payment quote (a price for one body)', queryKeys.takePayment.quote('c1', { amount: 1 }), []],
];

const covers = (prefix: readonly unknown[], key: readonly unknown[]) =>
  prefix.every((part, i) => JSON.stringify(part) === JSON.stringify(key[i]));

describe('query keys', () => {
  test.each(screens)('%s is refreshed by what changes it, and only that', (_, key, changes) => {
    for (const change of Object.keys(invalidatedBy) as Change[]) {
      const refreshed = invalidatedBy[change].some((prefix) => covers(prefix, key));
      expect(refreshed, change).toBe(changes.includes(change));
    }
  });

  test('every invalidated prefix is the prefix of a key some query uses', () => {
    const keys = screens.map(([, key]) => key);
    for (const [change, prefixes] of Object.entries(invalidatedBy))
      for (const prefix of prefixes)
        expect(
          keys.some((key) => covers(prefix, key)),
          `${change}: ${JSON.stringify(prefix)}`,
        ).toBe(true);
  });

  test('invalidate marks the queries stale through the client', async () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.reports.aging(null), { asOf: 'x' });
    client.setQueryData(queryKeys.help.index('en', ''), { pages: [] });
    await invalidate(client, 'payment');
    expect(client.getQueryState(queryKeys.reports.aging(null))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.help.index('en', ''))?.isInvalidated).toBe(false);
  });
});

test('no hook writes a key of its own: every queryKey comes from app/query-keys.ts', () => {
  const webSrc = path.resolve(import.meta.dirname, '../../web/src');
  const literal = /queryKey:\s*[['"`]/;
  const offending = readdirSync(webSrc, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('query-keys.ts'))
    .filter((file) => literal.test(readFileSync(path.join(webSrc, file), 'utf8')));
  expect(offending).toEqual([]);
});
