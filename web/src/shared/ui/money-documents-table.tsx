import { ActionIcon, Anchor, Group, Paper, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../../app/api/types';
import type { CustomerRef } from '../../app/api/wire';
import { useFormatters } from '../../app/format';
import { CustomerCell } from './customer-cell';
import classes from './kit.module.css';
import type { ListState } from './list-state';
import { Money } from './money';
import { SearchBox, type useListSearch } from './search-box';
import { ServerTable } from './server-table';

interface MoneyDocument {
  id: string;
  number: string;
  customer: CustomerRef;
  currency: string;
  amount: number;
}

/**
 * Payments and credit memos, newest first, searchable and paginated by the server: number
 * (linked when `linkTo` is given), customer, date, one column of the kind's own, status,
 * amount with what is left to apply, and a link to the PDF.
 */
export function MoneyDocumentsTable<T extends MoneyDocument>({
  result,
  list,
  showCustomer,
  linkTo,
  labels,
  emptyIcon,
  subline,
  dateOf,
  extra,
  status,
  struck,
  unappliedNote,
  pdf,
}: {
  result: UseQueryResult<Page<T>>;
  list: { state: ListState } & ReturnType<typeof useListSearch>;
  showCustomer: boolean;
  linkTo?: (item: T) => string;
  /** In the kind's namespace: table.* texts, the number/date/status/amount/pdf column titles. */
  labels: {
    searchLabel: string;
    searchPlaceholder: string;
    emptyTitle: string;
    emptyText: string;
    noMatchesTitle: string;
    noMatchesText: string;
    pagination: string;
    number: string;
    date: string;
    status: string;
    amount: string;
    pdf: string;
  };
  emptyIcon: ReactNode;
  /** A dimmed line under the number (reason, reference), or nothing. */
  subline: (item: T) => ReactNode;
  dateOf: (item: T) => string;
  extra: { title: string; cell: (item: T) => ReactNode };
  status: (item: T) => ReactNode;
  struck?: (item: T) => boolean;
  /** "N still available", when something is left to apply. */
  unappliedNote: (item: T) => string | null;
  pdf: { tooltip: string; href: (item: T) => string; ariaLabel: (item: T) => string; icon: ReactNode };
}) {
  const { t } = useTranslation('kit');
  const format = useFormatters();
  const { state, q, search, setSearch } = list;
  return (
    <Paper withBorder className={classes.section}>
      <Group p="md" gap="sm" className={classes.filters}>
        <SearchBox
          label={labels.searchLabel}
          placeholder={labels.searchPlaceholder}
          value={search}
          onChange={setSearch}
        />
      </Group>
      <ServerTable
        result={result}
        filtered={Boolean(q)}
        empty={{
          icon: emptyIcon,
          title: labels.emptyTitle,
          text: labels.emptyText,
          noMatchesTitle: labels.noMatchesTitle,
          noMatchesText: labels.noMatchesText,
        }}
        minWidth={700}
        stack
        cols={6 + (showCustomer ? 1 : 0)}
        head={
          <>
            <Table.Th>{labels.number}</Table.Th>
            {showCustomer && <Table.Th>{t('customer')}</Table.Th>}
            <Table.Th>{labels.date}</Table.Th>
            <Table.Th>{extra.title}</Table.Th>
            <Table.Th>{labels.status}</Table.Th>
            <Table.Th ta="right">{labels.amount}</Table.Th>
            <Table.Th w={48}>
              <VisuallyHidden>{labels.pdf}</VisuallyHidden>
            </Table.Th>
          </>
        }
        row={(item) => {
          const note = unappliedNote(item);
          return (
            <Table.Tr key={item.id}>
              <Table.Td data-primary>
                {linkTo ? (
                  <Anchor component={Link} to={linkTo(item)} fw={600} size="sm" className={classes.nowrap}>
                    {item.number}
                  </Anchor>
                ) : (
                  <Text fw={600} size="sm">
                    {item.number}
                  </Text>
                )}
                {subline(item)}
              </Table.Td>
              {showCustomer && <CustomerCell customer={item.customer} label={t('customer')} />}
              <Table.Td fz="sm" className={classes.nowrap} data-label={labels.date}>
                {format.day(dateOf(item))}
              </Table.Td>
              <Table.Td fz="sm" data-label={extra.title}>
                <div>{extra.cell(item)}</div>
              </Table.Td>
              <Table.Td data-label={labels.status}>{status(item)}</Table.Td>
              <Table.Td className={classes.num} fz="sm" data-label={labels.amount}>
                <div>
                  <Text component="span" fw={600} size="sm" td={struck?.(item) ? 'line-through' : undefined}>
                    <Money minor={item.amount} currency={item.currency} />
                  </Text>
                  {note && <Text className={classes.sub}>{note}</Text>}
                </div>
              </Table.Td>
              <Table.Td data-label={labels.pdf}>
                <Tooltip label={pdf.tooltip} withArrow>
                  <ActionIcon
                    component="a"
                    href={pdf.href(item)}
                    target="_blank"
                    rel="noopener"
                    variant="subtle"
                    color="gray"
                    aria-label={pdf.ariaLabel(item)}
                  >
                    {pdf.icon}
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          );
        }}
        onPage={(page) => state.set({ page: String(page) })}
        paginationLabel={labels.pagination}
      />
    </Paper>
  );
}
