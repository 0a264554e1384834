import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createApiKey } from '../../src/domain/identity/create-api-key.ts';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';

/**
 * Batch upserts for the ERP (`POST /api/v1/<kind>/batch`, API key with integration:write): the
 * same engine as a file import, synchronously; per-document errors with the document's index,
 * field and a message in the seller's language (or Accept-Language); the same documents twice are
 * unchanged; Idempotency-Key replays the answer and refuses another body; 1,000 documents at most;
 * the run is recorded with channel 'api'.
 */
const { app, db } = await useTestApp();
const s = await seedSeller(db);
const key = async (scopes: ('integration:read' | 'integration:write')[], orgId = s.org.id) =>
  (await createApiKey({ db }, { orgId, name: 'ERP', scopes, createdBy: null, actor: {} })).key;
const writeKey = await key(['integration:read', 'integration:write']);
const readKey = await key(['integration:read']);

const post = (
  path: string,
  body: Record<string, unknown>,
  options: { key?: string; idempotencyKey?: string; language?: string; mode?: string } = {},
) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/${path}/batch${options.mode ? `?mode=${options.mode}` : ''}`,
    headers: {
      authorization: `Bearer ${options.key ?? writeKey}`,
      ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
      ...(options.language ? { 'accept-language': options.language } : {}),
    },
    payload: body,
  });

const tag = randomUUID().slice(0, 6);
const customers = [
  {
    erpId: `C1-${tag}`,
    name: 'Ferretería Ñandú',
    currency: 'MXN',
    paymentTermsDays: 30,
    creditLimit: '12500.50',
  },
  { erpId: `C2-${tag}`, name: 'Café "Año Nuevo", S.A.', email: 'cxp@cafe.mx', notes: undefined },
].map(({ notes: _n, ...c }) => c);

describe('customers', () => {
  test('created, then unchanged when sent again; the run is an import with channel api', async () => {
    const first = await post('customers', { documents: customers });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      import: {
        status: 'completed',
        channel: 'api',
        kind: 'customers',
        summary: { created: 2, committed: true },
      },
      errors: [],
    });
    const stored = await db
      .selectFrom('customer_accounts')
      .select(['name', 'credit_limit', 'payment_terms_days'])
      .where('org_id', '=', s.org.id)
      .where('erp_id', '=', `C1-${tag}`)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      name: 'Ferretería Ñandú',
      credit_limit: 1250050n,
      payment_terms_days: 30,
    });
    const second = await post('customers', { documents: customers });
    expect(second.json().import.summary).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const owner = as(app, await signInTo(app, s.staff.owner.email, { kind: 'staff', orgId: s.org.id }));
    const listed = await owner({ method: 'GET', url: '/api/v1/console/imports' });
    expect(listed.json().imports.map((r: { id: string }) => r.id)).toContain(first.json().import.id);
  });

  test('Idempotency-Key: the same body answers the same result again; another body is refused', async () => {
    const idempotencyKey = randomUUID();
    const body = { documents: [{ erpId: `C3-${tag}`, name: 'Tres SA' }] };
    const first = await post('customers', body, { idempotencyKey });
    expect(first.json().import.summary.created).toBe(1);
    const replay = await post('customers', body, { idempotencyKey });
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    const other = await post(
      'customers',
      { documents: [{ erpId: `C3-${tag}`, name: 'Otro' }] },
      { idempotencyKey },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
  });

  test('bad documents: the schema refuses unknown fields, bad types and more than 1,000 documents', async () => {
    expect(
      (await post('customers', { documents: [{ erpId: 'X', name: 'Y', color: 'red' }] })).statusCode,
    ).toBe(400);
    expect(
      (await post('customers', { documents: [{ erpId: 'X', name: 'Y', creditLimit: 10 }] })).statusCode,
    ).toBe(400);
    expect((await post('customers', { documents: [] })).statusCode).toBe(400);
    const many = Array.from({ length: 1001 }, (_, i) => ({ erpId: `M-${i}`, name: `Cliente ${i}` }));
    const tooMany = await post('customers', { documents: many });
    expect(tooMany.statusCode).toBe(400);
    const none = await db
      .selectFrom('customer_accounts')
      .select('id')
      .where('org_id', '=', s.org.id)
      .where('erp_id', '=', 'M-0')
      .execute();
    expect(none).toEqual([]);
  });

  test('a key without integration:write is 403; no key is 401', async () => {
    expect((await post('customers', { documents: customers }, { key: readKey })).statusCode).toBe(403);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/customers/batch',
      payload: { documents: customers },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('invoices', () => {
  const invoice = (number: string, customerErpId: string, extra: object = {}) => ({
    number,
    customerErpId,
    issueDate: '2026-11-02',
    dueDate: '2026-12-02',
    currency: 'MXN',
    lines: [
      { description: 'Tornillos', quantity: '10', unitPrice: '12.50', taxRate: '16' },
      { description: 'Tuercas', quantity: '4', unitPrice: '3.25' },
    ],
    fees: [{ name: 'Flete', amount: '100.00' }],
    ...extra,
  });

  test('invoices with lines and fees are created; a bad one is reported by index and field, in words', async () => {
    await post('customers', { documents: customers });
    const body = {
      documents: [invoice(`F-${tag}-1`, `C1-${tag}`), invoice(`F-${tag}-2`, `NOBODY-${tag}`)],
    };
    const r = await post('invoices', body);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().import.summary).toMatchObject({ created: 1, rejected: 1 });
    expect(r.json().errors).toEqual([
      expect.objectContaining({ index: 1, field: 'customerErpId', code: 'unknown_customer' }),
    ]);
    const stored = await db
      .selectFrom('invoices')
      .select(['total', 'fee_total'])
      .where('org_id', '=', s.org.id)
      .where('number', '=', `F-${tag}-1`)
      .executeTakeFirstOrThrow();
    // 10 × 12.50 = 125.00 + 16 % = 145.00; 4 × 3.25 = 13.00; freight 100.00.
    expect(stored).toEqual({ total: 25800n, fee_total: 10000n });
  });

  test('mode=all applies nothing when any document is bad', async () => {
    const r = await post(
      'invoices',
      { documents: [invoice(`F-${tag}-5`, `C1-${tag}`), invoice(`F-${tag}-6`, `NOBODY-${tag}`)] },
      { mode: 'all' },
    );
    expect(r.json().import).toMatchObject({ status: 'rejected', summary: { committed: false } });
    const none = await db
      .selectFrom('invoices')
      .select('id')
      .where('org_id', '=', s.org.id)
      .where('number', '=', `F-${tag}-5`)
      .execute();
    expect(none).toEqual([]);
  });

  test('an error inside a line names the line', async () => {
    await post('customers', { documents: customers });
    const bad = invoice(`F-${tag}-7`, `C1-${tag}`, {
      lines: [
        { description: 'Bien', quantity: '1', unitPrice: '1.00' },
        { description: 'Demasiados decimales', quantity: '1', unitPrice: '1.001', discount: '0.001' },
      ],
      fees: [],
    });
    const r = await post('invoices', { documents: [bad] }, { language: 'en' });
    expect(r.json().errors[0]).toMatchObject({ index: 0, field: 'lines.1.discount', code: 'too_precise' });
  });

  test('messages are in the seller’s language (es here) unless Accept-Language asks for another', async () => {
    const far = { documents: [{ erpId: `C9-${tag}`, name: 'Plazo largo', paymentTermsDays: 5000 }] };
    const es = await post('customers', far);
    const en = await post('customers', far, { language: 'en' });
    expect(es.json().errors).toEqual([
      expect.objectContaining({ index: 0, field: 'paymentTermsDays', code: 'terms_out_of_range' }),
    ]);
    expect(es.json().errors[0].message).toMatch(/días/);
    expect(en.json().errors[0].message).toMatch(/days/);
  });
});

describe('credit memos, payments and holds', () => {
  test('each kind takes its documents through the same engine', async () => {
    await post('customers', { documents: customers });
    await post('invoices', {
      documents: [
        {
          number: `P-${tag}`,
          customerErpId: `C1-${tag}`,
          issueDate: '2026-11-02',
          currency: 'MXN',
          lines: [{ description: 'Cemento', quantity: '2', unitPrice: '500.00' }],
        },
      ],
    });
    const credit = await post('credit-memos', {
      documents: [
        {
          number: `NC-${tag}`,
          customerErpId: `C1-${tag}`,
          issueDate: '2026-11-03',
          amount: '100.00',
          currency: 'MXN',
        },
      ],
    });
    expect(credit.json().import.summary, credit.body).toMatchObject({ created: 1 });
    const payment = await post('payments', {
      documents: [
        {
          erpId: `PAGO-${tag}`,
          customerErpId: `C1-${tag}`,
          receivedOn: '2026-11-04',
          amount: '300.00',
          currency: 'MXN',
          method: 'bank_transfer',
          applications: [{ invoiceNumber: `P-${tag}`, amount: '300.00' }],
        },
      ],
    });
    expect(payment.json().import.summary, payment.body).toMatchObject({ created: 1 });
    const paid = await db
      .selectFrom('invoices')
      .select('open_amount')
      .where('org_id', '=', s.org.id)
      .where('number', '=', `P-${tag}`)
      .executeTakeFirstOrThrow();
    // 1,000.00 invoiced, 100.00 credited (not applied: no invoice named), 300.00 paid.
    expect(paid.open_amount).toBe(70000n);
    const hold = await post('holds', {
      documents: [{ customerErpId: `C2-${tag}`, status: 'on_hold', reason: 'Vencido' }],
    });
    expect(hold.json().import.summary, hold.body).toMatchObject({ rejected: 0 });
    expect(hold.json().errors).toEqual([]);
  });
});
