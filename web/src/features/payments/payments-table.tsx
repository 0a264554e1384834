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
import { IconCash, IconReceipt, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import { ProblemAlert } from '../../app/ui/problem-alert';
import type { Audience, PaymentSummary } from '../invoices/ar.types';
import { Money, PageFooter, SkeletonRows } from '../invoices/ar-ui';
import classes from '../invoices/invoices.module.css';
import { useListState } from '../invoices/list-state';
import { receiptUrl, usePayments } from './payments.api';

export function PaymentStatusTag({
  payment,
}: {
  payment: Pick<PaymentSummary, 'status' | 'unappliedAmount'>;
}) {
  const { t } = useTranslation('payments');
  if (payment.status === 'reversed')
    return (
      <Badge color="red" variant="light" radius="sm" tt="none" fw={600}>
        {t('status.reversed')}
      </Badge>
    );
  return payment.unappliedAmount > 0 ? (
    <Badge color="yellow" variant="light" radius="sm" tt="none" fw={600}>
      {t('status.partlyUnapplied')}
    </Badge>
  ) : (
    <Badge color="teal" variant="light" radius="sm" tt="none" fw={600}>
      {t('status.applied')}
    </Badge>
  );
}

/** Payments received, newest first, with their receipts. */
export function PaymentsTable({
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
  linkTo?: (payment: PaymentSummary) => string;
}) {
  const { t } = useTranslation(['payments', 'invoices', 'common']);
  const format = useFormatters();
  const state = useListState(syncUrl);
  const q = state.get('q');
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if (debounced !== q) state.set({ q: debounced || null });
  }, [debounced, q, state.set]);
  const payments = usePayments(audience, {
    customerId,
    q: q || undefined,
    page: state.page,
    pageSize: 25,
  });
  const data = payments.data;
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
      {payments.isError && !data ? (
        <Box p="md">
          <ProblemAlert error={payments.error} onRetry={() => void payments.refetch()} />
        </Box>
      ) : data && data.items.length === 0 ? (
        <EmptyState
          py={48}
          icon={<IconCash size={28} stroke={1.5} aria-hidden />}
          withIndicatorBackground
          title={q ? t('table.noMatchesTitle') : t('table.emptyTitle')}
          description={q ? t('table.noMatchesText') : t('table.emptyText')}
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="sm" opacity={payments.isPlaceholderData ? 0.6 : 1}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.number')}</Table.Th>
                {showCustomer && <Table.Th>{t('invoices:fields.customer')}</Table.Th>}
                <Table.Th>{t('fields.receivedOn')}</Table.Th>
                <Table.Th>{t('fields.method')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th ta="right">{t('fields.amount')}</Table.Th>
                <Table.Th w={48}>
                  <VisuallyHidden>{t('fields.receipt')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data ? (
                data.items.map((payment) => (
                  <Table.Tr key={payment.id}>
                    <Table.Td>
                      {linkTo ? (
                        <Anchor
                          component={Link}
                          to={linkTo(payment)}
                          fw={600}
                          size="sm"
                          className={classes.nowrap}
                        >
                          {payment.number}
                        </Anchor>
                      ) : (
                        <Text fw={600} size="sm">
                          {payment.number}
                        </Text>
                      )}
                      {payment.reference && (
                        <Text className={classes.sub} truncate="end" maw={200}>
                          {t('fields.refShort', { reference: payment.reference })}
                        </Text>
                      )}
                    </Table.Td>
                    {showCustomer && (
                      <Table.Td>
                        <Text size="sm" fw={500} truncate="end" maw={240}>
                          {payment.customer.name}
                        </Text>
                        <Text className={classes.sub}>{payment.customer.accountNumber}</Text>
                      </Table.Td>
                    )}
                    <Table.Td fz="sm" className={classes.nowrap}>
                      {format.day(payment.receivedOn)}
                    </Table.Td>
                    <Table.Td fz="sm">{t(`invoices:methods.${payment.method}`)}</Table.Td>
                    <Table.Td>
                      <PaymentStatusTag payment={payment} />
                    </Table.Td>
                    <Table.Td className={classes.num} fz="sm">
                      <Text
                        component="span"
                        fw={600}
                        size="sm"
                        td={payment.status === 'reversed' ? 'line-through' : undefined}
                      >
                        <Money minor={payment.amount} currency={payment.currency} />
                      </Text>
                      {payment.status === 'completed' && payment.unappliedAmount > 0 && (
                        <Text className={classes.sub}>
                          {t('fields.unappliedShort', {
                            amount: format.money(payment.unappliedAmount, payment.currency),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={t('actions.receipt')} withArrow>
                        <ActionIcon
                          component="a"
                          href={receiptUrl(audience, payment.id)}
                          target="_blank"
                          rel="noopener"
                          variant="subtle"
                          color="gray"
                          aria-label={t('actions.receiptOf', { number: payment.number })}
                        >
                          <IconReceipt size={18} aria-hidden />
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
