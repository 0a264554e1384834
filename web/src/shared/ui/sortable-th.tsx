import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './kit.module.css';

/** A column header that sorts the list on the server: `field` ascending, `-field` descending. */
export function SortableTh({
  field,
  sort,
  onSort,
  children,
  align = 'left',
  descendingFirst = false,
}: {
  field: string;
  sort: string;
  onSort: (sort: string) => void;
  children: ReactNode;
  align?: 'left' | 'right';
  descendingFirst?: boolean;
}) {
  const { t } = useTranslation('kit');
  const active = sort === field ? 'asc' : sort === `-${field}` ? 'desc' : null;
  const next =
    active === 'asc' ? `-${field}` : active === 'desc' ? field : descendingFirst ? `-${field}` : field;
  const SortIcon =
    active === 'asc' ? IconSortAscending : active === 'desc' ? IconSortDescending : IconArrowsSort;
  return (
    <Table.Th
      ta={align}
      aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : 'none'}
      className={classes.nowrap}
    >
      <UnstyledButton
        onClick={() => onSort(next)}
        className={classes.sortButton}
        data-active={active ? true : undefined}
        data-align={align}
        aria-label={t('table.sortBy', { column: typeof children === 'string' ? children : field })}
      >
        {children}
        <SortIcon size={14} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}
