import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Actor } from '../../audit/record-audit.ts';
import type { ImportKind, ImportSummary } from '../import-types.ts';

/**
 * What the import engine (run-import.ts) hands to one kind's importer. The engine has streamed every
 * data row of the file into a temporary staging table (`table`), one row per data row:
 * - `line integer` (the row's line in the file) and `rejected boolean` (false until an error rejects it);
 * - one column per field of the kind (import-fields.ts), named as the field and typed by its type:
 *   text / enum / email / currency / locale → text (trimmed; an enum already one of its values;
 *   currency upper-case ISO; locale 'es' | 'en'), amount and decimal → numeric (the exact value the
 *   cell wrote, read with the profile's decimal mark, still in major units: the kind converts
 *   amounts to minor units with its currency's exponent), integer → integer, date → date.
 *   A cell that could not be read is null there, its row already rejected and its error recorded.
 * Errors go to the temporary table `import_errors_stage (line integer, field text, code text,
 * params jsonb)`; the engine turns `field` into the file's column header and keeps them with the run.
 * All of it happens inside the engine's one transaction (`trx`): nothing is visible until it commits.
 */
export interface StagingContext {
  trx: Transaction<DB>;
  orgId: string;
  importId: string;
  table: string;
  mode: 'all' | 'rows';
  actor: Actor;
}

/** Counts one kind's apply step reports; the engine adds rows, errors and committed. */
export type AppliedCounts = Omit<ImportSummary, 'rows' | 'errors' | 'committed'>;

export interface KindImporter {
  kind: ImportKind;
  /**
   * Checks the staged rows against each other and the database (unknown customers, duplicates in
   * the file, lines that do not add up…): records errors and marks their rows (every row of the
   * document) rejected. Writes nothing else.
   */
  validate(ctx: StagingContext): Promise<void>;
  /**
   * Applies the documents of the rows not rejected — upsert by ERP id: created, updated, unchanged
   * (the same data twice changes nothing), flagged for review, voided — and counts them.
   */
  apply(ctx: StagingContext): Promise<AppliedCounts>;
}
