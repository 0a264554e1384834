import { expect, test } from 'vitest';
import { pageWindow } from './page-window.ts';

test('a page window holds page and size to what exists', () => {
  expect(pageWindow({ page: 3, pageSize: 25 }, 100)).toEqual({
    page: 3,
    pageSize: 25,
    limit: 25,
    offset: 50,
  });
  expect(pageWindow({ page: 0, pageSize: 0 }, 100)).toEqual({ page: 1, pageSize: 1, limit: 1, offset: 0 });
  expect(pageWindow({ page: 2.9, pageSize: 1000 }, 100)).toEqual({
    page: 2,
    pageSize: 100,
    limit: 100,
    offset: 100,
  });
  expect(pageWindow({ page: Number.NaN, pageSize: -5 }, 200)).toMatchObject({ page: 1, pageSize: 1 });
});
