import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Checkbox,
  Collapse,
  Group,
  Indicator,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAdjustmentsHorizontal, IconFileInvoice, IconX } from '@tabler/icons-react';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DayInput } from '../../app/date-input';
import { useFormatters } from '../../app/format';
import { minorToInput, parseMoneyInput } from '../../app/money-input';
import { InvoiceBadges } from '../../shared/ui/badges';
import { CustomerCell } from '../../shared/ui/customer-cell';
import { DueDate } from '../../shared/ui/due-date';
import classes from '../../shared/ui/kit.module.css';
import { useListState } from '../../shared/ui/list-state';
import { Money } from '../../shared/ui/money';
import { SearchBox, useListSearch } from '../../shared/ui/search-box';
import { ServerTable } from '../../shared/ui/server-table';
import { SortableTh } from '../../shared/ui/sortable-th';
import type { Audience, InvoiceSummary } from './ar.types';
import { type InvoiceQuery, useInvoices } from './invoices.api';

const STATUS_TABS = ['all', 'open', 'overdue', 'partially_paid', 'paid', 'void'] as const;
const DATE_KEYS = ['issuedFrom', 'issuedTo', 'dueFrom', 'dueTo'] as const;
const AMOUNT_KEYS = ['minAmount', 'maxAmount'] as const;
export const INVOICE_PAGE_SIZE = 25;
/** What an invoice list's address may say (the API's own lists); anything else falls back to the default. */
const INVOICE_LIST_VALUES = {
  status: [...STATUS_TABS, 'unpaid', 'draft'],
  sort: ['number', 'customer', 'issueDate', 'dueDate', 'total', 'openAmount'].flatMap((f) => [f, `-${f}`]),
};

export interface InvoiceTableProps {
  audience: Audience;
  /** Only this customer's invoices (and no customer column). */
  customerId?: string;
  showCustomer?: boolean;
  selectable?: boolean;
  /** Which rows may be ticked (every row by default); the others show a disabled box. */
  canSelect?: (invoice: InvoiceSummary) => boolean;
  /** The bar shown while rows are ticked, in place of the count and open total (e.g. a pay button). */
  selectionBar?: (selected: InvoiceSummary[], clear: () => void) => ReactNode;
  /** Keep filters, sort and page in the address (list pages). */
  syncUrl?: boolean;
  /** Where a row's number links to. */
  linkTo: (invoice: InvoiceSummary) => string;
  /** The currency whose decimals the amount filters are typed in. */
  amountCurrency?: string;
  defaultSort?: string;
  defaultStatus?: string;
  title?: string;
}

/**
 * Invoices of a seller or of one customer account, filtered, sorted and paginated by the
 * server; rows can be selected to see what they add up to.
 */
