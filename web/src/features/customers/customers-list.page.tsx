import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconBuildingStore, IconLock, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import classes from '../../shared/ui/kit.module.css';
import { useListState } from '../../shared/ui/list-state';
import { Money } from '../../shared/ui/money';
import { PageHeader } from '../../shared/ui/page-header';
import { SearchBox, useListSearch } from '../../shared/ui/search-box';
import { ServerTable } from '../../shared/ui/server-table';
import { SortableTh } from '../../shared/ui/sortable-th';
import { CollectionHeader } from '../collections/collection-header';
import { useSubscribedAmong } from '../collections/collections.api';
import { SubscriptionMark } from '../collections/subscription-mark';
import { type Balance, canWriteAr } from '../invoices/ar.types';
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

/** What the customer list's address may say; anything else falls back to the default. */
const CUSTOMER_LIST_VALUES = {
  sort: ['name', 'accountNumber', 'balance', 'overdue'].flatMap((f) => [f, `-${f}`]),
  hold: ['on_hold', 'active'],
  overdue: ['true', 'false'],
};

export function CustomersListPage() {
  const { t } = useTranslation(['customers', 'invoices', 'common']);
  const { orgName, role } = useStaffContext();
  usePageTitle(t('list.title'));
  const state = useListState(true, CUSTOMER_LIST_VALUES);
  const { q, search, setSearch } = useListSearch(state);
  const sort = state.get('sort') || 'name';

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
  const subscribed = useSubscribedAmong(customers.data?.items.map((c) => c.id) ?? []);
  const filtered = Boolean(q || state.get('hold') || state.get('collectorId') || state.get('overdue'));
  const onSort = (value: string) => state.set({ sort: value });

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description', { org: orgName })}
        actions={
          canWriteAr(role) && (
            <Button
              component={Link}
              to="/console/customers/new"
              leftSection={<IconUserPlus size={16} aria-hidden />}
            >
              {t('list.new')}
            </Button>
          )
        }
      />
      <CollectionHeader canChange={role === 'owner' || role === 'admin'} />
      <Paper withBorder className={classes.section}>
        <Group p="md" gap="sm" className={classes.filters}>
          <SearchBox
            label={t('list.searchLabel')}
            placeholder={t('list.searchPlaceholder')}
            value={search}
            onChange={setSearch}
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

        <ServerTable
          result={customers}
          filtered={filtered}
          empty={{
            icon: <IconBuildingStore size={28} stroke={1.5} aria-hidden />,
            title: t('list.emptyTitle'),
            text: t('list.emptyText'),
            noMatchesTitle: t('list.noMatchesTitle'),
            noMatchesText: t('list.noMatchesText'),
          }}
          minWidth={860}
          cols={5}
          head={
            <>
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
            </>
          }
          row={(customer) => (
            <Table.Tr key={customer.id}>
              <Table.Td>
                <SubscriptionMark
                  customerId={customer.id}
                  customerName={customer.name}
                  subscribed={subscribed.data?.has(customer.id) ?? false}
                  canChange={canWriteAr(role)}
                />
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
          )}
          onPage={(page) => state.set({ page: String(page) })}
          paginationLabel={t('list.pagination')}
        />
      </Paper>
    </>
  );
}
