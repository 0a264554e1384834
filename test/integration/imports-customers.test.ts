import { describe, expect, test } from 'vitest';
import { createCustomer } from '../../src/domain/customers/create-customer.ts';
import { customersImporter } from '../../src/domain/integration/imports/customers-importer.ts';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { useTestDb } from '../support/db.ts';
import { addStaff, createCustomerAccount, createOrg, createUser } from '../support/factories.ts';
import { runStaged, type StagedRow } from '../support/import-kinds-engine.ts';

/** Customers from the ERP: upsert by ERP id with the console's rules, a billing contact, audited once per change. */
const { db } = useTestDb();

async function seller() {
  const org = await createOrg(db, { default_currency: 'MXN', locale: 'es' });
  const user = await createUser(db);
  await addStaff(db, org.id, user.id);
  const collector = await createUser(db, { email: `cobranza-${org.slug}@example.test` });
  await addStaff(db, org.id, collector.id, 'ar_agent');
  const run = (rows: StagedRow[], mode: 'all' | 'rows' = 'all') =>
    runStaged(db, {
      orgId: org.id,
      kind: 'customers',
      importer: customersImporter,
      rows,
      mode,
      actor: { userId: user.id },
    });
  const customer = (erpId: string) =>
    db
      .selectFrom('customer_accounts')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('erp_id', '=', erpId)
      .executeTakeFirst();
  const contacts = (customerId: string) =>
    db
      .selectFrom('customer_contacts')
      .select(['name', 'email', 'phone', 'role', 'locale'])
      .where('org_id', '=', org.id)
      .where('account_id', '=', customerId)
      .orderBy('created_at')
      .execute();
  const audits = (customerId: string) =>
    db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'actor_user_id'])
      .where('org_id', '=', org.id)
      .where('entity_id', '=', customerId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  return { org, user, collector, run, customer, contacts, audits };
}

const base = {
  erp_id: 'CL-001',
  name: 'Abarrotes Don Pepe',
  tax_id: 'ADP010101AAA',
  currency: 'USD',
  locale: 'en',
  payment_terms_days: '45',
  credit_limit: '15000.50',
  email: 'pagos@donpepe.mx',
  phone: '+52 55 1234 5678',
  billing_line1: 'Av. Reforma 1',
  billing_city: 'CDMX',
  billing_country: 'mx',
  tags: 'mayoreo; norte, mayoreo',
};

