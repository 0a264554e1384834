import { describe, expect, test } from 'vitest';
import { addContact } from '../../src/domain/customers/add-contact.ts';
import { contactsImporter } from '../../src/domain/integration/imports/contacts-importer.ts';
import { useTestDb } from '../support/db.ts';
import { createCustomerAccount, createOrg } from '../support/factories.ts';
import { runStaged, type StagedRow } from '../support/import-kinds-engine.ts';

/** Contacts from the ERP: per customer by e-mail, else by name; audited; idempotent. */
const { db } = useTestDb();

async function seller() {
  const org = await createOrg(db);
  const a = await createCustomerAccount(db, org.id, { erp_id: 'C-1', account_number: 'A-1', locale: 'en' });
  const b = await createCustomerAccount(db, org.id, { account_number: 'A-2' });
  const run = (rows: StagedRow[], mode: 'all' | 'rows' = 'all') =>
    runStaged(db, { orgId: org.id, kind: 'contacts', importer: contactsImporter, rows, mode });
  const contacts = (customerId: string) =>
    db
      .selectFrom('customer_contacts')
      .select(['name', 'email', 'phone', 'role', 'locale'])
      .where('org_id', '=', org.id)
      .where('account_id', '=', customerId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  const audits = (customerId: string) =>
    db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('org_id', '=', org.id)
      .where('entity_id', '=', customerId)
      .where('action', 'like', 'customer_contact.%')
      .orderBy('at')
      .orderBy('id')
      .execute();
  return { org, a, b, run, contacts, audits };
}

describe('importing contacts', () => {
  test('adds contacts in the customer’s language; the same file twice is unchanged', async () => {
    const s = await seller();
    const rows = [
      { customer_erp_id: 'C-1', name: 'Ana Pérez', email: 'ana@cliente.mx', role: 'Cuentas por pagar' },
      { customer_erp_id: 'A-2', name: 'Luis', phone: '555-1234' },
      { customer_erp_id: 'C-1', name: 'Bob', email: 'bob@cliente.mx', locale: 'es' },
    ];
    const first = await s.run(rows);
    expect(first.errors).toEqual([]);
    expect(first.counts).toMatchObject({ documents: 3, created: 3, unchanged: 0 });
    expect(await s.contacts(s.a.id)).toEqual([
      { name: 'Ana Pérez', email: 'ana@cliente.mx', phone: null, role: 'Cuentas por pagar', locale: 'en' },
      { name: 'Bob', email: 'bob@cliente.mx', phone: null, role: null, locale: 'es' },
    ]);
    expect(await s.contacts(s.b.id)).toEqual([
      { name: 'Luis', email: null, phone: '555-1234', role: null, locale: 'es' },
    ]);
    expect((await s.audits(s.a.id)).map((a) => a.action)).toEqual([
      'customer_contact.added',
      'customer_contact.added',
    ]);
    const second = await s.run(rows);
    expect(second.counts).toMatchObject({ documents: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await s.audits(s.a.id)).toHaveLength(2);
  });

  test('matches by e-mail, else by a name without e-mail; changes are audited before → after', async () => {
    const s = await seller();
    await addContact(
      { db },
      { orgId: s.org.id, customerId: s.a.id, contact: { name: 'Ana', email: 'ana@cliente.mx' }, actor: {} },
    );
    await addContact({ db }, { orgId: s.org.id, customerId: s.a.id, contact: { name: 'Luis' }, actor: {} });
    const result = await s.run([
      { customer_erp_id: 'C-1', name: 'Ana María', email: 'ANA@cliente.mx'.toLowerCase(), phone: '1' },
      { customer_erp_id: 'C-1', name: 'luis', email: 'luis@cliente.mx' },
      { customer_erp_id: 'C-1', name: 'Ana', email: 'otra.ana@cliente.mx' },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.counts).toMatchObject({ created: 1, updated: 2 });
    expect(await s.contacts(s.a.id)).toMatchObject([
      { name: 'Ana María', email: 'ana@cliente.mx', phone: '1' },
      { name: 'luis', email: 'luis@cliente.mx' },
      { name: 'Ana', email: 'otra.ana@cliente.mx' },
    ]);
    const updated = (await s.audits(s.a.id)).filter((a) => a.action === 'customer_contact.updated');
    expect(updated.find((a) => (a.before as { name: string }).name === 'Ana')).toMatchObject({
      before: { name: 'Ana', phone: null },
      after: { name: 'Ana María', phone: '1' },
    });
  });

  test("unknown customers (another seller's too) and repeated contacts are reported by line", async () => {
    const s = await seller();
    const other = await createOrg(db);
    await createCustomerAccount(db, other.id, { erp_id: 'X-1' });
    const rows = [
      { customer_erp_id: 'C-1', name: 'Ana', email: 'ana@cliente.mx' },
      { customer_erp_id: 'X-1', name: 'Ana' },
      { customer_erp_id: 'A-1', name: 'Ana Dos', email: 'ana@cliente.mx' },
      { customer_erp_id: 'A-2', name: 'Pepe' },
      { customer_erp_id: 'A-2', name: ' PEPE ' },
      { customer_erp_id: 'A-2', name: 'Mal correo', email: 'no es correo' },
    ];
    const all = await s.run(rows);
    expect(all.applied).toBe(false);
    expect(all.errors).toEqual([
      { line: 3, field: 'customer_erp_id', code: 'unknown_customer', params: { customer: 'X-1' } },
      { line: 4, field: 'email', code: 'duplicate_in_file', params: { number: 'ana@cliente.mx', line: 2 } },
      { line: 6, field: 'name', code: 'duplicate_in_file', params: { number: 'PEPE', line: 5 } },
      { line: 7, field: 'email', code: 'invalid_email', params: {} },
    ]);
    expect(await s.contacts(s.a.id)).toEqual([]);
    const byRow = await s.run(rows, 'rows');
    expect(byRow.counts).toMatchObject({ documents: 6, created: 2, rejected: 4 });
  });
});
