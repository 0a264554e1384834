import { describe, expect, test } from 'vitest';
import { createInvoice } from '../../src/domain/invoices/create-invoice.ts';
import { recordPayment } from '../../src/domain/payments/record-payment.ts';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';
import { createOrg } from '../support/factories.ts';

const { app, db } = await useTestApp();
const seller = await seedSeller(db);
const orgId = seller.org.id;
const staff = (role: 'owner' | 'admin' | 'ar_agent' | 'viewer') =>
  signInTo(app, seller.staff[role].email, { kind: 'staff', orgId }).then((s) => as(app, s));
const agent = await staff('ar_agent');
const viewer = await staff('viewer');

function mx(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

let seq = 0;
async function customer(body: Record<string, unknown> = {}) {
  seq += 1;
  const r = await agent({
    method: 'POST',
    url: '/api/v1/console/customers',
    payload: { accountNumber: `CL-${seq}`, name: `Cliente ${seq}`, currency: 'MXN', locale: 'es', ...body },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}
async function invoiceFor(customerId: string, number: string, pesos: string, dueInDays: number) {
  return createInvoice(
    { db },
    {
      orgId,
      customerId,
      number,
      issueDate: mx(Math.min(dueInDays, 0) - 5),
      dueDate: mx(dueInDays),
      lines: [{ description: 'x', quantity: '1', unitPrice: pesos }],
      actor: {},
    },
  );
}
const audits = (entityId: string) =>
  db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'before', 'after'])
    .where('org_id', '=', orgId)
    .where('entity_id', '=', entityId)
    .orderBy('at')
    .orderBy('id')
    .execute();

describe('creating and changing a customer', () => {
  test('creates with AR terms, audited', async () => {
    const created = await customer({
      accountNumber: 'NEW-1',
      name: 'Taquería El Güero',
      taxId: 'TEG010101AB1',
      paymentTermsDays: 15,
      creditLimit: 5000000,
      billingAddress: { line1: 'Av. Reforma 1', city: 'CDMX', country: 'MX' },
      collectorUserId: seller.staff.ar_agent.id,
      tags: ['vip', ' vip ', 'norte'],
    });
    expect(created).toMatchObject({
      accountNumber: 'NEW-1',
      name: 'Taquería El Güero',
      taxId: 'TEG010101AB1',
      currency: 'MXN',
      paymentTermsDays: 15,
      creditLimit: 5000000,
      billingAddress: { line1: 'Av. Reforma 1', city: 'CDMX', country: 'MX' },
      shippingAddress: {},
      collector: { userId: seller.staff.ar_agent.id, name: 'Staff ar_agent' },
      tags: ['vip', 'norte'],
      holdStatus: 'active',
      hold: { status: 'active', reason: null, customerMessage: null, by: null, at: null },
      contacts: [],
      aging: [],
      balances: [
        { currency: 'MXN', total: 0, overdue: 0, notYetDue: 0, unappliedCash: 0, unappliedCredits: 0 },
      ],
    });
    const rows = await audits(created.id);
    expect(rows.map((r) => [r.action, r.actor_user_id])).toEqual([
      ['customer_account.created', seller.staff.ar_agent.id],
    ]);
  });

  test('refuses a taken account number, a collector of another seller, a viewer', async () => {
    await customer({ accountNumber: 'TAKEN-1' });
    const dup = await agent({
      method: 'POST',
      url: '/api/v1/console/customers',
      payload: { accountNumber: 'TAKEN-1', name: 'x', currency: 'MXN', locale: 'es' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('duplicate_number');
    const otherSeller = await seedSeller(db);
    const foreignCollector = await agent({
      method: 'POST',
      url: '/api/v1/console/customers',
      payload: {
        accountNumber: 'FC-1',
        name: 'x',
        currency: 'MXN',
        locale: 'es',
        collectorUserId: otherSeller.staff.owner.id,
      },
    });
    expect(foreignCollector.statusCode).toBe(400);
    const badCurrency = await agent({
      method: 'POST',
      url: '/api/v1/console/customers',
      payload: { accountNumber: 'BC-1', name: 'x', currency: 'ZZZ', locale: 'es' },
    });
    expect(badCurrency.statusCode).toBe(400);
    const byViewer = await viewer({
      method: 'POST',
      url: '/api/v1/console/customers',
      payload: { accountNumber: 'V-1', name: 'x', currency: 'MXN', locale: 'es' },
    });
    expect(byViewer.statusCode).toBe(403);
    expect(
      await db
        .selectFrom('customer_accounts')
        .select('id')
        .where('account_number', 'in', ['FC-1', 'BC-1', 'V-1'])
        .execute(),
    ).toEqual([]);
  });

  test('PATCH changes only the fields given, audited before → after', async () => {
    const created = await customer({ creditLimit: 100 });
    const r = await agent({
      method: 'PATCH',
      url: `/api/v1/console/customers/${created.id}`,
      payload: { name: 'Nuevo Nombre', creditLimit: 250000, shippingAddress: { city: 'Monterrey' } },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      name: 'Nuevo Nombre',
      creditLimit: 250000,
      shippingAddress: { city: 'Monterrey' },
      accountNumber: created.accountNumber,
    });
    const rows = await audits(created.id);
    expect(rows.at(-1)).toMatchObject({
      action: 'customer_account.updated',
      before: { name: created.name, creditLimit: '100', shippingAddress: {} },
      after: { name: 'Nuevo Nombre', creditLimit: '250000', shippingAddress: { city: 'Monterrey' } },
    });
    const empty = await agent({
      method: 'PATCH',
      url: `/api/v1/console/customers/${created.id}`,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    const byViewer = await viewer({
      method: 'PATCH',
      url: `/api/v1/console/customers/${created.id}`,
      payload: { name: 'x' },
    });
    expect(byViewer.statusCode).toBe(403);
    const taken = await agent({
      method: 'PATCH',
      url: `/api/v1/console/customers/${created.id}`,
      payload: { accountNumber: seller.account.account_number },
    });
    expect(taken.statusCode).toBe(409);
  });
});

describe('holds', () => {
  test('place and release, with reason, who and when, audited', async () => {
    const created = await customer();
    const held = await agent({
      method: 'POST',
      url: `/api/v1/console/customers/${created.id}/hold`,
      payload: { reason: 'Cheque devuelto' },
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({
      holdStatus: 'on_hold',
      holdReason: 'Cheque devuelto',
      hold: {
        status: 'on_hold',
        reason: 'Cheque devuelto',
        customerMessage: null,
        by: { userId: seller.staff.ar_agent.id, name: 'Staff ar_agent' },
      },
    });
    expect(held.json().hold.at).toEqual(expect.any(String));
    const noReason = await agent({
      method: 'POST',
      url: `/api/v1/console/customers/${created.id}/hold`,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const byViewer = await viewer({
      method: 'DELETE',
      url: `/api/v1/console/customers/${created.id}/hold`,
      payload: {},
    });
    expect(byViewer.statusCode).toBe(403);
    const released = await agent({
      method: 'DELETE',
      url: `/api/v1/console/customers/${created.id}/hold`,
      payload: { reason: 'Pagó' },
    });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ holdStatus: 'active', holdReason: null });
    const rows = await audits(created.id);
    expect(rows.slice(1).map((r) => [r.action, r.actor_user_id, r.after])).toEqual([
      [
        'customer_account.hold_placed',
        seller.staff.ar_agent.id,
        { holdStatus: 'on_hold', holdReason: 'Cheque devuelto', customerMessage: null },
      ],
      ['customer_account.hold_released', seller.staff.ar_agent.id, { holdStatus: 'active', reason: 'Pagó' }],
    ]);
  });

  test('the internal reason stays internal; the customer sees only the message meant for them', async () => {
    const created = await customer();
    const portalUser = seller.customers.payer; // a user of seller.account
    const customerSession = as(
      app,
      await signInTo(app, portalUser.email, { kind: 'customer', orgId, accountId: seller.account.id }),
    );
    const portalHold = async () =>
      (await customerSession({ method: 'GET', url: '/api/v1/portal/summary' })).json().hold;
    // Without a message: the portal learns only that the account is on hold.
    const quiet = await agent({
      method: 'POST',
      url: `/api/v1/console/customers/${seller.account.id}/hold`,
      payload: { reason: 'Riesgo: dos cheques devueltos, no avisar aún' },
    });
    expect(quiet.statusCode, quiet.body).toBe(200);
    expect(await portalHold()).toEqual({ status: 'on_hold', message: null });
    const summary = await customerSession({ method: 'GET', url: '/api/v1/portal/summary' });
    expect(summary.body).not.toContain('cheques devueltos');
    // With a message: the portal shows it, the console keeps both.
    const told = await agent({
      method: 'POST',
      url: `/api/v1/console/customers/${seller.account.id}/hold`,
      payload: {
        reason: 'Riesgo: dos cheques devueltos',
        customerMessage: '  Comuníquese con cobranza para liberar su cuenta.  ',
      },
    });
    expect(told.json().hold).toMatchObject({
      reason: 'Riesgo: dos cheques devueltos',
      customerMessage: 'Comuníquese con cobranza para liberar su cuenta.',
    });
    expect(await portalHold()).toEqual({
      status: 'on_hold',
      message: 'Comuníquese con cobranza para liberar su cuenta.',
    });
    const tooLong = await agent({
      method: 'POST',
      url: `/api/v1/console/customers/${created.id}/hold`,
      payload: { reason: 'x', customerMessage: 'a'.repeat(501) },
    });
    expect(tooLong.statusCode).toBe(400);
    // Releasing clears both.
    const released = await agent({
      method: 'DELETE',
      url: `/api/v1/console/customers/${seller.account.id}/hold`,
      payload: {},
    });
    expect(released.json().hold).toMatchObject({ status: 'active', reason: null, customerMessage: null });
    expect(await portalHold()).toEqual({ status: 'active', message: null });
  });

  test('releasing takes a JSON object, as the API document says: no body or null is a 400', async () => {
    const created = await customer();
    const url = `/api/v1/console/customers/${created.id}/hold`;
    await agent({ method: 'POST', url, payload: { reason: 'Revisión' } });
    for (const request of [
      { method: 'DELETE' as const, url, payload: 'null', headers: { 'content-type': 'application/json' } },
      { method: 'DELETE' as const, url },
    ]) {
      const r = await agent(request);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().code).toBe('validation_failed');
    }
    const detail = (await viewer({ method: 'GET', url: `/api/v1/console/customers/${created.id}` })).json();
    expect(detail.holdStatus).toBe('on_hold');
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operation = doc.paths['/api/v1/console/customers/{id}/hold'].delete;
    expect(operation.requestBody.required).toBe(true);
    expect((await agent({ method: 'DELETE', url, payload: {} })).statusCode).toBe(200);
  });
});

describe('contacts', () => {
  test('add, change and remove', async () => {
    const created = await customer();
    const added = await agent({
      method: 'POST',
      url: `/api/v1/console/customers/${created.id}/contacts`,
      payload: {
        name: 'Laura Pérez',
        email: 'Laura@Example.test',
        role: 'Cuentas por pagar',
        receives: ['invoices', 'statements'],
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    const contact = added.json();
    expect(contact).toMatchObject({
      name: 'Laura Pérez',
      email: 'laura@example.test',
      locale: 'es',
      receives: ['invoices', 'statements'],
      phone: null,
    });
    const changed = await agent({
      method: 'PATCH',
      url: `/api/v1/console/customers/${created.id}/contacts/${contact.id}`,
      payload: { phone: '+52 55 1234 5678' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Laura Pérez', phone: '+52 55 1234 5678' });
    const detail = (await viewer({ method: 'GET', url: `/api/v1/console/customers/${created.id}` })).json();
    expect(detail.contacts).toEqual([changed.json()]);
    const badEmail = await agent({
      method: 'POST',
      url: `/api/v1/console/customers/${created.id}/contacts`,
      payload: { name: 'x', email: 'nope' },
    });
    expect(badEmail.statusCode).toBe(400);
    // A contact is reached only through its own customer.
    const wrongCustomer = await agent({
      method: 'DELETE',
      url: `/api/v1/console/customers/${seller.account.id}/contacts/${contact.id}`,
    });
    expect(wrongCustomer.statusCode).toBe(404);
    const removed = await agent({
      method: 'DELETE',
      url: `/api/v1/console/customers/${created.id}/contacts/${contact.id}`,
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (await viewer({ method: 'GET', url: `/api/v1/console/customers/${created.id}` })).json().contacts,
    ).toEqual([]);
    expect((await audits(created.id)).map((r) => r.action)).toEqual([
      'customer_account.created',
      'customer_contact.added',
      'customer_contact.updated',
      'customer_contact.removed',
    ]);
  });
});

describe('balances, aging and activity', () => {
  test('detail shows balances and aging in the seller time zone', async () => {
    const created = await customer();
    await invoiceFor(created.id, 'B-TODAY', '100', 0); // due today: not overdue
    await invoiceFor(created.id, 'B-10', '200', -10);
    await invoiceFor(created.id, 'B-45', '300', -45);
    await invoiceFor(created.id, 'B-100', '400', -100);
    await recordPayment(
      { db },
      { orgId, customerId: created.id, amount: 5000n, receivedOn: mx(), method: 'cash', actor: {} },
    );
    const detail = (await viewer({ method: 'GET', url: `/api/v1/console/customers/${created.id}` })).json();
    expect(detail.balances).toEqual([
      {
        currency: 'MXN',
        overdue: 90000,
        notYetDue: 10000,
        unappliedCash: 5000,
        unappliedCredits: 0,
        total: 95000,
      },
    ]);
    expect(detail.aging).toEqual([
      {
        currency: 'MXN',
        current: 10000,
        d1_30: 20000,
        d31_60: 30000,
        d61_90: 0,
        d90_plus: 40000,
        total: 100000,
        unappliedCash: 5000,
        unappliedCredits: 0,
        balance: 95000,
      },
    ]);
    // The aging's balance is the balance: total − unapplied cash − unapplied credits.
    expect(detail.aging[0].balance).toBe(detail.balances[0].total);
  });

  test('activity lists the customer and its documents, newest business date first, paginated', async () => {
    const created = await customer();
    const inv = await invoiceFor(created.id, 'ACT-1', '100', 5);
    await agent({
      method: 'POST',
      url: `/api/v1/console/customers/${created.id}/hold`,
      payload: { reason: 'Revisión' },
    });
    const r = await viewer({
      method: 'GET',
      url: `/api/v1/console/customers/${created.id}/activity?pageSize=2`,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(r.json().items).toEqual([
      expect.objectContaining({
        action: 'customer_account.hold_placed',
        entityType: 'customer_account',
        summary: 'Revisión',
        actor: { name: 'Staff ar_agent' },
      }),
      expect.objectContaining({ action: 'customer_account.created', date: mx() }),
    ]);
    // The invoice was issued 5 days ago: older by its business date than today's entries.
    const page2 = (
      await viewer({
        method: 'GET',
        url: `/api/v1/console/customers/${created.id}/activity?pageSize=2&page=2`,
      })
    ).json();
    expect(page2.items).toEqual([
      expect.objectContaining({
        action: 'invoice.created',
        entityType: 'invoice',
        entityId: inv.id,
        summary: 'ACT-1',
        actor: null,
        date: mx(-5),
      }),
    ]);
  });

  test('activity shows the business date (issue, received, credit date) and is ordered by it', async () => {
    const created = await customer();
    // Recorded in this order, dated otherwise (as an ERP catching up, or the demo, would load them).
    const recent = await invoiceFor(created.id, 'BD-RECENT', '100', 0); // issued 5 days ago
    const old = await createInvoice(
      { db },
      {
        orgId,
        customerId: created.id,
        number: 'BD-OLD',
        issueDate: mx(-40),
        dueDate: mx(-10),
        lines: [{ description: 'x', quantity: '1', unitPrice: '50' }],
        actor: {},
      },
    );
    await recordPayment(
      { db },
      {
        orgId,
        customerId: created.id,
        amount: 1000n,
        receivedOn: mx(-20),
        method: 'cash',
        allocations: [{ invoiceId: old.id, amount: 1000n }],
        actor: {},
      },
    );
    const items = (
      await viewer({ method: 'GET', url: `/api/v1/console/customers/${created.id}/activity` })
    ).json().items as { date: string; action: string; entityId: string; at: string }[];
    expect(items.map((i) => [i.action, i.date])).toEqual([
      ['customer_account.created', mx()],
      ['invoice.created', mx(-5)],
      ['payment.recorded', mx(-20)],
      ['invoice.created', mx(-40)],
    ]);
    expect(items[1]!.entityId).toBe(recent.id);
    expect(items[3]!.entityId).toBe(old.id);
    for (const item of items) expect(item.at).toEqual(expect.any(String));
  });
});

describe('the list', () => {
  // A seller of its own, so the list holds exactly these customers.
  const setup = (async () => {
    const own = await seedSeller(db);
    const session = as(
      app,
      await signInTo(app, own.staff.viewer.email, { kind: 'staff', orgId: own.org.id }),
    );
    const ownAgent = as(
      app,
      await signInTo(app, own.staff.ar_agent.email, { kind: 'staff', orgId: own.org.id }),
    );
    const make = async (accountNumber: string, name: string, extra: Record<string, unknown> = {}) => {
      const r = await ownAgent({
        method: 'POST',
        url: '/api/v1/console/customers',
        payload: { accountNumber, name, currency: 'MXN', locale: 'es', ...extra },
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const alpha = await make('A-1', 'Alfa Abarrotes', { taxId: 'AAB900101XX1' });
    const beta = await make('B-1', 'Beta 100% Natural', { collectorUserId: own.staff.ar_agent.id });
    const gamma = await make('G-1', 'gamma cocina');
    const inv = (customerId: string, number: string, pesos: string, dueInDays: number) =>
      createInvoice(
        { db },
        {
          orgId: own.org.id,
          customerId,
          number,
          issueDate: mx(Math.min(dueInDays, 0) - 5),
          dueDate: mx(dueInDays),
          lines: [{ description: 'x', quantity: '1', unitPrice: pesos }],
          actor: {},
        },
      );
    await inv(alpha, 'A-INV', '500', 10); // balance 500, nothing overdue
    await inv(beta, 'B-INV', '300', -3); // 300 overdue
    await inv(gamma, 'G-INV', '900', -1); // 900 overdue, minus 800 unapplied cash
    await recordPayment(
      { db },
      { orgId: own.org.id, customerId: gamma, amount: 80000n, receivedOn: mx(), method: 'cash', actor: {} },
    );
    await ownAgent({
      method: 'POST',
      url: `/api/v1/console/customers/${gamma}/hold`,
      payload: { reason: 'Auditoría' },
    });
    return { own, session, alpha, beta, gamma };
  })();
  const names = async (query: string) => {
    const { session } = await setup;
    const r = await session({ method: 'GET', url: `/api/v1/console/customers?${query}` });
    expect(r.statusCode, r.body).toBe(200);
    return (r.json().items as { name: string }[]).map((c) => c.name);
  };

  test('sorts by name (default), balance and overdue on the server', async () => {
    await setup;
    expect(await names('')).toEqual([
      'Alfa Abarrotes',
      'Beta 100% Natural',
      'gamma cocina',
      'Restaurante La Esquina',
    ]);
    expect(await names('sort=-name')).toEqual([
      'Restaurante La Esquina',
      'gamma cocina',
      'Beta 100% Natural',
      'Alfa Abarrotes',
    ]);
    expect(await names('sort=-balance')).toEqual([
      'Alfa Abarrotes',
      'Beta 100% Natural',
      'gamma cocina',
      'Restaurante La Esquina',
    ]);
    expect(await names('sort=balance')).toEqual([
      'Restaurante La Esquina',
      'gamma cocina',
      'Beta 100% Natural',
      'Alfa Abarrotes',
    ]);
    expect(await names('sort=-overdue')).toEqual([
      'gamma cocina',
      'Beta 100% Natural',
      'Alfa Abarrotes',
      'Restaurante La Esquina',
    ]);
  });

  test('filters by q, hold, collector and overdue', async () => {
    const { own } = await setup;
    expect(await names('q=ALFA')).toEqual(['Alfa Abarrotes']);
    expect(await names('q=aab9001')).toEqual(['Alfa Abarrotes']);
    expect(await names('q=g-1')).toEqual(['gamma cocina']);
    expect(await names('q=100%25')).toEqual(['Beta 100% Natural']);
    expect(await names('q=_')).toEqual([]);
    expect(await names('hold=on_hold')).toEqual(['gamma cocina']);
    expect(await names(`collectorId=${own.staff.ar_agent.id}`)).toEqual(['Beta 100% Natural']);
    expect(await names('overdue=true&sort=-overdue')).toEqual(['gamma cocina', 'Beta 100% Natural']);
  });

  test('pages carry totals and each row its balances', async () => {
    const { session, gamma } = await setup;
    const r = (await session({ method: 'GET', url: '/api/v1/console/customers?pageSize=2&page=2' })).json();
    expect(r).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(r.items.map((c: { id: string }) => c.id)[0]).toBe(gamma);
    expect(r.items[0]).toMatchObject({
      holdStatus: 'on_hold',
      holdReason: 'Auditoría',
      balances: [
        {
          currency: 'MXN',
          overdue: 90000,
          notYetDue: 0,
          unappliedCash: 80000,
          unappliedCredits: 0,
          total: 10000,
        },
      ],
    });
    const bad = await session({ method: 'GET', url: '/api/v1/console/customers?sort=password' });
    expect(bad.statusCode).toBe(400);
  });

  test('other sellers never appear, customers cannot list', async () => {
    const stranger = await createOrg(db);
    expect(stranger.id).not.toBe(orgId);
    const mine = (await viewer({ method: 'GET', url: '/api/v1/console/customers?pageSize=100' })).json();
    const { own } = await setup;
    const theirs = await db
      .selectFrom('customer_accounts')
      .select('id')
      .where('org_id', '=', own.org.id)
      .execute();
    const ids = new Set(mine.items.map((c: { id: string }) => c.id));
    expect(theirs.some((t) => ids.has(t.id))).toBe(false);
    const customerSession = as(
      app,
      await signInTo(app, seller.customers.payer.email, {
        kind: 'customer',
        orgId,
        accountId: seller.account.id,
      }),
    );
    expect((await customerSession({ method: 'GET', url: '/api/v1/console/customers' })).statusCode).toBe(403);
  });
});

describe('amounts beyond 2^53 leave the API exact', () => {
  test("a customer's balance, aging and the seller's aging report keep every digit", async () => {
    // Ten invoices within the per-document bound add up past Number.MAX_SAFE_INTEGER: 2^53 + 1.
    const big = await customer({ accountNumber: 'BIG-1', name: 'Cliente grande' });
    for (let i = 0; i < 9; i += 1) await invoiceFor(big.id, `BIG-${i}`, '10000000000000.00', 30);
    await invoiceFor(big.id, 'BIG-9', '71992547409.93', 30);
    const expected = '9007199254740993';
    const detail = await agent({ method: 'GET', url: `/api/v1/console/customers/${big.id}` });
    expect(detail.statusCode).toBe(200);
    // Read the raw text: JSON.parse would itself round the number.
    expect(detail.body).toMatch(new RegExp(`"total":${expected}\\b`));
    expect(detail.body).toMatch(new RegExp(`"notYetDue":${expected}\\b`));
    expect(detail.body).toMatch(new RegExp(`"balance":${expected}\\b`));
    const list = await agent({ method: 'GET', url: '/api/v1/console/customers?q=BIG-1' });
    expect(list.body).toMatch(new RegExp(`"total":${expected}\\b`));
    const aging = await agent({ method: 'GET', url: '/api/v1/console/reports/aging' });
    expect(aging.statusCode).toBe(200);
    expect(aging.body).toMatch(new RegExp(`"current":${expected}\\b`));
  });
});
