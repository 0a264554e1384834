import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowRight, IconCalendarDue, IconLock, IconReceipt } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useCustomerContext, useSession } from '../../app/session';
import { InvoiceBadges } from '../../shared/ui/badges';
import { DueDate } from '../../shared/ui/due-date';
import invoiceClasses from '../../shared/ui/kit.module.css';
import { AmountFigure, figureCardClass, Money } from '../../shared/ui/money';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { Section } from '../../shared/ui/section';
import { SkeletonRows } from '../../shared/ui/skeleton-rows';
import { TableScroll } from '../../shared/ui/table-scroll';
import { firstName } from '../home/home-cards';
import type { Balance } from '../invoices/ar.types';
import { useInvoices } from '../invoices/invoices.api';
import { receiptUrl } from '../payments/payments.api';
import { PayBalanceActions } from '../portal-pay/pay-access';
import { PortalStatementCard } from '../statements/portal-statement-card';
import { type PortalSummary, usePortalSummary } from './portal-dashboard.api';
import classes from './portal-dashboard.module.css';

export function PortalDashboardPage() {
  const { t } = useTranslation(['portalDashboard', 'invoices', 'common']);
  const { user } = useSession();
  const context = useCustomerContext();
  const summary = usePortalSummary();
  usePageTitle(t('pageTitle'));

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 24, sm: 28 }}>
          {t('greeting', { name: firstName(user.name, user.email) })}
        </Title>
        <Text c="dimmed">{t('where', { account: context.accountName, org: context.orgName })}</Text>
      </Stack>

      {summary.isError && !summary.data ? (
        <ProblemAlert error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !summary.data ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          {[0, 1, 2, 3].map((key) => (
            <Skeleton key={key} height={112} radius="md" />
          ))}
        </SimpleGrid>
      ) : (
        <Summary summary={summary.data} />
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <UrgentInvoices />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <RecentPayments summary={summary.data} />
        </Grid.Col>
      </Grid>
      <PortalStatementCard />
    </Stack>
  );
}

