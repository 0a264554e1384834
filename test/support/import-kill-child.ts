import { createDb } from '../../src/db/client.ts';
import type { ImportRow } from '../../src/domain/integration/import-types.ts';
import { runImport } from '../../src/domain/integration/imports/run-import.ts';

/**
 * An import that takes a while, in a process of its own, for the kill -9 test
 * (imports-engine-kill.test.ts): `rows` invoice lines generated as they are read; prints
 * "progress <rows>" after every staged batch. Argument: JSON { url, orgId, importId, rows }.
 */
const input = JSON.parse(process.argv[2]!) as { url: string; orgId: string; importId: string; rows: number };
const header = ['Folio', 'Cliente', 'Fecha', 'Concepto', 'Cantidad', 'Precio'];
async function* rows(): AsyncIterable<ImportRow> {
  for (let i = 0; i < input.rows; i++)
    yield {
      line: i + 2,
      cells: [`K-${Math.floor(i / 4)}`, 'KILL-1', '01/03/2026', 'Tornillos', '2', '10,50'],
    };
}
const handle = createDb(input.url, { max: 2 });
await runImport(
  { db: handle.db },
  {
    orgId: input.orgId,
    importId: input.importId,
    kind: 'invoices',
    header,
    rows: rows(),
    settings: {
      format: 'csv',
      decimalMark: ',',
      dateFormat: 'dd/mm/yyyy',
      mode: 'all',
      mapping: {
        number: 'Folio',
        customer_erp_id: 'Cliente',
        issue_date: 'Fecha',
        line_description: 'Concepto',
        line_quantity: 'Cantidad',
        line_unit_price: 'Precio',
      },
    },
    actor: {},
    onProgress: (n) => process.stdout.write(`progress ${n}\n`),
  },
);
process.stdout.write('done\n');
await handle.close();
