import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import {
  type ByteSource,
  type ImportEncoding,
  ImportFileError,
  type ImportFormat,
} from '../../domain/integration/import-types.ts';

/** How much of a file detection looks at (encoding, delimiter, magic bytes). */
export const SAMPLE_BYTES = 64 * 1024;

/** The first `limit` bytes of a source (fewer when the file is shorter), without reading the rest. */
export async function readHead(source: ByteSource, limit = SAMPLE_BYTES): Promise<Buffer> {
  const stream = source.open(0);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(buf);
      size += buf.length;
      if (size >= limit) break;
    }
  } finally {
    destroyStream(stream);
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

export function destroyStream(stream: NodeJS.ReadableStream): void {
  const s = stream as NodeJS.ReadableStream & { destroy?: () => void };
  if (typeof s.destroy === 'function') s.destroy();
}

/** What the first bytes say a file is, when they say anything. */
type Magic = 'zip' | 'ole' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'gzip' | 'utf-16' | null;

export function magicOf(head: Buffer): Magic {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return 'utf-16';
  return null;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function hasUtf8Bom(head: Buffer): boolean {
  return head.subarray(0, 3).equals(UTF8_BOM);
}

/** The format a file's name and first bytes point to (no settings): CSV when nothing says otherwise. */
export function guessFormat(name: string, head: Buffer): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  // The name first: a workbook named .csv is then refused as one (looks_like_xlsx), not read.
  if (['xlsx', 'xlsm'].includes(ext)) return 'xlsx';
  if (['json', 'ndjson', 'jsonl'].includes(ext)) return 'json';
  if (ext === 'xml') return 'ubl';
  if (['csv', 'txt', 'tsv', 'tab'].includes(ext)) return 'csv';
  if (magicOf(head) === 'zip') return 'xlsx';
  const text = head
    .subarray(hasUtf8Bom(head) ? 3 : 0, 512)
    .toString('latin1')
    .trimStart();
  if (text.startsWith('<')) return 'ubl';
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  return 'csv';
}

/**
 * Refuses a file whose first bytes show it is not the text (or workbook) it is read as: a workbook
 * or a PDF named .csv, an old .xls, an image, a UTF-16 text, any NUL byte in a text file's sample.
 */
export function assertReadableAs(format: ImportFormat, head: Buffer): void {
  const magic = magicOf(head);
  if (format === 'xlsx') {
    if (magic === 'ole') throw new ImportFileError('legacy_xls');
    if (magic !== 'zip') throw new ImportFileError('malformed_xlsx', null, { reason: 'not_a_zip' });
    return;
  }
  if (magic === 'zip') throw new ImportFileError('looks_like_xlsx');
  if (magic === 'ole') throw new ImportFileError('legacy_xls');
  if (magic === 'pdf') throw new ImportFileError('looks_like_pdf');
  if (magic === 'utf-16') throw new ImportFileError('unsupported_encoding', null, { encoding: 'utf-16' });
  if (magic !== null) throw new ImportFileError('binary_file', null, { detected: magic });
  const nul = head.indexOf(0);
  if (nul !== -1) {
    // A text file with one stray NUL is reported at its line; mostly-binary bytes are not text at all.
    if (controlShare(head) > 0.1) throw new ImportFileError('binary_file', null, { detected: 'unknown' });
    throw new ImportFileError('nul_byte', lineAt(head, nul));
  }
}

function controlShare(head: Buffer): number {
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  return head.length === 0 ? 0 : control / head.length;
}

function lineAt(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = buf.indexOf(0x0a); i !== -1 && i < offset; i = buf.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** How many bytes at the end of `buf` start a UTF-8 sequence that the next bytes would complete. */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** The offset of the first byte that is not valid UTF-8 (the buffer holds whole sequences only). */
function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    if (need > 0 && !isUtf8(buf.subarray(i, i + need + 1))) return i; // overlong, surrogate, > U+10FFFF
    i += need + 1;
  }
  return buf.length;
}

/**
 * The encoding of a text file from its first bytes: a BOM says UTF-8; a sample that is valid UTF-8
 * (a sequence cut by the sample's end forgiven) is UTF-8; anything else is Windows-1252, which
 * decodes every byte.
 */