describe('importing customers', () => {
  test('creates a customer with its terms, address, tags, collector and billing contact; the same file twice is unchanged', async () => {
    const s = await seller();
    const rows = [
      { ...base, collector_email: s.collector.email },
      { erp_id: 'CL-002', name: 'Farmacia Sol' },
    ];
    const first = await s.run(rows);
    expect(first.errors).toEqual([]);
    expect(first.counts).toMatchObject({ documents: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 });

    const pepe = (await s.customer('CL-001'))!;
    expect(pepe).toMatchObject({
      account_number: 'CL-001',
      name: 'Abarrotes Don Pepe',
      tax_id: 'ADP010101AAA',
      currency: 'USD',
      locale: 'en',
      payment_terms_days: 45,
      credit_limit: 1500050n,
      billing_address: { line1: 'Av. Reforma 1', city: 'CDMX', country: 'MX' },
      collector_user_id: s.collector.id,
      tags: ['mayoreo', 'norte'],
    });
    expect(await s.contacts(pepe.id)).toEqual([
      {
        name: 'Abarrotes Don Pepe',
        email: 'pagos@donpepe.mx',
        phone: '+52 55 1234 5678',
        role: 'billing',
        locale: 'en',
      },
    ]);
    const sol = (await s.customer('CL-002'))!;
    expect(sol).toMatchObject({
      account_number: 'CL-002',
      currency: 'MXN',
      locale: 'es',
      payment_terms_days: 30,
    });
    expect(await s.contacts(sol.id)).toEqual([]);
    expect((await s.audits(pepe.id)).map((a) => a.action)).toEqual([
      'customer_account.created',
      'customer_contact.added',
    ]);

    const second = await s.run(rows);
    expect(second.errors).toEqual([]);
    expect(second.counts).toMatchObject({ documents: 2, created: 0, updated: 0, unchanged: 2 });
    expect(await s.audits(pepe.id)).toHaveLength(2);
  });

  test('an update changes only what the file gives, audited before → after; a hand-made customer is linked by account number', async () => {
    const s = await seller();
    await s.run([base]);
    const made = await createCustomer(
      { db },
      {
        orgId: s.org.id,
        accountNumber: 'CL-009',
        name: 'Hecho a mano',
        currency: 'MXN',
        locale: 'es',
        actor: {},
      },
    );
    const result = await s.run([
      {
        erp_id: 'CL-001',
        name: 'Abarrotes Don Pepe SA',
        credit_limit: '20000',
        phone: '555',
        billing_city: 'Toluca',
      },
      { erp_id: 'CL-009', name: 'Hecho a mano' },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.counts).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    const pepe = (await s.customer('CL-001'))!;
    expect(pepe).toMatchObject({
      name: 'Abarrotes Don Pepe SA',
      tax_id: 'ADP010101AAA',
      payment_terms_days: 45,
      credit_limit: 2000000n,
      billing_address: { line1: 'Av. Reforma 1', city: 'Toluca', country: 'MX' },
      tags: ['mayoreo', 'norte'],
    });
    expect(await s.contacts(pepe.id)).toMatchObject([{ email: 'pagos@donpepe.mx', phone: '555' }]);
    const updated = (await s.audits(pepe.id)).find((a) => a.action === 'customer_account.updated');
    expect(updated).toMatchObject({
      actor_user_id: s.user.id,
      before: {
        name: 'Abarrotes Don Pepe',
        creditLimit: '1500050',
        billingAddress: { line1: 'Av. Reforma 1', city: 'CDMX', country: 'MX' },
      },
      after: {
        name: 'Abarrotes Don Pepe SA',
        creditLimit: '2000000',
        billingAddress: { line1: 'Av. Reforma 1', city: 'Toluca', country: 'MX' },
      },
    });
    expect(Object.keys(updated!.after as object).sort()).toEqual(['billingAddress', 'creditLimit', 'name']);
    expect((await s.customer('CL-009'))!.id).toBe(made.id);
  });

  test('bad rows are reported by line and field; all mode applies nothing, row mode the good rows', async () => {
    const s = await seller();
    const other = await createOrg(db);
    const outsider = await createUser(db);
    await addStaff(db, other.id, outsider.id);
    await createCustomerAccount(db, s.org.id, { account_number: 'TAKEN', erp_id: 'SOMEONE' });
    const rows = [
      { erp_id: 'OK-1', name: 'Bien' },
      { erp_id: 'OK-1', name: 'Repetido' },
      { erp_id: 'T-1', name: 'Plazo', payment_terms_days: '4000' },
      { erp_id: 'L-1', name: 'Límite', credit_limit: '-1' },
      { erp_id: 'L-2', name: 'Límite', credit_limit: '10.005' },
      { erp_id: 'L-3', name: 'Yenes', currency: 'JPY', credit_limit: '10.5' },
      { erp_id: 'G-1', name: 'Gestor', collector_email: outsider.email },
      { erp_id: 'A-1', name: 'Cuenta', account_number: 'TAKEN' },
      { erp_id: 'A-2', name: 'Cuenta', account_number: 'OK-1' },
    ];
    const all = await s.run(rows);
    expect(all.applied).toBe(false);
    expect(all.errors).toEqual([
      { line: 3, field: 'erp_id', code: 'duplicate_in_file', params: { number: 'OK-1', line: 2 } },
      { line: 4, field: 'payment_terms_days', code: 'terms_out_of_range', params: { min: 0, max: 3650 } },
      { line: 5, field: 'credit_limit', code: 'amount_negative', params: {} },
      { line: 6, field: 'credit_limit', code: 'too_many_decimals', params: { digits: 2 } },
      { line: 7, field: 'credit_limit', code: 'too_many_decimals', params: { digits: 0 } },
      { line: 8, field: 'collector_email', code: 'unknown_collector', params: { email: outsider.email } },
      { line: 9, field: 'account_number', code: 'account_number_taken', params: { number: 'TAKEN' } },
      { line: 10, field: 'account_number', code: 'duplicate_in_file', params: { number: 'OK-1', line: 2 } },
    ]);
    expect(await s.customer('OK-1')).toBeUndefined();

    const byRow = await s.run(rows, 'rows');
    expect(byRow.counts).toMatchObject({ documents: 9, created: 1, rejected: 8 });
    expect((await s.customer('OK-1'))!.name).toBe('Bien');
  });

  test('a customer’s currency is fixed once a document names it, as in the console', async () => {
    const s = await seller();
    await s.run([base, { erp_id: 'CL-002', name: 'Sin documentos', currency: 'USD' }]);
    const pepe = (await s.customer('CL-001'))!;
    await createInvoice(
      { db },
      {
        orgId: s.org.id,
        customerId: pepe.id,
        number: 'F-1',
        issueDate: '2025-01-01',
        lines: [{ description: 'x', quantity: '1', unitPrice: '10' }],
        actor: {},
      },
    );
    const result = await s.run(
      [
        { erp_id: 'CL-001', name: base.name, currency: 'MXN' },
        { erp_id: 'CL-002', name: 'Sin documentos', currency: 'MXN' },
      ],
      'rows',
    );
    expect(result.errors).toEqual([
      { line: 2, field: 'currency', code: 'currency_locked', params: { currency: 'USD' } },
    ]);
    expect(result.counts).toMatchObject({ rejected: 1, updated: 1 });
    expect((await s.customer('CL-001'))!.currency).toBe('USD');
    expect((await s.customer('CL-002'))!.currency).toBe('MXN');
  });

  test("another seller's customer with the same ERP id is not touched", async () => {
    const s = await seller();
    const other = await createOrg(db);
    const theirs = await createCustomerAccount(db, other.id, {
      erp_id: 'CL-001',
      account_number: 'CL-001',
      name: 'Theirs',
    });
    const result = await s.run([base]);
    expect(result.counts).toMatchObject({ created: 1 });
    const still = await db
      .selectFrom('customer_accounts')
      .select('name')
      .where('org_id', '=', other.id)
      .where('id', '=', theirs.id)
      .executeTakeFirstOrThrow();
    expect(still.name).toBe('Theirs');
  });
});
