import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Button,
  EmptyState,
  Group,
  Menu,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { useStaffContext } from '../../app/session';
import { SectionLoader } from '../../shared/ui/loaders';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { Section } from '../../shared/ui/section';
import { TableScroll } from '../../shared/ui/table-scroll';
import { DeliveryDrawer } from './delivery-drawer';
import { ConfirmModal, EndpointFormModal, SecretModal } from './endpoint-modals';
import { DeliveryStatusBadge, EndpointStatusBadge } from './webhook-badges';
import {
  DELIVERIES_PAGE_SIZE,
  type DeliveryStatus,
  type EndpointWithSecret,
  useDeleteEndpoint,
  useRollSecret,
  useSendTestEvent,
  useUpdateEndpoint,
  useWebhookDeliveries,
  useWebhookEndpoints,
  type WebhookEndpoint,
} from './webhooks.api';

export const WEBHOOK_MANAGE_ROLES = ['owner', 'admin'] as const;
const statuses: DeliveryStatus[] = ['pending', 'delivered', 'failed'];

/** Settings → Webhooks: the endpoints, their secrets (shown once), test events and the delivery log. */
export function WebhooksPage() {
  const { t } = useTranslation('webhooks');
  const format = useFormatters();
  const { role } = useStaffContext();
  const canManage = (WEBHOOK_MANAGE_ROLES as readonly string[]).includes(role);
  usePageTitle(t('title'));

  const endpoints = useWebhookEndpoints();
  const eventTypes = endpoints.data?.eventTypes ?? [];
  const [editing, setEditing] = useState<WebhookEndpoint | null | undefined>(undefined);
  const [secret, setSecret] = useState<{ shown: EndpointWithSecret; rolled: boolean } | null>(null);
  const [rolling, setRolling] = useState<WebhookEndpoint | null>(null);
  const [removing, setRemoving] = useState<WebhookEndpoint | null>(null);
  const roll = useRollSecret();
  const remove = useDeleteEndpoint();
  const update = useUpdateEndpoint();
  const test = useSendTestEvent();

  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters = {
    page,
    ...(params.get('endpoint') ? { endpointId: params.get('endpoint')! } : {}),
    ...(params.get('status') ? { status: params.get('status') as DeliveryStatus } : {}),
    ...(params.get('type') ? { eventType: params.get('type')! } : {}),
  };
  const deliveries = useWebhookDeliveries(filters);
  const [openDelivery, setOpenDelivery] = useState<string | null>(null);
  const setFilter = (name: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      if (name !== 'page') next.delete('page');
      return next;
    });
  const filtered = Boolean(filters.endpointId || filters.status || filters.eventType);
  const typeName = (type: string) => (t(`eventType.${type}`, { defaultValue: type }) as string) || type;

  const data = deliveries.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || DELIVERIES_PAGE_SIZE))) : 1;

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
              {t('endpoints.add')}
            </Button>
          )
        }
      />
      {!canManage && (
        <Alert variant="light" color="blue" mb="md">
          {t('readOnly')}
        </Alert>
      )}

      <Stack gap="xl">
        <Section title={t('endpoints.title')}>
          {endpoints.isError ? (
            <Box p="md">
              <ProblemAlert error={endpoints.error} onRetry={() => void endpoints.refetch()} />
            </Box>
          ) : !endpoints.data ? (
            <SectionLoader />
          ) : endpoints.data.items.length === 0 ? (
            <EmptyState
              py={40}
              icon={<IconWebhook size={28} stroke={1.5} aria-hidden />}
              withIndicatorBackground
              title={t('endpoints.emptyTitle')}
              description={t('endpoints.emptyText')}
            />
          ) : (
            <TableScroll minWidth={760} stack>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('endpoints.url')}</Table.Th>
                    <Table.Th>{t('endpoints.events')}</Table.Th>
                    <Table.Th>{t('endpoints.status')}</Table.Th>
                    <Table.Th>{t('endpoints.secret')}</Table.Th>
                    {canManage && <Table.Th w={48} aria-label={t('endpoints.actions', { url: '' })} />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {endpoints.data.items.map((e) => (
                    <Table.Tr key={e.id} data-testid="webhook-endpoint">
                      <Table.Td data-label={t('endpoints.url')}>
                        <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
                          {e.url}
                        </Text>
                        {e.description && (
                          <Text size="sm" c="dimmed">
                            {e.description}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td data-label={t('endpoints.events')}>
                        {e.eventTypes
                          ? e.eventTypes.length <= 2
                            ? e.eventTypes.map(typeName).join(', ')
                            : t('endpoints.someEvents', { count: e.eventTypes.length })
                          : t('endpoints.allEvents')}
                      </Table.Td>
                      <Table.Td data-label={t('endpoints.status')}>
                        <EndpointStatusBadge enabled={e.enabled} />
                      </Table.Td>
                      <Table.Td data-label={t('endpoints.secret')}>
                        <Text size="sm">{t('endpoints.secretEnding', { last4: e.secretLast4 })}</Text>
                        {e.previousSecretExpiresAt &&
                          new Date(String(e.previousSecretExpiresAt)) > new Date() && (
                            <Text size="xs" c="dimmed">
                              {t('endpoints.previousUntil', {
                                when: format.dateTime(String(e.previousSecretExpiresAt)),
                              })}
                            </Text>
                          )}
                      </Table.Td>
                      {canManage && (
                        <Table.Td>
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <ActionIcon
                                variant="subtle"
                                color="gray"
                                aria-label={t('endpoints.actions', { url: e.url })}
                              >
                                <IconDots size={18} aria-hidden />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              <Menu.Item onClick={() => setEditing(e)}>{t('endpoints.edit')}</Menu.Item>
                              <Menu.Item
                                onClick={() =>
                                  test.mutate(e.id, {
                                    onSuccess: () =>
                                      notifications.show({
                                        color: 'teal',
                                        message: t('endpoints.testSent', { url: e.url }),
                                      }),
                                    onError: (err) =>
                                      notifications.show({ color: 'red', message: (err as Error).message }),
                                  })
                                }
                              >
                                {t('endpoints.sendTest')}
                              </Menu.Item>
                              <Menu.Item onClick={() => setRolling(e)}>{t('endpoints.rollSecret')}</Menu.Item>
                              <Menu.Item onClick={() => update.mutate({ id: e.id, enabled: !e.enabled })}>
                                {e.enabled ? t('endpoints.disable') : t('endpoints.enable')}
                              </Menu.Item>
                              <Menu.Divider />
                              <Menu.Item color="red" onClick={() => setRemoving(e)}>
                                {t('endpoints.delete')}
                              </Menu.Item>
                            </Menu.Dropdown>
                          </Menu>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </Section>

        <Section title={t('deliveries.title')}>
          <Group p="md" gap="sm" align="flex-end">
            <Select
              label={t('deliveries.endpoint')}
              placeholder={t('deliveries.anyEndpoint')}
              clearable
              data={(endpoints.data?.items ?? []).map((e) => ({ value: e.id, label: e.url }))}
              value={filters.endpointId ?? null}
              onChange={(v) => setFilter('endpoint', v)}
              w={{ base: '100%', sm: 280 }}
            />
            <Select
              label={t('deliveries.status')}
              placeholder={t('deliveries.anyStatus')}
              clearable
              data={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              value={filters.status ?? null}
              onChange={(v) => setFilter('status', v)}
              w={{ base: '100%', sm: 180 }}
            />
            <Select
              label={t('deliveries.type')}
              placeholder={t('deliveries.anyType')}
              clearable
              data={[...eventTypes, 'webhook.test'].map((type) => ({ value: type, label: typeName(type) }))}
              value={filters.eventType ?? null}
              onChange={(v) => setFilter('type', v)}
              w={{ base: '100%', sm: 240 }}
            />
          </Group>
          {deliveries.isError && !data ? (
            <Box px="md" pb="md">
              <ProblemAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} />
            </Box>
          ) : !data ? (
            <SectionLoader />
          ) : data.items.length === 0 ? (
            <EmptyState
              py={40}
              icon={<IconWebhook size={28} stroke={1.5} aria-hidden />}
              withIndicatorBackground
              title={filtered ? t('deliveries.noMatchesTitle') : t('deliveries.emptyTitle')}
              description={filtered ? t('deliveries.noMatchesText') : t('deliveries.emptyText')}
            />
          ) : (
            <>
              <TableScroll minWidth={820} stack>
                <Table highlightOnHover opacity={deliveries.isPlaceholderData ? 0.6 : 1}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('deliveries.type')}</Table.Th>
                      <Table.Th>{t('deliveries.endpoint')}</Table.Th>
                      <Table.Th>{t('deliveries.status')}</Table.Th>
                      <Table.Th ta="right">{t('deliveries.attempts')}</Table.Th>
                      <Table.Th>{t('deliveries.lastResponse')}</Table.Th>
                      <Table.Th ta="right">{t('deliveries.created')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((d) => (
                      <Table.Tr key={d.id} data-testid="webhook-delivery">
                        <Table.Td data-label={t('deliveries.type')}>
                          <Anchor
                            component="button"
                            type="button"
                            size="sm"
                            fw={600}
                            onClick={() => setOpenDelivery(d.id)}
                            aria-label={t('deliveries.open', {
                              type: typeName(d.eventType),
                              when: format.dateTime(String(d.createdAt)),
                            })}
                          >
                            {typeName(d.eventType)}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {d.eventType}
                          </Text>
                        </Table.Td>
                        <Table.Td data-label={t('deliveries.endpoint')}>
                          <Text size="sm" style={{ wordBreak: 'break-all' }}>
                            {d.endpointUrl}
                          </Text>
                        </Table.Td>
                        <Table.Td data-label={t('deliveries.status')}>
                          <DeliveryStatusBadge status={d.status} />
                          {d.status === 'pending' && d.nextAttemptAt && d.attempts > 0 && (
                            <Text size="xs" c="dimmed">
                              {t('deliveries.next', { when: format.dateTime(String(d.nextAttemptAt)) })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td data-label={t('deliveries.attempts')} ta="right">
                          {format.number(d.attempts)}
                        </Table.Td>
                        <Table.Td data-label={t('deliveries.lastResponse')}>
                          {d.lastStatusCode ?? '—'}
                        </Table.Td>
                        <Table.Td data-label={t('deliveries.created')} ta="right">
                          {format.dateTime(String(d.createdAt))}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
              <Group p="md" justify="space-between">
                <Text size="sm" c="dimmed">
                  {t('deliveries.range', {
                    from: format.number((data.page - 1) * data.pageSize + 1),
                    to: format.number(Math.min(data.page * data.pageSize, data.total)),
                    total: format.number(data.total),
                  })}
                </Text>
                {totalPages > 1 && (
                  <Pagination
                    total={totalPages}
                    value={page}
                    onChange={(p) => setFilter('page', p > 1 ? String(p) : null)}
                    getControlProps={() => ({ 'aria-label': t('deliveries.pagination') })}
                  />
                )}
              </Group>
            </>
          )}
        </Section>
      </Stack>

      {editing !== undefined && (
        <EndpointFormModal
          opened
          endpoint={editing}
          eventTypes={eventTypes}
          onClose={() => setEditing(undefined)}
          onCreated={(created) => setSecret({ shown: created, rolled: false })}
        />
      )}
      <SecretModal
        shown={secret?.shown ?? null}
        rolled={secret?.rolled ?? false}
        onClose={() => setSecret(null)}
      />
      <ConfirmModal
        opened={rolling !== null}
        title={t('roll.title')}
        text={t('roll.text', { url: rolling?.url ?? '' })}
        confirm={t('roll.confirm')}
        pending={roll.isPending}
        error={roll.error}
        onClose={() => setRolling(null)}
        onConfirm={() =>
          rolling &&
          roll.mutate(rolling.id, {
            onSuccess: (rolled) => {
              setRolling(null);
              setSecret({ shown: rolled, rolled: true });
            },
          })
        }
      />
      <ConfirmModal
        opened={removing !== null}
        title={t('remove.title')}
        text={t('remove.text', { url: removing?.url ?? '' })}
        confirm={t('remove.confirm')}
        color="red"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              setRemoving(null);
              notifications.show({ color: 'teal', message: t('remove.done') });
            },
          })
        }
      />
      <DeliveryDrawer deliveryId={openDelivery} canManage={canManage} onClose={() => setOpenDelivery(null)} />
    </>
  );
}