export function InvoiceTable({
  audience,
  customerId,
  showCustomer = false,
  selectable = false,
  canSelect = () => true,
  selectionBar,
  syncUrl = false,
  linkTo,
  amountCurrency = 'USD',
  defaultSort = '-issueDate',
  defaultStatus = '',
}: InvoiceTableProps) {
  const { t } = useTranslation(['invoices', 'common']);
  const format = useFormatters();
  const state = useListState(syncUrl, INVOICE_LIST_VALUES);
  const { q, search, setSearch } = useListSearch(state);
  const status = state.get('status') || defaultStatus;
  const sort = state.get('sort') || defaultSort;

  const advancedActive = [...DATE_KEYS, ...AMOUNT_KEYS].filter((key) => state.get(key)).length;
  const [showAdvanced, setShowAdvanced] = useState(advancedActive > 0);

  // Amount filters are typed as text and sent in minor units once they parse.
  const [amountText, setAmountText] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      AMOUNT_KEYS.filter((key) => /^\d+$/.test(state.get(key))).map((key) => [
        key,
        minorToInput(BigInt(state.get(key)), amountCurrency, format.locale),
      ]),
    ),
  );
  const amountError = (key: (typeof AMOUNT_KEYS)[number]) => {
    const text = amountText[key];
    if (!text?.trim()) return null;
    const parsed = parseMoneyInput(text, amountCurrency, format.locale);
    return parsed.ok ? null : t('filters.amountInvalid');
  };
  const setAmount = (key: (typeof AMOUNT_KEYS)[number], text: string) => {
    setAmountText((current) => ({ ...current, [key]: text }));
    if (!text.trim()) return state.set({ [key]: null });
    const parsed = parseMoneyInput(text, amountCurrency, format.locale);
    if (parsed.ok) state.set({ [key]: parsed.minor.toString() });
  };

  const query: InvoiceQuery = {
    customerId,
    status: status === 'all' ? undefined : status || undefined,
    issuedFrom: state.get('issuedFrom') || undefined,
    issuedTo: state.get('issuedTo') || undefined,
    dueFrom: state.get('dueFrom') || undefined,
    dueTo: state.get('dueTo') || undefined,
    minAmount: state.get('minAmount') || undefined,
    maxAmount: state.get('maxAmount') || undefined,
    q: q || undefined,
    sort,
    page: state.page,
    pageSize: INVOICE_PAGE_SIZE,
  };
  const invoices = useInvoices(audience, query);
  const data = invoices.data;
  const filtered = Boolean(q || (status && status !== 'all') || advancedActive);

  // Selection survives paging and filtering: it is keyed by id and remembers each row.
  const [selected, setSelected] = useState<Map<string, InvoiceSummary>>(new Map());
  const toggle = (invoice: InvoiceSummary) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(invoice.id)) next.delete(invoice.id);
      else next.set(invoice.id, invoice);
      return next;
    });
  const pageItems = data?.items.filter(canSelect) ?? [];
  const pageIds = pageItems.map((item) => item.id);
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const someOnPage = pageIds.some((id) => selected.has(id));
  const togglePage = () =>
    setSelected((current) => {
      const next = new Map(current);
      if (allOnPage) for (const id of pageIds) next.delete(id);
      else for (const item of pageItems) next.set(item.id, item);
      return next;
    });

  const clearFilters = () => {
    setSearch('');
    setAmountText({});
    state.set({
      q: null,
      status: null,
      ...Object.fromEntries([...DATE_KEYS, ...AMOUNT_KEYS].map((key) => [key, null])),
    });
  };

  const columns = 6 + (showCustomer ? 1 : 0) + (selectable ? 1 : 0);
  const statusValue = STATUS_TABS.includes(status as (typeof STATUS_TABS)[number]) ? status : 'all';

  return (
    <>
      <Paper withBorder className={classes.section}>
        <Stack gap="sm" p="md" className={classes.filters}>
          <Group justify="space-between" gap="sm">
            <Group gap="sm" flex={1} miw={0}>
              <SearchBox
                label={t('filters.searchLabel')}
                placeholder={t('filters.searchPlaceholder')}
                value={search}
                onChange={setSearch}
              />
              <Indicator disabled={advancedActive === 0} label={advancedActive} size={16} offset={4}>
                <Button
                  variant={showAdvanced ? 'light' : 'default'}
                  leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
                  onClick={() => setShowAdvanced((open) => !open)}
                  aria-expanded={showAdvanced}
                >
                  {t('filters.more')}
                </Button>
              </Indicator>
              {filtered && (
                <Button
                  variant="subtle"
                  color="gray"
                  leftSection={<IconX size={14} aria-hidden />}
                  onClick={clearFilters}
                >
                  {t('filters.clear')}
                </Button>
              )}
            </Group>
          </Group>
          <Box style={{ overflowX: 'auto' }}>
            <SegmentedControl
              aria-label={t('filters.status')}
              value={statusValue}
              onChange={(value) =>
                state.set({ status: value === 'all' ? (defaultStatus ? 'all' : null) : value })
              }
              data={STATUS_TABS.map((value) => ({ value, label: t(`filters.statuses.${value}`) }))}
              size="sm"
            />
          </Box>
          <Collapse expanded={showAdvanced}>
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" pt={4}>
              {DATE_KEYS.map((key) => (
                <DayInput
                  key={key}
                  label={t(`filters.${key}`)}
                  value={state.get(key)}
                  onChange={(value) => state.set({ [key]: value || null })}
                />
              ))}
              {AMOUNT_KEYS.map((key) => (
                <TextInput
                  key={key}
                  label={t(`filters.${key}`)}
                  inputMode="decimal"
                  placeholder={t('filters.amountPlaceholder')}
                  value={amountText[key] ?? ''}
                  error={amountError(key)}
                  onChange={(event) => setAmount(key, event.currentTarget.value)}
                />
              ))}
            </SimpleGrid>
          </Collapse>
        </Stack>

        <ServerTable
          result={invoices}
          filtered={filtered}
          empty={{
            icon: <IconFileInvoice size={28} stroke={1.5} aria-hidden />,
            title: t('table.emptyTitle'),
            text: t('table.emptyText'),
            noMatchesTitle: t('table.noMatchesTitle'),
            noMatchesText: t('table.noMatchesText'),
          }}
          minWidth={showCustomer ? 860 : 700}
          cols={columns}
          stack
          head={
            <>
              {selectable && (
                <Table.Th w={40}>
                  <Checkbox
                    aria-label={t('table.selectPage')}
                    checked={allOnPage}
                    indeterminate={someOnPage && !allOnPage}
                    disabled={pageIds.length === 0}
                    onChange={togglePage}
                    size="xs"
                  />
                </Table.Th>
              )}
              <SortableTh field="number" sort={sort} onSort={(value) => state.set({ sort: value })}>
                {t('fields.number')}
              </SortableTh>
              {showCustomer && (
                <SortableTh field="customer" sort={sort} onSort={(value) => state.set({ sort: value })}>
                  {t('fields.customer')}
                </SortableTh>
              )}
              <SortableTh
                field="issueDate"
                sort={sort}
                onSort={(value) => state.set({ sort: value })}
                descendingFirst
              >
                {t('fields.issueDate')}
              </SortableTh>
              <SortableTh field="dueDate" sort={sort} onSort={(value) => state.set({ sort: value })}>
                {t('fields.dueDate')}
              </SortableTh>
              <Table.Th>{t('fields.status')}</Table.Th>
              <SortableTh
                field="total"
                sort={sort}
                onSort={(value) => state.set({ sort: value })}
                align="right"
                descendingFirst
              >
                {t('fields.total')}
              </SortableTh>
              <SortableTh
                field="openAmount"
                sort={sort}
                onSort={(value) => state.set({ sort: value })}
                align="right"
                descendingFirst
              >
                {t('fields.openAmount')}
              </SortableTh>
            </>
          }
          row={(invoice) => (
            <Table.Tr key={invoice.id} className={selected.has(invoice.id) ? classes.rowSelected : undefined}>
              {selectable && (
                <Table.Td data-primary>
                  <Checkbox
                    aria-label={t('table.selectRow', { number: invoice.number })}
                    checked={selected.has(invoice.id)}
                    disabled={!selected.has(invoice.id) && !canSelect(invoice)}
                    onChange={() => toggle(invoice)}
                    size="xs"
                  />
                </Table.Td>
              )}
              <Table.Td data-primary>
                <Anchor component={Link} to={linkTo(invoice)} fw={600} size="sm" className={classes.nowrap}>
                  {invoice.number}
                </Anchor>
                {invoice.poNumber && (
                  <Text className={classes.sub} truncate="end" maw={180}>
                    {t('fields.poShort', { po: invoice.poNumber })}
                  </Text>
                )}
              </Table.Td>
              {showCustomer && <CustomerCell customer={invoice.customer} label={t('fields.customer')} />}
              <Table.Td fz="sm" className={classes.nowrap} data-label={t('fields.issueDate')}>
                {format.day(invoice.issueDate)}
              </Table.Td>
              <Table.Td data-label={t('fields.dueDate')}>
                <div>
                  <DueDate invoice={invoice} />
                </div>
              </Table.Td>
              <Table.Td data-label={t('fields.status')}>
                <InvoiceBadges invoice={invoice} />
              </Table.Td>
              <Table.Td className={classes.num} fz="sm" data-label={t('fields.total')}>
                <Money minor={invoice.total} currency={invoice.currency} />
              </Table.Td>
              <Table.Td className={classes.num} fz="sm" fw={600} data-label={t('fields.openAmount')}>
                {invoice.status === 'void' ? (
                  <Text component="span" c="dimmed" size="sm">
                    —
                  </Text>
                ) : (
                  <Money minor={invoice.openAmount} currency={invoice.currency} />
                )}
              </Table.Td>
            </Table.Tr>
          )}
          onPage={(page) => state.set({ page: String(page) })}
          paginationLabel={t('table.pagination')}
        />
      </Paper>
      {selectable &&
        selected.size > 0 &&
        (selectionBar ? (
          selectionBar([...selected.values()], () => setSelected(new Map()))
        ) : (
          <SelectionBar selected={[...selected.values()]} onClear={() => setSelected(new Map())} />
        ))}
    </>
  );
}

