import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { SkeletonRows } from '../../shared/ui/skeleton-rows';
import { TableScroll } from '../../shared/ui/table-scroll';
import { canWriteAr } from '../invoices/ar.types';
import {
  type PrintBatch,
  printBatchPdfUrl,
  usePrintBatch,
  usePrintBatches,
  usePrintQueue,
} from './delivery.api';

type Address = {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
};

function addressText(a: Address): string {
  const city = [[a.city, a.region].filter(Boolean).join(', '), a.postalCode].filter(Boolean).join(' ');
  return [a.line1, a.line2, city, a.country].filter(Boolean).join(' · ');
}

/**
 * Console → Print batch: what is due to print (postal deliveries by customer), "Print batch" (one
 * merged PDF: an address page per customer, then its documents; they are marked printed), and the
 * earlier batches to download again.
 */
export function PrintBatchPage() {
  const { t } = useTranslation('delivery');
  const format = useFormatters();
  const { role } = useStaffContext();
  usePageTitle(t('print.title'));
  const queue = usePrintQueue();
  const batches = usePrintBatches();
  const print = usePrintBatch();
  const [last, setLast] = useState<PrintBatch | null>(null);
  const canPrint = canWriteAr(role);
  const due = queue.data;

  return (
    <>
      <PageHeader title={t('print.title')} description={t('print.description')} />
      <Stack gap="xl">
        <Paper withBorder radius="md">
          <Group justify="space-between" px="md" py="sm" gap="sm">
            <Stack gap={0}>
              <Title order={2} fz="md">
                {t('print.due')}
              </Title>
              {due && (
                <Text size="sm" c="dimmed" data-testid="print-due-count">
                  {t('print.dueCount', { count: due.documentCount, customers: due.customers.length })}
                </Text>
              )}
            </Stack>
            {canPrint ? (
              <Button
                leftSection={<IconPrinter size={16} aria-hidden />}
                disabled={!due || due.documentCount === 0}
                loading={print.isPending}
                onClick={() =>
                  print.mutate(undefined, {
                    onSuccess: (batch) => {
                      setLast(batch);
                      notifications.show({
                        color: 'green',
                        message: t('print.printed', {
                          number: batch.number,
                          count: batch.documentCount,
                          pages: batch.pageCount,
                        }),
                      });
                    },
                  })
                }
              >
                {t('print.printBatch')}
              </Button>
            ) : (
              <Text size="xs" c="dimmed">
                {t('print.readOnly')}
              </Text>
            )}
          </Group>
          {print.isError && <ProblemAlert error={print.error} />}
          {last && (
            <Alert color="green" variant="light" mx="md" mb="md">
              <Group justify="space-between" gap="sm">
                <Text size="sm">
                  {t('print.printed', {
                    number: last.number,
                    count: last.documentCount,
                    pages: last.pageCount,
                  })}
                </Text>
                <Button
                  component="a"
                  href={printBatchPdfUrl(last.id)}
                  download={`print-batch-${last.number}.pdf`}
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconDownload size={14} aria-hidden />}
                  data-testid="print-download-last"
                >
                  {t('print.download')}
                </Button>
              </Group>
            </Alert>
          )}
          {queue.isError && !due ? (
            <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />
          ) : (
            <TableScroll minWidth={640}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('print.customer')}</Table.Th>
                    <Table.Th>{t('print.address')}</Table.Th>
                    <Table.Th>{t('print.documents')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {!due ? (
                    <SkeletonRows rows={3} cols={3} />
                  ) : due.customers.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={3}>
                        <Text size="sm" c="dimmed" ta="center" py="md">
                          {t('print.empty')}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    due.customers.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td fw={500}>{c.name}</Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed">
                            {addressText(c.address)}
                          </Text>
                        </Table.Td>
                        <Table.Td>{c.deliveries.map((d) => d.document.number).join(', ')}</Table.Td>
                      </Table.Tr>
                    ))
                  )}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </Paper>

        <Paper withBorder radius="md">
          <Title order={2} fz="md" px="md" py="sm">
            {t('print.batches')}
          </Title>
          <TableScroll minWidth={640}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('print.batch')}</Table.Th>
                  <Table.Th>{t('print.when')}</Table.Th>
                  <Table.Th>{t('print.documents')}</Table.Th>
                  <Table.Th>{t('print.pages')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {!batches.data ? (
                  <SkeletonRows rows={2} cols={4} />
                ) : batches.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text size="sm" c="dimmed" ta="center" py="md">
                        {t('print.noBatches')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  batches.data.items.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td>
                        <Stack gap={2}>
                          <Text size="sm" fw={500}>
                            #{b.number}
                          </Text>
                          <Anchor
                            href={printBatchPdfUrl(b.id)}
                            download={`print-batch-${b.number}.pdf`}
                            size="sm"
                          >
                            <Group gap={4} wrap="nowrap">
                              <IconDownload size={14} aria-hidden />
                              {t('print.download')}
                            </Group>
                          </Anchor>
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        {format.dateTime(b.createdAt)}
                        {b.createdBy && (
                          <Text size="xs" c="dimmed">
                            {t('print.by')} {b.createdBy.name}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{b.documentCount}</Table.Td>
                      <Table.Td>{b.pageCount}</Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Paper>
      </Stack>
    </>
  );
}
