import { Button, Group, Radio, Stack, Switch, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionLoader } from '../../shared/ui/loaders';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { Section } from '../../shared/ui/section';
import { type CreditCheckSettings, useCreditCheckSettings, useSaveCreditCheckSettings } from './pay-link.api';

/**
 * The seller's setting for orders over the credit limit, for the payment settings page: whether
 * they may be paid online at all, and whether a pay link asks for the part over the limit or
 * the whole order. Saves on its own (PUT /console/settings/credit-checks).
 */
export function CreditCheckSettingsCard({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation('payLink');
  const settings = useCreditCheckSettings();
  const save = useSaveCreditCheckSettings();
  const [draft, setDraft] = useState<CreditCheckSettings | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  if (settings.isError) return <ProblemAlert error={settings.error} onRetry={() => settings.refetch()} />;
  if (!draft) return <SectionLoader />;
  const changed =
    draft.onlineOrders !== settings.data?.onlineOrders || draft.orderPayment !== settings.data?.orderPayment;
  return (
    <Section title={t('settings.title')} padded>
      <Text size="sm" c="dimmed">
        {t('settings.description')}
      </Text>
      <Switch
        label={t('settings.onlineOrders')}
        checked={draft.onlineOrders}
        disabled={!canWrite}
        onChange={(e) => setDraft({ ...draft, onlineOrders: e.currentTarget.checked })}
      />
      <Radio.Group
        label={t('settings.orderPayment')}
        value={draft.orderPayment}
        onChange={(v) => setDraft({ ...draft, orderPayment: v as CreditCheckSettings['orderPayment'] })}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="excess" label={t('settings.excess')} disabled={!canWrite} />
          <Radio value="whole" label={t('settings.whole')} disabled={!canWrite} />
        </Stack>
      </Radio.Group>
      {save.isError && <ProblemAlert error={save.error} />}
      {canWrite && (
        <Group justify="flex-end">
          <Button onClick={() => save.mutate(draft)} loading={save.isPending} disabled={!changed}>
            {t('settings.save')}
          </Button>
        </Group>
      )}
    </Section>
  );
}
