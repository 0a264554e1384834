import { describe, expect, test } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { as, seedSeller, signIn, signInTo, TEST_PASSWORD, testConfig, useTestApp } from '../support/app.ts';

const { app, db } = await useTestApp();
const seller = await seedSeller(db, { name: 'Distribuidora del Valle' });

async function invitationToken(email: string): Promise<string> {
  const message = await db
    .selectFrom('mail_messages')
    .select(['text_body'])
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(message.text_body ?? '')?.[1];
  if (!token) throw new Error('no invitation link');
  return token;
}

describe('staff invitations', () => {
  test('an admin invites a new person, who sets a name and password and lands in the console', async () => {
    const admin = await signIn(app, seller.staff.admin.email);
    const invite = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: '/api/v1/console/invitations',
      payload: { email: 'Nueva.Agente@Example.test', role: 'ar_agent' },
    });
    expect(invite.statusCode).toBe(201);
    // No SMTP_URL here: the message is captured in the Outbox, and the answer says so.
    expect(invite.json()).toMatchObject({
      email: 'nueva.agente@example.test',
      role: 'ar_agent',
      delivery: 'outbox',
    });

    const token = await invitationToken('nueva.agente@example.test');
    const look = await app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(look.json()).toEqual({
      email: 'nueva.agente@example.test',
      kind: 'staff',
      role: 'ar_agent',
      orgName: 'Distribuidora del Valle',
      accountName: null,
      userExists: false,
    });

    const missing = await app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { password: 'passphrase for new agent' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'name', code: 'required' })]);

    const accept = await app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { name: 'Nueva Agente', password: 'passphrase for new agent' },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().context).toMatchObject({ kind: 'staff', orgId: seller.org.id, role: 'ar_agent' });

    const team = await as(app, admin)({ method: 'GET', url: '/api/v1/console/team' });
    expect(team.json().items.map((m: { email: string }) => m.email)).toContain('nueva.agente@example.test');
    expect(team.json().invitations).toEqual([]);

    const reuse = await app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { name: 'X', password: 'another passphrase' },
    });
    expect(reuse.statusCode).toBe(410);
    expect(reuse.json().code).toBe('token_used');

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('org_id', '=', seller.org.id)
      .where('action', 'in', ['invitation.created', 'staff_membership.created'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['invitation.created', 'staff_membership.created']);
    expect(audit.find((a) => a.action === 'invitation.created')?.actor_user_id).toBe(seller.staff.admin.id);
  });

  test('roles: an AR agent or viewer cannot invite staff; an admin cannot invite an owner', async () => {
    for (const role of ['ar_agent', 'viewer'] as const) {
      const session = await signIn(app, seller.staff[role].email);
      const r = await as(
        app,
        session,
      )({
        method: 'POST',
        url: '/api/v1/console/invitations',
        payload: { email: 'x@example.test', role: 'viewer' },
      });
      expect(r.statusCode).toBe(403);
    }
    const admin = await signIn(app, seller.staff.admin.email);
    const owner = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: '/api/v1/console/invitations',
      payload: { email: 'boss@example.test', role: 'owner' },
    });
    expect(owner.statusCode).toBe(403);
    const ownerSession = await signIn(app, seller.staff.owner.email);
    const ok = await as(
      app,
      ownerSession,
    )({
      method: 'POST',
      url: '/api/v1/console/invitations',
      payload: { email: 'boss@example.test', role: 'owner' },
    });
    expect(ok.statusCode).toBe(201);
  });

  test('an existing login accepts with its password; the wrong login is told whose invitation it is', async () => {
    const other = await seedSeller(db, { name: 'Otra Distribuidora' });
    const owner = await signIn(app, seller.staff.owner.email);
    const existingEmail = other.staff.viewer.email;
    await as(
      app,
      owner,
    )({
      method: 'POST',
      url: '/api/v1/console/invitations',
      payload: { email: existingEmail, role: 'viewer' },
    });
    const token = await invitationToken(existingEmail);
    expect((await app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` })).json().userExists).toBe(
      true,
    );

    const someoneElse = await signIn(app, seller.customers.payer.email);
    const mismatch = await as(
      app,
      someoneElse,
    )({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      headers: { 'accept-language': 'en' },
      payload: {},
    });
    expect(mismatch.statusCode).toBe(409);

    const wrongPassword = await app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { password: 'not it at all' },
    });
    expect(wrongPassword.statusCode).toBe(401);

    const accepted = await app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { password: TEST_PASSWORD },
    });
    expect(accepted.statusCode).toBe(200);
    const me = accepted.json();
    expect(me.context).toMatchObject({ kind: 'staff', orgId: seller.org.id, role: 'viewer' });
    expect(me.contexts.map((c: { orgId: string }) => c.orgId).sort()).toEqual(
      [seller.org.id, other.org.id].sort(),
    );
  });

  test('inviting a member of the staff, or oneself, is refused with its own code, and nothing is mailed', async () => {
    const admin = await signIn(app, seller.staff.admin.email);
    const mailCount = async () => (await db.selectFrom('mail_messages').select('id').execute()).length;
    const before = await mailCount();
    const member = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: '/api/v1/console/invitations',
      payload: { email: seller.staff.viewer.email.toUpperCase(), role: 'admin' },
    });
    expect(member.statusCode).toBe(409);
    expect(member.json()).toMatchObject({
      code: 'already_member',
      detail: `${seller.staff.viewer.email} ya tiene acceso a Distribuidora del Valle. No hace falta enviarle una invitación.`,
    });
    const self = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: '/api/v1/console/invitations',
      payload: { email: seller.staff.admin.email, role: 'viewer' },
    });
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({
      code: 'cannot_invite_self',
      detail: `No puedes invitarte a ti mismo: ya tienes acceso con ${seller.staff.admin.email}.`,
    });
    expect(await mailCount()).toBe(before);
    // A customer user of this seller is not staff: inviting her to the staff is fine.
    const customer = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: '/api/v1/console/invitations',
      payload: { email: seller.customers.payer.email, role: 'viewer' },
    });
    expect(customer.statusCode).toBe(201);
  });

  test('an expired invitation says so', async () => {
    const owner = await signIn(app, seller.staff.owner.email);
    await as(
      app,
      owner,
    )({
      method: 'POST',
      url: '/api/v1/console/invitations',
      payload: { email: 'late@example.test', role: 'viewer' },
    });
    const token = await invitationToken('late@example.test');
    await db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', 'late@example.test')
      .execute();
    const r = await app.inject({
      method: 'GET',
      url: `/api/v1/invitations/${token}`,
      headers: { 'accept-language': 'en' },
    });
    expect(r.statusCode).toBe(410);
    expect(r.json()).toMatchObject({
      code: 'token_expired',
      detail: 'This link has expired. Ask for a new one.',
    });
  });
});

describe('customer invitations', () => {
  const context = () => ({ kind: 'customer' as const, orgId: seller.org.id, accountId: seller.account.id });

  test('an account admin invites an accountant, who sees the account in the portal', async () => {
    const admin = await signInTo(app, seller.customers.account_admin.email, context());
    const invite = await as(
      app,
      admin,
    )({
      method: 'POST',
      url: '/api/v1/portal/invitations',
      payload: { email: 'despacho@contadores.test', role: 'accountant' },
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json().delivery).toBe('outbox');
    const message = await db
      .selectFrom('mail_messages')
      .select(['template', 'subject', 'org_id'])
      .where('to_address', '=', 'despacho@contadores.test')
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({ template: 'invitation_customer', org_id: seller.org.id });

    const token = await invitationToken('despacho@contadores.test');
    const accept = await app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { name: 'Despacho Contable', password: 'contadores passphrase' },
    });
    expect(accept.json().context).toMatchObject({
      kind: 'customer',
      accountId: seller.account.id,
      role: 'accountant',
    });

    const account = await as(app, admin)({ method: 'GET', url: '/api/v1/portal/account' });
    expect(
      account.json().users.map((u: { email: string; role: string }) => [u.email, u.role]),
    ).toContainEqual(['despacho@contadores.test', 'accountant']);
  });

  test("inviting a user of the account, or oneself, is refused; another account's user may be invited", async () => {
    const admin = await signInTo(app, seller.customers.account_admin.email, context());
    const invite = (email: string) =>
      as(
        app,
        admin,
      )({ method: 'POST', url: '/api/v1/portal/invitations', payload: { email, role: 'payer' } });
    const member = await invite(seller.customers.accountant.email);
    expect(member.statusCode).toBe(409);
    expect(member.json().code).toBe('already_member');
    expect(member.json().detail).toContain(seller.account.name);
    const self = await invite(seller.customers.account_admin.email);
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('cannot_invite_self');
    // Staff of the seller are not users of the account.
    expect((await invite(seller.staff.viewer.email)).statusCode).toBe(201);
  });

  test('payers and accountants cannot invite; staff have no portal', async () => {
    for (const role of ['payer', 'accountant'] as const) {
      const session = await signInTo(app, seller.customers[role].email, context());
      const r = await as(
        app,
        session,
      )({
        method: 'POST',
        url: '/api/v1/portal/invitations',
        payload: { email: 'y@example.test', role: 'payer' },
      });
      expect(r.statusCode).toBe(403);
    }
    const staff = await signIn(app, seller.staff.owner.email);
    expect((await as(app, staff)({ method: 'GET', url: '/api/v1/portal/account' })).statusCode).toBe(403);
    const customer = await signIn(app, seller.customers.payer.email);
    expect((await as(app, customer)({ method: 'GET', url: '/api/v1/console/team' })).statusCode).toBe(403);
  });
});

test('with a mail server set up, an invitation answers that it is e-mailed', async () => {
  const config = testConfig({ smtpUrl: 'smtp://127.0.0.1:2525' });
  const mailing = await buildApp({
    db,
    config,
    mailer: createOutboxMailer(config),
    webDist: null,
    logLevel: false,
  });
  try {
    const admin = await signIn(mailing, seller.staff.admin.email);
    const invite = await as(
      mailing,
      admin,
    )({
      method: 'POST',
      url: '/api/v1/console/invitations',
      payload: { email: 'smtp.invite@example.test', role: 'viewer' },
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json().delivery).toBe('email');
  } finally {
    await mailing.close();
  }
});
