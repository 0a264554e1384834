import {
  Alert,
  Anchor,
  Button,
  Group,
  Pagination,
  Paper,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCopy, IconDownload, IconFlag, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableScroll } from '../../shared/ui/table-scroll';
import { canWriteAr } from '../invoices/ar.types';
import { useFileSize } from './file-size';
import { ImportStatusBadge } from './import-status-badge';
import { errorReportUrl, type ImportRun, isFinished, useImport, useImportErrors } from './imports.api';

const ERRORS_PAGE = 50;

/** One import: its progress while it runs, then its summary, sums per currency and errors. */
export function ImportDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['imports', 'common']);
  const format = useFormatters();
  const run = useImport(id);
  const size = useFileSize();
  const data = run.data;
  usePageTitle(data ? t('detail.title', { file: data.fileName }) : t('list.title'));

  if (run.isError && !data)
    return (
      <>
        <BackLink to="/console/imports">{t('detail.back')}</BackLink>
        <ProblemAlert error={run.error} onRetry={() => void run.refetch()} />
      </>
    );
  if (!data)
    return (
      <>
        <BackLink to="/console/imports">{t('detail.back')}</BackLink>
        <Skeleton height={32} width={320} mb="lg" />
        <Skeleton height={120} />
      </>
    );

  const finished = isFinished(data.status);
  return (
    <>
      <BackLink to="/console/imports">{t('detail.back')}</BackLink>
      <PageHeader
        title={t('detail.title', { file: data.fileName })}
        description={
          <>
            {t('detail.facts', {
              kind: t(`kind.${data.kind}`),
              channel: t(`channel.${data.channel}`),
              size: size(data.fileSize),
            })}
            {data.startedBy && (
              <>
                {' · '}
                {t('detail.startedBy', {
                  name: data.startedBy.name,
                  date: format.dateTime(String(data.createdAt)),
                })}
              </>
            )}
          </>
        }
        actions={<ImportStatusBadge status={data.status} />}
      />
      <Stack gap="xl">
        {!finished && (
          <Paper withBorder p="md">
            <Text size="sm" mb="xs" aria-live="polite">
              {data.status === 'running'
                ? t('detail.running', { rows: format.number(data.rowsDone) })
                : t('detail.queued')}
            </Text>
            <Progress value={data.progress} aria-label={t('detail.progressLabel')} animated size="lg" />
          </Paper>
        )}
        {data.duplicateOf && (
          <Alert color="blue" icon={<IconCopy size={20} aria-hidden />} data-testid="import-duplicate">
            <Stack gap={4}>
              <span>
                {t('detail.duplicate', {
                  date: data.duplicateOf.finishedAt
                    ? format.dateTime(String(data.duplicateOf.finishedAt))
                    : '—',
                })}
              </span>
              <Anchor
                component={Link}
                to={`/console/imports/${data.duplicateOf.id}`}
                size="sm"
                c="dark.8"
                underline="always"
              >
                {t('detail.duplicateLink')}
              </Anchor>
            </Stack>
          </Alert>
        )}
        {data.status === 'failed' && (
          <Alert color="red" icon={<IconAlertCircle size={20} aria-hidden />} role="alert">
            {t('detail.failed', { reason: data.failureMessage ?? data.failureCode ?? '' })}
          </Alert>
        )}
        {data.summary && !data.summary.committed && data.status === 'rejected' && (
          <Alert color="orange" icon={<IconAlertCircle size={20} aria-hidden />} role="alert">
            {t('detail.committedNot')}
          </Alert>
        )}
        {data.summary && <Summary run={data} />}
        {finished && <Errors run={data} />}
        <Actions run={data} />
      </Stack>
    </>
  );
}

function Summary({ run }: { run: ImportRun }) {
  const { t } = useTranslation('imports');
  const format = useFormatters();
  const s = run.summary!;
  const figures: [string, number][] = [
    [t('detail.created'), s.created],
    [t('detail.updated'), s.updated],
    [t('detail.unchanged'), s.unchanged],
    [t('detail.rejected'), s.rejected],
    [t('detail.flagged'), s.flagged],
    [t('detail.voided'), s.voided],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-summary">
      <Title order={2} fz="lg" mb="md" id="import-summary">
        {t('detail.summary')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="md" mb="md">
        {figures.map(([label, value]) => (
          <Paper key={label} withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <Text fz={24} fw={700} data-figure={label}>
              {format.number(value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('detail.rows')}: {format.number(s.rows)} · {t('detail.documents')}: {format.number(s.documents)}
      </Text>
      <Title order={3} fz="md" mt="md" mb="xs">
        {t('detail.sums')}
      </Title>
      {s.sums.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('detail.noSums')}
        </Text>
      ) : (
        <Group gap="lg">
          {s.sums.map((sum) => (
            <Text key={sum.currency} fw={600}>
              {format.money(BigInt(sum.amount), sum.currency)}
            </Text>
          ))}
        </Group>
      )}
    </Paper>
  );
}

function Errors({ run }: { run: ImportRun }) {
  const { t } = useTranslation('imports');
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const errors = useImportErrors(run.id, page, run.errorCount > 0);
  const totalPages = Math.max(1, Math.ceil(run.errorCount / ERRORS_PAGE));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-errors">
      <Group justify="space-between" mb="md">
        <Title order={2} fz="lg" id="import-errors">
          {t('detail.errors')} ({format.number(run.errorCount)})
        </Title>
        {run.errorCount > 0 && (
          <Button
            component="a"
            href={errorReportUrl(run.id)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('detail.download')}
          </Button>
        )}
      </Group>
      {run.errorCount === 0 ? (
        <Text size="sm">{t('detail.errorsNone')}</Text>
      ) : errors.isError ? (
        <ProblemAlert error={errors.error} onRetry={() => void errors.refetch()} />
      ) : (
        <>
          <TableScroll minWidth={560} stack>
            <Table aria-label={t('detail.errorsTable')} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('detail.line')}</Table.Th>
                  <Table.Th>{t('detail.column')}</Table.Th>
                  <Table.Th>{t('detail.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(errors.data?.errors ?? []).map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: errors are listed in their stored order
                  <Table.Tr key={i}>
                    <Table.Td data-primary fz="sm">
                      {e.line === null ? t('detail.fileLevel') : format.number(e.line)}
                    </Table.Td>
                    <Table.Td fz="sm" data-label={t('detail.column')}>
                      {e.column ?? '—'}
                    </Table.Td>
                    <Table.Td fz="sm" data-label={t('detail.reason')}>
                      {e.message}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {totalPages > 1 && (
            <Group justify="flex-end" mt="md" component="nav" aria-label={t('detail.errorsPagination')}>
              <Pagination total={totalPages} value={page} onChange={setPage} size="sm" />
            </Group>
          )}
        </>
      )}
    </Paper>
  );
}

function Actions({ run }: { run: ImportRun }) {
  const { t } = useTranslation('imports');
  const { role } = useStaffContext();
  return (
    <Group gap="sm">
      {canWriteAr(role) && (
        <Button
          component={Link}
          to={`/console/imports/new?kind=${run.kind}`}
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
        >
          {t('detail.another')}
        </Button>
      )}
      {(run.summary?.flagged ?? 0) > 0 && (
        <Button
          component={Link}
          to="/console/imports/reviews"
          variant="default"
          leftSection={<IconFlag size={16} aria-hidden />}
        >
          {t('detail.reviews')}
        </Button>
      )}
    </Group>
  );
}
