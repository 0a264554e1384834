import { describe, expect, test } from 'vitest';
import { as, seedSeller, signIn, signInTo, useTestApp } from '../support/app.ts';
import { addStaff } from '../support/factories.ts';

const { app, db } = await useTestApp();
const sellerA = await seedSeller(db, { name: 'Distribuidora del Valle' });
const sellerB = await seedSeller(db, { name: 'Abarrotes del Norte' });

const requestReset = (email: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/password-reset-requests', payload: { email } });

async function newestMessageTo(email: string) {
  return db
    .selectFrom('mail_messages')
    .select(['id', 'text_body'])
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
}

/** Every way a seller's staff can read its Outbox: the list, the message and its HTML. */
async function outboxReads(session: Awaited<ReturnType<typeof signIn>>, id: string) {
  const request = as(app, session);
  const list = await request({ method: 'GET', url: '/api/v1/console/outbox?pageSize=100' });
  const message = await request({ method: 'GET', url: `/api/v1/console/outbox/${id}` });
  const html = await request({ method: 'GET', url: `/api/v1/console/outbox/${id}/html` });
  return { list, message, html, bodies: list.body + message.body + html.body };
}

describe('the Outbox never hands a sign-in link to a seller', () => {
  test('seller A cannot read the reset of a login who is also staff of seller B (the takeover)', async () => {
    // B's owner is also a viewer at A: A's owner asks for her reset and looks for it in A's Outbox.
    await addStaff(db, sellerA.org.id, sellerB.staff.owner.id, 'viewer');
    expect((await requestReset(sellerB.staff.owner.email)).statusCode).toBe(202);
    const reset = await newestMessageTo(sellerB.staff.owner.email);
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(reset.text_body ?? '')?.[1];
    expect(token).toBeTruthy();

    const ownerA = await signInTo(app, sellerA.staff.owner.email, { kind: 'staff', orgId: sellerA.org.id });
    const reads = await outboxReads(ownerA, reset.id);
    expect(reads.list.statusCode).toBe(200);
    expect(reads.list.json().items.map((m: { id: string }) => m.id)).not.toContain(reset.id);
    expect(reads.message.statusCode).toBe(404);
    expect(reads.html.statusCode).toBe(404);
    expect(reads.bodies).not.toContain(token);
  });

  test("a seller cannot read the reset of its own customer's user, nor of its own staff", async () => {
    const owner = await signIn(app, sellerA.staff.owner.email);
    for (const email of [sellerA.customers.payer.email, sellerA.staff.ar_agent.email]) {
      await requestReset(email);
      const reset = await newestMessageTo(email);
      const reads = await outboxReads(owner, reset.id);
      expect(reads.list.json().items.map((m: { id: string }) => m.id)).not.toContain(reset.id);
      expect(reads.message.statusCode).toBe(404);
      expect(reads.html.statusCode).toBe(404);
    }
  });

  test('an invitation is listed with its details, and its body is withheld through every route', async () => {
    const admin = await signIn(app, sellerA.staff.admin.email);
    const invite = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: '/api/v1/console/invitations',
      payload: { email: 'nueva@valle.test', role: 'ar_agent' },
    });
    expect(invite.statusCode).toBe(201);
    const stored = await newestMessageTo('nueva@valle.test');
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(stored.text_body ?? '')?.[1];
    expect(token).toBeTruthy();

    for (const role of ['owner', 'admin'] as const) {
      const session = await signIn(app, sellerA.staff[role].email);
      const reads = await outboxReads(session, stored.id);
      expect(reads.list.json().items.find((m: { id: string }) => m.id === stored.id)).toMatchObject({
        to: 'nueva@valle.test',
        template: 'invitation_staff',
        status: 'queued',
        sensitive: true,
      });
      expect(reads.message.statusCode).toBe(200);
      expect(reads.message.json()).toMatchObject({
        to: 'nueva@valle.test',
        sensitive: true,
        bodyWithheld: true,
        text: null,
        html: null,
      });
      expect(reads.html.statusCode).toBe(404);
      expect(reads.bodies).not.toContain(token);
    }
  });
});
