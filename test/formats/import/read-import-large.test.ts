import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readImportRows } from '../../../src/formats/import/read-import-file.ts';
import { fileByteSource, windows1252 } from '../../support/import-files.ts';

/**
 * A 50 MB Windows-1252 CSV read row by row: the reader holds a chunk and a record, not the file,
 * so the heap grows by far less than the file's size (checked loosely: memory, not time).
 */
const dir = mkdtempSync(path.join(tmpdir(), 'saldo-import-large-'));
const file = path.join(dir, 'facturas.csv');
const ndjson = path.join(dir, 'facturas.ndjson');
const ROWS = 500_000;
const DOCUMENTS = 100_000;

// A full collection before each reading, so the heap measured is what is held, not garbage.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heldHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

beforeAll(async () => {
  const out = createWriteStream(file);
  out.write(windows1252('Folio;Cliente;Fecha;Descripción;Cantidad;Precio unitario;Importe\r\n'));
  for (let i = 0; i < ROWS; i++) {
    const line = `F-${i};CLI-${i % 977};01/03/2026;Café molido Ñandú "extra", bolsa de 1 kg nº ${i};${(i % 9) + 1};1.234,56;€ ${i},00\r\n`;
    if (!out.write(windows1252(line))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const json = createWriteStream(ndjson);
  for (let i = 0; i < DOCUMENTS; i++) {
    const doc = {
      number: `F-${i}`,
      customer: { erp_id: `CLI-${i % 977}` },
      total: 21.25,
      notes: 'Café "molido" \\ extra',
      lines: [
        { description: 'Uno', quantity: 2, unit_price: 10.5 },
        { description: 'Dos', quantity: 1, unit_price: 0.25 },
      ],
    };
    if (!json.write(`${JSON.stringify(doc)}\n`)) await once(json, 'drain');
  }
  json.end();
  await once(json, 'finish');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a big file', () => {
  test('50 MB stream through with flat memory, every row and its line accounted for', async () => {
    const source = fileByteSource(file);
    expect(source.size).toBeGreaterThan(50_000_000);
    const before = heldHeap();
    let peak = before;
    let rows = 0;
    let lastLine = 0;
    let bytes = 0;
    for await (const row of readImportRows(source, { format: 'csv' }, (b) => {
      bytes = b;
    })) {
      rows++;
      lastLine = row.line;
      if (rows === 1) expect(row.cells[3]).toBe('Café molido Ñandú "extra", bolsa de 1 kg nº 0');
      if (rows % 100_000 === 0) peak = Math.max(peak, heldHeap());
    }
    expect(rows).toBe(ROWS);
    expect(lastLine).toBe(ROWS + 1);
    expect(bytes).toBe(source.size);
    // Holding the file would take ≥ its size (as text) and several times it as rows.
    expect(peak - before).toBeLessThan(source.size / 10);
  }, 120_000);

  test('a 20 MB NDJSON file streams the same way: one row per line, documents never held together', async () => {
    const source = fileByteSource(ndjson);
    expect(source.size).toBeGreaterThan(20_000_000);
    const before = heldHeap();
    let peak = before;
    let rows = 0;
    let last = { line: 0, cells: [] as (string | null)[] };
    for await (const row of readImportRows(source, { format: 'json' })) {
      rows++;
      last = row;
      if (rows % 50_000 === 0) peak = Math.max(peak, heldHeap());
    }
    expect(rows).toBe(DOCUMENTS * 2);
    expect(last).toEqual({
      line: DOCUMENTS,
      cells: [
        `F-${DOCUMENTS - 1}`,
        `CLI-${(DOCUMENTS - 1) % 977}`,
        '21.25',
        'Café "molido" \\ extra',
        'Dos',
        '1',
        '0.25',
      ],
    });
    expect(peak - before).toBeLessThan(source.size / 10);
  }, 120_000);
});
