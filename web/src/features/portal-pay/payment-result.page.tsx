import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconCircleCheck,
  IconCircleX,
  IconClockHour4,
  IconCreditCard,
  IconRefresh,
  IconShieldLock,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { BackLink } from '../../shared/ui/back-link';
import { Facts } from '../../shared/ui/facts';
import classes from '../../shared/ui/kit.module.css';
import { chargeRows, PaymentTimeline } from '../../shared/ui/payment-trail';
import { PdfButton } from '../../shared/ui/pdf-button';
import { Section } from '../../shared/ui/section';
import { TableScroll } from '../../shared/ui/table-scroll';
import { DetailFallback } from '../invoices/invoice-detail';
import { PaidWith } from './method-label';
import { retryPath } from './pay-logic';
import { type PortalPaymentDetail, usePortalPayment } from './portal-pay.api';
import payClasses from './portal-pay.module.css';
import { tabStore } from './tab-store';

const KNOWN = [
  'completed',
  'pending',
  'processing',
  'requires_action',
  'failed',
  'returned',
  'refunded',
  'disputed',
  'reversed',
] as const;
type Known = (typeof KNOWN)[number];
const TIMELINE = [
  'initiated',
  'processing',
  'pending',
  'completed',
  'failed',
  'returned',
  'refunded',
  'disputed',
];

const LOOK: Record<Known, { color: string; icon: ReactNode }> = {
  completed: { color: 'teal', icon: <IconCircleCheck size={28} aria-hidden /> },
  pending: { color: 'grape', icon: <IconClockHour4 size={28} aria-hidden /> },
  processing: { color: 'blue', icon: <Loader size={22} color="white" aria-hidden /> },
  requires_action: { color: 'yellow', icon: <IconShieldLock size={28} aria-hidden /> },
  failed: { color: 'red', icon: <IconCircleX size={28} aria-hidden /> },
  returned: { color: 'red', icon: <IconArrowBackUp size={28} aria-hidden /> },
  refunded: { color: 'gray', icon: <IconArrowBackUp size={28} aria-hidden /> },
  disputed: { color: 'orange', icon: <IconAlertTriangle size={28} aria-hidden /> },
  reversed: { color: 'gray', icon: <IconArrowBackUp size={28} aria-hidden /> },
};

/** /portal/payments/:id: how a payment went (or is going), its receipt, its invoices and its timeline. */
export function PortalPaymentPage() {
  const { t } = useTranslation(['portalPay', 'portalDocuments', 'common']);
  const id = useParams().id ?? '';
  const payment = usePortalPayment(id);
  usePageTitle(
    payment.data
      ? t('result.pageTitle', { number: payment.data.number })
      : t('portalDocuments:payments.title'),
  );
  return (
    <>
      <BackLink to="/portal/payments">{t('result.back')}</BackLink>
      {payment.data ? (
        <PaymentResult payment={payment.data} />
      ) : (
        <DetailFallback
          query={payment}
          notFoundTitle={t('result.notFoundTitle')}
          notFoundText={t('result.notFoundText')}
        />
      )}
    </>
  );
}