function Summary({ summary }: { summary: PortalSummary }) {
  const { t } = useTranslation(['portalDashboard', 'invoices', 'common']);
  const format = useFormatters();
  const balances: Balance[] = summary.balances.length ? summary.balances : [];
  return (
    <Stack gap="md">
      {summary.hold.status === 'on_hold' && (
        <Alert color="red" variant="light" icon={<IconLock size={20} aria-hidden />} title={t('hold.title')}>
          {/* The seller's message for the customer, if any; never its internal reason. */}
          {summary.hold.message
            ? t('hold.textWithMessage', { message: summary.hold.message })
            : t('hold.text')}
        </Alert>
      )}
      {balances.length === 0 && (
        <Paper withBorder p="lg" className={classes.total}>
          <Text fw={600}>{t('allClearTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('allClearText')}
          </Text>
        </Paper>
      )}
      {balances.map((balance, index) => (
        <SimpleGrid key={balance.currency} cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
          <Card
            label={
              balances.length > 1 ? t('cards.totalIn', { currency: balance.currency }) : t('cards.total')
            }
            value={<Money minor={balance.total} currency={balance.currency} />}
            amount
            className={classes.total}
            note={
              balance.unappliedCash + balance.unappliedCredits > 0
                ? t('cards.unappliedNote', {
                    amount: format.money(balance.unappliedCash + balance.unappliedCredits, balance.currency),
                  })
                : undefined
            }
          />
          <Card
            label={t('cards.overdue')}
            value={<Money minor={balance.overdue} currency={balance.currency} />}
            amount
            color={balance.overdue > 0 ? 'red.7' : undefined}
            className={balance.overdue > 0 ? classes.overdue : undefined}
            link={
              balance.overdue > 0
                ? { to: '/portal/invoices?status=overdue&sort=dueDate', label: t('cards.seeOverdue') }
                : undefined
            }
          />
          <Card
            label={t('cards.notYetDue')}
            value={<Money minor={balance.notYetDue} currency={balance.currency} />}
            amount
          />
          {index === 0 && (
            <Card
              label={t('cards.nextDue')}
              icon={<IconCalendarDue size={18} aria-hidden />}
              value={summary.nextDue ? format.day(summary.nextDue.dueDate) : t('cards.nothingDue')}
              note={
                summary.nextDue
                  ? t('cards.nextDueNote', {
                      amount: format.money(summary.nextDue.openAmount, summary.nextDue.currency),
                      number: summary.nextDue.number,
                    })
                  : undefined
              }
              link={
                summary.nextDue
                  ? { to: `/portal/invoices/${summary.nextDue.invoiceId}`, label: t('cards.seeInvoice') }
                  : undefined
              }
            />
          )}
        </SimpleGrid>
      ))}
      <PayBalanceActions balances={balances} />
    </Stack>
  );
}

function Card({
  label,
  value,
  note,
  color,
  className,
  icon,
  link,
  amount = false,
}: {
  label: string;
  value: ReactNode;
  /** The value is an amount: marked, and shrunk to fit the card. */
  amount?: boolean;
  note?: string;
  color?: string;
  className?: string;
  icon?: ReactNode;
  link?: { to: string; label: string };
}) {
  return (
    <Paper withBorder p="lg" className={`${classes.card} ${figureCardClass} ${className ?? ''}`}>
      <Stack gap={6} h="100%" justify="space-between">
        <Box>
          <Group gap={6} c="dimmed">
            {icon}
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" className={classes.label}>
              {label}
            </Text>
          </Group>
          {amount ? (
            <AmountFigure c={color} mt={6}>
              {value}
            </AmountFigure>
          ) : (
            <Text component="div" fw={700} c={color} className={invoiceClasses.figure} mt={6}>
              {value}
            </Text>
          )}
          {note && (
            <Text size="xs" c="dimmed" mt={4}>
              {note}
            </Text>
          )}
        </Box>
        {link && (
          <Anchor component={Link} to={link.to} size="sm" fw={500}>
            <Group gap={4} component="span">
              {link.label}
              <IconArrowRight size={14} aria-hidden />
            </Group>
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

/** The open invoices that come due first (overdue ones at the top). */
function UrgentInvoices() {
  const { t } = useTranslation(['portalDashboard', 'invoices', 'common']);
  const invoices = useInvoices('portal', { status: 'open', sort: 'dueDate', page: 1, pageSize: 6 });
  const data = invoices.data;
  return (
    <Section
      title={t('urgent.title')}
      actions={
        <Anchor component={Link} to="/portal/invoices?status=open&sort=dueDate" size="sm" fw={500}>
          <Group gap={4} component="span">
            {t('urgent.seeAll')}
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      }
    >
      {invoices.isError && !data ? (
        <Box p="md">
          <ProblemAlert error={invoices.error} onRetry={() => void invoices.refetch()} />
        </Box>
      ) : data && data.items.length === 0 ? (
        <Text size="sm" c="dimmed" p="md">
          {t('urgent.empty')}
        </Text>
      ) : (
        <TableScroll minWidth={480} stack>
          <Table highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoices:fields.number')}</Table.Th>
                <Table.Th>{t('invoices:fields.dueDate')}</Table.Th>
                <Table.Th>{t('invoices:fields.status')}</Table.Th>
                <Table.Th ta="right">{t('invoices:fields.openAmount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data ? (
                data.items.map((invoice) => (
                  <Table.Tr key={invoice.id}>
                    <Table.Td data-primary>
                      <Anchor component={Link} to={`/portal/invoices/${invoice.id}`} size="sm" fw={600}>
                        {invoice.number}
                      </Anchor>
                      {invoice.poNumber && (
                        <Text className={invoiceClasses.sub}>
                          {t('invoices:fields.poShort', { po: invoice.poNumber })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td data-label={t('invoices:fields.dueDate')}>
                      <div>
                        <DueDate invoice={invoice} />
                      </div>
                    </Table.Td>
                    <Table.Td data-label={t('invoices:fields.status')}>
                      <InvoiceBadges invoice={invoice} />
                    </Table.Td>
                    <Table.Td
                      className={invoiceClasses.num}
                      fz="sm"
                      fw={600}
                      data-label={t('invoices:fields.openAmount')}
                    >
                      <Money minor={invoice.openAmount} currency={invoice.currency} />
                    </Table.Td>
                  </Table.Tr>
                ))
              ) : (
                <SkeletonRows rows={4} cols={4} />
              )}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Section>
  );
}

function RecentPayments({ summary }: { summary: PortalSummary | undefined }) {
  const { t } = useTranslation(['portalDashboard', 'invoices', 'common']);
  const format = useFormatters();
  return (
    <Section
      title={t('payments.title')}
      actions={
        <Anchor component={Link} to="/portal/payments" size="sm" fw={500}>
          {t('payments.seeAll')}
        </Anchor>
      }
    >
      {!summary ? (
        <Stack p="md" gap="sm">
          <Skeleton height={16} />
          <Skeleton height={16} />
          <Skeleton height={16} />
        </Stack>
      ) : summary.recentPayments.length === 0 ? (
        <Text size="sm" c="dimmed" p="md">
          {t('payments.empty')}
        </Text>
      ) : (
        <Stack gap={0}>
          {summary.recentPayments.map((payment) => (
            <Group
              key={payment.id}
              justify="space-between"
              px="md"
              py="sm"
              wrap="nowrap"
              className={invoiceClasses.sectionHeader}
            >
              <Stack gap={0} miw={0}>
                <Text
                  size="sm"
                  fw={600}
                  className={invoiceClasses.money}
                  data-amount
                  td={payment.status === 'reversed' ? 'line-through' : undefined}
                >
                  {format.money(payment.amount, payment.currency)}
                </Text>
                <Text size="xs" c="dimmed" truncate="end">
                  {format.day(payment.receivedOn)} · {t(`invoices:methods.${payment.method}`)} ·{' '}
                  {payment.number}
                </Text>
              </Stack>
              <Tooltip label={t('payments.receipt')} withArrow>
                <ActionIcon
                  component="a"
                  href={receiptUrl('portal', payment.id)}
                  target="_blank"
                  rel="noopener"
                  variant="subtle"
                  color="gray"
                  aria-label={t('payments.receiptOf', { number: payment.number })}
                >
                  <IconReceipt size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
