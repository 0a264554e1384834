import { Badge, Button, Code, Drawer, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { Facts } from '../../shared/ui/facts';
import { SectionLoader } from '../../shared/ui/loaders';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { DeliveryStatusBadge } from './webhook-badges';
import { useRedeliver, useWebhookDelivery } from './webhooks.api';

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** One delivery: its attempts with the answers received, the body it sends, and "Redeliver". */
export function DeliveryDrawer({
  deliveryId,
  canManage,
  onClose,
}: {
  deliveryId: string | null;
  canManage: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('webhooks');
  const format = useFormatters();
  const delivery = useWebhookDelivery(deliveryId);
  const redeliver = useRedeliver();
  const data = delivery.data;

  return (
    <Drawer
      opened={deliveryId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={data ? t('detail.title', { type: data.eventType }) : t('deliveries.title')}
      closeButtonProps={{ 'aria-label': t('detail.close') }}
    >
      {delivery.isError ? (
        <ProblemAlert error={delivery.error} onRetry={() => void delivery.refetch()} />
      ) : !data ? (
        <SectionLoader />
      ) : (
        <Stack gap="lg">
          <Facts
            rows={[
              [t('detail.status'), <DeliveryStatusBadge key="s" status={data.status} />],
              [t('detail.endpoint'), data.endpointUrl],
              [t('detail.eventId'), <Code key="e">{data.eventId}</Code>],
              [t('deliveries.created'), format.dateTime(String(data.createdAt))],
            ]}
          />
          {canManage && (
            <Group>
              <Button
                leftSection={<IconSend size={16} aria-hidden />}
                loading={redeliver.isPending}
                onClick={() =>
                  redeliver.mutate(data.id, {
                    onSuccess: () => notifications.show({ color: 'teal', message: t('detail.redelivered') }),
                  })
                }
              >
                {t('detail.redeliver')}
              </Button>
            </Group>
          )}
          {redeliver.isError && <ProblemAlert error={redeliver.error} />}

          <Stack gap="sm">
            <Title order={3} fz="md">
              {t('detail.attempts')}
            </Title>
            {data.attemptsLog.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('detail.noAttempts')}
              </Text>
            )}
            {data.attemptsLog.map((a) => (
              <Paper key={a.attempt} withBorder p="sm" data-testid="webhook-attempt">
                <Group justify="space-between" gap="xs">
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {t('detail.attempt', { n: a.attempt })}
                    </Text>
                    <Badge
                      tt="none"
                      variant="light"
                      color={
                        a.statusCode !== null && a.statusCode >= 200 && a.statusCode < 300 ? 'teal' : 'red'
                      }
                    >
                      {a.statusCode ?? t('detail.noAnswer')}
                    </Badge>
                    {a.manual && (
                      <Badge variant="outline" color="gray" tt="none">
                        {t('detail.manual')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {format.dateTime(String(a.startedAt))} ·{' '}
                    {t('detail.duration', { ms: format.number(a.durationMs) })}
                  </Text>
                </Group>
                {a.error && (
                  <Text size="sm" mt="xs">
                    {t('detail.error')}: {a.error}
                  </Text>
                )}
                {a.responseBody && (
                  <>
                    <Text size="xs" c="dimmed" mt="xs">
                      {t('detail.response')}
                    </Text>
                    <Code
                      block
                      style={{
                        whiteSpace: 'pre-wrap',
                        wordBreak: 'break-all',
                        maxHeight: 160,
                        overflow: 'auto',
                      }}
                    >
                      {a.responseBody}
                    </Code>
                  </>
                )}
              </Paper>
            ))}
          </Stack>

          <Stack gap="xs">
            <Title order={3} fz="md">
              {t('detail.body')}
            </Title>
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="webhook-body">
              {pretty(data.body)}
            </Code>
          </Stack>
        </Stack>
      )}
    </Drawer>
  );
}
