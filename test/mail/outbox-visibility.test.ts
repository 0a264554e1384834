import { beforeAll, describe, expect, test } from 'vitest';
import type { Organization, User } from '../../src/db/schema.ts';
import { getOutboxMessage } from '../../src/domain/mail/get-outbox-message.ts';
import { listMailForOperator } from '../../src/domain/mail/list-mail-for-operator.ts';
import { listOutbox } from '../../src/domain/mail/list-outbox.ts';
import type { OutgoingMail } from '../../src/domain/mail/mail-port.ts';
import { readMailForOperator } from '../../src/domain/mail/read-mail-for-operator.ts';
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
  test("an org sees its own messages only, newest first; resets are in no seller's outbox", async () => {
    const { items, total } = await listOutbox({ db }, { orgId: orgA.id, page: 1, pageSize: 50 });
    expect(total).toBe(1);
    expect(items.map((m) => m.id)).toEqual([ids.inviteA]);
    expect(items[0]).toMatchObject({
      to: 'nuevo.100%_real@a.example',
      template: 'invitation_staff',
      status: 'queued',
      transport: null,
      sensitive: true,
      attempts: 0,
      sentAt: null,
    });
    expect(items[0]!.createdAt).toBeInstanceOf(Date);
    const b = await listOutbox({ db }, { orgId: orgB.id, page: 1, pageSize: 50 });
    expect(b.items.map((m) => m.id)).toEqual([ids.inviteB]);
  });

  test("a seller's staff cannot read resets of its own staff or of its customers' users", async () => {
    for (const id of [ids.resetStaffA, ids.resetCustomerA])
      expect(await getOutboxMessage({ db }, { orgId: orgA.id, id: id! })).toBeUndefined();
    for (const id of [ids.resetStaffB, ids.resetCustomerB])
      expect(await getOutboxMessage({ db }, { orgId: orgB.id, id: id! })).toBeUndefined();
  });

  test("never another org's messages nor resets of people unrelated to the org", async () => {
    const a = await listOutbox({ db }, { orgId: orgA.id, page: 1, pageSize: 50 });
    const hidden = [ids.inviteB, ids.resetStaffB, ids.resetCustomerB, ids.resetStranger];
    for (const id of hidden) {
      expect(a.items.map((m) => m.id)).not.toContain(id);
      expect(await getOutboxMessage({ db }, { orgId: orgA.id, id: id! })).toBeUndefined();
    }
  });

  test('a login who is staff at one seller and a customer user at another: neither reads its reset', async () => {
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
    for (const org of [sellerC, sellerD, sellerE]) {
      expect(await getOutboxMessage({ db }, { orgId: org.id, id })).toBeUndefined();
      expect(await listOutbox({ db }, { orgId: org.id, page: 1, pageSize: 50 })).toEqual({
        items: [],
        total: 0,
      });
    }
  });

  test('a customer user of two sellers: neither seller reads her reset', async () => {
    const [sellerF, sellerG] = [await createOrg(db), await createOrg(db)];
    const payer = await createUser(db);
    for (const seller of [sellerF, sellerG]) {
      const account = await createCustomerAccount(db, seller.id);
      await addCustomerUser(db, seller.id, account.id, payer.id, 'payer');
    }
    const { id } = await mailer.enqueue(db, reset(payer));
    for (const seller of [sellerF, sellerG]) {
      expect(await getOutboxMessage({ db }, { orgId: seller.id, id })).toBeUndefined();
      expect((await listOutbox({ db }, { orgId: seller.id, page: 1, pageSize: 50 })).total).toBe(0);
    }
  });

  test('an invitation shows its details to its seller, never its body', async () => {
    const message = await getOutboxMessage({ db }, { orgId: orgA.id, id: ids.inviteA! });
    expect(message).toMatchObject({
      id: ids.inviteA,
      orgId: orgA.id,
      locale: 'es',
      from: 'Saldo <no-reply@saldo.test>',
      to: 'nuevo.100%_real@a.example',
      subject: 'José Peña te invitó a unirte a Distribuidora del Valle en Saldo',
      sensitive: true,
      bodyWithheld: true,
      bodyRedacted: false,
      text: null,
      html: null,
      lastError: null,
      transport: null,
    });
    expect(JSON.stringify(message)).not.toContain('i?t=1');
    expect(await getOutboxMessage({ db }, { orgId: orgA.id, id: 'not-a-uuid' })).toBeUndefined();
  });

  test('the operator reads every message with its link, by id or the newest to an address', async () => {
    const byId = await readMailForOperator({ db }, { id: ids.resetStaffA! });
    expect(byId).toMatchObject({ template: 'password_reset', orgId: null, bodyWithheld: false });
    expect(byId?.text).toContain('http://localhost:3000/reset?token=t');
    const invite = await readMailForOperator({ db }, { latestTo: ' Nuevo@B.example ' });
    expect(invite?.id).toBe(ids.inviteB);
    expect(invite?.html).toContain('http://localhost:3000/i?t=1');
    expect(await readMailForOperator({ db }, { latestTo: 'nobody@example.test' })).toBeUndefined();
    expect(await readMailForOperator({ db }, { id: 'nope' })).toBeUndefined();
    const all = await listMailForOperator({ db }, { limit: 1000 });
    expect(all.map((m) => m.id)).toEqual(expect.arrayContaining(Object.values(ids)));
    const toOne = await listMailForOperator({ db }, { to: 'nuevo@b.example', limit: 10 });
    expect(toOne.map((m) => m.id)).toEqual([ids.inviteB]);
  });

  test('q searches recipient and subject, with % and _ taken literally', async () => {
    const bySubject = await listOutbox({ db }, { orgId: orgA.id, page: 1, pageSize: 50, q: 'INVITÓ' });
    expect(bySubject.items.map((m) => m.id)).toEqual([ids.inviteA]);
    expect((await listOutbox({ db }, { orgId: orgA.id, page: 1, pageSize: 50, q: 'RESTABLECE' })).total).toBe(
      0,
    );
    const byRecipient = await listOutbox({ db }, { orgId: orgA.id, page: 1, pageSize: 50, q: '100%_real' });
    expect(byRecipient.items.map((m) => m.id)).toEqual([ids.inviteA]);
    expect((await listOutbox({ db }, { orgId: orgA.id, page: 1, pageSize: 50, q: '%' })).total).toBe(1);
    expect((await listOutbox({ db }, { orgId: orgA.id, page: 1, pageSize: 50, q: '_' })).total).toBe(1);
    // Another org's subject never matches.
    expect((await listOutbox({ db }, { orgId: orgA.id, page: 1, pageSize: 50, q: 'Abarrotes' })).total).toBe(
      0,
    );
  });

  test('pages', async () => {
    await mailer.enqueue(db, staffInvite(orgA, 'segunda@a.example'));
    await mailer.enqueue(db, staffInvite(orgA, 'tercera@a.example'));
    const first = await listOutbox({ db }, { orgId: orgA.id, page: 1, pageSize: 2 });
    const second = await listOutbox({ db }, { orgId: orgA.id, page: 2, pageSize: 2 });
    expect(first.total).toBe(second.total);
    expect(first.items).toHaveLength(2);
    const all = await listOutbox({ db }, { orgId: orgA.id, page: 1, pageSize: 50 });
    expect([...first.items, ...second.items].map((m) => m.id)).toEqual(all.items.map((m) => m.id));
  });
});
