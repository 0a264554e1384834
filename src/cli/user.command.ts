import { type Command, Option } from 'commander';
import type { CustomerRole, StaffRole } from '../db/schema.ts';
import { systemActor } from '../domain/audit/record-audit.ts';
import { AppError } from '../domain/errors.ts';
import { addCustomerUser, addStaffMember, createUser } from '../domain/identity/users.ts';
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
      const id = await withDatabase((db) =>
        db.transaction().execute(async (trx) => {
          const created = await createUser(trx, { email: o.email, name: o.name, password, locale: o.locale });
          if (o.org) {
            const org = await trx
              .selectFrom('organizations')
              .select('id')
              .where('slug', '=', o.org)
              .executeTakeFirst();
            if (!org) throw new AppError('not_found');
            if (o.account) {
              const account = await trx
                .selectFrom('customer_accounts')
                .select('id')
                .where('org_id', '=', org.id)
                .where('account_number', '=', o.account)
                .executeTakeFirst();
              if (!account) throw new AppError('not_found');
              await addCustomerUser(trx, {
                orgId: org.id,
                accountId: account.id,
                userId: created.id,
                role: o.customerRole ?? 'account_admin',
                actor: systemActor,
              });
            } else {
              await addStaffMember(trx, {
                orgId: org.id,
                userId: created.id,
                role: o.role ?? 'owner',
                actor: systemActor,
              });
            }
          }
          return created.id;
        }),
      );
      process.stdout.write(`created login ${o.email.toLowerCase()} (${id})\n`);
    });
}
