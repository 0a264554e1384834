import { Alert, Anchor, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import { Money } from '../../shared/ui/money';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { PeriodFields, StatementDownload } from './period-fields';
import {
  consoleStatementUrl,
  periodProblem,
  thisMonth,
  useCustomerStatements,
  useSendStatement,
} from './statements.api';

/** The customer detail's statements: download any period, "send statement" for a period, those sent. */
export function SendStatementPanel({ customerId, canSend }: { customerId: string; canSend: boolean }) {
  const { t } = useTranslation('statements');
  const format = useFormatters();
  const list = useCustomerStatements(customerId);
  const send = useSendStatement(customerId);
  const [open, setOpen] = useState(false);
  const [period, setPeriod] = useState(thisMonth);
  const latest = list.data?.items.slice(0, 3) ?? [];
  // The server refuses such a period too (statement_period_invalid); the fields say why here.
  const valid = periodProblem(period) === null;
  return (
    <Paper withBorder p="md" data-testid="customer-statements">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t('title')}
        </Title>
        {canSend && (
          <Button size="compact-md" variant="light" onClick={() => setOpen(true)}>
            {t('send')}
          </Button>
        )}
      </Group>
      <Stack gap="xs" mt="xs">
        <PeriodFields value={period} onChange={setPeriod} />
        <div>
          <StatementDownload
            size="compact-md"
            variant="default"
            href={valid ? consoleStatementUrl(customerId, period.from, period.to) : null}
            label={t('download')}
          />
        </div>
      </Stack>
      {latest.length > 0 && (
        <Stack gap={2} mt="xs">
          {latest.map((s) => (
            <Text size="sm" key={s.id}>
              <Anchor href={consoleStatementUrl(customerId, s.periodStart, s.periodEnd)} download size="sm">
                {format.day(s.periodStart)} – {format.day(s.periodEnd)}
              </Anchor>
              {' · '}
              <Money minor={s.closingBalance} currency={s.currency} />
              {' · '}
              {t(s.channel === 'monthly' ? 'monthly' : 'onDemand')} · {format.dateTime(String(s.createdAt))}
            </Text>
          ))}
        </Stack>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('sendTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">
            {t('sendIntro')}{' '}
            <Anchor component={Link} to="/help/statements" size="sm" underline="always">
              {t('help')}
            </Anchor>
          </Text>
          <PeriodFields value={period} onChange={setPeriod} />
          {send.error ? <ProblemAlert error={send.error} /> : null}
          {send.data && (
            <Alert color="teal" variant="light" role="status">
              {t('sent', { count: send.data.messages })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('close')}
            </Button>
            <Button loading={send.isPending} disabled={!valid} onClick={() => send.mutate(period)}>
              {t('sendNow')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
