import { Alert, Anchor, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api/client';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { BackLink } from '../../shared/ui/back-link';
import { Facts } from '../../shared/ui/facts';
import { Money } from '../../shared/ui/money';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableScroll } from '../../shared/ui/table-scroll';
import { DepositStatusBadge } from './deposit-status-badge';
import { type DepositDetail, depositReportUrl, type ReportFile, useDeposit } from './deposits.api';

export function DepositDetailPage() {
  const { t } = useTranslation(['deposits', 'common']);
  const format = useFormatters();
  const id = useParams().id ?? '';
  const deposit = useDeposit(id);
  const d = deposit.data?.deposit;
  usePageTitle(
    d ? t('detail.title', { kind: t(`kind.${d.kind}`), date: format.day(d.arrivalDate) }) : t('list.title'),
  );
  return (
    <>
      <BackLink to="/console/deposits">{t('detail.back')}</BackLink>
      {deposit.data ? (
        <DepositView detail={deposit.data} />
      ) : deposit.isError ? (
        isApiError(deposit.error, 'not_found') ? (
          <Alert color="gray" title={t('detail.notFoundTitle')}>
            {t('detail.notFoundText')}
          </Alert>
        ) : (
          <ProblemAlert error={deposit.error} onRetry={() => void deposit.refetch()} />
        )
      ) : (
        <Stack>
          <Skeleton height={40} width="50%" />
          <Skeleton height={160} />
          <Skeleton height={220} />
        </Stack>
      )}
    </>
  );
}

