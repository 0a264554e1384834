import type { Command } from 'commander';
import { withDatabase } from './with-database.ts';

export function registerMigrateCommand(program: Command) {
  program
    .command('migrate')
    .description('apply the database migrations (also done at every start); safe to run while Saldo runs')
    .action(async () => {
      await withDatabase(async () => {
        process.stdout.write('migrations are current\n');
      });
    });
}
