import {
  Alert,
  Anchor,
  Code,
  EmptyState,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconLock, IconMailOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api/client';
import { useFormatters } from '../../app/format';
import { usePageTitle } from '../../app/page-title';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { type OutboxMessage, outboxHtmlUrl, useOutboxMessage } from './outbox.api';
import classes from './outbox.module.css';
import { deliveryOf, OutboxStatusBadge, useTemplateName } from './outbox-status-badge';

function BackToOutbox() {
  const { t } = useTranslation(['outbox', 'common']);
  return (
    <Anchor component={Link} to="/console/outbox" size="sm" c="dimmed">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('message.back')}
      </Group>
    </Anchor>
  );
}

export function OutboxMessagePage() {
  const { t } = useTranslation(['outbox', 'common']);
  const id = useParams().id ?? '';
  const message = useOutboxMessage(id);
  usePageTitle(message.data?.subject ?? t('message.pageTitle'));

  let body: ReactNode;
  if (message.data) body = <MessageView message={message.data} />;
  else if (isApiError(message.error) && message.error.status === 404) {
    body = (
      <Paper withBorder p="xl">
        <EmptyState
          icon={<IconMailOff size={28} stroke={1.5} aria-hidden />}
          withIndicatorBackground
          title={t('message.notFoundTitle')}
          description={t('message.notFoundText')}
        />
      </Paper>
    );
  } else if (message.isError) {
    body = <ProblemAlert error={message.error} onRetry={() => void message.refetch()} />;
  } else {
    body = (
      <Stack gap="md">
        <Skeleton height={32} width="60%" />
        <Skeleton height={220} />
        <Skeleton height={400} />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <BackToOutbox />
      {body}
    </Stack>
  );
}

function MessageView({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation(['outbox', 'common']);
  const format = useFormatters();
  const templateName = useTemplateName();
  const delivery = deliveryOf(message.status, message.transport);
  const redacted = !message.bodyWithheld && message.html === null && message.text === null;
  const deliveryText =
    delivery === 'captured'
      ? t('delivery.captured')
      : delivery === 'sent'
        ? t('delivery.sent', { count: message.attempts })
        : delivery === 'failed'
          ? t('delivery.failed', { count: message.attempts })
          : message.attempts === 0
            ? t('delivery.notTried')
            : t('delivery.retrying', { count: message.attempts });

  const rows: [string, ReactNode][] = [
    [t('fields.to'), message.to],
    [t('fields.from'), message.from],
    [t('fields.subject'), message.subject],
    [
      t('fields.status'),
      <OutboxStatusBadge key="status" status={message.status} transport={message.transport} />,
    ],
    [t('fields.template'), templateName(message.template)],
    [t('fields.createdAt'), format.dateTime(message.createdAt)],
    delivery === 'captured'
      ? [t('fields.capturedAt'), message.sentAt ? format.dateTime(message.sentAt) : t('message.notCaptured')]
      : [t('fields.sentAt'), message.sentAt ? format.dateTime(message.sentAt) : t('message.notSent')],
    [t('fields.attempts'), deliveryText],
  ];
  if (message.lastError)
    rows.push([
      t('fields.lastError'),
      <Code key="error" block>
        {message.lastError}
      </Code>,
    ]);

  return (
    <Stack gap="lg">
      <Title order={1} fz={24} style={{ overflowWrap: 'anywhere' }}>
        {message.subject}
      </Title>

      <Paper withBorder>
        <Table variant="vertical" layout="fixed" className={classes.meta} aria-label={t('message.details')}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th>{label}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      {message.bodyWithheld ? (
        <Alert
          variant="light"
          color="gray"
          icon={<IconLock size={20} aria-hidden />}
          title={t('message.withheldTitle')}
        >
          {message.template === 'pay_now' ? t('message.withheldPayNow') : t('message.withheldText')}
        </Alert>
      ) : redacted ? (
        <Alert
          variant="light"
          color="gray"
          icon={<IconLock size={20} aria-hidden />}
          title={t('message.redactedTitle')}
        >
          {t('message.redactedText')}
        </Alert>
      ) : (
        <Paper withBorder style={{ overflow: 'hidden' }}>
          <Tabs defaultValue={message.html !== null ? 'html' : 'text'} keepMounted={false}>
            <Tabs.List px="sm">
              <Tabs.Tab value="html">{t('message.htmlTab')}</Tabs.Tab>
              <Tabs.Tab value="text">{t('message.textTab')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html">
              {message.html !== null ? (
                <iframe
                  className={classes.frame}
                  sandbox=""
                  src={outboxHtmlUrl(message.id)}
                  title={t('message.htmlFrameTitle', { subject: message.subject })}
                  referrerPolicy="no-referrer"
                />
              ) : (
                <Text p="lg" c="dimmed" size="sm">
                  {t('message.noHtml')}
                </Text>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="text">
              {message.text !== null ? (
                <pre className={classes.text}>{message.text}</pre>
              ) : (
                <Text p="lg" c="dimmed" size="sm">
                  {t('message.noText')}
                </Text>
              )}
            </Tabs.Panel>
          </Tabs>
        </Paper>
      )}
    </Stack>
  );
}
