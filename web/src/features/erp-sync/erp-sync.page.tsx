import {
  Alert,
  Anchor,
  Box,
  Button,
  Code,
  EmptyState,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileExport, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import { useServerErrors } from '../../app/forms';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { Facts } from '../../shared/ui/facts';
import { ListPagination } from '../../shared/ui/list-pagination';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { SkeletonRows } from '../../shared/ui/skeleton-rows';
import { TableScroll } from '../../shared/ui/table-scroll';
import { canWriteAr } from '../invoices/ar.types';
import {
  type ConfirmationExport,
  type ErpSyncOverview,
  type ErpSyncSettings,
  EXPORTS_PAGE_SIZE,
  type ExportFormat,
  exportFileUrl,
  useConfirmationExports,
  useErpSync,
  useExportNow,
  useSaveErpSyncSettings,
} from './erp-sync.api';

const MANUAL_METHODS = ['check', 'cash', 'bank_transfer', 'card_terminal', 'other'] as const;
const FREQUENCIES = ['off', 'hourly', 'every_4_hours', 'daily'] as const;

/**
 * Settings → ERP sync: how often payment confirmations go to the ERP and who marks invoices paid,
 * the ERP's payment accounts per method, the CSV's style and who receives it; the last export and
 * the last import with their errors, the drop folder, "Export now" and every export to download.
 */
export function ErpSyncPage() {
  const { t } = useTranslation(['erpSync', 'common']);
  const { role } = useStaffContext();
  usePageTitle(t('title'));
  const overview = useErpSync();
  const canEdit = role === 'owner' || role === 'admin';

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {overview.isError && !overview.data ? (
        <ProblemAlert error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <Stack gap="xl">
          <StatusPanel overview={overview.data} canExport={canWriteAr(role)} />
          {overview.data ? (
            <SettingsForm overview={overview.data} canEdit={canEdit} />
          ) : (
            <Skeleton height={320} radius="md" />
          )}
          <ExportsTable />
        </Stack>
      )}
    </>
  );
}

function StatusPanel({ overview, canExport }: { overview: ErpSyncOverview | undefined; canExport: boolean }) {
  const { t } = useTranslation('erpSync');
  const format = useFormatters();
  const exportNow = useExportNow();
  const [done, setDone] = useState<ConfirmationExport | null | undefined>(undefined);
  const marking = overview?.settings.marking ?? 'manual';
  const [choice, setChoice] = useState<ExportFormat | null>(null);
  const exportFormat = choice ?? (marking === 'manual' ? 'csv' : 'json');

  const run = () =>
    exportNow.mutate(exportFormat, {
      onSuccess: (result) => {
        setDone(result.export);
        notifications.show({
          color: 'teal',
          message: result.export
            ? t('status.exported', { sequence: result.export.sequence, count: result.export.itemCount })
            : t('status.nothingNew'),
        });
      },
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    });

  if (!overview) return <Skeleton height={180} radius="md" />;
  const last = overview.lastExport;
  const imported = overview.lastImport;
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="md">
        {t('status.title')}
      </Title>
      {overview.lastError && (
        <Alert color="red" mb="md" title={t('status.errorTitle')}>
          {t('status.error', {
            when: format.dateTime(String(overview.lastError.at)),
            code: overview.lastError.code,
          })}
        </Alert>
      )}
      <Facts
        rows={[
          [
            t('status.lastExport'),
            last ? (
              <Group key="export" gap="xs" component="span">
                <span>
                  {t('status.exportLine', {
                    sequence: last.sequence,
                    when: format.dateTime(String(last.createdAt)),
                    count: last.itemCount,
                    channel: t(`channel.${last.channel}`),
                  })}
                </span>
                <Anchor href={exportFileUrl(last.id)} download size="sm">
                  {t('exports.download', { name: last.fileName })}
                </Anchor>
              </Group>
            ) : (
              t('status.never')
            ),
          ],
          [
            t('status.lastImport'),
            imported ? (
              <Anchor key="import" component={Link} to={`/console/imports/${imported.id}`} size="sm">
                {t('status.importLine', {
                  file: imported.fileName,
                  when: format.dateTime(String(imported.createdAt)),
                  status: t(`importStatus.${imported.status}`, { defaultValue: imported.status }),
                  count: imported.errorCount,
                })}
              </Anchor>
            ) : (
              t('status.noImport')
            ),
          ],
          [
            t('status.dropFolder'),
            overview.dropFolder ? <Code key="folder">{overview.dropFolder}</Code> : t('status.noDropFolder'),
          ],
          [
            t('status.webhooks'),
            <Anchor key="webhooks" component={Link} to="/console/settings/webhooks" size="sm">
              {t('status.webhooksLink')}
            </Anchor>,
          ],
        ]}
      />
      {canExport && (
        <Group mt="md" gap="sm" align="flex-end">
          <Select
            label={t('status.format')}
            data={[
              { value: 'csv', label: 'CSV' },
              { value: 'json', label: 'JSON' },
            ]}
            value={exportFormat}
            onChange={(value) => (value === 'csv' || value === 'json') && setChoice(value)}
            allowDeselect={false}
            w={120}
          />
          <Button
            leftSection={<IconRefresh size={16} aria-hidden />}
            loading={exportNow.isPending}
            onClick={run}
          >
            {t('status.exportNow')}
          </Button>
          {done && (
            <Button
              component="a"
              href={exportFileUrl(done.id)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('exports.download', { name: done.fileName })}
            </Button>
          )}
        </Group>
      )}
      {canExport && (
        <Text size="sm" c="dimmed" mt="xs" maw={680}>
          {marking === 'manual' ? t('status.exportHelpManual') : t('status.exportHelpAutomatic')}
        </Text>
      )}
    </Paper>
  );
}

