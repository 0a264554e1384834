import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ByteSource } from '../../src/domain/integration/import-types.ts';

/**
 * Files to import, built in tests: CSVs in Windows-1252 (what Excel and Mexican ERPs write on
 * Windows) and ByteSources over buffers and files, for formats/import's readers and the runs.
 */

/** Windows-1252's bytes 0x80–0x9F (the rest of 0x00–0xFF is Latin-1, byte = code point). */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** Text as Windows-1252 bytes; a character it cannot hold throws (a test's mistake, not a file's). */
export function windows1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  let i = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    const byte = CP1252_HIGH[ch] ?? (code <= 0xff && (code < 0x80 || code > 0x9f) ? code : undefined);
    if (byte === undefined) throw new Error(`Windows-1252 has no ${JSON.stringify(ch)}`);
    out[i++] = byte;
  }
  return out.subarray(0, i);
}

/** One CSV field, quoted when it holds the delimiter, a quote or a line break. */
function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text (CRLF line ends, as Excel writes them). */
export function csvText(rows: string[][], { delimiter = ',' }: { delimiter?: string } = {}): string {
  return `${rows.map((row) => row.map((cell) => csvField(cell, delimiter)).join(delimiter)).join('\r\n')}\r\n`;
}

/** Rows as a Windows-1252 CSV (default delimiter `;`, as a Spanish-locale Excel writes). */
export function windows1252Csv(rows: string[][], { delimiter = ';' }: { delimiter?: string } = {}): Buffer {
  return windows1252(csvText(rows, { delimiter }));
}

/** Rows as a UTF-8 CSV, with a byte order mark when asked. */
export function utf8Csv(rows: string[][], { delimiter = ',', bom = false } = {}): Buffer {
  return Buffer.from(`${bom ? '\uFEFF' : ''}${csvText(rows, { delimiter })}`, 'utf8');
}

/** A ByteSource over bytes in memory, served in chunks of `chunkSize` (to cross chunk boundaries). */
export function byteSource(buf: Buffer | string, name: string, chunkSize = 64 * 1024): ByteSource {
  const bytes = typeof buf === 'string' ? Buffer.from(buf, 'utf8') : buf;
  return {
    name,
    size: bytes.length,
    open: (start = 0) => {
      let at = start;
      return new Readable({
        read() {
          if (at >= bytes.length) this.push(null);
          else {
            this.push(bytes.subarray(at, at + chunkSize));
            at += chunkSize;
          }
        },
      });
    },
  };
}

/** A ByteSource over a file on disk, streamed (never read whole). */
export function fileByteSource(file: string): ByteSource {
  return {
    name: path.basename(file),
    size: statSync(file).size,
    open: (start = 0) => createReadStream(file, { start }),
  };
}
