import { type Command, Option } from 'commander';
import type { CustomerRole, StaffRole } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { systemActor } from '../domain/audit/record-audit.ts';
import { createLogin, type LoginPlace } from '../domain/identity/create-login.ts';
import { withDatabase } from './with-database.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

interface UserOptions {
  email: string;
  name: string;
  password?: string;
  passwordStdin?: boolean;
  locale: 'es' | 'en';
  org?: string;
  role?: StaffRole;
  account?: string;
  customerRole?: CustomerRole;
}

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('manage logins');
  user
    .command('create')
    .description(
      'create a login, optionally as staff of a seller (--org, --role) or a user of a customer account (--org, --account, --customer-role)',
    )
    .requiredOption('--email <email>', 'e-mail address (the login)')
    .requiredOption('--name <name>', 'full name')
    .option('--password <password>', 'password (prefer --password-stdin: arguments show in the process list)')
    .option('--password-stdin', 'read the password from standard input')
    .addOption(new Option('--locale <locale>', 'language').choices(['es', 'en']).default('es'))
    .option('--org <slug>', 'seller to add the login to')
    .addOption(
      new Option('--role <role>', 'staff role at --org').choices(['owner', 'admin', 'ar_agent', 'viewer']),
    )
    .option('--account <number>', 'customer account number at --org')
    .addOption(
      new Option('--customer-role <role>', 'role in --account')
        .choices(['account_admin', 'payer', 'accountant'])
        .default('account_admin'),
    )
    .action(async (o: UserOptions) => {
      const password = o.passwordStdin ? await readStdin() : o.password;
      if (!password) throw new Error('give --password or --password-stdin');
      if ((o.role || o.account) && !o.org) throw new Error('--role and --account need --org');
      const place: LoginPlace | undefined = !o.org
        ? undefined
        : o.account
          ? {
              orgSlug: o.org,
              kind: 'customer',
              accountNumber: o.account,
              role: o.customerRole ?? 'account_admin',
            }
          : { orgSlug: o.org, kind: 'staff', role: o.role ?? 'owner' };
      const { id } = await withDatabase((db) =>
        inTransaction(db, (trx) =>
          createLogin(
            { db: trx },
            {
              email: o.email,
              name: o.name,
              password,
              locale: o.locale,
              ...(place ? { place } : {}),
              actor: systemActor,
            },
          ),
        ),
      );
      process.stdout.write(`created login ${o.email.toLowerCase()} (${id})\n`);
    });
}
