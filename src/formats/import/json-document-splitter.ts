import { ImportFileError } from '../../domain/integration/import-types.ts';

/** A document (one object of the file) longer than this is refused: nothing real is that big. */
export const MAX_DOCUMENT_CHARS = 16 << 20;

/** One document cut out of the stream: its text with every number quoted, and where it began. */
export interface JsonDocumentText {
  /** The document's JSON with each number turned into a string of its exact digits. */
  text: string;
  /** 0-based: the document's place in the file. */
  index: number;
  /** Character offset (0-based) and physical line (1-based) where the document starts. */
  offset: number;
  textLine: number;
}

/**
 * A JSON number's text in plain decimal form, exactly (`-2.5e3` → `-2500`, `1E-2` → `0.01`); text
 * that is not a JSON number is left as it is, for the reader to refuse.
 */
export function plainNumber(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, int = '', frac = '', exp = '0'] = match;
  const shift = Number(exp);
  if (Math.abs(shift) > 100) return text;
  const digits = int + frac;
  const point = int.length + shift;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return `${sign}${out}`;
}

type Mode = 'start' | 'array' | 'stream' | 'wrapper' | 'skip' | 'after';

const NUMBER_START = { test: (ch: string) => ch === '-' || (ch >= '0' && ch <= '9') };
const NUMBER_PART = {
  test: (ch: string) =>
    (ch >= '0' && ch <= '9') || ch === '.' || ch === '-' || ch === '+' || ch === 'e' || ch === 'E',
};
const SPACE = { test: (ch: string) => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' };

/**
 * Cuts a stream of JSON text into its documents without holding more than one: a top-level array
 * of objects, an object `{ "documents": [ … ] }` (its other keys ignored), or objects one after
 * another (NDJSON, or one object alone). Feed text in any pieces with `push`; each call returns
 * the documents it completed. Numbers are quoted on the way so their digits reach the reader
 * exactly (JSON.parse would round 0.1 + 0.2 style values and big integers).
 */
export class JsonDocumentSplitter {
  private mode: Mode = 'start';
  private depth = 0;
  private inString = false;
  private escape = false;
  private inNumber = false;
  private number = '';
  private out: string[] = [];
  private outChars = 0;
  private collecting = false;
  private index = 0;
  private offset = 0;
  private line = 1;
  private docOffset = 0;
  private docLine = 1;
  /** While reading the first top-level object: its key being read and the last key read. */
  private key: string | null = null;
  private lastKey: string | null = null;
  private expectKey = false;
  private afterColon = false;

  push(chunk: string): JsonDocumentText[] {
    const done: JsonDocumentText[] = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.inString && this.key === null && !this.escape) {
        // Inside a string nothing matters but its end (and escapes): copy the run at once.
        let j = i;
        for (; j < chunk.length; j++) {
          const c = chunk.charCodeAt(j);
          if (c === 0x22 || c === 0x5c || c === 0x0a) break;
        }
        if (j > i) {
          this.emit(chunk.slice(i, j));
          this.offset += j - i;
          i = j;
          continue;
        }
      }
      const ch = chunk[i] as string;
      this.step(ch, done);
      this.offset++;
      if (ch === '\n') this.line++;
      i++;
    }
    return done;
  }

  /** Call at the end of the text: refuses a document or structure left open. */
  end(): void {
    if (this.inNumber) this.closeNumber();
    if (this.inString || this.depth > 0 || this.collecting) {
      throw new ImportFileError('malformed_json', this.index + 1, {
        position: this.offset,
        textLine: this.line,
        reason: 'unexpected_end',
      });
    }
  }

  private fail(reason: string): never {
    throw new ImportFileError('malformed_json', this.index + 1, {
      position: this.offset,
      textLine: this.line,
      reason,
    });
  }

  private emit(text: string): void {
    if (!this.collecting) return;
    this.out.push(text);
    this.outChars += text.length;
    if (this.outChars > MAX_DOCUMENT_CHARS) {
      throw new ImportFileError('record_too_large', this.index + 1, { limit: MAX_DOCUMENT_CHARS });
    }
  }

  private closeNumber(): void {
    this.inNumber = false;
    this.emit(`"${plainNumber(this.number)}"`);
    this.number = '';
  }

  private startDocument(ch: string): void {
    if (ch !== '{')
      throw new ImportFileError('json_not_documents', this.index + 1, { position: this.offset });
    this.collecting = true;
    this.docOffset = this.offset;
    this.docLine = this.line;
    this.out = [];
    this.outChars = 0;
  }

  private finishDocument(done: JsonDocumentText[]): void {
    done.push({ text: this.out.join(''), index: this.index, offset: this.docOffset, textLine: this.docLine });
    this.index++;
    this.collecting = false;
    this.out = [];
    this.outChars = 0;
  }

  private step(ch: string, done: JsonDocumentText[]): void {
    if (this.inString) {
      this.emit(ch);
      if (this.escape) this.escape = false;
      else if (ch === '\\') this.escape = true;
      else if (ch === '"') {
        this.inString = false;
        if (this.key !== null) {
          this.lastKey = this.key;
          this.key = null;
        }
        return;
      }
      if (this.key !== null) this.key += ch;
      return;
    }
    if (this.inNumber) {
      if (NUMBER_PART.test(ch)) {
        this.number += ch;
        if (this.number.length > 400) this.fail('number_too_long');
        return;
      }
      this.closeNumber();
    }
    if (SPACE.test(ch)) {
      this.emit(ch);
      return;
    }
    switch (this.mode) {
      case 'start':
        if (ch === '[') this.mode = 'array';
        else if (ch === '{') {
          this.mode = 'stream';
          this.startDocument(ch);
          this.expectKey = true;
          this.emit(ch);
        } else this.fail('not_an_array_or_object');
        this.depth = 1;
        return;
      case 'after':
        this.fail('text_after_the_documents');
        return;
      case 'skip':
        // The wrapper's keys after its documents: read past them.
        if (ch === '"') this.inString = true;
        else if (ch === '{' || ch === '[') this.depth++;
        else if (ch === '}' || ch === ']') {
          this.depth--;
          if (this.depth === 0) this.mode = 'after';
        }
        return;
      default:
        break;
    }
    const level = this.mode === 'array' ? 1 : this.mode === 'wrapper' ? 2 : 0;
    if (!this.collecting) {
      if (ch === ',' && this.mode !== 'stream') return;
      if (ch === ']' && this.mode !== 'stream') {
        this.depth--;
        this.mode = this.mode === 'array' ? 'after' : 'skip';
        return;
      }
      this.startDocument(ch);
      this.depth++;
      this.emit(ch);
      return;
    }
    // The first object's keys: `"documents": [` makes it a wrapper, not a document.
    if (this.mode === 'stream' && this.index === 0 && this.depth === 1) {
      if (this.afterColon) {
        this.afterColon = false;
        if (this.lastKey === 'documents' && ch === '[') {
          this.mode = 'wrapper';
          this.collecting = false;
          this.out = [];
          this.outChars = 0;
          this.depth = 2;
          return;
        }
      } else if (ch === ':') this.afterColon = true;
      else if (ch === ',') this.expectKey = true;
      else if (ch === '"' && this.expectKey) {
        this.key = '';
        this.expectKey = false;
      }
    }
    if (ch === '"') {
      this.inString = true;
      this.emit(ch);
      return;
    }
    if (NUMBER_START.test(ch)) {
      this.inNumber = true;
      this.number = ch;
      return;
    }
    if (ch === '{' || ch === '[') this.depth++;
    else if (ch === '}' || ch === ']') {
      this.depth--;
      this.emit(ch);
      if (this.depth === level) this.finishDocument(done);
      return;
    }
    this.emit(ch);
  }
}
