import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Pagination,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  IconArrowLeft,
  IconArrowsSort,
  IconDownload,
  IconSortAscending,
  IconSortDescending,
} from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../../app/api/types';
import { useFormatters } from '../../app/format';
import { rules, useServerErrors } from '../../app/forms';
import { ProblemAlert } from '../../app/ui/problem-alert';
import type { InvoicePaymentStatus, InvoiceStatus } from './ar.types';
import classes from './invoices.module.css';

/** An amount in minor units, formatted for the interface language; tabular figures. */
export function Money({
  minor,
  currency,
  ...text
}: {
  minor: number;
  currency: string;
  c?: string;
  fw?: number;
  size?: string;
  fz?: string | number;
}) {
  const format = useFormatters();
  return (
    <Text component="span" inherit={!text.size && !text.fz} className={classes.money} {...text}>
      {format.money(minor, currency)}
    </Text>
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
  return (
    <Group justify="space-between" p="md" gap="sm" className={classes.footer}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('table.range', {
          from: format.number((data.page - 1) * data.pageSize + 1),
          to: format.number(Math.min(data.page * data.pageSize, data.total)),
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
