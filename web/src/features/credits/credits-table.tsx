import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  EmptyState,
  Group,
  Paper,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconReceiptRefund, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import { ProblemAlert } from '../../app/ui/problem-alert';
import type { Audience, CreditSummary } from '../invoices/ar.types';
import { Money, PageFooter, SkeletonRows } from '../invoices/ar-ui';
import classes from '../invoices/invoices.module.css';
import { useListState } from '../invoices/list-state';
import { creditPdfUrl, useCredits } from './credits.api';

export function CreditStatusTag({ credit }: { credit: Pick<CreditSummary, 'status' | 'unappliedAmount'> }) {
  const { t } = useTranslation('credits');
  if (credit.status === 'void')
    return (
      <Badge color="dark" variant="light" radius="sm" tt="none" fw={600}>
        {t('status.void')}
      </Badge>
    );
  return credit.unappliedAmount > 0 ? (
    <Badge color="blue" variant="light" radius="sm" tt="none" fw={600}>
      {t('status.available')}
    </Badge>
  ) : (
    <Badge color="teal" variant="light" radius="sm" tt="none" fw={600}>
      {t('status.applied')}
    </Badge>
  );
}

/** Credit memos, newest first, with what is still available to apply. */
export function CreditsTable({
  audience,
  customerId,
  showCustomer = false,
  syncUrl = false,
  linkTo,
}: {
  audience: Audience;
  customerId?: string;
  showCustomer?: boolean;
  syncUrl?: boolean;
  linkTo?: (credit: CreditSummary) => string;
}) {
  const { t } = useTranslation(['credits', 'invoices', 'common']);
  const format = useFormatters();
  const state = useListState(syncUrl);
  const q = state.get('q');
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if (debounced !== q) state.set({ q: debounced || null });
  }, [debounced, q, state.set]);
  const credits = useCredits(audience, {
    customerId,
    q: q || undefined,
    page: state.page,
    pageSize: 25,
  });
  const data = credits.data;
  const cols = 6 + (showCustomer ? 1 : 0);

  return (
    <Paper withBorder className={classes.section}>
      <Group p="md" gap="sm" className={classes.filters}>
        <TextInput
          aria-label={t('table.searchLabel')}
          placeholder={t('table.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: '100%', sm: 300 }}
        />
      </Group>
      {credits.isError && !data ? (
        <Box p="md">
          <ProblemAlert error={credits.error} onRetry={() => void credits.refetch()} />
        </Box>
      ) : data && data.items.length === 0 ? (
        <EmptyState
          py={48}
          icon={<IconReceiptRefund size={28} stroke={1.5} aria-hidden />}
          withIndicatorBackground
          title={q ? t('table.noMatchesTitle') : t('table.emptyTitle')}
          description={q ? t('table.noMatchesText') : t('table.emptyText')}
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="sm" opacity={credits.isPlaceholderData ? 0.6 : 1}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.number')}</Table.Th>
                {showCustomer && <Table.Th>{t('invoices:fields.customer')}</Table.Th>}
                <Table.Th>{t('fields.issueDate')}</Table.Th>
                <Table.Th>{t('fields.invoice')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th ta="right">{t('fields.amount')}</Table.Th>
                <Table.Th w={48}>
                  <VisuallyHidden>{t('fields.pdf')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data ? (
                data.items.map((credit) => (
                  <Table.Tr key={credit.id}>
                    <Table.Td>
                      {linkTo ? (
                        <Anchor
                          component={Link}
                          to={linkTo(credit)}
                          fw={600}
                          size="sm"
                          className={classes.nowrap}
                        >
                          {credit.number}
                        </Anchor>
                      ) : (
                        <Text fw={600} size="sm">
                          {credit.number}
                        </Text>
                      )}
                      {credit.reason && (
                        <Text className={classes.sub} truncate="end" maw={240}>
                          {credit.reason}
                        </Text>
                      )}
                    </Table.Td>
                    {showCustomer && (
                      <Table.Td>
                        <Text size="sm" fw={500} truncate="end" maw={240}>
                          {credit.customer.name}
                        </Text>
                        <Text className={classes.sub}>{credit.customer.accountNumber}</Text>
                      </Table.Td>
                    )}
                    <Table.Td fz="sm" className={classes.nowrap}>
                      {format.day(credit.issueDate)}
                    </Table.Td>
                    <Table.Td fz="sm">
                      {credit.invoice ? (
                        <Anchor
                          component={Link}
                          to={`/${audience}/invoices/${credit.invoice.id}`}
                          size="sm"
                          className={classes.nowrap}
                        >
                          {credit.invoice.number}
                        </Anchor>
                      ) : (
                        <Text component="span" c="dimmed" size="sm">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <CreditStatusTag credit={credit} />
                    </Table.Td>
                    <Table.Td className={classes.num} fz="sm">
                      <Text component="span" fw={600} size="sm">
                        <Money minor={credit.amount} currency={credit.currency} />
                      </Text>
                      {credit.status === 'open' && credit.unappliedAmount > 0 && (
                        <Text className={classes.sub}>
                          {t('fields.availableShort', {
                            amount: format.money(credit.unappliedAmount, credit.currency),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={t('actions.pdf')} withArrow>
                        <ActionIcon
                          component="a"
                          href={creditPdfUrl(audience, credit.id)}
                          target="_blank"
                          rel="noopener"
                          variant="subtle"
                          color="gray"
                          aria-label={t('actions.pdfOf', { number: credit.number })}
                        >
                          <IconDownload size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))
              ) : (
                <SkeletonRows cols={cols} />
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PageFooter
        data={data}
        onPage={(page) => state.set({ page: String(page) })}
        label={t('table.pagination')}
      />
    </Paper>
  );
}
