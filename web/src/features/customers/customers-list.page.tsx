import {
  Anchor,
  Badge,
  Box,
  Checkbox,
  EmptyState,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingStore, IconLock, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { PageHeader } from '../../app/ui/page-header';
import { ProblemAlert } from '../../app/ui/problem-alert';
import type { Balance } from '../invoices/ar.types';
import { Money, PageFooter, SkeletonRows, SortableTh } from '../invoices/ar-ui';
import classes from '../invoices/invoices.module.css';
import { useListState } from '../invoices/list-state';
import { useConsoleTeam } from '../team/team.api';
import { useCustomers } from './customers.api';

const PAGE_SIZE = 25;

/** One line per currency the customer owes in; a dash when nothing. */
export function BalanceLines({ balances, pick }: { balances: Balance[]; pick: (b: Balance) => number }) {
  const shown = balances.filter((b) => pick(b) !== 0);
  if (shown.length === 0)
    return (
      <Text component="span" c="dimmed" size="sm">
        —
      </Text>
    );
  return (
    <Stack gap={0} align="flex-end">
      {shown.map((b) => (
        <Money key={b.currency} minor={pick(b)} currency={b.currency} size="sm" />
      ))}
    </Stack>
  );
}

export function HoldBadge({ reason }: { reason?: string | null }) {
  const { t } = useTranslation('customers');
  const badge = (
    <Badge
      color="red"
      variant="light"
      radius="sm"
      tt="none"
      fw={600}
      leftSection={<IconLock size={12} aria-hidden />}
    >
      {t('hold.badge')}
    </Badge>
  );
  return reason ? (
    <Tooltip label={reason} multiline maw={280} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

export function CustomersListPage() {
  const { t } = useTranslation(['customers', 'invoices', 'common']);
  const { orgName } = useStaffContext();
  usePageTitle(t('list.title'));
  const state = useListState(true);
  const q = state.get('q');
  const sort = state.get('sort') || 'name';
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if (debounced !== q) state.set({ q: debounced || null });
  }, [debounced, q, state.set]);

  const team = useConsoleTeam();
  const customers = useCustomers({
    q: q || undefined,
    hold: state.get('hold') || undefined,
    collectorId: state.get('collectorId') || undefined,
    overdue: state.get('overdue') || undefined,
    sort,
    page: state.page,
    pageSize: PAGE_SIZE,
  });
  const data = customers.data;
  const filtered = Boolean(q || state.get('hold') || state.get('collectorId') || state.get('overdue'));
  const onSort = (value: string) => state.set({ sort: value });

  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description', { org: orgName })} />
      <Paper withBorder className={classes.section}>
        <Group p="md" gap="sm" className={classes.filters}>
          <TextInput
            aria-label={t('list.searchLabel')}
            placeholder={t('list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={{ base: '100%', sm: 300 }}
          />
          <Select
            aria-label={t('list.holdFilter')}
            data={[
              { value: '', label: t('list.holdAny') },
              { value: 'on_hold', label: t('list.holdOnly') },
              { value: 'active', label: t('list.holdNone') },
            ]}
            value={state.get('hold')}
            onChange={(value) => state.set({ hold: value || null })}
            allowDeselect={false}
            w={170}
          />
          <Select
            aria-label={t('list.collectorFilter')}
            placeholder={t('list.collectorAny')}
            data={[
              { value: '', label: t('list.collectorAny') },
              ...(team.data?.items ?? []).map((member) => ({
                value: member.userId,
                label: member.name || member.email,
              })),
            ]}
            value={state.get('collectorId')}
            onChange={(value) => state.set({ collectorId: value || null })}
            allowDeselect={false}
            searchable
            w={200}
          />
          <Checkbox
            label={t('list.overdueOnly')}
            checked={state.get('overdue') === 'true'}
            onChange={(event) => state.set({ overdue: event.currentTarget.checked ? 'true' : null })}
          />
        </Group>

        {customers.isError && !data ? (
          <Box p="md">
            <ProblemAlert error={customers.error} onRetry={() => void customers.refetch()} />
          </Box>
        ) : data && data.items.length === 0 ? (
          <EmptyState
            py={48}
            icon={<IconBuildingStore size={28} stroke={1.5} aria-hidden />}
            withIndicatorBackground
            title={filtered ? t('list.noMatchesTitle') : t('list.emptyTitle')}
            description={filtered ? t('list.noMatchesText') : t('list.emptyText')}
          />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover verticalSpacing="sm" opacity={customers.isPlaceholderData ? 0.6 : 1}>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh field="name" sort={sort} onSort={onSort}>
                    {t('fields.name')}
                  </SortableTh>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th>{t('fields.collector')}</Table.Th>
                  <SortableTh field="overdue" sort={sort} onSort={onSort} align="right" descendingFirst>
                    {t('fields.overdue')}
                  </SortableTh>
                  <SortableTh field="balance" sort={sort} onSort={onSort} align="right" descendingFirst>
                    {t('fields.balance')}
                  </SortableTh>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data ? (
                  data.items.map((customer) => (
                    <Table.Tr key={customer.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/console/customers/${customer.id}`} fw={600} size="sm">
                          {customer.name}
                        </Anchor>
                        <Text className={classes.sub}>
                          {customer.accountNumber}
                          {customer.taxId ? ` · ${customer.taxId}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {customer.holdStatus === 'on_hold' ? (
                          <HoldBadge reason={customer.holdReason} />
                        ) : (
                          <Badge color="teal" variant="light" radius="sm" tt="none" fw={600}>
                            {t('hold.active')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td fz="sm">
                        {customer.collector?.name ?? (
                          <Text component="span" c="dimmed" size="sm">
                            {t('fields.noCollector')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" c="red.7" fw={600}>
                        <BalanceLines balances={customer.balances} pick={(b) => b.overdue} />
                      </Table.Td>
                      <Table.Td ta="right" fw={600}>
                        <BalanceLines balances={customer.balances} pick={(b) => b.total} />
                      </Table.Td>
                    </Table.Tr>
                  ))
                ) : (
                  <SkeletonRows cols={5} />
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <PageFooter
          data={data}
          onPage={(page) => state.set({ page: String(page) })}
          label={t('list.pagination')}
        />
      </Paper>
    </>
  );
}
