import type { Command } from 'commander';
import { DEMO_PASSWORD, demoLogins, loadDemo } from '../domain/demo/load-demo.ts';
import { withDatabase } from './with-database.ts';

export function registerDemoCommand(program: Command) {
  program
    .command('demo')
    .description(
      'load the demo sellers (Distribuidora del Valle, Harbor Foods Supply) and print their logins',
    )
    .action(async () => {
      const loaded = await withDatabase((db) => loadDemo({ db }));
      process.stdout.write(loaded ? 'demo loaded\n' : 'the demo was already loaded\n');
      process.stdout.write(`password for every demo login: ${DEMO_PASSWORD}\n`);
      for (const l of demoLogins()) process.stdout.write(`  ${l.email.padEnd(40)} ${l.where.join('; ')}\n`);
    });
}
