import { ImportFileError, type ImportRow } from '../../domain/integration/import-types.ts';

/** A file read as a table: its header and its data rows, streamed (break out of `rows` to stop reading). */
export interface ImportTable {
  header: string[];
  rows: AsyncGenerator<ImportRow, void, undefined>;
}

/** A text cell as the engine gets it: trimmed, empty → null. */
export function cellText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const text = value.trim();
  return text === '' ? null : text;
}

/**
 * The header as written: cells trimmed, empty cells at the end dropped (a trailing delimiter), a
 * name written twice refused (a mapping could not say which column it means).
 */
export function headerOf(cells: readonly (string | null | undefined)[], line: number): string[] {
  const header = cells.map((c) => (c ?? '').trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') continue;
    const key = name.toLowerCase();
    if (seen.has(key)) throw new ImportFileError('duplicate_header', line, { column: name });
    seen.add(key);
  }
  return header;
}

/**
 * One data row aligned to the header: short rows padded with nulls, cells past the header's end cut
 * off and counted (`overflow`, non-empty ones only). A row with every cell empty is null (skipped).
 */
export function rowOf(line: number, raw: readonly (string | null)[], width: number): ImportRow | null {
  const cells: (string | null)[] = new Array(width).fill(null);
  let any = false;
  let overflow = 0;
  for (let i = 0; i < raw.length; i++) {
    const cell = cellText(raw[i]);
    if (cell === null) continue;
    if (i < width) {
      cells[i] = cell;
      any = true;
    } else overflow++;
  }
  if (!any && overflow === 0) return null;
  return overflow > 0 ? { line, cells, overflow } : { line, cells };
}
