import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ImportRow } from '../../../src/domain/integration/import-types.ts';
import { JsonDocumentSplitter, plainNumber } from '../../../src/formats/import/json-document-splitter.ts';
import {
  ImportFileError,
  inspectImportFile,
  readImportRows,
} from '../../../src/formats/import/read-import-file.ts';
import { byteSource } from '../../support/import-files.ts';

async function all(rows: AsyncIterable<ImportRow>): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function fileError(work: Promise<unknown>): Promise<ImportFileError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

const invoices = [
  {
    number: 'F-1',
    customer: { erp_id: 'CLI-1' },
    issue_date: '2026-03-01',
    total: 0.30000000000000004,
    lines: [
      { description: 'Café', quantity: 2, unit_price: 0.1 },
      { description: 'Envío', quantity: 1, line_unit_price: 12345678901234567000 },
    ],
  },
  {
    number: 'F-2',
    customer: { erp_id: 'CLI-2' },
    issue_date: '2026-03-02',
    total: -2.5e3,
    void: true,
    tags: ['a', 'b'],
  },
];

/** JSON text with a 20-digit integer (a JavaScript number cannot hold it; the file can). */
const exact = (text: string) => text.replace('12345678901234567000', '12345678901234567890');

describe('JSON', () => {
  test.each([
    ['an array', exact(JSON.stringify(invoices)), 'f.json'],
    [
      'a { "documents": [...] } wrapper',
      exact(JSON.stringify({ exported: 2, documents: invoices, next: { page: 2 } })),
      'f.json',
    ],
    ['NDJSON', exact(`${invoices.map((d) => JSON.stringify(d)).join('\n')}\n`), 'f.ndjson'],
  ])(
    '%s: one row per line, the document keys repeated, numbers exactly as written',
    async (_label, text, name) => {
      const info = await inspectImportFile(byteSource(text, name, 7));
      expect(info.format).toBe('json');
      expect(info.impliedSettings).toEqual({ decimalMark: '.' });
      expect(info.header).toEqual([
        'number',
        'customer_erp_id',
        'issue_date',
        'total',
        'line_description',
        'line_quantity',
        'line_unit_price',
        'void',
        'tags',
      ]);
      expect(info.sample).toEqual([
        {
          line: 1,
          cells: ['F-1', 'CLI-1', '2026-03-01', '0.30000000000000004', 'Café', '2', '0.1', null, null],
        },
        {
          line: 1,
          cells: [
            'F-1',
            'CLI-1',
            '2026-03-01',
            '0.30000000000000004',
            'Envío',
            '1',
            '12345678901234567890',
            null,
            null,
          ],
        },
        { line: 2, cells: ['F-2', 'CLI-2', '2026-03-02', '-2500', null, null, null, 'true', 'a, b'] },
      ]);
    },
  );

  test('the header is the keys of the first 100 documents; a key seen only later is counted as overflow', async () => {
    const docs = Array.from({ length: 150 }, (_, i) => (i === 120 ? { id: i, late: 'x' } : { id: i }));
    const rows = await all(readImportRows(byteSource(JSON.stringify(docs), 'x.json'), { format: 'json' }));
    expect(rows).toHaveLength(150);
    expect(rows[120]).toEqual({ line: 121, cells: ['120'], overflow: 1 });
    expect(rows[149]).toEqual({ line: 150, cells: ['149'] });
  });

  test('plain numbers from any JSON number form', () => {
    expect(['1e3', '-2.5E-3', '12.50', '0', '1.5e1', '123e-1'].map(plainNumber)).toEqual([
      '1000',
      '-0.0025',
      '12.50',
      '0',
      '15',
      '12.3',
    ]);
  });

  test('property: how the text is cut into chunks never changes the documents', () => {
    const value = fc.jsonValue({ maxDepth: 2 });
    const doc = fc.dictionary(fc.string({ maxLength: 5 }), value, { maxKeys: 4 });
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 9 }),
        (docs, size) => {
          const text = JSON.stringify({ documents: docs });
          const splitter = new JsonDocumentSplitter();
          const out: string[] = [];
          for (let i = 0; i < text.length; i += size)
            out.push(...splitter.push(text.slice(i, i + size)).map((d) => d.text));
          splitter.end();
          // Numbers come back as strings of their digits; everything else unchanged.
          const quoted = (v: unknown): unknown =>
            typeof v === 'number'
              ? plainNumber(JSON.stringify(v))
              : Array.isArray(v)
                ? v.map(quoted)
                : v !== null && typeof v === 'object'
                  ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, quoted(x)]))
                  : v;
          expect(out.map((t) => JSON.parse(t))).toEqual(docs.map(quoted));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('bad JSON: where it breaks, what is not a document, nothing at all', async () => {
    const broken = await fileError(
      all(readImportRows(byteSource('[{"a":1},\n{"a":2},\n{"a" 3}]', 'x.json'), { format: 'json' })),
    );
    expect(broken).toMatchObject({ code: 'malformed_json', line: 3, params: { position: 19, textLine: 3 } });
    const open = await fileError(
      all(readImportRows(byteSource('[{"a":1},{"a":', 'x.json'), { format: 'json' })),
    );
    expect(open).toMatchObject({ code: 'malformed_json', line: 2, params: { reason: 'unexpected_end' } });
    const scalars = await fileError(inspectImportFile(byteSource('[1,2,3]', 'x.json')));
    expect(scalars).toMatchObject({ code: 'json_not_documents', line: 1 });
    const trailing = await fileError(
      all(readImportRows(byteSource('[{"a":1}] x', 'x.json'), { format: 'json' })),
    );
    expect(trailing).toMatchObject({
      code: 'malformed_json',
      params: { reason: 'text_after_the_documents' },
    });
    const text = await fileError(inspectImportFile(byteSource('hello', 'x.json')));
    expect(text).toMatchObject({ code: 'malformed_json', params: { reason: 'not_an_array_or_object' } });
    expect((await fileError(inspectImportFile(byteSource('  \n ', 'x.json')))).code).toBe('empty_file');
    expect((await fileError(inspectImportFile(byteSource('[]', 'x.json')))).code).toBe('empty_file');
    expect((await fileError(inspectImportFile(byteSource('[{"a":"\u0000"}]', 'x.json')))).code).toBe(
      'nul_byte',
    );
  });
});
