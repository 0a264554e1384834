/** `%term%` for ILIKE with the term's own %, _ and \ taken literally: every list's search box. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, '\\$&')}%`;
}
