import {
  Anchor,
  Box,
  Button,
  EmptyState,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBuildingBank, IconDownload, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DayInput } from '../../app/date-input';
import { useFormatters } from '../../app/format';
import { useServerErrors } from '../../app/forms';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { ListPagination } from '../../shared/ui/list-pagination';
import { Money } from '../../shared/ui/money';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { SkeletonRows } from '../../shared/ui/skeleton-rows';
import { TableScroll } from '../../shared/ui/table-scroll';
import { canWriteAr } from '../invoices/ar.types';
import { DepositStatusBadge } from './deposit-status-badge';
import {
  type DepositKind,
  type ReportFile,
  rangeReportUrl,
  useDeposits,
  useRecipients,
  useSaveRecipients,
  useSyncDeposits,
} from './deposits.api';

const PAGE_SIZE = 25;
const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
const isKind = (value: string | null): value is DepositKind => value === 'card' || value === 'ach';

/** The seller's deposits (filtered by kind and arrival days), reports over a period, and who receives them. */
export function DepositsListPage() {
  const { t } = useTranslation(['deposits', 'common']);
  const format = useFormatters();
  const { orgName, role } = useStaffContext();
  usePageTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const from = isDay(params.get('from')) ? params.get('from')! : undefined;
  const to = isDay(params.get('to')) ? params.get('to')! : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const deposits = useDeposits({ kind, from, to, page });
  const sync = useSyncDeposits();
  const data = deposits.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  const setParam = (name: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        if (name !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );

  const runSync = () =>
    sync.mutate(undefined, {
      onSuccess: (result) =>
        notifications.show({
          color: 'teal',
          message: result.created ? t('list.synced', { count: result.created }) : t('list.syncedNone'),
        }),
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    });

  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description', { org: orgName })} />
      {/* Its own row: beside the title it would squeeze the description on a phone. */}
      {canWriteAr(role) && (
        <Group mt="-md" mb="lg">
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            loading={sync.isPending}
            onClick={runSync}
          >
            {t('list.sync')}
          </Button>
        </Group>
      )}

      <Paper withBorder mb="xl">
        <Group p="md" gap="sm" align="flex-end" role="group" aria-label={t('list.filters')}>
          <Select
            label={t('list.kindFilter')}
            data={[
              { value: '', label: t('list.allKinds') },
              { value: 'card', label: t('kind.card') },
              { value: 'ach', label: t('kind.ach') },
            ]}
            value={kind ?? ''}
            onChange={(value) => setParam('kind', value || undefined)}
            allowDeselect={false}
            w={{ base: '100%', sm: 180 }}
          />
          <DayInput
            label={t('list.from')}
            value={from ?? ''}
            onChange={(value) => setParam('from', isDay(value) ? value : undefined)}
            clearable
            w={{ base: '100%', sm: 200 }}
          />
          <DayInput
            label={t('list.to')}
            value={to ?? ''}
            onChange={(value) => setParam('to', isDay(value) ? value : undefined)}
            clearable
            w={{ base: '100%', sm: 200 }}
          />
          {data && data.total > 0 && (
            <Text size="sm" c="dimmed" aria-live="polite" ml="auto">
              {t('list.range', {
                from: format.number((data.page - 1) * data.pageSize + 1),
                to: format.number(Math.min(data.page * data.pageSize, data.total)),
                total: format.number(data.total),
              })}
            </Text>
          )}
        </Group>

        {deposits.isError && !data ? (
          <Box px="md" pb="md">
            <ProblemAlert error={deposits.error} onRetry={() => void deposits.refetch()} />
          </Box>
        ) : data && data.deposits.length === 0 ? (
          <EmptyState
            py={48}
            icon={<IconBuildingBank size={28} stroke={1.5} aria-hidden />}
            withIndicatorBackground
            title={t('list.emptyTitle')}
            description={t('list.emptyText')}
          />
        ) : (
          <TableScroll minWidth={860} stack>
            <Table highlightOnHover aria-label={t('list.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('list.arrival')}</Table.Th>
                  <Table.Th>{t('list.kindFilter')}</Table.Th>
                  <Table.Th>{t('list.covers')}</Table.Th>
                  <Table.Th ta="right">{t('list.charges')}</Table.Th>
                  <Table.Th ta="right">{t('list.refunds')}</Table.Th>
                  <Table.Th ta="right">{t('list.fees')}</Table.Th>
                  <Table.Th ta="right">{t('list.net')}</Table.Th>
                  <Table.Th>{t('list.statusColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data ? (
                  data.deposits.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td data-primary>
                        <Anchor
                          component={Link}
                          to={`/console/deposits/${d.id}`}
                          fw={500}
                          size="sm"
                          aria-label={t('list.open', {
                            date: format.day(d.arrivalDate),
                            kind: t(`kind.${d.kind}`),
                          })}
                        >
                          {format.day(d.arrivalDate)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td fz="sm" data-label={t('list.kindFilter')}>
                        {t(`kind.${d.kind}`)}
                      </Table.Td>
                      <Table.Td fz="sm" c="dimmed" data-label={t('list.covers')}>
                        {d.coversFrom === d.coversTo
                          ? format.day(d.coversTo)
                          : `${format.day(d.coversFrom)} – ${format.day(d.coversTo)}`}
                      </Table.Td>
                      <Table.Td ta="right" fz="sm" data-label={t('list.charges')}>
                        <Money minor={d.charges} currency={d.currency} />
                      </Table.Td>
                      <Table.Td ta="right" fz="sm" data-label={t('list.refunds')}>
                        <Money minor={d.refunds + d.returns} currency={d.currency} />
                      </Table.Td>
                      <Table.Td ta="right" fz="sm" data-label={t('list.fees')}>
                        <Money minor={-d.fees} currency={d.currency} />
                      </Table.Td>
                      <Table.Td ta="right" fz="sm" fw={600} data-label={t('list.net')}>
                        <Money minor={d.net} currency={d.currency} />
                      </Table.Td>
                      <Table.Td data-label={t('list.statusColumn')}>
                        <DepositStatusBadge status={d.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))
                ) : (
                  <SkeletonRows rows={4} cols={8} />
                )}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}

        <ListPagination
          totalPages={totalPages}
          page={page}
          onPage={(target) => setParam('page', target > 1 ? String(target) : undefined)}
          label={t('list.pagination')}
        />
      </Paper>

      <Stack gap="xl">
        <RangeReports from={from} to={to} kind={kind} />
        <RecipientsForm canEdit={role === 'owner' || role === 'admin'} />
      </Stack>
    </>
  );
}

/** Downloads over the filter's days (default: the last 30), card or ACH. */
function RangeReports(props: {
  from: string | undefined;
  to: string | undefined;
  kind: DepositKind | undefined;
}) {
  const format = useFormatters();
  const { t } = useTranslation('deposits');
  const [kind, setKind] = useState<DepositKind>(props.kind ?? 'card');
  useEffect(() => {
    if (props.kind) setKind(props.kind);
  }, [props.kind]);
  const today = new Date();
  const to = props.to ?? today.toISOString().slice(0, 10);
  const from = props.from ?? new Date(today.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
  const button = (report: ReportFile, fmt: 'csv' | 'xlsx') => (
    <Button
      key={`${report}.${fmt}`}
      component="a"
      href={rangeReportUrl(report, fmt, { kind, from, to })}
      download
      variant="default"
      size="sm"
      leftSection={<IconDownload size={16} aria-hidden />}
    >
      {t(`reports.${report === 'payments-initiated' ? 'initiated' : 'deposited'}`)} · {t(`reports.${fmt}`)}
    </Button>
  );
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb={4}>
        {t('reports.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={680}>
        {t('reports.description')} {format.day(from)} – {format.day(to)}
      </Text>
      <Group gap="sm" align="flex-end">
        <Select
          label={t('reports.kind')}
          data={[
            { value: 'card', label: t('kind.card') },
            { value: 'ach', label: t('kind.ach') },
          ]}
          value={kind}
          onChange={(value) => isKind(value) && setKind(value)}
          allowDeselect={false}
          w={{ base: '100%', sm: 160 }}
        />
        {button('payments-initiated', 'csv')}
        {button('payments-initiated', 'xlsx')}
        {button('payments-deposited', 'csv')}
        {button('payments-deposited', 'xlsx')}
      </Group>
    </Paper>
  );
}

function RecipientsForm({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('deposits');
  const recipients = useRecipients();
  const save = useSaveRecipients();
  const form = useForm({ initialValues: { emails: '' } });
  const { formError, handleError, clearFormError } = useServerErrors(form);
  const loaded = recipients.data?.emails.join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows what the server holds
  useEffect(() => {
    if (loaded !== undefined) form.setValues({ emails: loaded });
  }, [loaded]);

  const submit = form.onSubmit(({ emails }) => {
    clearFormError();
    const list = emails
      .split(/[\n,;]+/)
      .map((e) => e.trim())
      .filter(Boolean);
    save.mutate(
      { emails: list },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('recipients.saved') }),
        onError: (error) => {
          const problem = (error as { problem?: { detail?: string } }).problem;
          if (problem?.detail) form.setFieldError('emails', problem.detail);
          else handleError(error);
        },
      },
    );
  });

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Title order={2} fz="lg" mb={4}>
        {t('recipients.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={680}>
        {t('recipients.description')}
      </Text>
      {recipients.isError && (
        <ProblemAlert error={recipients.error} onRetry={() => void recipients.refetch()} />
      )}
      {formError && <ProblemAlert error={formError} />}
      <Textarea
        label={t('recipients.label')}
        description={canEdit ? t('recipients.help') : t('recipients.readOnly')}
        autosize
        minRows={3}
        maw={520}
        readOnly={!canEdit}
        {...form.getInputProps('emails')}
      />
      {canEdit && (
        <Group mt="md">
          <Button type="submit" loading={save.isPending}>
            {t('recipients.save')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