type FormValues = {
  frequency: ErpSyncSettings['frequency'];
  dailyAt: string;
  marking: ErpSyncSettings['marking'];
  delimiter: ErpSyncSettings['csv']['delimiter'];
  decimalMark: ErpSyncSettings['csv']['decimalMark'];
  dates: ErpSyncSettings['csv']['dates'];
  accounts: Record<(typeof MANUAL_METHODS)[number], string>;
  recipients: string;
};

function valuesOf(s: ErpSyncSettings): FormValues {
  return {
    frequency: s.frequency,
    dailyAt: s.dailyAt,
    marking: s.marking,
    delimiter: s.csv.delimiter,
    decimalMark: s.csv.decimalMark,
    dates: s.csv.dates,
    accounts: Object.fromEntries(
      MANUAL_METHODS.map((m) => [m, s.erpAccounts[m] ?? '']),
    ) as FormValues['accounts'],
    recipients: s.recipients.join('\n'),
  };
}

function SettingsForm({ overview, canEdit }: { overview: ErpSyncOverview; canEdit: boolean }) {
  const { t } = useTranslation(['erpSync', 'common']);
  const save = useSaveErpSyncSettings();
  const form = useForm<FormValues>({
    initialValues: valuesOf(overview.settings),
    validate: {
      dailyAt: (value, values) =>
        values.frequency === 'daily' && !/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(value)
          ? t('settings.dailyAtInvalid')
          : null,
    },
  });
  const { formError, handleError, clearFormError } = useServerErrors(form);
  const loaded = JSON.stringify(overview.settings);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows what the server holds
  useEffect(() => {
    form.setValues(valuesOf(overview.settings));
    form.resetDirty();
  }, [loaded]);

  const submit = form.onSubmit((v) => {
    clearFormError();
    const body: ErpSyncSettings = {
      frequency: v.frequency,
      dailyAt: v.dailyAt,
      marking: v.marking,
      csv: { delimiter: v.delimiter, decimalMark: v.decimalMark, dates: v.dates },
      erpAccounts: Object.fromEntries(
        MANUAL_METHODS.map((m) => [m, v.accounts[m].trim() || null]),
      ) as ErpSyncSettings['erpAccounts'],
      recipients: v.recipients
        .split(/[\n,;]+/)
        .map((e) => e.trim())
        .filter(Boolean),
    };
    save.mutate(body, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('settings.saved') }),
      onError: (error) => {
        const problem = (error as { problem?: { code?: string; detail?: string } }).problem;
        if (problem?.code === 'deposit_recipient_invalid' && problem.detail)
          form.setFieldError('recipients', problem.detail);
        else handleError(error);
      },
    });
  });

  const online = overview.onlineErpAccounts;
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="erp-sync-settings"
    >
      <Title order={2} fz="lg" mb={4} id="erp-sync-settings">
        {t('settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={680}>
        {canEdit ? t('settings.description') : t('settings.readOnly')}
      </Text>
      {formError && <ProblemAlert error={formError} />}
      <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="lg">
          <Group align="flex-start" gap="md">
            <Select
              label={t('settings.frequency')}
              data={FREQUENCIES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
              allowDeselect={false}
              w={{ base: '100%', sm: 240 }}
              {...form.getInputProps('frequency')}
            />
            {form.values.frequency === 'daily' && (
              <TextInput
                type="time"
                label={t('settings.dailyAt')}
                description={t('settings.dailyAtHelp')}
                w={{ base: '100%', sm: 200 }}
                {...form.getInputProps('dailyAt')}
              />
            )}
          </Group>

          <Radio.Group label={t('settings.marking')} {...form.getInputProps('marking')}>
            <Stack gap="xs" mt="xs">
              <Radio
                value="automatic"
                label={t('marking.automatic')}
                description={t('marking.automaticHelp')}
              />
              <Radio value="manual" label={t('marking.manual')} description={t('marking.manualHelp')} />
            </Stack>
          </Radio.Group>

          <Box>
            <Title order={3} fz="md" mb={4}>
              {t('settings.accounts')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm" maw={680}>
              {t('settings.accountsHelp')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
              <TextInput
                label={t('method.card')}
                value={online.card ?? ''}
                placeholder={t('settings.none')}
                readOnly
              />
              <TextInput
                label={t('method.ach')}
                value={online.ach ?? ''}
                placeholder={t('settings.none')}
                readOnly
              />
              {MANUAL_METHODS.map((m) => (
                <TextInput
                  key={m}
                  label={t(`method.${m}`)}
                  maxLength={100}
                  {...form.getInputProps(`accounts.${m}`)}
                />
              ))}
            </SimpleGrid>
            <Anchor component={Link} to="/console/settings/payments" size="sm" mt="xs" display="inline-block">
              {t('settings.onlineAccountsLink')}
            </Anchor>
          </Box>

          <Box>
            <Title order={3} fz="md" mb={4}>
              {t('settings.csv')}
            </Title>
            <Group gap="md" align="flex-start">
              <Select
                label={t('settings.delimiter')}
                data={[
                  { value: ',', label: t('csv.comma') },
                  { value: ';', label: t('csv.semicolon') },
                ]}
                allowDeselect={false}
                w={{ base: '100%', sm: 200 }}
                {...form.getInputProps('delimiter')}
              />
              <Select
                label={t('settings.decimalMark')}
                data={[
                  { value: '.', label: t('csv.point') },
                  { value: ',', label: t('csv.decimalComma') },
                ]}
                allowDeselect={false}
                w={{ base: '100%', sm: 200 }}
                {...form.getInputProps('decimalMark')}
              />
              <Select
                label={t('settings.dates')}
                data={(['iso', 'dmy', 'mdy'] as const).map((d) => ({ value: d, label: t(`csv.${d}`) }))}
                allowDeselect={false}
                w={{ base: '100%', sm: 220 }}
                {...form.getInputProps('dates')}
              />
            </Group>
          </Box>

          <Textarea
            label={t('settings.recipients')}
            description={t('settings.recipientsHelp')}
            autosize
            minRows={2}
            maw={520}
            {...form.getInputProps('recipients')}
          />
        </Stack>
      </fieldset>
      {canEdit && (
        <Group mt="md">
          <Button type="submit" loading={save.isPending}>
            {t('settings.save')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

function ExportsTable() {
  const { t } = useTranslation('erpSync');
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const exports = useConfirmationExports(page);
  const data = exports.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / EXPORTS_PAGE_SIZE)) : 1;
  return (
    <Paper withBorder>
      <Title order={2} fz="lg" p="md" pb={0}>
        {t('exports.title')}
      </Title>
      {exports.isError && !data ? (
        <Box p="md">
          <ProblemAlert error={exports.error} onRetry={() => void exports.refetch()} />
        </Box>
      ) : data && data.exports.length === 0 ? (
        <EmptyState
          py={40}
          icon={<IconFileExport size={28} stroke={1.5} aria-hidden />}
          withIndicatorBackground
          title={t('exports.emptyTitle')}
          description={t('exports.emptyText')}
        />
      ) : (
        <TableScroll minWidth={760} stack>
          <Table highlightOnHover aria-label={t('exports.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exports.sequence')}</Table.Th>
                <Table.Th>{t('exports.created')}</Table.Th>
                <Table.Th>{t('exports.channel')}</Table.Th>
                <Table.Th ta="right">{t('exports.items')}</Table.Th>
                <Table.Th>{t('exports.by')}</Table.Th>
                <Table.Th>{t('exports.mailed')}</Table.Th>
                <Table.Th>{t('exports.file')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data ? (
                data.exports.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td data-primary fw={500}>
                      {t('exports.number', { sequence: e.sequence })}
                    </Table.Td>
                    <Table.Td fz="sm" data-label={t('exports.created')}>
                      {format.dateTime(String(e.createdAt))}
                    </Table.Td>
                    <Table.Td fz="sm" data-label={t('exports.channel')}>
                      {t(`channel.${e.channel}`)}
                    </Table.Td>
                    <Table.Td fz="sm" ta="right" data-label={t('exports.items')}>
                      {format.number(e.itemCount)}
                    </Table.Td>
                    <Table.Td fz="sm" data-label={t('exports.by')}>
                      {e.createdBy?.name ?? t('exports.bySaldo')}
                    </Table.Td>
                    <Table.Td fz="sm" c="dimmed" data-label={t('exports.mailed')}>
                      {e.mailedAt ? format.dateTime(String(e.mailedAt)) : '—'}
                    </Table.Td>
                    <Table.Td data-label={t('exports.file')}>
                      <Anchor href={exportFileUrl(e.id)} download size="sm">
                        {t('exports.download', { name: e.fileName })}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))
              ) : (
                <SkeletonRows rows={3} cols={7} />
              )}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <ListPagination totalPages={totalPages} page={page} onPage={setPage} label={t('exports.pagination')} />
    </Paper>
  );
}
