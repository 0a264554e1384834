import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  ThemeIcon,
  Timeline,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconActivity,
  IconCash,
  IconFileInvoice,
  IconLock,
  IconLockOpen,
  IconMail,
  IconPencil,
  IconPhone,
  IconPlus,
  IconReceiptRefund,
  IconUserPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { BackLink } from '../../shared/ui/back-link';
import { Facts } from '../../shared/ui/facts';
import classes from '../../shared/ui/kit.module.css';
import { SectionLoader } from '../../shared/ui/loaders';
import { AmountFigure, figureCardClass, Money } from '../../shared/ui/money';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { ReasonDialog } from '../../shared/ui/reason-dialog';
import { Section } from '../../shared/ui/section';
import { TableScroll } from '../../shared/ui/table-scroll';
import { AutopayPanel } from '../autopay/autopay-panel';
import { CustomerCollectionPanel } from '../collections/customer-collection-panel';
import { CreditsTable } from '../credits/credits-table';
import { CustomerDeliveryCard } from '../delivery/customer-delivery-card';
import { CustomerRemindersPanel } from '../dunning/customer-reminders-panel';
import { BUCKET_KEYS, canWriteAr } from '../invoices/ar.types';
import { DetailFallback } from '../invoices/invoice-detail';
import { InvoiceTable } from '../invoices/invoice-table';
import { ConsolePayLinksPanel } from '../pay-link/console-pay-links-panel';
import { CustomerActivityPanel } from '../pay-now/customer-activity-panel';
import { PayNowSelectionBar } from '../pay-now/pay-now-selection-bar';
import { PaymentsTable } from '../payments/payments-table';
import { useSetOnlinePayments } from '../settings/payment-settings.api';
import { SendStatementPanel } from '../statements/send-statement-panel';
import { TakePaymentButton } from '../take-payment/take-payment-button';
import { ContactModal } from './contact-modal';
import {
  type Contact,
  type CustomerDetail,
  useCustomer,
  useCustomerActivity,
  usePlaceHold,
  useReleaseHold,
} from './customers.api';
import { HoldBadge } from './customers-list.page';
import { HoldModal } from './hold-modal';
import customersEn from './i18n/en.json';

const TABS = ['overview', 'invoices', 'payments', 'credits', 'activity'] as const;
type Tab = (typeof TABS)[number];

export function CustomerDetailPage() {
  const { t } = useTranslation(['customers', 'common']);
  const id = useParams().id ?? '';
  const customer = useCustomer(id);
  usePageTitle(customer.data?.name ?? t('list.title'));
  return (
    <>
      <BackLink to="/console/customers">{t('detail.back')}</BackLink>
      {customer.data ? (
        <CustomerView customer={customer.data} />
      ) : (
        <DetailFallback
          query={customer}
          notFoundTitle={t('detail.notFoundTitle')}
          notFoundText={t('detail.notFoundText')}
        />
      )}
    </>
  );
}

