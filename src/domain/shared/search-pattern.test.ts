import { expect, test } from 'vitest';
import { containsPattern } from './search-pattern.ts';

test('a search term matches anywhere, its own %, _ and \\ taken literally', () => {
  expect(containsPattern('A-41')).toBe('%A-41%');
  expect(containsPattern('50%_off\\x')).toBe('%50\\%\\_off\\\\x%');
});
