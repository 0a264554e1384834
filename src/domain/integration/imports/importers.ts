import type { ImportKind } from '../import-types.ts';
import { agingImporter } from './aging-importer.ts';
import { contactsImporter } from './contacts-importer.ts';
import { creditMemosImporter } from './credit-memos-importer.ts';
import { customersImporter } from './customers-importer.ts';
import { holdsImporter } from './holds-importer.ts';
import { invoicesImporter } from './invoices-importer.ts';
import type { KindImporter } from './kind-importer.ts';
import { paymentsImporter } from './payments-importer.ts';

/**
 * The importer of each kind, with what the engine needs to know about its rows beyond the fields:
 * - `documentKey`: the SQL expression over a staged row that names its document (rows of one
 *   invoice share it), for the counts of a run that applies nothing (an 'all' run with errors);
 * - `cellsOptional`: required fields whose column must be mapped but whose cell may be empty on
 *   some rows (an invoice's fee row has no line), checked by the kind itself.
 */
export interface ImporterEntry {
  importer: KindImporter;
  documentKey: string;
  cellsOptional?: readonly string[];
}

const importers: Partial<Record<ImportKind, ImporterEntry>> = {
  customers: { importer: customersImporter, documentKey: 'line' },
  contacts: { importer: contactsImporter, documentKey: 'line' },
  holds: { importer: holdsImporter, documentKey: 'line' },
  payments: { importer: paymentsImporter, documentKey: 'erp_id' },
  aging: { importer: agingImporter, documentKey: 'line' },
  invoices: {
    importer: invoicesImporter,
    documentKey: 'coalesce(erp_id, number)',
    cellsOptional: ['line_description', 'line_quantity', 'line_unit_price'],
  },
  credit_memos: { importer: creditMemosImporter, documentKey: 'coalesce(erp_id, number)' },
};

/** The importer of a kind (undefined only for a kind added to importKinds before its importer). */
export function importerFor(kind: ImportKind): ImporterEntry | undefined {
  return importers[kind];
}
