import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  EmptyState,
  Group,
  Modal,
  Pagination,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconArrowLeft,
  IconArrowsSort,
  IconDownload,
  IconSearch,
  IconSortAscending,
  IconSortDescending,
} from '@tabler/icons-react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../../app/api/types';
import { useFormatters } from '../../app/format';
import { rules, useServerErrors } from '../../app/forms';
import { ProblemAlert } from '../../app/ui/problem-alert';
import type { CustomerRef, InvoicePaymentStatus, InvoiceStatus } from './ar.types';
import classes from './invoices.module.css';
import { type ListState, SEARCH_MAX_LENGTH, useListState } from './list-state';

/** An amount in minor units, formatted for the interface language; tabular figures. */
export function Money({
  minor,
  currency,
  ...text
}: {
  minor: number | bigint;
  currency: string;
  c?: string;
  fw?: number;
  size?: string;
  fz?: string | number;
}) {
  const format = useFormatters();
  return (
    <Text component="span" inherit={!text.size && !text.fz} className={classes.money} data-amount {...text}>
      {format.money(minor, currency)}
    </Text>
  );
}

/**
 * A big amount in a card or a document's header: it shrinks with its card rather than spill out
 * (the card, or any ancestor, needs `figureCardClass` for the container query).
 */
export function AmountFigure({
  children,
  size = 26,
  c,
  fw = 700,
  struck = false,
  mt,
}: {
  children: ReactNode;
  size?: number;
  c?: string;
  fw?: number;
  struck?: boolean;
  mt?: number | string;
}) {
  return (
    <Text
      component="div"
      data-amount
      className={classes.figure}
      style={{ '--figure-size': `${size}px` }}
      c={c}
      fw={fw}
      mt={mt}
      td={struck ? 'line-through' : undefined}
    >
      {children}
    </Text>
  );
}

/** Put on a card that holds an {@link AmountFigure}. */
export const figureCardClass = classes.figureCard;

/**
 * A table wider than its panel scrolls sideways, with its scrollbar shown whenever it does (a
 * person sees there is more). `stack` turns rows into cards on a phone (cells need `data-label`).
 */
export function TableScroll({
  minWidth,
  stack = false,
  children,
}: {
  minWidth: number;
  stack?: boolean;
  children: ReactNode;
}) {
  // A stacking table scrolls natively: on a phone its rows fit the screen and nothing scrolls.
  return stack ? (
    <Box className={classes.stack}>
      <Table.ScrollContainer minWidth={minWidth} type="native">
        {children}
      </Table.ScrollContainer>
    </Box>
  ) : (
    <Table.ScrollContainer
      minWidth={minWidth}
      scrollAreaProps={{ type: 'auto', viewportProps: { tabIndex: 0 } }}
    >
      {children}
    </Table.ScrollContainer>
  );
}

const statusColors: Record<InvoiceStatus, string> = { draft: 'gray', open: 'blue', void: 'dark' };
const paymentColors: Record<InvoicePaymentStatus, string> = {
  unpaid: 'orange',
  partially_paid: 'yellow',
  payment_pending: 'grape',
  paid: 'teal',
};

function ArBadge({
  color,
  children,
  variant = 'light',
}: {
  color: string;
  children: ReactNode;
  variant?: string;
}) {
  return (
    <Badge color={color} variant={variant} radius="sm" tt="none" fw={600} miw="max-content">
      {children}
    </Badge>
  );
}

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation('invoices');
  return <ArBadge color={statusColors[status]}>{t(`status.${status}`)}</ArBadge>;
}

export function PaymentStatusBadge({ status }: { status: InvoicePaymentStatus }) {
  const { t } = useTranslation('invoices');
  return <ArBadge color={paymentColors[status]}>{t(`paymentStatus.${status}`)}</ArBadge>;
}

export function OverdueBadge({ days }: { days: number }) {
  const { t } = useTranslation('invoices');
  return (
    <ArBadge color="red" variant="filled">
      {t('overdueDays', { count: days })}
    </ArBadge>
  );
}

/** The badge that describes an invoice in a list row: payment status, or void/draft (plus overdue if asked). */
export function InvoiceBadges({
  invoice,
  withOverdue = false,
}: {
  withOverdue?: boolean;
  invoice: {
    status: InvoiceStatus;
    paymentStatus: InvoicePaymentStatus;
    overdue: boolean;
    daysOverdue: number;
  };
}) {
  return (
    <Group gap={6} wrap="nowrap">
      {invoice.status === 'open' ? (
        <PaymentStatusBadge status={invoice.paymentStatus} />
      ) : (
        <InvoiceStatusBadge status={invoice.status} />
      )}
      {withOverdue && invoice.status === 'open' && invoice.overdue && (
        <OverdueBadge days={invoice.daysOverdue} />
      )}
    </Group>
  );
}

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
  const { t } = useTranslation('invoices');
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

/** "1–25 of 240" and the page links under a server-paginated table. */
export function PageFooter({
  data,
  onPage,
  label,
}: {
  data: Page<unknown> | undefined;
  onPage: (page: number) => void;
  label: string;
}) {
  const { t } = useTranslation('invoices');
  const format = useFormatters();
  if (!data || data.total === 0) return null;
  const totalPages = Math.max(1, Math.ceil(data.total / (data.pageSize || 25)));
  const pastEnd = data.items.length === 0;
  return (
    <Group justify="space-between" p="md" gap="sm" className={classes.footer}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {pastEnd
          ? t('table.total', { total: format.number(data.total) })
          : t('table.range', {
              from: format.number((data.page - 1) * data.pageSize + 1),
              to: format.number((data.page - 1) * data.pageSize + data.items.length),
              total: format.number(data.total),
            })}
      </Text>
      {totalPages > 1 && (
        <Pagination
          component="nav"
          aria-label={label}
          total={totalPages}
          value={Math.min(data.page, totalPages)}
          onChange={onPage}
          size="sm"
          getItemProps={(item) => ({ 'aria-label': t('table.page', { page: item }) })}
          getControlProps={(control) => ({ 'aria-label': t(`table.controls.${control}`) })}
        />
      )}
    </Group>
  );
}

