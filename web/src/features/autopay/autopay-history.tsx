import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../app/format';
import kit from '../../shared/ui/kit.module.css';
import type { AutopayCharge } from './autopay.api';
import classes from './autopay.module.css';
import { type ChargeTone, chargeTone } from './autopay-logic';

const TONE_COLORS: Record<ChargeTone, string> = {
  ok: 'teal',
  waiting: 'grape',
  retrying: 'yellow',
  stopped: 'red',
  skipped: 'gray',
};

/**
 * Autopay's charges, newest first: the day, the payment (a link to it), the amount, the result;
 * a decline says why in the payer's words and whether it will be tried again, and when.
 */
export function AutopayHistory({
  charges,
  currency,
  paymentPath,
  limit,
}: {
  charges: AutopayCharge[];
  currency: string;
  /** Where a payment's page is (portal or console). */
  paymentPath: (id: string) => string;
  /** Show this many until "Show all" (the console's side column). */
  limit?: number;
}) {
  const { t } = useTranslation('autopay');
  const format = useFormatters();
  const [all, setAll] = useState(false);
  if (charges.length === 0)
    return (
      <Group gap="sm" c="dimmed" py="xs">
        <IconHistory size={18} aria-hidden />
        <Text size="sm">{t('history.empty')}</Text>
      </Group>
    );
  const shown = limit && !all ? charges.slice(0, limit) : charges;
  return (
    <Stack gap="xs">
      <Paper withBorder>
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="autopay-history">
          {shown.map((charge) => {
            const tone = chargeTone(charge);
            return (
              <Box
                component="li"
                key={`${charge.on}-${charge.attempt}-${charge.paymentId ?? ''}`}
                px="md"
                py="sm"
                className={classes.historyItem}
              >
                <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
                  <Stack gap={0} miw={0}>
                    <Text size="sm" fw={600}>
                      {format.day(charge.on)}
                    </Text>
                    <Group gap={6} wrap="wrap">
                      {charge.paymentId && charge.number ? (
                        <Anchor component={Link} to={paymentPath(charge.paymentId)} size="xs">
                          {charge.number}
                        </Anchor>
                      ) : null}
                      {charge.attempt > 1 && (
                        <Text size="xs" c="dimmed">
                          {t('history.attempt', { count: charge.attempt })}
                        </Text>
                      )}
                    </Group>
                  </Stack>
                  <Group gap="sm" wrap="nowrap">
                    <Text size="sm" fw={600} className={kit.money} data-amount>
                      {format.money(charge.amount, currency)}
                    </Text>
                    <Badge color={TONE_COLORS[tone]} variant="light" radius="sm" tt="none" fw={600}>
                      {t(`history.tone.${tone}`)}
                    </Badge>
                  </Group>
                </Group>
                {charge.failure && (
                  <Text size="xs" c="red.8" mt={4}>
                    {t('history.reason', { message: charge.failure.message })}{' '}
                    {tone === 'retrying' && charge.nextRetryOn
                      ? t('history.retryOn', { date: format.day(charge.nextRetryOn) })
                      : tone === 'stopped'
                        ? t('history.stopped')
                        : null}
                  </Text>
                )}
              </Box>
            );
          })}
        </Box>
      </Paper>
      {limit && charges.length > limit && (
        <Box>
          <Button variant="subtle" size="compact-sm" onClick={() => setAll((open) => !open)}>
            {all ? t('history.showLess') : t('history.showAll', { count: charges.length })}
          </Button>
        </Box>
      )}
    </Stack>
  );
}
