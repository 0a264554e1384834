import { Button, Group, NumberInput, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionLoader } from '../../shared/ui/loaders';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { Section } from '../../shared/ui/section';
import { usePayNowSettings, useSavePayNowSettings } from './pay-now.api';

/**
 * How long a pay-now e-mail's link stays payable (1–90 days), for the payment settings page;
 * links already sent keep theirs. Saves on its own (PUT /console/settings/pay-now).
 */
export function PayNowSettingsCard({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation('payNow');
  const settings = usePayNowSettings();
  const save = useSavePayNowSettings();
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    if (settings.data) setDays(settings.data.linkDays);
  }, [settings.data]);
  if (settings.isError) return <ProblemAlert error={settings.error} onRetry={() => settings.refetch()} />;
  if (days === null) return <SectionLoader />;
  const valid = Number.isInteger(days) && days >= 1 && days <= 90;
  return (
    <Section title={t('settings.title')} padded>
      <Text size="sm" c="dimmed">
        {t('settings.description')}
      </Text>
      <NumberInput
        label={t('settings.days')}
        value={days}
        min={1}
        max={90}
        allowDecimal={false}
        maw={220}
        disabled={!canWrite}
        onChange={(v) => setDays(typeof v === 'number' ? v : Number.NaN)}
      />
      {save.isError && <ProblemAlert error={save.error} />}
      {canWrite && (
        <Group justify="flex-end">
          <Button
            onClick={() => save.mutate({ linkDays: days })}
            loading={save.isPending}
            disabled={!valid || days === settings.data?.linkDays}
          >
            {t('settings.save')}
          </Button>
        </Group>
      )}
    </Section>
  );
}