export function SkeletonRows({ rows = 6, cols }: { rows?: number; cols: number }) {
  return Array.from({ length: rows }, (_, row) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
    <Table.Tr key={row}>
      {Array.from({ length: cols }, (_, cell) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder cells have no identity
        <Table.Td key={cell}>
          <Skeleton height={14} radius="sm" />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}

/** A titled white panel. */
export function Section({
  title,
  actions,
  children,
  padded = false,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  padded?: boolean;
}) {
  return (
    <Paper withBorder className={classes.section}>
      <Group px="md" py="sm" justify="space-between" gap="sm" className={classes.sectionHeader}>
        <Title order={2} fz="md">
          {title}
        </Title>
        {actions}
      </Group>
      {padded ? <Stack p="md">{children}</Stack> : children}
    </Paper>
  );
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} size="sm" c="dimmed" mb="xs" display="inline-block">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {children}
      </Group>
    </Anchor>
  );
}

/** A link to a PDF the server renders, opened in a new tab. */
export function PdfButton({
  href,
  children,
  compact = false,
}: {
  href: string;
  children: ReactNode;
  compact?: boolean;
}) {
  return (
    <Button
      component="a"
      href={href}
      target="_blank"
      rel="noopener"
      variant="default"
      size={compact ? 'compact-sm' : 'sm'}
      leftSection={<IconDownload size={compact ? 14 : 16} aria-hidden />}
    >
      {children}
    </Button>
  );
}

/** Asks why before an action that is kept in the record (void, reverse, unapply, hold). */
export function ReasonModal({
  opened,
  onClose,
  title,
  text,
  submitLabel,
  color = 'red',
  required = true,
  mutation,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  text: ReactNode;
  submitLabel: string;
  color?: string;
  required?: boolean;
  mutation: UseMutationResult<unknown, Error, { reason: string }>;
  onDone?: () => void;
}) {
  const { t } = useTranslation(['invoices', 'common']);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { reason: '' },
    validate: { reason: required ? rules.required : () => null },
  });
  const { formError, handleError, clearFormError } = useServerErrors(form);
  const close = () => {
    form.reset();
    clearFormError();
    mutation.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    clearFormError();
    mutation.mutate(
      { reason: values.reason.trim() },
      {
        onSuccess: () => {
          close();
          onDone?.();
        },
        onError: handleError,
      },
    );
  });
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      centered
      styles={{ title: { fontWeight: 600, fontSize: 18 } }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {text}
          </Text>
          {formError && <ProblemAlert error={formError} />}
          <Textarea
            label={t('reason.label')}
            placeholder={t('reason.placeholder')}
            required={required}
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            key={form.key('reason')}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" color={color} loading={mutation.isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Two columns of label → value, for the facts of a document. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className={classes.facts}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A due date, in red with "N days overdue" under it when the invoice is open and late. */
export function DueDate({
  invoice,
}: {
  invoice: { status: InvoiceStatus; dueDate: string; overdue: boolean; daysOverdue: number };
}) {
  const { t } = useTranslation('invoices');
  const format = useFormatters();
  const late = invoice.status === 'open' && invoice.overdue;
  return (
    <>
      <Text size="sm" c={late ? 'red.7' : undefined} fw={late ? 500 : undefined} className={classes.nowrap}>
        {format.day(invoice.dueDate)}
      </Text>
      {late && (
        <Text size="xs" c="red.7" className={classes.nowrap}>
          {t('overdueDays', { count: invoice.daysOverdue })}
        </Text>
      )}
    </>
  );
}

/** The text typed in a list's search box, sent to the list state's `q` once typing pauses. */
export function useListSearch(state: ListState) {
  const q = state.get('q');
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if (debounced !== q) state.set({ q: debounced || null });
  }, [debounced, q, state.set]);
  return { q, search, setSearch };
}

/** The search box above a list. */
export function SearchBox({
  label,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextInput
      aria-label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      type="search"
      maxLength={SEARCH_MAX_LENGTH}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={{ base: '100%', sm: 300 }}
    />
  );
}

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
  const { t } = useTranslation('invoices');
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

/** A customer's name over its account number, in a list row. */
export function CustomerCell({ customer, label }: { customer: CustomerRef; label?: string }) {
  return (
    <Table.Td data-label={label}>
      <div>
        <Text size="sm" fw={500} lineClamp={2} maw={220}>
          {customer.name}
        </Text>
        <Text className={classes.sub}>{customer.accountNumber}</Text>
      </div>
    </Table.Td>
  );
}

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
  const { t } = useTranslation('invoices');
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
            {showCustomer && <Table.Th>{t('fields.customer')}</Table.Th>}
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
              {showCustomer && <CustomerCell customer={item.customer} label={t('fields.customer')} />}
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

/** `useListState` plus its debounced search box, for lists searched by `q`. */
export function useSearchableList(syncUrl: boolean) {
  const state = useListState(syncUrl);
  return { state, ...useListSearch(state) };
}

/** The small coloured status tag of a payment or credit memo. */
export function DocumentStatusTag({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge color={color} variant="light" radius="sm" tt="none" fw={600}>
      {children}
    </Badge>
  );
}
