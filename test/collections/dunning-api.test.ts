import { describe, expect, test } from 'vitest';
import { as, seedSeller, signInTo, useTestApp } from '../support/app.ts';

/**
 * The dunning routes as the console calls them: who may change what, and bad input answered with
 * a translated problem that names the field, changing nothing.
 */
const { app, db } = await useTestApp();
const seller = await seedSeller(db);
const orgId = seller.org.id;
const owner = as(app, await signInTo(app, seller.staff.owner.email, { kind: 'staff', orgId }));
const agent = as(app, await signInTo(app, seller.staff.ar_agent.email, { kind: 'staff', orgId }));
const body = {
  enabled: true,
  hour: 9,
  steps: [
    { offsetDays: 15, template: 'reminder' },
    { offsetDays: -3, template: 'reminder_upcoming' },
  ],
  holdRules: { overdueDays: 60, overLimit: false },
};

describe('settings', () => {
  test('a new seller sees the default sequence, off', async () => {
    const r = await owner({ method: 'GET', url: '/api/v1/console/dunning' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      enabled: false,
      hour: 9,
      holdRules: { overdueDays: null, overLimit: false },
    });
    expect(r.json().steps.map((s: { offsetDays: number }) => s.offsetDays)).toEqual([-3, 0, 7, 15, 30]);
  });

  test('the owner saves steps (kept in order) and the next run is announced', async () => {
    const r = await owner({ method: 'PUT', url: '/api/v1/console/dunning', payload: body });
    expect(r.statusCode).toBe(200);
    expect(r.json().steps).toEqual([
      { offsetDays: -3, template: 'reminder_upcoming' },
      { offsetDays: 15, template: 'reminder' },
    ]);
    expect(Date.parse(r.json().nextRunAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  test('an AR agent may read but not change them', async () => {
    expect((await agent({ method: 'GET', url: '/api/v1/console/dunning' })).statusCode).toBe(200);
    const r = await agent({ method: 'PUT', url: '/api/v1/console/dunning', payload: { ...body, hour: 3 } });
    expect(r.statusCode).toBe(403);
  });

  test('two steps on one day, an impossible hour, a huge offset: refused, in Spanish, nothing saved', async () => {
    const dup = await owner({
      method: 'PUT',
      url: '/api/v1/console/dunning',
      headers: { 'accept-language': 'es' },
      payload: {
        ...body,
        steps: [
          { offsetDays: 7, template: 'reminder' },
          { offsetDays: 7, template: 'reminder_final' },
        ],
      },
    });
    expect(dup.statusCode).toBe(400);
    expect(JSON.stringify(dup.json())).toContain('tiene dos pasos el mismo día');
    for (const payload of [
      { ...body, hour: 24 },
      { ...body, steps: [{ offsetDays: 99999999999, template: 'reminder' }] },
      { ...body, steps: [{ offsetDays: 1, template: 'reminder\u0000' }] },
      { ...body, holdRules: { overdueDays: 0, overLimit: false } },
    ]) {
      const r = await owner({ method: 'PUT', url: '/api/v1/console/dunning', payload });
      expect(r.statusCode).toBe(400);
    }
    const stored = await owner({ method: 'GET', url: '/api/v1/console/dunning' });
    expect(stored.json().steps.map((s: { offsetDays: number }) => s.offsetDays)).toEqual([-3, 15]);
    expect(stored.json().hour).toBe(9);
  });
});

describe('a customer', () => {
  test('own steps need at least one; off is kept; an unknown customer is not found', async () => {
    const url = `/api/v1/console/customers/${seller.account.id}/dunning`;
    const empty = await agent({ method: 'PUT', url, payload: { mode: 'custom', steps: [] } });
    expect(empty.statusCode).toBe(400);
    const off = await agent({ method: 'PUT', url, payload: { mode: 'off' } });
    expect(off.statusCode).toBe(200);
    expect(off.json().mode).toBe('off');
    const missing = await agent({
      method: 'GET',
      url: '/api/v1/console/customers/019a0000-0000-7000-8000-000000000000/dunning',
    });
    expect(missing.statusCode).toBe(404);
  });

  test('send reminder now to a customer nobody receives reminders for is refused, saying why', async () => {
    const r = await agent({
      method: 'POST',
      url: `/api/v1/console/customers/${seller.account.id}/reminders`,
      headers: { 'accept-language': 'en' },
      payload: {},
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('no_reminder_recipients');
    expect(r.json().title).toContain('receives reminders');
  });

  test('the preview and statistics answer for any staff', async () => {
    const preview = await agent({ method: 'GET', url: '/api/v1/console/dunning/preview?days=30' });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().from <= preview.json().to).toBe(true);
    expect((await agent({ method: 'GET', url: '/api/v1/console/dunning/preview?days=61' })).statusCode).toBe(
      400,
    );
    expect((await agent({ method: 'GET', url: '/api/v1/console/dunning/stats' })).statusCode).toBe(200);
  });
});
