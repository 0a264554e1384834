import { type ImportField, importFields } from './import-fields.ts';
import type { ImportKind } from './import-types.ts';

/**
 * A header or synonym reduced to the words that tell them apart: lower case, accents and other
 * diacritics off, "No.", "Nº", "#" read as "no", "%" as "pct", other punctuation as spaces.
 */
export function normalizeHeader(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/\bn\s*[º°o]\s*\./g, ' no ')
      .replace(/\bn[º°]/g, ' no ')
      .replace(/#/g, ' no ')
      // "IVA %" is a rate, "IVA" an amount: the sign stays a word.
      .replace(/%/g, ' pct ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ')
      .filter((word) => word !== '')
  );
}

const joined = (words: readonly string[]) => words.join(' ');

/** Whether `part` appears in `whole` as consecutive words. */
function containsWords(whole: readonly string[], part: readonly string[]): boolean {
  if (part.length === 0 || part.length > whole.length) return false;
  for (let i = 0; i + part.length <= whole.length; i++) {
    if (part.every((word, k) => whole[i + k] === word)) return true;
  }
  return false;
}

interface Candidate {
  field: ImportField;
  order: number;
  header: string;
  /** 3 the field's own name, 2 a synonym exactly, 1 a synonym inside a longer header. */
  rank: number;
  /** Words of the synonym matched: a longer one is a better match. */
  words: number;
}

export interface SuggestedMapping {
  /** Field name (import-fields.ts) → the file's column header that holds it. */
  mapping: Record<string, string>;
  /** Required fields of the kind that no header matched. */
  unmatchedRequired: string[];
}

/**
 * Suggests which column holds which field of a kind, from the headers' names in Spanish or
 * English ("Folio", "Fecha de vencimiento", "Invoice #", "Due date"): the field's own name or a
 * synonym matched exactly first (ignoring case, accents, spaces and punctuation), then a header
 * holding a synonym among other words; a header goes to one field and a field to one header,
 * required fields served first when two want the same header.
 */
export function suggestMapping(kind: ImportKind, header: readonly string[]): SuggestedMapping {
  const fields = importFields[kind];
  const headers = header
    .map((name) => ({ name, words: normalizeHeader(name) }))
    .filter((h) => h.words.length);
  const candidates: Candidate[] = [];
  fields.forEach((field, order) => {
    const own = normalizeHeader(field.name.replace(/_/g, ' '));
    const synonyms = field.synonyms.map(normalizeHeader);
    for (const h of headers) {
      const text = joined(h.words);
      if (text === joined(own) || h.words.join('') === own.join('')) {
        candidates.push({ field, order, header: h.name, rank: 3, words: own.length });
        continue;
      }
      const exact = synonyms.find((s) => joined(s) === text || s.join('') === h.words.join(''));
      if (exact) {
        candidates.push({ field, order, header: h.name, rank: 2, words: exact.length });
        continue;
      }
      const inside = synonyms.filter((s) => containsWords(h.words, s));
      if (inside.length) {
        const words = Math.max(...inside.map((s) => s.length));
        candidates.push({ field, order, header: h.name, rank: 1, words });
      }
    }
  });
  candidates.sort(
    (a, b) =>
      b.rank - a.rank ||
      Number(b.field.required) - Number(a.field.required) ||
      b.words - a.words ||
      a.order - b.order,
  );
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.field.name] !== undefined || taken.has(c.header)) continue;
    mapping[c.field.name] = c.header;
    taken.add(c.header);
  }
  return {
    mapping,
    unmatchedRequired: fields.filter((f) => f.required && mapping[f.name] === undefined).map((f) => f.name),
  };
}
