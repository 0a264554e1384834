import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ImportRow } from '../../../src/domain/integration/import-types.ts';
import {
  ImportFileError,
  inspectImportFile,
  openImportRows,
  readImportRows,
} from '../../../src/formats/import/read-import-file.ts';
import { byteSource, csvText, utf8Csv, windows1252, windows1252Csv } from '../../support/import-files.ts';

async function all(rows: AsyncIterable<ImportRow>): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** The ImportFileError a promise (or a full read) fails with. */
async function fileError(work: Promise<unknown>): Promise<ImportFileError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

const spanishRows = [
  ['Folio', 'Cliente', 'Descripción', 'Cantidad', 'Precio unitario', 'Importe'],
  ['F-1001', 'ÑANDÚ COMERCIAL', 'Café molido "extra"', '2', '1.234,56', '2.469,12'],
  ['F-1002', 'Pérez y Cía', 'Envío; urgente', '1', '€ 15,00', '15,00'],
];

describe('CSV: encodings and delimiters', () => {
  test('a Windows-1252, semicolon, decimal-comma export with Spanish headers reads exactly', async () => {
    const file = windows1252Csv(spanishRows);
    expect(file.includes(0xd1)).toBe(true); // Ñ is one byte in 1252
    const info = await inspectImportFile(byteSource(file, 'ventas.csv'));
    expect(info).toMatchObject({
      format: 'csv',
      encoding: 'windows-1252',
      detectedEncoding: 'windows-1252',
      bom: false,
      delimiter: ';',
      detectedDelimiter: ';',
      sheets: [],
      kindHint: null,
    });
    expect(info.header).toEqual(spanishRows[0]);
    expect(info.sample).toEqual([
      { line: 2, cells: spanishRows[1] },
      { line: 3, cells: spanishRows[2] },
    ]);
    const rows = await all(readImportRows(byteSource(file, 'ventas.csv'), { format: 'csv' }));
    expect(rows.map((r) => r.cells)).toEqual(spanishRows.slice(1));
  });

  test('UTF-8 with and without a BOM; the BOM never reaches the first header', async () => {
    for (const bom of [true, false]) {
      const info = await inspectImportFile(byteSource(utf8Csv(spanishRows, { bom }), 'x.csv'));
      expect(info).toMatchObject({ encoding: 'utf-8', detectedEncoding: 'utf-8', bom, delimiter: ',' });
      expect(info.header[0]).toBe('Folio');
      expect(info.sample[1]?.cells[2]).toBe('Envío; urgente');
    }
  });

  test('the encoding override is honoured, and the detection still shown', async () => {
    const file = windows1252Csv(spanishRows);
    const info = await inspectImportFile(byteSource(file, 'x.csv'), { encoding: 'windows-1252' });
    expect(info.encoding).toBe('windows-1252');
    const forced = await fileError(inspectImportFile(byteSource(file, 'x.csv'), { encoding: 'utf-8' }));
    expect(forced).toMatchObject({ code: 'invalid_utf8', line: 1 });
  });

  test('a UTF-8 character cut by the 64 KB sample does not make the file look like Windows-1252', async () => {
    // Pad so that "é" (2 bytes) straddles byte 65 536.
    const prefix = 'name\n';
    const filler = 'a'.repeat(64 * 1024 - prefix.length - 1);
    const text = `${prefix}${filler}é\nb\n`;
    const info = await inspectImportFile(byteSource(Buffer.from(text, 'utf8'), 'x.csv'));
    expect(info.detectedEncoding).toBe('utf-8');
    expect(info.sample[0]?.cells[0]).toBe(`${filler}é`);
  });

  test('Windows-1252 bytes after the sample, in a file read as UTF-8, are refused at their line', async () => {
    const lines = ['id,name', ...Array.from({ length: 5000 }, (_, i) => `${i},name ${i} ${'x'.repeat(20)}`)];
    const file = Buffer.concat([Buffer.from(`${lines.join('\n')}\n`), windows1252('5000,Muñoz\n')]);
    expect(file.length).toBeGreaterThan(64 * 1024);
    const info = await inspectImportFile(byteSource(file, 'x.csv'));
    expect(info.detectedEncoding).toBe('utf-8');
    const error = await fileError(all(readImportRows(byteSource(file, 'x.csv'), { format: 'csv' })));
    expect(error).toMatchObject({ code: 'invalid_utf8', line: 5002 });
  });

  test.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])('detects %j (%s), quotes respected', async (delimiter) => {
    const rows = [
      ['Invoice', 'Customer', 'Amount'],
      ['INV-1', `Acme${delimiter} Inc`, '1,234.56'],
      ['INV-2', 'Beta', '(12.00)'],
    ];
    const info = await inspectImportFile(byteSource(csvText(rows, { delimiter }), 'x.csv'));
    expect(info.detectedDelimiter).toBe(delimiter);
    expect(info.sample.map((r) => r.cells)).toEqual(rows.slice(1));
  });

  test('the delimiter override wins over the detection', async () => {
    const info = await inspectImportFile(byteSource('a;b\n1;2\n', 'x.csv'), { delimiter: ',' });
    expect(info).toMatchObject({ delimiter: ',', detectedDelimiter: ';', header: ['a;b'] });
  });
});