function PaymentResult({ payment }: { payment: PortalPaymentDetail }) {
  const { t } = useTranslation(['portalPay', 'invoices', 'common']);
  const format = useFormatters();
  const navigate = useNavigate();
  const money = (minor: number) => format.money(minor, payment.currency);
  const status: Known | null = (KNOWN as readonly string[]).includes(payment.status)
    ? (payment.status as Known)
    : null;
  const look = status ? LOOK[status] : { color: 'gray', icon: <IconCreditCard size={28} aria-hidden /> };
  const headline = status
    ? t(`result.status.${status}`)
    : t('result.status.other', { status: payment.status });

  let text: string;
  if (status === 'pending')
    text = payment.expectedSettlement
      ? t('result.text.pending', {
          amount: money(payment.total),
          date: format.day(payment.expectedSettlement),
        })
      : t('result.text.pendingNoDate', { amount: money(payment.total) });
  else if (status === 'completed') text = t('result.text.completed', { amount: money(payment.amount) });
  else if (status === 'refunded') text = t('result.text.refunded', { amount: money(payment.refundedAmount) });
  else text = status ? t(`result.text.${status}`) : t('result.text.other');

  const retry = (sameMethod: boolean) =>
    void navigate(retryPath(tabStore(), payment, sameMethod, payment.currency, format.locale));
  const retryable = payment.failure?.retryable !== false;

  return (
    <Stack gap="lg">
      <Paper
        withBorder
        p="lg"
        className={payClasses.headline}
        style={{ '--headline-color': `var(--mantine-color-${look.color}-6)` }}
      >
        <Group align="flex-start" gap="md" wrap="nowrap">
          <ThemeIcon
            size={48}
            radius="xl"
            color={look.color}
            variant={status === 'processing' ? 'filled' : 'light'}
          >
            {look.icon}
          </ThemeIcon>
          <Stack gap={6} miw={0} flex={1} role="status" aria-live="polite">
            <Title order={1} fz={{ base: 22, sm: 26 }} data-testid="payment-status">
              {headline}
            </Title>
            <Text size="sm">{text}</Text>
            {status === 'pending' && <Text size="sm">{t('result.text.pendingInvoices')}</Text>}
            {status === 'failed' && payment.failure && (
              <Text size="sm" fw={600} c="red.8">
                {t('result.failureReason', { reason: payment.failure.message })}
              </Text>
            )}
            {payment.returnReason && (
              <Text size="sm" fw={600} c="red.8">
                {t('result.returnReason', {
                  code: payment.returnReason.code,
                  reason: payment.returnReason.message,
                })}
              </Text>
            )}
          </Stack>
        </Group>
        {(status === 'failed' || status === 'requires_action') && (
          <Group gap="sm" mt="md" justify="flex-end">
            <Button variant={retryable ? 'default' : 'filled'} onClick={() => retry(false)}>
              {t('result.anotherMethod')}
            </Button>
            {retryable && (
              <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => retry(true)}>
                {t('result.tryAgain')}
              </Button>
            )}
          </Group>
        )}
        {payment.receiptUrl && (
          <Group mt="md" justify="flex-end">
            <PdfButton href={payment.receiptUrl}>{t('result.receipt')}</PdfButton>
          </Group>
        )}
      </Paper>

      <Paper withBorder p="lg">
        <Facts
          rows={[
            [t('result.facts.number'), payment.number],
            [t('result.facts.date'), format.day(payment.receivedOn)],
            [t('result.facts.amount'), money(payment.amount)],
            ...chargeRows({
              labels: {
                method: t('result.facts.method'),
                fee: t('result.facts.fee'),
                total: t('result.facts.total'),
              },
              method: <PaidWith key="method" payment={payment} />,
              fee: payment.fee,
              total: payment.total,
              money,
              alwaysTotal: true,
            }),
            ...(status === 'pending' && payment.expectedSettlement
              ? [[t('result.facts.settles'), format.day(payment.expectedSettlement)] as [string, ReactNode]]
              : []),
          ]}
        />
      </Paper>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Section
            title={t('result.invoices')}
            actions={
              <Anchor component={Link} to="/portal/invoices" size="sm" fw={500}>
                {t('result.toInvoices')}
              </Anchor>
            }
          >
            <TableScroll minWidth={360} stack>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('review.invoice')}</Table.Th>
                    <Table.Th>{t('invoices:fields.status')}</Table.Th>
                    <Table.Th ta="right">{t('review.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {payment.allocations.map((allocation) => (
                    <Table.Tr key={allocation.invoiceId}>
                      <Table.Td data-primary>
                        <Anchor
                          component={Link}
                          to={`/portal/invoices/${allocation.invoiceId}`}
                          size="sm"
                          fw={600}
                        >
                          {allocation.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td data-label={t('invoices:fields.status')}>
                        {status === 'failed' ? (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        ) : (
                          <Badge
                            variant="light"
                            radius="sm"
                            tt="none"
                            color={allocation.applied ? 'teal' : status === 'returned' ? 'red' : 'grape'}
                          >
                            {allocation.applied
                              ? t('result.applied')
                              : status === 'returned'
                                ? t('result.returnedApply')
                                : t('result.pendingApply')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td className={classes.num} fz="sm" fw={600} data-label={t('review.amount')}>
                        {money(allocation.amount)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Section title={t('result.timeline')} padded>
            <PaymentTimeline
              steps={payment.timeline}
              empty={t('result.timelineStatus.initiated')}
              title={(event) =>
                TIMELINE.includes(event.status)
                  ? t(`result.timelineStatus.${event.status}` as 'result.timelineStatus.initiated')
                  : t('result.timelineStatus.other', { status: event.status })
              }
            />
          </Section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
