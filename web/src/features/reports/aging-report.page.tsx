import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  Box,
  Button,
  Center,
  EmptyState,
  Group,
  Pagination,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import {
  IconChevronDown,
  IconChevronUp,
  IconDownload,
  IconReportMoney,
  IconSearch,
  IconSelector,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DayInput } from '../../app/date-input';
import { currencyExponent, minorToDecimal, useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { AmountFigure, figureCardClass } from '../../shared/ui/money';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableScroll } from '../../shared/ui/table-scroll';
import { AGING_BUCKET_COLORS } from './aging-colors';
import {
  AGING_BUCKETS,
  type AgingCurrency,
  type AgingCustomer,
  agingExportUrl,
  RECONCILIATION,
  useAgingReport,
} from './reports.api';
import classes from './reports.module.css';

const PAGE_SIZE = 50;
type SortKey =
  | 'name'
  | 'accountNumber'
  | (typeof AGING_BUCKETS)[number]
  | 'total'
  | (typeof RECONCILIATION)[number];
const COLUMNS: readonly SortKey[] = ['name', 'accountNumber', ...AGING_BUCKETS, 'total', ...RECONCILIATION];

function isDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** The org's aging report: per currency the bucket totals, a chart, and a sortable table of customers. */
export function AgingReportPage() {
  const { t } = useTranslation(['reports', 'common']);
  const format = useFormatters();
  const { orgName } = useStaffContext();
  usePageTitle(t('aging.title'));
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = isDate(asOfParam) ? asOfParam : null;
  const report = useAgingReport(asOf);
  const data = report.data;
  const [tab, setTab] = useState<string | null>(null);
  const active = data?.currencies.find((c) => c.currency === tab) ?? data?.currencies[0];

  const setAsOf = (value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (isDate(value)) next.set('asOf', value);
        else next.delete('asOf');
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('aging.title')}
        description={data ? t('aging.description', { org: orgName, date: format.day(data.asOf) }) : undefined}
        actions={
          <>
            <Button
              component="a"
              href={agingExportUrl('csv', asOf)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('aging.downloadCsv')}
            </Button>
            <Button
              component="a"
              href={agingExportUrl('xlsx', asOf)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('aging.downloadXlsx')}
            </Button>
          </>
        }
      />

      <Group mb="lg" align="flex-end">
        <DayInput
          label={t('aging.asOf')}
          description={t('aging.asOfHelp')}
          value={asOf ?? data?.asOf ?? ''}
          onChange={(value) => setAsOf(value)}
          w={{ base: '100%', sm: 320 }}
        />
      </Group>

      {report.isError && !data ? (
        <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : !data ? (
        <Stack>
          <Skeleton height={96} />
          <Skeleton height={260} />
        </Stack>
      ) : data.currencies.length === 0 || !active ? (
        <Paper withBorder>
          <EmptyState
            py={48}
            icon={<IconReportMoney size={28} stroke={1.5} aria-hidden />}
            withIndicatorBackground
            title={t('aging.emptyTitle')}
            description={t('aging.emptyText')}
          />
        </Paper>
      ) : data.currencies.length === 1 ? (
        <CurrencySection data={active} />
      ) : (
        <Tabs value={active.currency} onChange={setTab} keepMounted={false}>
          <Tabs.List aria-label={t('aging.currencies')} mb="lg">
            {data.currencies.map((c) => (
              <Tabs.Tab key={c.currency} value={c.currency}>
                {c.currency} · {format.money(c.total, c.currency)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {data.currencies.map((c) => (
            <Tabs.Panel key={c.currency} value={c.currency}>
              <CurrencySection data={c} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </>
  );
}

function CurrencySection({ data }: { data: AgingCurrency }) {
  const { t } = useTranslation(['reports', 'common']);
  const format = useFormatters();
  const { currency } = data;
  const exponent = currencyExponent(currency);
  const major = useMemo(
    () =>
      new Intl.NumberFormat(format.locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: exponent,
        maximumFractionDigits: exponent,
      }),
    [format.locale, currency, exponent],
  );
  const chartData = AGING_BUCKETS.map((key, i) => ({
    bucket: t(`columns.${key}`),
    color: AGING_BUCKET_COLORS[i],
    // The chart needs numbers; the exact amounts are in the cards and the table.
    amount: Number(minorToDecimal(data.buckets[key], currency)),
  }));

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Title order={2} fz="lg" mb="md">
          {t('aging.summary', { currency })}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 5 }} spacing="sm" mb="sm">
          {AGING_BUCKETS.map((key, i) => (
            <Box key={key} className={`${classes.stat} ${figureCardClass}`} data-bucket={i} data-card>
              <Text size="xs" c="dimmed" fw={500}>
                {t(`columns.${key}`)}
              </Text>
              <AmountFigure size={16} fw={600}>
                {format.money(data.buckets[key], currency)}
              </AmountFigure>
            </Box>
          ))}
          <Box className={`${classes.stat} ${figureCardClass}`} data-card>
            <Text size="xs" c="dimmed" fw={500}>
              {t('aging.total')}
            </Text>
            <AmountFigure size={16} fw={700}>
              {format.money(data.total, currency)}
            </AmountFigure>
          </Box>
          {RECONCILIATION.map((key) => (
            <Box key={key} className={`${classes.stat} ${figureCardClass}`} data-card>
              <Text size="xs" c="dimmed" fw={500}>
                {t(`columns.${key}`)}
              </Text>
              <AmountFigure size={16} fw={key === 'balance' ? 700 : 600}>
                {format.money(key === 'balance' ? data.balance : -data[key], currency)}
              </AmountFigure>
            </Box>
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed" mb="md">
          {t('aging.reconcile')}
        </Text>
        <figure className={classes.figure} aria-label={t('aging.chartLabel', { currency })}>
          <BarChart
            h={260}
            data={chartData}
            dataKey="bucket"
            series={[{ name: 'amount', label: t('aging.chartSeries'), color: AGING_BUCKET_COLORS[0] }]}
            valueFormatter={(value) => major.format(value)}
            tickLine="y"
            gridAxis="y"
            yAxisProps={{ width: 96 }}
          />
        </figure>
      </Paper>
      <CustomerTable data={data} />
    </Stack>
  );
}

type AmountKey = Exclude<SortKey, 'name' | 'accountNumber'>;

function amountOf(c: AgingCustomer, key: AmountKey): number {
  return key === 'total' || (RECONCILIATION as readonly string[]).includes(key)
    ? c[key as 'total' | (typeof RECONCILIATION)[number]]
    : c.buckets[key as (typeof AGING_BUCKETS)[number]];
}

function compare(a: AgingCustomer, b: AgingCustomer, key: SortKey): number {
  if (key === 'name' || key === 'accountNumber') return a[key].localeCompare(b[key]);
  return amountOf(a, key) - amountOf(b, key);
}

function CustomerTable({ data }: { data: AgingCurrency }) {
  const { t } = useTranslation(['reports', 'common']);
  const format = useFormatters();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'total', desc: true });
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const needle = q.trim().toLocaleLowerCase();
  const rows = useMemo(() => {
    const filtered = needle
      ? data.customers.filter(
          (c) =>
            c.name.toLocaleLowerCase().includes(needle) ||
            c.accountNumber.toLocaleLowerCase().includes(needle),
        )
      : data.customers;
    return [...filtered].sort((a, b) => {
      const order = compare(a, b, sort.key) || a.name.localeCompare(b.name);
      return sort.desc ? -order : order;
    });
  }, [data.customers, needle, sort]);
  const totalPages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, totalPages);
  const shown = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  const toggle = (key: SortKey) => {
    setSort((s) =>
      s.key === key ? { key, desc: !s.desc } : { key, desc: key !== 'name' && key !== 'accountNumber' },
    );
    setPage(1);
  };

  return (
    <Paper withBorder>
      <Group p="md" justify="space-between" gap="sm">
        <TextInput
          aria-label={t('aging.searchLabel')}
          placeholder={t('aging.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setPage(1);
          }}
          w={{ base: '100%', sm: 360 }}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {rows.length > PAGE_SIZE
            ? t('aging.range', {
                from: format.number((current - 1) * PAGE_SIZE + 1),
                to: format.number(Math.min(current * PAGE_SIZE, rows.length)),
                total: format.number(rows.length),
              })
            : t('aging.customersCount', { count: format.number(rows.length) })}
        </Text>
      </Group>
      {rows.length === 0 ? (
        <Center>
          <EmptyState
            py={40}
            icon={<IconSearch size={28} stroke={1.5} aria-hidden />}
            title={t('aging.noMatchesTitle')}
            description={t('aging.noMatchesText', { q })}
          />
        </Center>
      ) : (
        <TableScroll minWidth={1280}>
          <Table highlightOnHover aria-label={t('aging.tableLabel', { currency: data.currency })}>
            <Table.Thead>
              <Table.Tr>
                {COLUMNS.map((key) => {
                  const numeric = key !== 'name' && key !== 'accountNumber';
                  const sorted = sort.key === key;
                  const Icon = sorted ? (sort.desc ? IconChevronDown : IconChevronUp) : IconSelector;
                  return (
                    <Table.Th
                      key={key}
                      ta={numeric ? 'right' : 'left'}
                      aria-sort={sorted ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                      className={classes.nowrap}
                    >
                      <UnstyledButton
                        onClick={() => toggle(key)}
                        className={classes.sort}
                        data-numeric={numeric || undefined}
                        title={t('aging.sortBy', { column: t(`columns.${key}`) })}
                      >
                        <span>{t(`columns.${key}`)}</span>
                        <Icon size={14} aria-hidden />
                      </UnstyledButton>
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((c) => (
                <Table.Tr key={c.customerId}>
                  <Table.Td fw={500}>{c.name}</Table.Td>
                  <Table.Td c="dimmed" className={classes.nowrap}>
                    {c.accountNumber}
                  </Table.Td>
                  {AGING_BUCKETS.map((key) => (
                    <Table.Td
                      key={key}
                      ta="right"
                      className={classes.amount}
                      data-amount
                      data-zero={c.buckets[key] === 0 || undefined}
                    >
                      {format.money(c.buckets[key], data.currency)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fw={600} className={classes.amount} data-amount>
                    {format.money(c.total, data.currency)}
                  </Table.Td>
                  {/* Subtracted from the total: total − unapplied cash − unapplied credits = balance. */}
                  <Table.Td
                    ta="right"
                    className={classes.amount}
                    data-amount
                    data-zero={c.unappliedCash === 0 || undefined}
                  >
                    {format.money(-c.unappliedCash, data.currency)}
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    className={classes.amount}
                    data-amount
                    data-zero={c.unappliedCredits === 0 || undefined}
                  >
                    {format.money(-c.unappliedCredits, data.currency)}
                  </Table.Td>
                  <Table.Td ta="right" fw={600} className={classes.amount} data-amount>
                    {format.money(c.balance, data.currency)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr className={classes.totals}>
                <Table.Th colSpan={2}>{t('aging.total')}</Table.Th>
                {AGING_BUCKETS.map((key) => (
                  <Table.Th key={key} ta="right" className={classes.amount} data-amount>
                    {format.money(data.buckets[key], data.currency)}
                  </Table.Th>
                ))}
                <Table.Th ta="right" className={classes.amount} data-amount>
                  {format.money(data.total, data.currency)}
                </Table.Th>
                <Table.Th ta="right" className={classes.amount} data-amount>
                  {format.money(-data.unappliedCash, data.currency)}
                </Table.Th>
                <Table.Th ta="right" className={classes.amount} data-amount>
                  {format.money(-data.unappliedCredits, data.currency)}
                </Table.Th>
                <Table.Th ta="right" className={classes.amount} data-amount>
                  {format.money(data.balance, data.currency)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </TableScroll>
      )}
      {totalPages > 1 && (
        <Group justify="flex-end" p="md" component="nav" aria-label={t('aging.pagination')}>
          <Pagination
            total={totalPages}
            value={current}
            onChange={setPage}
            size="sm"
            getItemProps={(item) => ({ 'aria-label': t('aging.page', { page: item }) })}
            getControlProps={(control) => ({ 'aria-label': t(`aging.controls.${control}`) })}
          />
        </Group>
      )}
    </Paper>
  );
}
