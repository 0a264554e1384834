import { type Command, Option } from 'commander';
import { inTransaction } from '../db/transaction.ts';
import { systemActor } from '../domain/audit/record-audit.ts';
import { createOrganization } from '../domain/identity/create-organization.ts';
import { withDatabase } from './with-database.ts';

export function registerOrgCommands(program: Command) {
  const org = program.command('org').description('manage sellers (organizations)');
  org
    .command('create')
    .description('create a seller')
    .requiredOption('--name <name>', 'trading name, e.g. "Distribuidora del Valle"')
    .requiredOption('--country <code>', 'ISO 3166 country code, e.g. MX')
    .requiredOption('--time-zone <zone>', 'IANA time zone, e.g. America/Mexico_City')
    .requiredOption('--currency <code>', 'default ISO 4217 currency, e.g. MXN')
    .addOption(
      new Option('--locale <locale>', 'language of documents and e-mails')
        .choices(['es', 'en'])
        .default('es'),
    )
    .option('--slug <slug>', 'short name used in URLs (default: from the name)')
    .option('--legal-name <name>', 'legal name, e.g. "Distribuidora del Valle, S.A. de C.V."')
    .option('--tax-id <id>', 'tax id (RFC, EIN, …)')
    .action(
      async (o: {
        name: string;
        country: string;
        timeZone: string;
        currency: string;
        locale: 'es' | 'en';
        slug?: string;
        legalName?: string;
        taxId?: string;
      }) => {
        const created = await withDatabase((db) =>
          inTransaction(db, (trx) =>
            createOrganization(
              { db: trx },
              {
                name: o.name,
                slug: o.slug,
                legalName: o.legalName ?? null,
                taxId: o.taxId ?? null,
                country: o.country.toUpperCase(),
                timeZone: o.timeZone,
                defaultCurrency: o.currency.toUpperCase(),
                locale: o.locale,
                actor: systemActor,
              },
            ),
          ),
        );
        process.stdout.write(`created seller ${created.slug} (${created.id})\n`);
      },
    );
}
