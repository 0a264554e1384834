import { pipeline } from 'node:stream';
import { type ByteSource, ImportFileError, type ImportRow } from '../../domain/integration/import-types.ts';
import { TextDecodeStream } from './import-bytes.ts';
import { cellText, type ImportTable } from './import-table.ts';
import { JsonDocumentSplitter, type JsonDocumentText } from './json-document-splitter.ts';

/** The header is the union of the keys of this many first documents. */
export const HEADER_DOCUMENTS = 100;

/** Nested arrays that become rows of their own (the document's keys repeated), with their keys' prefix. */
const ROW_ARRAYS: Record<string, string> = { lines: 'line_', fees: 'fee_', applications: '' };

type Flat = Map<string, string | null>;

function scalar(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    return value.filter((v) => v !== null).join(', ');
  }
  return JSON.stringify(value);
}

function flattenInto(out: Flat, value: Record<string, unknown>, prefix: string): void {
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      flattenInto(out, v as Record<string, unknown>, `${prefix}${key}_`);
    } else out.set(`${prefix}${key}`, scalar(v));
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A document as flat rows: its own keys (nested objects joined with `_`: `customer.erp_id` →
 * `customer_erp_id`), and one row per element of its `lines` (keys prefixed `line_` unless they
 * already are), `fees` (`fee_`) and `applications` arrays, the document's keys repeated on each.
 */
export function flattenDocument(doc: Record<string, unknown>): Flat[] {
  const own: Flat = new Map();
  const nested: Flat[] = [];
  const ownValues: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    const prefix = ROW_ARRAYS[key];
    if (prefix !== undefined && Array.isArray(value) && value.every(isObject)) {
      for (const item of value as Record<string, unknown>[]) {
        const flat: Flat = new Map();
        for (const [k, v] of Object.entries(item)) {
          const name = k.startsWith(prefix) ? k : `${prefix}${k}`;
          if (isObject(v)) flattenInto(flat, v, `${name}_`);
          else flat.set(name, scalar(v));
        }
        nested.push(flat);
      }
    } else ownValues[key] = value;
  }
  flattenInto(own, ownValues, '');
  if (nested.length === 0) return [own];
  return nested.map((flat) => new Map([...own, ...flat]));
}

function parseDocument(doc: JsonDocumentText): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(doc.text);
  } catch (error) {
    throw new ImportFileError('malformed_json', doc.index + 1, {
      position: doc.offset,
      textLine: doc.textLine,
      reason: error instanceof Error ? error.message.slice(0, 200) : 'invalid',
    });
  }
  if (!isObject(value))
    throw new ImportFileError('json_not_documents', doc.index + 1, { position: doc.offset });
  return value;
}

/**
 * Streams a JSON file (an array of objects, `{ "documents": [...] }` or NDJSON) as a table. A
 * row's line is its document's place in the file, 1-based (the first document is line 1, a header
 * is not counted as there is none; every row of a document with lines shares its line). The
 * header is the union of the flattened keys of the first 100 documents in the order first seen;
 * a key that only appears later is counted in the row's `overflow`.
 */
export async function openJsonTable(
  source: ByteSource,
  onProgress?: (bytesRead: number) => void,
): Promise<ImportTable> {
  const raw = source.open(0);
  const decoder = new TextDecodeStream('utf-8', onProgress);
  pipeline(raw as NodeJS.ReadableStream, decoder, () => {
    // Errors reach the reader through the decoder's iterator.
  });
  const splitter = new JsonDocumentSplitter();
  const chunks = decoder[Symbol.asyncIterator]() as AsyncIterator<string>;
  const pending: JsonDocumentText[] = [];
  let ended = false;
  const close = () => {
    decoder.destroy();
    (raw as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  };
  const nextDocument = async (): Promise<JsonDocumentText | null> => {
    while (pending.length === 0 && !ended) {
      const step = await chunks.next();
      if (step.done) {
        splitter.end();
        ended = true;
      } else pending.push(...splitter.push(step.value));
    }
    return pending.shift() ?? null;
  };

  const head: { index: number; rows: Flat[] }[] = [];
  const names = new Map<string, number>();
  try {
    while (head.length < HEADER_DOCUMENTS) {
      const doc = await nextDocument();
      if (doc === null) break;
      const rows = flattenDocument(parseDocument(doc));
      for (const row of rows) for (const key of row.keys()) if (!names.has(key)) names.set(key, names.size);
      head.push({ index: doc.index, rows });
    }
  } catch (error) {
    close();
    throw error;
  }
  if (head.length === 0) {
    close();
    throw new ImportFileError('empty_file');
  }
  const header = [...names.keys()];
  const toRow = (index: number, flat: Flat): ImportRow | null => {
    const cells: (string | null)[] = new Array(header.length).fill(null);
    let overflow = 0;
    let any = false;
    for (const [key, value] of flat) {
      const cell = cellText(value);
      if (cell === null) continue;
      const at = names.get(key);
      if (at === undefined) overflow++;
      else {
        cells[at] = cell;
        any = true;
      }
    }
    if (!any && overflow === 0) return null;
    return overflow > 0 ? { line: index + 1, cells, overflow } : { line: index + 1, cells };
  };
  async function* rows() {
    try {
      for (const doc of head) {
        for (const flat of doc.rows) {
          const row = toRow(doc.index, flat);
          if (row) yield row;
        }
      }
      head.length = 0;
      for (let doc = await nextDocument(); doc !== null; doc = await nextDocument()) {
        for (const flat of flattenDocument(parseDocument(doc))) {
          const row = toRow(doc.index, flat);
          if (row) yield row;
        }
      }
    } finally {
      close();
    }
  }
  return { header, rows: rows() };
}
