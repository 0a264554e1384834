import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { Money } from '../../shared/ui/money';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { type PayNowLink, useRevokePayNowLink } from './pay-now.api';

const stateColor: Record<PayNowLink['state'], string> = {
  open: 'blue',
  processing: 'grape',
  paid: 'teal',
  expired: 'gray',
  cancelled: 'gray',
};

/**
 * Pay-now links sent, newest first: what each names, to whom it went, and its state (open, being
 * paid, paid, expired, revoked); staff may revoke one nobody paid. The link's address is never
 * shown: only its recipients have it.
 */
export function PayNowLinks({ links, canWrite }: { links: PayNowLink[]; canWrite: boolean }) {
  const { t } = useTranslation('payNow');
  const format = useFormatters();
  const revoke = useRevokePayNowLink();
  if (links.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('links.none')}
      </Text>
    );
  return (
    <Stack gap={6}>
      {revoke.isError && <ProblemAlert error={revoke.error} />}
      {links.map((l) => {
        const what = l.invoices.map((i) => i.number).join(', ');
        return (
          <Group key={l.id} justify="space-between" gap="xs" wrap="wrap" py={4} data-testid="pay-now-link">
            <Stack gap={0} style={{ minWidth: 0, flex: '1 1 16rem' }}>
              <Text size="sm" fw={500}>
                {what} · <Money minor={l.amount} currency={l.currency} />
              </Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('links.sentTo', { to: [...new Set(l.messages.map((m) => m.to))].join(', ') })} ·{' '}
                {format.dateTime(String(l.createdAt))}
                {l.state === 'open'
                  ? ` · ${t('links.expires', { date: format.dateTime(String(l.expiresAt)) })}`
                  : ''}
                {l.payment ? ` · ${t('links.payment', { number: l.payment.number })}` : ''}
              </Text>
            </Stack>
            <Group gap="xs">
              <Badge color={stateColor[l.state]} variant="light" radius="sm" tt="none" fw={600}>
                {t(`links.states.${l.state}`)}
              </Badge>
              {canWrite && l.state === 'open' && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  loading={revoke.isPending && revoke.variables === l.id}
                  onClick={() => revoke.mutate(l.id)}
                  aria-label={t('links.revokeLabel', { what })}
                >
                  {t('links.revoke')}
                </Button>
              )}
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}