function CustomerView({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation(['customers', 'invoices', 'common']);
  const { role } = useStaffContext();
  const canWrite = canWriteAr(role);
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'overview';
  const [holding, holdModal] = useDisclosure(false);
  const [releasing, releaseModal] = useDisclosure(false);
  const placeHold = usePlaceHold(customer.id);
  const releaseHold = useReleaseHold(customer.id);
  const onHold = customer.hold.status === 'on_hold';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} fz={26}>
              {customer.name}
            </Title>
            {onHold && <HoldBadge reason={customer.hold.reason} />}
          </Group>
          <Text size="sm" c="dimmed">
            {[customer.accountNumber, customer.taxId].filter(Boolean).join(' · ')}
            {customer.collector && ` · ${t('detail.collectorIs', { name: customer.collector.name })}`}
          </Text>
        </Stack>
        {canWrite && (
          <Group gap="sm">
            <Button
              component={Link}
              to={`/console/payments/new?customerId=${customer.id}`}
              leftSection={<IconCash size={16} aria-hidden />}
            >
              {t('detail.recordPayment')}
            </Button>
            <TakePaymentButton customerId={customer.id} />
            <Button
              component={Link}
              to={`/console/invoices/new?customerId=${customer.id}`}
              variant="default"
              leftSection={<IconFileInvoice size={16} aria-hidden />}
            >
              {t('detail.newInvoice')}
            </Button>
            <Button
              component={Link}
              to={`/console/credits/new?customerId=${customer.id}`}
              variant="default"
              leftSection={<IconReceiptRefund size={16} aria-hidden />}
            >
              {t('detail.newCredit')}
            </Button>
            <Button
              component={Link}
              to={`/console/customers/${customer.id}/edit`}
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
            >
              {t('detail.edit')}
            </Button>
            {onHold ? (
              <Button
                variant="default"
                leftSection={<IconLockOpen size={16} aria-hidden />}
                onClick={releaseModal.open}
              >
                {t('hold.release')}
              </Button>
            ) : (
              <Button
                variant="default"
                c="red.7"
                leftSection={<IconLock size={16} aria-hidden />}
                onClick={holdModal.open}
              >
                {t('hold.place')}
              </Button>
            )}
          </Group>
        )}
      </Group>

      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(
            (current) => {
              const next = new URLSearchParams();
              if (value && value !== 'overview') next.set('tab', value);
              void current;
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview
            customer={customer}
            canWrite={canWrite}
            onPlaceHold={holdModal.open}
            onReleaseHold={releaseModal.open}
          />
        </Tabs.Panel>
        <Tabs.Panel value="invoices">
          <InvoiceTable
            audience="console"
            customerId={customer.id}
            selectable
            amountCurrency={customer.currency}
            linkTo={(invoice) => `/console/invoices/${invoice.id}`}
            selectionBar={(selected, clear) => (
              <PayNowSelectionBar selected={selected} onClear={clear} canWrite={canWrite} />
            )}
          />
        </Tabs.Panel>
        <Tabs.Panel value="payments">
          <PaymentsTable
            audience="console"
            customerId={customer.id}
            linkTo={(payment) => `/console/payments/${payment.id}`}
          />
        </Tabs.Panel>
        <Tabs.Panel value="credits">
          <CreditsTable
            audience="console"
            customerId={customer.id}
            linkTo={(credit) => `/console/credits/${credit.id}`}
          />
        </Tabs.Panel>
        <Tabs.Panel value="activity">
          <ActivityTimeline customerId={customer.id} />
        </Tabs.Panel>
      </Tabs>

      {canWrite && (
        <>
          <HoldModal
            opened={holding}
            onClose={holdModal.close}
            name={customer.name}
            mutation={placeHold}
            onDone={() =>
              notifications.show({ color: 'teal', message: t('hold.placed', { name: customer.name }) })
            }
          />
          <ReasonDialog
            opened={releasing}
            onClose={releaseModal.close}
            title={t('hold.releaseTitle', { name: customer.name })}
            text={t('hold.releaseText')}
            submitLabel={t('hold.release')}
            color="teal"
            required={false}
            mutation={releaseHold}
            onDone={() =>
              notifications.show({ color: 'teal', message: t('hold.released', { name: customer.name }) })
            }
          />
        </>
      )}
    </Stack>
  );
}

function Overview({
  customer,
  canWrite,
  onPlaceHold,
  onReleaseHold,
}: {
  customer: CustomerDetail;
  canWrite: boolean;
  onPlaceHold: () => void;
  onReleaseHold: () => void;
}) {
  const { t } = useTranslation(['customers', 'invoices', 'common']);
  const format = useFormatters();
  const [editing, setEditing] = useState<Contact | null>(null);
  const [contactOpen, contactModal] = useDisclosure(false);
  const balances = customer.balances.length
    ? customer.balances
    : [
        {
          currency: customer.currency,
          total: 0,
          overdue: 0,
          notYetDue: 0,
          unappliedCash: 0,
          unappliedCredits: 0,
        },
      ];
  const onHold = customer.hold.status === 'on_hold';

  return (
    <Stack gap="lg">
      {onHold && (
        <Alert
          color="red"
          variant="light"
          icon={<IconLock size={20} aria-hidden />}
          title={t('hold.onHoldTitle')}
        >
          <Stack gap={4}>
            <Text size="sm">{customer.hold.reason}</Text>
            <Text size="xs" c="dimmed">
              {customer.hold.customerMessage
                ? t('hold.customerSees', { message: customer.hold.customerMessage })
                : t('hold.customerSeesNothing')}
            </Text>
            {customer.hold.at && (
              <Text size="xs" c="dimmed">
                {customer.hold.by
                  ? t('hold.placedBy', {
                      name: customer.hold.by.name,
                      date: format.dateTime(customer.hold.at),
                    })
                  : t('hold.placedAt', { date: format.dateTime(customer.hold.at) })}
              </Text>
            )}
            {canWrite && (
              <Box>
                <Button size="compact-sm" variant="white" color="red" onClick={onReleaseHold} mt={4}>
                  {t('hold.release')}
                </Button>
              </Box>
            )}
          </Stack>
        </Alert>
      )}

      {balances.map((balance) => (
        <SimpleGrid key={balance.currency} cols={{ base: 2, md: 5 }} spacing="md">
          <Figure
            label={t('balance.total', { currency: balance.currency })}
            value={format.money(balance.total, balance.currency)}
            strong
          />
          <Figure
            label={t('balance.overdue')}
            value={format.money(balance.overdue, balance.currency)}
            color={balance.overdue > 0 ? 'red.7' : undefined}
          />
          <Figure label={t('balance.notYetDue')} value={format.money(balance.notYetDue, balance.currency)} />
          <Figure
            label={t('balance.unappliedCash')}
            value={format.money(balance.unappliedCash, balance.currency)}
          />
          <Figure
            label={t('balance.unappliedCredits')}
            value={format.money(balance.unappliedCredits, balance.currency)}
          />
        </SimpleGrid>
      ))}

      <Section title={t('aging.title')}>
        {customer.aging.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {t('aging.empty')}
          </Text>
        ) : (
          <TableScroll minWidth={1040}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('invoices:fields.currency')}</Table.Th>
                  {BUCKET_KEYS.map((key) => (
                    <Table.Th key={key} ta="right">
                      {t(`invoices:buckets.${key}`)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('aging.total')}</Table.Th>
                  <Table.Th ta="right">{t('aging.unappliedCash')}</Table.Th>
                  <Table.Th ta="right">{t('aging.unappliedCredits')}</Table.Th>
                  <Table.Th ta="right">{t('aging.balance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {customer.aging.map((row) => (
                  <Table.Tr key={row.currency}>
                    <Table.Td fw={600} fz="sm">
                      {row.currency}
                    </Table.Td>
                    {BUCKET_KEYS.map((key) => (
                      <Table.Td
                        key={key}
                        className={classes.num}
                        fz="sm"
                        c={
                          key !== 'current' && row[key] > 0 ? 'red.7' : row[key] === 0 ? 'dimmed' : undefined
                        }
                      >
                        <Money minor={row[key]} currency={row.currency} />
                      </Table.Td>
                    ))}
                    <Table.Td className={classes.num} fz="sm" fw={700}>
                      <Money minor={row.total} currency={row.currency} />
                    </Table.Td>
                    {/* Shown as subtracted: total − unapplied cash − unapplied credits = balance. */}
                    <Table.Td
                      className={classes.num}
                      fz="sm"
                      c={row.unappliedCash === 0 ? 'dimmed' : undefined}
                    >
                      <Money minor={-row.unappliedCash} currency={row.currency} />
                    </Table.Td>
                    <Table.Td
                      className={classes.num}
                      fz="sm"
                      c={row.unappliedCredits === 0 ? 'dimmed' : undefined}
                    >
                      <Money minor={-row.unappliedCredits} currency={row.currency} />
                    </Table.Td>
                    <Table.Td className={classes.num} fz="sm" fw={700}>
                      <Money minor={row.balance} currency={row.currency} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {customer.aging.length > 0 && (
          <Text size="xs" c="dimmed" px="md" py="sm">
            {t('aging.reconcile')}
          </Text>
        )}
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <Section
          title={t('contacts.title')}
          actions={
            canWrite && (
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconUserPlus size={14} aria-hidden />}
                onClick={() => {
                  setEditing(null);
                  contactModal.open();
                }}
              >
                {t('contacts.add')}
              </Button>
            )
          }
        >
          {customer.contacts.length === 0 ? (
            <Text size="sm" c="dimmed" p="md">
              {t('contacts.empty')}
            </Text>
          ) : (
            <Stack gap={0}>
              {customer.contacts.map((contact) => (
                <Group
                  key={contact.id}
                  justify="space-between"
                  align="flex-start"
                  px="md"
                  py="sm"
                  wrap="nowrap"
                  className={classes.sectionHeader}
                >
                  <Stack gap={2} miw={0}>
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {contact.name}
                      </Text>
                      {contact.role && (
                        <Text size="xs" c="dimmed">
                          {contact.role}
                        </Text>
                      )}
                    </Group>
                    {contact.email && (
                      <Group gap={6} wrap="nowrap">
                        <IconMail size={14} aria-hidden color="var(--mantine-color-gray-6)" />
                        <Anchor href={`mailto:${contact.email}`} size="sm" truncate="end">
                          {contact.email}
                        </Anchor>
                      </Group>
                    )}
                    {contact.phone && (
                      <Group gap={6} wrap="nowrap">
                        <IconPhone size={14} aria-hidden color="var(--mantine-color-gray-6)" />
                        <Text size="sm">{contact.phone}</Text>
                      </Group>
                    )}
                    <Group gap={4} mt={2}>
                      {contact.receives.map((message) => (
                        <Badge key={message} size="xs" variant="default" radius="sm" tt="none" fw={500}>
                          {t(`contacts.messages.${message}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Stack>
                  {canWrite && (
                    <Tooltip label={t('contacts.edit')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('contacts.editOf', { name: contact.name })}
                        onClick={() => {
                          setEditing(contact);
                          contactModal.open();
                        }}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              ))}
            </Stack>
          )}
        </Section>

        <Stack gap="lg">
          <Section title={t('detail.account')} padded>
            <Facts
              rows={[
                [t('fields.currency'), customer.currency],
                [
                  t('fields.terms'),
                  customer.paymentTermsDays === null
                    ? '—'
                    : t('fields.termsDays', { count: customer.paymentTermsDays }),
                ],
                [
                  t('fields.creditLimit'),
                  customer.creditLimit === null ? '—' : format.money(customer.creditLimit, customer.currency),
                ],
                [t('fields.collector'), customer.collector?.name ?? t('fields.noCollector')],
                [t('fields.language'), t(`common:language.${customer.locale}`)],
                ...(customer.erpId ? [[t('fields.erpId'), customer.erpId] as [string, string]] : []),
                ...(customer.tags.length
                  ? [[t('fields.tags'), customer.tags.join(', ')] as [string, string]]
                  : []),
              ]}
            />
          </Section>
          <OnlinePaymentsSection customer={customer} canWrite={canWrite} />
          <AutopayPanel customer={customer} />
          <ConsolePayLinksPanel customerId={customer.id} canWrite={canWrite} />
          <CustomerActivityPanel customerId={customer.id} canWrite={canWrite} />
          <CustomerDeliveryCard customerId={customer.id} canWrite={canWrite} />
          <CustomerCollectionPanel
            customerId={customer.id}
            customerName={customer.name}
            canChange={canWrite}
          />
          <SendStatementPanel customerId={customer.id} canSend={canWrite} />
          <CustomerRemindersPanel
            customerId={customer.id}
            customerName={customer.name}
            canChange={canWrite}
          />
          {!onHold && (
            <Section title={t('hold.title')} padded>
              <Group justify="space-between" gap="sm">
                <Text size="sm" c="dimmed" maw={360}>
                  {t('hold.activeText')}
                </Text>
                {canWrite && (
                  <Button
                    size="compact-sm"
                    variant="default"
                    c="red.7"
                    leftSection={<IconLock size={14} aria-hidden />}
                    onClick={onPlaceHold}
                  >
                    {t('hold.place')}
                  </Button>
                )}
              </Group>
            </Section>
          )}
        </Stack>
      </SimpleGrid>

      {canWrite && (
        <ContactModal
          customerId={customer.id}
          contact={editing}
          opened={contactOpen}
          onClose={contactModal.close}
          defaultLocale={customer.locale}
        />
      )}
    </Stack>
  );
}

/** Whether this account may pay online; off, its portal says why (portal-pay's `customer_off`) instead. */
function OnlinePaymentsSection({ customer, canWrite }: { customer: CustomerDetail; canWrite: boolean }) {
  const { t } = useTranslation(['customers']);
  const { orgName } = useStaffContext();
  const setOnline = useSetOnlinePayments(customer.id);
  // While the change is on its way the switch shows what was asked for.
  const enabled = setOnline.isPending ? setOnline.variables.enabled : customer.onlinePayments;
  return (
    <Section title={t('onlinePayments.title')} padded>
      <Switch
        label={t('onlinePayments.label')}
        checked={enabled}
        disabled={!canWrite || setOnline.isPending}
        onChange={(event) =>
          setOnline.mutate(
            { enabled: event.currentTarget.checked },
            {
              onSuccess: ({ enabled: now }) =>
                notifications.show({
                  color: 'teal',
                  message: t(now ? 'onlinePayments.turnedOn' : 'onlinePayments.turnedOff', {
                    name: customer.name,
                  }),
                }),
            },
          )
        }
      />
      {!enabled && (
        <Text size="xs" c="dimmed">
          {t('onlinePayments.offNote', { org: orgName })}
        </Text>
      )}
      {setOnline.isError && <ProblemAlert error={setOnline.error} />}
    </Section>
  );
}

function Figure({
  label,
  value,
  color,
  strong = false,
}: {
  label: string;
  value: string;
  color?: string;
  strong?: boolean;
}) {
  return (
    <Paper withBorder p="md" className={figureCardClass}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts="0.04em">
        {label}
      </Text>
      <AmountFigure size={strong ? 22 : 18} c={color} mt={4}>
        {value}
      </AmountFigure>
    </Paper>
  );
}

const ACTIVITY_PAGE = 25;
const ACTION_KEYS = customersEn.activity.actions;

function ActivityIcon({ action }: { action: string }) {
  const size = 12;
  if (action.startsWith('payment.')) return <IconCash size={size} aria-hidden />;
  if (action.startsWith('credit_memo.')) return <IconReceiptRefund size={size} aria-hidden />;
  if (action.startsWith('invoice.')) return <IconFileInvoice size={size} aria-hidden />;
  if (action.includes('hold')) return <IconLock size={size} aria-hidden />;
  if (
    action.startsWith('customer_contact.') ||
    action.includes('membership') ||
    action.startsWith('invitation.')
  )
    return <IconUserPlus size={size} aria-hidden />;
  return <IconPlus size={size} aria-hidden />;
}

function ActivityTimeline({ customerId }: { customerId: string }) {
  const { t } = useTranslation(['customers', 'common']);
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const activity = useCustomerActivity(customerId, page);
  if (activity.isError && !activity.data)
    return <ProblemAlert error={activity.error} onRetry={() => void activity.refetch()} />;
  if (!activity.data) return <SectionLoader />;
  const items = activity.data.items;
  const actionLabel = (action: string) => {
    const key = action.replace('.', '__');
    return key in ACTION_KEYS ? t(`activity.actions.${key as keyof typeof ACTION_KEYS}`) : action;
  };
  const hasOlder =
    activity.data.total !== undefined
      ? page * (activity.data.pageSize ?? ACTIVITY_PAGE) < activity.data.total
      : items.length >= ACTIVITY_PAGE;
  return (
    <Paper withBorder p="lg">
      {items.length === 0 ? (
        <Group gap="sm">
          <ThemeIcon variant="light" color="gray" radius="xl">
            <IconActivity size={16} aria-hidden />
          </ThemeIcon>
          <Text size="sm" c="dimmed">
            {t('activity.empty')}
          </Text>
        </Group>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} active={-1}>
          {items.map((item, index) => (
            <Timeline.Item
              // Entries of one transaction share their time, action and entity (two contacts added
              // with their customer): the position in this ordered page tells them apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is ordered and read-only
              key={`${item.at}-${item.action}-${item.entityId}-${index}`}
              bullet={<ActivityIcon action={item.action} />}
              title={
                <Text size="sm">
                  <Text component="span" fw={600} size="sm">
                    {actionLabel(item.action)}
                  </Text>
                  {item.summary && ` · ${item.summary}`}
                </Text>
              }
            >
              <Text size="xs" c="dimmed" mt={2}>
                <time dateTime={item.date}>{format.day(item.date)}</time>
                {item.actor ? ` · ${item.actor.name}` : ` · ${t('activity.system')}`}
                {` · ${t('activity.recordedAt', { date: format.dateTime(item.at) })}`}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {(page > 1 || hasOlder) && (
        <Group justify="space-between" mt="lg">
          <Button variant="default" size="xs" disabled={page === 1} onClick={() => setPage((p) => p - 1)}>
            {t('activity.newer')}
          </Button>
          <Button variant="default" size="xs" disabled={!hasOlder} onClick={() => setPage((p) => p + 1)}>
            {t('activity.older')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
