import type { Command } from 'commander';
import type { Database } from '../db/client.ts';
import { AppError } from '../domain/errors.ts';
import { listMailForOperator } from '../domain/mail/list-mail-for-operator.ts';
import type { OutboxListItem, OutboxMessage } from '../domain/mail/outbox-views.ts';
import { readMailForOperator } from '../domain/mail/read-mail-for-operator.ts';
import { withDatabase } from './with-database.ts';

/**
 * `saldo mail`: the operator's mailbox. Where mail is captured instead of sent (no SMTP_URL, the
 * embedded default), this is how the person running Saldo reads a password reset or an invitation
 * link: on the server, with access to its database, which no seller's staff has.
 */

type Listed = OutboxListItem & { orgId: string | null };

function delivery(m: OutboxListItem): string {
  if (m.status === 'sent') return m.transport === 'capture' ? 'captured' : 'sent';
  return m.status;
}

export function formatMailList(items: Listed[]): string {
  if (items.length === 0) return 'No messages.\n';
  return `${items
    .map((m) =>
      [m.id, m.createdAt.toISOString(), delivery(m).padEnd(8), m.template.padEnd(19), m.to, m.subject].join(
        '  ',
      ),
    )
    .join('\n')}\n`;
}

export function formatMail(m: OutboxMessage): string {
  const head = [
    `Id:       ${m.id}`,
    `Date:     ${m.createdAt.toISOString()}`,
    `Status:   ${delivery(m)}`,
    `Template: ${m.template}`,
    `From:     ${m.from}`,
    `To:       ${m.to}`,
    `Subject:  ${m.subject}`,
  ];
  const body =
    m.text ??
    (m.bodyRedacted
      ? '(The body was erased once the mail server accepted it: it held a single-use link.)'
      : '(No text body.)');
  return `${head.join('\n')}\n\n${body}\n`;
}

export async function runMailList(db: Database, opts: { to?: string; json?: boolean; limit?: number }) {
  const items = await listMailForOperator({ db }, { to: opts.to, limit: opts.limit ?? 50 });
  return opts.json ? `${JSON.stringify(items, null, 2)}\n` : formatMailList(items);
}

export async function runMailShow(
  db: Database,
  opts: { id?: string; latest?: boolean; to?: string; json?: boolean },
) {
  if (opts.id && opts.latest) throw new Error('give a message id or --latest --to <email>, not both');
  if (!opts.id && !(opts.latest && opts.to)) throw new Error('give a message id, or --latest --to <email>');
  const message = await readMailForOperator({ db }, opts.id ? { id: opts.id } : { latestTo: opts.to! });
  if (!message) throw new AppError('not_found');
  return opts.json ? `${JSON.stringify(message, null, 2)}\n` : formatMail(message);
}

export function registerMailCommands(program: Command) {
  const mail = program
    .command('mail')
    .description(
      'read the e-mail Saldo sent or captured, with its links (for the operator: no seller can read password resets or invitation links)',
    )
    .addHelpText(
      'after',
      '\nWithout SMTP_URL Saldo sends nothing: messages are captured in its database. Read a reset or an invitation link with\n  saldo mail show --latest --to person@example.com\nThe command uses the same database as `saldo start` (DATABASE_URL or SALDO_DATA_DIR), also while it runs.',
    );
  mail
    .command('list')
    .description('the newest messages first: id, date, status, template, recipient, subject')
    .option('--to <email>', 'only messages to this address')
    .option('--limit <n>', 'how many (default 50)', (v) => Number.parseInt(v, 10))
    .option('--json', 'print JSON')
    .action(async (o: { to?: string; json?: boolean; limit?: number }) => {
      process.stdout.write(await withDatabase((db) => runMailList(db, o)));
    });
  mail
    .command('show [id]')
    .description('one message with its text, links included: by id, or the newest to an address')
    .option('--latest', 'the newest message to --to')
    .option('--to <email>', 'recipient, with --latest')
    .option('--json', 'print JSON (text and HTML)')
    .action(async (id: string | undefined, o: { latest?: boolean; to?: string; json?: boolean }) => {
      process.stdout.write(await withDatabase((db) => runMailShow(db, { ...o, ...(id ? { id } : {}) })));
    });
}
