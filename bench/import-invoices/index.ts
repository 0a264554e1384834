import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { createDb, type Database } from '../../src/db/client.ts';
import { systemActor } from '../../src/domain/audit/record-audit.ts';
import { createOrganization } from '../../src/domain/identity/create-organization.ts';
import { fileByteSource } from '../../src/domain/integration/runs/import-file-sources.ts';
import { openImportRows } from '../../src/formats/import/read-import-file.ts';
import { startBenchDatabase } from '../support/database.ts';
import { ratioOf, roundTo } from '../support/result.ts';
import { loadNow, machineDetails } from '../support/run-info.ts';
import { tempDir } from '../support/temp.ts';
import type { BenchContext, Benchmark } from '../support/types.ts';
import { type GeneratedFile, generateInvoicesFile, settings } from './generate-file.ts';

/** Every table an invoice import writes, in the order their rows can be loaded. */
const TABLES = [
  'invoices',
  'invoice_lines',
  'invoice_line_taxes',
  'invoice_charges',
  'journal_entries',
  'journal_lines',
  'audit_log',
] as const;

async function seedSeller(db: Database, customers: number, suffix: string): Promise<string> {
  const org = await createOrganization(
    { db },
    {
      name: `Distribuidora Bench ${suffix}`,
      country: 'MX',
      timeZone: 'America/Mexico_City',
      defaultCurrency: 'MXN',
      locale: 'es',
      actor: systemActor,
    },
  );
  await sql`
    insert into customer_accounts (org_id, id, account_number, erp_id, name, currency, locale, payment_terms_days)
    select ${org.id}, gen_random_uuid(), 'C' || lpad(g::text, 5, '0'), 'C' || lpad(g::text, 5, '0'),
           'Cliente ' || g, 'MXN', 'es', 30
      from generate_series(1, ${customers}) g`.execute(db);
  return org.id;
}

