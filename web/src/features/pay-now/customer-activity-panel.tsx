import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import { ListPagination } from '../../shared/ui/list-pagination';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { Section } from '../../shared/ui/section';
import { type CustomerMessage, useCustomerMessages, useCustomerPayNow } from './pay-now.api';
import { PayNowLinks } from './pay-now-links';

const statusColor: Record<CustomerMessage['status'], string> = {
  queued: 'blue',
  sent: 'teal',
  failed: 'red',
  fallback: 'orange',
};

const LATEST = 5;
const ALL = 25;

/**
 * The customer page's messages: every e-mail sent to the customer (pay-now e-mails, receipts,
 * reminders, statements…) with its delivery status — queued, sent, failed, or failed and sent
 * to the next contact instead (fallback) — and its copy in the outbox; the latest five, "see all
 * activity" for the whole history. Below, the pay-now links sent, with their state.
 */
export function CustomerActivityPanel({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const { t } = useTranslation('payNow');
  const format = useFormatters();
  const [all, setAll] = useState(false);
  const [page, setPage] = useState(1);
  const pageSize = all ? ALL : LATEST;
  const messages = useCustomerMessages(customerId, all ? page : 1, pageSize);
  const payNow = useCustomerPayNow(customerId);
  return (
    <Section title={t('activity.title')} padded>
      <Stack gap="sm">
        {messages.isError && <ProblemAlert error={messages.error} onRetry={() => messages.refetch()} />}
        {messages.data && messages.data.total === 0 && (
          <Text size="sm" c="dimmed">
            {t('activity.none')}
          </Text>
        )}
        {messages.data?.items.map((m) => (
          <Group
            key={m.id}
            justify="space-between"
            gap="xs"
            wrap="wrap"
            py={2}
            data-testid="customer-message"
          >
            <Stack gap={0} style={{ minWidth: 0, flex: '1 1 16rem' }}>
              <Anchor
                component={Link}
                to={`/console/outbox/${m.id}`}
                size="sm"
                fw={500}
                style={{ overflowWrap: 'anywhere' }}
              >
                {m.subject}
              </Anchor>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('activity.to', { to: m.to })} · {format.dateTime(String(m.createdAt))}
                {m.attachments > 0 ? ` · ${t('activity.attachments', { count: m.attachments })}` : ''}
                {m.fallbackTo ? ` · ${t('activity.fallbackTo', { to: m.fallbackTo })}` : ''}
                {m.fallbackOf ? ` · ${t('activity.fallbackCopy')}` : ''}
              </Text>
              {(m.status === 'failed' || m.status === 'fallback') && m.lastError && (
                <Text size="xs" c="red" style={{ overflowWrap: 'anywhere' }}>
                  {m.lastError}
                </Text>
              )}
            </Stack>
            <Badge color={statusColor[m.status]} variant="light" radius="sm" tt="none" fw={600}>
              {t(`activity.status.${m.status}`)}
            </Badge>
          </Group>
        ))}
        {messages.data && !all && messages.data.total > LATEST && (
          <Group>
            <Button variant="subtle" size="compact-sm" onClick={() => setAll(true)}>
              {t('activity.seeAll', { count: messages.data.total })}
            </Button>
          </Group>
        )}
        {all && messages.data && (
          <ListPagination
            page={page}
            totalPages={Math.ceil(messages.data.total / ALL)}
            onPage={setPage}
            label={t('activity.pages')}
          />
        )}
        <Text fw={600} size="sm" component="h3" m={0} mt="xs">
          {t('links.title')}
        </Text>
        {payNow.isError && <ProblemAlert error={payNow.error} onRetry={() => payNow.refetch()} />}
        {payNow.data && <PayNowLinks links={payNow.data.links} canWrite={canWrite} />}
      </Stack>
    </Section>
  );
}
