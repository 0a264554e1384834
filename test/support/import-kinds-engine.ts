import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../src/db/client.ts';
import type { Actor } from '../../src/domain/audit/record-audit.ts';
import { importFields } from '../../src/domain/integration/import-fields.ts';
import type { ImportKind, ImportSummary } from '../../src/domain/integration/import-types.ts';
import { importerFor } from '../../src/domain/integration/imports/importers.ts';
import type { KindImporter } from '../../src/domain/integration/imports/kind-importer.ts';
import { runImport } from '../../src/domain/integration/imports/run-import.ts';
import { newId } from '../../src/domain/shared/ids.ts';

/**
 * Runs rows of one kind through the import engine (run-import.ts) as a file would reach it: a
 * header of the field names (mapped to themselves), a decimal point and yyyy-mm-dd dates, each row
 * on its line (2, 3, … unless it says), under an import_runs row of its own.
 */

/** One row: a cell per field, as the file writes it. */
export type StagedRow = Record<string, string | number | null | undefined>;

export interface StagedRun {
  importId: string;
  /** Whether the run applied (an 'all' run with any error applies nothing). */
  applied: boolean;
  counts: ImportSummary;
  errors: { line: number | null; field: string | null; code: string; params: Record<string, unknown> }[];
}

export async function runStaged(
  db: Database,
  input: {
    orgId: string;
    kind: ImportKind;
    /** The importer the test means: it must be the one the engine's registry runs for the kind. */
    importer: KindImporter;
    rows: StagedRow[];
    mode?: 'all' | 'rows';
    actor?: Actor;
  },
): Promise<StagedRun> {
  if (importerFor(input.kind)?.importer !== input.importer)
    throw new Error(`the engine does not run this importer for ${input.kind} (importers.ts)`);
  const fields = importFields[input.kind];
  const importId = newId();
  const mode = input.mode ?? 'all';
  await db
    .insertInto('import_runs')
    .values({
      org_id: input.orgId,
      id: importId,
      kind: input.kind,
      channel: 'cli',
      file_name: `${input.kind}.csv`,
      file_size: 0n,
      file_sha256: randomBytes(32).toString('hex'),
      settings: JSON.stringify({}),
      status: 'running',
    })
    .execute();
  const header = fields.filter((f) => input.rows.some((r) => r[f.name] != null)).map((f) => f.name);
  const { summary, errors } = await runImport(
    { db },
    {
      orgId: input.orgId,
      importId,
      kind: input.kind,
      header,
      rows: (async function* () {
        for (const [i, row] of input.rows.entries())
          yield {
            line: typeof row.line === 'number' ? row.line : i + 2,
            cells: header.map((name) => (row[name] == null ? null : String(row[name]))),
          };
      })(),
      settings: {
        format: 'csv',
        decimalMark: '.',
        dateFormat: 'yyyy-mm-dd',
        mapping: Object.fromEntries(header.map((name) => [name, name])),
        mode,
      },
      actor: input.actor ?? {},
    },
  );
  const list: StagedRun['errors'] = [];
  for await (const e of errors)
    list.push({ line: e.line, field: e.column, code: e.code, params: e.params ?? {} });
  return { importId, applied: mode === 'rows' || list.length === 0, counts: summary, errors: list };
}

/** What breaks the ledger's invariants (test/ar/ledger-invariants.test.ts) in a seller's books, as text; [] when none. */
export async function ledgerProblems(db: Database, orgId: string): Promise<string[]> {
  const { rows } = await sql<{ what: string }>`
    select 'entry ' || e.kind || ' nets to ' || sum(l.amount) as what
      from journal_entries e join journal_lines l on l.org_id = e.org_id and l.entry_id = e.id
     where e.org_id = ${orgId} group by e.id, e.kind having sum(l.amount) <> 0 or count(*) < 2
    union all
    select 'payment ' || p.number || ' amount ≠ applied + unapplied'
      from payments p
     where p.org_id = ${orgId}
       and p.amount <> p.unapplied_amount + (select coalesce(sum(a.amount), 0) from payment_applications a
                                              where a.org_id = p.org_id and a.payment_id = p.id and a.unapplied_at is null)
    union all
    select 'payment ' || p.number || ' unapplied ≠ its unapplied_cash lines'
      from payments p
     where p.org_id = ${orgId}
       and p.unapplied_amount <> -(select coalesce(sum(l.amount), 0) from journal_lines l
                                    where l.org_id = p.org_id and l.payment_id = p.id and l.account = 'unapplied_cash')
    union all
    select 'invoice ' || i.number || ' open ≠ total − applied, or ≠ its receivable lines'
      from invoices i
     where i.org_id = ${orgId}
       and i.status = 'open'
       and (i.open_amount <> i.total - (select coalesce(sum(a.amount), 0) from payment_applications a
                                          where a.org_id = i.org_id and a.invoice_id = i.id and a.unapplied_at is null)
                                     - (select coalesce(sum(a.amount), 0) from credit_applications a
                                          where a.org_id = i.org_id and a.invoice_id = i.id and a.unapplied_at is null)
            or i.open_amount <> (select coalesce(sum(l.amount), 0) from journal_lines l
                                  where l.org_id = i.org_id and l.invoice_id = i.id and l.account = 'accounts_receivable'))
  `.execute(db);
  return rows.map((r) => r.what);
}
