import { runImportCommand } from '../../src/cli/import.command.ts';
import { createDb } from '../../src/db/client.ts';
import type { ImportSettings } from '../../src/domain/integration/import-types.ts';
import { saveImportProfile } from '../../src/domain/integration/runs/save-import-profile.ts';

/**
 * One `saldo import invoices <file> --org <seller> --profile bench` in a process of its own (so its
 * peak RSS is the pipeline's alone): the command's own use case (runImportCommand — the file
 * streamed from disk by the reader into a run of channel `cli`), without the argument parsing and
 * the embedded database the real command opens. Argument: JSON { url, orgId, file, settings }.
 * Prints one JSON line: { ms, maxRssMb, summary }. Exits when the parent's pipe to stdin closes, so
 * it never outlives the bench.
 */
const input = JSON.parse(process.argv[2]!) as {
  url: string;
  orgId: string;
  file: string;
  settings: ImportSettings;
};
process.stdin.on('end', () => process.exit(1));
process.stdin.resume();

const handle = createDb(input.url, { max: 4, applicationName: 'saldo-bench-import' });
await saveImportProfile(
  { db: handle.db },
  { orgId: input.orgId, kind: 'invoices', name: 'bench', settings: input.settings, actor: {} },
);
const started = performance.now();
const result = await runImportCommand({ db: handle.db }, 'invoices', input.file, {
  org: input.orgId,
  profile: 'bench',
});
const ms = performance.now() - started;
await handle.close();
if (result.status !== 'completed') {
  process.stderr.write(`${JSON.stringify(result)}\n`);
  process.exit(1);
}
process.stdout.write(
  `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, summary: result.summary })}\n`,
);
process.exit(0);
