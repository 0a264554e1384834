import { Button, Group, NumberInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionLoader } from '../../shared/ui/loaders';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { Section } from '../../shared/ui/section';
import { useAutopaySettings, useSaveAutopaySettings } from './autopay.api';

/** The most days ahead a notice may go out (the server's bound). */
const MAX_NOTICE_DAYS = 30;

/**
 * The seller's autopay setting, for the payment settings page: how many days before each charge
 * its customers are told what will be charged (0: no notice). Saves on its own
 * (PUT /console/settings/autopay).
 */
export function AutopaySettingsCard() {
  const { t } = useTranslation('autopay');
  const settings = useAutopaySettings();
  const save = useSaveAutopaySettings();
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    if (settings.data) setDays(settings.data.noticeDays);
  }, [settings.data]);
  if (settings.isError) return <ProblemAlert error={settings.error} onRetry={() => settings.refetch()} />;
  if (days === null || !settings.data) return <SectionLoader />;
  const valid = Number.isInteger(days) && days >= 0 && days <= MAX_NOTICE_DAYS;
  return (
    <Section title={t('settings.title')} padded>
      <Text size="sm" c="dimmed">
        {t('settings.description')}
      </Text>
      <NumberInput
        label={t('settings.noticeDays')}
        description={t('settings.noticeDaysHint', { max: MAX_NOTICE_DAYS })}
        value={days}
        onChange={(value) => setDays(typeof value === 'number' ? value : Number.NaN)}
        min={0}
        max={MAX_NOTICE_DAYS}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="none"
        error={valid ? null : t('settings.noticeDaysError', { max: MAX_NOTICE_DAYS })}
        maw={240}
      />
      {save.isError && <ProblemAlert error={save.error} />}
      <Group justify="flex-end">
        <Button
          onClick={() =>
            save.mutate(
              { noticeDays: days },
              { onSuccess: () => notifications.show({ color: 'teal', message: t('settings.saved') }) },
            )
          }
          loading={save.isPending}
          disabled={!valid || days === settings.data.noticeDays}
        >
          {t('settings.save')}
        </Button>
      </Group>
    </Section>
  );
}
