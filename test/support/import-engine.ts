import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/db/client.ts';
import type { DB } from '../../src/db/schema.ts';
import type { Actor } from '../../src/domain/audit/record-audit.ts';
import type {
  ImportErrorRecord,
  ImportKind,
  ImportRow,
  ImportSettings,
} from '../../src/domain/integration/import-types.ts';
import { type RunImportResult, runImport } from '../../src/domain/integration/imports/run-import.ts';
import { newId } from '../../src/domain/shared/ids.ts';

/**
 * Drives the import engine the way a run does (H2b's runs wrap it): an import_runs row, then
 * runImport over a header and rows of cells as a file reader yields them (line 1 is the header).
 */
export async function createRunRow(db: Database, orgId: string, kind: ImportKind): Promise<string> {
  const id = newId();
  await db
    .insertInto('import_runs')
    .values({
      org_id: orgId,
      id,
      kind,
      channel: 'cli',
      file_name: `${kind}.csv`,
      file_size: 0n,
      file_sha256: randomBytes(32).toString('hex'),
      settings: JSON.stringify({}),
      status: 'running',
    })
    .execute();
  return id;
}

export async function* rowsOf(cells: (string | null)[][], firstLine = 2): AsyncIterable<ImportRow> {
  let line = firstLine;
  for (const row of cells) yield { line: line++, cells: row };
}

/** Settings with every header mapped to the field of the same name (the tests name columns so). */
export function identitySettings(header: string[], overrides: Partial<ImportSettings> = {}): ImportSettings {
  return {
    format: 'csv',
    decimalMark: '.',
    dateFormat: 'yyyy-mm-dd',
    mapping: Object.fromEntries(header.map((h) => [h, h])),
    mode: 'all',
    ...overrides,
  };
}

export async function collect(errors: AsyncIterable<ImportErrorRecord>): Promise<ImportErrorRecord[]> {
  const out: ImportErrorRecord[] = [];
  for await (const e of errors) out.push(e);
  return out;
}

/** One import of `records` (objects keyed by header) through the engine; answers its summary and errors. */
export async function importRecords(
  db: Database,
  input: {
    orgId: string;
    kind: ImportKind;
    header: string[];
    records: Record<string, string | null | undefined>[];
    settings?: Partial<ImportSettings>;
    actor?: Actor;
  },
): Promise<{ importId: string; summary: RunImportResult['summary']; errors: ImportErrorRecord[] }> {
  const importId = await createRunRow(db, input.orgId, input.kind);
  const cells = input.records.map((r) => input.header.map((h) => r[h] ?? null));
  const result = await runImport(
    { db },
    {
      orgId: input.orgId,
      importId,
      kind: input.kind,
      header: input.header,
      rows: rowsOf(cells),
      settings: identitySettings(input.header, input.settings),
      actor: input.actor ?? {},
    },
  );
  return { importId, summary: result.summary, errors: await collect(result.errors) };
}

/**
 * Every way the seller's ledger could disagree with its documents (as test/ar/ledger-invariants
 * checks them; a void credit memo holds no credit, as a reversed payment holds no cash): empty
 * when everything adds up.
 */
export async function ledgerProblems(db: Kysely<DB>, orgId: string): Promise<string[]> {
  const { rows } = await sql<{ what: string }>`
    select 'entry does not net to zero: ' || e.kind as what
      from journal_entries e left join journal_lines l on l.org_id = e.org_id and l.entry_id = e.id
     where e.org_id = ${orgId} group by e.id, e.kind
    having coalesce(sum(l.amount), 0) <> 0 or count(l.*) < 2
    union all
    select 'invoice ' || i.number || ': open ' || i.open_amount || ' vs journal ' || j.ar
      from invoices i, lateral (select coalesce(sum(amount), 0) as ar from journal_lines l
                                 where l.org_id = i.org_id and l.invoice_id = i.id and l.account = 'accounts_receivable') j
     where i.org_id = ${orgId} and j.ar <> case when i.status = 'open' then i.open_amount else 0 end
    union all
    select 'invoice ' || i.number || ': open ' || i.open_amount || ' vs total - applied'
      from invoices i,
           lateral (select coalesce(sum(amount), 0) as live from payment_applications x
                     where x.org_id = i.org_id and x.invoice_id = i.id and x.unapplied_at is null) p,
           lateral (select coalesce(sum(amount), 0) as live from credit_applications x
                     where x.org_id = i.org_id and x.invoice_id = i.id and x.unapplied_at is null) c
     where i.org_id = ${orgId} and (i.open_amount <> i.total - p.live - c.live)
    union all
    select 'invoice ' || i.number || ': total ' || i.total || ' vs lines'
      from invoices i, lateral (select coalesce(sum(total_amount), 0) as lines from invoice_lines l
                                 where l.org_id = i.org_id and l.invoice_id = i.id) l,
           lateral (select coalesce(sum(amount), 0) as fees from invoice_charges c
                     where c.org_id = i.org_id and c.invoice_id = i.id) c
     where i.org_id = ${orgId} and i.total <> l.lines + c.fees
    union all
    select 'credit memo ' || m.number || ': unapplied ' || m.unapplied_amount || ' vs journal ' || -j.credits
      from credit_memos m, lateral (select coalesce(sum(amount), 0) as credits from journal_lines l
                                     where l.org_id = m.org_id and l.credit_memo_id = m.id
                                       and l.account = 'customer_credits') j
     where m.org_id = ${orgId} and -j.credits <> case when m.status = 'open' then m.unapplied_amount else 0 end
    union all
    select 'credit memo ' || m.number || ': amount ≠ applied + unapplied'
      from credit_memos m, lateral (select coalesce(sum(amount), 0) as live from credit_applications x
                                     where x.org_id = m.org_id and x.credit_memo_id = m.id and x.unapplied_at is null) a
     where m.org_id = ${orgId} and m.amount <> a.live + m.unapplied_amount
    union all
    select 'balance ' || coalesce(d.customer_id, j.customer_id) || ': documents ' || coalesce(d.balance, 0)
           || ' vs journal ' || coalesce(j.balance, 0)
      from (select customer_id, currency, sum(v) as balance from (
              select customer_id, currency, open_amount as v from invoices where org_id = ${orgId} and status = 'open'
              union all select customer_id, currency, -unapplied_amount from payments
                         where org_id = ${orgId} and status = 'completed'
              union all select customer_id, currency, -unapplied_amount from credit_memos
                         where org_id = ${orgId} and status = 'open') docs group by 1, 2) d
      full join (select l.customer_id, e.currency, sum(l.amount) as balance
                   from journal_lines l join journal_entries e on e.org_id = l.org_id and e.id = l.entry_id
                  where l.org_id = ${orgId} and l.account in ('accounts_receivable', 'unapplied_cash', 'customer_credits')
                  group by 1, 2) j on j.customer_id = d.customer_id and j.currency = d.currency
     where coalesce(d.balance, 0) <> coalesce(j.balance, 0)`.execute(db);
  return rows.map((r) => r.what);
}
