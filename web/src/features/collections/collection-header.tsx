import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconMailFast } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/format';
import { CollectionSettingsModal } from './collection-settings-modal';
import { hourLabel, useCollectionOverview, weekdayName } from './collections.api';

/** The receivables header's strip: the weekly schedule, how many customers are subscribed, its settings. */
export function CollectionHeader({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation('collections');
  const format = useFormatters();
  const overview = useCollectionOverview();
  const [open, setOpen] = useState(false);
  const data = overview.data;
  if (!data) return null;
  const { schedule } = data;
  return (
    <Paper withBorder p="sm" mb="md" data-testid="collection-header">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconMailFast size={22} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={0}>
            <Text fw={600} size="sm">
              {t('header.title')}
              {' · '}
              {schedule.enabled
                ? t('header.schedule', {
                    weekday: weekdayName(schedule.weekday, format.locale),
                    hour: hourLabel(schedule.hour),
                    timeZone: data.timeZone,
                  })
                : t('header.off')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('header.subscribed', { count: data.subscribed })}
              {schedule.enabled && data.nextRunAt
                ? ` · ${t('header.nextRun', { when: format.dateTime(String(data.nextRunAt)) })}`
                : ''}
            </Text>
          </Stack>
        </Group>
        {canChange && (
          <Button variant="light" size="compact-md" onClick={() => setOpen(true)}>
            {t('header.settings')}
          </Button>
        )}
      </Group>
      {open && <CollectionSettingsModal opened onClose={() => setOpen(false)} />}
    </Paper>
  );
}
