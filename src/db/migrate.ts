import { Logger, runMigrations as runWorkerMigrations } from 'graphile-worker';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001-identity.ts';
import * as m0002 from './migrations/0002-ar-core.ts';
import * as m0003 from './migrations/0003-payment-idempotency.ts';
import * as m0004 from './migrations/0004-hold-message.ts';
import * as m0005 from './migrations/0005-mail-templates.ts';
import * as m0006 from './migrations/0006-online-payments.ts';
import * as m0007 from './migrations/0007-sandbox-processor.ts';
import * as m0008 from './migrations/0008-payment-receipts.ts';
import * as m0009 from './migrations/0009-payment-method-details.ts';
import * as m0010 from './migrations/0010-autopay.ts';
import * as m0011 from './migrations/0011-deposits.ts';
import * as m0012 from './migrations/0012-credit-checks.ts';
import * as m0013 from './migrations/0013-request-keys.ts';
import * as m0014 from './migrations/0014-imports.ts';
import * as m0015 from './migrations/0015-webhooks.ts';
import * as m0016 from './migrations/0016-erp-sync.ts';
import * as m0017 from './migrations/0017-customer-messages.ts';
import * as m0018 from './migrations/0018-pay-now.ts';
import * as m0019 from './migrations/0019-delivery.ts';
import * as m0020 from './migrations/0020-collections.ts';
import * as m0021 from './migrations/0021-mail-template-usage.ts';
import * as m0022 from './migrations/0022-invoice-discounts.ts';
import * as m0023 from './migrations/0023-inquiries-promises.ts';
import * as m0024 from './migrations/0024-dunning.ts';
import * as m0025 from './migrations/0025-document-email.ts';

/** Every migration, in order. A static list: works the same under tsx, a bundle or a test runner. */
const migrations: Record<string, Migration> = {
  '0001-identity': m0001,
  '0002-ar-core': m0002,
  '0003-payment-idempotency': m0003,
  '0004-hold-message': m0004,
  '0005-mail-templates': m0005,
  '0006-online-payments': m0006,
  '0007-sandbox-processor': m0007,
  '0008-payment-receipts': m0008,
  '0009-payment-method-details': m0009,
  '0010-autopay': m0010,
  '0011-deposits': m0011,
  '0012-credit-checks': m0012,
  '0013-request-keys': m0013,
  '0014-imports': m0014,
  '0015-webhooks': m0015,
  '0016-erp-sync': m0016,
  '0017-customer-messages': m0017,
  '0018-pay-now': m0018,
  '0019-delivery': m0019,
  '0020-collections': m0020,
  '0021-mail-template-usage': m0021,
  '0022-invoice-discounts': m0022,
  '0023-inquiries-promises': m0023,
  '0024-dunning': m0024,
  '0025-document-email': m0025,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export const latestMigration = Object.keys(migrations).sort().at(-1)!;

/** Applies Saldo's migrations and graphile-worker's own schema. Safe to run from many processes at once. */
export async function migrate(db: Kysely<unknown>, connectionString: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'saldo_migrations',
    migrationLockTableName: 'saldo_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  await runWorkerMigrations({ connectionString, logger: quietLogger });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every migration Saldo knows has been applied (used by /readyz). */
export async function migrationsCurrent(db: Kysely<unknown>): Promise<boolean> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'saldo_migrations',
    migrationLockTableName: 'saldo_migrations_lock',
  });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}

const quietLogger = new Logger(() => () => {});
