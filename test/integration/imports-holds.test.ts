import { describe, expect, test } from 'vitest';
import { placeHold } from '../../src/domain/customers/place-hold.ts';
import { holdsImporter } from '../../src/domain/integration/imports/holds-importer.ts';
import { useTestDb } from '../support/db.ts';
import { addStaff, createCustomerAccount, createOrg, createUser } from '../support/factories.ts';
import { runStaged, type StagedRow } from '../support/import-kinds-engine.ts';

/** Credit holds from the ERP: placed and released through the hold rules, audited, idempotent. */
const { db } = useTestDb();

async function seller(locale: 'es' | 'en' = 'es') {
  const org = await createOrg(db, { locale });
  const user = await createUser(db);
  await addStaff(db, org.id, user.id);
  const a = await createCustomerAccount(db, org.id, { erp_id: 'C-100', account_number: 'A-100' });
  const b = await createCustomerAccount(db, org.id, { account_number: 'A-200' });
  const run = (rows: StagedRow[], mode: 'all' | 'rows' = 'all') =>
    runStaged(db, {
      orgId: org.id,
      kind: 'holds',
      importer: holdsImporter,
      rows,
      mode,
      actor: { userId: user.id },
    });
  const hold = (id: string) =>
    db
      .selectFrom('customer_accounts')
      .select(['hold_status', 'hold_reason', 'hold_message', 'hold_by'])
      .where('org_id', '=', org.id)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const audits = (id: string) =>
    db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'actor_user_id'])
      .where('org_id', '=', org.id)
      .where('entity_id', '=', id)
      .where('action', 'like', 'customer_account.hold%')
      .orderBy('at')
      .execute();
  return { org, user, a, b, run, hold, audits };
}

describe('importing holds', () => {
  test('places and releases holds by ERP id or account number, audited; the same file twice is unchanged', async () => {
    const s = await seller();
    await placeHold({ db }, { orgId: s.org.id, customerId: s.b.id, reason: 'Late', actor: {} });
    await db
      .insertInto('webhook_endpoints')
      .values({
        org_id: s.org.id,
        id: crypto.randomUUID(),
        url: 'https://erp.example.test/hooks',
        event_types: ['customer.hold_changed'],
        secret_sealed: 'sealed',
        secret_last4: 'abcd',
      })
      .execute();
    const events = async () =>
      (
        await db
          .selectFrom('integration_events')
          .select('body')
          .where('org_id', '=', s.org.id)
          .where('type', '=', 'customer.hold_changed')
          .orderBy('created_at')
          .execute()
      ).map((e) => JSON.parse(e.body).data);
    const rows = [
      { customer_erp_id: 'C-100', status: 'on_hold', reason: null, customer_message: 'Call us' },
      { customer_erp_id: 'A-200', status: 'active', reason: 'Paid up', customer_message: null },
    ];
    const first = await s.run(rows);
    expect(first.errors).toEqual([]);
    expect(first.counts).toMatchObject({ documents: 2, updated: 2, unchanged: 0, created: 0, rejected: 0 });
    expect(await s.hold(s.a.id)).toEqual({
      hold_status: 'on_hold',
      hold_reason: 'Bloqueo de crédito desde el ERP',
      hold_message: 'Call us',
      hold_by: s.user.id,
    });
    expect(await s.hold(s.b.id)).toMatchObject({
      hold_status: 'active',
      hold_reason: null,
      hold_message: null,
    });
    const [placed] = await s.audits(s.a.id);
    expect(placed).toMatchObject({
      action: 'customer_account.hold_placed',
      actor_user_id: s.user.id,
      after: {
        holdStatus: 'on_hold',
        holdReason: 'Bloqueo de crédito desde el ERP',
        customerMessage: 'Call us',
      },
    });
    const released = (await s.audits(s.b.id)).at(-1);
    expect(released).toMatchObject({
      action: 'customer_account.hold_released',
      before: { holdStatus: 'on_hold', holdReason: 'Late' },
      after: { holdStatus: 'active', reason: 'Paid up' },
    });

    expect(await events()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          customerErpId: 'C-100',
          holdStatus: 'on_hold',
          customerMessage: 'Call us',
        }),
        expect.objectContaining({ customerId: s.b.id, holdStatus: 'active', reason: 'Paid up' }),
      ]),
    );
    const second = await s.run(rows);
    expect(await events()).toHaveLength(2);
    expect(second.counts).toMatchObject({ documents: 2, updated: 0, unchanged: 2 });
    expect(await s.audits(s.a.id)).toHaveLength(1);
    expect(await s.audits(s.b.id)).toHaveLength(2);
  });

  test("a new reason changes the hold; the English seller's default reason is English", async () => {
    const s = await seller('en');
    await s.run([{ customer_erp_id: 'C-100', status: 'on_hold' }]);
    expect((await s.hold(s.a.id)).hold_reason).toBe('Credit hold from the ERP');
    const again = await s.run([{ customer_erp_id: 'C-100', status: 'on_hold', reason: 'Over limit' }]);
    expect(again.counts).toMatchObject({ updated: 1 });
    expect((await s.hold(s.a.id)).hold_reason).toBe('Over limit');
  });

  test("unknown customers (another seller's too) and repeated customers are reported by line; row mode applies the rest", async () => {
    const s = await seller();
    const other = await createOrg(db);
    await createCustomerAccount(db, other.id, { erp_id: 'X-1', account_number: 'X-1' });
    const rows = [
      { customer_erp_id: 'C-100', status: 'on_hold' },
      { customer_erp_id: 'X-1', status: 'on_hold' },
      { customer_erp_id: 'A-100', status: 'active' },
    ];
    const all = await s.run(rows);
    expect(all.applied).toBe(false);
    expect(all.errors).toEqual([
      { line: 3, field: 'customer_erp_id', code: 'unknown_customer', params: { customer: 'X-1' } },
      { line: 4, field: 'customer_erp_id', code: 'duplicate_in_file', params: { number: 'A-100', line: 2 } },
    ]);
    expect((await s.hold(s.a.id)).hold_status).toBe('active');

    const byRow = await s.run(rows, 'rows');
    expect(byRow.counts).toMatchObject({ documents: 3, rejected: 2, updated: 1, unchanged: 0 });
    expect((await s.hold(s.a.id)).hold_status).toBe('on_hold');
  });
});
