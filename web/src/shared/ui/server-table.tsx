import { Box, Button, EmptyState, Table } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../app/api/types';
import { PageFooter } from './page-footer';
import { ProblemAlert } from './problem-alert';
import { SkeletonRows } from './skeleton-rows';
import { TableScroll } from './table-scroll';

/**
 * The body of a server-paginated list: an error with retry, an empty state (told apart from
 * "nothing matches the filters"), or the table with skeleton rows while loading; then the pager.
 */
export function ServerTable<T>({
  result,
  filtered,
  empty,
  minWidth,
  cols,
  head,
  row,
  onPage,
  paginationLabel,
  stack = false,
}: {
  result: UseQueryResult<Page<T>>;
  filtered: boolean;
  empty: {
    icon: ReactNode;
    title: string;
    text: string;
    noMatchesTitle: string;
    noMatchesText: string;
  };
  minWidth: number;
  cols: number;
  head: ReactNode;
  /** One `<Table.Tr>` (with its key) per item. */
  row: (item: T) => ReactNode;
  onPage: (page: number) => void;
  paginationLabel: string;
  /** On a phone, show each row as a card (each cell needs `data-label`). */
  stack?: boolean;
}) {
  const { t } = useTranslation('kit');
  const data = result.data;
  const lastPage = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || 25))) : 1;
  return (
    <>
      {result.isError && !data ? (
        <Box p="md">
          <ProblemAlert error={result.error} onRetry={() => void result.refetch()} />
        </Box>
      ) : data && data.items.length === 0 && data.total > 0 ? (
        <EmptyState
          py={48}
          icon={empty.icon}
          withIndicatorBackground
          title={t('table.pastEndTitle')}
          description={t('table.pastEndText', { count: lastPage })}
        >
          <EmptyState.Actions>
            <Button variant="default" onClick={() => onPage(lastPage)}>
              {t('table.lastPage')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : data && data.items.length === 0 ? (
        <EmptyState
          py={48}
          icon={empty.icon}
          withIndicatorBackground
          title={filtered ? empty.noMatchesTitle : empty.title}
          description={filtered ? empty.noMatchesText : empty.text}
        />
      ) : (
        <TableScroll minWidth={minWidth} stack={stack}>
          <Table highlightOnHover verticalSpacing="sm" opacity={result.isPlaceholderData ? 0.6 : 1}>
            <Table.Thead>
              <Table.Tr>{head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>{data ? data.items.map(row) : <SkeletonRows cols={cols} />}</Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <PageFooter data={data} onPage={onPage} label={paginationLabel} />
    </>
  );
}
