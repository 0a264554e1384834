import { Group, Pagination } from '@mantine/core';

/** The page links under a list paged by the server: shown only when there is more than one page. */
export function ListPagination({
  totalPages,
  page,
  onPage,
  label,
}: {
  totalPages: number;
  page: number;
  onPage: (page: number) => void;
  label: string;
}) {
  if (totalPages <= 1) return null;
  return (
    <Group justify="flex-end" p="md" component="nav" aria-label={label}>
      <Pagination total={totalPages} value={Math.min(page, totalPages)} onChange={onPage} size="sm" />
    </Group>
  );
}
