import { beforeAll, describe, expect, test } from 'vitest';
import type { Organization, User } from '../../src/db/schema.ts';
import type { OutgoingMail } from '../../src/domain/mail/mail-port.ts';
import { getOutboxMessage, listOutbox } from '../../src/domain/mail/outbox.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { useTestDb } from '../support/db.ts';
import {
  addCustomerUser,
  addStaff,
  createCustomerAccount,
  createOrg,
  createUser,
} from '../support/factories.ts';

const { db } = useTestDb();
const mailer = createOutboxMailer({ mailFrom: 'Saldo <no-reply@saldo.test>' });

const reset = (user: User): OutgoingMail => ({
  orgId: null,
  to: user.email,
  locale: 'es',
  template: 'password_reset',
  data: { name: user.name, url: 'http://localhost:3000/reset?token=t', expiresInMinutes: 60 },
});
const staffInvite = (org: Organization, to: string): OutgoingMail => ({
  orgId: org.id,
  to,
  locale: 'es',
  template: 'invitation_staff',
  data: {
    inviterName: 'José Peña',
    orgName: org.name,
    role: 'viewer',
    url: 'http://localhost:3000/i?t=1',
    expiresInDays: 7,
  },
});

let orgA: Organization;
let orgB: Organization;
const ids: Record<string, string> = {};

beforeAll(async () => {
  orgA = await createOrg(db, { name: 'Distribuidora del Valle' });
  orgB = await createOrg(db, { name: 'Abarrotes del Norte' });
  const staffA = await createUser(db);
  const customerA = await createUser(db);
  const staffB = await createUser(db);
  const customerB = await createUser(db);
  const stranger = await createUser(db);
  await addStaff(db, orgA.id, staffA.id, 'ar_agent');
  await addStaff(db, orgB.id, staffB.id, 'owner');
  const accountA = await createCustomerAccount(db, orgA.id);
  const accountB = await createCustomerAccount(db, orgB.id);
  await addCustomerUser(db, orgA.id, accountA.id, customerA.id, 'payer');
  await addCustomerUser(db, orgB.id, accountB.id, customerB.id, 'accountant');

  // Enqueued one by one: UUIDv7 ids and created_at give a stable newest-first order.
  ids.inviteA = (await mailer.enqueue(db, staffInvite(orgA, 'nuevo.100%_real@a.example'))).id;
  ids.resetStaffA = (await mailer.enqueue(db, reset(staffA))).id;
  ids.resetCustomerA = (await mailer.enqueue(db, reset(customerA))).id;
  ids.inviteB = (await mailer.enqueue(db, staffInvite(orgB, 'nuevo@b.example'))).id;
  ids.resetStaffB = (await mailer.enqueue(db, reset(staffB))).id;
  ids.resetCustomerB = (await mailer.enqueue(db, reset(customerB))).id;
  ids.resetStranger = (await mailer.enqueue(db, reset(stranger))).id;
});

describe('outbox visibility', () => {
  test('an org sees its own messages and resets of its staff and customer users, newest first', async () => {
    const { items, total } = await listOutbox(db, { orgId: orgA.id, page: 1, pageSize: 50 });
    expect(total).toBe(3);
    expect(items.map((m) => m.id)).toEqual([ids.resetCustomerA, ids.resetStaffA, ids.inviteA]);
    expect(items[2]).toMatchObject({
      to: 'nuevo.100%_real@a.example',
      template: 'invitation_staff',
      status: 'queued',
      attempts: 0,
      sentAt: null,
    });
    expect(items[2]!.createdAt).toBeInstanceOf(Date);
  });

  test("never another org's messages nor resets of people unrelated to the org", async () => {
    const a = await listOutbox(db, { orgId: orgA.id, page: 1, pageSize: 50 });
    const hidden = [ids.inviteB, ids.resetStaffB, ids.resetCustomerB, ids.resetStranger];
    for (const id of hidden) {
      expect(a.items.map((m) => m.id)).not.toContain(id);
      expect(await getOutboxMessage(db, { orgId: orgA.id, id: id! })).toBeUndefined();
    }
    const b = await listOutbox(db, { orgId: orgB.id, page: 1, pageSize: 50 });
    expect(b.items.map((m) => m.id).sort()).toEqual(
      [ids.inviteB, ids.resetStaffB, ids.resetCustomerB].sort(),
    );
  });

  test("a person of two orgs: their reset shows in both outboxes, a third org's stays empty", async () => {
    const [sellerC, sellerD, sellerE] = [
      await createOrg(db),
      await createOrg(db, { locale: 'en' }),
      await createOrg(db),
    ];
    const both = await createUser(db);
    await addStaff(db, sellerC.id, both.id, 'viewer');
    const account = await createCustomerAccount(db, sellerD.id);
    await addCustomerUser(db, sellerD.id, account.id, both.id, 'account_admin');
    const { id } = await mailer.enqueue(db, reset(both));
    expect(await getOutboxMessage(db, { orgId: sellerC.id, id })).toBeDefined();
    expect(await getOutboxMessage(db, { orgId: sellerD.id, id })).toBeDefined();
    expect(await listOutbox(db, { orgId: sellerE.id, page: 1, pageSize: 50 })).toEqual({
      items: [],
      total: 0,
    });
  });

  test('getOutboxMessage returns the full message', async () => {
    const message = await getOutboxMessage(db, { orgId: orgA.id, id: ids.inviteA! });
    expect(message).toMatchObject({
      id: ids.inviteA,
      orgId: orgA.id,
      locale: 'es',
      from: 'Saldo <no-reply@saldo.test>',
      to: 'nuevo.100%_real@a.example',
      subject: 'José Peña te invitó a unirte a Distribuidora del Valle en Saldo',
      sensitive: true,
      bodyRedacted: false,
      lastError: null,
      transport: null,
    });
    expect(message?.text).toContain('http://localhost:3000/i?t=1');
    expect(message?.html).toContain('<!DOCTYPE html>');
    expect(await getOutboxMessage(db, { orgId: orgA.id, id: 'not-a-uuid' })).toBeUndefined();
  });

  test('q searches recipient and subject, with % and _ taken literally', async () => {
    const bySubject = await listOutbox(db, { orgId: orgA.id, page: 1, pageSize: 50, q: 'RESTABLECE' });
    expect(bySubject.items.map((m) => m.id).sort()).toEqual([ids.resetStaffA, ids.resetCustomerA].sort());
    const byRecipient = await listOutbox(db, { orgId: orgA.id, page: 1, pageSize: 50, q: '100%_real' });
    expect(byRecipient.items.map((m) => m.id)).toEqual([ids.inviteA]);
    expect((await listOutbox(db, { orgId: orgA.id, page: 1, pageSize: 50, q: '%' })).total).toBe(1);
    expect((await listOutbox(db, { orgId: orgA.id, page: 1, pageSize: 50, q: '_' })).total).toBe(1);
    // Another org's subject never matches.
    expect((await listOutbox(db, { orgId: orgA.id, page: 1, pageSize: 50, q: 'Abarrotes' })).total).toBe(0);
  });

  test('pages', async () => {
    const first = await listOutbox(db, { orgId: orgA.id, page: 1, pageSize: 2 });
    const second = await listOutbox(db, { orgId: orgA.id, page: 2, pageSize: 2 });
    expect(first.total).toBe(second.total);
    expect(first.items).toHaveLength(2);
    const all = await listOutbox(db, { orgId: orgA.id, page: 1, pageSize: 50 });
    expect([...first.items, ...second.items].map((m) => m.id)).toEqual(all.items.map((m) => m.id));
  });
});