function DepositView({ detail }: { detail: DepositDetail }) {
  const { t } = useTranslation(['deposits', 'common']);
  const format = useFormatters();
  const d = detail.deposit;
  const money = (minor: number) => <Money minor={minor} currency={d.currency} />;
  const download = (report: ReportFile, fmt: 'csv' | 'xlsx') => {
    const name = t(`reports.${report === 'payments-initiated' ? 'initiated' : 'deposited'}`);
    return (
      <Button
        key={`${report}.${fmt}`}
        component="a"
        href={depositReportUrl(d.id, report, fmt)}
        download
        variant="default"
        size="sm"
        leftSection={<IconDownload size={16} aria-hidden />}
      >
        {name} · {t(`reports.${fmt}`)}
      </Button>
    );
  };
  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4}>
          <Title order={1} fz={26}>
            {t('detail.title', { kind: t(`kind.${d.kind}`), date: format.day(d.arrivalDate) })}
          </Title>
          <Group gap="sm">
            <DepositStatusBadge status={d.status} />
            <Text fz={22} fw={700} data-amount>
              {format.money(d.net, d.currency)}
            </Text>
          </Group>
        </Stack>
      </Group>

      {d.status === 'unmatched' && <Alert color="yellow">{t('detail.unmatched')}</Alert>}

      <Paper withBorder p="md">
        <Facts
          rows={[
            [t('detail.processor'), d.processor === 'sandbox' ? 'Sandbox' : 'Stripe'],
            [
              t('detail.payout'),
              <Text key="p" span ff="monospace" fz="sm">
                {d.payoutId}
              </Text>,
            ],
            [t('detail.arrival'), format.day(d.arrivalDate)],
            [
              t('detail.covers'),
              d.coversFrom === d.coversTo
                ? format.day(d.coversTo)
                : `${format.day(d.coversFrom)} – ${format.day(d.coversTo)}`,
            ],
            [t('detail.gross'), money(d.gross)],
            [t('detail.fees'), money(-d.fees)],
            [t('detail.net'), money(d.net)],
            [t('detail.reportSent'), d.reportSentAt ? format.dateTime(d.reportSentAt) : t('detail.notSent')],
          ]}
        />
        <Title order={2} fz="md" mt="md" mb="xs">
          {t('detail.downloads')}
        </Title>
        <Group gap="sm">
          {download('payments-initiated', 'csv')}
          {download('payments-initiated', 'xlsx')}
          {download('payments-deposited', 'csv')}
          {download('payments-deposited', 'xlsx')}
        </Group>
      </Paper>

      <Paper withBorder>
        <Title order={2} fz="lg" p="md" pb={0}>
          {t('detail.linesTitle')}
        </Title>
        <TableScroll minWidth={720} stack>
          <Table aria-label={t('detail.linesLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('detail.type')}</Table.Th>
                <Table.Th>{t('detail.payment')}</Table.Th>
                <Table.Th>{t('detail.customer')}</Table.Th>
                <Table.Th ta="right">{t('detail.amount')}</Table.Th>
                <Table.Th ta="right">{t('detail.fee')}</Table.Th>
                <Table.Th ta="right">{t('detail.lineNet')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.lines.map((line) => (
                <Table.Tr key={line.lineNo}>
                  <Table.Td fz="sm" data-primary>
                    {t(`detail.types.${line.type}`)}
                  </Table.Td>
                  <Table.Td fz="sm" data-label={t('detail.payment')}>
                    {line.paymentId ? (
                      <Anchor component={Link} to={`/console/payments/${line.paymentId}`} size="sm">
                        {line.paymentNumber}
                      </Anchor>
                    ) : (
                      <Text span c="dimmed" fz="sm">
                        {t('detail.unmatchedLine')}
                        {line.processorPaymentId ? ` · ${line.processorPaymentId}` : ''}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm" data-label={t('detail.customer')}>
                    {line.customerId ? (
                      <Anchor component={Link} to={`/console/customers/${line.customerId}`} size="sm">
                        {line.customerName}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td ta="right" fz="sm" data-label={t('detail.amount')}>
                    {money(line.amount)}
                  </Table.Td>
                  <Table.Td ta="right" fz="sm" data-label={t('detail.fee')}>
                    {money(-line.fee)}
                  </Table.Td>
                  <Table.Td ta="right" fz="sm" data-label={t('detail.lineNet')}>
                    {money(line.net)}
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td fz="sm" data-primary>
                  {t('detail.total')}
                </Table.Td>
                <Table.Td data-empty />
                <Table.Td data-empty />
                <Table.Td ta="right" fz="sm" data-label={t('detail.amount')}>
                  {money(d.gross)}
                </Table.Td>
                <Table.Td ta="right" fz="sm" data-label={t('detail.fee')}>
                  {money(-d.fees)}
                </Table.Td>
                <Table.Td ta="right" fz="sm" data-label={t('detail.lineNet')}>
                  {money(d.net)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Paper>

      <Paper withBorder>
        <Title order={2} fz="lg" p="md" pb={4}>
          {t('detail.journalTitle')}
        </Title>
        <Text size="sm" c="dimmed" px="md" pb="sm">
          {detail.journalEntryId ? t('detail.journalText') : t('detail.journalNone')}
        </Text>
        {detail.journal.length > 0 && (
          <TableScroll minWidth={320}>
            <Table aria-label={t('detail.journalTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('detail.account')}</Table.Th>
                  <Table.Th ta="right">{t('detail.debit')}</Table.Th>
                  <Table.Th ta="right">{t('detail.credit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {detail.journal.map((a) => (
                  <Table.Tr key={a.account}>
                    <Table.Td fz="sm">
                      {a.account in ACCOUNT_KEYS
                        ? t(`detail.accounts.${a.account as keyof typeof ACCOUNT_KEYS}`)
                        : a.account}
                    </Table.Td>
                    <Table.Td ta="right" fz="sm">
                      {a.amount > 0 ? money(a.amount) : ''}
                    </Table.Td>
                    <Table.Td ta="right" fz="sm">
                      {a.amount < 0 ? money(-a.amount) : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Paper>
    </Stack>
  );
}

const ACCOUNT_KEYS = { bank: true, processor_fees: true, processor_clearing: true } as const;