describe('CSV: rows and lines', () => {
  test('lines are physical: a quoted cell spanning lines counts them, blank lines count and are skipped', async () => {
    const text = 'Folio,Notas\r\nA,"una\r\ndos\r\ntres"\r\n\r\nB,x\r\n,\r\n  ,  \r\nC,"fin"\r\n';
    const rows = await all(readImportRows(byteSource(text, 'x.csv', 3), { format: 'csv' }));
    expect(rows).toEqual([
      { line: 2, cells: ['A', 'una\r\ndos\r\ntres'] },
      { line: 6, cells: ['B', 'x'] },
      { line: 9, cells: ['C', 'fin'] },
    ]);
  });

  test.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])(
    '%s line breaks read the same, however the bytes are cut (a CRLF split between pieces too)',
    async (_l, br) => {
      const text = ['Folio;Notas', 'A;"dos', 'líneas"', 'B;x', '', 'C;fin'].join(br) + br;
      for (const chunk of [1, 2, 3, 7, 64 * 1024]) {
        const rows = await all(
          readImportRows(byteSource(text, 'x.csv', chunk), { format: 'csv', delimiter: ';' }),
        );
        expect(rows).toEqual([
          { line: 2, cells: ['A', `dos${br}líneas`] },
          { line: 4, cells: ['B', 'x'] },
          { line: 6, cells: ['C', 'fin'] },
        ]);
      }
    },
  );

  test('a quote inside an unquoted cell is text; a last line without a line break is read', async () => {
    const text = 'Folio;Concepto\nF-1;Llave de paso ½" cromada\nF-2;Tubo 3"x2"';
    const rows = await all(readImportRows(byteSource(text, 'x.csv', 5), { format: 'csv', delimiter: ';' }));
    expect(rows).toEqual([
      { line: 2, cells: ['F-1', 'Llave de paso ½" cromada'] },
      { line: 3, cells: ['F-2', 'Tubo 3"x2"'] },
    ]);
  });

  test('cells are trimmed, empty ones null; short rows padded; extra cells cut off and counted', async () => {
    const text = 'a,b,c\n 1 , ,3\n4\n5,6,7,8,,9\n';
    const rows = await all(readImportRows(byteSource(text, 'x.csv'), { format: 'csv' }));
    expect(rows).toEqual([
      { line: 2, cells: ['1', null, '3'] },
      { line: 3, cells: ['4', null, null] },
      { line: 4, cells: ['5', '6', '7'], overflow: 2 },
    ]);
  });

  test('a trailing delimiter on the header adds no column', async () => {
    const info = await inspectImportFile(byteSource('a;b;\n1;2;\n', 'x.csv'));
    expect(info.header).toEqual(['a', 'b']);
    expect(info.sample).toEqual([{ line: 2, cells: ['1', '2'] }]);
  });

  test('formula-looking text stays text', async () => {
    const rows = await all(
      readImportRows(byteSource('a,b\n"=HYPERLINK(""http://x"")",@SUM(1)\n', 'x.csv'), { format: 'csv' }),
    );
    expect(rows[0]?.cells).toEqual(['=HYPERLINK("http://x")', '@SUM(1)']);
  });

  test('openImportRows gives the header and the rows in one read; progress reports the bytes', async () => {
    const text = csvText([['a'], ...Array.from({ length: 200_000 }, (_, i) => [String(i)])]);
    const seen: number[] = [];
    const { header, rows } = await openImportRows(byteSource(text, 'x.csv'), { format: 'csv' }, (b) =>
      seen.push(b),
    );
    expect(header).toEqual(['a']);
    expect((await all(rows)).length).toBe(200_000);
    expect(seen.at(-1)).toBe(Buffer.byteLength(text));
    expect(seen.length).toBeGreaterThan(1);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
  });

  test('property: any rows, any delimiter, any chunking read back exactly', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Ñ', 'é', '€', ' ', ',', ';', '"', '\n', '1', '.'),
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        async (delimiter, data, chunk, cp1252) => {
          const header = ['uno', 'dos', 'tres'];
          const rows = [header, ...data];
          const file = cp1252 ? windows1252Csv(rows, { delimiter }) : utf8Csv(rows, { delimiter });
          const settings = {
            format: 'csv' as const,
            delimiter,
            encoding: cp1252 ? ('windows-1252' as const) : ('utf-8' as const),
          };
          const expected = data
            .map((r) => r.map((c) => (c.trim() === '' ? null : c.trim())))
            .filter((r) => r.some((c) => c !== null));
          try {
            const got = await all(readImportRows(byteSource(file, 'x.csv', chunk), settings));
            expect(got.map((r) => r.cells)).toEqual(expected);
          } catch (error) {
            // Only a file with no data rows at all may fail, and it says so.
            expect(expected).toEqual([]);
            expect(error).toMatchObject({ code: 'no_data_rows' });
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('CSV: bad input', () => {
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
  test.each([
    ['a workbook named .csv', zip, 'looks_like_xlsx'],
    ['a PDF named .csv', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'looks_like_pdf'],
    [
      'an old .xls named .csv',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'legacy_xls',
    ],
    [
      'a PNG named .csv',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'binary_file',
    ],
    ['UTF-16 text', Buffer.from('\uFEFFa,b\n1,2\n', 'utf16le'), 'unsupported_encoding'],
    ['random bytes', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256)), 'binary_file'],
  ])('%s is refused before reading: %s', async (_label, file, code) => {
    const error = await fileError(inspectImportFile(byteSource(file, 'clientes.csv')));
    expect(error.code).toBe(code);
    expect(error.line).toBeNull();
  });

  test('a PNG says what it is', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await fileError(inspectImportFile(byteSource(png, 'x.csv')))).params).toEqual({
      detected: 'png',
    });
  });

  test('a NUL byte in the sample, and one far into the file, are refused at their line', async () => {
    const early = await fileError(inspectImportFile(byteSource('a,b\n1,2\n3,\u00004\n', 'x.csv')));
    expect(early).toMatchObject({ code: 'nul_byte', line: 3 });
    const lines = ['a,b', ...Array.from({ length: 10_000 }, (_, i) => `${i},row`)];
    const late = Buffer.from(`${lines.join('\n')}\nx,\u0000\n`);
    const error = await fileError(all(readImportRows(byteSource(late, 'x.csv', 1000), { format: 'csv' })));
    expect(error).toMatchObject({ code: 'nul_byte', line: 10_002 });
  });

  test('a file over the limit is refused before a byte is read', async () => {
    const source = { ...byteSource('a\n1\n', 'x.csv'), size: 3 * 1024 ** 3 };
    source.open = () => {
      throw new Error('must not open');
    };
    const error = await fileError(inspectImportFile(source));
    expect(error).toMatchObject({
      code: 'file_too_large',
      params: { size: 3 * 1024 ** 3, limit: 2 * 1024 ** 3 },
    });
    const small = await fileError(inspectImportFile(byteSource('a\n1\n', 'x.csv'), { maxBytes: 2 }));
    expect(small.code).toBe('file_too_large');
  });

  test('an empty file, a BOM alone, blank lines, and a header with no rows', async () => {
    expect((await fileError(inspectImportFile(byteSource('', 'x.csv')))).code).toBe('empty_file');
    expect((await fileError(inspectImportFile(byteSource('\uFEFF', 'x.csv')))).code).toBe('empty_file');
    expect((await fileError(inspectImportFile(byteSource('\r\n\r\n  \n', 'x.csv')))).code).toBe('empty_file');
    expect((await fileError(inspectImportFile(byteSource('Folio;Cliente\r\n;\r\n', 'x.csv')))).code).toBe(
      'no_data_rows',
    );
    const reading = all(readImportRows(byteSource('Folio;Cliente\r\n', 'x.csv'), { format: 'csv' }));
    expect((await fileError(reading)).code).toBe('no_data_rows');
  });

  test('an unclosed quote is reported at the line where it opens', async () => {
    const text = 'a,b\n1,2\n\n3,"never closed\n4,5\n6,7\n';
    const error = await fileError(all(readImportRows(byteSource(text, 'x.csv'), { format: 'csv' })));
    expect(error).toMatchObject({ code: 'unclosed_quote', line: 4 });
  });

  test('a runaway quote in a big file stops at the record limit, not at the end of memory', async () => {
    const text = `a,b\n0,1\n\n1,"${'x'.repeat(3 << 20)}\n`;
    const error = await fileError(all(readImportRows(byteSource(text, 'x.csv'), { format: 'csv' })));
    expect(error).toMatchObject({ code: 'record_too_large', line: 4, params: { limit: 1 << 20 } });
  });

  test('text after a closing quote is refused at its line, with the rows before it read', async () => {
    const text = 'a,b\n1,2\n3,"cerrada"y más\n4,5\n';
    const seen: number[] = [];
    const reading = (async () => {
      for await (const row of readImportRows(byteSource(text, 'x.csv', 4), { format: 'csv' }))
        seen.push(row.line);
    })();
    const error = await fileError(reading);
    expect(error).toMatchObject({ code: 'malformed_csv', line: 3, params: { reason: 'invalid_quotes' } });
    expect(seen).toEqual([2]);
  });

  test('a first line that never ends stops at the record limit', async () => {
    const error = await fileError(inspectImportFile(byteSource('x'.repeat(3 << 20), 'x.csv')));
    expect(error).toMatchObject({ code: 'record_too_large', line: 1, params: { limit: 1 << 20 } });
  });

  test('a header naming a column twice is refused (a mapping could not tell them apart)', async () => {
    const error = await fileError(inspectImportFile(byteSource('Folio,Importe,folio\n1,2,3\n', 'x.csv')));
    expect(error).toMatchObject({ code: 'duplicate_header', line: 1, params: { column: 'folio' } });
  });
});
