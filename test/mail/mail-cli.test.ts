import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { runMailList, runMailShow } from '../../src/cli/mail.command.ts';
import { createOutboxMailer } from '../../src/mail/outbox-mailer.ts';
import { testDatabaseUrl, useTestDb } from '../support/db.ts';
import { createOrg, createUser } from '../support/factories.ts';

/** `saldo mail`: the operator reads what no seller's staff can, the links in resets and invitations. */
const { db } = useTestDb();
const mailer = createOutboxMailer({ mailFrom: 'Saldo <no-reply@saldo.test>' });
const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

const user = await createUser(db, { email: 'ana.ruiz@example.test', name: 'Ana Ruiz' });
const org = await createOrg(db, { name: 'Distribuidora del Valle' });
const reset = await mailer.enqueue(db, {
  orgId: null,
  to: user.email,
  locale: 'es',
  template: 'password_reset',
  data: { name: user.name, url: 'http://localhost:3000/reset-password/op_token_1', expiresInMinutes: 60 },
});
const invite = await mailer.enqueue(db, {
  orgId: org.id,
  to: 'nuevo@valle.test',
  locale: 'en',
  template: 'invitation_staff',
  data: {
    inviterName: 'José Peña',
    orgName: org.name,
    role: 'viewer',
    url: 'http://localhost:3000/invitations/op_invite_1',
    expiresInDays: 7,
  },
});

describe('saldo mail', () => {
  test('show --latest --to prints the newest message to an address with its link', async () => {
    const out = await runMailShow(db, { latest: true, to: 'ANA.RUIZ@example.test' });
    expect(out).toContain(`Id:       ${reset.id}`);
    expect(out).toContain('To:       ana.ruiz@example.test');
    expect(out).toContain('http://localhost:3000/reset-password/op_token_1');
    const json = JSON.parse(await runMailShow(db, { id: invite.id, json: true }));
    expect(json).toMatchObject({ id: invite.id, template: 'invitation_staff', bodyWithheld: false });
    expect(json.html).toContain('http://localhost:3000/invitations/op_invite_1');
    await expect(runMailShow(db, { latest: true, to: 'nobody@example.test' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(runMailShow(db, {})).rejects.toThrow(/--latest --to/);
  });

  test('list shows every message, of every seller and of none, filtered by recipient', async () => {
    const all = await runMailList(db, {});
    expect(all).toContain(reset.id);
    expect(all).toContain(invite.id);
    const one = JSON.parse(await runMailList(db, { to: 'nuevo@valle.test', json: true }));
    expect(one.map((m: { id: string }) => m.id)).toEqual([invite.id]);
    expect(await runMailList(db, { to: 'nobody@example.test' })).toBe('No messages.\n');
  });

  test('the command itself, run against the database, prints the link', async () => {
    const { stdout } = await run(
      process.execPath,
      [path.join(root, 'bin/saldo.mjs'), 'mail', 'show', '--latest', '--to', user.email],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: testDatabaseUrl(),
          SALDO_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
          LOG_LEVEL: 'warn',
        },
      },
    );
    expect(stdout).toContain('http://localhost:3000/reset-password/op_token_1');
  }, 60_000);
});
