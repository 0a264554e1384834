/**
 * The rows of one page of a list: `page` from 1, `pageSize` between 1 and `maxPageSize`; whatever
 * else arrives (0, fractions, NaN) becomes the nearest page that exists in that range. Every
 * paginated list reads its LIMIT and OFFSET from here.
 */
export function pageWindow(
  input: { page: number; pageSize: number },
  maxPageSize: number,
): { page: number; pageSize: number; limit: number; offset: number } {
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize) || 1, 1), maxPageSize);
  const page = Math.max(Math.trunc(input.page) || 1, 1);
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}