export function detectEncoding(head: Buffer): ImportEncoding {
  if (hasUtf8Bom(head)) return 'utf-8';
  const whole = head.length >= SAMPLE_BYTES ? head.subarray(0, head.length - incompleteTail(head)) : head;
  return isUtf8(whole) ? 'utf-8' : 'windows-1252';
}

/** Decodes a whole (small) buffer, BOM dropped; for detection and for one-document formats. */
export function decodeSample(head: Buffer, encoding: ImportEncoding): string {
  const body = hasUtf8Bom(head) ? head.subarray(3) : head;
  if (encoding === 'windows-1252') return decode1252(body);
  return body.subarray(0, body.length - incompleteTail(body)).toString('utf8');
}

/**
 * Bytes → text, streaming, for the text formats: drops a leading UTF-8 BOM, refuses a NUL byte and
 * (in UTF-8) an invalid sequence at the physical line where it is, and reports bytes read.
 */
export class TextDecodeStream extends Transform {
  private line = 1;
  private carry: Buffer = Buffer.alloc(0);
  private first = true;
  private bytes = 0;
  private lastReport = 0;
  private readonly singleByte: boolean;

  constructor(
    private readonly encoding: ImportEncoding,
    private readonly onProgress?: (bytesRead: number) => void,
  ) {
    super({ decodeStrings: true, encoding: 'utf8' });
    this.singleByte = encoding === 'windows-1252';
  }

  private text(buf: Buffer): string {
    return this.singleByte ? decode1252(buf) : buf.toString('utf8');
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      this.bytes += chunk.length;
      let buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
      if (this.first && buf.length >= 3) {
        if (hasUtf8Bom(buf)) buf = buf.subarray(3);
        this.first = false;
      } else if (this.first) {
        // Too few bytes to tell whether a BOM starts the file: wait for more.
        this.carry = buf;
        done();
        return;
      }
      const keep = this.singleByte ? 0 : incompleteTail(buf);
      const whole = buf.subarray(0, buf.length - keep);
      this.carry = Buffer.from(buf.subarray(buf.length - keep));
      this.check(whole);
      this.line += countNewlines(whole);
      if (this.onProgress && this.bytes - this.lastReport >= 1 << 20) {
        this.lastReport = this.bytes;
        this.onProgress(this.bytes);
      }
      done(null, this.text(whole));
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      let buf = this.carry;
      if (this.first && hasUtf8Bom(buf)) buf = buf.subarray(3);
      this.check(buf);
      if (!this.singleByte && incompleteTail(buf) > 0) throw new ImportFileError('invalid_utf8', this.line);
      this.onProgress?.(this.bytes);
      done(null, this.text(buf));
    } catch (error) {
      done(error as Error);
    }
  }

  private check(buf: Buffer): void {
    const nul = buf.indexOf(0);
    if (nul !== -1) throw new ImportFileError('nul_byte', this.line + countNewlines(buf.subarray(0, nul)));
    if (this.encoding === 'utf-8' && !isUtf8(buf)) {
      const at = firstInvalidUtf8(buf);
      throw new ImportFileError('invalid_utf8', this.line + countNewlines(buf.subarray(0, at)));
    }
  }
}

/** Windows-1252's characters for 0x80–0x9F (the five it leaves undefined decode as their C1 code). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Windows-1252 is Latin-1 but for 0x80–0x9F (€, curly quotes, Š…): decode as Latin-1 (fast) and
 * fix those. Not TextDecoder: Node 20's drops some of them when given a Buffer.
 */
export function decode1252(buf: Buffer): string {
  const text = buf.toString('latin1');
  return /[\x80-\x9f]/.test(text)
    ? text.replace(/[\x80-\x9f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80] as string)
    : text;
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a); i !== -1; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** Passes bytes through, reporting how many went by (at most about once a MiB, and at the end). */
export class ByteCountStream extends Transform {
  private bytes = 0;
  private lastReport = 0;
  constructor(private readonly onProgress?: (bytesRead: number) => void) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.onProgress && this.bytes - this.lastReport >= 1 << 20) {
      this.lastReport = this.bytes;
      this.onProgress(this.bytes);
    }
    done(null, chunk);
  }
  override _flush(done: TransformCallback): void {
    this.onProgress?.(this.bytes);
    done();
  }
}
