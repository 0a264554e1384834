import { describe, expect, test } from 'vitest';
import { demoSellers, loadDemo } from '../../src/domain/demo/load-demo.ts';
import { useTestApp } from '../support/app.ts';

const { db } = await useTestApp();

const contactsByAccount = async () => {
  const rows = await db
    .selectFrom('customer_contacts as c')
    .innerJoin('customer_accounts as a', (j) =>
      j.onRef('a.org_id', '=', 'c.org_id').onRef('a.id', '=', 'c.account_id'),
    )
    .select(['a.account_number', 'c.email', 'c.role', 'c.receives', 'c.locale'])
    .orderBy('a.account_number')
    .orderBy('c.email')
    .execute();
  const out = new Map<string, typeof rows>();
  for (const row of rows) out.set(row.account_number, [...(out.get(row.account_number) ?? []), row]);
  return out;
};

describe("the demo's customers have contacts", () => {
  test('every demo customer gets 1–3 contacts at its own domains, once, and again after they are lost', async () => {
    expect(await loadDemo({ db })).toBe(true);
    const first = await contactsByAccount();
    const accounts = demoSellers.flatMap((s) => s.accounts);
    expect([...first.keys()].sort()).toEqual(accounts.map((a) => a.number).sort());
    for (const account of accounts) {
      const contacts = first.get(account.number)!;
      expect(contacts.length).toBeGreaterThanOrEqual(1);
      expect(contacts.length).toBeLessThanOrEqual(3);
      for (const c of contacts) {
        expect(c.email).toMatch(/^[^@\s]+@[a-z0-9.-]+\.example$/);
        expect(c.role).toBeTruthy();
        expect(c.receives.length).toBeGreaterThan(0);
      }
      // Someone at each customer gets its invoices.
      expect(contacts.some((c) => c.receives.includes('invoices'))).toBe(true);
    }

    // A restart loads nothing twice.
    expect(await loadDemo({ db })).toBe(false);
    expect(await contactsByAccount()).toEqual(first);

    // A customer whose contacts are gone (a database from before contacts) gets them at the next start.
    const account = await db
      .selectFrom('customer_accounts')
      .select(['org_id', 'id'])
      .where('account_number', '=', 'HF-2002')
      .executeTakeFirstOrThrow();
    await db
      .deleteFrom('customer_contacts')
      .where('org_id', '=', account.org_id)
      .where('account_id', '=', account.id)
      .execute();
    expect(await loadDemo({ db })).toBe(false);
    expect(await contactsByAccount()).toEqual(first);
  });
});
