import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { ConfigError } from '../config/config.ts';
import { repoRoot } from '../config/paths.ts';
import { DataDirLockedError } from '../db/embedded.ts';
import { AppError } from '../domain/errors.ts';
import { errorMessage, fieldMessage } from '../i18n/error-message.ts';
import { registerAutopayCommands } from './autopay.command.ts';
import { registerDemoCommand } from './demo.command.ts';
import { registerExportCommands } from './export.command.ts';
import { registerImportCommand } from './import.command.ts';
import { registerMailCommands } from './mail.command.ts';
import { registerMigrateCommand } from './migrate.command.ts';
import { registerOrgCommands } from './org.command.ts';
import { registerSandboxCommands } from './sandbox.command.ts';
import { serve } from './serve.ts';
import { registerUserCommands } from './user.command.ts';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

const program = new Command('saldo')
  .description('Saldo — accounts receivable for B2B sellers: customer portal, AR console and ERP sync.')
  .version(pkg.version)
  .addHelpText(
    'after',
    '\nConfiguration comes from the environment (DATABASE_URL, PORT, SMTP_URL, SALDO_SECRET_KEY, SALDO_DATA_DIR, SALDO_DEMO, …); see README.md.',
  );

const portOption = () =>
  new Option('-p, --port <port>', 'port to listen on (default: $PORT or 3000)').argParser((v) =>
    Number.parseInt(v, 10),
  );

program
  .command('start')
  .description('run the web server and the job worker in one process (what `npm start` runs)')
  .addOption(portOption())
  .action((opts: { port?: number }) => serve({ web: true, worker: true }, opts));

program
  .command('web')
  .description('run only the web server (run any number behind a load balancer)')
  .addOption(portOption())
  .action((opts: { port?: number }) => serve({ web: true, worker: false }, opts));

program
  .command('worker')
  .description('run only the job worker (e-mail, schedules); any number may run')
  .action(() => serve({ web: false, worker: true }));

registerMigrateCommand(program);
registerDemoCommand(program);
registerOrgCommands(program);
registerUserCommands(program);
registerMailCommands(program);
registerSandboxCommands(program);
registerAutopayCommands(program);
registerExportCommands(program);
registerImportCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    process.stderr.write(`saldo: ${err.message}\n`);
  } else if (err instanceof AppError) {
    const fields = err.fields.map((f) => fieldMessage('en', f)).join('; ');
    process.stderr.write(`saldo: ${errorMessage('en', err)}${fields ? ` ${fields}` : ''}\n`);
  } else {
    process.stderr.write(`saldo: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
}
