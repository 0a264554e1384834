import { Alert, Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp, IconCircleX, IconClockHour4 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConsolePaymentStatus, PaymentLifecycleStatus, PaymentRefund } from '../../app/api/wire';
import { useFormatters } from '../../app/format';
import { DocumentStatusTag } from '../../shared/ui/badges';
import { Facts } from '../../shared/ui/facts';
import { chargeRows, lifecycleColors, PaymentTimeline } from '../../shared/ui/payment-trail';
import { Section } from '../../shared/ui/section';
import { TableScroll } from '../../shared/ui/table-scroll';
import { PaidWith } from '../portal-pay/method-label';

export { PaidWith };

const inFlight = new Set<PaymentLifecycleStatus>(['initiated', 'processing', 'requires_action', 'pending']);

const refundColors: Record<PaymentRefund['status'], string> = {
  initiated: 'gray',
  pending: 'grape',
  succeeded: 'teal',
  failed: 'red',
};

/** Where an online payment stands in its life (initiated … completed, failed, returned, refunded…). */
export function LifecycleBadge({ status }: { status: PaymentLifecycleStatus }) {
  const { t } = useTranslation('payments');
  return (
    <DocumentStatusTag color={lifecycleColors[status] ?? 'gray'}>
      {t(`lifecycle.${status}`)}
    </DocumentStatusTag>
  );
}

/** A payment that went through a processor: card or ACH, whoever started it. */
export function isOnline(payment: { method: string }): boolean {
  return payment.method === 'card' || payment.method === 'ach';
}

/**
 * The processor's side of a payment: a word on where it stands (declined, returned, pending until
 * a day, refunded), its facts (source, method, fee, refunds), its timeline of processor events
 * and its refunds.
 */
export function OnlinePaymentPanel({ payment }: { payment: ConsolePaymentStatus }) {
  const { t } = useTranslation(['payments', 'invoices']);
  const format = useFormatters();
  const money = (minor: number) => format.money(minor, payment.currency);
  const refundsById = new Map(payment.refunds.map((r) => [r.id, r]));
  // While the money is on its way (ACH pending), what it will pay once it settles.
  const intended = inFlight.has(payment.status) ? payment.allocations.filter((a) => !a.applied) : [];
  const optional = (show: boolean, label: string, value: ReactNode): [string, ReactNode][] =>
    show ? [[label, value]] : [];

  return (
    <Stack gap="lg">
      <StandingAlert payment={payment} money={money} />

      <Section title={t('online.title')} padded>
        <Facts
          rows={[
            [t('online.source'), t(`source.${payment.source}`)],
            ...chargeRows({
              labels: { method: t('online.method'), fee: t('online.fee'), total: t('online.total') },
              method: <PaidWith key="method" payment={payment} />,
              fee: payment.fee,
              total: payment.total,
              money,
            }),
            [
              t('online.refunded'),
              <span key="refunded" data-amount>
                {money(payment.refundedAmount)}
              </span>,
            ],
            [
              t('online.refundable'),
              <span key="refundable" data-amount>
                {money(payment.refundable)}
              </span>,
            ],
            ...optional(
              payment.status === 'pending' && payment.expectedSettlement !== null,
              t('online.settles'),
              payment.expectedSettlement ? format.day(payment.expectedSettlement) : '',
            ),
          ]}
        />
      </Section>

      {intended.length > 0 && (
        <Section title={t('online.intended')}>
          <TableScroll minWidth={360} stack>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('invoices:fields.number')}</Table.Th>
                  <Table.Th ta="right">{t('fields.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {intended.map((allocation) => (
                  <Table.Tr key={allocation.invoiceId}>
                    <Table.Td data-primary>
                      <Anchor
                        component={Link}
                        to={`/console/invoices/${allocation.invoiceId}`}
                        size="sm"
                        fw={600}
                      >
                        {allocation.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right" data-label={t('fields.amount')} data-amount>
                      {money(allocation.amount)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Section>
      )}

      <Section title={t('online.timeline')} padded>
        <PaymentTimeline
          steps={payment.timeline}
          empty={t('online.timelineEmpty')}
          title={(step) => {
            const refund = step.refundId ? refundsById.get(step.refundId) : undefined;
            return (
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600} component="span">
                  {refund
                    ? t('online.refundStep', { amount: money(refund.amount) })
                    : t(`lifecycle.${step.status as PaymentLifecycleStatus}`)}
                </Text>
                {refund && <LifecycleBadge status={step.status as PaymentLifecycleStatus} />}
              </Group>
            );
          }}
        />
      </Section>

      <Section title={t('online.refunds')}>
        {payment.refunds.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {t('online.noRefunds')}
          </Text>
        ) : (
          <TableScroll minWidth={480} stack>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('online.refundDate')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th>{t('online.refundReason')}</Table.Th>
                  <Table.Th ta="right">{t('fields.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payment.refunds.map((refund) => (
                  <Table.Tr key={refund.id}>
                    <Table.Td data-primary data-label={t('online.refundDate')}>
                      {format.dateTime(refund.createdAt)}
                    </Table.Td>
                    <Table.Td data-label={t('fields.status')}>
                      <DocumentStatusTag color={refundColors[refund.status]}>
                        {t(`refundStatus.${refund.status}`)}
                      </DocumentStatusTag>
                    </Table.Td>
                    <Table.Td data-label={t('online.refundReason')}>{refund.reason ?? '—'}</Table.Td>
                    <Table.Td ta="right" data-label={t('fields.amount')} data-amount>
                      {money(refund.amount)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Section>
    </Stack>
  );
}

function StandingAlert({
  payment,
  money,
}: {
  payment: ConsolePaymentStatus;
  money: (minor: number) => string;
}) {
  const { t } = useTranslation(['payments']);
  const format = useFormatters();
  if (payment.status === 'failed')
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconCircleX size={20} aria-hidden />}
        title={t('online.failedTitle')}
      >
        {payment.failure?.message}
      </Alert>
    );
  if (payment.returnReason)
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconArrowBackUp size={20} aria-hidden />}
        title={t('online.returnedTitle', { code: payment.returnReason.code })}
      >
        {payment.returnReason.message}
      </Alert>
    );
  if (payment.status === 'pending')
    return (
      <Alert
        color="grape"
        variant="light"
        icon={<IconClockHour4 size={20} aria-hidden />}
        title={t('online.pendingTitle')}
      >
        {payment.expectedSettlement
          ? t('online.pendingOn', { date: format.day(payment.expectedSettlement) })
          : t('online.pendingNoDate')}
      </Alert>
    );
  if (payment.status === 'refunded')
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconArrowBackUp size={20} aria-hidden />}
        title={t('online.refundedTitle')}
      >
        {t('online.refundedText', { amount: money(payment.refundedAmount) })}
      </Alert>
    );
  if (payment.refundedAmount > 0)
    return (
      <Alert color="blue" variant="light" icon={<IconArrowBackUp size={20} aria-hidden />}>
        {t('online.partlyRefunded', { amount: money(payment.refundedAmount) })}
      </Alert>
    );
  return null;
}