/** How many invoices are selected and what is still open on them, per currency. */
function SelectionBar({ selected, onClear }: { selected: InvoiceSummary[]; onClear: () => void }) {
  const { t } = useTranslation(['invoices', 'common']);
  const format = useFormatters();
  const totals = useMemo(() => {
    const byCurrency = new Map<string, bigint>();
    for (const invoice of selected) {
      if (invoice.status !== 'open') continue;
      byCurrency.set(invoice.currency, (byCurrency.get(invoice.currency) ?? 0n) + BigInt(invoice.openAmount));
    }
    return [...byCurrency.entries()];
  }, [selected]);
  return (
    <Group className={classes.selectionBar} justify="space-between" gap="md" role="status" aria-live="polite">
      <Group gap="lg">
        <Text fw={600} size="sm">
          {t('selection.count', { count: selected.length })}
        </Text>
        <Group gap={6}>
          <Text size="sm" c="gray.4">
            {t('selection.openTotal')}
          </Text>
          <Text size="sm" fw={700} className={classes.money}>
            {totals.length === 0
              ? format.money(0, selected[0]?.currency ?? 'USD')
              : totals.map(([currency, minor]) => format.money(minor, currency)).join(' · ')}
          </Text>
        </Group>
      </Group>
      <ActionIcon variant="subtle" color="gray.3" onClick={onClear} aria-label={t('selection.clear')}>
        <IconX size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
