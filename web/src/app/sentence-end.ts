/**
 * One full stop where a sentence ends on a name that ends in one: "… for Seaside Market Co.." reads
 * "… for Seaside Market Co.". Only a pair of stops right after a letter is folded; an ellipsis
 * ("…", "...") is left alone.
 */
export function oneFullStop(text: string): string {
  return text.includes('..') ? text.replace(/(?<=\p{L})\.\.(?!\.)/gu, '.') : text;
}