/** Runs the import in a child process (its own peak RSS); answers its time, RSS and summary. */
async function importInChild(
  ctx: BenchContext,
  input: { url: string; orgId: string; file: string },
): Promise<{ ms: number; maxRssMb: number; summary: Record<string, unknown> }> {
  const script = path.join(ctx.repoRoot, 'bench/import-invoices/import-child.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify({ ...input, settings })], {
    cwd: ctx.repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  ctx.cleanup.add('stop the import child', () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the import child exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

/**
 * The baseline: the rows the import wrote (every table of TABLES, this seller's) COPYed out to
 * files as another seller's (same customers), then — timed — COPYed into the same tables in one
 * transaction, commit (and the journal's deferred balance check) included.
 */
async function copyBaseline(
  ownerUrl: string,
  db: Database,
  input: { orgId: string; copyOrgId: string; dir: string },
): Promise<{ ms: number; rows: Record<string, number> }> {
  await sql`
    insert into customer_accounts (org_id, id, account_number, erp_id, name, currency, locale, payment_terms_days)
    select ${input.copyOrgId}, id, account_number, erp_id, name, currency, locale, payment_terms_days
      from customer_accounts where org_id = ${input.orgId}`.execute(db);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const columns: Record<string, string[]> = {};
    const rows: Record<string, number> = {};
    for (const table of TABLES) {
      const { rows: cols } = await client.query<{ column_name: string }>(
        `select column_name from information_schema.columns
          where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
        [table],
      );
      columns[table] = cols.map((c) => c.column_name);
      const select = columns[table]!.map((c) =>
        c === 'org_id' ? `'${input.copyOrgId}'::uuid` : `"${c}"`,
      ).join(', ');
      const stream = client.query(
        copyTo(`copy (select ${select} from ${table} where org_id = '${input.orgId}') to stdout`),
      );
      await pipeline(stream, createWriteStream(path.join(input.dir, `${table}.copy`)));
      rows[table] = stream.rowCount;
    }
    const started = performance.now();
    await client.query('begin');
    for (const table of TABLES) {
      const list = columns[table]!.map((c) => `"${c}"`).join(', ');
      await pipeline(
        createReadStream(path.join(input.dir, `${table}.copy`)),
        client.query(copyFrom(`copy ${table} (${list}) from stdin`)),
      );
    }
    await client.query('commit');
    return { ms: performance.now() - started, rows };
  } finally {
    await client.end();
  }
}

interface Round {
  file: GeneratedFile;
  saldoMs: number;
  readerMs: number;
  copyMs: number;
  peakRssMb: number;
  summary: Record<string, unknown>;
  rowsWritten: Record<string, number>;
}

async function round(
  ctx: BenchContext,
  database: { url: string; ownerUrl: string },
  owner: Database,
  dir: string,
  size: { invoices: number; lines: number; customers: number },
): Promise<Round> {
  const file = path.join(dir, `facturas-${size.invoices}.csv`);
  ctx.log(`writing ${size.invoices} invoices × ${size.lines} lines to ${file}`);
  const generated = await generateInvoicesFile({
    path: file,
    invoices: size.invoices,
    linesPerInvoice: size.lines,
    customers: size.customers,
  });
  ctx.log(`${roundTo(generated.bytes / 1024 ** 2, 1)} MB, ${generated.lines} rows`);
  const orgId = await seedSeller(owner, size.customers, `${size.invoices}-a`);
  const copyOrgId = await seedSeller(owner, 0, `${size.invoices}-b`);
  await sql`vacuum analyze`.execute(owner);
  // For the details: what the file reader alone takes (H1's CSV reader: decode, parse, rows).
  const readStarted = performance.now();
  const { rows } = await openImportRows(await fileByteSource(file), settings);
  for await (const _ of rows);
  const readerMs = performance.now() - readStarted;
  ctx.log(`the reader alone: ${roundTo(readerMs / 1000, 2)} s`);
  ctx.log('importing (`saldo import`: its use case, in a child process)');
  const saldo = await importInChild(ctx, { url: database.url, orgId, file });
  const s = saldo.summary as { created: number; errors: number; sums: { amount: string }[] };
  if (s.created !== size.invoices || s.errors !== 0)
    throw new Error(`sanity check: created ${s.created}, ${s.errors} errors`);
  if (BigInt(s.sums[0]?.amount ?? '0') !== generated.total)
    throw new Error(`sanity check: imported ${s.sums[0]?.amount}, file totals ${generated.total}`);
  ctx.log(`imported in ${roundTo(saldo.ms / 1000, 2)} s, peak RSS ${roundTo(saldo.maxRssMb, 1)} MB`);
  ctx.log('baseline: COPY of the same rows into the same tables');
  const copy = await copyBaseline(database.ownerUrl, owner, { orgId, copyOrgId, dir });
  ctx.log(`COPY in ${roundTo(copy.ms / 1000, 2)} s`);
  return {
    file: generated,
    saldoMs: saldo.ms,
    readerMs,
    copyMs: copy.ms,
    peakRssMb: saldo.maxRssMb,
    summary: saldo.summary,
    rowsWritten: copy.rows,
  };
}

export const importInvoices: Benchmark = {
  name: 'import-invoices',
  description:
    'an ERP invoice export (CSV, Windows-1252, `;`, decimal comma, Spanish headers; 100k invoices, 1M lines ≈ 100 MB) imported through `saldo import` (its use case: reader + engine — parse, stage, validate, apply, post) vs PostgreSQL COPY of the same final rows into the same tables, same run; peak RSS of the import',
  options: {
    invoices: { description: 'invoices in the file', default: 100_000, min: 10, max: 2_000_000 },
    lines: { description: 'lines per invoice', default: 10, min: 1, max: 100 },
    customers: { description: 'customers the invoices spread over', default: 2_000, min: 1, max: 100_000 },
    large: {
      description:
        '1: a second round with 10× the invoices (≈ 1 GB at the defaults) for peak RSS as the file grows',
      default: 0,
      min: 0,
      max: 1,
    },
  },
  async run(ctx) {
    const loadAtStart = loadNow();
    const { invoices, lines, customers, large } = ctx.options as Record<string, number>;
    const database = await startBenchDatabase(ctx);
    const owner = createDb(database.ownerUrl, { max: 2, applicationName: 'saldo-bench-import-seed' });
    ctx.cleanup.add('close the seed pool', () => owner.close());
    const dir = tempDir(ctx.cleanup, 'import');
    const rounds: Round[] = [];
    rounds.push(
      await round(ctx, database, owner.db, dir, {
        invoices: invoices!,
        lines: lines!,
        customers: customers!,
      }),
    );
    if (large)
      rounds.push(
        await round(ctx, database, owner.db, dir, {
          invoices: invoices! * 10,
          lines: lines!,
          customers: customers!,
        }),
      );
    const first = rounds[0]!;
    return {
      name: 'import-invoices',
      metric: 'ms',
      value: roundTo(first.saldoMs, 2),
      baseline: roundTo(first.copyMs, 2),
      ratio: ratioOf(first.saldoMs, first.copyMs, 'lower-is-better'),
      details: {
        rounds: rounds.map((r) => ({
          fileMb: roundTo(r.file.bytes / 1024 ** 2, 1),
          invoices: r.file.invoices,
          rows: r.file.lines,
          importMs: roundTo(r.saldoMs, 1),
          readerAloneMs: roundTo(r.readerMs, 1),
          copyMs: roundTo(r.copyMs, 1),
          ratio: roundTo(ratioOf(r.saldoMs, r.copyMs, 'lower-is-better'), 3),
          peakRssMb: roundTo(r.peakRssMb, 1),
          rowsWritten: r.rowsWritten,
          summary: r.summary,
        })),
        settings: { invoices, lines, customers, large, ...machineDetails(loadAtStart, database) },
      },
    };
  },
};
